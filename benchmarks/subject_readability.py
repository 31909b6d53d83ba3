"""How many extracted subjects read as something other than a noun phrase (issue 18, item 1: "the noun phrase that
says what is counted, with the unit, never a date, a verb or a function word").

    python benchmarks/subject_readability.py DATA [--examples N]

DATA is the shared data folder. The figures are those `research.extract_claims` finds in the articles of the
development halves of the figures golds (choose, holdout-dev, holdout-4, full-dev, polnear-dev, holdout-6-full; the
gold files are named one by one, and only their `roundup` values are read, to know which articles to run), every
extracted figure, matched to a gold record or not. The gold check of `evaluate_figures.py` asks only that one to three
head words be in a subject, so a subject can score right and still read as junk; this counts the junk. A subject
(its name in brackets, "doses (Walgreens)", left out) has a defect of a kind when, read with
`research.text.chunks.tag_words`:

- finite verb: a verb tagged VBD, VBZ or VBP right after a noun or pronoun, past the subject's first noun,
  outside a relative clause (no "who", "that", "which", "whom" or "whose" before it) and outside a participle's or
  infinitive's clause (no VBG, VBN or "to" before it: "respondents saying crime is a problem", "people known to
  have died"): "crewmates soared high above the Texas desert", "people have received";
  a past (VBD, not an auxiliary) that ends the subject or comes before a preposition is counted apart, as "past,
  maybe a participle": the tagger reads most participles after a noun as pasts ("cases reported", "migrants
  huddled under a bridge");
- cut relative: a relative clause that ends before its verb or its object: no verb after the pronoun, or a last
  word tagged as a determiner, preposition, "to", possessive, conjunction or adjective, or a participle or "-ing"
  right after a determiner ("oil pipeline that became a symbol of the rising");
- pluralised compound: a hyphenated count's noun made the plural head of a longer phrase ("a 15-count indictment":
  "counts indictment");
- function word at an end: a first or last word tagged as a preposition, determiner, conjunction, "to", modal,
  possessive or wh-word ("miles above");
- date: a time expression `research.text.dates.find_time_expressions` reads as a date, a start or a deadline
  ("project that confirmed Wednesday").

Prints, per half, the figures, the subjects and the count of each kind, then up to N examples per kind.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate_figures

from research.claims.quantities import plural
from research.text.chunks import tag_words
from research.text.dates import find_time_expressions

GOLD = Path(__file__).resolve().parent / "gold"
DEVELOPMENT_GOLDS = tuple(GOLD / name for name in (
    "allsides_figures.jsonl", "allsides_figures_holdout.jsonl", "allsides_figures_holdout4.jsonl",
    "basil_figures_dev.jsonl", "polnear_figures_holdout6.jsonl", "polnear_figures_dev1.jsonl",
    "polnear_figures_dev2.jsonl"))
HALVES = ("choose", "holdout-dev", "holdout-4", "full-dev", "polnear-dev", "holdout-6-full")
KINDS = ("finite verb", "past, maybe a participle", "cut relative", "pluralised compound", "function word at an end", "date")
RELATIVE = frozenset("who whom whose which that".split())
OPEN_ENDS = frozenset("DT IN TO PRP$ CC JJ".split())
AUXILIARIES = frozenset("was were had did".split())
OBJECT_TAGS = ("DT", "CD", "PRP", "RB", "RP", "NN", "VB")
FUNCTION_TAGS = frozenset("IN DT CC TO MD PRP$ WDT WP WP$ EX".split())


def defects(subject: str, after: str) -> list[str]:
    """The kinds of defect of `subject` (see the module); `after`: the article text right after the figure."""
    subject = re.sub(r"\s*\([^()]*\)$", "", subject).strip()  # the name it is of: "doses (Walgreens)"
    tokens = [t for t in tag_words(subject) if re.match(r"\w", t.word)]
    if not tokens:
        return []
    found = []
    first_noun = next((i for i, t in enumerate(tokens) if t.pos.startswith("NN")), None)
    pronoun = next((i for i, t in enumerate(tokens) if t.word.lower() in RELATIVE and i), None)
    clause = next((i for i, t in enumerate(tokens) if t.pos in ("VBG", "VBN", "TO") and i), len(tokens))
    verbs = [i for i, t in enumerate(tokens) if t.pos in ("VBD", "VBZ", "VBP") and first_noun is not None
             and first_noun < i < min(clause, len(tokens) if pronoun is None else pronoun)
             and tokens[i - 1].pos.startswith(("NN", "PRP"))]
    if any(tokens[i].pos != "VBD" or tokens[i].word.lower() in AUXILIARIES or i + 1 < len(tokens)
           and tokens[i + 1].pos.startswith(OBJECT_TAGS) for i in verbs):
        found.append("finite verb")
    elif verbs:
        found.append("past, maybe a participle")
    if pronoun is not None:
        clause = tokens[pronoun + 1:]
        last = clause[-1] if clause else None
        if not any(t.pos.startswith("VB") or t.pos == "MD" for t in clause) or last.pos in OPEN_ENDS \
                or len(clause) > 1 and last.pos in ("VBG", "VBN") and clause[-2].pos == "DT":
            found.append("cut relative")
    compound = re.match(r"-([a-z]+)\b", after)
    if compound and len(tokens) > 1 and tokens[0].word.lower() == plural(compound.group(1)):
        found.append("pluralised compound")
    if tokens[0].pos in FUNCTION_TAGS and tokens[0].word.lower() != "that" or tokens[-1].pos in FUNCTION_TAGS:
        found.append("function word at an end")
    if any(t.kind != "duration" for t in find_time_expressions(subject, "2021-06-15")):
        found.append("date")
    return found


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--examples", type=int, default=10)
    args = parser.parse_args(argv)
    gold = evaluate_figures.read_gold(DEVELOPMENT_GOLDS)
    gold = gold[gold["half"].isin(HALVES)]
    half_of = dict(zip(gold["roundup"], gold["half"]))
    articles, claims, _, _ = evaluate_figures.extract(args.data / "allsides_dev", set(gold["roundup"]))
    texts = articles.set_index("article_id")["text"]
    claims = claims[claims["event"].isin(half_of)]
    counts = {half: dict.fromkeys(("figures", "with a subject", *KINDS), 0) for half in HALVES}
    examples: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for row in claims.itertuples():
        count = counts[half_of[row.event]]
        count["figures"] += 1
        count["with a subject"] += bool(row.subject)
        text = texts[row.article_id]
        for kind in defects(row.subject, text[row.end:row.end + 30]) if row.subject else []:
            count[kind] += 1
            examples[kind].append(f"{half_of[row.event]:>14}  {text[row.start:row.end]!r:>16} -> {row.subject!r}")
    table = [["", *HALVES, "total"]] + [[name, *(str(counts[h][name]) for h in HALVES),
                                          str(sum(counts[h][name] for h in HALVES))]
                                         for name in ("figures", "with a subject", *KINDS)]
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    for line in table:
        print("  ".join(cell.rjust(width) for cell, width in zip(line, widths)))
    for kind in KINDS:
        print(f"\n{kind}: {len(examples[kind])} (first {args.examples})")
        for example in examples[kind][:args.examples]:
            print(" ", example)


if __name__ == "__main__":
    main()
