"""Figure claimants against PolNeAR's gold attribution spans: a large development set for who claims a figure.

    python benchmarks/claimant_attributions.py FOLDER [--split train] [--dev DEV_FOLDER] [--errors choose]
                                               [--sample N] [--excerpts]

FOLDER holds a PolNeAR split (`<split>/text/*.txt`, `<split>/attributions/*.ann`, `metadata.tsv`; PolNeAR's train
split in this project's runs). The package chain runs on its articles as `evaluate_figures.py` does
(`split_blocks`, `split_passages`, `attributions`, `extract_claims`, which groups the actors). For each extracted
figure the gold attributions are those whose Content fragments hold the figure's whole span (any annotator file);
where several hold it, the innermost (the shortest Content) among those with a Source gives the gold claimant, its
Source text. A figure that no attribution with a Source holds is the reporter's own voice (an attribution without a
Source, "is expected", names nobody).

The articles are split once, by a fixed seed, into halves of equal size ("choose": rules are chosen and errors read
on it; "report": scores only). Scores per half:
- credited agreement: both own voice, or both credit someone;
- same source: among figures both credit, `evaluate_figures.claimant_right` on the gold Source text, with the
  aliases a figure gold would list (`aliases`): the Source up to its first comma or relative pronoun ("Nelson Diaz"
  for "Nelson Diaz, a former aide to Mr. Rubio ..., "), and the names in a document Source ("Gallup" for "A new
  Gallup poll", "CNN" and "ORC" for "A CNN/ORC poll of South Carolina"); a gold Source that is a pronoun ("he", "she", "they", "it", "we", "I", or a relative or possessive one: "who",
  "his") counts as right whenever the package names anyone (how many such figures is printed);
- the confusion counts: package own voice where the gold credits someone, and the reverse.
`--dev DEV_FOLDER` adds a third column, PolNeAR's dev split (scores only: it holds the texts of the blind figure
gold holdout-7-full, so its errors are never listed). `--errors choose` lists the choose half's disagreements
(the only half whose errors may be read), with a rough mechanism for each and their counts. `--sample N` scores N
articles drawn with the fixed seed instead of all of them. Timing is printed per stage.

`--excerpts` scores each article's feed cut instead of the whole article: its first body paragraphs up to a seeded
60-100 words, cut as `element_pools.feed_excerpts` cuts them (its seed, one draw per article in the split's order,
the dev split drawn on its own), the package chain run on the cut text, and each figure's offsets taken back to the
article's to find its gold attribution as above (a Source may then lie outside the cut; how many such figures is
printed). The halves are the same articles'.

PolNeAR's Content spans follow PARC's conventions, not the figure gold's (`benchmarks/gold/README.md`): a Content
is what one cue introduces in its own sentence or quotation, so a release that the next sentences go on with, or a
reporter's gloss inside a credited sentence, is marked differently in the two. Where they differ the figure gold
decides what a rule should do.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd

import research
from research.claims.sources import DOCUMENT
from research.corpus import datasets

sys.path.insert(0, str(Path(__file__).resolve().parent))
from element_pools import SEED as EXCERPT_SEED
from element_pools import feed_excerpts
from evaluate_figures import claimant_right

SEED = 16  # the articles' split into "choose" and "report"
PRONOUNS = frozenset("he she they it we i who which that his her their its you them him us me".split())
HALVES = ("choose", "report")


def article_halves(article_ids, seed: int = SEED) -> dict[str, str]:
    """Article id -> "choose" or "report": the sorted ids shuffled by `random.Random(seed)`, the first half "choose"."""
    ids = sorted(article_ids)
    random.Random(seed).shuffle(ids)
    return {article_id: HALVES[number >= len(ids) // 2] for number, article_id in enumerate(ids)}


def gold_attributions(spans: pd.DataFrame) -> pd.DataFrame:
    """One row per gold attribution of `read_polnear_attributions` rows: `article_id`, `annotator`, `attribution`,
    `contents` (list of (start, end) fragments), `size` (characters of Content), `source` (its Source fragments'
    text joined, "" when none), `source_start`, `cue` (its Cue text), `cue_start`."""
    rows = []
    for (article_id, annotator, attribution), group in spans.groupby(["article_id", "annotator", "attribution"]):
        group = group.sort_values("start")
        content = group[group["kind"] == "Content"]
        if content.empty:
            continue
        source, cue = group[group["kind"] == "Source"], group[group["kind"] == "Cue"]
        rows.append((article_id, annotator, attribution, list(zip(content["start"], content["end"])),
                     int((content["end"] - content["start"]).sum()), " ".join(source["text"].str.strip()),
                     int(source["start"].min()) if len(source) else -1, " ".join(cue["text"].str.strip()),
                     int(cue["start"].min()) if len(cue) else -1))
    return pd.DataFrame(rows, columns=["article_id", "annotator", "attribution", "contents", "size", "source",
                                       "source_start", "cue", "cue_start"])


HEAD_END = re.compile(r",|\s(?:who|which|whose|that)\b")
NAME_IN = re.compile(r"[A-Z][\w.’'&-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w.’'&-]*)*")


def aliases(source: str) -> list[str]:
    """Other names a figure gold would accept for a gold Source: its head before an appositive or a relative clause,
    and in a document (`research.claims.sources.DOCUMENT`) the names before its noun or after "by", split at slashes
    and hyphens ("A CNN/ORC poll of South Carolina": CNN, ORC)."""
    head = HEAD_END.split(source, maxsplit=1)[0].strip()
    names = [head] if head and head != source else []
    document = DOCUMENT.search(source)
    if document:
        by = re.search(r"\bby\s+(.*)", source[document.end():])
        for stretch in (source[:document.end()], by.group(1) if by else ""):
            names += [part for name in NAME_IN.findall(stretch) for part in re.split(r"/|-(?=[A-Z])", name)
                      if part not in ("A", "An", "The")]
    return [re.sub(r"^(?:A|An|The)\s+", "", name) for name in names]


def gold_claimant(gold: pd.DataFrame, start: int, end: int) -> dict | None:
    """The innermost gold attribution (as a dict) with a Source whose Content holds `start`-`end`, or None."""
    held = [any(s <= start and end <= e for s, e in contents) for contents in gold["contents"]]
    holding = gold[np.array(held, dtype=bool) & (gold["source"] != "").to_numpy()]
    return holding.sort_values(["size", "cue_start"]).iloc[0].to_dict() if len(holding) else None


def excerpt_offsets(excerpts: pd.DataFrame, blocks: pd.DataFrame) -> dict[str, list[tuple[int, int, int]]]:
    """Article id -> its feed cut's paragraphs as (start in the cut, start in the article, length in the cut):
    `feed_excerpts` joins the body `blocks` (article offsets) it keeps with blank lines, the last maybe shortened."""
    body = blocks[blocks["role"] == "body"].groupby("article_id", sort=False)
    pieces = {}
    for article_id, text in zip(excerpts["article_id"].astype(str), excerpts["text"]):
        at, pieces[article_id] = 0, []
        for block in (body.get_group(article_id).itertuples() if article_id in body.groups else ()):
            if at >= len(text):
                break
            length = len(block.text) if text.startswith(block.text, at) else len(text) - at
            pieces[article_id].append((at, block.start, length))
            at += length + 2
    return pieces


def to_article(pieces: list[tuple[int, int, int]], offset: int) -> int:
    """An offset in a feed cut -> the same character's offset in the article (`excerpt_offsets` pieces)."""
    at, start, _ = [piece for piece in pieces if piece[0] <= offset][-1]
    return start + offset - at


