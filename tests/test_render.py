import pandas as pd
from conftest import sentences

import research
from research.report import render


def test_highlight_marks_shared_words_and_escapes_everything():
    text = 'Troops <script>alert("x")</script> & “very serious” R&D'
    other = "VERY serious troops, said the script"
    out = render.highlight_shared(text, other)
    assert "<script" not in out and "&lt;<mark>script</mark>&gt;" in out
    assert "&amp; “<mark>very</mark> <mark>serious</mark>”" in out
    assert out.startswith("<mark>Troops</mark> &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)")
    assert "R&amp;D" in out and "<mark>R</mark>" not in out


def test_side_by_side_escapes_labels_and_text_of_a_page_with_markup():
    articles = pd.DataFrame(
        {
            "article_id": ["a", "b"],
            "headline": "",
            "published": "",
            "text": [
                (
                    "<b>Bold</b> claim: the U.S. defense secretary said there is evidence that North "
                    "Korea has sent troops to Russia, calling it a very serious issue for the alliance."
                    "\n\nAnother paragraph of the story tells readers about the reactions of officials "
                    "in the region."
                ),
                (
                    "Officials reacted quickly to the news on Wednesday morning in several capitals of "
                    "the region.\n\n<script>x()</script> The U.S. defense secretary said there is "
                    "evidence that North Korea has sent troops to Russia, calling it a very serious "
                    "issue for the alliance."
                ),
            ],
        }
    )
    spans = research.align(sentences(articles), articles, "a", "b", roles=None, paraphrase_threshold=None)
    assert len(spans) == 1
    out = render.side_by_side(spans, labels={"a": "<i>Outlet A</i>", "b": "B & Co"})
    assert "<script>" not in out and "<b>" not in out and "<i>" not in out
    assert "&lt;i&gt;Outlet A&lt;/i&gt;" in out and "B &amp; Co" in out
    assert out.count("<mark>defense</mark>") == 2
    assert "verbatim, 26 words, similarity 1.00" in out
