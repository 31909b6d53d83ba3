"""The report writes where it should, never overwrites a user's files, and no input crashes or hangs it
(issue 21: one test or more per item, each feeding an input of its own kind)."""

import hashlib
import io
import json
import os
import re
import warnings
from pathlib import Path

import matplotlib
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from test_hardening import load_recording, write
from test_report import notebook

import research
from research.claims import cues, phrases
from research.errors import CorpusError, CorpusWarning
from research.report import build as report
from research.report import cli, figures, tables
from research.report.execute import NOTEBOOK_DIR
from research.text import chunks

PROSE = [
    "The troops crossed the border on Monday, officials said in a statement released to reporters.",
    "They were followed by a column of trucks, witnesses said on Tuesday morning near the river.",
    "A spokesman for the ministry declined to say how many soldiers had taken part in the move.",
]
# Text with characters from several scripts, so that re-decoding it any other way would show.
WORLD = "Zürich, Kraków and Łódź — “quoted” — Привет, 東京, café ½ €5"


def feed(folder: Path, records: list[dict], name: str = "feed.jsonl") -> Path:
    return write(folder, name, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def tables_notebook(folder: Path, name: str = "01-tables") -> Path:
    """A notebook that saves the articles' ids and outlets, and a count per outlet, as the report's tables."""
    folder.mkdir(parents=True, exist_ok=True)
    return notebook(folder, name, "CORPUS = None",
                    "import research\narticles = research.load_articles(CORPUS)\n"
                    "research.save_table(articles[['article_id', 'outlet', 'headline']], 'ids')\n"
                    "research.save_table(articles.groupby('outlet').size().rename('n'), 'per-outlet')\n"
                    "print(len(articles))")


def two_outlets(articles: pd.DataFrame) -> pd.DataFrame:
    """A stand-in for event clustering: one event per outlet."""
    return pd.DataFrame({"article_id": articles["article_id"], "event_id": articles["outlet"],
                         "event_label": articles["outlet"]})


def one_event(articles: pd.DataFrame) -> pd.DataFrame:
    """A stand-in for event clustering: every article in one event."""
    return pd.DataFrame({"article_id": articles["article_id"], "event_id": "1", "event_label": "one story"})


# ---------------------------------------------------------------- 1. a relative --out


def test_a_relative_out_gets_its_tables_beside_its_index(tmp_path, monkeypatch):
    source = feed(tmp_path / "corpus", [{"id": i, "outlet": "Wire", "text": PROSE[0]} for i in ("a", "b")])
    book = tables_notebook(tmp_path / "books")
    monkeypatch.chdir(tmp_path)
    runs = report.build_report(source, Path("out") / "first", notebooks=[book])
    out = tmp_path / "out" / "first"
    assert runs["tables"].tolist() == [2]
    assert sorted((out / "tables" / "01-tables").iterdir()) == [out / "tables" / "01-tables" / "ids.csv",
                                                                  out / "tables" / "01-tables" / "per-outlet.csv"]
    assert not (tmp_path / "books" / "out").exists()  # not where the kernel used to run
    assert "<a href='tables/01-tables/ids.csv'>ids</a>" in (out / "index.html").read_text()


# ---------------------------------------------------------------- 2. an --out holding other files


def test_an_out_folder_holding_a_users_files_is_refused_and_left_as_it_was(tmp_path, capsys):
    source = feed(tmp_path / "corpus", [{"id": i, "outlet": "Wire", "text": PROSE[0]} for i in ("a", "b")])
    mine = tmp_path / "my documents"
    write(mine, "articles.csv", "article_id,outlet\nx,My own list\n")
    write(mine, "index.html", "<p>my home page</p>")
    write(mine, "drafts/story.txt", "my draft")
    before = digests(mine)
    status = cli.main(["report", str(source), "--out", str(mine)])
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1
    assert err.startswith(f"research: error: the report folder {mine} is not an earlier report "
                          f"(articles.csv, drafts/story.txt, index.html)")
    assert digests(mine) == before
    for out, reason in [(NOTEBOOK_DIR, "is (or holds) the notebooks' folder"),
                        (NOTEBOOK_DIR / "reports", "is (or holds) the notebooks' folder"),
                        (NOTEBOOK_DIR.parent, "is (or holds) the notebooks' folder"),
                        (tmp_path, "holds the corpus feed.jsonl"),
                        (write(tmp_path, "taken.txt", "a file"), "is a file")]:
        with pytest.raises(ValueError, match=re.escape(reason)):
            report.build_report(source, out)
    assert not (NOTEBOOK_DIR / "reports").exists()


def test_an_earlier_report_is_replaced_whole_but_not_when_a_user_added_a_file(tmp_path):
    source = feed(tmp_path / "corpus", [{"id": i, "outlet": "Wire", "text": PROSE[0]} for i in ("a", "b")])
    book = tables_notebook(tmp_path)
    out = tmp_path / "out"
    out.mkdir()  # an empty folder is fine
    report.build_report(source, out, notebooks=[book])
    listed = json.loads((out / report.REPORT_MARKER).read_text())["files"]
    assert sorted(digests(out)) == sorted([*listed, report.REPORT_MARKER])
    write(out, ".ipynb_checkpoints/01-tables-checkpoint.ipynb", "{}")  # hidden: opened in JupyterLab
    write(out, "articles.csv", "edited by hand")  # a file the report wrote, changed: still the report's
    feed(tmp_path / "corpus", [{"id": "c", "outlet": "Post", "text": PROSE[1]}], "more.jsonl")
    report.build_report(source.parent, out, notebooks=[book])
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["a", "b", "c"]
    write(out, "notes/my analysis.txt", "mine")
    with pytest.raises(ValueError, match=r"holds files an earlier report did not write \(notes/my analysis.txt\)"):
        report.build_report(source.parent, out, notebooks=[book])
    assert (out / "notes" / "my analysis.txt").read_text() == "mine"


# ---------------------------------------------------------------- 3. declared charsets


def page(charset: str, body: str) -> str:
    return f"<html><head><meta charset='{charset}'><title>T</title></head><body><p>{body}</p></body></html>"


def test_a_declared_charset_is_used_only_when_the_bytes_fit_it(tmp_path):
    russian = "Войска пересекли границу в понедельник, сообщили официальные лица."
    write(tmp_path, "koi.html", page("koi8-r", russian).encode("koi8-r"))  # declared and right
    write(tmp_path, "windows.html", page("cp1251", russian).encode("cp1251"))  # a label browsers know
    english = "He called it a “very serious” issue — and left the room."
    quote = {name: page(charset, english).encode("cp1252").index(b"\x93") for name, charset in [
        ("wide", "utf-16"), ("ebcdic", "ibm037"), ("central", "iso-8859-2"), ("undefined", "undefined")]}
    write(tmp_path, "wide.html", page("utf-16", english).encode("cp1252"))  # a <meta> cannot mean UTF-16
    write(tmp_path, "ebcdic.html", page("ibm037", english).encode("cp1252"))
    escaped = "Caf\xe9 said \\u003cscript\\u003ealert(1)\\u003c/script\\u003e and more"
    write(tmp_path, "escape.html", page("unicode_escape", escaped).encode("latin-1"))
    write(tmp_path, "central.html", page("iso-8859-2", english).encode("cp1252"))  # cp1252 quotes: C1 controls
    write(tmp_path, "undefined.html", page("undefined", english).encode("cp1252"))
    articles, messages = load_recording(tmp_path)
    text = dict(zip(articles["article_id"], articles["text"]))
    encoding = dict(zip(articles["article_id"], articles["encoding"]))
    assert (text["koi"], encoding["koi"]) == (f"{russian}\n", "koi8-r")
    assert (text["windows"], encoding["windows"]) == (f"{russian}\n", "cp1251")
    for name in ("wide", "ebcdic", "central", "undefined"):
        assert (text[name], encoding[name]) == (f"{english}\n", "cp1252"), name
    assert text["escape"] == "Café said \\u003cscript\\u003ealert(1)\\u003c/script\\u003e and more\n"
    cafe = page("unicode_escape", escaped).encode("latin-1").index(b"\xe9")
    assert sorted(messages) == [
        (f"central.html: not UTF-8 (byte 0x93 at offset {quote['central']}); its declared charset 'iso-8859-2' "
         f"gives control characters; decoded as cp1252"),
        (f"ebcdic.html: not UTF-8 (byte 0x93 at offset {quote['ebcdic']}); its declared charset 'ibm037' is not "
         f"an encoding browsers know; decoded as cp1252"),
        (f"escape.html: not UTF-8 (byte 0xe9 at offset {cafe}); its declared charset 'unicode_escape' is not an "
         f"encoding browsers know; decoded as cp1252"),
        (f"undefined.html: not UTF-8 (byte 0x93 at offset {quote['undefined']}); its declared charset "
         f"'undefined' is not an encoding browsers know; decoded as cp1252"),
        (f"wide.html: not UTF-8 (byte 0x93 at offset {quote['wide']}); its declared charset 'utf-16' does not "
         f"fit (byte 0x93 at offset {quote['wide']}); decoded as cp1252")]


# ---------------------------------------------------------------- 4. one bad byte in a UTF-8 file


def test_one_bad_byte_in_a_utf8_file_changes_that_byte_only(tmp_path):
    lines = [f"{PROSE[0]} {WORLD}", f"{PROSE[1]} {WORLD}", f"{PROSE[2]} {WORLD}"]
    data = "\n".join(lines).encode()
    cut = data.index(b"witnesses")
    write(tmp_path, "story.txt", data[:cut] + b"\x92" + data[cut:])  # a Windows-1252 apostrophe pasted in
    records = [json.dumps({"id": f"r{i}", "text": line}, ensure_ascii=False).encode() for i, line in enumerate(lines)]
    records[1] = records[1].replace("Łódź".encode(), b"\xc5\x81\xf3d\xbc")  # Łódź half re-encoded as Latin-2
    jsonl = write(tmp_path, "feed.jsonl", b"\n".join(records) + b"\n").read_bytes()
    others = sum(ord(c) > 127 for c in WORLD)  # non-ASCII characters in each line
    articles, messages = load_recording(tmp_path)
    text = dict(zip(articles["article_id"], articles["text"]))
    assert text["story"] == "\n".join(lines).replace("witnesses", "\ufffdwitnesses")
    assert (text["r0"], text["r2"]) == (lines[0], lines[2])  # the other records as they were
    assert text["r1"] == lines[1].replace("Łódź", "Ł\ufffdd\ufffd")
    assert set(articles["encoding"]) == {"utf-8"}
    bad = jsonl.index(b"\xf3")
    assert messages == [
        (f"feed.jsonl: 2 byte(s) not UTF-8 (0xf3 on line 2 at offset {bad}; 0xbc on line 2 at offset {bad + 2}), "
         f"each replaced by U+FFFD; the rest read as UTF-8 ({3 * others - 2} other non-ASCII characters)"),
        (f"story.txt: 1 byte(s) not UTF-8 (0x92 on line 2 at offset {cut}), each replaced by U+FFFD; the rest "
         f"read as UTF-8 ({3 * others} other non-ASCII characters)")]


# ---------------------------------------------------------------- 5. files that are not read, .json files


def test_files_of_other_kinds_and_links_to_folders_are_named_and_json_files_are_read(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "story.txt", "\n\n".join(PROSE))
    write(corpus, "feeds/rss.xml", "<rss><item><description>A story</description></item></rss>")
    write(corpus, "scan.pdf", b"%PDF-1.4")
    for asset in ("style.css", "logo.png", "app.js"):
        write(corpus, f"saved page_files/{asset}", "x")
    write(corpus, "README.md", "where the files come from")  # the corpus's documentation: not listed
    write(corpus, ".DS_Store", b"\x00\x01")
    write(tmp_path, "elsewhere/linked.txt", PROSE[2])
    os.symlink(tmp_path / "elsewhere", corpus / "linked folder")
    write(corpus, "api.json", json.dumps(
        {"status": "ok", "totalResults": 2, "articles": [
            {"source": {"name": "Wire"}, "title": "One", "content": PROSE[0]},
            {"source": {"name": "Post"}, "title": "Two", "content": PROSE[1]}]}, indent=2))
    write(corpus, "list.json", json.dumps([{"uuid": "u1", "body": PROSE[2]}, "not an object"], indent=1))
    articles, messages = load_recording(corpus)
    assert articles[["article_id", "source", "outlet"]].values.tolist() == [
        ["api-5", "api.json:5", "Wire"], ["api-12", "api.json:12", "Post"], ["u1", "list.json:2", ""],
        ["story", "story.txt", ""]]
    assert messages == [
        ("skipped 5 file(s) of other kinds than .txt .html .htm .jsonl .json .csv: feeds/rss.xml, "
         "saved page_files/ (3 files), scan.pdf"),
        "linked folder: skipped, a link to a folder (not followed; copy the folder in, or give it as the corpus)",
        "list.json: skipped 1 of 2 records: line 6: not a JSON object"]
    one, messages = load_recording(corpus / "api.json")  # one .json file as the corpus
    assert one["headline"].tolist() == ["One", "Two"] and messages == []
    with pytest.raises(CorpusError, match=r"^rss.xml: not a corpus file \(the files read are .txt, .html, .htm, "
                                          r".jsonl, .json, .csv\)$"):
        research.load_articles(corpus / "feeds" / "rss.xml")
    write(corpus, "broken.json", '[{"text": "one"},\n {"text": "two"')
    with pytest.raises(CorpusError, match=r"^broken.json: not readable as JSON \(Expecting ',' delimiter at "
                                          r"line 2, column 16\)$"):
        load_recording(corpus)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "title", "articles", "id", "source", "body"]) | st.text(max_size=5), inner,
        max_size=4), max_leaves=12)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=200) | st.builds(lambda value, indent: json.dumps(value, indent=indent).encode(),
                                           JSON_VALUES, st.sampled_from([None, 1])))
