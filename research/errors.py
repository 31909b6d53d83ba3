"""Exception and warning types of the package.

Every problem with a user's corpus is reported with one of these, naming the
file (and line or record where that applies), never as a bare traceback from
deep inside a library.
"""


class CorpusError(ValueError):
    """A corpus file or manifest cannot be used as given."""


class CorpusWarning(UserWarning):
    """Something in the corpus was repaired or skipped; the message says what and where."""


class AnalysisError(ValueError):
    """An analysis cannot run on this input (for example it needs two articles and got one)."""
