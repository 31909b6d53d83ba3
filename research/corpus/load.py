"""Corpus loading: files -> articles table.

`load_articles(path)` reads a folder (sorted, recursive) or a single file of
`.txt` and `.html`/`.htm` pages and `.jsonl`/`.csv` record files, in any mix
(the format readers are in `research.ingest`), with an optional manifest
`articles.csv` in the folder, and returns one row per article:

- `article_id`: the file stem for a page; for a record its id field, else
  "<file stem>-<line>" (unique in the corpus)
- `path`: the file's path relative to the corpus folder (POSIX form), so
  outputs never show a machine's absolute paths; for an HTML page the raw
  page, of which `text` is the visible text
- `source`: where the article was read: `path` for a page, "<path>:<line>" for
  a JSONL line or CSV record (the line the record starts on)
- `outlet`, `headline`, `published` (ISO 8601 text), `byline`, `provenance`,
  `url`: from the manifest row when there is one (its columns win), else from
  the record's fields or the page (HTML markup, else the page header), else ""
- any further manifest columns (for the seeds: `provenance_evidence`)
- `form`: "page" for a .txt or .html page, "record" for a JSONL/CSV record (a
  record's own `form` field may say "page": the report writes pages back so);
  `research.corpus.blocks` cleans a page and keeps a record's text whole
- `encoding`: how the bytes were decoded ("utf-8", "utf-8-sig" when a
  byte-order mark was removed, "utf-16-le" etc. after a UTF-16/32 mark, a
  charset an HTML page declares, "cp1252"/"latin-1" fallbacks with a warning)
- `text`: the decoded file (a page's visible text for HTML, the text field for
  a record), line endings untouched, so every offset in later tables indexes it.

`articles.csv` directly inside the corpus folder is the manifest, never a CSV
corpus; a file named so in a subfolder, or given as the corpus itself, is data.
"""

from __future__ import annotations

import io
import re
import warnings
from pathlib import Path

import pandas as pd

from research.corpus.blocks import FORMS
from research.corpus.ingest import (  # noqa: F401 (re-exported)
    PAGE_READERS,
    RECORD_READERS,
    SURROGATE,
    decode,
    header_metadata,
    looks_binary,
    normalise_published,
)
from research.errors import CorpusError, CorpusWarning

MANIFEST_NAME = "articles.csv"
METADATA_COLUMNS = ["outlet", "headline", "published", "byline", "provenance", "url"]
ARTICLE_COLUMNS = ["article_id", "path", "source", *METADATA_COLUMNS, "form", "encoding", "text"]
SUFFIXES = (*PAGE_READERS, *RECORD_READERS)
# Documentation beside the articles (seeds/README.md), not read and not listed as skipped.
DOCUMENTATION = re.compile(r"(?:README|LICEN[CS]E|NOTICE|COPYING|CHANGELOG)(?:\.\w+)?$", re.IGNORECASE)
# Columns the loader fills from the file itself; a manifest column of that name is renamed "manifest_<name>".
LOADER_COLUMNS = ["path", "source", "form", "encoding", "text"]


def default_corpus() -> Path:
    """The embedded corpus: the `seeds/` folder next to the package."""
    return Path(__file__).resolve().parents[2] / "seeds"


def _read_manifest(folder: Path) -> pd.DataFrame | None:
    """The manifest indexed by article_id, `published` as ISO 8601 (None without a manifest).

    Decoded as corpus files are (`research.ingest.decode`). A `published` value
    that is not a date (`research.ingest.normalise_published`) is left empty,
    as in records, with one `CorpusWarning` listing every such row and value.
    """
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return None
    text, _ = decode(manifest.read_bytes(), manifest.name)
    try:
        table = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except pd.errors.EmptyDataError as error:
        raise CorpusError(f"{manifest.name}: the manifest is empty (it needs a header row with article_id)") \
            from error
    except pd.errors.ParserError as error:
        raise CorpusError(f"{manifest.name}: cannot read the manifest: {error}") from error
    if "article_id" not in table.columns:
        raise CorpusError(f"{manifest.name}: no 'article_id' column (found: {', '.join(table.columns)})")
    clashing = [column for column in LOADER_COLUMNS if column in table.columns]
    if clashing:
        renamed = {column: f"manifest_{column}" for column in clashing}
        taken = [name for name in renamed.values() if name in table.columns]
        if taken:
            raise CorpusError(f"{manifest.name}: columns {', '.join(clashing)} are the loader's (where each "
                              f"article was read, its text) and {', '.join(taken)} is taken: rename them")
        table = table.rename(columns=renamed)
        warnings.warn(f"{manifest.name}: column{'s' if len(clashing) > 1 else ''} {', '.join(clashing)} "
                      f"renamed {', '.join(renamed.values())} ({', '.join(LOADER_COLUMNS)} are where each "
                      f"article was read and what it holds)", CorpusWarning, stacklevel=3)
    duplicated = table["article_id"][table["article_id"].duplicated()].tolist()
    if duplicated:
        raise CorpusError(f"{manifest.name}: article_id listed twice: {', '.join(duplicated)}")
    if "published" in table.columns:
        published = table["published"].map(normalise_published)
        bad = published.isna()
        if bad.any():
            listed = "; ".join(f"{article_id} ({value!r})" for article_id, value in
                               zip(table.loc[bad, "article_id"], table.loc[bad, "published"]))
            warnings.warn(f"{manifest.name}: publication date not understood, left empty: {listed}",
                          CorpusWarning, stacklevel=3)
        table["published"] = published.fillna("")
    return table.set_index("article_id")