def test_any_json_file_loads_or_gives_a_corpus_error_naming_it(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("corpus")
    write(folder, "file.json", data)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            articles = research.load_articles(folder)
        except CorpusError as error:
            assert "file.json" in str(error) or "corpus" in str(error)
        else:
            assert len(articles) and articles["text"].str.strip().astype(bool).all()
            assert all(re.fullmatch(r"file\.json:\d+", source) for source in articles["source"])
    assert [w for w in caught if not issubclass(w.category, CorpusWarning)] == []


# ---------------------------------------------------------------- 6. manifest columns named like provenance


def test_manifest_columns_named_source_or_path_do_not_replace_where_an_article_was_read(tmp_path):
    write(tmp_path, "a.txt", PROSE[0])
    feed(tmp_path, [{"id": "b", "text": PROSE[1]}])
    write(tmp_path, "articles.csv", "article_id,source,path,text\na,Reuters wire,/archive/a.doc,summary A\n"
                                    "b,AFP,/archive/b.doc,summary B\n")
    articles, messages = load_recording(tmp_path)
    assert articles[["article_id", "path", "source", "manifest_source", "manifest_path"]].values.tolist() == [
        ["a", "a.txt", "a.txt", "Reuters wire", "/archive/a.doc"],
        ["b", "feed.jsonl", "feed.jsonl:1", "AFP", "/archive/b.doc"]]
    assert articles["text"].tolist() == PROSE[:2] and articles["manifest_text"].tolist() == ["summary A",
                                                                                           "summary B"]
    assert messages == [("articles.csv: columns path, source, text renamed manifest_path, manifest_source, "
                         "manifest_text (path, source, form, encoding, text are where each article was read and what "
                         "it holds)")]
    write(tmp_path, "articles.csv", "article_id,source,manifest_source\na,Reuters,Reuters wire\n")
    with pytest.raises(CorpusError, match=r"articles.csv: columns source are the loader's .* and manifest_source "
                                          r"is taken: rename them"):
        research.load_articles(tmp_path)


# ---------------------------------------------------------------- 7. UTF-16 without a byte-order mark


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_as_text(tmp_path, encoding):
    text = f"Пресс-служба: {PROSE[0]}\r\n\r\n{WORLD}\r\n"
    write(tmp_path, "notes.txt", text.encode(encoding))
    write(tmp_path, "sheet.csv", f"id\ttext\r\nr1\t{PROSE[1]} 東京\r\n".encode(encoding))  # Excel "Unicode text"
    articles, messages = load_recording(tmp_path)
    assert articles[["article_id", "encoding"]].values.tolist() == [["notes", encoding], ["r1", encoding]]
    assert articles["text"].tolist() == [text, f"{PROSE[1]} 東京"]
    assert messages == [(f"notes.txt: no byte-order mark, read as {encoding} (a NUL byte beside each ASCII "
                         f"character)"),
                        (f"sheet.csv: no byte-order mark, read as {encoding} (a NUL byte beside each ASCII "
                         f"character)")]


def test_binary_data_with_nul_bytes_on_one_side_is_still_binary(tmp_path):
    data = bytes(range(1, 32)).replace(b"\n", b"").replace(b"\t", b"") * 40  # control codes, then NULs
    write(tmp_path, "table.txt", bytes(b for pair in zip(data, b"\x00" * len(data)) for b in pair))
    write(tmp_path, "story.txt", PROSE[0])
    articles, messages = load_recording(tmp_path)
    assert articles["article_id"].tolist() == ["story"]
    assert messages == ["table.txt: skipped, looks like a binary file (NUL bytes)"]


# ---------------------------------------------------------------- 8. formula-like cells in CSV files


def test_every_csv_of_the_report_shows_formula_like_cells_as_text(tmp_path):
    hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)"]
    source = feed(tmp_path / "corpus", [{"id": f"{start}{i}", "outlet": start, "title": start, "text": PROSE[0]}
                                        for i, start in enumerate(hostile)])
    report.build_report(source, tmp_path / "out", notebooks=[tables_notebook(tmp_path)])
    written = sorted((tmp_path / "out").rglob("*.csv"))
    assert [p.relative_to(tmp_path / "out").as_posix() for p in written] == [
        "articles.csv", "runs.csv", "tables/01-tables/ids.csv", "tables/01-tables/per-outlet.csv"]
    for path in written:
        with path.open(newline="") as handle:
            rows = list(pd.read_csv(handle, dtype=str, keep_default_na=False).itertuples(index=False))
        header = path.read_text().split("\n")[0]
        assert not any(cell.startswith(tables.FORMULA_START) for row in rows for cell in row), path.name
        assert not header.startswith(tables.FORMULA_START)
    ids = pd.read_csv(tmp_path / "out" / "tables" / "01-tables" / "ids.csv", dtype=str)
    assert ids["outlet"].tolist() == ["'" + start for start in hostile]
    counts = pd.read_csv(tmp_path / "out" / "tables" / "01-tables" / "per-outlet.csv")
    assert sorted(counts["outlet"]) == sorted("'" + start for start in hostile) and set(counts["n"]) == {1}


