"""Corpus loading: files -> articles table.

`load_articles(path)` reads a folder of `.txt` files (sorted, recursive) or a
single file, with an optional manifest `articles.csv` in the folder, and returns
one row per article:

- `article_id`: the file stem (unique in the corpus)
- `path`: the file's path relative to the corpus folder (POSIX form), so
  outputs never show a machine's absolute paths
- `outlet`, `headline`, `published` (ISO 8601 text), `byline`, `provenance`:
  from the manifest; without one, parsed from the page header where a
  recognisable pattern exists, else ""
- any further manifest columns (for the seeds: `provenance_evidence`)
- `encoding`: how the bytes were decoded ("utf-8", "utf-8-sig" when a
  byte-order mark was removed, "cp1252"/"latin-1" fallbacks with a warning)
- `text`: the decoded file, line endings untouched, so every offset in later
  tables indexes it.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

from research.blocks import classify, segment
from research.dates import find_page_date
from research.errors import CorpusError, CorpusWarning

MANIFEST_NAME = "articles.csv"
METADATA_COLUMNS = ["outlet", "headline", "published", "byline", "provenance"]
ARTICLE_COLUMNS = ["article_id", "path", *METADATA_COLUMNS, "encoding", "text"]
SUFFIXES = (".txt",)


def default_corpus() -> Path:
    """The embedded corpus: the `seeds/` folder next to the package."""
    return Path(__file__).resolve().parent.parent / "seeds"


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes to text; return (text, encoding).

    UTF-8 first (a leading byte-order mark is removed, as it is not text).
    Otherwise Windows-1252, the usual encoding of non-UTF-8 news pages, then
    Latin-1, which decodes any byte; both with a `CorpusWarning` naming the
    file and the first byte that is not UTF-8.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        position = error.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(
            f"{name}: not UTF-8 (byte 0x{data[position]:02x} at offset {position}); "
            f"decoded as {encoding}",
            CorpusWarning,
            stacklevel=3,
        )
        return text, encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def header_metadata(text: str) -> dict[str, str]:
    """Metadata read off a page header: headline, byline, published ("" when absent).

    Uses the block roles of `research.blocks`: the headline block, the first
    byline block ("By X | Created at ..." gives the byline X and its date) and
    the first dated metadata block above the body.
    """
    blocks = classify(segment(text))
    found = {"headline": "", "byline": "", "published": ""}
    body_start = next((i for i, b in enumerate(blocks) if b.role == "body"), len(blocks))
    for block in blocks[:body_start]:
        if block.role == "headline" and not found["headline"]:
            found["headline"] = block.text
        if block.role != "metadata":
            continue
        if block.reason == "byline" and not found["byline"]:
            byline = block.text.split("|")[0].strip()
            found["byline"] = byline[3:].strip() if byline.lower().startswith("by ") else byline
        if block.reason == "byline (names only)" and not found["byline"]:
            found["byline"] = block.text
        if not found["published"]:
            found["published"] = find_page_date(block.text) or ""
    return found


def _read_manifest(folder: Path) -> pd.DataFrame | None:
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return None
    try:
        table = pd.read_csv(manifest, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as error:
        raise CorpusError(f"{manifest.name}: cannot read the manifest: {error}") from error
    if "article_id" not in table.columns:
        raise CorpusError(f"{manifest.name}: no 'article_id' column (found: {', '.join(table.columns)})")
    duplicated = table["article_id"][table["article_id"].duplicated()].tolist()
    if duplicated:
        raise CorpusError(f"{manifest.name}: article_id listed twice: {', '.join(duplicated)}")
    return table.set_index("article_id")


def _corpus_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise CorpusError(f"{root.name}: no such file or folder")
    return sorted((p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES),
                  key=lambda p: p.relative_to(root).as_posix())


def load_articles(path: str | Path | None = None) -> pd.DataFrame:
    """Load a corpus folder (or one file) into the articles table (see module docstring).

    Files that cannot be articles (empty, only whitespace, binary) are skipped
    with a `CorpusWarning` naming them; two files with the same stem raise
    `CorpusError`. Manifest rows without a file, and files without a manifest
    row, are reported with a `CorpusWarning`.
    """
    root = Path(path) if path is not None else default_corpus()
    folder = root if root.is_dir() else root.parent
    files = _corpus_files(root)
    manifest = _read_manifest(folder)
    rows, seen = [], {}
    for file in files:
        name = file.relative_to(folder).as_posix()
        article_id = file.stem
        if article_id in seen:
            raise CorpusError(f"{name}: article_id {article_id!r} is also the id of {seen[article_id]}")
        seen[article_id] = name
        data = file.read_bytes()
        if b"\x00" in data[:8192]:
            warnings.warn(f"{name}: skipped, looks like a binary file (NUL bytes)", CorpusWarning,
                          stacklevel=2)
            continue
        text, encoding = decode(data, name)
        if not text.strip():
            warnings.warn(f"{name}: skipped, the file is {'empty' if not text else 'only whitespace'}",
                          CorpusWarning, stacklevel=2)
            continue
        if manifest is not None and article_id in manifest.index:
            metadata = {column: "" for column in METADATA_COLUMNS} | manifest.loc[article_id].to_dict()
        else:
            if manifest is not None:
                warnings.warn(f"{name}: not in {MANIFEST_NAME}; metadata read from the page header",
                              CorpusWarning, stacklevel=2)
            metadata = {column: "" for column in METADATA_COLUMNS} | header_metadata(text)
        rows.append({"article_id": article_id, "path": name, **metadata, "encoding": encoding,
                     "text": text})
    if manifest is not None:
        missing = sorted(set(manifest.index) - set(seen))
        if missing:
            warnings.warn(f"{MANIFEST_NAME}: no file for article_id {', '.join(missing)}", CorpusWarning,
                          stacklevel=2)
    if not rows:
        raise CorpusError(f"{root.name}: no readable article files ({', '.join(SUFFIXES)})")
    extra = [c for c in (manifest.columns if manifest is not None else []) if c not in ARTICLE_COLUMNS]
    return pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS[:-2], *extra, *ARTICLE_COLUMNS[-2:]]).fillna("")
