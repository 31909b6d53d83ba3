"""Bad input gets a clear answer; nothing a corpus holds is loaded unsafely (issue 9, items 1 and 5).

Each test names the bad input it feeds. Cases that were already covered stay where they were:
empty, whitespace-only and binary files, Windows-1252, Latin-1, a UTF-8 byte-order mark, CRLF
and lone CR in `.txt` pages, duplicate ids, manifest rows without a file and files without a
manifest row (tests/test_corpus.py); bad JSONL lines and CSV rows, CSV fields over the csv
module's limit, duplicate record ids (tests/test_ingest.py). docs/guarantees.md lists
them all.
"""

import ast
import io
import json
import os
import tracemalloc
import warnings
from pathlib import Path

import pandas as pd
import pytest
from conftest import cues_of, sentences
from matplotlib.figure import Figure

import research
from research.errors import CorpusError, CorpusWarning
from research.framing.markers import MARKER_COLUMNS
from research.framing.terms import TERM_COLUMNS
from research.report import build as report
from research.reuse.alignment import ALIGN_COLUMNS
from research.reuse.overlap import OVERLAP_COLUMNS
from research.reuse.similarity import PAIR_COLUMNS
from research.story.coverage import OMISSION_COLUMNS
from research.text import dates, pagedates

ROOT = Path(__file__).resolve().parent.parent
SEEDS = research.default_corpus()
PROSE = [
    "The troops crossed the border on Monday, officials said in a statement released to reporters.",
    "They were followed by a column of trucks, witnesses said on Tuesday morning near the river.",
    "A spokesman for the ministry declined to say how many soldiers had taken part in the move.",
]
PAGE = "Troops Cross the Border\n\n" + "\n\n".join(PROSE) + "\n"
CHROME = "Home\nNews\nSport\nSign in\nSubscribe now\n3 hours ago\nRead more\nShare\n© 2024 Example Media\n"