def test_numbers_and_dates_are_written_as_they_are_and_labels_are_neutralised_too():
    frame = pd.DataFrame({"=cmd": ["-1", "\tx"], "value": [-1.5, 2.0], "note": ["\rx", None],
                          "day": pd.to_datetime(["2024-10-23", "2024-10-24"])}, index=pd.Index(["@a", "b"], name="id"))
    assert tables.neutralise_formulas(frame).to_csv() == (
        "id,'=cmd,value,note,day\n'@a,'-1,-1.5,'\rx,2024-10-23\nb,'\tx,2.0,,2024-10-24\n")
    assert frame.columns[0] == "=cmd" and frame.index[0] == "@a"  # the table itself is left as it was


def test_a_table_read_back_gives_every_text_as_it_was(tmp_path):
    texts = ["=1+1", "'=1+1", "''@x", "-", "'", "it's", "'quoted'", "+", "plain", "", "\tx"]
    frame = pd.DataFrame({"-text": texts, "n": range(len(texts))})
    tables.write_csv(frame, tmp_path / "t.csv")
    written = pd.read_csv(tmp_path / "t.csv", dtype=str, keep_default_na=False)
    assert written["'-text"].tolist() == [
        "'=1+1", "''=1+1", "'''@x", "'-", "'", "it's", "'quoted'", "'+", "plain", "", "'\tx"]
    back = tables.read_table(tmp_path / "t.csv")
    assert back["-text"].tolist() == texts and back["n"].tolist() == [str(n) for n in range(len(texts))]


