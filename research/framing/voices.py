"""Voices: whose words fill each outlet's story, quoted or paraphrased, grouped by actor.

`voice_spans` gives every body word one voice: the actor of the innermost
attribution whose content holds it (`research.attributions` grouped by
`research.group_actors`), "direct" inside quotation marks and "reported"
outside them; a word in quotation marks that no cue attributes belongs to
"(unattributed quote)"; an attribution without a named source ("were
reported") to "(source not named)"; every other body word, including the words
that name a speaker and its verb ("Mr. Austin said"), is the outlet's own
voice. The innermost attribution wins so that a relayed statement counts for
its origin: in "Park said Cho told lawmakers that 3,000 troops ...", the figure
is Cho's words reported by Park; a relay ("according to Reuters", "citing")
never takes words from a speaker named inside its content.
`voice_shares` turns the spans into the share of each outlet's body words per
actor group, direct and reported; `voice_table` lays them out for the stacked
bars of `research.report.figures.plot_voices`.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from research.claims.actors import group_actors
from research.framing.terms import BODY, group_labels, in_roles
from research.text.quotes import quoted_ranges
from research.text.tokens import word_spans

OWN_VOICE = "(outlet's own voice)"
UNATTRIBUTED_QUOTE = "(unattributed quote)"
UNNAMED_SOURCE = "(source not named)"
SPAN_COLUMNS = ["article_id", "block_id", "start", "end", "voice", "actor_group", "actor", "actor_kind", "cue_start",
                "words"]
# Actor kinds (`research.claims.actors.ACTOR_KINDS`) that name nobody: anonymous officials, and a description no
# rule resolved ("the Republican lawmaker" with no such person named in the article).
UNRESOLVED_KINDS = ("unnamed officials", "other")
SHARE_COLUMNS = ["group", "actor_group", "attributions", "direct_words", "reported_words", "words", "body_words",
                 "direct_share", "reported_share", "share"]


def _inside(starts: np.ndarray, begin, end) -> np.ndarray:
    return (starts >= begin) & (starts < end)


def _article_voices(text: str, body: pd.DataFrame, cues: pd.DataFrame) -> list[tuple]:
    """Voice spans of one article: (block_id, start, end, voice, actor_group, actor, actor_kind, cue_start, words)."""
    tokens = [(passage.block_id, passage.start + start, passage.start + end)
              for passage in body.itertuples(index=False) for start, end, _ in word_spans(passage.text)]
    if not tokens:
        return []
    starts = np.array([start for _, start, _ in tokens])
    quoted = np.zeros(len(tokens), dtype=bool)
    for paragraph in body.groupby("block_id").agg(start=("start", "min"), end=("end", "max")).itertuples():
        for start, end in quoted_ranges(text[paragraph.start:paragraph.end]):
            quoted |= _inside(starts, paragraph.start + start, paragraph.start + end)
    contents = cues[cues["content_start"] >= 0]
    relay = contents["cue_text"].str.lower().str.contains(r"^(?:according to|citing|quoting)$")
    length = (contents["content_end"] - contents["content_start"]).to_numpy()
    owner = np.full(len(tokens), -1)
    # Relays first, then the longest contents, so the innermost speaker is written last.
    for row in np.lexsort((-length, ~relay.to_numpy())):
        owner[_inside(starts, contents["content_start"].iat[row], contents["content_end"].iat[row])] = row
    for cue in cues.itertuples(index=False):  # the outlet's words that name a speaker are its own
        for begin, end in ((cue.source_start, cue.source_end), (cue.cue_start, cue.cue_end)):
            owner[_inside(starts, begin, end) & ~quoted] = -1
    groups = [group or UNNAMED_SOURCE for group in contents["actor_group"]]
    names = list(contents["actor"]) if "actor" in contents else [""] * len(contents)
    kinds = list(contents["actor_kind"]) if "actor_kind" in contents else [""] * len(contents)
    spans = []
    for (block_id, start, end), row, in_quote in zip(tokens, owner, quoted):
        if row >= 0:
            label = ("direct" if in_quote else "reported", groups[row], names[row] or "", kinds[row] or "",
                     int(contents["cue_start"].iat[row]))
        else:
            label = ("direct", UNATTRIBUTED_QUOTE, "", "", -1) if in_quote else ("own", OWN_VOICE, "", "", -1)
        if spans and spans[-1][0] == block_id and tuple(spans[-1][3:8]) == label:
            spans[-1][2], spans[-1][8] = end, spans[-1][8] + 1
        else:
            spans.append([block_id, start, end, *label, 1])
    return [tuple(span) for span in spans]


def voice_spans(passages: pd.DataFrame, articles: pd.DataFrame, cues: pd.DataFrame, roles=BODY) -> pd.DataFrame:
    """The body text cut into runs of words of one voice.

    `cues` are the attributions of the same blocks (`research.attributions(articles,
    blocks)`), with actor columns or without (then `research.group_actors` adds
    them). Words are `research.framing.word_spans` of the passages of
    `roles` (default body). Returns `SPAN_COLUMNS`: `article_id`, `block_id`,
    `start`, `end` (from the first word's start to the last word's end, inside
    one block), `voice` ("direct", "reported" or "own"), `actor_group`,
    `actor` and `actor_kind` (the resolved speaker of the attribution,
    `research.group_actors`: "Lloyd Austin", "person"; "" for the outlet's own
    voice, an unattributed quote or a source no rule resolves, "he" with no
    person before it), `cue_start` (the attribution's cue, -1 for none), `words`. The spans of an
    article cover each of its body words exactly once.
    """
    if "actor_group" not in cues.columns:
        cues = group_actors(cues, articles)
    texts = articles.set_index("article_id")["text"]
    body = in_roles(passages, roles).sort_values(["article_id", "start"])
    cues_by_article = dict(tuple(cues.groupby("article_id")))
    empty = cues.iloc[:0]
    rows = []
    for article_id, article_body in body.groupby("article_id", sort=True):
        for span in _article_voices(texts[article_id], article_body, cues_by_article.get(article_id, empty)):
            rows.append((article_id, *span))
    table = pd.DataFrame(rows, columns=SPAN_COLUMNS)
    return table.astype({"start": "int64", "end": "int64", "cue_start": "int64", "words": "int64"})


def voice_shares(spans: pd.DataFrame, by: str = "outlet", articles: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each group's body words spoken by each actor group, direct and reported.

    `spans` from `voice_spans`; `by` and `articles` as in
    `research.distinctive_terms` (default: per outlet). Returns
    `SHARE_COLUMNS`: `group`, `actor_group` (including the outlet's own
    voice, so shares add up to 1 per group), `attributions` (distinct cues whose
    words count here), `direct_words`, `reported_words`, `words`, `body_words`
    (of the group), `direct_share`, `reported_share`, `share` (words /
    body_words); sorted by group, then share descending.
    """
    table = spans.assign(group=group_labels(spans, by, articles))
    table["direct_words"] = table["words"].where(table["voice"] == "direct", 0)
    table["reported_words"] = table["words"].where(table["voice"] == "reported", 0)
    table["cue"] = table["article_id"] + ":" + table["cue_start"].astype(str)
    shares = table.groupby(["group", "actor_group"]).agg(
        attributions=("cue", lambda cues: cues[~cues.str.endswith(":-1")].nunique()),
        direct_words=("direct_words", "sum"), reported_words=("reported_words", "sum"),
        words=("words", "sum")).reset_index()
    shares["body_words"] = shares.groupby("group")["words"].transform("sum")
    for column, words in (("direct_share", "direct_words"), ("reported_share", "reported_words"), ("share", "words")):
        shares[column] = shares[words] / shares["body_words"]
    shares = shares.sort_values(["group", "share", "actor_group"], ascending=[True, False, True], ignore_index=True)
    return shares[SHARE_COLUMNS]


def voice_table(shares: pd.DataFrame, top: int = 6) -> pd.DataFrame:
    """The table behind `plot_voices`: one row per group, one column per voice segment.

    The `top` actor groups by share summed over groups keep their own
    segments ("<actor group> (direct)" and "(reported)"); the others are
    summed as "other sources"; the outlet's own voice is the last column.
    Segments that are empty in every group are left out. Values are shares of
    the group's body words; each row adds up to 1.
    """
    sources = shares[shares["actor_group"] != OWN_VOICE]
    ranking = sources.groupby("actor_group")["share"].sum()
    kept = sorted(ranking.index, key=lambda name: (-ranking[name], name))[:top]
    label = sources["actor_group"].where(sources["actor_group"].isin(kept), "other sources")
    long = pd.concat([
        pd.DataFrame({"group": sources["group"], "segment": label + " (direct)", "share": sources["direct_share"]}),
        pd.DataFrame({"group": sources["group"], "segment": label + " (reported)",
                      "share": sources["reported_share"]}),
        pd.DataFrame({"group": shares["group"][shares["actor_group"] == OWN_VOICE], "segment": OWN_VOICE,
                      "share": shares["share"][shares["actor_group"] == OWN_VOICE]}),
    ])
    order = [f"{name} ({voice})" for name in [*kept, "other sources"] for voice in ("direct", "reported")]
    wide = long.pivot_table(index="group", columns="segment", values="share", aggfunc="sum", fill_value=0.0)
    wide = wide.reindex(columns=[*order, OWN_VOICE], fill_value=0.0).sort_index()
    return wide.loc[:, (wide.sum() > 0) | (wide.columns == OWN_VOICE)]


def voice_of(table: pd.DataFrame, spans: pd.DataFrame) -> pd.DataFrame:
    """`table` (with `article_id`, `start`) with the `voice` and `actor_group` of the span holding
    each row's `start` (e.g. markers: is a loaded word the outlet's or a quoted source's?).

    Rows outside every span (not in body words) get empty values.
    """
    if table.empty or spans.empty:
        return table.assign(voice="", actor_group="")
    keys = spans.sort_values("start")[["article_id", "start", "end", "voice", "actor_group"]].rename(
        columns={"start": "span_start", "end": "span_end"}).astype({"article_id": object, "span_start": "int64"})
    ordered = table.reset_index(drop=True).assign(_row=lambda t: np.arange(len(t))).astype(
        {"article_id": object, "start": "int64"}).sort_values("start")
    merged = pd.merge_asof(ordered, keys, left_on="start", right_on="span_start", by="article_id")
    outside = ~(merged["start"] < merged["span_end"])
    merged.loc[outside, ["voice", "actor_group"]] = ""
    merged = merged.sort_values("_row").drop(columns=["_row", "span_start", "span_end"])
    merged[["voice", "actor_group"]] = merged[["voice", "actor_group"]].fillna("")
    return merged.set_index(table.index)


SPEAKER_COLUMNS = ["speaker", "speaker_kind", "speaker_group", "speaker_share"]
# Who is shown as a sentence's speaker (`speaker_of`), chosen on PolNeAR dev's gold attributions (docs/evaluation.md,
# "Speakers shown with findings"; benchmarks/evaluate_speakers.py): a resolved person or organisation (a government
# named by a capital or a description, "Seoul", "the administration", was the wrong speaker about half the time),
# whose words fill at least MIN_SPEAKER_SHARE of the sentence's characters (below, the sentence is mostly the
# outlet's own), and whose name (its last word) is in the sentence or one of the SPEAKER_WITHIN sentences before it
# in its article (a "he" resolved to a person named further back was often someone else).
SPEAKER_KINDS = ("person", "organisation", "agency", "media")
MIN_SPEAKER_SHARE = 0.5
SPEAKER_WITHIN = 2


def _named_near(name: str, texts: list[str]) -> bool:
    last = name.split()[-1] if name.split() else ""
    pattern = re.compile(r"(?<![\w’'-])" + re.escape(last) + r"(?![\w’'-])")
    return bool(last) and any(pattern.search(text) for text in texts)


def speaker_of(table: pd.DataFrame, spans: pd.DataFrame, passages: pd.DataFrame | None = None,
               kinds: tuple[str, ...] | None = SPEAKER_KINDS, min_share: float = MIN_SPEAKER_SHARE,
               within: int | None = SPEAKER_WITHIN) -> pd.DataFrame:
    """`table` (rows with `article_id`, `start`, `end`: a sentence of an article) with who speaks in it, read off
    the voice `spans` (`voice_spans`) that overlap [start, end): the attributed actor whose words fill most of
    its characters.

    Adds `SPEAKER_COLUMNS`: `speaker` (that actor's resolved name, `actor` of the spans: "Lloyd Austin",
    "NATO"), `speaker_kind` (its `actor_kind`), `speaker_group` (its `actor_group`) and `speaker_share` (the
    share of the sentence's characters in its words). A speaker is given only when it is reliable enough to
    show beside a finding: its kind is one of `kinds` (None: any resolved kind), its words fill at least
    `min_share` of the sentence, and, with `within` and `passages` (the `split_passages` table the spans were
    cut from), its name (last word) is in the sentence or in one of the `within` sentences before it in its
    article, as the attribution resolved it ("“...,” he said" after the sentence naming him). Otherwise all ""
    (share NaN): the outlet's own voice, an unattributed quotation, a speaker not resolved to a name ("he" with
    no person before it, "sources", "the Republican lawmaker" when no such person is named), and a row without
    offsets (NA `start`). The spans are read as given: nothing is attributed again.
    """
    empty = {"speaker": "", "speaker_kind": "", "speaker_group": "", "speaker_share": np.nan}
    if table.empty or spans.empty:
        out = pd.DataFrame([empty] * len(table), index=table.index, columns=SPEAKER_COLUMNS)
        return table.assign(**{c: out[c].astype(float if c == "speaker_share" else object) for c in SPEAKER_COLUMNS})
    by_article = {key: rows for key, rows in spans.groupby("article_id", sort=False)}
    sentences = {} if passages is None or within is None else {
        key: (rows["start"].to_numpy(), rows["end"].to_numpy(), rows["text"].tolist())
        for key, rows in passages.sort_values(["article_id", "start"], kind="stable").groupby("article_id")}
    values = []
    for article_id, start, end in zip(table["article_id"], table["start"], table["end"]):
        rows = by_article.get(article_id)
        if rows is None or pd.isna(start) or pd.isna(end):
            values.append(empty)
            continue
        start, end = int(start), int(end)
        overlap = np.minimum(rows["end"].to_numpy(), end) - np.maximum(rows["start"].to_numpy(), start)
        inside = rows.assign(chars=overlap)[overlap > 0]
        voiced = inside[inside["voice"] != "own"]
        if voiced.empty:
            values.append(empty)
            continue
        heard = voiced.groupby(["actor", "actor_kind", "actor_group"], sort=False)["chars"].sum()
        (actor, kind, group), chars = max(heard.items(), key=lambda item: item[1])  # the first of the largest
        share = float(chars / max(end - start, 1))
        reliable = (actor and group not in (UNATTRIBUTED_QUOTE, UNNAMED_SOURCE) and kind not in UNRESOLVED_KINDS
                    and (kinds is None or kind in kinds) and share >= min_share)
        if reliable and article_id in sentences:
            starts, ends, texts = sentences[article_id]
            first = int(np.searchsorted(ends, start, side="right"))  # the first sentence ending after `start`
            last = int(np.searchsorted(starts, end, side="left"))
            reliable = _named_near(actor, texts[max(0, first - within):last])
        values.append({"speaker": actor, "speaker_kind": kind, "speaker_group": group, "speaker_share": share}
                      if reliable else empty)
    out = pd.DataFrame(values, index=table.index, columns=SPEAKER_COLUMNS)
    return table.assign(**{c: out[c].astype(float if c == "speaker_share" else object) for c in SPEAKER_COLUMNS})