def write(folder: Path, name: str | bytes, data: str | bytes) -> Path:
    """`data` written to `folder`/`name` (a bytes name: a file name that is not UTF-8), folders made."""
    path = Path(os.fsdecode(bytes(folder) + b"/" + name)) if isinstance(name, bytes) else folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def load_recording(path, **kwargs) -> tuple[pd.DataFrame, list[str]]:
    """`load_articles` with every CorpusWarning message it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = research.load_articles(path, **kwargs)
    return articles, [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]


def png_bytes() -> bytes:
    figure = Figure(figsize=(1, 1))
    figure.add_subplot().plot([0, 1], [1, 0])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


# ---------------------------------------------------------------- files that are not text


def test_a_real_png_renamed_to_any_corpus_suffix_is_skipped_with_a_warning_naming_it(tmp_path):
    image = png_bytes()
    assert image.startswith(b"\x89PNG\r\n\x1a\n")
    for suffix in ("txt", "html", "jsonl", "csv"):
        write(tmp_path, f"photo.{suffix}", image)
    write(tmp_path, "story.txt", PAGE)
    articles, messages = load_recording(tmp_path)
    assert list(articles["article_id"]) == ["story"]
    assert messages == [f"photo.{suffix}: skipped, looks like a binary file (NUL bytes)"
                        for suffix in ("csv", "html", "jsonl", "txt")]


@pytest.mark.parametrize("encoding, mark", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"),
                                            ("utf-32-le", b"\xff\xfe\x00\x00"), ("utf-32-be", b"\x00\x00\xfe\xff")])
def test_utf16_and_utf32_text_with_a_byte_order_mark_is_text_not_binary(tmp_path, encoding, mark):
    # Windows tools save "Unicode text" as UTF-16 with a mark: every other byte is NUL
    text = PAGE.replace("Monday", "“Monday”").replace("\n", "\r\n")
    write(tmp_path, "story.txt", mark + text.encode(encoding))
    write(tmp_path, "feed.csv", mark + f'id,text\r\nr1,"{PROSE[1]}"\r\n'.encode(encoding))
    articles, messages = load_recording(tmp_path)
    assert messages == []
    assert articles[["article_id", "encoding"]].values.tolist() == [["r1", encoding], ["story", encoding]]
    assert articles.loc[1, "text"] == text  # the mark is gone, the line endings stay
    blocks = research.split_blocks(articles)
    research.assert_accounted(articles, blocks, research.split_passages(blocks))


def test_bytes_that_break_their_own_byte_order_mark_are_an_error_naming_the_file(tmp_path):
    write(tmp_path, "broken.txt", b"\xff\xfe" + "Troops".encode("utf-16-le") + b"\x00\xd8")  # a lone surrogate
    with pytest.raises(CorpusError, match=r"broken.txt: starts with a utf-16-le byte-order mark but is not "
                                          r"valid utf-16-le \(offset 14: "):
        research.load_articles(tmp_path)


def test_unreadable_files_and_links_to_missing_files_are_skipped_with_a_warning(tmp_path):
    write(tmp_path, "story.txt", PAGE)
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")  # a link whose target was deleted
    articles, messages = load_recording(tmp_path)
    assert list(articles["article_id"]) == ["story"]
    assert messages == ["link.txt: skipped, cannot be read (No such file or directory)"]


# ---------------------------------------------------------------- encodings and line endings of records


def test_a_byte_order_mark_is_not_part_of_the_first_column_of_records_or_the_manifest(tmp_path):
    bom = b"\xef\xbb\xbf"
    write(tmp_path, "export.csv", bom + f'id,text\nc1,"{PROSE[0]}"\n'.encode())
    write(tmp_path, "feed.jsonl", bom + (json.dumps({"id": "j1", "text": PROSE[1]}) + "\n").encode())
    write(tmp_path, "story.txt", PAGE)
    write(tmp_path, "articles.csv", bom + b"article_id,outlet\nstory,Daily\nc1,Wire\nj1,Feed\n")
    articles, messages = load_recording(tmp_path)
    assert messages == []
    assert articles[["article_id", "outlet", "encoding"]].values.tolist() == [
        ["c1", "Wire", "utf-8-sig"], ["j1", "Feed", "utf-8-sig"], ["story", "Daily", "utf-8"]]


def test_records_keep_the_encoding_they_were_decoded_with(tmp_path):
    write(tmp_path, "export.csv", f'id,text\nc1,"He called it “very serious” — {PROSE[0]}"\n'.encode("cp1252"))
    articles, messages = load_recording(tmp_path)
    assert messages == ["export.csv: not UTF-8 (byte 0x93 at offset 25); decoded as cp1252"]
    assert articles.loc[0, "encoding"] == "cp1252"
    assert articles.loc[0, "text"].startswith("He called it “very serious” — The troops")


def test_jsonl_lines_end_only_at_line_breaks_not_inside_the_text(tmp_path):
    # U+2028, U+2029 and U+0085 may stand unescaped in a JSON string; str.splitlines breaks at them
    text = f"{PROSE[0]}\u2028{PROSE[1]}\u0085{PROSE[2]}\u2029The end."
    records = [json.dumps({"id": i, "text": text}, ensure_ascii=False) for i in ("a", "b", "c")]
    write(tmp_path, "feed.jsonl", f"{records[0]}\r\n{records[1]}\r{records[2]}")  # CRLF, lone CR, no final break
    articles, messages = load_recording(tmp_path)
    assert messages == []
    assert articles[["article_id", "source"]].values.tolist() == [
        ["a", "feed.jsonl:1"], ["b", "feed.jsonl:2"], ["c", "feed.jsonl:3"]]
    assert (articles["text"] == text).all()


def test_the_reports_event_corpus_reads_back_the_same_texts(tmp_path):
    # build_report writes each event's articles to corpus.jsonl for its notebooks
    texts = [f"{PROSE[0]}\u2028{PROSE[1]}", f"{PROSE[2]}\r\n\r\nLine\u0085two\rthree “quoted” <b>x</b>"]
    articles = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"], "headline": "", "published": "",
                             "byline": "", "url": "", "provenance": "", "text": texts})
    report._write_jsonl(articles, tmp_path / "corpus.jsonl")
    again, messages = load_recording(tmp_path / "corpus.jsonl")
    assert messages == [] and again["text"].tolist() == texts and again["article_id"].tolist() == ["a", "b"]


def test_csv_with_lone_cr_line_endings_finds_its_header_and_delimiter(tmp_path):
    write(tmp_path, "old_mac.csv", f'id;text;outlet\r1;"{PROSE[0]}";X\r2;"{PROSE[1]}";Y\r')
    articles, messages = load_recording(tmp_path)
    assert messages == []
    assert articles[["article_id", "outlet", "source"]].values.tolist() == [
        ["1", "X", "old_mac.csv:2"], ["2", "Y", "old_mac.csv:3"]]


def test_json_lines_nested_too_deep_or_with_too_long_numbers_are_listed_and_the_rest_loads(tmp_path):
    write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"id": "a", "text": PROSE[0]}), "[" * 100_000, '{"id": 1' + "0" * 5000 + ', "text": "x"}',
        json.dumps({"id": "b", "text": PROSE[1]})]) + "\n")
    articles, messages = load_recording(tmp_path)
    assert list(articles["article_id"]) == ["a", "b"]
    assert len(messages) == 1 and messages[0].startswith(
        "feed.jsonl: skipped 2 of 4 records: line 2: not readable as JSON (RecursionError: ")
    assert "; line 3: not readable as JSON (ValueError: Exceeds the limit (4300 digits)" in messages[0]


# ---------------------------------------------------------------- a 50 MB file


def seed_text(size: int) -> str:
    """`size` characters of real news pages: the seeds repeated (curly quotes included)."""
    pages = "\n\n".join(research.load_articles()["text"])
    return (pages * (size // len(pages) + 1))[:size]


def traced_peak(step) -> int:
    """Peak bytes allocated by Python while `step()` runs."""
    tracemalloc.start()
    try:
        step()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_50_mb_file_loads_with_memory_a_small_multiple_of_its_size(tmp_path):
    path = write(tmp_path, "huge.txt", seed_text(50_000_000))
    size = path.stat().st_size
    found = {}
    peak = traced_peak(lambda: found.update(articles=research.load_articles(path)))
    articles = found["articles"]
    assert len(articles) == 1 and len(articles.loc[0, "text"]) == 50_000_000
    assert articles.loc[0, "headline"] == ("US Defense Chief Says There's Evidence North Korea Has Sent "
                                           "Troops to Russia")  # read off the page header
    # the bytes, plus the text (two bytes a character: it holds curly quotes), plus a little
    assert peak < 4.5 * size, f"loading took {peak / size:.1f} times the file's size"


def test_memory_of_the_whole_pipeline_grows_linearly_with_the_text(tmp_path):
    """Load, blocks, passages and the accounting check: peak memory per byte stays flat as the file grows."""
    ratios = []
    for size in (250_000, 1_000_000):
        path = write(tmp_path, f"page{size}.txt", seed_text(size))

        def pipeline(path=path):
            articles = research.load_articles(path)
            blocks = research.split_blocks(articles)
            research.assert_accounted(articles, blocks, research.split_passages(blocks))

        ratios.append(traced_peak(pipeline) / path.stat().st_size)
    # about 11 bytes per byte of text (three copies of the text in two-byte characters, and the rows)
    assert max(ratios) < 16, ratios
    assert ratios[1] < 1.15 * ratios[0], ratios


# ---------------------------------------------------------------- ids, manifest, dates


def test_two_files_in_different_formats_with_one_stem_are_an_error_naming_both(tmp_path):
    write(tmp_path, "a/story.txt", PAGE)
    write(tmp_path, "b/story.html", f"<html><body><p>{PROSE[0]}</p><p>{PROSE[1]}</p></body></html>")
    with pytest.raises(CorpusError, match=r"^b/story.html: article_id 'story' is also the id of a/story.txt$"):
        research.load_articles(tmp_path)


def test_an_empty_or_malformed_manifest_is_an_error_naming_it(tmp_path):
    write(tmp_path, "story.txt", PAGE)
    write(tmp_path, "articles.csv", b"")
    with pytest.raises(CorpusError, match=r"articles.csv: the manifest is empty \(it needs a header row"):
        research.load_articles(tmp_path)
    write(tmp_path, "articles.csv", 'article_id,outlet\nstory,Daily\nother,"Two, Three",extra\n')
    with pytest.raises(CorpusError, match=r"articles.csv: cannot read the manifest: .*Expected 2 fields in line 3"):
        research.load_articles(tmp_path)


def test_a_manifest_saved_as_windows_1252_is_read_with_a_warning(tmp_path):
    write(tmp_path, "story.txt", PAGE)
    write(tmp_path, "articles.csv", "article_id,outlet\nstory,Le Monde — Société\n".encode("cp1252"))
    articles, messages = load_recording(tmp_path)
    assert messages == ["articles.csv: not UTF-8 (byte 0x97 at offset 33); decoded as cp1252"]
    assert articles.loc[0, "outlet"] == "Le Monde — Société"


def test_manifest_dates_that_do_not_parse_warn_naming_file_rows_and_values_and_are_left_empty(tmp_path):
    for name in ("a", "b", "c", "d", "e"):
        write(tmp_path, f"{name}.txt", PAGE)
    write(tmp_path, "articles.csv", ("article_id,published\na,yesterday\nb,32/13/2024\nc,2024-10-23T25:00\n"
                                     "d,\"Oct. 23, 2024, 6:55 a.m. ET\"\ne,2024-10-23\n"))
    articles, messages = load_recording(tmp_path)
    assert messages == [("articles.csv: publication date not understood, left empty: a ('yesterday'); "
                         "b ('32/13/2024'); c ('2024-10-23T25:00')")]
    # the same rule as for JSONL and CSV records: ISO 8601 when understood, else empty
    assert articles["published"].tolist() == ["", "", "", "2024-10-23T06:55:00-04:00", "2024-10-23"]
    research.resolve_dates(research.split_passages(research.split_blocks(articles)), articles)


def test_an_impossible_time_in_a_page_header_leaves_the_date_empty_instead_of_failing(tmp_path):
    write(tmp_path, "story.txt", "Troops Cross the Border\n\nUpdated 2024-10-23 25:00\n\n" + "\n\n".join(PROSE))
    articles, messages = load_recording(tmp_path)
    assert messages == [] and articles.loc[0, "published"] == ""
    assert pagedates.find_page_date("Created at 2024-10-23 13:75:00") is None
    assert pagedates.find_page_date("2024-10-23T10:00:00+99:00") is None
    assert pagedates.find_page_date("Created at 2024-10-23 13:35:02") == "2024-10-23T13:35:02"


def test_a_duration_before_the_next_day_is_resolved_without_failing():
    # "for one day" has no calendar date; "the next day" then counts from the publication day
    found = dates.find_time_expressions("They waited one day. The next day, troops crossed.", "2024-10-23")
    assert [(t.text.strip(), t.kind, str(t.date_start)) for t in found] == [
        ("one day", "duration", "None"), ("The next day", "date", "2024-10-24")]


# ---------------------------------------------------------------- no body paragraph


def analyses(articles: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Every analysis of the package on `articles`, each result as a table."""
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    body = passages[passages["role"] == "body"]
    found = research.cluster_passages(body, articles)
    cover = research.coverage(found, body)
    claims = research.extract_claims(passages, cues_of(articles), articles)
    said = research.group_actors(research.attributions(research.split_blocks(articles), articles), articles)
    spans = research.align(sentences(articles), articles)
    return {
        "accounting": research.assert_accounted(articles, blocks, passages),
        "audit": research.cleaning_audit(articles, blocks),
        "similar_pairs": research.similar_pairs(body),
        "align": spans,
        "article_overlap": research.article_overlap(spans, sentences(articles), articles),
        "cluster_articles": research.cluster_articles(research.split_blocks(articles), articles),
        "elements": found.passages,
        "coverage": cover,
        "omissions": research.omissions(cover),
        "ledes": research.ledes(found, body, articles),
        "distinctive_terms": research.distinctive_terms(body, articles=articles),
        "dates": research.resolve_dates(body, articles),
        "claims": claims,
        "ledger": research.claim_ledger(claims, articles),
        "conflicts": research.claim_conflicts(claims, articles),
        "attributions": said,
        "voices": research.voice_shares(research.voice_spans(body, articles, said), articles=articles),
        "markers": research.marker_rates(research.find_markers(body), body, articles=articles),
        "headlines": research.headline_framing(articles),
    }


