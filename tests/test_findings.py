"""Findings computed from a run's tables (issue 16), and the reader tables the notebooks show (issue 20).

Every notebook's findings function is run on the seeds, on constructed events that are not the
seeds' story, on thin events (one article with body text, identical articles, no figures or
markers, an outlet with two articles) and on real events of AllSides and BASIL.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from corpora import BRIDGE, IDENTICAL, LEVY, PLAIN, SEED_WORDS, THIN, TWO_OF_ONE, write_corpus

import research
from research.corpus.datasets import read_allsides, read_basil
from research.report.findings import FINDING_COLUMNS
from research.reuse.overlap import OVERLAP_COLUMNS


def tables(articles: pd.DataFrame) -> dict:
    """Every table the notebooks compute, as the notebooks compute it, with each notebook's findings."""
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    body = passages[passages["role"] == "body"]
    audit = research.cleaning_audit(articles, blocks)
    accounting = research.check_accounting(articles, blocks, passages)
    scorer = research.TextVectorizer().fit(body["text"]) if len(body) else None
    spans = research.align(passages, articles, vectorizer=scorer)
    overlap = research.article_overlap(spans, passages, articles)
    found = research.cluster_passages(passages, articles)
    cover = research.coverage(found, passages)
    gaps = research.omissions(cover)
    summary = research.outlet_summary(cover)
    cues = research.group_actors(research.attributions(blocks, articles), articles)
    claims = research.extract_claims(passages, cues, articles)
    ledger = research.claim_ledger(claims, articles)
    conflicts = research.claim_conflicts(claims, articles)
    by = "outlet" if articles["outlet"].nunique() > 1 else "article_id"
    terms = research.distinctive_terms(passages, by=by, articles=articles, drop_stop_words=True)
    top = terms.groupby("group").head(8).reset_index(drop=True)
    voice_spans = research.voice_spans(passages, articles, cues)
    shares = research.voice_shares(voice_spans, by=by, articles=articles)
    markers = research.find_markers(passages)
    verbs = research.reporting_verbs(cues)
    rates = research.marker_rates(pd.concat([markers, verbs], ignore_index=True), passages, by=by, articles=articles)
    voiced = research.voice_of(pd.concat([markers, verbs[verbs["category"] == "reporting: loaded"]],
                                         ignore_index=True), voice_spans)
    voiced = voiced.merge(articles[["article_id", "outlet"]], on="article_id")
    headlines = research.headline_framing(articles)
    return {
        "passages": passages, "audit": audit, "spans": spans, "overlap": overlap, "elements": found.elements,
        "cover": cover, "gaps": gaps, "summary": summary, "claims": claims, "ledger": ledger,
        "conflicts": conflicts, "top_terms": top, "shares": shares, "rates": rates, "voiced": voiced,
        "01": research.corpus_findings(articles, blocks, audit, accounting),
        "02": research.overlap_findings(overlap, spans, passages, articles),
        "03": research.elements_findings(found.elements, cover, gaps, summary, passages, articles),
        "04": research.claims_findings(claims, ledger, conflicts, articles),
        "05": research.framing_findings(top, shares, rates, voiced, headlines, passages, articles),
        "titles": [research.body_share_title(audit, articles), research.containment_title(overlap, articles),
                   research.coverage_title(found.elements, cover), research.own_material_title(summary),
                   research.timeline_title(research.timeline_table(claims, articles)),
                   research.voices_title(shares), research.terms_title(top)],
    }


def load(tmp_path: Path, *events) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", research.CorpusWarning)
        return research.load_articles(write_corpus(tmp_path / "corpus.jsonl", *events))


def quiet(articles: pd.DataFrame) -> dict:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", research.CorpusWarning)
        return tables(articles)


def sentences(found: dict) -> list[str]:
    return [text for key in ("01", "02", "03", "04", "05") for text in found[key]["finding"]] + found["titles"]


def assert_well_formed(found: dict, outlets=()) -> None:
    for key in ("01", "02", "03", "04", "05"):
        table = found[key]
        assert list(table.columns) == FINDING_COLUMNS, key
        assert table["order"].tolist() == list(range(1, len(table) + 1)) and len(table), key
        for text in table["finding"]:
            # a capital opens every sentence but one that opens with a name the corpus spells in lower case
            assert not text[0].islower() or text.split()[0].split("'")[0] in outlets, text
            assert text == " ".join(text.split()) and text.endswith((".", "”")), text
            assert not re.search(r"\bnan\b|\bNone\b(?! of)|<NA>|\{|\}", text), text