def shown(name: str) -> str:
    """A file name as text: bytes of a name that are not UTF-8 shown as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _not_read(root: Path, others: list[Path], read: list[Path]) -> str:
    """The files in `others` by name; a folder holding several of them and no file read as "folder/ (N files)"."""
    kept = {folder for path in read for folder in path.relative_to(root).parents}
    groups: dict[str, list[str]] = {}
    for path in others:
        relative = path.relative_to(root)
        folders = [f for f in reversed(relative.parents) if f != Path(".") and f not in kept]
        groups.setdefault(f"{folders[0].as_posix()}/" if folders else relative.as_posix(), []).append(
            relative.as_posix())
    return ", ".join(shown(files[0]) if len(files) == 1 else f"{shown(group)} ({len(files)} files)"
                     for group, files in groups.items())


def _unlisted(relative: Path) -> bool:
    """Files not read and not listed as skipped: hidden ones (".DS_Store", ".git/") and the corpus's own
    documentation (README, LICENSE, ...)."""
    return any(part.startswith(".") for part in relative.parts) or bool(DOCUMENTATION.match(relative.name))


def _corpus_files(root: Path) -> list[Path]:
    """The files of a corpus folder that are read, sorted by relative path (or `root`, one file).

    One `CorpusWarning` lists the files of other kinds (`SUFFIXES`; a folder
    holding no corpus file is listed as one; hidden files and documentation
    such as README.md are left out), another each link to a folder
    (links to folders are not followed, so that a link cannot make the corpus
    read a folder twice or without end). One file of another kind as the
    corpus is a `CorpusError`.
    """
    if root.is_file():
        if root.suffix.lower() not in SUFFIXES:
            raise CorpusError(f"{shown(root.name)}: not a corpus file (the files read are {', '.join(SUFFIXES)})")
        return [root]
    if not root.is_dir():
        raise CorpusError(f"{shown(root.name)}: no such file or folder")
    files, others, links = [], [], []
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        if path.is_symlink() and path.is_dir():
            links.append(path)
        elif path == root / MANIFEST_NAME or path.is_dir() or _unlisted(path.relative_to(root)):
            continue
        # Links whose target is missing are listed too, so that reading them reports them.
        elif (path.is_file() or path.is_symlink() and not path.exists()) and path.suffix.lower() in SUFFIXES:
            files.append(path)
        else:
            others.append(path)
    if others:
        warnings.warn(f"skipped {len(others)} file(s) of other kinds than {' '.join(SUFFIXES)}: "
                      f"{_not_read(root, others, files)}", CorpusWarning, stacklevel=3)
    for link in links:
        warnings.warn(f"{shown(link.relative_to(root).as_posix())}: skipped, a link to a folder (not followed; "
                      f"copy the folder in, or give it as the corpus)", CorpusWarning, stacklevel=3)
    return files


def _read_file(file: Path, name: str, columns: dict[str, str] | None) -> list[dict]:
    """The articles of one file: dicts with article_id, source, encoding, text and metadata found."""
    try:
        data = file.read_bytes()
    except OSError as error:
        warnings.warn(f"{name}: skipped, cannot be read ({error.strerror or error})", CorpusWarning,
                      stacklevel=2)
        return []
    if looks_binary(data):
        warnings.warn(f"{name}: skipped, looks like a binary file (NUL bytes)", CorpusWarning, stacklevel=2)
        return []
    if not data or data.isspace():
        warnings.warn(f"{name}: skipped, the file is {'empty' if not data else 'only whitespace'}",
                      CorpusWarning, stacklevel=2)
        return []
    suffix = file.suffix.lower()
    if suffix in RECORD_READERS:
        records = RECORD_READERS[suffix](data, name, file.stem, columns)
        return [{**record, "source": f"{name}:{record['line']}",
                 "form": record.get("form") if record.get("form") in FORMS else "record"} for record in records]
    text, encoding, metadata = PAGE_READERS[suffix](data, name)
    if not text.strip():
        what = "no visible text" if suffix != ".txt" else "only whitespace"
        warnings.warn(f"{name}: skipped, the page has {what}", CorpusWarning, stacklevel=2)
        return []
    return [{**metadata, "article_id": file.stem, "source": name, "form": "page", "encoding": encoding,
             "text": text}]


def load_articles(path: str | Path | None = None, columns: dict[str, str] | None = None) -> pd.DataFrame:
    """Load a corpus folder (or one file) into the articles table (see module docstring).

    `columns` maps record fields to the columns of JSONL/CSV files, e.g.
    `{"text": "story", "id": "doc_id"}` (fields and their default column names:
    `research.corpus.ingest.FIELD_NAMES`).

    Files that cannot be articles (empty, only whitespace, binary, no visible
    text, unreadable such as a link to a missing file) are skipped with a
    `CorpusWarning` naming them, and so are unusable JSONL lines and CSV rows
    (one warning per file listing every line). Two articles with the same id
    raise `CorpusError` naming both sources, and so does a JSONL/CSV file
    without a text column or an empty or malformed manifest. Manifest rows
    without an article, pages without a manifest row, and manifest
    `published` values that are not dates (left empty) are reported with a
    `CorpusWarning`.
    """
    root = Path(path) if path is not None else default_corpus()
    folder = root if root.is_dir() else root.parent
    with warnings.catch_warnings(record=True) as caught:  # re-raised at the caller's line
        warnings.simplefilter("always", CorpusWarning)
        files = _corpus_files(root)
    for warning in caught:
        warnings.warn(warning.message, stacklevel=2)
    manifest = None if root.name == MANIFEST_NAME else _read_manifest(folder)
    rows, seen = [], {}
    for file in files:
        name = file.relative_to(folder).as_posix()
        if SURROGATE.search(name):  # bytes that are not UTF-8, which no table or page could show
            warnings.warn(f"{shown(name)}: skipped, the file name is not UTF-8 (rename the file)", CorpusWarning,
                          stacklevel=2)
            continue
        with warnings.catch_warnings(record=True) as caught:  # re-raised below at the caller's line
            warnings.simplefilter("always", CorpusWarning)
            found = _read_file(file, name, columns)
        for warning in caught:
            warnings.warn(warning.message, stacklevel=2)
        for article in found:
            article_id = article["article_id"]
            if article_id in seen:
                raise CorpusError(f"{article['source']}: article_id {article_id!r} is also the id of "
                                  f"{seen[article_id]}")
            seen[article_id] = article["source"]
            metadata = {column: "" for column in METADATA_COLUMNS}
            metadata.update((k, v) for k, v in article.items() if k in METADATA_COLUMNS)
            if manifest is not None and article_id in manifest.index:
                metadata.update(manifest.loc[article_id].to_dict())
            elif manifest is not None and file.suffix.lower() in PAGE_READERS:
                where = "header" if file.suffix.lower() == ".txt" else "markup"
                warnings.warn(f"{name}: not in {MANIFEST_NAME}; metadata read from the page {where}",
                              CorpusWarning, stacklevel=2)
            rows.append({"article_id": article_id, "path": name, "source": article["source"], **metadata,
                         "form": article["form"], "encoding": article["encoding"], "text": article["text"]})
    if manifest is not None:
        missing = sorted(set(manifest.index) - set(seen))
        if missing:
            warnings.warn(f"{MANIFEST_NAME}: no file for article_id {', '.join(missing)}", CorpusWarning,
                          stacklevel=2)
    if not rows:
        raise CorpusError(f"{root.name}: no readable article files ({', '.join(SUFFIXES)})")
    extra = [c for c in (manifest.columns if manifest is not None else []) if c not in ARTICLE_COLUMNS]
    return pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS[:-3], *extra, *ARTICLE_COLUMNS[-3:]]).fillna("")