def test_an_article_without_a_body_paragraph_is_named_and_the_analyses_still_run(tmp_path):
    for file in sorted(SEEDS.glob("*")):
        write(tmp_path, file.name, file.read_bytes())
    write(tmp_path, "zz_links.txt", CHROME)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = research.load_articles(tmp_path)
        blocks = research.split_blocks(articles)
    assert [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)] == [
        "zz_links.txt: not in articles.csv; metadata read from the page header",
        "zz_links (zz_links.txt): no body paragraph found (9 boilerplate); analyses of body text leave it out"]
    with warnings.catch_warnings(record=True) as caught:  # internal re-splits repeat the same warning
        warnings.simplefilter("always")
        tables = analyses(articles)
    assert {str(w.message) for w in caught} == {
        "zz_links (zz_links.txt): no body paragraph found (9 boilerplate); analyses of body text leave it out",
        ("cluster_articles: 2 of 6 articles have no publication date (`published`: 002_1f373224d5a43559, zz_links); "
         "they are grouped into events on text alone, the others only with articles published within 48 h of them")}
    # nothing lost: its blocks are there, set aside with reasons, and its characters add up
    assert (blocks[blocks["article_id"] == "zz_links"]["role"] == "boilerplate").all()
    assert tables["accounting"]["ok"].all()
    assert tables["audit"].set_index("article_id").loc["zz_links", "body_chars"] == 0
    # the body analyses leave it out; the others describe it
    for name in ("similar_pairs", "align", "article_overlap", "coverage", "claims", "dates"):
        ids = {value for column in tables[name].columns if column.startswith("article_id")
               for value in tables[name][column]}
        assert ids and "zz_links" not in ids, name
    assert "zz_links" in set(tables["headlines"]["article_id"]) | set(tables["cluster_articles"]["article_id"])


