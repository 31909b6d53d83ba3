"""Compare how several news outlets cover one event.

Data flows one way: files -> articles (`load_articles`) -> blocks with roles
(`split_blocks`) -> passages with offsets (`split_passages`) -> analyses.
"""

from research.audit import assert_accounted, check_accounting, cleaning_audit
from research.blocks import ROLES, split_blocks
from research.corpus import default_corpus, load_articles
from research.errors import AnalysisError, CorpusError, CorpusWarning
from research.passages import split_passages

__all__ = [
    "ROLES",
    "AnalysisError",
    "CorpusError",
    "CorpusWarning",
    "assert_accounted",
    "check_accounting",
    "cleaning_audit",
    "default_corpus",
    "load_articles",
    "split_blocks",
    "split_passages",
]
