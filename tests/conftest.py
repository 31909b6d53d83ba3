"""Shared fixtures: the seed corpus, the development data folder and the AllSides bias corpus (skip when absent);
the benchmark scripts as modules."""

from __future__ import annotations

import importlib
import os
import sys
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


@pytest.fixture(scope="session")
def allsides_articles():
    """The AllSides bias corpus (Baly et al. 2020, a folder kept outside the project: $RESEARCH_ALLSIDES_ARTICLES);
    tests using it skip without it."""
    given = os.environ.get("RESEARCH_ALLSIDES_ARTICLES")
    if not given or not Path(given).is_dir():
        pytest.skip("AllSides bias corpus not given ($RESEARCH_ALLSIDES_ARTICLES)")
    return Path(given)


def benchmark_module(name: str):
    """The script benchmarks/`name`.py imported as a module (its folder on the path while it imports)."""
    folder = str(ROOT / "benchmarks")
    sys.path.insert(0, folder)
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(folder)


def body_of(blocks, article_id):
    return blocks[(blocks["article_id"] == article_id) & (blocks["role"] == "body")]["text"].tolist()


def sentences(articles):
    """The sentence passages of `articles` (blocks, then passages)."""
    return research.split_passages(research.split_blocks(articles))


def cues_of(articles):
    """The attributions of `articles`, from their blocks."""
    return research.attributions(research.split_blocks(articles), articles)
