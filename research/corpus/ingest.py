"""Format readers: the bytes of one corpus file -> its articles.

Pages (one article per file, `article_id` = file stem):

- `.txt`: the decoded file; metadata read off the page header.
- `.html`/`.htm`: `text` is the page's visible text, each block element (paragraph,
  heading, list item, table cell, ...) on its own line with a blank line between
  blocks and `<br>` as a line break, so that `split_blocks` sees the prose *and*
  the page chrome and the cleaning audit can account for both. Scripts, styles,
  `<head>`, `<noscript>`, `<template>`, `<svg>`, `<iframe>` and elements marked
  `hidden` or `display: none` are not visible and not kept. Metadata (title,
  author, publication date, site name, canonical URL) comes from the page's
  markup through trafilatura; what it does not find is read off the visible text.

Records (one article per JSONL line or CSV row): fields are found through a
column mapping (`FIELD_NAMES` gives the default names tried, case-insensitively;
`columns={"text": "story"}` names them). A file without a text column is a
`CorpusError`; a record that cannot be used (a line that is not JSON, a row with
the wrong number of fields, no text) is skipped and every skipped line is listed
in one `CorpusWarning` per file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import warnings
from datetime import datetime
from email.utils import parsedate_to_datetime

import trafilatura
import webencodings
from lxml import etree, html

from research.corpus.blocks import classify, segment
from research.errors import CorpusError, CorpusWarning
from research.text.dates import parse_published
from research.text.pagedates import find_page_date

# Default names tried for each field of a JSONL/CSV record, in order (compared
# case-insensitively; "source.name" looks inside a nested JSON object, as in
# NewsAPI exports). Only `text` is required.
FIELD_NAMES = {
    "text": ("text", "body", "content", "maintext", "full_text", "article_text", "articlebody",
             "article"),
    "id": ("id", "article_id", "uuid", "_id", "guid", "doc_id"),
    "outlet": ("outlet", "source.name", "source", "publisher", "source_domain", "sitename",
               "site_name", "media_name", "domain"),
    "headline": ("headline", "title"),
    "published": ("published", "publishedat", "published_at", "date_publish", "publish_date",
                  "pubdate", "date", "datetime"),
    "byline": ("byline", "author", "authors", "creator"),
    "url": ("url", "link", "uri", "permalink"),
    "provenance": ("provenance",),
    "form": ("form",),
}

# Elements whose content a browser does not show as text.
INVISIBLE = {"head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object",
             "embed", "canvas", "select", "datalist", "audio", "video", "map"}
# Elements that start a new block of text (the rest flow inline).
BLOCK_ELEMENTS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead",
    "tr", "ul",
}
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# The format asked of htmldate; a page that gives only a day comes back as naive midnight.
HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# Byte-order marks and the encodings they announce; UTF-32 first (its LE mark begins like UTF-16's).
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                    (codecs.BOM_UTF16_BE, "utf-16-be"))
# Bytes looked at to tell a binary file from text (as git does: a NUL byte among the first 8,000).
BINARY_PROBE = 8192
# The page header is read off at most this many characters (cut at a line break), so a huge
# file is not classified twice; a header is the top of a page, far shorter than this.
HEADER_CHARS = 100_000
# Line breaks of JSON Lines and CSV files: \n, \r\n or a lone \r; never U+2028, U+0085 or the other
# characters `str.splitlines` also breaks at, which JSON strings and CSV fields may hold as they are.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Reading a JSON document element by element, to know the line each record starts on.
JSON_DECODER = json.JSONDecoder()
JSON_SPACE = re.compile(r"[ \t\n\r]*")
# Control characters that text does not hold (all of C0 and C1 but tab, line feed, line and page tabulation,
# carriage return).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# What `bytes.decode("utf-8", "surrogateescape")` makes of a byte that is not UTF-8.
ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A code point that is half of a UTF-16 pair: JSON can hold one ("\ud800"), UTF-8 cannot.
SURROGATE = re.compile(r"[\ud800-\udfff]")
# Encodings a `<meta>` cannot declare, and what browsers read instead (HTML standard, "prescan").
META_MEANS = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}


def _byte_order_mark(data: bytes) -> tuple[bytes, str] | None:
    """The (mark, encoding) that `data` starts with, or None."""
    return next(((mark, encoding) for mark, encoding in BYTE_ORDER_MARKS if data.startswith(mark)), None)


def looks_like_text(text: str) -> bool:
    """True when `text` holds no control character but tab, line and page breaks (C0 and C1 controls)."""
    return not CONTROL.search(text)


def _utf16_without_mark(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text saved without a byte-order mark, else None.

    Every ASCII character (space, digit, punctuation, Latin letter) of UTF-16 text
    has a NUL byte beside it, on the same side: at odd offsets for little-endian,
    even offsets for big-endian. The side holding most NUL bytes of the first 8 KB
    decides, and the whole file must decode to text (`looks_like_text`).
    """
    probe = data[:BINARY_PROBE]
    even, odd = probe[0::2].count(0), probe[1::2].count(0)
    if len(data) % 2 or even == odd:
        return None
    encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        return encoding if looks_like_text(data.decode(encoding)) else None
    except UnicodeDecodeError:
        return None


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text: a NUL byte among the first 8 KB, unless they are UTF-16/32 text
    (with a byte-order mark, or UTF-16 without one: `_utf16_without_mark`)."""
    if b"\x00" not in data[:BINARY_PROBE]:
        return False
    marked = _byte_order_mark(data)
    return (marked is None or marked[1] == "utf-8") and _utf16_without_mark(data) is None


def _mostly_utf8(data: bytes, name: str) -> str | None:
    """UTF-8 text with a few bad bytes, each replaced by U+FFFD with a `CorpusWarning`; None when the
    bytes are not mostly UTF-8.

    Mostly UTF-8 means more correctly encoded non-ASCII characters than bytes
    that are not UTF-8: one stray byte in a UTF-8 file changes that byte only,
    where decoding the whole file as Windows-1252 would garble every other
    non-ASCII character. The warning gives the count and where the first ones are.
    """
    escaped = data.decode("utf-8", "surrogateescape")  # each bad byte -> one of U+DC80..U+DCFF
    bad = [match.start() for match in ESCAPED_BYTE.finditer(escaped)]
    good = len(NON_ASCII.findall(escaped)) - len(bad)
    if good <= len(bad):
        return None
    places = "; ".join(f"0x{ord(escaped[i]) - 0xDC00:02x} on line {len(LINE_BREAK.findall(escaped, 0, i)) + 1} "
                       f"at offset {len(escaped[:i].encode('utf-8', 'surrogateescape'))}" for i in bad[:5])
    more = f"; and {len(bad) - 5} more" if len(bad) > 5 else ""
    warnings.warn(f"{name}: {len(bad)} byte(s) not UTF-8 ({places}{more}), each replaced by U+FFFD; "
                  f"the rest read as UTF-8 ({good} other non-ASCII characters)", CorpusWarning, stacklevel=3)
    return ESCAPED_BYTE.sub("\ufffd", escaped)


def _declared_decoding(data: bytes, label: str) -> tuple[str, str] | str:
    """The page decoded with the charset `label` its markup declares: (text, encoding), or why not.

    The label is looked up as browsers do (the WHATWG Encoding Standard, through
    `webencodings`: "latin1" and "ascii" mean Windows-1252; labels it does not
    list, such as "undefined", "unicode_escape" or EBCDIC code pages, are not
    encodings; a `<meta>` declaring UTF-16 means UTF-8). The declaration is
    trusted only when the bytes decode without error to text (`looks_like_text`).
    """
    found = webencodings.lookup(label)
    if found is None or found.name == "replacement":
        return f"its declared charset {label!r} is not an encoding browsers know"
    if found.name in META_MEANS:
        found = webencodings.lookup(META_MEANS[found.name])
    encoding = found.codec_info.name
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        return f"its declared charset {label!r} does not fit (byte 0x{data[error.start]:02x} at offset {error.start})"
    if not looks_like_text(text):
        return f"its declared charset {label!r} gives control characters"
    return text, encoding


def decode(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; return (text, encoding).

    A byte-order mark decides the encoding and is removed, as it is not text:
    UTF-8 ("utf-8-sig"), UTF-16 or UTF-32 (as Windows tools save "Unicode
    text"); bytes invalid in that encoding are a `CorpusError` naming the file
    and offset. Without a mark: UTF-16 when its NUL bytes show it
    (`_utf16_without_mark`, with a `CorpusWarning`), else UTF-8; mostly UTF-8
    with a few bad bytes, those bytes replaced (`_mostly_utf8`). Otherwise the
    charset `declared` by an HTML page when its bytes fit it
    (`_declared_decoding`), else Windows-1252, the usual encoding of non-UTF-8
    news pages, then Latin-1, which decodes any byte; both with a
    `CorpusWarning` naming the file, the first byte that is not UTF-8 and why a
    declared charset was not used.
    """
    marked = _byte_order_mark(data)
    if marked is not None and marked[1] != "utf-8":
        mark, encoding = marked
        try:
            return data[len(mark):].decode(encoding), encoding
        except UnicodeDecodeError as error:
            raise CorpusError(f"{name}: starts with a {encoding} byte-order mark but is not valid "
                              f"{encoding} (offset {error.start + len(mark)}: {error.reason})") from error
    if marked is not None:
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            data = data[3:]
    utf16 = _utf16_without_mark(data) if b"\x00" in data[:BINARY_PROBE] else None
    if utf16 is not None:
        warnings.warn(f"{name}: no byte-order mark, read as {utf16} (a NUL byte beside each ASCII character)",
                      CorpusWarning, stacklevel=2)
        return data.decode(utf16), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        position = error.start
    text = _mostly_utf8(data, name)
    if text is not None:
        return text, "utf-8"
    why = ""
    if declared is not None:
        found = _declared_decoding(data, declared)
        if isinstance(found, tuple):
            return found
        why = f"; {found}"
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        warnings.warn(
            f"{name}: not UTF-8 (byte 0x{data[position]:02x} at offset {position}){why}; decoded as {encoding}",
            CorpusWarning,
            stacklevel=2,
        )
        return text, encoding
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def header_metadata(text: str) -> dict[str, str]:
    """Metadata read off a page header: headline, byline, published ("" when absent).

    Uses the block roles of `research.blocks`: the headline block, the first
    byline block ("By X | Created at ..." gives the byline X and its date) and
    the first dated metadata block above the body. Only the first
    `HEADER_CHARS` characters (to a line break) are read.
    """
    if len(text) > HEADER_CHARS:
        cut = max(text.rfind("\n", 0, HEADER_CHARS), text.rfind("\r", 0, HEADER_CHARS))
        text = text[:cut if cut > 0 else HEADER_CHARS]
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


