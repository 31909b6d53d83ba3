"""Readers of the development corpora (skip without ../shared/data)."""

from __future__ import annotations

import pandas as pd

from research.corpus import datasets


def test_allsides_excerpts_are_articles_of_one_event_each_with_spread_times(data_dir):
    table = datasets.read_allsides(data_dir / "allsides_dev")
    assert table["article_id"].is_unique
    assert table.groupby("event")["outlet"].size().between(2, 3).all()
    first = table.iloc[0]
    assert "\n\n" in first["text"] and first["headline"] and first["stance"] in datasets.ALLSIDES_STANCES
    # each article's time is its roundup's plus 0-36 h, the same for the same seed, other for another
    again = datasets.read_allsides(data_dir / "allsides_dev")
    assert table["published"].equals(again["published"])
    other = datasets.read_allsides(data_dir / "allsides_dev", seed=1)
    assert not table["published"].equals(other["published"])
    when = pd.to_datetime(table["published"], utc=True)
    spread = when.groupby(table["event"]).agg(lambda t: (t.max() - t.min()).total_seconds() / 3600)
    assert spread.max() <= 36 and spread.median() > 1
    fixed = datasets.read_allsides(data_dir / "allsides_dev", spread_hours=0)
    assert fixed.groupby("event")["published"].nunique().eq(1).all()
    # AllSides' opinion tag is the article's genre; a news report has none
    assert set(table["genre"]) == {"", "opinion", "analysis", "fact check", "data"}
    chappelle = table[table["event"] == "5612"]
    assert chappelle["genre"].tolist() == ["opinion"] * 3 and chappelle["topic"].eq("Culture").all()
    assert table["genre"].eq("").mean() > 0.7
    # every text is an excerpt of a longer article, also those the feed does not end with "..."
    assert table["excerpt"].all() and not table["text"].str.rstrip().str.endswith(("...", "…")).all()