# ---------------------------------------------------------------- a corpus of one article

# Comparisons between articles or outlets need two: with one, they give empty tables with their
# columns (nothing to compare, which the notebooks say in one line); descriptions and groupings
# (events, story elements, coverage, ledes, claims, voices) work on one article.


@pytest.fixture(scope="module")
def one_article():
    articles = research.load_articles().iloc[:1].reset_index(drop=True)
    passages = research.split_passages(research.split_blocks(articles))
    return articles, passages[passages["role"] == "body"]


@pytest.mark.parametrize("name, call, columns", [
    ("align", lambda a, p: research.align(sentences(a), a), ALIGN_COLUMNS),
    ("article_overlap", lambda a, p: research.article_overlap(pd.DataFrame(columns=ALIGN_COLUMNS), p, a),
     OVERLAP_COLUMNS),
    ("distinctive_terms", lambda a, p: research.distinctive_terms(p, articles=a), TERM_COLUMNS),
    ("similar_pairs", lambda a, p: research.similar_pairs(p), PAIR_COLUMNS),
    ("paraphrase_pairs", lambda a, p: research.paraphrase_pairs(p), [*PAIR_COLUMNS, "probability"]),
    ("paraphrase_pairs of no passage", lambda a, p: research.paraphrase_pairs(p.iloc[:0]),
     [*PAIR_COLUMNS, "probability"]),
    ("omissions", lambda a, p: research.omissions(research.coverage(research.cluster_passages(p, a), p)),
     OMISSION_COLUMNS),
    ("voice_of", lambda a, p: research.voice_of(research.find_markers(p.iloc[:0]), research.voice_spans(
        p, a, research.group_actors(cues_of(a), a))), [*MARKER_COLUMNS, "voice", "actor_group"]),
])
def test_comparisons_of_one_article_give_empty_tables_with_their_columns(one_article, name, call, columns):
    table = call(*one_article)
    assert table.empty and list(table.columns) == list(columns), name


