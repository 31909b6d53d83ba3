"""Compare how several news outlets cover one event.

Data flows one way: files -> articles (`load_articles`) -> blocks with roles
(`split_blocks`) -> passages with offsets (`split_passages`) -> analyses.
"""

from research.alignment import align
from research.attribution import actor_group, attributions, group_actors
from research.audit import assert_accounted, check_accounting, cleaning_audit
from research.blocks import ROLES, split_blocks
from research.claims import claim_conflicts, claim_ledger, extract_claims
from research.corpus import default_corpus, load_articles
from research.coverage import coverage, ledes, omissions
from research.dates import resolve_dates
from research.elements import StoryElements, cluster_passages
from research.errors import AnalysisError, CorpusError, CorpusWarning
from research.events import cluster_articles
from research.framing import (
    distinctive_terms,
    find_markers,
    headline_framing,
    marker_rates,
    reporting_verbs,
)
from research.overlap import article_overlap
from research.passages import split_passages
from research.similarity import TextVectorizer, pair_similarity, similar_pairs
from research.tables import save_table
from research.voices import voice_shares, voice_spans

__all__ = [
    "ROLES",
    "AnalysisError",
    "CorpusError",
    "CorpusWarning",
    "StoryElements",
    "TextVectorizer",
    "actor_group",
    "align",
    "article_overlap",
    "assert_accounted",
    "attributions",
    "check_accounting",
    "claim_conflicts",
    "claim_ledger",
    "cleaning_audit",
    "cluster_articles",
    "cluster_passages",
    "coverage",
    "default_corpus",
    "distinctive_terms",
    "extract_claims",
    "find_markers",
    "group_actors",
    "headline_framing",
    "ledes",
    "load_articles",
    "marker_rates",
    "omissions",
    "pair_similarity",
    "reporting_verbs",
    "resolve_dates",
    "save_table",
    "similar_pairs",
    "split_blocks",
    "split_passages",
    "voice_shares",
    "voice_spans",
]