def no_seed_story(texts: list[str]) -> None:
    for text in texts:
        for word in SEED_WORDS:
            assert not re.search(rf"\b{re.escape(word)}\b", text), (word, text)


@pytest.fixture(scope="module")
def seeds():
    return tables(research.load_articles())


@pytest.fixture(scope="module")
def constructed(tmp_path_factory):
    return quiet(load(tmp_path_factory.mktemp("bridge"), BRIDGE))


def test_seed_findings_state_the_numbers_of_their_tables(seeds):
    assert_well_formed(seeds)
    audit = seeds["audit"].assign(pct=lambda t: (100 * t["body_share"]).round().astype(int))
    low, high = audit.sort_values("body_share").iloc[[0, -1]].itertuples()
    assert f"Between {low.pct}% ({low.outlet}) and {high.pct}% ({high.outlet})" in seeds["01"]["finding"][1]
    overlap = seeds["overlap"].sort_values("containment", ascending=False).iloc[0]
    top = f"At most {round(100 * overlap['containment'])}% of one article's body words"
    assert seeds["02"]["finding"].iloc[0].startswith(top)
    # Newslooks gives no date and cites no outlet: the direction of its shared narration with AP is not claimed
    mutual = [f for f in seeds["02"]["finding"] if f.startswith("Newslooks and AP share more narration")]
    assert len(mutual) == 1 and "(neither a citation nor the publication times tell which came first)" in mutual[0]
    elements = seeds["elements"]
    assert seeds["03"]["finding"].iloc[0].startswith(
        f"The 5 outlets' body sentences form {len(elements)} story elements")
    assert f"{len(seeds['claims'])} figures from 5 articles" in seeds["04"]["finding"].iloc[0]
    assert "Newslooks gives no publication date" in " ".join(seeds["04"]["finding"])
    # a figure several outlets carry is quoted in one outlet's sentence, so a reader sees what it counts
    shared = [f for f in seeds["04"]["finding"] if " appears in " in f]
    assert shared and all(re.search(r"\((?:AP|CNBC/NBC|NYT|Newslooks|Washington Times): \u201c[^\u201d]+\u201d\)", f)
                          for f in shared)
    assert any("10,000 troops (AP: \u201c... aims to deploy a total of 10,000 troops" in f for f in shared)
    assert set(seeds["02"]["figure"]) - {""} <= {"containment", "containment_with_paraphrase", "derivations"}


def test_constructed_findings_tell_that_corpus_story(constructed):
    assert_well_formed(constructed)
    no_seed_story(sentences(constructed))
    overlap = " ".join(constructed["02"]["finding"])
    # the Valley Post reprints two wire paragraphs word for word: labelled derived, with the hedge
    assert re.search(r"Valley Post (and Coast Wire share more narration than independent reports do \([^)]+\), so "
                     r"each is|is) labelled (partially|wholly) derived", overlap)
    assert "not in the corpus" in overlap
    claims = " ".join(constructed["04"]["finding"])
    assert "12" in claims and "Coast Wire" in claims and "Valley Post" in claims
    framing = " ".join(constructed["05"]["finding"])
    assert "not whether its story is biased" in framing and "Northern Ledger" in framing


def test_one_article_with_body_text_says_what_cannot_be_compared(tmp_path):
    found = quiet(load(tmp_path, THIN))
    assert_well_formed(found)
    line = "Only one article has body text (Valley Post)"
    assert found["02"]["finding"].tolist() == [f"{line}: comparing texts needs two."]
    assert found["03"]["finding"].iloc[0].startswith(f"{line}: comparing what outlets carried needs two.")
    assert found["05"]["finding"].iloc[0] == f"{line}: comparing how outlets tell the story needs two."
    assert "No body paragraph was found in Harbor Radio: it is left out of every comparison" in \
        " ".join(found["01"]["finding"])
    # the comparisons are empty tables with their columns, not errors
    for name in ("spans", "overlap", "gaps", "top_terms"):
        assert found[name].empty, name
    assert list(found["overlap"].columns) == OVERLAP_COLUMNS