# ---------------------------------------------------------------- 9. dollar signs in chart labels


def test_dollar_signs_in_outlet_names_are_drawn_as_text():
    voices = pd.DataFrame({"officials (direct)": [0.2, 0.1], "$ome group $_$ (reported)": [0.1, 0.3],
                           research.OWN_VOICE: [0.7, 0.6]}, index=["Wall St $5%$ Daily", "$$ Money"])
    terms = pd.DataFrame({"group": ["Cash $_$ Flow", "Cash $_$ Flow"], "term": ["$^", "bn$"], "z": [3.1, 2.2],
                          "count_group": [4, 3], "count_rest": [0, 1]})

    def draw() -> None:
        figure = Figure(figsize=(6, 3))
        figures.plot_voices(voices, figure.add_subplot(1, 2, 1))
        figures.plot_distinctive_terms(terms, [figure.add_subplot(1, 2, 2)])
        figure.savefig(io.BytesIO(), format="png")

    with matplotlib.rc_context():
        with pytest.raises(ValueError):  # matplotlib's default: the labels are read as mathtext
            draw()
        research.setup_notebook()
        draw()


# ---------------------------------------------------------------- 10. lone surrogates, file names not UTF-8


def test_lone_surrogates_and_file_names_not_utf8_are_named_and_the_report_completes(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "feed.jsonl", '{"id": "a", "outlet": "Wire \\ud83d", "text": "Half an emoji \\ude00: ' + PROSE[0]
          + '"}\n{"id": "b", "outlet": "Post", "text": "' + PROSE[1] + '"}\n')
    write(corpus, b"caf\xe9 story.txt", PROSE[2])  # a Latin-1 file name
    with pytest.warns(CorpusWarning):
        runs = report.build_report(corpus, tmp_path / "out", notebooks=[tables_notebook(tmp_path)],
                                   cluster=one_event)
    assert runs["status"].tolist() == ["ok"]
    listing = pd.read_csv(tmp_path / "out" / "articles.csv", keep_default_na=False)
    assert listing[["article_id", "outlet"]].values.tolist() == [["a", "Wire \ufffd"], ["b", "Post"]]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "caf\\xe9 story.txt: skipped, the file name is not UTF-8 (rename the file)" in index
    assert "feed.jsonl: lone surrogate code points (half of a character, not text) replaced by U+FFFD: line 1 " \
           "(text, outlet)" in index
    latin = write(tmp_path, b"d\xe9p\xeache/feed.jsonl", (corpus / "feed.jsonl").read_bytes()).parent
    with pytest.raises(ValueError, match=r"^the corpus path .*/d\\xe9p\\xeache is not UTF-8: rename it$"):
        report.build_report(latin, tmp_path / "second", notebooks=[tables_notebook(tmp_path)], cluster=one_event)


