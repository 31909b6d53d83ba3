import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import research
from research.corpus.ingest import header_metadata
from research.corpus.load import ARTICLE_COLUMNS
from research.errors import CorpusError, CorpusWarning

SEEDS = Path(research.default_corpus())
SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_seeds_load_with_manifest(seed_articles):
    assert list(seed_articles["article_id"]) == [f.stem for f in SEED_FILES]
    assert set(ARTICLE_COLUMNS) <= set(seed_articles.columns)
    # text is the file decoded exactly: same characters, line endings untouched
    for row, file in zip(seed_articles.itertuples(), SEED_FILES):
        assert row.text == file.read_bytes().decode("utf-8")
        assert row.path == file.name  # relative, never a machine's absolute path
    outlets = dict(zip(seed_articles["article_id"].str[:3], seed_articles["outlet"]))
    assert outlets == {"000": "AP", "001": "CNBC/NBC", "002": "Newslooks", "003": "NYT",
                       "004": "Washington Times"}
    nyt = seed_articles.set_index("outlet").loc["NYT"]
    assert nyt["published"] == "2024-10-23T06:55:00-04:00"
    assert nyt["byline"] == "Eric Schmitt; David E. Sanger"
    assert "provenance_evidence" in seed_articles.columns  # extra manifest columns pass through


def test_manifest_headlines_and_evidence_are_on_the_pages(seed_articles):
    for row in seed_articles.itertuples():
        assert row.headline in row.text
        for piece in filter(None, row.provenance_evidence.split("; ")):
            assert piece in row.text


def test_without_manifest_metadata_comes_from_the_header(tmp_path):
    for file in SEED_FILES:
        shutil.copy(file, tmp_path / file.name)
    articles = research.load_articles(tmp_path).set_index("article_id")
    cnbc = articles.loc["001_82a9f5469afd3e09"]
    assert cnbc["headline"] == "North Korean troops have been sent to Russia, U.S. confirms"
    assert cnbc["byline"] == "CNBC (U.S.)"
    assert cnbc["published"] == "2024-10-23T13:35:02"
    nyt = articles.loc["003_3f227e4f0a2d6f9d"]
    assert nyt["headline"] == "U.S. Says North Korean Troops Are in Russia, Calling It ‘Very Serious’"
    ap = articles.loc["000_a8a464420afca919"]
    assert (ap["byline"], ap["published"]) == ("Associated Press", "2024-10-23")
    wt = articles.loc["004_6b509e299142eab2"]
    assert (wt["headline"], wt["published"]) == ("", "2024-10-23")
    assert articles.loc["002_1f373224d5a43559", "published"] == ""  # the page gives no date
    assert (articles["outlet"] == "").all()  # left empty rather than guessed


def test_header_metadata_names_only_byline():
    text = "Troops Cross the Border\n\nJane Doe and John Roe\n\nMarch 3, 2024\n\n" + \
           "The troops crossed the border on Monday, officials said in a statement to reporters.\n\n" + \
           "They were followed by a column of trucks, witnesses said on Tuesday morning."
    assert header_metadata(text) == {"headline": "Troops Cross the Border", "byline": "Jane Doe and John Roe",
                                     "published": "2024-03-03"}


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


PROSE = "The troops arrived on Monday, officials said in a statement released to reporters.\n"


def test_unreadable_files_are_skipped_with_a_warning_naming_them(tmp_path):
    write(tmp_path, "a_empty.txt", b"")
    write(tmp_path, "b_blank.txt", b"  \n\t\r\n")
    write(tmp_path, "c_image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    write(tmp_path, "d_good.txt", PROSE.encode())
    with pytest.warns(CorpusWarning) as caught:
        articles = research.load_articles(tmp_path)
    messages = " | ".join(str(w.message) for w in caught)
    assert "a_empty.txt: skipped, the file is empty" in messages
    assert "b_blank.txt: skipped, the file is only whitespace" in messages
    assert "c_image.txt: skipped, looks like a binary file" in messages
    assert list(articles["article_id"]) == ["d_good"]


def test_byte_order_mark_is_removed_and_recorded(tmp_path):
    write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + PROSE.encode())
    articles = research.load_articles(tmp_path)
    assert articles.loc[0, "text"] == PROSE
    assert articles.loc[0, "encoding"] == "utf-8-sig"


