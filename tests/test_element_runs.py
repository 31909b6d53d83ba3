"""Runs of "only" findings (benchmarks/element_runs.py, measured and not kept): on real paragraphs of PolNeAR's
train split (2016 election news), which sentences one run holds under each variant."""

from pathlib import Path

import pandas as pd
import pytest
from conftest import benchmark_module

import research

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"

# nyt, PolNeAR train: Mr. Khan's appeal, then one quotation over three sentences.
KHAN = ("''I implore those patriotic Americans that would probably vote for Donald Trump in November, I appeal to them "
        "not to vote for hatred, not to vote for fear-mongering,'' Mr. Khan said. ''Vote for unity. Vote for the "
        "goodness of this country. Vote for liberty and freedom.''")
# politico, PolNeAR train: two speakers (Rubio, his campaign manager Conant), each with a fact of their own; the
# last quotation runs over two sentences.
RUBIO = ("The spin is already happening. “This is the moment they told us would never happen,” Rubio said Monday "
         "night. “They told me we had no chance.” His campaign manager, Alex Conant, struck a similar tune. “This is "
         "a big night for us,” Conant said. “It’s probably a three-person race leaving here. If you don’t want Trump "
         "or Cruz to be the nominee, you better get on board with Marco Rubio.”")


@pytest.fixture(scope="module")
def modules():
    return benchmark_module("element_rules"), benchmark_module("element_runs")


def run_sizes(modules, paragraphs: list[str], variant: str) -> list[int]:
    """`run_sentences` of each sentence of an article of `paragraphs`, every sentence an "only" finding."""
    element_rules, element_runs = modules
    articles = pd.DataFrame([{"article_id": "a", "outlet": "x", "published": "2016-08-01T12:00:00", "form": "page",
                              "text": "Headline\n\n" + "\n\n".join(paragraphs)}])
    passages = research.split_passages(research.split_blocks(articles))
    body = passages[passages["role"] == "body"]
    only = pd.DataFrame({"outlet": "x", "article_id": body["article_id"].to_numpy(), "start": body["start"].to_numpy()})
    runs = element_runs.runs(only, element_runs.sentences(passages, element_rules.BACK_REFERENCE), variant)
    return runs.sort_values("start")["run_sentences"].tolist()


def test_a_quotation_over_three_sentences_is_one_run(modules):
    assert run_sizes(modules, [KHAN], "one quotation") == [1, 3, 3, 3]
    # told over two paragraphs, as news style writes a long quote (left open, then opened again)
    assert run_sizes(modules, ["''Vote for unity. Vote for the goodness of this country.",
                               "''Vote for liberty and freedom.''"], "one quotation") == [3, 3, 3]


def test_two_speakers_of_one_paragraph_stay_two_findings(modules):
    # Rubio's quotation, then Conant's: each its own run; only Conant's two-sentence quotation is one
    assert run_sizes(modules, [RUBIO], "one quotation") == [1, 1, 1, 1, 1, 2, 2]
    # a run of one paragraph joins them all
    assert run_sizes(modules, [RUBIO], "paragraph") == [7] * 7