# ---------------------------------------------------------------- 11. a huge sentence


class _Counting:
    """A stand-in for a compiled pattern or the `re` module that counts the characters it reads."""

    def __init__(self, target):
        self.target, self.read = target, 0

    def finditer(self, text, start=0, end=None):
        self.read += (len(text) if end is None else end) - start
        return self.target.finditer(text, start, len(text) if end is None else end)

    def search(self, pattern, text, *args):
        self.read += len(text)
        return self.target.search(pattern, text, *args)

    def __getattr__(self, name):
        return getattr(self.target, name)


@pytest.mark.parametrize("cue, source", [("officials said", "officials"),
                                         ("the ministry told reporters", "the ministry")])
def test_attributions_read_a_huge_sentence_a_bounded_number_of_times(monkeypatch, cue, source):
    words = "the convoy moved slowly toward the river crossing while trucks waited"
    read = []
    for clauses in (50, 200):
        text = "; ".join(f"{words} {i}, {cue}" for i in range(clauses)) + ".\n"
        articles = pd.DataFrame({"article_id": ["long"], "text": [text]})
        blocks = research.split_blocks(articles)
        word, module, phrase_module = _Counting(phrases.WORD), _Counting(cues.re), _Counting(phrases.re)
        monkeypatch.setattr(phrases, "WORD", word)
        monkeypatch.setattr(cues, "re", module)
        monkeypatch.setattr(phrases, "re", phrase_module)
        found = research.attributions(blocks, articles)
        monkeypatch.undo()
        assert len(found) == clauses and set(found["source_text"]) == {source}
        read.append((word.read + module.read + phrase_module.read) / len(text))
    assert read[1] < 2 * read[0], read  # characters read per character of text: flat, not growing with length


