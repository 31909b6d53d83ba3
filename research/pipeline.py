"""One call for the whole chain: `analyse(articles)` computes every table once, in data-flow order.

Each stage takes the table it consumes (blocks, passages, spans, cues) and never
re-runs an earlier one; `analyse` is the one place that runs them in sequence,
for users who want every table of one event without writing the chain out.
"""

from __future__ import annotations

from typing import NamedTuple

import pandas as pd

from research.claims.actors import group_actors
from research.claims.cues import attributions
from research.claims.ledger import extract_claims
from research.corpus.blocks import split_blocks
from research.corpus.passages import split_passages
from research.framing.markers import find_markers
from research.framing.voices import voice_spans
from research.reuse.alignment import align
from research.reuse.overlap import article_overlap
from research.story.coverage import coverage
from research.story.elements import StoryElements, cluster_passages


class Analysis(NamedTuple):
    """The tables of one event, each as its stage returns it (see the stage's docstring)."""

    articles: pd.DataFrame
    blocks: pd.DataFrame
    passages: pd.DataFrame
    spans: pd.DataFrame
    overlap: pd.DataFrame
    elements: StoryElements
    coverage: pd.DataFrame
    cues: pd.DataFrame
    claims: pd.DataFrame
    markers: pd.DataFrame


def analyse(articles: pd.DataFrame) -> Analysis:
    """Every table of one event's articles (`load_articles`), computed once each with the defaults.

    The comparisons (`spans`, `overlap`) are empty unless two articles have body text.
    """
    blocks = split_blocks(articles)
    passages = split_passages(blocks)
    spans = align(passages, articles)
    found = cluster_passages(passages, articles)
    cues = group_actors(attributions(blocks, articles), articles)
    return Analysis(
        articles=articles,
        blocks=blocks,
        passages=passages,
        spans=spans,
        overlap=article_overlap(spans, passages, articles),
        elements=found,
        coverage=coverage(found, passages, voices=voice_spans(passages, articles, cues)),
        cues=cues,
        claims=extract_claims(passages, cues, articles),
        markers=find_markers(passages),
    )