def test_identical_articles_are_said_to_carry_the_same_text(tmp_path):
    found = quiet(load(tmp_path, IDENTICAL))
    assert_well_formed(found)
    first = found["02"]["finding"].iloc[0]
    assert first.startswith("Metro Daily and Valley Post carry the same text") and "not which came first" in first


def test_no_figures_no_markers_no_quotes_each_say_so(tmp_path):
    found = quiet(load(tmp_path, PLAIN))
    assert_well_formed(found)
    assert found["04"]["finding"].tolist()[0].startswith("No figures")
    assert found["claims"].empty and found["ledger"].empty and found["conflicts"].empty
    assert found["voiced"].empty and found["titles"][4] == "No dated figures to draw"
    assert "No article gives a publication date" in " ".join(found["01"]["finding"])
    assert "No two articles share a stretch of text" in " ".join(found["02"]["finding"])


def test_an_outlet_with_two_articles_is_named_apart_where_articles_are_compared(tmp_path):
    articles = load(tmp_path, TWO_OF_ONE)
    assert research.outlet_labels(articles) == {
        "storm-post-1": "Valley Post (“Storm cuts power in Calder”)",
        "storm-post-2": "Valley Post (“Power back for most Calder…”)", "storm-ledger": "Northern Ledger"}
    alike = articles.assign(headline="Storm latest")  # headlines that do not tell them apart: their ids
    assert research.outlet_labels(alike)["storm-post-2"] == "Valley Post (storm-post-2)"
    found = quiet(articles)
    assert_well_formed(found)
    assert "from 2 outlets: Northern Ledger and Valley Post (Valley Post has 2)" in found["01"]["finding"].iloc[0]
    assert set(found["cover"]["outlet"]) == {"Valley Post", "Northern Ledger"}  # outlets are compared as one


def test_two_events_together_name_only_their_own_outlets(tmp_path):
    found = quiet(load(tmp_path, LEVY))
    assert_well_formed(found)
    text = " ".join(sentences(found))
    assert "Coast Wire" not in text and "Metro Daily" in text


@pytest.mark.parametrize("which", ["allsides", "basil"])
def test_findings_on_real_events_of_two_kinds_of_text(data_dir, which):
    articles = read_allsides(data_dir / "allsides_dev") if which == "allsides" else \
        read_basil(data_dir / "basil_dev").assign(form="page")
    for event in sorted(articles["event"].unique())[:3]:
        members = articles[articles["event"] == event].reset_index(drop=True)
        found = quiet(members)
        assert_well_formed(found, set(members["outlet"]))  # BASIL's outlets are "fox", "hpo", "nyt"
        no_seed_story(sentences(found))
        named = set(re.findall(r"[A-Z][\w.()]+(?: [A-Z(][\w.()]+)*", " ".join(sentences(found))))
        others = set(articles["outlet"]) - set(members["outlet"])
        assert not {o for o in others if o in named}, (event, named & others)
        if which == "allsides":  # excerpts cut off by the feed are said to be excerpts
            assert "excerpt" in " ".join(found["01"]["finding"])


# ---------------------------------------------------------------- reader tables


def test_reader_table_shows_labels_percentages_and_names_without_an_index():
    table = pd.DataFrame({"article_id": ["a1", "b2"], "share": [0.1071, 0.004], "words": [1200, 3],
                          "ok": [True, False], "start": [5, 9], "text": ["<b>bold</b>", "plain"]})
    shown = research.reader_table(table, {"article_id": "outlet", "share": "share", "words": "words", "ok": "ok",
                                          "text": "text"},
                                  percent_columns=["share"], names={"a1": "Daily", "b2": "Gazette"},
                                  name_columns=["article_id"])
    assert shown.frame.values.tolist() == [["Daily", "11%", "1,200", "yes", "<b>bold</b>"],
                                           ["Gazette", "<1%", "3", "no", "plain"]]
    page = shown._repr_html_()
    assert "start" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>" not in page
    assert "<th style='text-align:left;" in page and "<td style='text-align:right;" in page
    # running text keeps a readable width beside many narrow columns; numbers and names do not
    assert page.count("min-width:18em") == 3 and "<td style='text-align:left;padding:0.25em 0.6em;border-bottom:" \
        "1px solid #ddd;vertical-align:top;min-width:18em'>plain</td>" in page
    assert repr(shown).splitlines()[0].split() == ["outlet", "share", "words", "ok", "text"]
    again = research.reader_table(table, {"article_id": "outlet", "share": "share"}, percent_columns=["share"])
    assert repr(again) == repr(research.reader_table(table, {"article_id": "outlet", "share": "share"},
                                                     percent_columns=["share"]))  # no address, same text
    assert "0x" not in repr(shown) + page