def test_the_tagger_reads_a_huge_sentence_in_time_that_grows_with_its_length(monkeypatch):
    # TextBlob's chunker counts the tokens before each chunk it finds, so its time is the square of what it reads at
    # once: the sum of those squares per character must stay flat as one sentence grows.
    words = "the convoy moved slowly toward the river crossing while trucks waited"
    cost, chunk = [], chunks.parser.find_chunks
    for clauses in (50, 200):
        text = "; ".join(f"{words} {i}, officials said" + (" 10,000 troops" if i % 4 == 0 else "")
                         for i in range(clauses)) + ".\n"
        articles = pd.DataFrame({"article_id": ["long"], "outlet": ["Wire"], "published": ["2024-10-23"], "text": [text]})
        blocks = research.split_blocks(articles)
        passages = research.split_passages(blocks)
        squares = []

        def counted(tagged, squares=squares, **options):
            squares.append(len(tagged) ** 2)
            return chunk(tagged, **options)
        monkeypatch.setattr(chunks.parser, "find_chunks", counted)
        chunks.tag_words.cache_clear()
        claims = research.extract_claims(passages, research.attributions(blocks, articles), articles)
        monkeypatch.undo()
        assert len(claims) >= clauses // 4 and squares
        cost.append(sum(squares) / len(text))
    assert cost[1] < 2 * cost[0], cost