def run(folder: Path, split: str, sample: int | None, excerpts: bool = False) -> tuple[pd.DataFrame, dict]:
    """(figures, timings) of one PolNeAR split: every extracted figure with `half`, `claimant` (package),
    `gold` (the gold Source, "" for own voice), `gold_cue`, `gold_source_start`, `gold_content` (its first
    fragment), `source_outside` (the gold Source lies outside the text the package read: with `excerpts` only),
    and the claim's `text`, `start`, `end` and `sentence` (its passage's offsets), offsets in the article
    (with `excerpts`, taken back from the feed cut the package read)."""
    timings = {}
    clock = time.perf_counter()
    articles = datasets.read_polnear(folder, split)
    halves = article_halves(articles["article_id"])
    pieces, read = None, {article_id: (0, len(text)) for article_id, text in zip(articles["article_id"],
                                                                                  articles["text"])}
    if excerpts:
        articles = feed_excerpts(articles, whole := research.split_blocks(articles))
        pieces = excerpt_offsets(articles, whole)
        read = {article_id: (pieces[article_id][0][1], to_article(pieces[article_id], len(text)))
                for article_id, text in zip(articles["article_id"], articles["text"]) if pieces[article_id]}
    if sample:
        chosen = sorted(articles["article_id"])
        random.Random(SEED + 1).shuffle(chosen)  # not the halves' order
        articles = articles[articles["article_id"].isin(chosen[:sample])].reset_index(drop=True)
    articles = articles[["article_id", "outlet", "headline", "published", "text"]
                        + (["form", "excerpt"] if excerpts else [])]
    spans = datasets.read_polnear_attributions(folder, split)
    gold = gold_attributions(spans[spans["article_id"].isin(articles["article_id"])])
    timings["read"] = time.perf_counter() - clock
    clock = time.perf_counter()
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    timings["blocks and passages"] = time.perf_counter() - clock
    clock = time.perf_counter()
    cues = research.attributions(blocks, articles)
    timings["attributions"] = time.perf_counter() - clock
    clock = time.perf_counter()
    claims = research.extract_claims(passages, cues, articles)
    timings["extract_claims"] = time.perf_counter() - clock
    clock = time.perf_counter()
    by_article = dict(list(gold.groupby("article_id")))
    sentences = dict(zip(passages["passage_id"], zip(passages["start"], passages["end"])))
    rows = []
    for claim in claims.itertuples(index=False):
        start, end, sentence = claim.start, claim.end, sentences[claim.passage_id]
        if pieces is not None:
            start, end = to_article(pieces[claim.article_id], start), to_article(pieces[claim.article_id], end)
            sentence = tuple(to_article(pieces[claim.article_id], offset) for offset in sentence)
        own = by_article.get(claim.article_id)
        truth = gold_claimant(own, start, end) if own is not None else None
        source_start = truth["source_start"] if truth else -1
        rows.append((claim.article_id, halves[claim.article_id], start, end, claim.claimant,
                     truth["source"] if truth else "", truth["cue"] if truth else "", source_start,
                     truth["contents"][0] if truth else (-1, -1), claim.text, sentence,
                     source_start >= 0 and not read[claim.article_id][0] <= source_start
                     < read[claim.article_id][1]))
    timings["matching"] = time.perf_counter() - clock
    figures = pd.DataFrame(rows, columns=["article_id", "half", "start", "end", "claimant", "gold", "gold_cue",
                                          "gold_source_start", "gold_content", "text", "sentence",
                                          "source_outside"])
    return figures, timings


