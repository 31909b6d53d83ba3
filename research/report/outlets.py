"""The outlets side by side, in the manner of AllSides and Ground News: one column per outlet.

`outlet_profiles(event, articles)` gathers, per outlet of one analysed event,
what its notebooks saved: its headline and how certain it sounds
(`headlines`, `marker_rates`), its lede (`ledes`), whose words fill it
(`voices`), how much of it is shared story (`outlet_summary`), what only it
carried and what it left out (`omissions`, `coverage`, `elements`, or
`left_out`) and its most distinctive words (`distinctive_terms`).
`outlets_page` shows them as a table with a column per outlet; the index
shows a short version (`outlets_summary`). A table the run did not save
leaves its rows empty and a line says what is missing.
"""

from __future__ import annotations

import html

import pandas as pd

from research.corpus.blocks import without_hover_cards
from research.framing.voices import OWN_VOICE
from research.report.findings.common import said_by
from research.report.layout import and_list, document, percent, reader_table, when
from research.report.saved import EventRun

CERTAINTY = {"attributed": "attributes the claim to a source", "boosted": "sounds certain",
             "hedged": "hedges", "mixed": "hedges and sounds certain", "asserted": "states it as fact",
             "no headline": "no headline"}
SHOWN_ITEMS = 3  # elements listed before the rest are folded away


def _outlets(articles: pd.DataFrame) -> list[str]:
    names = articles["outlet"].where(articles["outlet"] != "", articles["article_id"])
    return sorted(names.unique())


def _by_outlet(table: pd.DataFrame | None, column: str = "outlet") -> dict:
    return {} if table is None else {name: rows for name, rows in table.groupby(column, sort=False)}


def _sentence_labels(event: EventRun) -> dict[str, str]:
    """Element id -> its full representative sentence (the label when the elements table is missing)."""
    elements = event.table("elements")
    if elements is None:
        return {}
    return dict(zip(elements["element_id"], elements["representative_text"].where(
        elements["representative_text"] != "", elements["label"])))


def _items(labels: list[str]) -> str:
    """Escaped labels as a list, the first `SHOWN_ITEMS` open and the rest folded."""
    if not labels:
        return ""
    shown = "".join(f"<li>{html.escape(label)}</li>" for label in labels[:SHOWN_ITEMS])
    rest = labels[SHOWN_ITEMS:]
    folded = (f"<details><summary>{len(rest)} more</summary><ul>"
              + "".join(f"<li>{html.escape(label)}</li>" for label in rest) + "</ul></details>") if rest else ""
    return f"<ul>{shown}</ul>{folded}"


def _after(sentence: str, before: str, speaker: str = "") -> str:
    """An outlet's sentence with the sentence before it in its paragraph, which a sentence that goes on with a
    quotation or a name needs to be read ("“There is no question about it.” (after: “They're worried,” Carson
    said.)"), the sentence alone when it opens its paragraph; and who speaks in it when the shown text does not
    name them (`said_by`)."""
    shown = f"{sentence} (after: {before})" if before else sentence
    said = said_by(speaker, sentence, before)
    return f"{shown} (said by: {said})" if said else shown


def _voices(table: pd.DataFrame | None) -> dict[str, tuple[str, float]]:
    """Outlet -> (its three largest sources with their shares, the share of its own voice)."""
    if table is None:
        return {}
    table = table.set_index(table.columns[0])
    out = {}
    for outlet, row in table.iterrows():
        sources = row.drop(OWN_VOICE, errors="ignore")
        sums = sources.groupby([c.rsplit(" (", 1)[0] for c in sources.index]).sum()
        sums = sums[sums > 0].sort_values(ascending=False, kind="stable")
        top = [f"{name} {percent(share)}" for name, share in sums.head(3).items() if name != "other sources"]
        out[str(outlet)] = ("; ".join(top), float(row.get(OWN_VOICE, float("nan"))))
    return out