class _Scans:
    """Counts the characters that unanchored regex scans (search, finditer, findall, sub) read: up to the
    end of the match found, or of the range given when none is; through stand-ins for the compiled patterns
    of a module (also those in its lists of tuples) and for its `re`."""

    METHODS = ("search", "finditer", "findall")

    def __init__(self):
        self.read = 0

    def pattern(self, target):
        scans = self

        class Pattern:
            def __getattr__(self, name):
                method = getattr(target, name)
                if name not in scans.METHODS:
                    return method

                def counted(text, pos=0, endpos=None):
                    endpos = len(text) if endpos is None else min(endpos, len(text))
                    found = method(text, pos, endpos)
                    if name == "search":
                        scans.read += max(0, (found.end() if found else endpos) - pos)
                    elif name == "findall":
                        scans.read += max(0, endpos - pos)
                    else:
                        return scans.consumed(found, pos, endpos)
                    return found
                return counted
        return Pattern()

    def consumed(self, matches, pos, endpos):
        """The matches of a `finditer`, counting the text read up to each one taken (all of it when run out)."""
        last = pos
        for match in matches:
            self.read += max(0, match.end() - last)
            last = max(last, match.end())
            yield match
        self.read += max(0, endpos - last)

    def module(self):
        scans = self

        class Module:
            def __getattr__(self, name):
                method = getattr(re, name)
                if name == "compile":
                    return lambda *args, **kwargs: scans.pattern(re.compile(*args, **kwargs))
                if name in ("sub", "subn"):
                    def counted(pattern, repl, text, *args, **kwargs):
                        scans.read += len(text)
                        return method(pattern, repl, text, *args, **kwargs)
                    return counted
                if name not in scans.METHODS:
                    return method

                def scanned(pattern, text, *args, **kwargs):
                    scans.read += len(text)
                    return method(pattern, text, *args, **kwargs)
                return scanned
        return Module()

    def watch(self, monkeypatch, module):
        monkeypatch.setattr(module, "re", self.module())
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, self.pattern(value))
            elif isinstance(value, list) and value and all(isinstance(item, tuple) for item in value):
                monkeypatch.setattr(module, name, [tuple(self.pattern(x) if isinstance(x, re.Pattern) else x
                                                         for x in item) for item in value])


def test_claims_of_a_huge_sentence_read_each_character_a_bounded_number_of_times(monkeypatch):
    from research.claims import ledger, numerals, periods, quantities, sources
    from research.text import dates
    words = "the convoy moved slowly toward the river crossing in June while trucks waited near the bridge"
    read = []
    for clauses in (40, 160):
        text = "; ".join(f"{words} {i}, Pentagon officials said 10,000 troops had arrived" for i in range(clauses)) + ".\n"
        articles = pd.DataFrame({"article_id": ["long"], "text": [text], "published": ["2024-10-23"]})
        blocks = research.split_blocks(articles)
        passages, found = research.split_passages(blocks), research.attributions(blocks, articles)
        scans = _Scans()
        for module in (ledger, numerals, periods, quantities, sources, dates):
            scans.watch(monkeypatch, module)
        claims = research.extract_claims(passages, found, articles)
        monkeypatch.undo()
        troops = claims[claims["value"] == 10_000]
        assert len(troops) == clauses and set(troops["claimant"]) == {"Pentagon officials"}
        assert set(troops["asof_text"]) == {"in June"} and set(troops["subject"]) == {"troops"}
        read.append(scans.read / len(text))
    assert read[1] < 1.5 * read[0], read  # characters scanned per character of text: flat, not growing with length


# ---------------------------------------------------------------- 12. --param values of the wrong kind