def judge(figures: pd.DataFrame) -> pd.DataFrame:
    """`figures` with `credited_agree`, `both`, `same` (same source, when both credit), `pronoun`."""
    ours, theirs = figures["claimant"] != "", figures["gold"] != ""
    pronoun = theirs & figures["gold"].str.lower().str.strip(" ,.").isin(PRONOUNS)
    same = [bool(b) and (p or claimant_right(SimpleNamespace(claimant=g, claimant_aliases=aliases(g)),
                                             SimpleNamespace(claimant=c)))
            for b, p, g, c in zip(ours & theirs, pronoun, figures["gold"], figures["claimant"])]
    return figures.assign(credited_agree=ours == theirs, both=ours & theirs, same=same, pronoun=pronoun & ours)


def scores(figures: pd.DataFrame) -> dict:
    """The scores of one column of judged figures."""
    n, both = len(figures), int(figures["both"].sum())
    ours, theirs = figures["claimant"] != "", figures["gold"] != ""
    right = int((figures["same"] | (~ours & ~theirs)).sum())
    return {
        "articles": figures["article_id"].nunique(),
        "figures": n,
        "gold credits someone": int(theirs.sum()),
        "(a) credited agreement": f"{int(figures['credited_agree'].sum())}/{n} = "
                                  f"{figures['credited_agree'].sum() / max(n, 1):.3f}",
        "(b) same source, both credit": f"{int(figures['same'].sum())}/{both} = {figures['same'].sum() / max(both, 1):.3f}",
        "  of which gold pronoun": int(figures["pronoun"].sum()),
        "claimant right overall": f"{right}/{n} = {right / max(n, 1):.3f}",
        "(c) ours own voice, gold credits": int((~ours & theirs).sum()),
        "(c) ours credits, gold own voice": int((ours & ~theirs).sum()),
        "(c) both credit, other source": both - int(figures["same"].sum()),
        "gold Source outside the text read": int(figures["source_outside"].sum()),
    }


