"""Reading HTML pages, JSONL and CSV records, and mixed folders, with constructed hard cases."""

import json
from pathlib import Path

import pytest

import research
from research.corpus import ingest
from research.errors import CorpusError, CorpusWarning

PROSE = [
    "The troops crossed the border on Monday, officials said in a statement released to reporters.",
    "They were followed by a column of trucks, witnesses said on Tuesday morning near the river.",
    "A spokesman for the ministry declined to say how many soldiers had taken part in the move.",
    "The government in the capital said it would respond to what it called a grave provocation.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Troops cross the border | Daily Planet</title>
<meta property="og:title" content="Troops cross the border">
<meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-10-23T06:55:00-04:00">
<meta name="author" content="Jane Doe">
<link rel="canonical" href="https://www.dailyplanet.example/world/troops">
<script>var ad = "<p>not text</p>";</script><style>p {{ color: red }}</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<!-- an HTML comment --><article>
<h1>Troops cross the border</h1>
<p class="byline">By <a href="/jane">Jane Doe</a></p>
<p>{PROSE[0].replace("released", "<a href='#'>released</a>")}</p>
<p>{PROSE[1].replace("trucks,", "trucks,<br>")}</p>
<figure><img src="x.jpg" alt="trucks"><figcaption>Trucks at the border. (AP Photo)</figcaption></figure>
<div hidden>hidden text</div><span style="display: none">invisible</span><noscript>Enable JS</noscript>
<p>{PROSE[2].replace(" how many", "&nbsp;how&nbsp;many")}</p>
<p>{PROSE[3]}</p>
</article>
<footer>&copy; 2024 Daily Planet. All rights reserved.</footer>
</body></html>
"""


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def jsonl(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


# ---------------------------------------------------------------- HTML


def test_html_page_keeps_visible_text_block_by_block_and_reads_metadata(tmp_path):
    write(tmp_path, "page.html", PAGE)
    article = research.load_articles(tmp_path).iloc[0]
    assert article["text"] == "\n\n".join([
        "Home", "World", "Troops cross the border", "By Jane Doe", PROSE[0],
        PROSE[1].replace("trucks, ", "trucks,\n"), "Trucks at the border. (AP Photo)",
        PROSE[2], PROSE[3], "© 2024 Daily Planet. All rights reserved."]) + "\n"
    assert (article["article_id"], article["path"], article["source"], article["encoding"]) == (
        "page", "page.html", "page.html", "utf-8")
    assert (article["headline"], article["byline"], article["outlet"]) == (
        "Troops cross the border", "Jane Doe", "Daily Planet")
    assert article["published"] == "2024-10-23T06:55:00-04:00"
    assert article["url"] == "https://www.dailyplanet.example/world/troops"


def test_html_text_goes_through_cleaning_with_every_character_accounted(tmp_path):
    write(tmp_path, "page.html", PAGE)
    articles = research.load_articles(tmp_path)
    blocks = research.split_blocks(articles)
    research.assert_accounted(articles, blocks, research.split_passages(blocks))
    roles = dict(zip(blocks["text"], blocks["role"]))
    assert roles["Troops cross the border"] == "headline"
    assert roles["Home"] == roles["© 2024 Daily Planet. All rights reserved."] == "boilerplate"
    assert roles["By Jane Doe"] == "metadata"
    assert roles["Trucks at the border. (AP Photo)"] == "caption"
    assert roles[PROSE[0]] == roles[PROSE[2]] == roles[PROSE[3]] == "body"


def test_html_metadata_falls_back_to_the_page_header(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    write(tmp_path, "bare.html", f"<h1>Troops Cross the Border</h1><p>By Jane Doe</p>"
                                 f"<p>Oct. 23, 2024</p>{body}")
    write(tmp_path, "dated.html", f"<head><meta property='article:published_time' content='2024-10-24'>"
                                  f"</head><body>{body}</body>")
    articles = research.load_articles(tmp_path).set_index("article_id")
    bare = articles.loc["bare"]
    assert (bare["headline"], bare["byline"], bare["published"]) == (
        "Troops Cross the Border", "Jane Doe", "2024-10-23")
    # a page that gives only a day keeps a date, not an invented midnight
    assert articles.loc["dated", "published"] == "2024-10-24"


def test_html_markup_in_article_text_stays_text(tmp_path):
    write(tmp_path, "x.htm", f"<p>{PROSE[0]}</p><p>The post read &lt;script&gt;alert(1)&lt;/script&gt; "
                             f"and nothing else, the officials said on Monday.</p>")
    text = research.load_articles(tmp_path).loc[0, "text"]
    assert "The post read <script>alert(1)</script> and nothing else" in text


def test_html_declared_charset_is_used_and_undeclared_bytes_warn(tmp_path):
    words = "He called it a \u201cvery serious\u201d issue \u2014 and left the room after that."
    write(tmp_path, "declared.html", f"<html><head><meta charset='windows-1252'></head>"
                                     f"<body><p>{words}</p></body></html>".encode("cp1252"))
    articles = research.load_articles(tmp_path)
    assert articles.loc[0, "encoding"] == "cp1252"
    assert words in articles.loc[0, "text"]
    write(tmp_path, "undeclared.html", f"<p>{words}</p>".encode("cp1252"))
    with pytest.warns(CorpusWarning, match=r"undeclared.html: not UTF-8 \(byte 0x93"):
        research.load_articles(tmp_path / "undeclared.html")


def test_malformed_html_is_read_as_a_browser_would(tmp_path):
    write(tmp_path, "broken.html", f"<html><body><div><p>{PROSE[0]}<p>{PROSE[1]}<b>{PROSE[2]}"
                                   f"</i></span><li>item</td></html></html>")
    text = research.load_articles(tmp_path).loc[0, "text"]
    assert text == f"{PROSE[0]}\n\n{PROSE[1]}{PROSE[2]}\n\nitem\n"


def test_html_without_visible_text_is_skipped_with_a_warning_and_the_rest_loads(tmp_path):
    write(tmp_path, "a_empty.html", "<html><head><title>Only a title</title><script>x()</script></head>"
                                    "<body><!-- nothing --></body></html>")
    write(tmp_path, "b_good.html", f"<p>{PROSE[0]}</p>")
    with pytest.warns(CorpusWarning, match="a_empty.html: skipped, the page has no visible text"):
        articles = research.load_articles(tmp_path)
    assert list(articles["article_id"]) == ["b_good"]


def test_html_nested_too_deep_keeps_the_text_before_with_a_warning(tmp_path):
    write(tmp_path, "deep.html", f"<p>{PROSE[0]}</p>\n" + "<div>" * 3000 + "lost" + "</div>" * 3000)
    with pytest.warns(CorpusWarning, match=r"deep.html: the HTML parser stopped at line 2 "
                                           r"\(Excessive depth"):
        articles = research.load_articles(tmp_path)
    assert articles.loc[0, "text"] == PROSE[0] + "\n"


def test_a_failure_inside_trafilatura_is_a_warning_naming_the_file(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise TypeError("'NoneType' object is not iterable")

    monkeypatch.setattr(ingest.trafilatura, "extract_metadata", broken)
    write(tmp_path, "page.html", PAGE)
    with pytest.warns(CorpusWarning, match="page.html: trafilatura could not read the page metadata "
                                           r"\(TypeError: 'NoneType'"):
        article = research.load_articles(tmp_path).iloc[0]
    assert article["headline"] == "Troops cross the border"  # read off the page text instead
    assert article["outlet"] == ""


# ---------------------------------------------------------------- JSONL


def test_jsonl_reads_a_news_api_export_with_the_default_names(tmp_path):
    write(tmp_path, "feed.jsonl", jsonl(
        {"source": {"id": None, "name": "BBC News"}, "author": "Kim Lee", "title": "Troops seen",
         "url": "https://bbc.example/1", "publishedAt": "2024-10-23T13:35:02Z", "content": PROSE[0]},
        {"source": {"id": "x", "name": "Reuters"}, "author": ["Ann Park", "Bo Yun"], "title": "More troops",
         "publishedAt": "Oct. 23, 2024, 6:55 a.m. ET", "content": [PROSE[1], PROSE[2]]}))
    articles = research.load_articles(tmp_path)
    assert list(articles["article_id"]) == ["feed-1", "feed-2"]  # no id field: file stem and line
    assert list(articles["source"]) == ["feed.jsonl:1", "feed.jsonl:2"]
    assert list(articles["outlet"]) == ["BBC News", "Reuters"]
    assert list(articles["byline"]) == ["Kim Lee", "Ann Park; Bo Yun"]
    assert list(articles["published"]) == ["2024-10-23T13:35:02+00:00", "2024-10-23T06:55:00-04:00"]
    assert list(articles["url"]) == ["https://bbc.example/1", ""]
    assert articles.loc[1, "text"] == f"{PROSE[1]}\n\n{PROSE[2]}"  # a list of paragraphs


def test_jsonl_bad_lines_are_listed_in_one_warning_and_the_rest_loads(tmp_path):
    write(tmp_path, "feed.jsonl", jsonl(
        {"id": "a", "text": PROSE[0]}, '{"id": "b", "text": ', "[1, 2]", {"id": "c", "text": "  "},
        {"id": "d", "text": 5}, {"id": "e"}, "", {"id": "f", "text": PROSE[1], "date": "soon"}))
    with pytest.warns(CorpusWarning) as caught:
        articles = research.load_articles(tmp_path)
    messages = [str(w.message) for w in caught]
    assert messages == [
        "feed.jsonl: publication date not understood, left empty: line 8 ('soon')",
        ("feed.jsonl: skipped 5 of 7 records: line 2: not JSON (Expecting value at column 21); "
         "line 3: not a JSON object; line 4: empty text; line 5: not text in the 'text' field; "
         "line 6: no 'text' field")]
    assert list(articles["article_id"]) == ["a", "f"]
    assert list(articles["source"]) == ["feed.jsonl:1", "feed.jsonl:8"]


def test_jsonl_column_mapping_and_its_errors_name_the_file(tmp_path):
    write(tmp_path, "feed.jsonl", jsonl({"doc": 17, "story": PROSE[0], "paper": "Daily"}))
    with pytest.raises(CorpusError, match=r"feed.jsonl: no text column \(looked for text, body, content, "
                                          r".*; columns: doc, story, paper\); name it with columns="):
        research.load_articles(tmp_path)
    articles = research.load_articles(tmp_path, columns={"text": "Story", "id": "doc", "outlet": "paper"})
    assert (articles.loc[0, "article_id"], articles.loc[0, "outlet"]) == ("17", "Daily")
    with pytest.raises(CorpusError, match=r"feed.jsonl: no column 'author' for byline \(columns: doc, "):
        research.load_articles(tmp_path, columns={"text": "story", "byline": "author"})
    with pytest.raises(CorpusError, match="unknown field.*: writer"):
        research.load_articles(tmp_path, columns={"text": "story", "writer": "paper"})


@pytest.mark.parametrize("value, expected", [
    ("2024-10-23", "2024-10-23"),
    ("2024-10-23T13:35:02Z", "2024-10-23T13:35:02+00:00"),
    ("2024-10-23 13:35:02.5+09:00", "2024-10-23T13:35:02.500000+09:00"),
    ("Wed, 23 Oct 2024 13:35:02 GMT", "2024-10-23T13:35:02+00:00"),
    ("Wednesday, October 23, 2024", "2024-10-23"),
    ("  ", ""),
    ("yesterday", None),
])
def test_publication_times_become_iso_8601(value, expected):
    assert ingest.normalise_published(value) == expected


# ---------------------------------------------------------------- CSV


def test_csv_quoted_multiline_text_semicolons_and_start_lines(tmp_path):
    write(tmp_path, "export.csv", f'ID;Title;Body;Date\r\n1;First;"{PROSE[0]}\r\n\r\n{PROSE[1]}";'
                                  f"23/10/2024\r\n\r\n2;Second;{PROSE[2]};2024-10-23\r\n")
    with pytest.warns(CorpusWarning, match=r"export.csv: publication date not understood, left empty: "
                                           r"line 2 \('23/10/2024'\)"):
        articles = research.load_articles(tmp_path)
    assert list(articles["article_id"]) == ["1", "2"]
    assert list(articles["source"]) == ["export.csv:2", "export.csv:6"]  # the line each record starts on
    assert articles.loc[0, "text"] == f"{PROSE[0]}\r\n\r\n{PROSE[1]}"
    assert list(articles["headline"]) == ["First", "Second"]
    assert list(articles["published"]) == ["", "2024-10-23"]


def test_csv_rows_without_text_or_with_wrong_fields_are_listed_and_the_rest_loads(tmp_path):
    write(tmp_path, "export.csv", f'id,text,outlet\na,"{PROSE[0]}",X\nb,,Y\nc,only two\n'
                                  f'd,"{PROSE[1]}",Z,extra\ne,"{PROSE[2]}",W\n')
    with pytest.warns(CorpusWarning, match=r"export.csv: skipped 3 of 5 records: line 3: empty text; "
                                           r"line 4: 2 fields where the header has 3; "
                                           r"line 5: 4 fields where the header has 3$"):
        articles = research.load_articles(tmp_path)
    assert list(articles["article_id"]) == ["a", "e"]


def test_csv_without_the_text_column_is_an_error_naming_file_and_columns(tmp_path):
    write(tmp_path, "export.csv", "id,headline,outlet\n1,Troops,Daily\n")
    with pytest.raises(CorpusError, match=r"export.csv: no text column \(.*columns: id, headline, outlet\)"):
        research.load_articles(tmp_path)
    write(tmp_path, "export.csv", "\n\n")
    with pytest.warns(CorpusWarning, match="export.csv: skipped, the file is only whitespace"), \
            pytest.raises(CorpusError, match="no readable article files"):
        research.load_articles(tmp_path)


def test_csv_a_field_over_the_csv_module_limit_is_an_error_naming_the_line(tmp_path):
    write(tmp_path, "big.csv", "id,text\n1,short text here\n2," + "x" * 200_000 + "\n")
    with pytest.raises(CorpusError, match=r"big.csv: line 3: not readable as CSV \(field larger than"):
        research.load_articles(tmp_path)


# ---------------------------------------------------------------- mixed folders


def test_mixed_folder_with_manifest_keeps_every_source(tmp_path):
    write(tmp_path, "a.txt", "\n\n".join(PROSE) + "\n")
    write(tmp_path, "pages/b.html", PAGE)
    write(tmp_path, "feeds/feed.jsonl", jsonl({"id": "c", "text": PROSE[1], "outlet": "Wire"}, "",
                                              {"id": "d", "text": PROSE[2]}))
    write(tmp_path, "export.csv", f'id,text\ne,"{PROSE[0]}"\n')
    write(tmp_path, "articles.csv", "article_id,outlet,provenance\na,Alpha,original\nb,Beta,rewrite\n"
                                    "d,Delta,wire copy\n")
    articles = research.load_articles(tmp_path).set_index("article_id")
    assert list(articles.index) == ["a", "e", "c", "d", "b"]  # files sorted by path, records in order
    assert list(articles["source"]) == ["a.txt", "export.csv:2", "feeds/feed.jsonl:1",
                                        "feeds/feed.jsonl:3", "pages/b.html"]
    assert list(articles["outlet"]) == ["Alpha", "", "Wire", "Delta", "Beta"]  # manifest columns win
    assert articles.loc["b", "headline"] == "Troops cross the border"  # columns it lacks: from the page
    assert list(articles["provenance"]) == ["original", "", "", "wire copy", "rewrite"]
    blocks = research.split_blocks(articles.reset_index())
    research.assert_accounted(articles.reset_index(), blocks, research.split_passages(blocks))


def test_an_id_used_twice_is_an_error_naming_both_sources(tmp_path):
    write(tmp_path, "story.txt", PROSE[0])
    write(tmp_path, "x.jsonl", jsonl({"id": "story", "text": PROSE[1]}))
    with pytest.raises(CorpusError, match=r"x.jsonl:1: article_id 'story' is also the id of story.txt"):
        research.load_articles(tmp_path)
    write(tmp_path, "story.txt", b"")
    write(tmp_path, "x.jsonl", jsonl({"id": 7, "text": PROSE[1]}, {"id": "7", "text": PROSE[2]}))
    with pytest.warns(CorpusWarning), pytest.raises(
            CorpusError, match=r"x.jsonl:2: article_id '7' is also the id of x.jsonl:1"):
        research.load_articles(tmp_path)


def test_articles_csv_given_as_the_corpus_itself_is_data(tmp_path):
    path = write(tmp_path, "articles.csv", f'article_id,body\nz,"{PROSE[0]}"\n')
    articles = research.load_articles(path)
    assert (articles.loc[0, "article_id"], articles.loc[0, "source"]) == ("z", "articles.csv:2")
