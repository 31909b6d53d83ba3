"""The package's as-of periods against dateparser's `search_dates` on the development golds' figures dated by a
time phrase (issue 18, item 6: "prefer well-kept libraries ... for example dateparser for date phrases").

    pip install dateparser  # not a dependency of the package; only this comparison needs it
    python benchmarks/compare_dateparser.py DATA

DATA is the shared data folder. Figures: those of the development halves (choose, holdout-dev, holdout-4,
full-dev, polnear-dev, holdout-6-full) that the package finds and whose gold as-of period is given by a time
phrase of the text (`asof_text` set, granularity not "publication"). The package is right when
`evaluate_figures.asof_right` says so (both ends within a day of the gold's). dateparser reads the figure's
sentence with the article's publication time as `RELATIVE_BASE` and past dates preferred; its date nearest the
figure is right when it falls inside the gold period, a day of slack either side (lenient: dateparser gives a
moment, not a period). Prints the counts per half and overall.
"""

from __future__ import annotations

import sys
import warnings
from datetime import date, timedelta
from pathlib import Path

import evaluate_figures as ef
import pandas as pd

DEVELOPMENT = ("choose", "holdout-dev", "holdout-4", "full-dev", "polnear-dev", "holdout-6-full")
SLACK = timedelta(days=1)


def sentence_around(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence of `text` holding `start`..`end` (cut at ". " and line breaks) and its offset."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    last = text.find(". ", end)
    return text[first:len(text) if last < 0 else last + 1], first


def dateparser_right(search_dates, sentence: str, offset: int, published, gold) -> bool:
    """Whether dateparser's date nearest the figure (at `offset` in `sentence`) lies in the gold period."""
    base = pd.Timestamp(published).tz_localize(None).to_pydatetime()
    found = search_dates(sentence, languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}) or []
    if not found:
        return False
    _, moment = min(found, key=lambda pair: abs(sentence.find(pair[0]) - offset))
    low, high = date.fromisoformat(gold.asof_start), date.fromisoformat(gold.asof_end)
    return low - SLACK <= moment.date() <= high + SLACK


def main(data: Path) -> None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.exit("dateparser is not installed: pip install dateparser (only this comparison needs it)")
    gold = ef.read_gold()
    gold = gold[gold["half"].isin(DEVELOPMENT)]
    articles, claims, _, _ = ef.extract(data / "allsides_dev", set(gold["roundup"].astype(str)))
    text = dict(zip(articles["article_id"], articles["text"]))
    published = dict(zip(articles["article_id"], articles["published"]))
    rows = []
    for half in DEVELOPMENT:
        records = gold[gold["half"] == half].copy()
        records["match"] = ef.match(records, claims)
        dated = (~records["kind"].str.startswith("not_figure") & (records["match"] >= 0)
                 & records["asof_start"].notna() & records["asof_text"].fillna("").astype(bool)
                 & (records["asof_granularity"] != "publication"))
        for record in records[dated].itertuples():
            sentence, first = sentence_around(text[record.article_id], record.start, record.end)
            rows.append({"half": half, "package": ef.asof_right(record, claims.loc[record.match]),
                         "dateparser": dateparser_right(search_dates, sentence, record.start - first,
                                                        published[record.article_id], record)})
    table = pd.DataFrame(rows)
    summary = table.groupby("half", sort=False)[["package", "dateparser"]].sum()
    summary.loc["all"] = summary.sum()
    summary["figures"] = table.groupby("half", sort=False).size().reindex(summary.index).fillna(len(table))
    print(summary.astype(int).to_string())
    print(f"dateparser right where the package is wrong: {int((table.dateparser & ~table.package).sum())}; "
          f"the package right where dateparser is wrong: {int((table.package & ~table.dateparser).sum())}")


if __name__ == "__main__":
    warnings.filterwarnings("ignore", category=UserWarning)
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("../shared/data"))
