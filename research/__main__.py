"""`python -m research ...`: the command line of `research.report.cli`."""

from research.report.cli import main

raise SystemExit(main())
