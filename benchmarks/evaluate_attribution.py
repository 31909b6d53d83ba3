"""Cue and source detection of `research.attributions` against PolNeAR dev gold spans.

    python benchmarks/evaluate_attribution.py ../shared/data

Gold: every Cue and Source span of `polnear_dev/dev/attributions/*.ann`
(discontinuous spans are joined to one span from their first to their last
character). Most articles have one annotator file; two have six. We score
against each annotator file separately and add the counts up (micro average
over files), so an article read by six annotators counts six times; a second
table scores against the union of all annotators' spans per article.

Match criteria, for a predicted and a gold span of the same article:
- strict: the same characters once outer whitespace and punctuation are trimmed;
- lenient: the spans share at least one character.
Precision = predicted spans matching some gold span / predicted spans; recall =
gold spans matched by some predicted span / gold spans. Gold spans outside
body paragraphs (headlines) count as misses.

The baseline is the plain reporting-verb rule: every inflection of a verb of
the report-verb list of Recasens et al. (2013), read from
`lexicons/report_verbs.txt` of the data folder, plus "according to", anywhere
in the text; its source is the capitalised words (or he/she/they) right before
the verb.

A last table scores contents by characters (non-space characters, per article,
union of annotators): precision = characters of our contents that some gold
Content fragment holds / characters of our contents; recall = gold Content
characters that one of our contents holds / gold Content characters. Our
contents count without their own source and cue characters (a quotation that
resumes after `he said` spans them), as PolNeAR's Content fragments do. The
table is printed with and without the continuation of quotations after their
cue (`research.attributions(research.split_blocks(...), ..., continuation=False)`).

`--train FOLDER` (a PolNeAR folder holding `train/text` and `train/attributions`, PolNeAR's train split in this
project's runs) scores cues and sources, per annotator file, on each half of that split as
`claimant_attributions.py` halves it ("choose": rules are chosen and errors read on it; "report": scores only).
`--false-positives` then lists the choose half's predicted cues that overlap no gold Cue, with their source and
sentence, for reading.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

import research
from research.claims.verbs import inflections
from research.corpus import datasets

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claimant_attributions import article_halves

TRIM = " \t\r\n,.;:\"“”'’‘()[]—–-"
BASELINE_SOURCE = re.compile(r"((?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*|he|she|they)\s+$")


def gold_spans(folder: Path) -> pd.DataFrame:
    """One row per gold Cue or Source: article_id, annotator, kind, start, end (fragments joined)."""
    spans = datasets.read_polnear_attributions(folder)
    spans = spans[spans["kind"].isin(["Cue", "Source"])]
    return (spans.groupby(["article_id", "annotator", "attribution", "kind"], as_index=False)
            .agg(start=("start", "min"), end=("end", "max")))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def baseline_cue(lexicon: Path) -> re.Pattern:
    """Every inflection of the report verbs in `lexicon` (one per line, # comments), plus "according to"."""
    verbs = [line.strip() for line in lexicon.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    forms = {form for verb in verbs for form in inflections(verb)} | {"according to"}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, forms), key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def baseline(articles: pd.DataFrame, cue: re.Pattern) -> pd.DataFrame:
    rows = []
    for article in articles.itertuples():
        for match in cue.finditer(article.text):
            source = BASELINE_SOURCE.search(article.text, max(0, match.start() - 60), match.start())
            rows.append((article.article_id, match.start(), match.end(),
                         source.start(1) if source else -1, source.end(1) if source else -1))
    return pd.DataFrame(rows, columns=["article_id", "cue_start", "cue_end", "source_start", "source_end"])


def score(predicted: pd.DataFrame, gold: pd.DataFrame, texts: pd.Series, kind: str, by: list[str]) -> dict:
    """Strict and lenient precision/recall of predicted `kind` spans against gold grouped by `by`."""
    column = kind.lower()
    counts = dict.fromkeys(["predicted", "gold", "strict_p", "strict_r", "lenient_p", "lenient_r"], 0)
    for key, truth in gold[gold["kind"] == kind].groupby(by):
        article_id = key[0] if isinstance(key, tuple) else key
        text = texts[article_id]
        mine = predicted[(predicted["article_id"] == article_id) & (predicted[f"{column}_start"] >= 0)]
        pred = {trimmed(text, s, e) for s, e in zip(mine[f"{column}_start"], mine[f"{column}_end"])}
        pred = {p for p in pred if p[0] < p[1]}
        true = {trimmed(text, s, e) for s, e in zip(truth["start"], truth["end"])}
        counts["predicted"] += len(pred)
        counts["gold"] += len(true)
        counts["strict_p"] += len(pred & true)
        counts["strict_r"] += len(pred & true)
        counts["lenient_p"] += sum(any(s < ge and gs < e for gs, ge in true) for s, e in pred)
        counts["lenient_r"] += sum(any(s < pe and ps < e for ps, pe in pred) for s, e in true)
    return {
        "spans": f"{counts['predicted']} predicted / {counts['gold']} gold",
        "strict P": round(counts["strict_p"] / max(counts["predicted"], 1), 3),
        "strict R": round(counts["strict_r"] / max(counts["gold"], 1), 3),
        "lenient P": round(counts["lenient_p"] / max(counts["predicted"], 1), 3),
        "lenient R": round(counts["lenient_r"] / max(counts["gold"], 1), 3),
    }


def characters(text: str, spans) -> set[int]:
    """Positions of the non-space characters of `text` inside `spans` ((start, end) pairs)."""
    return {i for start, end in spans for i in range(start, end) if not text[i].isspace()}


def content_score(predicted: pd.DataFrame, folder: Path, texts: pd.Series) -> dict:
    """Character precision and recall of predicted contents against gold Content fragments."""
    gold = datasets.read_polnear_attributions(folder)
    gold = gold[(gold["kind"] == "Content") & gold["article_id"].isin(texts.index)]
    mine_total = gold_total = mine_in_gold = gold_in_mine = 0
    for article_id, text in texts.items():
        rows = predicted[(predicted["article_id"] == article_id) & (predicted["content_start"] >= 0)]
        frames = characters(text, zip(rows["source_start"].clip(lower=0), rows["source_end"].clip(lower=0))) \
            | characters(text, zip(rows["cue_start"], rows["cue_end"]))
        mine = characters(text, zip(rows["content_start"], rows["content_end"])) - frames
        truth = characters(text, zip(*(gold.loc[gold["article_id"] == article_id, c] for c in ("start", "end"))))
        mine_total, gold_total = mine_total + len(mine), gold_total + len(truth)
        mine_in_gold, gold_in_mine = mine_in_gold + len(mine & truth), gold_in_mine + len(truth & mine)
    return {"characters": f"{mine_total} predicted / {gold_total} gold",
            "P": round(mine_in_gold / max(mine_total, 1), 3), "R": round(gold_in_mine / max(gold_total, 1), 3)}


def evaluate_contents(folder: Path) -> pd.DataFrame:
    articles = datasets.read_polnear(folder).drop(columns="headline")
    texts = articles.set_index("article_id")["text"]
    return pd.DataFrame([
        {"system": "research.attributions", **content_score(research.attributions(research.split_blocks(articles), articles), folder, texts)},
        {"system": "  continuation=False", **content_score(research.attributions(research.split_blocks(articles), articles, continuation=False),
                                                           folder, texts)},
    ])


def evaluate(folder: Path, lexicon: Path) -> pd.DataFrame:
    articles = datasets.read_polnear(folder)
    texts = articles.set_index("article_id")["text"]
    gold = gold_spans(folder)
    gold = gold[gold["article_id"].isin(texts.index)]
    systems = {"baseline rule": baseline(articles, baseline_cue(lexicon)),
               "research.attributions": research.attributions(research.split_blocks(articles.drop(columns="headline")), articles.drop(columns="headline"))}
    rows = []
    for scoring, by in (("per annotator file", ["article_id", "annotator"]), ("union of annotators", ["article_id"])):
        for name, predicted in systems.items():
            for kind in ("Cue", "Source"):
                rows.append({"scoring": scoring, "system": name, "span": kind.lower(),
                             **score(predicted, gold, texts, kind, by)})
    return pd.DataFrame(rows)


def evaluate_train(folder: Path, false_positives: bool = False) -> pd.DataFrame:
    """Cue and source scores per annotator file on each half of PolNeAR's train split in `folder`."""
    articles = datasets.read_polnear(folder, "train").drop(columns="headline")
    texts = articles.set_index("article_id")["text"]
    gold = datasets.read_polnear_attributions(folder, "train")
    gold = gold[gold["kind"].isin(["Cue", "Source"]) & gold["article_id"].isin(texts.index)]
    gold = (gold.groupby(["article_id", "annotator", "attribution", "kind"], as_index=False)
            .agg(start=("start", "min"), end=("end", "max")))
    predicted = research.attributions(research.split_blocks(articles), articles)
    halves = article_halves(texts.index)
    rows = []
    for half in ("choose", "report"):
        ids = [article_id for article_id, name in halves.items() if name == half]
        for kind in ("Cue", "Source"):
            rows.append({"half": half, "span": kind.lower(),
                         **score(predicted[predicted["article_id"].isin(ids)], gold[gold["article_id"].isin(ids)],
                                 texts, kind, ["article_id", "annotator"])})
    if false_positives:
        list_false_positives(predicted[predicted["article_id"].map(halves) == "choose"], gold, texts)
    return pd.DataFrame(rows)


def list_false_positives(predicted: pd.DataFrame, gold: pd.DataFrame, texts: pd.Series) -> None:
    """Print each predicted cue that overlaps no gold Cue of its article: cue, source and the sentence around it."""
    cues = gold[gold["kind"] == "Cue"].groupby("article_id")[["start", "end"]].apply(lambda g: list(zip(*g.values.T)))
    count = 0
    for row in predicted.itertuples():
        if any(s < row.cue_end and row.cue_start < e for s, e in cues.get(row.article_id, [])):
            continue
        text, count = texts[row.article_id], count + 1
        left, right = text.rfind("\n", 0, row.cue_start) + 1, text.find("\n", row.cue_end)
        context = text[max(left, row.cue_start - 150):right if right >= 0 else len(text)][:300]
        print(f"{row.article_id}\t{row.source_text!r}\t{row.cue_text!r}\t{' '.join(context.split())}")
    print(f"{count} false-positive cues")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder holding polnear_dev/")
    parser.add_argument("--train", type=Path, help="a PolNeAR folder with train/text and train/attributions")
    parser.add_argument("--false-positives", action="store_true", help="list the choose half's false-positive cues")
    args = parser.parse_args(argv)
    if args.train:
        print(evaluate_train(args.train, args.false_positives).to_string(index=False))
        return 0
    folder = args.data / "polnear_dev"
    if not folder.is_dir():
        print(f"{folder}: not a folder", file=sys.stderr)
        return 2
    print(evaluate(folder, args.data / "lexicons" / "report_verbs.txt").to_string(index=False))
    print()
    print("Contents, by characters (union of annotators):")
    print(evaluate_contents(folder).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