ACCORDING = re.compile(r"\baccording\s+to\b", re.IGNORECASE)


def mechanism(row, text: str) -> str:
    """A rough mechanism for one disagreement, read from the gold spans and the sentence (for counting; the
    listing is what is read)."""
    sentence = row.sentence
    ours, theirs = row.claimant != "", row.gold != ""
    if not theirs:
        return "ours credits, gold own voice"
    cue = row.gold_cue.lower()
    if ACCORDING.search(cue):
        where = "according to"
    elif not cue:
        where = "no cue"
    elif cue.startswith(("“", '"', ":", "—")) or cue in ("“", '"', ":"):
        where = "punctuation cue"
    else:
        where = ""
    source_here = sentence[0] <= row.gold_source_start < sentence[1]
    if not source_here and row.gold_source_start >= 0:
        before = text[row.gold_source_start:sentence[0]]
        span = "carry from an earlier paragraph" if "\n" in before.strip() else "carry from an earlier sentence" \
            if row.gold_source_start < sentence[0] else "source in a later sentence"
        return span + (f" ({where})" if where else "")
    if not ours:
        return "ours own voice, source in the sentence" + (f" ({where})" if where else "")
    return "other source in the sentence" + (f" ({where})" if where else "")


def list_errors(figures: pd.DataFrame, texts: pd.Series) -> None:
    """Print the disagreements of the judged `figures` (one half) with a mechanism each, then their counts."""
    wrong = figures[~(figures["same"] | ((figures["claimant"] == "") & (figures["gold"] == "")))]
    kinds = []
    for row in wrong.itertuples(index=False):
        text = texts[row.article_id]
        kind = mechanism(row, text)
        kinds.append(kind)
        content = text[row.gold_content[0]:row.gold_content[1]] if row.gold_content[0] >= 0 else ""
        print(f"\n[{kind}] {row.article_id} {row.start}-{row.end} {text[row.start:row.end]!r}\n"
              f"  ours: {row.claimant or '(own voice)'!r}  gold: {row.gold or '(own voice)'!r}  cue: {row.gold_cue!r}\n"
              f"  sentence: {row.text}\n  gold content: {content[:300]!r}")
    print("\nmechanisms (rough, from the spans):")
    print(pd.Series(kinds, dtype=str).value_counts().to_string())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a PolNeAR folder (metadata.tsv, <split>/text, <split>/attributions)")
    parser.add_argument("--split", default="train")
    parser.add_argument("--dev", type=Path, help="PolNeAR's dev folder, scored as a third column (scores only)")
    parser.add_argument("--errors", choices=["choose"], help="list the disagreements of the choose half")
    parser.add_argument("--sample", type=int, help="score this many articles, drawn with the fixed seed")
    parser.add_argument("--excerpts", action="store_true", help="score each article's feed cut (60-100 words)")
    args = parser.parse_args(argv)
    for folder, split in ((args.folder, args.split), *(((args.dev, "dev"),) if args.dev else ())):
        if not (folder / split / "text").is_dir() or not (folder / split / "attributions").is_dir():
            print(f"{folder}: no {split}/text and {split}/attributions folders (a PolNeAR folder is needed)",
                  file=sys.stderr)
            return 2
    figures, timings = run(args.folder, args.split, args.sample, args.excerpts)
    figures = judge(figures)
    columns = {f"{half} ({args.split})": scores(figures[figures["half"] == half]) for half in HALVES}
    if args.dev:
        dev, dev_timings = run(args.dev, "dev", None, args.excerpts)
        columns["dev"] = scores(judge(dev))
        timings.update({f"dev {stage}": seconds for stage, seconds in dev_timings.items()})
    if args.excerpts:
        print(f"feed cuts of {args.split} (element_pools.feed_excerpts, seed {EXCERPT_SEED})")
    if args.sample:
        print(f"sampled {args.sample} articles of {args.split} (seed {SEED + 1})")
    print(pd.DataFrame(columns).to_string())
    print("\ntiming (s): " + ", ".join(f"{stage} {seconds:.1f}" for stage, seconds in timings.items()))
    if args.errors:
        texts = datasets.read_polnear(args.folder, args.split).set_index("article_id")["text"]
        list_errors(figures[figures["half"] == args.errors], texts)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