def normalise_published(value: str) -> str | None:
    """A publication time as ISO 8601 text ("" for an empty value, None if not understood).

    Accepts ISO 8601 ("2024-10-23", "2024-10-23T13:35:02Z"), RFC 2822 as in RSS
    feeds ("Wed, 23 Oct 2024 13:35:02 GMT") and the forms news pages print
    ("Oct. 23, 2024, 6:55 a.m. ET", via `research.text.pagedates.find_page_date`).
    """
    value = value.strip()
    if not value:
        return ""
    moment = parse_published(value)
    if moment is not None:
        return moment.isoformat()
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    return find_page_date(value)


# ---------------------------------------------------------------- pages


def read_txt(data: bytes, name: str) -> tuple[str, str, dict[str, str]]:
    """A text page: (text, encoding, metadata read off its header)."""
    text, encoding = decode(data, name)
    return text, encoding, header_metadata(text) if text.strip() else {}


def _html_encoding(data: bytes, name: str) -> tuple[str, str]:
    """Decode a page as `decode` does, with the charset its `<meta>` declares (in its first 4 KB)."""
    declared = META_CHARSET.search(data[:4096])
    return decode(data, name, declared.group(1).decode("ascii") if declared else None)


def _hidden(element: html.HtmlElement) -> bool:
    return (element.tag in INVISIBLE or element.get("hidden") is not None
            or bool(HIDDEN_STYLE.search(element.get("style", ""))))