def outlet_profiles(event: EventRun, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per outlet of `event`; `articles`: its rows of the report's listing (`article_id`,
    `outlet`, `headline`, `published`, `url`).

    Columns (text; "" where the run saved no table for it): `outlet`, `articles`, `published`
    (earliest), `headline`, `url`, `headline_certainty`, `headline_actor`, `lede`, `hedges`,
    `boosters` (per 1,000 words, numbers or NaN), `voices` (three largest sources with shares),
    `own_voice` (share), `words_every`, `words_some`, `words_only` (shares), `only`, `left_out` and
    `not_in_excerpt` (lists of element sentences; the last: what every other outlet carried and the
    outlet's excerpt, cut off by its feed, does not reach), `terms` (list of distinctive terms).
    """
    headlines = _by_outlet(event.table("headlines"))
    ledes = _by_outlet(event.table("ledes", "03") if event.table("ledes", "03") is not None else event.table("ledes"))
    summary = _by_outlet(event.table("outlet_summary"))
    rates = _by_outlet(event.table("marker_rates"), "group")
    terms = _by_outlet(event.table("distinctive_terms"), "group")
    voices = _voices(event.table("voices"))
    sentences = _sentence_labels(event)
    gaps = event.table("omissions")
    left = gaps[gaps["kind"] == "left out"] if gaps is not None else event.table("left_out")
    cover = event.table("coverage")
    first = {} if cover is None else dict(zip(zip(cover["outlet"], cover["element_id"]), cover["first_paragraph"]))
    before = {} if cover is None or "sentence_before" not in cover else {
        key: text for key, text in zip(zip(cover["outlet"], cover["element_id"]), cover["sentence_before"])
        if isinstance(text, str) and text}  # read back from CSV, an empty column is NaN
    speakers = {} if gaps is None or "speaker" not in gaps else dict(zip(
        zip(gaps["kind"], gaps["outlet"], gaps["element_id"]), gaps["speaker"]))
    rows = []
    names = articles["outlet"].where(articles["outlet"] != "", articles["article_id"])
    for outlet in _outlets(articles):
        mine = articles[names == outlet].sort_values("published")
        mine = mine.iloc[mine["published"].eq("").argsort(kind="stable")]  # dated first, earliest first
        row = {"outlet": outlet, "articles": len(mine), "published": mine["published"].iloc[0],
               "headline": mine["headline"].iloc[0], "url": mine["url"].iloc[0] if "url" in mine else ""}
        if outlet in headlines:
            head = headlines[outlet].iloc[0]
            row["headline_certainty"] = CERTAINTY.get(head["certainty"], head["certainty"])
            row["headline_actor"] = " ".join(str(head[c]) for c in ("actor", "verb") if head[c])
        if outlet in ledes:
            row["lede"] = without_hover_cards(ledes[outlet].sort_values("paragraph")["text"].iloc[0])
        if outlet in rates:
            per = rates[outlet].set_index("category")["per_1000"]
            # a category no outlet used is absent from the table: none found
            row["hedges"], row["boosters"] = per.get("hedge", 0.0), per.get("booster", 0.0)
        if outlet in voices:
            row["voices"], row["own_voice"] = voices[outlet]
        if outlet in summary:
            row |= summary[outlet][["words_every", "words_some", "words_only"]].iloc[0].to_dict()
        if gaps is not None:
            only = gaps[(gaps["outlet"] == outlet) & (gaps["kind"] == "only")]
            only = only.assign(first=[first.get((outlet, e), float("inf")) for e in only["element_id"]])
            row["only"] = [_after(sentences.get(e, label), before.get((outlet, e), ""),
                                  speakers.get(("only", outlet, e), "")) for e, label in
                           only.sort_values(["first", "element_id"])[["element_id", "label"]].itertuples(index=False)]
        if left is not None:
            row["left_out"] = [_after(sentences.get(e, label), before.get((outlet, e), ""),
                                      speakers.get(("left out", outlet, e), ""))
                               for e, label in left[left["outlet"] == outlet][["element_id", "label"]].itertuples(
                                   index=False)]
        if gaps is not None:
            cut = gaps[(gaps["outlet"] == outlet) & (gaps["kind"] == "not in the excerpt")]
            row["not_in_excerpt"] = [_after(sentences.get(e, label), before.get((outlet, e), ""),
                                            speakers.get(("not in the excerpt", outlet, e), ""))
                                     for e, label in cut[["element_id", "label"]].itertuples(index=False)]
        if outlet in terms:
            row["terms"] = list(terms[outlet]["term"].head(6))
        rows.append(row)
    return pd.DataFrame(rows)


def _cell(row: pd.Series, key: str) -> str:
    value = row.get(key)
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else value


def _certainty(row: pd.Series) -> str:
    parts = []
    certainty = _cell(row, "headline_certainty")
    if certainty and certainty != CERTAINTY["no headline"]:
        actor = f" (“{html.escape(row['headline_actor'])}”)" if _cell(row, "headline_actor") else ""
        parts.append(f"The headline {html.escape(certainty)}{actor}.")
    if _cell(row, "hedges") != "" or _cell(row, "boosters") != "":
        parts.append(f"Per 1,000 words: {row['hedges']:.1f} hedges, {row['boosters']:.1f} boosters.")
    return " ".join(parts)


def _shared(row: pd.Series) -> str:
    if _cell(row, "words_every") == "":
        return ""
    return (f"{percent(row['words_every'])} of its words tell what every outlet tells, "
            f"{percent(row['words_some'])} what some others tell, {percent(row['words_only'])} what no other does.")


def _voice_cell(row: pd.Series) -> str:
    if _cell(row, "own_voice") == "":
        return ""
    sources = f" Largest sources: {html.escape(row['voices'])}." if row["voices"] else ""
    return f"{percent(row['own_voice'])} of its words are its own.{sources}"


def _terms_cell(row: pd.Series, explorer: str) -> str:
    terms = _cell(row, "terms")
    if not terms:
        return ""
    links = [f"<a href='{html.escape(explorer)}#{html.escape(term_anchor(row['outlet'], t))}'>{html.escape(t)}</a>"
             for t in terms]
    return "<span class='terms'>" + ", ".join(links) + "</span>"


def _elements(count: int) -> str:
    return f"{count} element{'s' if count != 1 else ''}"


def term_anchor(group: str, term: str) -> str:
    """The id of a term's section on the term explorer page."""
    return "t-" + "".join(c if c.isalnum() else "-" for c in f"{group}--{term}").lower()


def _headline_cell(row: pd.Series, _explorer: str) -> str:
    text = html.escape(row["headline"] or "(none)")
    cell = f"<a href='{html.escape(row['url'])}'>{text}</a>" if row["url"] and row["headline"] else text
    more = f" <span class='muted'>(the first of its {row['articles']} articles)</span>" if row["articles"] > 1 else ""
    return cell + more


def _left_out_cell(row: pd.Series, _explorer: str) -> str:
    """What every other outlet carried and this one left out, and apart from it what lies beyond the end
    of its excerpt (cut off by its feed: not said to be left out)."""
    cell = _elements_cell(row, "left_out", "every other outlet carried")
    cut = _cell(row, "not_in_excerpt")
    if isinstance(cut, list) and cut:
        cell += (f"<p class='muted'>Its text is an excerpt cut off by its feed: {_elements(len(cut))} every other "
                 f"outlet carried {'is' if len(cut) == 1 else 'are'} not in the excerpt, which is not to say "
                 f"the article left {'it' if len(cut) == 1 else 'them'} out.</p>" + _items(cut))
    return cell


def _elements_cell(row: pd.Series, key: str, which: str) -> str:
    """The elements listed under `key` ("only", "left_out"): how many, which; "" when not computed."""
    labels = _cell(row, key)
    if not isinstance(labels, list):
        return ""
    if not labels:
        return f"Nothing that {which}."
    return f"{_elements(len(labels))} {which}" + _items(labels)


# (row title, cell builder (profile row, explorer href), the table whose absence leaves the row empty,
# what the row shows)
ASPECTS = [
    ("Headline", _headline_cell, None, ""),
    ("Published", lambda r, _: html.escape(when(r["published"])) or "(no date)", None, ""),
    ("Certainty", lambda r, _: _certainty(r), "headlines", "How certain each headline sounds"),
    ("Lede", lambda r, _: html.escape(_cell(r, "lede")), "ledes", "The first paragraph"),
    ("Voices", lambda r, _: _voice_cell(r), "voices", "Whose words fill each story"),
    ("Shared story", lambda r, _: _shared(r), "outlet_summary", "How much of each story is shared"),
    ("Only here", lambda r, _: _elements_cell(r, "only", "no other outlet carried"), "omissions",
     "What only one outlet carried"),
    ("Left out", _left_out_cell, "omissions", "What an outlet left out"),
    ("Distinctive words", _terms_cell, "distinctive_terms", "The words that set each outlet apart"),
]


def outlets_table(profiles: pd.DataFrame, event: EventRun, explorer: str) -> str:
    """The profiles as one table: a row per aspect, a column per outlet; `explorer`: href of the term
    explorer, relative to the page."""
    head = "".join(f"<th scope='col'>{html.escape(o)}</th>" for o in profiles["outlet"])
    rows, missing = [], []
    for title, build, table, what in ASPECTS:
        cells = [build(row, explorer) for _, row in profiles.iterrows()]
        if table and not any(cells):
            missing.append(event.missing(table, what))
            continue
        rows.append(f"<tr><th scope='row'>{html.escape(title)}</th>" + "".join(f"<td>{c}</td>" for c in cells)
                    + "</tr>")
    notes = "".join(f"<p class='note'>{html.escape(m)}</p>" for m in missing)
    return (f"<div class='table-wrap'><table class='reader side'><thead><tr><th></th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>{notes}")


def outlets_summary(profiles: pd.DataFrame, href: str) -> str:
    """The index's short version: a reader table of outlet, headline, date, certainty, own words, and
    share of material only it carried; `href`: link to the full comparison."""
    frame = profiles.copy()
    for column in ("headline_certainty", "own_voice", "words_only", "only", "left_out"):
        if column not in frame:
            frame[column] = None
    frame["only_count"] = [len(v) if isinstance(v, list) else None for v in frame["only"]]
    frame["left_count"] = [len(v) if isinstance(v, list) else None for v in frame["left_out"]]
    columns = [("outlet", "Outlet", "text"), ("headline", "Headline", "long"), ("published", "Published", "date")]
    frame["headline"] = frame["headline"].where(frame["headline"] != "", "(no headline)")
    optional = [("headline_certainty", "The headline …", "text"), ("own_voice", "Its own words", "percent"),
                ("words_only", "Words on elements only it has", "percent"),
                ("only_count", "Elements only it has", "number"),
                ("left_count", "Elements all others have, it left out", "number")]
    columns += [c for c in optional if frame[c[0]].notna().any()]
    return (reader_table(frame, columns)
            + f"<p><a href='{html.escape(href)}'>All the outlets side by side: headline, lede, certainty, "
              f"voices, what only each carried and what each left out →</a></p>")


def outlets_page(event: EventRun, articles: pd.DataFrame, nav: str, explorer: str) -> str:
    """The outlet comparison page of one event."""
    profiles = outlet_profiles(event, articles)
    body = (f"<h1>The outlets side by side</h1><p class='dek'>{html.escape(event.label)}: "
            f"{len(articles)} articles from {len(profiles)} outlets "
            f"({html.escape(and_list(list(profiles['outlet'])))}).</p>"
            "<p class='note'>Each column is one outlet. Story elements are facts, quotes or claims told by "
            "one or more outlets; “only here” lists those no other outlet carried, “left out” those every "
            "other outlet carried (an outlet whose text is an excerpt cut off by its feed has them “not in the "
            "excerpt” instead: the article may tell them further on). Only sentences that state a figure or "
            "quote someone are listed; a sentence that does not open its paragraph comes with the one before it "
            "(“after: …”), which it may need to be read, and a sentence whose speaker the shown text does not name "
            "comes with the speaker the attributions resolved (“said by: …”; a pronoun or a title resolved to "
            "the person named before it). Hedges (“may”, “reportedly”) and boosters (“confirmed”, “clearly”) are "
            "counted per 1,000 words of the body.</p>" + outlets_table(profiles, event, explorer))
    return document(f"The outlets side by side: {event.label}", body, nav)
