import re

import pandas as pd
from conftest import sentences

import research
from research.report import render


def test_only_the_words_the_other_side_lacks_are_marked_never_stop_words():
    text = 'Troops <script>alert("x")</script> & “very serious” R&D to the border'
    other = "VERY serious troops, said the script"
    out = render.highlight_differences(text, other)
    assert "<script" not in out and "&lt;script&gt;<mark>alert</mark>" in out  # shared "script" unmarked
    assert "<mark>Troops</mark>" not in out and "<mark>very</mark>" not in out  # case is ignored
    assert "R&amp;D" not in out and "<mark>R</mark>&amp;<mark>D</mark>" in out
    assert "to the <mark>border</mark>" in out  # "to", "the": stop words, never marked
    assert render.highlight_differences("3,000 troops", "3000 Troops") == "3,000 troops"


def articles_ab() -> pd.DataFrame:
    return pd.DataFrame({
        "article_id": ["a", "b"], "headline": "", "published": "",
        "text": [
            ("<b>Bold</b> claim: the U.S. defense secretary said there is evidence that North Korea has sent "
             "troops to Russia, calling it a very serious issue for the alliance.\n\nAnother paragraph of the "
             "story tells readers about the reactions of officials in the region."),
            ("Officials reacted quickly to the news on Wednesday morning in several capitals of the region.\n\n"
             "<script>x()</script> The U.S. defense secretary said there is evidence that North Korea has sent "
             "troops to Russia, calling it a very serious issue for the alliance.")]})


def test_side_by_side_escapes_labels_and_text_and_marks_no_shared_word():
    articles = articles_ab()
    spans = research.align(sentences(articles), articles, "a", "b", roles=None, paraphrase_threshold=None)
    assert len(spans) == 1 and spans["kind"].iloc[0] == "verbatim"
    out = render.side_by_side(spans, labels={"a": "<i>Outlet A</i>", "b": "B & Co"})
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;i&gt;Outlet A&lt;/i&gt;" in out and "B &amp; Co" in out
    assert "<mark>" not in out  # word for word: nothing differs
    assert "26 words, word for word" in out
    assert "table.shared-spans td" in out and "text-align:left" in out


def test_side_by_side_shows_whole_sentences_with_the_span_marked_apart():
    articles = pd.DataFrame({"article_id": ["a", "b"], "text": [
        ("Officials said on Monday that the army moved 3,000 soldiers to the northern border overnight, and "
         "more were expected."),
        "Reporters saw that the army moved 4,000 soldiers to the northern border overnight, witnesses said."]})
    spans = research.align(sentences(articles), articles, "a", "b", roles=None, paraphrase_threshold=None,
                           min_words=6)
    assert len(spans) == 1
    out = render.side_by_side(spans, {"a": "A", "b": "B"}, articles=articles)
    cells = re.findall(r"<td>(.*?)</td>", out)
    assert len(cells) == 2
    visible = [re.sub(r"<[^>]+>", "", cell) for cell in cells]
    assert visible == list(articles["text"])  # whole sentences, every character
    assert cells[0].startswith("<span class='context'>Officials said on Monday </span>that the army")
    assert re.findall(r"<mark>([^<]+)</mark>", cells[0]) == ["3,000"]
    assert re.findall(r"<mark>([^<]+)</mark>", cells[1]) == ["4,000"]
    without = render.side_by_side(spans, {"a": "A", "b": "B"})  # without the articles: the spans alone
    assert "context" not in without.split("</style>")[1]


def test_conflicts_are_listed_once_per_passage_under_each_heading(seed_articles, seed_passages):
    cues = research.group_actors(research.attributions(research.split_blocks(seed_articles), seed_articles),
                                 seed_articles)
    claims = research.extract_claims(seed_passages, cues, seed_articles)
    conflicts = research.claim_conflicts(claims, seed_articles)
    out = render.conflicts_html(pd.concat([conflicts, conflicts]), seed_articles)
    # each passage once under each subject and date, however many pairs it is in there
    mentions = {(r["subject_key"], r["asof_end"], r[f"article_id_{s}"], r[f"start_{s}"])
                for _, r in conflicts.iterrows() for s in "ab"}
    rows = re.findall(r"<tr><td><b>", out)
    assert len(rows) == len(mentions)
    groups = conflicts.groupby(["subject_key", "asof_end"]).ngroups
    assert out.count("<th class='group' colspan='4'>") == groups
    assert out.count("<mark>") == len(mentions)
    for kind in conflicts["conflict"].unique():
        assert f"{kind}: " in out