def visible_text(tree: html.HtmlElement) -> str:
    """The text a browser shows, one block element per paragraph (blank line between), `<br>` a newline.

    Runs of whitespace inside a line become one space, as a browser renders them.
    """
    paragraphs: list[str] = []
    pieces: list[str] = []

    def flush() -> None:
        lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
        pieces.clear()

    walker = etree.iterwalk(tree, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            pieces.append(element.tail or "")
            continue
        if event == "start":
            if _hidden(element):
                walker.skip_subtree()
                continue
            if element.tag in BLOCK_ELEMENTS:
                flush()
            pieces.append("\n" if element.tag == "br" else element.text or "")
        else:
            if element.tag in BLOCK_ELEMENTS and not _hidden(element):
                flush()
            pieces.append(element.tail or "")
    flush()
    return "\n\n".join(paragraphs) + "\n" if paragraphs else ""


def _page_metadata(tree: html.HtmlElement, name: str) -> dict[str, str]:
    """Title, author, date, site name and URL from the page markup (trafilatura, htmldate).

    Dates come from markup only (meta tags, JSON-LD, <time>), not guessed from
    the text (`extensive_search=False`); the original publication date is
    preferred to the last update.
    """
    try:
        found = trafilatura.extract_metadata(tree, date_config={
            "original_date": True, "extensive_search": False, "outputformat": HTMLDATE_FORMAT})
        moment = datetime.fromisoformat(found.date) if found.date else None
    except Exception as error:  # noqa: BLE001 - any failure inside the library is reported, not raised
        warnings.warn(f"{name}: trafilatura could not read the page metadata "
                      f"({type(error).__name__}: {error}); read from the page text instead",
                      CorpusWarning, stacklevel=2)
        return {}
    published = ""
    if moment is not None:
        midnight = moment.tzinfo is None and moment.time() == datetime.min.time()
        published = moment.date().isoformat() if midnight else moment.isoformat()
    return {"headline": found.title or "", "byline": found.author or "", "published": published,
            "outlet": found.sitename or "", "url": found.url or ""}


def read_html(data: bytes, name: str) -> tuple[str, str, dict[str, str]]:
    """An HTML page: (visible text, encoding, metadata). See the module docstring.

    A page the parser cannot read at all gives empty text (the loader skips it
    with a warning); a page the parser stops part-way through (for example
    nesting deeper than 2048 elements) keeps the text read so far, with a
    `CorpusWarning` naming the file and line.
    """
    text, encoding = _html_encoding(data, name)
    parser = html.HTMLParser(encoding="utf-8", huge_tree=True)
    try:
        tree = html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        warnings.warn(f"{name}: not readable as HTML ({error})", CorpusWarning, stacklevel=2)
        return "", encoding, {}
    fatal = [e for e in parser.error_log if e.level >= etree.ErrorLevels.FATAL]
    if fatal:
        warnings.warn(f"{name}: the HTML parser stopped at line {fatal[0].line} ({fatal[0].message}); "
                      f"the text after it is missing", CorpusWarning, stacklevel=2)
    page = visible_text(tree)
    metadata = _page_metadata(tree, name)
    fallback = header_metadata(page) if page.strip() else {}
    return page, encoding, {key: metadata.get(key) or fallback.get(key, "")
                            for key in {*metadata, *fallback}}


PAGE_READERS = {".txt": read_txt, ".html": read_html, ".htm": read_html}


# ---------------------------------------------------------------- records


def _as_text(value) -> str:
    """A record value as metadata text: lists joined with "; ", objects by their "name"."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(filter(None, (_as_text(item) for item in value)))
    if isinstance(value, dict):
        return _as_text(value.get("name")) if "name" in value else json.dumps(value, sort_keys=True)
    return str(value).strip()


def _lookup(record: dict, key: str):
    """A record's value for `key` (an exact key, or "outer.inner" inside a nested object)."""
    if key in record:
        return record[key]
    outer, _, inner = key.partition(".")
    nested = record.get(outer)
    return nested.get(inner) if inner and isinstance(nested, dict) else None


def _record_keys(record: dict) -> list[str]:
    keys = list(record)
    for key, value in record.items():
        if isinstance(value, dict):
            keys += [f"{key}.{inner}" for inner in value]
    return keys


def resolve_columns(available: list[str], name: str,
                    columns: dict[str, str] | None = None) -> dict[str, str]:
    """Map each field to a column of the file: {field: column}; fields without one are left out.

    `columns` names columns for fields; the others are found among the
    `FIELD_NAMES` defaults (case-insensitively). A named column that is not
    there, an unknown field, or no text column at all is a `CorpusError`
    naming the file and the columns it has.
    """
    columns = columns or {}
    unknown = sorted(set(columns) - set(FIELD_NAMES))
    if unknown:
        raise CorpusError(f"unknown field(s) in the column mapping: {', '.join(unknown)} "
                          f"(fields: {', '.join(FIELD_NAMES)})")
    by_lower: dict[str, str] = {}
    for column in available:
        by_lower.setdefault(column.lower(), column)
    found_list = ", ".join(available) or "none"
    mapping = {}
    for field, candidates in FIELD_NAMES.items():
        if field in columns:
            column = by_lower.get(columns[field].lower())
            if column is None:
                raise CorpusError(f"{name}: no column {columns[field]!r} for {field} "
                                  f"(columns: {found_list})")
            mapping[field] = column
            continue
        column = next((by_lower[c] for c in candidates if c in by_lower), None)
        if column is not None:
            mapping[field] = column
        elif field == "text":
            raise CorpusError(f"{name}: no text column (looked for {', '.join(candidates)}; columns: "
                              f"{found_list}); name it with columns={{'text': ...}} "
                              f"(CLI: --column text=NAME)")
    return mapping


def _article_text(value) -> str | None:
    """The text of a record: a string, or a list of paragraph strings joined by blank lines."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n\n".join(value)
    return None


def _records_to_articles(records: list[tuple[int, dict]], name: str, stem: str,
                         columns: dict[str, str] | None, available: list[str],
                         skipped: list[tuple[int, str]]) -> list[dict]:
    """Turn (line, record) pairs into article dicts; unusable records go to `skipped`."""
    mapping = resolve_columns(available, name, columns)
    articles, undated, surrogates = [], [], []
    for line, record in records:
        value = _lookup(record, mapping["text"])
        text = _article_text(value)
        if text is None:
            problem = "no" if value is None else "not text in the"
            skipped.append((line, f"{problem} {mapping['text']!r} field"))
            continue
        if not text.strip():
            skipped.append((line, "empty text"))
            continue
        fields = {field: _as_text(_lookup(record, column)) for field, column in mapping.items()
                  if field != "text"}
        broken = [field for field, value in (("text", text), *fields.items()) if SURROGATE.search(value)]
        if broken:  # JSON escapes such as "\ud800" that are half of a character: not text, not writable
            surrogates.append(f"line {line} ({', '.join(broken)})")
            text = SURROGATE.sub("\ufffd", text)
            fields = {field: SURROGATE.sub("\ufffd", value) for field, value in fields.items()}
        published = normalise_published(fields.get("published", ""))
        if published is None:
            undated.append(f"line {line} ({fields['published']!r})")
        fields["published"] = published or ""
        article_id = fields.pop("id", "") or f"{stem}-{line}"
        articles.append({"article_id": article_id, "line": line, "text": text, **fields})
    if undated:
        warnings.warn(f"{name}: publication date not understood, left empty: {'; '.join(undated)}",
                      CorpusWarning, stacklevel=2)
    if surrogates:
        warnings.warn(f"{name}: lone surrogate code points (half of a character, not text) replaced by "
                      f"U+FFFD: {'; '.join(surrogates)}", CorpusWarning, stacklevel=2)
    return articles


def _warn_skipped(name: str, skipped: list[tuple[int, str]], total: int) -> None:
    if skipped:
        lines = "; ".join(f"line {line}: {problem}" for line, problem in sorted(skipped))
        warnings.warn(f"{name}: skipped {len(skipped)} of {total} records: {lines}", CorpusWarning,
                      stacklevel=2)


def read_jsonl(data: bytes, name: str, stem: str, columns: dict[str, str] | None = None) -> list[dict]:
    """Articles of a JSON Lines file (one JSON object per line; blank lines are ignored).

    Returns dicts with `article_id` (the id field, else "<file stem>-<line>"),
    `line` (1-based), `text`, `encoding` (of the file, see `decode`) and the
    metadata fields found. Lines end at \n, \r\n or \r only (`LINE_BREAK`).
    """
    text, encoding = decode(data, name)
    records, skipped, keys = [], [], {}
    lines = LINE_BREAK.split(text)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            skipped.append((number, f"not JSON ({error.msg} at column {error.colno})"))
            continue
        except (ValueError, RecursionError) as error:  # a number too long, nesting too deep
            skipped.append((number, f"not readable as JSON ({type(error).__name__}: {error})"))
            continue
        if not isinstance(record, dict):
            skipped.append((number, "not a JSON object"))
            continue
        records.append((number, record))
        keys.update(dict.fromkeys(_record_keys(record)))
    articles = _records_to_articles(records, name, stem, columns, list(keys), skipped)
    _warn_skipped(name, skipped, sum(bool(line.strip()) for line in lines))
    return [{**article, "encoding": encoding} for article in articles]


def _json_items(text: str, start: int, closing: str) -> list[tuple[int, str | None, object]]:
    """(offset, key, value) of each value of the JSON array (closing "]", key None) or object (closing
    "}") that opens at `text[start]`, the offset where the value starts."""
    items: list[tuple[int, str | None, object]] = []
    position = JSON_SPACE.match(text, start + 1).end()
    while text[position:position + 1] != closing:
        key = None
        if closing == "}":
            key, position = JSON_DECODER.raw_decode(text, position)
            position = JSON_SPACE.match(text, JSON_SPACE.match(text, position).end() + 1).end()  # past ':'
        value, end = JSON_DECODER.raw_decode(text, position)
        items.append((position, key, value))
        position = JSON_SPACE.match(text, end).end()
        if text[position:position + 1] == ",":
            position = JSON_SPACE.match(text, position + 1).end()
    return items


def read_json(data: bytes, name: str, stem: str, columns: dict[str, str] | None = None) -> list[dict]:
    """Articles of a JSON file: an array of article objects, an object with one array of objects
    (NewsAPI's `{"status": ..., "articles": [...]}`), or one article object (one with a text field).

    Returns dicts like `read_jsonl`; `line` is the line on which each record
    starts. A file that is not JSON, or holds no object, is a `CorpusError`
    naming it; array elements that are not objects are skipped with a warning.
    """
    text, encoding = decode(data, name)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise CorpusError(f"{name}: not readable as JSON ({error.msg} at line {error.lineno}, column "
                          f"{error.colno})") from error
    except (ValueError, RecursionError) as error:
        raise CorpusError(f"{name}: not readable as JSON ({type(error).__name__}: {error})") from error
    start = JSON_SPACE.match(text).end()
    items = [(start, None, document)]
    if isinstance(document, list):
        items = _json_items(text, start, "]")
    elif isinstance(document, dict):
        texts = {c.lower() for c in ([columns["text"]] if columns and "text" in columns else FIELD_NAMES["text"])}
        arrays = [key for key, value in document.items()
                  if isinstance(value, list) and any(isinstance(v, dict) for v in value)]
        if not texts & {key.lower() for key in document} and len(arrays) == 1:
            offset = {key: offset for offset, key, _ in _json_items(text, start, "}")}[arrays[0]]
            items = _json_items(text, offset, "]")
    else:
        raise CorpusError(f"{name}: holds a JSON {type(document).__name__}, not articles (an array of "
                          f"objects, or an object)")
    records, skipped, keys, line, counted = [], [], {}, 1, 0
    for offset, _, record in items:
        line += len(LINE_BREAK.findall(text, counted, offset))
        counted = offset
        if not isinstance(record, dict):
            skipped.append((line, "not a JSON object"))
            continue
        records.append((line, record))
        keys.update(dict.fromkeys(_record_keys(record)))
    articles = _records_to_articles(records, name, stem, columns, list(keys), skipped)
    _warn_skipped(name, skipped, len(items))
    return [{**article, "encoding": encoding} for article in articles]


def read_csv(data: bytes, name: str, stem: str, columns: dict[str, str] | None = None) -> list[dict]:
    """Articles of a CSV file with a header row (quoted fields may span lines).

    The delimiter is the one of `,` `;` tab that the header row uses most.
    `line` is the line on which the record starts. Returns dicts like `read_jsonl`.
    """
    text, encoding = decode(data, name)
    first_break = LINE_BREAK.search(text)
    header_line = text[:first_break.start()] if first_break else text
    delimiter = max(",;\t", key=header_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, skipped, header, end, total = [], [], None, 0, 0
    try:
        for row in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                continue
            total += 1
            if len(row) != len(header):
                skipped.append((start, f"{len(row)} fields where the header has {len(header)}"))
                continue
            records.append((start, dict(zip(header, row))))
    except csv.Error as error:
        raise CorpusError(f"{name}: line {reader.line_num}: not readable as CSV ({error})") from error
    if header is None:
        raise CorpusError(f"{name}: no header row")
    articles = _records_to_articles(records, name, stem, columns, header, skipped)
    _warn_skipped(name, skipped, total)
    return [{**article, "encoding": encoding} for article in articles]


RECORD_READERS = {".jsonl": read_jsonl, ".json": read_json, ".csv": read_csv}