def test_descriptions_of_one_article_work(one_article):
    articles, body = one_article
    events = research.cluster_articles(research.split_blocks(articles), articles)
    assert events[["article_id", "event_id", "n_articles"]].values.tolist() == [[articles.loc[0, "article_id"], "1", 1]]
    found = research.cluster_passages(body, articles)
    assert len(found.elements) and (found.elements["n_outlets"] == 1).all()
    cover = research.coverage(found, body)
    assert set(cover["outlet"]) == {"AP"} and cover["covered"].all()
    assert len(research.ledes(found, body, articles)) == 3


# ---------------------------------------------------------------- item 5: no unsafe loading

# Modules and calls that run code or rebuild objects from data; ast.literal_eval (used by
# research.datasets on BASIL's paragraph lists) only reads Python literals and is safe.
UNSAFE_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "shelve", "marshal", "joblib"}
UNSAFE_BUILTINS = {"eval", "exec", "compile", "__import__"}  # called by name, not re.compile
UNSAFE_METHODS = {"read_pickle", "to_pickle", "unsafe_load", "full_load"}  # pandas, yaml
UNSAFE_OS = {"system", "popen"}  # os.system, os.popen: a shell


def unsafe_uses(source: str, name: str) -> list[str]:
    """Places in Python `source` that could run code or rebuild objects from data."""
    found = []
    for node in ast.walk(ast.parse(source, name)):
        where = f"{name}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Import | ast.ImportFrom):
            modules = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            found += [f"{where}: imports {m}" for m in modules if m.split(".")[0] in UNSAFE_MODULES]
        elif isinstance(node, ast.Call):
            method = isinstance(node.func, ast.Attribute)
            called = node.func.attr if method else getattr(node.func, "id", "")
            owner = getattr(node.func.value, "id", "") if method else ""
            keywords = {k.arg: k.value for k in node.keywords}
            if (not method and called in UNSAFE_BUILTINS) or (method and called in UNSAFE_METHODS) or \
                    (owner == "os" and called in UNSAFE_OS):
                found.append(f"{where}: calls {called}")
            elif called == "load" and owner == "yaml" and "Loader" not in keywords:
                found.append(f"{where}: yaml.load without a safe Loader")
            elif called == "load" and getattr(keywords.get("allow_pickle"), "value", False) is True:
                found.append(f"{where}: load(allow_pickle=True)")
            elif getattr(keywords.get("shell"), "value", False) is True:
                found.append(f"{where}: {called}(shell=True)")
    return found