def test_param_values_are_read_and_checked_as_the_kind_of_the_notebooks_default(tmp_path, capsys, monkeypatch):
    source = feed(tmp_path / "corpus", [{"id": i, "outlet": "Wire", "text": PROSE[0]} for i in ("a", "b")])
    book = notebook(tmp_path, "01-kinds", "CORPUS = None\nLIMIT = 3\nSHARE = 0.5\nLABEL = 'n'\nFLAG = False\n"
                    "WORDS = ['war']\nANY = None\nSCALE = 2 ** 3",
                    "print(repr((LIMIT, SHARE, LABEL, FLAG, WORDS, ANY, SCALE)))")
    monkeypatch.setattr(report, "notebook_paths", lambda: [book])
    for value, message in [
        ("LIMIT=many", 'parameter LIMIT: 01-kinds.ipynb has LIMIT = 3, a whole number; "many" is text'),
        ("LIMIT=2.5", "parameter LIMIT: 01-kinds.ipynb has LIMIT = 3, a whole number; 2.5 is a number"),
        ("SHARE=true", "parameter SHARE: 01-kinds.ipynb has SHARE = 0.5, a number; true is true or false"),
        ("FLAG=1", "parameter FLAG: 01-kinds.ipynb has FLAG = False, true or false; 1 is a whole number"),
        ("WORDS=war", 'parameter WORDS: 01-kinds.ipynb has WORDS = [\'war\'], a list; "war" is text'),
    ]:
        status = cli.main(["report", str(source), "--out", str(tmp_path / "out"), "--param", value])
        assert (status, capsys.readouterr().err) == (2, f"research: error: {message}\n"), value
    assert not (tmp_path / "out").exists()
    status = cli.main(["report", str(source), "--out", str(tmp_path / "out"), "--param", "LIMIT=7",
                       "--param", "SHARE=1", "--param", "LABEL=12", "--param", "FLAG=true",
                       "--param", 'WORDS=["troops", "border"]', "--param", "ANY=[1, {\"a\": null}]",
                       "--param", "SCALE=anything"])
    assert status == 0
    outputs = [o for c in json.loads((tmp_path / "out" / "01-kinds.ipynb").read_text())["cells"]
               for o in c.get("outputs", [])]
    assert "".join(outputs[-1]["text"]) == "(7, 1, '12', True, ['troops', 'border'], [1, {'a': None}], 'anything')\n"


# ---------------------------------------------------------------- 13. stale output after an interrupted run


def test_an_interrupted_run_leaves_the_earlier_report_whole_and_a_new_one_leaves_nothing_stale(
        tmp_path, monkeypatch, capsys):
    source = feed(tmp_path / "corpus", [{"id": i, "outlet": outlet, "text": PROSE[0]}
                                        for i, outlet in (("a", "Wire"), ("b", "Wire"), ("c", "Post"), ("d", "Post"))])
    first, second = tables_notebook(tmp_path, "01-tables"), tables_notebook(tmp_path, "02-tables")
    out = tmp_path / "out"
    report.build_report(source, out, notebooks=[first, second], cluster=two_outlets)
    before = digests(out)
    assert "events/Wire/01-tables.html" in before and "events/Post/tables/02-tables/ids.csv" in before
    calls = []
    real = report.run_notebook

    def interrupted(*args, **kwargs):
        calls.append(args[0].name)
        if len(calls) == 2:
            raise KeyboardInterrupt  # Ctrl-C during the second notebook run, after a first one
        return real(*args, **kwargs)

    monkeypatch.setattr(report, "run_notebook", interrupted)
    monkeypatch.setattr(report, "notebook_paths", lambda: [first, second])
    status = cli.main(["report", str(source), "--out", str(out)])
    assert (status, capsys.readouterr().err) == (130, "research: interrupted\n")
    assert digests(out) == before  # the earlier report, whole: no half-written page beside it
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-tables.ipynb", "02-tables.ipynb", "corpus", "out"]
    monkeypatch.setattr(report, "run_notebook", real)
    report.build_report(source, out, notebooks=[first], cluster=one_event)
    assert sorted(digests(out)) == [report.REPORT_MARKER, "01-tables.html", "01-tables.ipynb", "articles.csv",
                                    "index.html", "kernel.log", "outlets.html", "runs.csv", "tables/01-tables/ids.csv",
                                    "tables/01-tables/per-outlet.csv"]  # no events/ of the earlier run