def test_reader_table_of_an_empty_table_says_why_and_keeps_a_labelled_index():
    empty = research.reader_table(pd.DataFrame(columns=["a"]), empty="No pair of articles to compare.")
    assert repr(empty) == "No pair of articles to compare." and "No pair" in empty._repr_html_()
    pivot = pd.DataFrame({"x": [0.5]}, index=pd.Index(["AP"], name="outlet"))
    assert research.reader_table(pivot, percent_columns=["x"]).frame.values.tolist() == [["AP", "50%"]]


def test_when_writes_publication_times_as_readers_do():
    assert research.when("2024-10-23T06:55:00-04:00") == "23 Oct 2024 06:55 (UTC-04:00)"
    assert research.when("2024-10-23") == "23 Oct 2024" and research.when("") == ""
    assert research.when("yesterday") == "yesterday"


def test_findings_display_as_escaped_markdown_and_are_saved(tmp_path, monkeypatch):
    monkeypatch.setenv("RESEARCH_TABLES", str(tmp_path))
    findings = research.findings_table([("The *AP* and <script> [x]", "containment"), ("", ""), ("two", "")])
    shown = research.show_findings(findings)
    assert shown._repr_markdown_() == "- The \\*AP\\* and &lt;script&gt; \\[x\\]\n- Two"
    saved = pd.read_csv(tmp_path / "findings.csv", keep_default_na=False)
    assert saved.values.tolist() == [[1, "The *AP* and <script> [x]", "containment"], [2, "Two", ""]]


def test_a_finding_opening_with_a_name_keeps_its_spelling():
    rows = [("nyt does not carry the quote.", "omissions"), ("the Board of Elections speaks in AP.", "voices")]
    assert research.findings_table(rows)["finding"].tolist() == [
        "nyt does not carry the quote.", "The Board of Elections speaks in AP."]


def test_a_fact_beyond_the_end_of_an_excerpt_is_not_said_to_be_left_out(data_dir):
    articles = read_allsides(data_dir / "allsides_dev")
    found = quiet(articles[articles["event"] == "5740"].reset_index(drop=True))  # Biden on leaving Afghanistan
    # the WSJ and ABC quote "not due to an arbitrary deadline"; the Post's excerpt ends before
    gap = [s for s in found["03"]["finding"] if "Leaving Aug. 31 is not due to an arbitrary deadline" in s]
    assert len(gap) == 1 and gap[0].startswith("New York Post (News)'s excerpt, cut off by its feed, does not reach")
    assert not any("does not carry" in s for s in found["03"]["finding"])


def test_a_figure_is_shown_in_its_sentence(seed_articles, seed_passages):
    cues = research.attributions(research.split_blocks(seed_articles), seed_articles)
    claims = research.extract_claims(seed_passages, cues, seed_articles)
    texts = seed_articles.set_index("article_id")["text"]
    shown = [research.in_context(sentence, texts[a][s:e]) for sentence, a, s, e in
             zip(claims["text"], claims["article_id"], claims["start"], claims["end"])]
    # every figure is found in its own sentence, with at most eight words on either side
    for context, a, s, e in zip(shown, claims["article_id"], claims["start"], claims["end"]):
        assert " ".join(texts[a][s:e].split()) in context
        before, _, after = context.partition(" ".join(texts[a][s:e].split()))
        assert len(before.replace("...", "").split()) <= 9 and len(after.replace("...", "").split()) <= 9
    troops = [c for c in shown if c.startswith("... lawmakers said Wednesday that North Korea had sent 3,000")]
    assert troops and troops[0].endswith("...")
    assert research.in_context("It cost US$3.5 billion, officials said.", "$3.5 billion") == \
        "It cost US$3.5 billion, officials said."
    assert research.in_context("a b c d e f", "zz", words=3) == "a b c ..."
