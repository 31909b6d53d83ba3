"""Runs of "only" findings: sentences of one outlet's article a reader takes as one fact (measured, not kept).

Used by benchmarks/element_rules.py (its "Runs" section; `--runs-only` prints it alone). A quotation told over
several sentences is one fact (issue 17, "one fact, one element"); when an outlet's "only" findings hold several
sentences of one run, one finding would be stated for the run (its first sentence's, with `run_sentences`) and the
later ones dropped from the omissions table. The variants of a run (`VARIANTS`), among the outlet's "only"
findings of one article, in reading order:

- "adjacent": sentences that follow each other in one paragraph;
- "paragraph": any sentences of one paragraph;
- "one quotation": sentences that lie in one quotation (`research.text.quotes.quotations` of the paragraph; a
  quotation left open at the end of a paragraph goes on in the next when that one opens with a quotation mark,
  as news style writes a quote over paragraphs);
- "... + leaning across paragraphs": the variant, and the first sentence of a paragraph joins the run of the last
  sentence of the paragraph before when it leans on it (`leans`: it opens with `element_rules.BACK_REFERENCE`,
  goes on with a quotation left open, or is all quotation but `ATTRIBUTION_WORDS` words after a sentence that
  quotes someone; context11's detector, `element_rules._leaning`, read across the paragraph break).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from research.story.pieces import ATTRIBUTION_WORDS
from research.text.quotes import quotations, quoted_ranges
from research.text.tokens import WORD

VARIANTS = ("adjacent", "paragraph", "one quotation", "adjacent + leaning across paragraphs",
            "one quotation + leaning across paragraphs")
# A variant dropping more judged findings than this prints them by corpus, not one a line.
MAX_LISTED = 20


def sentences(passages: pd.DataFrame, back_reference: re.Pattern) -> pd.DataFrame:
    """The body sentences of `passages` (`split_passages` rows) in reading order, one row each: `article_id`,
    `start`, `position` (in its article, from 0), `paragraph` (in its article, from 0), `quotes` (the
    quotations it lies in, ids unique in its article), `leans` (module docstring; for the first sentence of a
    paragraph, on the last of the paragraph before)."""
    body = passages[passages["role"] == "body"].sort_values(["article_id", "start"], kind="stable")
    rows = []
    for article, sentences_of in body.groupby("article_id", sort=True):
        number, previous_open, previous_quotes = 0, False, False
        for paragraph, (_, block) in enumerate(sentences_of.groupby("block_id", sort=False)):
            first = int(block["start"].iloc[0])
            text = ""
            offsets = []
            for start, sentence in zip(block["start"], block["text"]):
                text += " " * max(0, int(start) - first - len(text))
                offsets.append(len(text))
                text += sentence
            spans = quotations(text)
            carried = previous_open and bool(spans) and spans[0][0] == 0
            ids = [number - 1 if carried and k == 0 else number + k - carried for k in range(len(spans))]
            number = max(ids, default=number - 1) + 1
            for k, (offset, sentence) in enumerate(zip(offsets, block["text"])):
                end = offset + len(sentence)
                quoted = quoted_ranges(sentence)
                outside = sum(not any(a <= w.start() < b for a, b in quoted) for w in WORD.finditer(sentence))
                leans = k == 0 and (bool(back_reference.match(sentence)) or carried
                                    or (previous_quotes and bool(quoted) and outside <= ATTRIBUTION_WORDS))
                rows.append({"article_id": article, "start": int(block["start"].iloc[k]), "paragraph": paragraph,
                             "quotes": frozenset(i for i, (a, b) in zip(ids, spans) if a < end and offset < b),
                             "leans": bool(leans)})
                previous_quotes = bool(quoted)
            ranges = quoted_ranges(text)
            previous_open = bool(ranges) and ranges[-1][1] == len(text)
    table = pd.DataFrame(rows, columns=["article_id", "start", "paragraph", "quotes", "leans"])
    return table.assign(position=table.groupby("article_id").cumcount())


def runs(only: pd.DataFrame, sentences_of: pd.DataFrame, variant: str) -> pd.DataFrame:
    """`only` ("only" rows of `omissions` with the outlet's first mention `article_id`, `start`, from `coverage`)
    with `head` (the index of the first finding of its run) and `run_sentences` (findings in its run) under
    `variant` (`VARIANTS`)."""
    table = only.join(sentences_of.set_index(["article_id", "start"]), on=["article_id", "start"])
    table = table.sort_values(["outlet", "article_id", "position"], kind="stable")
    across = variant.endswith("leaning across paragraphs")
    heads, previous, quote_head = [], None, {}
    for row in table.itertuples():
        same = previous is not None and (previous.outlet, previous.article_id) == (row.outlet, row.article_id)
        follows = same and row.position == previous.position + 1
        joined = {quote_head[row.outlet, row.article_id, q] for q in row.quotes
                  if (row.outlet, row.article_id, q) in quote_head}
        if variant.startswith("adjacent"):
            joins = follows and previous.paragraph == row.paragraph
        elif variant == "paragraph":
            joins = same and previous.paragraph == row.paragraph
        else:
            joins = bool(joined)
        if joins or (across and follows and row.leans):
            heads.append(min(joined) if variant.startswith("one quotation") and joined else heads[-1])
        else:
            heads.append(row.Index)
        quote_head |= {(row.outlet, row.article_id, q): heads[-1] for q in row.quotes}
        previous = row
    table["head"] = heads
    table["run_sentences"] = table.groupby("head")["head"].transform("size")
    return table.loc[only.index]


def choice(events: dict, judged: pd.DataFrame, findings, back_reference: re.Pattern, agreeing) -> None:
    """Per variant, the precision of the judged findings (the rounds of `judged`) the package states, before and
    after the runs' later sentences are dropped, by round group (3-8, 9-10, and 11 when loaded) and kind of text,
    the judged findings dropped (wrong/right), the choose halves' findings agreeing with the known elements
    dropped (and of them, those whose run's first finding agrees too), and the findings of the seeds and of the
    AllSides report half. `findings(event)`: the package's `omissions` of an event; `agreeing(event, rows)`: which
    of `rows` agree with the known elements."""
    text_of = {"allsides": "excerpts", "allsides-known-choose": "excerpts", "timeline17-excerpts": "excerpts",
               "polnear-excerpts": "excerpts", "basil-excerpts": "excerpts", "polnear-train-excerpts": "excerpts"}
    tables = []
    for (corpus, name), event in events.items():
        rows = findings(event)
        cover = event["coverage"].set_index(["outlet", "element_id"])[["article_id", "start"]]
        only = rows[rows["kind"] == "only"].join(cover, on=["outlet", "element_id"])
        mine = sentences(event["passages"], back_reference)
        rows = rows.assign(corpus=corpus, event=name, half=event["half"], agrees=agreeing(event, rows))
        placed = only.join(mine.set_index(["article_id", "start"])["position"], on=["article_id", "start"])
        stated = set(zip(placed["article_id"], placed["position"]))
        rows["previous stated"] = rows.index.map(pd.Series(
            [(a, p - 1) in stated for a, p in zip(placed["article_id"], placed["position"])], index=placed.index))
        for variant in VARIANTS:
            run = runs(only, mine, variant)
            rows[f"{variant} dropped"] = rows.index.isin(run.index[run["head"] != run.index])
            rows[f"{variant} head agrees"] = rows.index.map(run["head"]).map(rows["agrees"]).fillna(False)
        tables.append(rows)
    rows = pd.concat(tables, ignore_index=True)
    keys = ["corpus", "event", "kind", "outlet", "label"]
    rows = rows.merge(judged[keys + ["round", "verdict", "reason"]].astype({"event": str}), on=keys, how="left")
    rows["text"] = rows["corpus"].map(text_of).fillna("full")
    rows["group"] = np.select([rows["round"] <= 8, rows["round"] <= 10], ["3-8", "9-10"], "11")
    groups = [g for g in ("3-8", "9-10", "11") if (rows["verdict"].notna() & (rows["group"] == g)).any()]
    table = []
    for variant in ("none (the package)", *VARIANTS):
        dropped = rows[f"{variant} dropped"] if variant in VARIANTS else pd.Series(False, index=rows.index)
        line = {"variant": variant}
        for group in groups:
            for text in ("full", "excerpts"):
                mine = (rows["group"] == group) & (rows["text"] == text) & rows["verdict"].notna()
                right = rows["verdict"] == "right"
                line[f"{group} {text}"] = (f"{right[mine].mean():.3f}>{right[mine & ~dropped].mean():.3f} "
                                           f"-{(mine & dropped & ~right).sum()}/{(mine & dropped & right).sum()}")
        line["agreeing dropped (head agrees)"] = (f"{int((rows['agrees'] & dropped).sum())} "
                                                  f"({int((rows['agrees'] & dropped & rows.get(f'{variant} head agrees', False)).sum())})")
        for name, where in (("seeds", rows["corpus"] == "seeds"),
                            ("AllSides report", (rows["corpus"] == "allsides") & (rows["half"] == "report"))):
            line[name] = f"{int(where.sum())}>{int((where & ~dropped).sum())}"
        line["dropped"] = int(dropped.sum())
        table.append(line)
    judged_rows = rows[rows["verdict"].notna()]
    print(f"== Runs: one finding per run of an outlet's 'only' sentences ({len(rows)} findings stated; judged in "
          f"rounds {', '.join(groups)}: {len(judged_rows)}); per round group and kind of text, the precision of the "
          "judged findings stated before>after and the judged findings dropped wrong/right; choose halves' findings "
          "agreeing with the known elements dropped; findings of the seeds and the AllSides report half before>after")
    print(pd.DataFrame(table).to_string(index=False))
    pieces = judged_rows[judged_rows["reason"].fillna("").str.startswith("a piece") & (judged_rows["round"] <= 10)]
    print(f"  judged wrong as 'a piece' (reason), rounds {pieces['round'].min():.0f}-{pieces['round'].max():.0f}, "
          f"stated: {len(pieces)}; of them the sentence before (in the article) is an 'only' finding of the "
          f"outlet too: {int(pieces['previous stated'].fillna(False).sum())}")
    for variant in VARIANTS:  # the judged findings each drops (rounds up to 10), by corpus when many
        mine = judged_rows[judged_rows[f"{variant} dropped"] & (judged_rows["round"] <= 10)]
        print(f"  {variant} drops:")
        if len(mine) > MAX_LISTED:
            print(mine.groupby(["corpus", "verdict"]).size().unstack(fill_value=0).to_string())
        for row in mine.itertuples() if len(mine) <= MAX_LISTED else ():
            print(f"    {row.verdict:5} round {row.round:.0f} {row.corpus} {row.outlet}: {row.label[:80]}")
    print()