def test_the_scan_finds_each_unsafe_use():
    planted = ("import pickle\nfrom joblib import load\nimport yaml, numpy as np, os, subprocess, pandas as pd\n"
               "eval(x)\nexec(y)\nyaml.load(s)\nnp.load(f, allow_pickle=True)\npd.read_pickle(p)\nos.system(c)\n"
               "subprocess.run(c, shell=True)\nyaml.load(s, Loader=yaml.SafeLoader)\nast.literal_eval(t)\n"
               "re.compile(r)\nplatform.system()\n")
    assert unsafe_uses(planted, "x.py") == [
        "x.py:1: imports pickle", "x.py:2: imports joblib", "x.py:4: calls eval", "x.py:5: calls exec",
        "x.py:6: yaml.load without a safe Loader", "x.py:7: load(allow_pickle=True)", "x.py:8: calls read_pickle",
        "x.py:9: calls system", "x.py:10: run(shell=True)"]


def test_no_module_or_notebook_unpickles_or_evaluates_anything():
    found = []
    for path in sorted((ROOT / "research").glob("*.py")):
        found += unsafe_uses(path.read_text(encoding="utf-8"), path.relative_to(ROOT).as_posix())
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        for number, cell in enumerate(cells):
            if cell["cell_type"] == "code":
                found += unsafe_uses("".join(cell["source"]), f"{path.name} cell {number}")
    assert found == []
