"""Coverage: which story elements each outlet carried, how prominently, what it left out, what it led with.

Everything is counted per outlet (an event may hold two articles of one
outlet: an element is covered when either carries it, its first mention is the
earliest of the two). Positions are read on the body paragraphs of each
article (blocks of role `body`, numbered from 1 in reading order): the
paragraph of the first mention, and the share of the article's body words
that come before it (0 = the first word). The lede is the first `LEDE_PARAGRAPHS`
body paragraphs.

For an element an outlet does not carry, `coverage` compares every sentence of
the outlet with every sentence of the element (`research.story.elements.element_scores`)
and keeps the closest. `omissions` states an exclusive or an omission only when
that closest sentence scores below `LOOSE_THRESHOLD`, looser than the element
threshold: a fact told in other words that did not join the element is neither
"only" one outlet's nor "left out" by another. An outlet whose text is a
truncated excerpt (a passage marked `truncated`, or an article marked
`excerpt`, as every AllSides text is) has the element "not in the excerpt",
not "left out".

A page may carry several stories (a live blog, a news roundup saved as one
page): grouped into an event for one of them, its passages on the others
would read as exclusives. `coverage` measures how much each passage's
neighbourhood (`TOPIC_SENTENCES` sentences either side, in its article) is
about the event: its similarity to the other outlets' texts, as a share of the
best such similarity of any neighbourhood of its article (`topicality`, 1 for
the part of the article closest to the other outlets; on an excerpt, shorter
than a neighbourhood, every passage scores 1). An "only" finding needs
`MIN_TOPICALITY`. An element one outlet tells in two of its articles may be
two facts joined by a shared word: "only" then needs the sentences to be told
in similar words (`cohesion` at least `MIN_ONLY_COHESION`), as an omission does.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from sklearn.base import clone

from research.errors import AnalysisError
from research.framing.voices import speaker_of
from research.reuse.similarity import TextVectorizer
from research.story import pieces
from research.story.elements import ELEMENT_SCORER, StoryElements, element_scores
from research.text.tokens import WORD

LEDE_PARAGRAPHS = 3
# An outlet's closest sentence must score below this for an element to be stated "only" another
# outlet's or "left out" by it; chosen on half of the AllSides roundups (docs/evaluation.md, "Story elements").
LOOSE_THRESHOLD = 0.06
# An element every outlet but one tells in similar words (cohesion at least MIN_COHESION) is also "left out" when
# the one outlet's closest sentence comes no closer than chance: the CHANCE_QUANTILE quantile of how close that
# outlet comes to the elements another outlet alone carries (at least MIN_CHANCE_ELEMENTS of them). On a full
# article, with many sentences, chance comes closer than on an excerpt. Chosen on half of the AllSides roundups
# and of the BASIL events with the seeds (docs/evaluation.md, "Story elements").
MIN_COHESION = 0.4
CHANCE_QUANTILE = 0.75
MIN_CHANCE_ELEMENTS = 3
# An element every outlet but one carries is "left out" only when its carriers tell it in words this close
# (`cohesion`, the mean score of its pairs): below, two facts were joined by a shared figure or a few words
# ("$1.2 trillion"; "I think"). Chosen on the findings judged by reading, rounds 1-5 (docs/evaluation.md).
MIN_OMISSION_COHESION = 0.3
# The same holds for an element one outlet alone carries in two of its articles: joined by a shared word ("fever":
# a father's "He had a fever of 102" on one page, a spam email's list of symptoms on another), its sentences may be
# two facts. An "only" element of two articles or more needs `cohesion` at least this (rounds 1-6 of the findings
# judged by reading: it removes 1 wrong and no right one; benchmarks/element_rules.py).
MIN_ONLY_COHESION = MIN_OMISSION_COHESION
# The kinds of fact (`research.story.facts.FACT_KINDS`) an outlet is held to carrying alone or leaving out: those
# whose judged findings reached the goal of 90% right, a figure or someone's quoted words, which a reader can check
# in the other texts; a date or a named actor doing something is too often the same fact in other words, or a
# writer's comment. Chosen on the findings judged by reading, rounds 1-5 (benchmarks/element_rules.py).
FINDING_FACTS = ("figure", "quotation")
# An element whose label has fewer words is a fragment ("Passage …", a quotation cut off): no finding.
MIN_FINDING_WORDS = 5
# A label starting so is the tail of a sentence split at an abbreviation ("), Susan Collins (Maine)").
FRAGMENT = re.compile(r"^[a-z)\]}…,;:.]")
# The neighbourhood of a passage whose topicality is measured: this many sentences either side, about a short news
# story (21 sentences); an "only" finding needs its passage's topicality at least MIN_TOPICALITY. Chosen on the
# findings judged by reading, rounds 1-6, and the choose halves: the largest value that removes none of their
# findings judged right or agreeing with the known elements (benchmarks/element_rules.py).
TOPIC_SENTENCES = 10
MIN_TOPICALITY = 0.4
KINDS = ("left out", "not in the excerpt", "only")
COVERAGE_COLUMNS = ["outlet", "genre", "element_id", "label", "fact", "n_outlets", "cohesion", "covered", "n_passages", "first_paragraph",
                    "first_position", "word_share", "in_lede", "article_id", "start", "end", "sentence_before",
                    "speaker", "speaker_kind", "leans",
                    "head_element_id", "unit_position", "cut_off", "excerpt",
                    "topicality", "nearest_similarity", "nearest_passage_id", "nearest_text"]
OMISSION_COLUMNS = ["kind", "outlet", "genre", "element_id", "label", "fact", "speaker", "speaker_kind", "n_outlets",
                    "cohesion", "topicality",
                    "outlets_with_it_in_lede", "median_first_paragraph", "nearest_outlet", "nearest_similarity",
                    "chance_similarity", "nearest_passage_id", "nearest_text"]
LEDE_COLUMNS = ["outlet", "article_id", "paragraph", "start", "end", "element_ids", "shared_element_ids", "text"]


def _located(found: StoryElements, passages: pd.DataFrame) -> pd.DataFrame:
    """The element passages with their body paragraph number, words, words of the body before them, the
    sentence before them in their paragraph ("" for a paragraph's first), how they lean on it and the passage
    of their unit's head (`research.story.pieces.units`)."""
    body = passages[passages["role"] == "body"].sort_values(["article_id", "start"], kind="stable")
    body = body.assign(words=[len(WORD.findall(text)) for text in body["text"]],
                       sentence_before=body.groupby(["article_id", "block_id"])["text"].shift(1).fillna(""))
    first_start = body.groupby(["article_id", "block_id"])["start"].transform("min")
    body["paragraph"] = (body.assign(first=first_start).groupby("article_id")["first"]
                         .rank(method="dense").astype("int64"))
    body["words_before"] = body.groupby("article_id")["words"].cumsum() - body["words"]
    body["body_words"] = body.groupby("article_id")["words"].transform("sum")
    if "truncated" not in body:
        body = body.assign(truncated=False)
    body = body.join(pieces.units(body), on="passage_id")
    located = found.passages.merge(body[["passage_id", "paragraph", "words", "words_before", "body_words",
                                         "sentence_before", "leans", "head_passage_id", "unit_position",
                                         "truncated"]], on="passage_id", how="left", validate="one_to_one")
    missing = located["paragraph"].isna()
    if missing.any():
        raise AnalysisError(f"passage {located.loc[missing, 'passage_id'].iloc[0]!r} of the elements is not a "
                            "body passage of `passages`: pass the table that was clustered")
    return located


def _nearest(found: StoryElements, table: pd.DataFrame, vectorizer: TextVectorizer | None) -> pd.DataFrame:
    """For each row of `table` not covered: the outlet's sentence closest to the element (highest
    `element_scores` against any of its sentences; ties to the earliest passage id)."""
    sentences = found.passages.sort_values("passage_id", kind="stable").reset_index(drop=True)
    result = pd.DataFrame({"nearest_similarity": np.nan, "nearest_passage_id": "", "nearest_text": ""},
                          index=table.index)
    wanted = table[~table["covered"]]
    if wanted.empty:
        return result
    outlet = sentences["outlet"].to_numpy()
    for element_id, rows in wanted.groupby("element_id", sort=True):
        members = np.flatnonzero((sentences["element_id"] == element_id).to_numpy())
        best = element_scores(sentences, members, vectorizer).max(axis=0)
        for index, name in zip(rows.index, rows["outlet"]):
            mine = np.flatnonzero(outlet == name)
            k = mine[np.argmax(best[mine])]
            result.loc[index] = [float(best[k]), sentences["passage_id"].iloc[k], sentences["text"].iloc[k]]
    return result


def topicality(found: StoryElements, vectorizer: TextVectorizer | None = None,
               sentences: int = TOPIC_SENTENCES) -> pd.Series:
    """Passage id -> how much the passage's neighbourhood is about the event (module docstring): the
    similarity of its text with the `sentences` sentences either side in its article to the closest other
    outlet's text (all its sentences), over the best of any neighbourhood of the article; NaN with one
    outlet. `vectorizer`: the scorer of `cluster_passages` (default `ELEMENT_SCORER`, fitted on the
    passages)."""
    table = found.passages.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    result = pd.Series(np.nan, index=table["passage_id"].to_numpy(), dtype=float)
    outlets = sorted(table["outlet"].unique())
    if len(outlets) < 2:
        return result
    vectorizer = vectorizer or TextVectorizer(**ELEMENT_SCORER)
    if not hasattr(vectorizer, "blocks_"):
        vectorizer = clone(vectorizer).fit(table.sort_values("passage_id", kind="stable")["text"])
    texts = vectorizer.transform([" ".join(table.loc[table["outlet"] == o, "text"]) for o in outlets])
    for _, rows in table.groupby("article_id", sort=False):
        words = rows["text"].tolist()
        near = [" ".join(words[max(0, k - sentences):k + sentences + 1]) for k in range(len(words))]
        others = [j for j, name in enumerate(outlets) if name != rows["outlet"].iloc[0]]
        score = (vectorizer.transform(near) @ texts[others].T).toarray().max(axis=1)
        result.loc[rows["passage_id"].to_numpy()] = score / score.max() if score.max() > 0 else 1.0
    return result


def _speakers(found: StoryElements, table: pd.DataFrame, passages: pd.DataFrame,
              voices: pd.DataFrame | None) -> pd.DataFrame:
    """`speaker` and `speaker_kind` of each `coverage` row (see there), from the voice spans."""
    if voices is None:
        return pd.DataFrame({"speaker": "", "speaker_kind": ""}, index=table.index)
    shown = found.elements.set_index("element_id")
    missing = ~table["covered"]
    rows = pd.DataFrame({
        "article_id": table["article_id"].where(~missing, table["element_id"].map(shown["representative_article_id"])),
        "start": table["start"].astype(float).where(~missing, table["element_id"].map(shown["representative_start"])),
        "end": table["end"].astype(float).where(~missing, table["element_id"].map(shown["representative_end"]))})
    said = speaker_of(rows, voices, passages)
    return said[["speaker", "speaker_kind"]]


def coverage(found: StoryElements, passages: pd.DataFrame, lede_paragraphs: int = LEDE_PARAGRAPHS,
             vectorizer: TextVectorizer | None = None, voices: pd.DataFrame | None = None) -> pd.DataFrame:
    """The outlet x element table: whether each outlet carried each element, where and how much.

    `found`: the result of `cluster_passages`; `passages`: the passages table it
    was given (`split_passages` rows, with `block_id`, `role` and `truncated`);
    `vectorizer`: the scorer given to `cluster_passages`, if any; `voices`: the
    voice spans of the same passages (`research.voice_spans`), for `speaker`.

    One row per outlet and element, sorted by outlet then element id:
    `outlet`, `element_id`, `label`, `n_outlets` (outlets carrying it),
    `covered` (bool), `n_passages` (the outlet's passages in it),
    `first_paragraph` (body paragraph of the first mention, from 1; NA when not
    covered), `first_position` (share of the article's body words before the
    first mention), `word_share` (share of the outlet's body words in the
    element's passages), `in_lede` (first mention in the first
    `lede_paragraphs` paragraphs), and `article_id`, `start`, `end` of the
    first mention (offsets into the article text; empty / NA when not covered),
    `sentence_before` (the sentence before the first mention in its paragraph, which a sentence that goes on
    with a quotation or leans on a name said before needs to be read; when not covered, the sentence before
    the element's representative sentence, which "left out" shows; "" for a paragraph's first sentence), `speaker` and `speaker_kind` (who speaks in the sentence a finding shows: the first
    mention when covered, else the element's representative sentence, which "left out" shows; the actor
    whose words fill it, resolved to a name, `research.framing.voices.speaker_of` with its settings: "" when the
    sentence is the outlet's own voice, its speaker is not resolved to a name, or without `voices`), `leans` (how that first mention leans on the sentence before it, one of
    `research.story.pieces.LEANS`, "" when it does not or when not covered), `head_element_id` (the element of the
    head of its unit, the sentence it leans on, through any sentences between that lean too: "" when it does not
    lean), `unit_position` (its place in its unit: 0 for the head, 1 for the sentence right after it, and so
    on; 0 when not covered), `cut_off` (every one of the outlet's sentences in the element is cut off
    by a feed: `truncated`), `excerpt` (the outlet's text is cut off: one of its passages is
    `truncated`, or its article is an `excerpt`, `cluster_passages`), `topicality` (the highest `topicality`
    of the outlet's passages in the element; NaN when not covered), and for an element the outlet does not carry, its sentence
    closest to it: `nearest_similarity` (the highest score between one of the
    outlet's sentences and one of the element's, `element_scores`),
    `nearest_passage_id`, `nearest_text` (NaN / "" when covered).
    """
    located = _located(found, passages)
    outlet_words = located.drop_duplicates("article_id").groupby("outlet")["body_words"].sum()
    located["position"] = located["words_before"] / located["body_words"].clip(lower=1)
    first = located.sort_values(["outlet", "element_id", "paragraph", "position", "article_id"], kind="stable") \
        .drop_duplicates(["outlet", "element_id"]).set_index(["outlet", "element_id"])
    per = located.groupby(["outlet", "element_id"]).agg(n_passages=("passage_id", "size"), words=("words", "sum"),
                                                        cut_off=("truncated", "all"))
    grid = pd.MultiIndex.from_product([sorted(located["outlet"].unique()), sorted(found.elements["element_id"])],
                                      names=["outlet", "element_id"])
    first = first.assign(head_element_id=first["head_passage_id"].map(
        found.passages.set_index("passage_id")["element_id"]).where(first["leans"] != "", ""))
    table = per.reindex(grid).join(first[["paragraph", "position", "article_id", "start", "end", "sentence_before",
                                          "leans", "head_element_id", "unit_position"]])
    table = table.reset_index()
    table["covered"] = table["n_passages"].notna()
    table["cut_off"] = table["cut_off"].fillna(False).astype(bool)
    table["n_passages"] = table["n_passages"].fillna(0).astype("int64")
    table["word_share"] = (table["words"].fillna(0) / table["outlet"].map(outlet_words).clip(lower=1)).astype(float)
    table["first_paragraph"] = table["paragraph"].astype("Int64")
    table["first_position"] = table["position"].astype(float)
    table["in_lede"] = (table["first_paragraph"] <= lede_paragraphs).fillna(False).astype(bool)
    table["article_id"] = table["article_id"].fillna("")
    table["sentence_before"] = table["sentence_before"].fillna("")
    shown = found.elements.set_index("element_id")
    before_shown = located.drop_duplicates(["article_id", "start"]).set_index(["article_id", "start"])["sentence_before"]
    missing = ~table["covered"]
    table.loc[missing, "sentence_before"] = [  # what a "left out" shows: the representative sentence's
        before_shown.get((shown.at[e, "representative_article_id"], shown.at[e, "representative_start"]), "")
        for e in table.loc[missing, "element_id"]]
    table[["leans", "head_element_id"]] = table[["leans", "head_element_id"]].fillna("")
    table["unit_position"] = table["unit_position"].fillna(0).astype("int64")
    table[["start", "end"]] = table[["start", "end"]].astype("Int64")
    elements = found.elements.set_index("element_id")
    table["label"] = table["element_id"].map(elements["label"])
    table["fact"] = table["element_id"].map(elements["fact"]).fillna("")
    table["cohesion"] = table["element_id"].map(elements["cohesion"]).astype(float)
    genres = found.passages.groupby("outlet")["genre"].agg(lambda g: "; ".join(sorted(set(filter(None, g)))))
    table["genre"] = table["outlet"].map(genres).fillna("")
    table["n_outlets"] = table["element_id"].map(elements["n_outlets"]).astype("int64")
    cut = passages.get("truncated", pd.Series(False, index=passages.index)).fillna(False).astype(bool)
    cut_articles = set(passages.loc[cut, "article_id"])
    if "excerpt" in found.passages:
        cut_articles |= set(found.passages.loc[found.passages["excerpt"].astype(bool), "article_id"])
    outlet_of = found.passages.drop_duplicates("article_id").set_index("article_id")["outlet"]
    table["excerpt"] = table["outlet"].isin(set(outlet_of[outlet_of.index.isin(cut_articles)]))
    topical = located.assign(topicality=located["passage_id"].map(topicality(found, vectorizer)))
    table = table.join(topical.groupby(["outlet", "element_id"])["topicality"].max(), on=["outlet", "element_id"])
    table = table.join(_nearest(found, table, vectorizer))
    table = table.join(_speakers(found, table, passages, voices))
    return table[COVERAGE_COLUMNS]


def chance_similarity(table: pd.DataFrame, quantile: float = CHANCE_QUANTILE) -> pd.Series:
    """Per outlet, how close its closest sentence comes by chance to an element it does not carry: the
    `quantile` quantile of its `nearest_similarity` to the elements one other outlet carries alone (NaN with
    fewer than `MIN_CHANCE_ELEMENTS` of them). `table`: the result of `coverage`."""
    alone = table[~table["covered"] & (table["n_outlets"] == 1)].groupby("outlet")["nearest_similarity"]
    chance = alone.quantile(quantile).where(alone.size() >= MIN_CHANCE_ELEMENTS)
    return chance.reindex(sorted(table["outlet"].unique())).astype(float)


def omissions(table: pd.DataFrame, loose: float = LOOSE_THRESHOLD, min_words: int = MIN_FINDING_WORDS,
              min_cohesion: float = MIN_COHESION, chance_quantile: float = CHANCE_QUANTILE,
              min_omission_cohesion: float = MIN_OMISSION_COHESION,
              finding_facts: tuple[str, ...] | None = FINDING_FACTS,
              min_topicality: float = MIN_TOPICALITY, min_only_cohesion: float = MIN_ONLY_COHESION,
              own_subject: bool = True, units: bool = True) -> pd.DataFrame:
    """Elements only one outlet carries, and elements every outlet but one carries, where no sentence of
    the others comes close.

    `table`: the result of `coverage`. An element that states no fact
    (`fact` empty: no figure, date, quotation or named actor doing something,
    `research.story.facts`), whose label has fewer than `min_words` words or
    starts as the tail of a sentence (`FRAGMENT`), or whose sentences are all
    cut off by a feed (`cut_off`), gives no row: it is no fact to hold an
    outlet to. Nor does an element whose `fact` is not in `finding_facts`
    (a figure or a quotation; None: every kind of fact): a date or a named
    actor doing something was too often told by the others in other words,
    or a writer's comment. Rows (`kind`, one of `KINDS`):

    - "only": one outlet carries the element (`outlet`), no sentence of
      any other outlet scores `loose` or more with it, and its passage is
      about the event (`topicality` at least `min_topicality`: not another
      story of a multi-story page); an element the outlet tells in two
      articles or more needs `cohesion` at least `min_only_cohesion`
      (sentences joined by a shared word may be two facts); with
      `own_subject`, its label names its own subject (not a piece of a
      sentence whose subject only the sentence before names:
      `research.story.pieces.counts_on_previous`, "Everyone else combined
      for 39 percent"); with `units`, it is not a later piece of a unit
      (`unit_position` 2 or more, `research.story.pieces`): a reader is shown
      a finding with the sentence before it (`sentence_before`), which
      resolves a sentence that leans on its unit's head but not one that
      leans on a sentence that leans in turn ("The problem is, those views
      are wrong.", after "And he's an articulate spokesperson for Governor
      Romney's views.", after the sentence that names Obama): such a piece's
      fact is the unit's, told by its head and first piece;
    - "left out": every outlet but one carries it, and that one (`outlet`)
      has no sentence scoring `loose` or more with it, or, when the element
      is cohesive (`cohesion` at least `min_cohesion`: the others tell it in
      similar words), none closer than chance (`chance_similarity`: the
      `chance_quantile` quantile of how close the outlet comes to the elements
      another outlet carries alone; a full article, with many sentences, comes
      closer by chance than an excerpt); "not in the excerpt" when that
      outlet's text is a truncated excerpt (`excerpt`). With two outlets only
      "only" is given, as the two kinds coincide. Both omission kinds need
      `cohesion` at least `min_omission_cohesion`: an element whose carriers
      share only a figure or a few words may be two facts, and neither is
      missing from the outlet.

    What the rows rest on is wording: no sentence of the others says it in
    similar words. A fact told in other words ("It was 29 days old" / "went
    live less than a month earlier") is missed, so a row is a lead to check,
    worded so ("no other outlet tells this in similar words").

    Columns: `kind`, `outlet`, `genre` (the outlet's `genre`: an opinion
    piece is not a news report, so what it leaves out is its choice of
    argument), `element_id`, `label`, `fact` (what makes the element a fact:
    figure, date, quotation, named actor), `speaker` and `speaker_kind` (who
    speaks in the sentence the finding shows, `coverage`'s: the outlet's
    sentence for "only", the element's representative for an omission; ""
    when none is resolved), `n_outlets`,
    `cohesion` (the element's), `topicality` (of the outlet's passages in
    the element, for "only"; NaN for an omission), `outlets_with_it_in_lede`,
    `median_first_paragraph` (among the carriers), and the closest sentence
    of an outlet without the element: `nearest_outlet`,
    `nearest_similarity`, `chance_similarity` (that outlet's chance level),
    `nearest_passage_id`, `nearest_text`; empty with fewer than two outlets
    (nothing to compare with). Sorted by kind (`KINDS` order), outlet, how many carriers
    have it in their lede (most first), then element id. A fact is never both
    "only" one outlet's and "left out" by another: either the closest
    sentence scores `loose` or more and neither is said, or it does not and
    the two sentences are not the same fact.
    """
    outlets = table["outlet"].nunique()
    if outlets < 2:  # nothing to compare with
        return pd.DataFrame({c: pd.Series(dtype="int64" if c in ("n_outlets", "outlets_with_it_in_lede") else
                                          "float64" if c in ("median_first_paragraph", "nearest_similarity",
                                                             "chance_similarity", "cohesion", "topicality")
                                          else object) for c in OMISSION_COLUMNS})
    fact = pd.Series([len(WORD.findall(label)) >= min_words and not FRAGMENT.match(label)
                      for label in table["label"].fillna("")], index=table.index) & (table["fact"] != "")
    whole = table.assign(told=table["covered"] & ~table["cut_off"]).groupby("element_id")["told"].transform("any")
    whole_table, table = table, table[fact & whole]
    carried = table[table["covered"]]
    stats = carried.groupby("element_id").agg(outlets_with_it_in_lede=("in_lede", "sum"),
                                              median_first_paragraph=("first_paragraph", "median"))
    missing = table[~table["covered"]].sort_values(["element_id", "nearest_similarity", "outlet"],
                                                   ascending=[True, False, True], kind="stable")
    closest = missing.drop_duplicates("element_id").set_index("element_id")
    near = ["nearest_similarity", "nearest_passage_id", "nearest_text"]
    only = carried[carried["n_outlets"] == 1].drop(columns=near).join(
        closest[["outlet", *near]].rename(columns={"outlet": "nearest_outlet"}), on="element_id")
    only["chance_similarity"] = only["nearest_outlet"].map(chance_similarity(whole_table, chance_quantile))
    only = only[(only["nearest_similarity"] < loose) & ~(only["topicality"] < min_topicality)
                & ~(only["cohesion"] < min_only_cohesion)].assign(kind="only")  # NaN cohesion: one article
    if own_subject:
        only = only[~only["label"].map(pieces.counts_on_previous).astype(bool)]
    if units:
        only = only[only["unit_position"] < 2]
    missing = missing.assign(chance_similarity=missing["outlet"].map(chance_similarity(whole_table, chance_quantile)))
    below = (missing["nearest_similarity"] < loose) | (
        (missing["cohesion"] >= min_cohesion) & (missing["nearest_similarity"] < missing["chance_similarity"]))
    cohesive = missing["cohesion"] >= min_omission_cohesion
    left = missing[(missing["n_outlets"] == outlets - 1) & below & cohesive] if outlets >= 3 else missing.iloc[:0]
    left = left.assign(kind=np.where(left["excerpt"], "not in the excerpt", "left out"),
                       nearest_outlet=left["outlet"])
    rows = pd.concat([left, only], ignore_index=True).join(stats, on="element_id")
    if finding_facts is not None:
        rows = rows[rows["fact"].isin(finding_facts)]
    rows["outlets_with_it_in_lede"] = rows["outlets_with_it_in_lede"].fillna(0).astype("int64")
    rows["median_first_paragraph"] = rows["median_first_paragraph"].astype(float)
    floats = ["nearest_similarity", "chance_similarity", "topicality"]
    rows[floats] = rows[floats].astype(float)
    rows["order"] = rows["kind"].map({kind: k for k, kind in enumerate(KINDS)})
    rows = rows.sort_values(["order", "outlet", "outlets_with_it_in_lede", "element_id"],
                            ascending=[True, True, False, True], kind="stable", ignore_index=True)
    return rows[OMISSION_COLUMNS]


def ledes(found: StoryElements, passages: pd.DataFrame, articles: pd.DataFrame,
          lede_paragraphs: int = LEDE_PARAGRAPHS) -> pd.DataFrame:
    """What each article puts in its first `lede_paragraphs` body paragraphs, with the elements they carry.

    `found`: the result of `cluster_passages`; `passages`: the passages table it
    was given; `articles`: the articles table (for the paragraph text).

    One row per lede paragraph, sorted by outlet, article and paragraph:
    `outlet`, `article_id`, `paragraph` (from 1), `start`, `end` (the
    paragraph's offsets into the article text), `element_ids` (the elements
    of its sentences in reading order, "; "-separated), `shared_element_ids`
    (those carried by two outlets or more), `text`.
    """
    located = _located(found, passages)
    lede = located[located["paragraph"] <= lede_paragraphs].sort_values(["article_id", "start"], kind="stable")
    shared = set(found.elements.loc[found.elements["n_outlets"] > 1, "element_id"])
    texts = articles.assign(article_id=articles["article_id"].astype(str)).set_index("article_id")["text"]

    def joined(ids) -> str:
        return "; ".join(dict.fromkeys(ids))

    rows = lede.groupby(["outlet", "article_id", "paragraph"], sort=True).agg(
        start=("start", "min"), end=("end", "max"), element_ids=("element_id", joined),
        shared_element_ids=("element_id", lambda ids: joined(i for i in ids if i in shared))).reset_index()
    rows["text"] = [texts[a][s:e] for a, s, e in zip(rows["article_id"], rows["start"], rows["end"])]
    rows["paragraph"] = rows["paragraph"].astype("int64")
    return rows[LEDE_COLUMNS]


def outlet_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: how many elements it carried and how much of its body is shared story.

    `table`: the result of `coverage`. One row per outlet (sorted):
    `outlet`, `elements` (carried), `shared` (carried by it and another
    outlet), `only` (carried by it alone), `left_out` and `not_in_excerpt`
    (the rows of `omissions` of those kinds: elements every other outlet
    carries and it has nothing close to; with three outlets or more), and the share of its body
    words in elements carried by every outlet (`words_every`), by some
    outlets including it (`words_some`), by it alone (`words_only`); the three
    add up to 1.
    """
    outlets = table["outlet"].nunique()
    kind = np.select([table["n_outlets"] == outlets, table["n_outlets"] > 1], ["every", "some"], "only")
    words = table.assign(kind=kind).pivot_table(index="outlet", columns="kind", values="word_share", aggfunc="sum")
    words = words.reindex(columns=["every", "some", "only"], fill_value=0.0).fillna(0.0).add_prefix("words_")
    carried = table[table["covered"]]
    counts = carried.groupby("outlet").agg(elements=("element_id", "size"),
                                           shared=("n_outlets", lambda n: int((n > 1).sum())),
                                           only=("n_outlets", lambda n: int((n == 1).sum())))
    left = omissions(table)
    counts["left_out"] = left[left["kind"] == "left out"].groupby("outlet").size()
    counts["not_in_excerpt"] = left[left["kind"] == "not in the excerpt"].groupby("outlet").size()
    summary = counts.reindex(sorted(table["outlet"].unique()), fill_value=0).fillna(0).astype("int64")
    return summary.join(words).rename_axis("outlet").reset_index()


def coverage_matrix(table: pd.DataFrame, min_outlets: int = 2, value: str = "first_paragraph") -> pd.DataFrame:
    """The element x outlet matrix of one `coverage` column, ordered so the pattern shows.

    `table`: the result of `coverage`. Rows: the elements carried by at least
    `min_outlets` outlets, by number of outlets (most first), then by the
    median share of the body before their first mention (earliest first), then
    id. Columns: outlets by number of these elements they carry (most first),
    then name. Values: the column `value` (default the paragraph of first
    mention; NA where the outlet does not carry the element).
    """
    shown = table[table["n_outlets"] >= min_outlets]
    carried = shown[shown["covered"]]
    rows = carried.groupby("element_id").agg(n=("n_outlets", "first"), position=("first_position", "median"))
    rows = rows.reset_index().sort_values(["n", "position", "element_id"], ascending=[False, True, True])
    columns = carried.groupby("outlet").size().rename("n").reset_index()
    columns = columns.sort_values(["n", "outlet"], ascending=[False, True])
    matrix = shown.pivot(index="element_id", columns="outlet", values=value)
    return matrix.reindex(index=rows["element_id"], columns=columns["outlet"])