def test_windows_1252_falls_back_with_a_warning(tmp_path):
    data = "He called it a \u201cvery serious\u201d issue \u2014 and left.\n".encode("cp1252")
    write(tmp_path, "smart.txt", data)
    with pytest.warns(CorpusWarning, match=r"smart.txt: not UTF-8 \(byte 0x93 at offset 15\); decoded as cp1252"):
        articles = research.load_articles(tmp_path)
    assert articles.loc[0, "text"] == "He called it a \u201cvery serious\u201d issue \u2014 and left.\n"


def test_latin1_bytes_cp1252_cannot_decode(tmp_path):
    write(tmp_path, "latin.txt", "Caf\xe9 owner said\x81 hi.\n".encode("latin-1"))
    with pytest.warns(CorpusWarning, match="decoded as latin-1"):
        articles = research.load_articles(tmp_path)
    assert articles.loc[0, "text"].startswith("Café")


def test_crlf_and_lone_cr_line_endings_are_preserved(tmp_path):
    text = "Headline Of The Story\r\n\r\n" + PROSE.strip() + "\r\n\r\n" + PROSE.strip() + "\rLast line here.\r"
    write(tmp_path, "crlf.txt", text.encode())
    articles = research.load_articles(tmp_path)
    assert articles.loc[0, "text"] == text
    blocks = research.split_blocks(articles)
    research.assert_accounted(articles, blocks, research.split_passages(blocks))


def test_recursive_sorted_and_duplicate_ids(tmp_path):
    write(tmp_path, "b/two.txt", PROSE.encode())
    write(tmp_path, "a/one.txt", PROSE.encode())
    write(tmp_path, "notes.md", b"not an article")
    with pytest.warns(CorpusWarning, match=r"^skipped 1 file\(s\) of other kinds than .* \.csv: notes\.md$"):
        articles = research.load_articles(tmp_path)
    assert list(articles["path"]) == ["a/one.txt", "b/two.txt"]
    (tmp_path / "notes.md").unlink()
    write(tmp_path, "c/one.txt", PROSE.encode())
    with pytest.raises(CorpusError, match=r"c/one.txt: article_id 'one' is also the id of a/one.txt"):
        research.load_articles(tmp_path)


def test_single_file_and_bad_paths(tmp_path):
    path = write(tmp_path, "only.txt", PROSE.encode())
    assert list(research.load_articles(path)["article_id"]) == ["only"]
    with pytest.raises(CorpusError, match="missing: no such file or folder"):
        research.load_articles(tmp_path / "missing")
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(CorpusError, match="no readable article files"):
        research.load_articles(empty)


def test_manifest_mismatches_warn_and_the_rest_loads(tmp_path):
    write(tmp_path, "one.txt", PROSE.encode())
    write(tmp_path, "two.txt", PROSE.encode())
    pd.DataFrame({"article_id": ["one", "ghost"], "outlet": ["Daily", "Nowhere"]}).to_csv(
        tmp_path / "articles.csv", index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = research.load_articles(tmp_path)
    messages = [str(w.message) for w in caught if issubclass(w.category, CorpusWarning)]
    assert "two.txt: not in articles.csv; metadata read from the page header" in messages
    assert "articles.csv: no file for article_id ghost" in messages
    assert list(articles["outlet"]) == ["Daily", ""]


def test_bad_manifests_raise(tmp_path):
    write(tmp_path, "one.txt", PROSE.encode())
    (tmp_path / "articles.csv").write_text("id,outlet\none,Daily\n")
    with pytest.raises(CorpusError, match="articles.csv: no 'article_id' column"):
        research.load_articles(tmp_path)
    (tmp_path / "articles.csv").write_text("article_id,outlet\none,Daily\none,Other\n")
    with pytest.raises(CorpusError, match="article_id listed twice: one"):
        research.load_articles(tmp_path)
