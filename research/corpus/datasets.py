"""Readers for the annotated development corpora (BASIL, PolNeAR, MSRP, Timeline17, AllSides).

They are used for evaluation only: every reader takes the corpus folder as an
argument (nothing is bundled) and returns DataFrames shaped like the package's
own tables, so the analyses run on them unchanged. Folder layouts are those
described in the data README of the development corpora.
"""

from __future__ import annotations

import ast
import csv
import json
import warnings
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

from research.errors import CorpusError, CorpusWarning


def _require(path: Path) -> Path:
    if not path.exists():
        raise CorpusError(f"{path}: not found")
    return path


def read_basil(folder: str | Path) -> pd.DataFrame:
    """BASIL articles (Fan et al. 2019) as an articles table.

    Columns: `article_id` ("<triplet>_<k>"), `path`, `outlet` (fox, nyt, hpo),
    `headline`, `published`, `event` (the triplet id: one event told by three
    outlets), `text` (headline, blank line, then the body paragraphs separated by
    blank lines, each paragraph its sentences joined by spaces).
    """
    root = _require(Path(folder))
    rows = []
    for file in sorted(root.glob("articles/*/*.json")):
        record = json.loads(file.read_text(encoding="utf-8"))
        paragraphs = record["body-paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        body = "\n\n".join(" ".join(s.strip() for s in sentences) for sentences in paragraphs)
        rows.append({
            "article_id": file.stem,
            "path": file.relative_to(root).as_posix(),
            "outlet": record.get("source", "").lower(),
            "headline": record.get("title", ""),
            "published": record.get("date", ""),
            "event": record.get("triplet-uuid", ""),
            "text": f"{record.get('title', '').strip()}\n\n{body}",
        })
    if not rows:
        raise CorpusError(f"{root}: no BASIL articles under articles/<year>/")
    return pd.DataFrame(rows)


def read_polnear(folder: str | Path, split: str = "dev") -> pd.DataFrame:
    """PolNeAR raw articles (Newell et al. 2018) with `metadata.tsv` joined.

    Columns: `article_id` (file stem), `path`, `outlet` (publisher),
    `headline` (title), `published`, `wire`, `text`.
    """
    root = _require(Path(folder))
    metadata = pd.read_csv(root / "metadata.tsv", sep="\t", dtype=str, keep_default_na=False)
    metadata = metadata.drop_duplicates("filename").set_index("filename")
    rows = []
    for file in sorted((root / split / "text").glob("*.txt")):
        entry = metadata.loc[file.stem] if file.stem in metadata.index else {}
        rows.append({
            "article_id": file.stem,
            "path": file.relative_to(root).as_posix(),
            "outlet": entry.get("publisher", ""),
            "headline": entry.get("title", ""),
            "published": entry.get("publication_date", ""),
            "wire": entry.get("wire", ""),
            "text": file.read_bytes().decode("utf-8"),
        })
    return pd.DataFrame(rows)


def read_allsides_articles(folder: str | Path, first: str, last: str) -> pd.DataFrame:
    """Full articles of the AllSides bias corpus (Baly et al. 2020, its `data/jsons/*.json`) published from
    `first` to `last` (ISO dates, both included), in date then file order.

    Columns: `article_id` (the file stem), `path`, `outlet` (source), `headline` (title), `published` (the
    date, day only), `topic`, `stance` (bias_text: left, center, right), `text` (content_original, the
    headline line that opens it kept as it is). Records without a date in ISO form are left out.
    """
    root = _require(Path(folder))
    files = sorted(root.glob("data/jsons/*.json")) or sorted(root.glob("*.json"))
    if not files:
        raise CorpusError(f"{root}: no article files under data/jsons/")
    rows = []
    for file in files:
        record = json.loads(file.read_text(encoding="utf-8"))
        day = str(record.get("date", ""))
        if len(day) != 10 or day[4] != "-" or not first <= day <= last:
            continue
        rows.append({
            "article_id": file.stem,
            "path": file.relative_to(root).as_posix(),
            "outlet": record.get("source", ""),
            "headline": record.get("title", ""),
            "published": day,
            "topic": record.get("topic", ""),
            "stance": record.get("bias_text", ""),
            "text": record.get("content_original", ""),
        })
    columns = ["article_id", "path", "outlet", "headline", "published", "topic", "stance", "text"]
    return pd.DataFrame(rows, columns=columns).sort_values(["published", "article_id"], ignore_index=True)


def read_polnear_attributions(folder: str | Path, split: str = "dev") -> pd.DataFrame:
    """Gold attribution spans of PolNeAR (BRAT standoff files).

    One row per span: `article_id`, `annotator`, `attribution` (the event id,
    e.g. "E1"), `kind` (Source, Cue or Content), `start`, `end`, `text`.
    Discontinuous spans ("12 20;25 30") give one row per fragment.
    """
    root = _require(Path(folder))
    rows = []
    for file in sorted((root / split / "attributions").glob("*.ann")):
        article_id, annotator = file.stem.rsplit("_", 1)
        spans, events = {}, []
        for line in file.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if line.startswith("T") and len(fields) >= 2:
                kind, _, offsets = fields[1].partition(" ")
                spans[fields[0]] = (kind, [tuple(map(int, part.split())) for part in offsets.split(";")])
            elif line.startswith("E") and len(fields) >= 2:
                events.append((fields[0], fields[1].split()))
        for event_id, arguments in events:
            for argument in arguments[1:]:
                role, _, span_id = argument.partition(":")
                kind, fragments = spans.get(span_id, (None, []))
                for start, end in fragments:
                    rows.append((article_id, annotator, event_id, role.rstrip("0123456789"), start, end))
    table = pd.DataFrame(rows, columns=["article_id", "annotator", "attribution", "kind", "start", "end"])
    texts = read_polnear(root, split).set_index("article_id")["text"]
    table["text"] = [texts[a][s:e] if a in texts.index else "" for a, s, e in
                     zip(table["article_id"], table["start"], table["end"])]
    return table


def read_msrp(path: str | Path) -> pd.DataFrame:
    """MSR Paraphrase Corpus pairs: `label` (1 = paraphrase), `id_a`, `id_b`, `text_a`, `text_b`.

    `path` is the tab-separated file or the folder holding `msr_paraphrase_train.txt`.
    """
    path = _require(Path(path))
    if path.is_dir():
        path = path / "msr_paraphrase_train.txt"
    table = pd.read_csv(path, sep="\t", header=None, quoting=csv.QUOTE_NONE, encoding="utf-8-sig",
                        dtype=str, names=["label", "id_a", "id_b", "text_a", "text_b"])
    return table.astype({"label": "int64"})


def read_timeline17(folder: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Timeline17 H1N1 coverage: (articles, timelines).

    Articles: `article_id` ("<outlet>_<uid>"), `outlet`, `published` (the
    document creation time), `text` (tokenised as distributed). Timelines:
    `outlet`, `date`, `text`, one row per dated entry of the outlet's own timeline.
    """
    root = _require(Path(folder))
    articles, timelines = [], []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        outlet = sub.name.split("_", 1)[-1]
        for record in json.loads((sub / "articles.json").read_text(encoding="utf-8")):
            articles.append({"article_id": f"{outlet}_{record['uid']}", "outlet": outlet,
                             "published": record.get("dct", ""), "text": record["text"]})
        for file in sorted(sub.glob("*.timeline.json")):
            for entry in json.loads(file.read_text(encoding="utf-8")):
                timelines.append({"outlet": outlet, "date": entry["date"], "text": entry["text"].strip()})
    return pd.DataFrame(articles), pd.DataFrame(timelines)


def read_basil_annotations(folder: str | Path) -> pd.DataFrame:
    """BASIL phrase-level bias annotations with offsets into `read_basil`'s article text.

    BASIL gives each span's `start`/`end` relative to one sentence without saying
    which: the sentence is the first (headline, then body sentences) whose
    characters at those offsets are the annotated `txt`; every span of the
    development split fits exactly one. Its position in the article text is
    found by searching the sentences in order. Columns: `article_id`, `annotation_id`, `bias` ("lex":
    lexical, loaded wording; "inf": informational, which facts are told),
    `start`, `end` (into the article `text`), `text`, `polarity`, `quote`
    ("yes" when inside a quotation), `speaker`, `target`, `aim`. A span found
    in no sentence is left out with a `CorpusWarning` naming the file.
    """
    root = _require(Path(folder))
    texts = read_basil(root).set_index("article_id")["text"]
    rows, missing = [], []
    for file in sorted(root.glob("annotations/*/*_ann.json")):
        article_id = file.name.removesuffix("_ann.json")
        record = json.loads((root / "articles" / file.parent.name / f"{article_id}.json").read_text(encoding="utf-8"))
        paragraphs = record["body-paragraphs"]
        if isinstance(paragraphs, str):
            paragraphs = ast.literal_eval(paragraphs)
        text, cursor, located = texts[article_id], 0, []
        for sentence in [record.get("title", ""), *(s for paragraph in paragraphs for s in paragraph)]:
            offset = text.find(sentence.strip(), cursor)
            if sentence.strip() and offset >= 0:
                located.append((sentence, offset - (len(sentence) - len(sentence.lstrip()))))
                cursor = offset + len(sentence.strip())
        for span in json.loads(file.read_text(encoding="utf-8")).get("phrase-level-annotations", []):
            found = next((offset for sentence, offset in located
                          if sentence[span["start"]:span["end"]] == span["txt"]), None)
            if found is None:
                missing.append(span.get("id", "?"))
                continue
            rows.append({"article_id": article_id, "annotation_id": span.get("id", ""), "bias": span["bias"],
                         "start": found + span["start"], "end": found + span["end"], "text": span["txt"],
                         **{key: span.get(key, "") for key in ("polarity", "quote", "speaker", "target", "aim")}})
        if missing:
            warnings.warn(f"{file}: {len(missing)} span(s) found in no sentence, left out: {', '.join(missing)}",
                          CorpusWarning, stacklevel=2)
            missing = []
    return pd.DataFrame(rows, columns=["article_id", "annotation_id", "bias", "start", "end", "text", "polarity",
                                       "quote", "speaker", "target", "aim"])


ALLSIDES_STANCES = ("left", "center", "right")


def read_allsides(folder: str | Path, spread_hours: float = 36.0, seed: int = 0) -> pd.DataFrame:
    """AllSides headline roundups (`allsides_dev/roundups.jsonl`) as an articles table of feed excerpts.

    One row per outlet of a roundup: `article_id` ("<roundup id>-<stance>"),
    `outlet` (`newsSource`), `headline` (`newsTitle`), `url`, `stance` (left,
    center, right), `event` (the roundup id: one event told by two or three
    outlets), `issue` (the roundup's title), `topic`, `genre` (AllSides'
    `opinionTag` in lower case: "opinion", "analysis", "fact check", "data";
    "" for a news report), `published`, `form` ("record":
    feed excerpts, see `research.corpus.blocks`), `excerpt` (True: every
    AllSides text is the first 60-100 words of a longer article, whether or
    not the feed ends it with "..."), `text` (the excerpt's
    paragraphs, `newBody`, joined by blank lines, as a JSONL record with a list
    of paragraphs would be read). The roundup gives one timestamp
    for all its outlets; `published` is that time plus a seeded offset drawn
    uniformly in [0, `spread_hours`] hours per article (0 keeps the roundup
    time), so that methods using publication time are not handed the answer.
    Roundups without any outlet are left out.
    """
    path = _require(Path(folder))
    if path.is_dir():
        path = path / "roundups.jsonl"
    random = np.random.default_rng(seed)
    rows = []
    for line in _require(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        roundup = json.loads(line)
        when = datetime.fromisoformat(roundup["date"])
        for stance in ALLSIDES_STANCES:
            news = roundup.get("news", {}).get(stance)
            if not news:
                continue
            offset = timedelta(hours=float(random.uniform(0.0, spread_hours)))
            rows.append({
                "article_id": f"{roundup['id']}-{stance}",
                "outlet": news.get("newsSource", ""),
                "headline": news.get("newsTitle", ""),
                "url": news.get("newsLink", ""),
                "stance": stance,
                "event": str(roundup["id"]),
                "issue": roundup.get("issue", ""),
                "topic": roundup.get("topic") or "",
                "genre": (news.get("opinionTag") or "").lower(),
                "published": (when + offset).replace(microsecond=0).isoformat(),
                "form": "record",
                "excerpt": True,
                "text": "\n\n".join(news.get("newBody") or []),
            })
    if not rows:
        raise CorpusError(f"{path}: no AllSides roundups with outlets")
    return pd.DataFrame(rows)
