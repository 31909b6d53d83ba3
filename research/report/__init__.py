"""Present: charts, HTML views, notebook setup, the report builder and the command line.

May import every other subpackage. Importing this package imports nothing heavy:
the report builder (`research.report.build`, which needs the notebook tools) is
imported by the command line only when it runs.
"""
