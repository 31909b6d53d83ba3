"""Shared fixtures: the seed corpus and the development data folder (skips when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import research

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("RESEARCH_DATA", ROOT.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def seed_articles():
    return research.load_articles()


@pytest.fixture(scope="session")
def seed_blocks(seed_articles):
    return research.split_blocks(seed_articles)


@pytest.fixture(scope="session")
def seed_passages(seed_blocks):
    return research.split_passages(seed_blocks)


@pytest.fixture(scope="session")
def data_dir():
    """The development corpora (../shared/data or $RESEARCH_DATA); tests using it skip without it."""
    if not DATA.is_dir():
        pytest.skip(f"development data not found at {DATA}")
    return DATA


def body_of(blocks, article_id):
    return blocks[(blocks["article_id"] == article_id) & (blocks["role"] == "body")]["text"].tolist()


def sentences(articles):
    """The sentence passages of `articles` (blocks, then passages)."""
    return research.split_passages(research.split_blocks(articles))


def cues_of(articles):
    """The attributions of `articles`, from their blocks."""
    return research.attributions(research.split_blocks(articles), articles)
