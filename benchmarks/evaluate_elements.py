"""Check story elements and omissions on AllSides feed excerpts and on the seeds.

    python benchmarks/evaluate_elements.py ../shared/data [--sample 40]

Story elements known by hand: for 70 AllSides roundups (`allsides_dev`, feed
excerpts; 40 of the choose half, 30 of the report half, a seeded sample of
each) every group of sentences of different outlets that state the same fact
(`allsides_elements.jsonl`, passages named by their `split_passages` id
without the roundup id); for the seeds, `SEED_ELEMENTS`. Every other sentence
was read as a fact of its own. Groupings are scored with B-cubed precision and
recall over sentences of different articles (`scores`), and the findings of
`omissions` ("only X", "Y left out E") by whether the hand-known elements agree
(`correct`).

1. AllSides, choice. The roundups are split into two seeded halves (`halves`).
   On the choose half's known elements, every scorer variant, bonus for a
   shared figure or date and average-link threshold is scored (B-cubed F1);
   among the settings within 0.01 of the best F1, those without a character
   block (fast at scale) are kept, and among them the one that keeps the most
   findings at `TARGET_PRECISION`. The loose threshold is then the largest grid
   value at which the choose half's "only" and "left out" findings reach
   `TARGET_PRECISION` together.
2. AllSides, report: the package defaults (`cluster_passages`, `coverage`,
   `omissions`) on the report half: B-cubed and finding precision on its 30
   known roundups, the findings of all its roundups by kind, and the findings
   judged by reading (`judged_elements.jsonl`: precision per round, per kind
   of text and of finding, and whether the package still states each).
   `--sample N` prints N findings of the report half not judged yet, drawn
   with a seed, to judge; `--sample-full N` the same for the BASIL report
   half and the seeds; `--sample-unused N` the same for the events of the
   choose halves without known elements, which no choice used.
   `--sample-fresh N` prints, for each fresh pool (benchmarks/element_pools.py:
   Timeline17 and PolNeAR events grouped by `research.cluster_articles`, as
   full articles and cut as feed excerpts, BASIL events cut as feed excerpts,
   the AllSides choose half's roundups with known elements, with
   `--polnear-train FOLDER` PolNeAR's train split, and with `--polnear-test
   FOLDER` its test split, kept for blind rounds, with `--allsides-articles
   FOLDER` the AllSides bias corpus's full articles of fixed windows
   (`ALLSIDES_ARTICLES_WINDOWS`, one per blind round), all outside the project),
   N findings of the package defaults not judged yet, on events no rule was
   chosen on. The table of the fresh pools' findings by kind ends with the
   row "not judged yet": what `--sample-fresh` can still draw from each.
3. Seeds: the seed elements known by hand split into two seeded halves; the
   threshold is chosen on one (best B-cubed F1, the package's scorer and bonus)
   and reported on the other, both ways; then the package defaults on all.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
from element_pools import FRESH_TEXT, SEED, fresh_pools, of_event, package_findings

import research
from research.corpus import datasets
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer
from research.story.coverage import (
    CHANCE_QUANTILE,
    KINDS,
    LOOSE_THRESHOLD,
    MIN_COHESION,
    coverage,
    omissions,
)
from research.story.elements import (
    ANCHOR_BONUS,
    ELEMENT_SCORER,
    ELEMENT_THRESHOLD,
    cluster_passages,
    sentence_anchors,
    share_anchor,
)
from research.story.events import FLOOR_SHARE

# Story elements of the seeds known by hand: element -> passages carrying it, each named by a piece of its
# text (whitespace as a plain space). A passage may carry two elements (a sentence with two facts).
SEED_ELEMENTS = {
    "Austin: what they are doing is left to be seen": [
        "What exactly they’re doing — left to be seen",
        "What exactly they're doing is left to be seen",
        "What exactly they are doing?",
        "Left to be seen,” Austin said",
        "What exactly are they doing?",
        "Left to be seen.",
    ],
    "Austin: evidence of North Korean troops in Russia, the first US confirmation": [
        "said Wednesday there is evidence that North Korea",
        "“We are seeing evidence that there are North Korean",
        "The U.S. had not previously formally confirmed",
        "North Korea has sent troops to Russia, the United States said",
        "There is evidence of DPRK troops in Russia",
        "Austin confirmed North Korea has sent",
        "Austin confirmed on Wednesday that North Korea has sent",
        "Austin III confirmed on Wednesday",
        "said the evidence is now clear that thousands",
        "were the first official confirmation from the Biden",
        "“There is evidence that there are [North Korean] troops in Russia.",
    ],
    "Austin: very serious if they join the war": [
        "calling it a “very, very serious issue”",
        "He added: “If they’re co-belligerents",
        "It's a \"serious issue,\" he said",
        "would pose serious consequences for both Europe",
        "He warned that if North Korean soldiers join",
        "Mr. Austin called the North’s presence a “very serious”",
        "it would be “very, very serious” if the North Korean",
    ],
    "South Korean intelligence: 3,000 troops in Russia, training": [
        "told lawmakers that 3,000 North Korean troops are now in Russia",
        "South Korea reports 3,000 North Korean soldiers",
        "3,000 North Korean soldiers are currently in Russia",
        "North Korea had sent 3,000 troops to Russia out of",
        "bringing the total to 3,000",
        "confirmed South Korean intelligence reports that at least 3,000",
    ],
    "South Korean intelligence: 10,000 troops by December": [
        "aims to deploy a total of 10,000 troops",
        "plans to send a total of 10,000 troops",
        "aims to send a total of 10,000 troops",
        "North Korea had sent 3,000 troops to Russia out of",
    ],
    "South Korean intelligence first reported 1,500 special forces": [
        "had taken 1,500 North Korean special warfare troops",
        "That is twice the 1,500",
        "sent about 1,500 special forces soldiers",
        "first reported that 1,500 North Korean special",
        "transported some 1,500 North Korean special",
    ],
    "another 1,500 troops entered Russia": [
        "another 1,500 North Korean troops have entered",
        "another 1,500 North Korean troops had arrived",
    ],
    "Zelenskyy: 10,000 to 12,000 troops": [
        "his government had intelligence that 10,000",
        "two units of North Korean troops, with as many as 6,000",
        "had earlier disclosed that 10,000",
        "upward of 12,000 North Koreans",
        "up to 12,000 North Korean troops could",
    ],
    "June defence pact": [
        "in June they signed a major defense deal",
        "who signed a pact in June",
        "In June, North Korea and Russia signed",
        "in June signed a strategic partnership",
    ],
    "North Korea's army of 1.2 million": [
        "North Korea has 1.2 million troops",
        "around 1.2 million military personnel",
        "standing army of 1.2 million",
    ],
    "no war fought since the Korean War": [
        "hasn’t fought in large-scale conflicts since the 1950-53",
        "first direct involvement in a conflict since the 1950-53",
        "have not been involved in large-scale conflicts since the Korean War",
        "first large-scale overseas mission",
    ],
    "13,000 containers of arms": [
        "more than 13,000 containers",
        "over 13,000 containers",
    ],
    "NATO's Rutte: a significant escalation": [
        "NATO Secretary General Mark Rutte",
        "NATO Secretary-General Mark Rutte",
    ],
    "Budanov: troops to arrive in Kursk": [
        "Kyrylo Budanov, told the online",
        "Kyrylo Budanov, the head of Ukraine's",
        "Directorate confirmed that North Korean troops would arrive",
    ],
    "South Korea considers arming Ukraine": [
        "would consider supplying weapons to Ukraine",
        "now says it is considering providing defensive weapons",
        "South Korea considers arming Ukraine",
        "officials are considering sending weapons to Ukraine",
    ],
    "South Korea has given Ukraine aid but no arms": [
        "It has shipped humanitarian and financial support",
        "which has so far provided only nonlethal aid",
        "South Korea has previously provided humanitarian aid",
    ],
    "Russia and North Korea deny": [
        "Russia and North Korea have denied the troop movements",
        "dismissed the accusations as \"groundless rumors\"",
        "Russia has earlier denied earlier reports",
        "Both Moscow and Pyongyang have dismissed reports",
    ],
    "Kremlin: the cooperation is not directed against others": [
        "The Kremlin says its cooperation with North Korea",
        "isn’t focused on other countries",
        "this cooperation is not directed against third countries",
    ],
    "Russian instructors on the soldiers' morale and inexperience": [
        "Russian instructors have high opinions",
        "trained by Russian instructors",
    ],
    "families of soldiers relocated": [
        "relocating family members of soldiers",
        "relocating the families of these soldiers",
    ],
    "South Korea fears Russia will reward the North with technology": [
        "worry that Russia may reward North Korea",
        "possibility that Russia could reward North Korea",
        "particularly worried that any technological assistance",
        "in exchange for key military technology",
    ],
    "security jitters in South Korea": [
        "stoked security jitters",
        "stoked security fears",
    ],
    "experts doubt how much the troops would help": [
        "Experts question how much North Korean troops would help",
        "many experts remain skeptical",
        "analysts question how effective their soldiers",
        "unlikely to make much difference",
        "how well they might perform",
    ],
    "North Korea wants Russian economic support and technology": [
        "Experts say North Korea wants Russia’s economic support",
        "eager to secure Russian economic support",
    ],
    "Austin gave no details": [
        "He did not provide details, saying analysts",
        "He gave no details about the number",
        "exact role of these troops is still being assessed",
    ],
    "Russia trains the soldiers on drones and equipment": [
        "receiving training on drones and other equipment",
        "Russian military is teaching those North Korean soldiers",
        "are training on drones and equipment",
        "receiving training on drones and other military equipment",
    ],
    "South Korea and Ukraine raised the alarm": [
        "His comments came after South Korea and Ukraine sounded the alarm",
        "fueled by the Ukrainian and South Korean governments",
    ],
    "North Korea already supplies Russia with arms": [
        "after the North has provided Russia with arms",
        "Pyongyang is already supplying Moscow with badly needed",
        "backed by shipments of armaments Pyongyang has already delivered",
        "more than 13,000 containers",
        "over 13,000 containers",
    ],
    "troops at several Russian bases": [
        "have been split among multiple military bases",
        "split among several Russian military bases",
        "training at a series of Russian military bases",
        "traveled onward to multiple Russian military training",
    ],
    "no troops in battle yet": [
        "NIS believes they have yet to be deployed",
        "split among several Russian military bases",
        "No troops have yet reached Ukraine",
        "There are no North Korean soldiers, yet",
        "have still not determined whether Pyongyang’s troops have actually joined",
    ],
    "a deepening alliance between Russia and North Korea": [
        "They have sharply boosted their cooperation",
        "burgeoning alliance between Pyongyang and Moscow",
        "would solidify the growing ties",
        "signal the deepening alliance",
        "comes amid increasing military cooperation",
        "could signal a deepening alliance",
        "ties between Mr. Kim and Mr. Putin have warmed",
    ],
    "language barrier": [
        "The language barrier between Korean-speaking",
        "fellow fighters who speak a different language",
    ],
    "American estimates of the troops sent": [
        "about 2,500 North Korean troops have been dispatched",
        "the White House confirmed South Korean intelligence",
        "U.S. analysts now believe that at least 3,000",
    ],
    "troops shipped to Vladivostok": [
        "troop ships moving from North Korea to training areas in Vladivostok",
        "traveled by ship to Vladivostok",
    ],
}

HERE = Path(__file__).resolve().parent
LABELS = HERE / "allsides_elements.jsonl"
BASIL_LABELS = HERE / "basil_elements.jsonl"
JUDGED = HERE / "judged_elements.jsonl"
# Judged findings of rounds 3-10 judged again under the written judging rule (docs/evaluation.md, "The judging rule,
# written before round 12"): `rule_verdict` and `rule_reason` beside the judged row's keys.
REJUDGED = HERE / "rejudged_elements.jsonl"
ELEMENT_GRID = np.round(np.arange(0.1, 0.401, 0.025), 3)
BONUS_GRID = (0.0, 0.1, 0.2, 0.3)
LOOSE_GRID = np.round(np.arange(0.05, 0.201, 0.01), 2)
CHANCE_GRID = (0.5, 0.75, 0.9)
COHESION_GRID = (0.2, 0.25, 0.3, 0.35, 0.4)
SCORERS = {"words": {}, "words, stop words removed": {"stop_words": "english"},
           "words + characters, stop words removed": {"alpha": 0.75, "stop_words": "english"}}
TARGET_PRECISION = 0.95
# The loose threshold and the chance rule are chosen on the wording alone, before the omission and "only"
# cohesions and the fact kinds of `omissions` (chosen on the findings judged by reading, benchmarks/element_rules.py).
WORDING_ONLY = {"min_omission_cohesion": 0.0, "min_only_cohesion": 0.0, "finding_facts": None}
# Rounds of judged findings pooled from each of these on: 3, the first drawn after the changes made on round 2
# (round 3 was judged before the label fix made on it, and its finding that fix removes still counts as wrong);
# 4, the first drawn after every change.
POOLED_FROM = (3, 4)


def halves(articles: pd.DataFrame, key=int) -> dict[str, list[str]]:
    """The event ids (sorted by `key`) in two seeded halves, "choose" and "report"."""
    events = sorted(articles["event"].unique(), key=key)
    order = np.random.default_rng(SEED).permutation(len(events))
    half = len(events) // 2
    return {"choose": sorted((events[k] for k in order[:half]), key=key),
            "report": sorted((events[k] for k in order[half:]), key=key)}


def read_known(path: Path, passage_id) -> tuple[dict[str, dict[str, set]], dict[str, str]]:
    """Event id -> (passage id -> the known elements it carries), and event id -> its half, from a JSONL of
    hand-marked elements; `passage_id(event, name)` turns a marked name into the passage id."""
    known, half = {}, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        carried: dict[str, set] = {}
        for k, group in enumerate(row["elements"]):
            for passage in group:
                carried.setdefault(passage_id(row["event"], passage), set()).add(f"{row['event']}#{k}")
        known[row["event"]], half[row["event"]] = carried, row["half"]
    return known, half


def allsides_known() -> tuple[dict[str, dict[str, set]], dict[str, str]]:
    """AllSides roundup id -> (passage id -> known elements), and roundup id -> its half."""
    return read_known(LABELS, lambda event, name: f"{event}-{name}")


def basil_known() -> tuple[dict[str, dict[str, set]], dict[str, str]]:
    """BASIL event id -> (passage id -> known elements), and event id -> its half."""
    return read_known(BASIL_LABELS, lambda event, name: f"{event}_{name}")


def known_elements(passages: pd.DataFrame) -> dict[str, set]:
    """Passage id -> the elements of `SEED_ELEMENTS` it carries (passages carrying none are left out)."""
    text = passages["text"].str.replace("\xa0", " ")
    carried: dict[str, set] = {}
    for element, pieces in SEED_ELEMENTS.items():
        for piece in pieces:
            for passage_id in passages.loc[text.str.contains(piece, regex=False), "passage_id"]:
                carried.setdefault(passage_id, set()).add(element)
    return carried


def scores(labels: pd.Series, carried: dict[str, set], article: pd.Series, elements=None) -> dict[str, float]:
    """B-cubed precision, recall and F1 of an element assignment against the known elements.

    Only passages of different articles are compared (one article's sentences
    never are). B-cubed (Amigo et al. 2009) averages over passages: precision,
    the share of a passage's element mates that share a known element with it;
    recall, the share of the passages sharing a known element with it that are
    its element mates. With `elements` (some of the known elements) recall is
    taken over the passages of those elements only, and precision over the
    passages carrying them.
    """
    ids = labels.index.tolist()
    judged = set(ids) if elements is None else {p for p, e in carried.items() if e & set(elements)}
    label, source = labels.to_dict(), article.to_dict()

    def share(a: str, b: str, within=None) -> bool:
        common = carried.get(a, set()) & carried.get(b, set())
        return bool(common if within is None else common & within)

    wanted = None if elements is None else set(elements)
    precisions, recalls = [], []
    for a in ids:
        others = [b for b in ids if source[b] != source[a]]
        mates = [b for b in others if label[b] == label[a]]
        related = [b for b in others if share(a, b, wanted)]
        if a in judged and mates:
            precisions.append(sum(share(a, b) for b in mates) / len(mates))
        if related:
            recalls.append(sum(label[b] == label[a] for b in related) / len(related))
    p = float(np.mean(precisions)) if precisions else 1.0
    r = float(np.mean(recalls)) if recalls else 1.0
    return {"B3 P": p, "B3 R": r, "B3 F1": 2 * p * r / (p + r) if p + r else 0.0}


class Scored:
    """The body sentences of one event scored once (all pairs, dense), clustered at any setting."""

    def __init__(self, passages: pd.DataFrame, articles: pd.DataFrame, scorer: dict):
        self.body = passages[passages["role"] == "body"].sort_values("passage_id").reset_index(drop=True)
        matrix = TextVectorizer(**scorer).fit_transform(self.body["text"])
        self.similarity = np.clip((matrix @ matrix.T).toarray(), 0.0, 1.0)
        published = articles.set_index("article_id")["published"] if "published" in articles else {}
        anchors = [sentence_anchors(text, published.get(article, "")) for text, article
                   in zip(self.body["text"], self.body["article_id"])]
        n = len(anchors)
        self.shared = np.array([[share_anchor(anchors[i], anchors[j]) for j in range(n)] for i in range(n)],
                               dtype=bool).reshape(n, n)
        self.article = pd.factorize(self.body["article_id"])[0]

    def labels(self, threshold: float, bonus: float) -> pd.Series:
        """Average linkage as `cluster_passages` runs it: cross-article pairs from `FLOOR_SHARE * threshold`."""
        score = np.minimum(1.0, self.similarity + bonus * self.shared)
        listed = (self.article[:, None] != self.article[None, :]) & (score >= FLOOR_SHARE * threshold)
        i, j = np.nonzero(np.triu(listed, 1))
        labels = average_link(len(self.body), i, j, score[i, j], threshold, self.article)
        return pd.Series(labels, index=self.body["passage_id"].to_numpy())


def correct(finding: tuple, outlet_of: dict, carried: dict[str, set], sentences: list[str]) -> bool:
    """Whether the known elements agree with a finding: no sentence of the other outlets ("only") or of the
    outlet ("left out") shares a known element with the element's sentences, and for "left out" the
    carriers share one known element."""
    kind, outlet, members = finding[:3]
    others = [p for p in sentences if (outlet_of[p] != outlet) == (kind == "only")]
    known = [carried.get(m, set()) for m in members]
    told = any(k & carried.get(p, set()) for k in known for p in others)
    if kind == "only":
        return not told
    by_outlet = {}
    for member, k in zip(members, known):
        by_outlet.setdefault(outlet_of[member], set()).update(k)
    return not told and bool(set.intersection(*by_outlet.values()))


def load_allsides(data: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = datasets.read_allsides(data / "allsides_dev")
    return articles, research.split_passages(research.split_blocks(articles))


def load_basil(data: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = datasets.read_basil(data / "basil_dev")
    return articles, research.split_passages(research.split_blocks(articles))


def load_seeds() -> tuple[pd.DataFrame, pd.DataFrame]:
    articles = research.load_articles()
    return articles, research.split_passages(research.split_blocks(articles))


def choice(articles: pd.DataFrame, passages: pd.DataFrame, known: dict, half_of: dict) -> None:
    choose = [e for e in known if half_of[e] == "choose"]
    print(f"== AllSides 1. Choice on the choose half: {len(choose)} roundups with elements known by hand")
    rows, cache = [], {}
    for name, scorer in SCORERS.items():
        for event in choose:
            cache[name, event] = Scored(*of_event(articles, passages, event)[::-1], scorer)
        for bonus in BONUS_GRID:
            for threshold in ELEMENT_GRID:
                labels = pd.concat([cache[name, e].labels(threshold, bonus).map(lambda k, e=e: f"{e}:{k}")
                                    for e in choose])
                article = pd.Series(labels.index.str.rsplit(":", n=1).str[0], index=labels.index)
                carried = {p: k for e in choose for p, k in known[e].items()}
                rows.append({"scorer": name, "bonus": bonus, "threshold": threshold,
                             **scores(labels, carried, article)})
    table = pd.DataFrame(rows)
    best = table.loc[table.groupby(["scorer", "bonus"])["B3 F1"].idxmax()]
    near = best[(best["B3 F1"] >= table["B3 F1"].max() - 0.01) & ~best["scorer"].str.contains("characters")]
    print("Best threshold per scorer and bonus (B-cubed over the choose half's known elements):")
    print(best.round(3).to_string(index=False))
    picked = near.sort_values(["bonus", "B3 F1"], ascending=[True, False], kind="stable").iloc[0]
    print(f"\nWithin 0.01 of the best F1, words only, the smallest bonus: {picked['scorer']}, bonus {picked['bonus']}, "
          f"threshold {picked['threshold']}")
    print(f"package: {ELEMENT_SCORER}, bonus {ANCHOR_BONUS}, threshold {ELEMENT_THRESHOLD}\n")


def element_findings(found, cover: pd.DataFrame, carried: dict, loose: float, **settings) -> list[tuple[str, bool]]:
    """(kind, agrees with the known elements) of each row of `omissions(cover, loose, **settings)` ("left out"
    for both omission kinds)."""
    rows = omissions(cover, loose=loose, **settings)
    members = found.passages.groupby("element_id")["passage_id"].apply(list)
    outlet_of = dict(zip(found.passages["passage_id"], found.passages["outlet"]))
    sentences = found.passages["passage_id"].tolist()
    kinds = ["only" if kind == "only" else "left out" for kind in rows["kind"]]
    return [(kind, correct((kind, outlet, members[element]), outlet_of, carried, sentences))
            for kind, outlet, element in zip(kinds, rows["outlet"], rows["element_id"])]


def sweep(events: list[tuple], grid=LOOSE_GRID, **settings) -> pd.DataFrame:
    """Findings and their agreement with the known elements at each loose threshold. `events`: (found,
    coverage, carried) of each event, computed once with the package defaults; `settings`: other arguments
    of `omissions` (by default none: no left out by chance, min_cohesion above 1). The wording checks are
    chosen on their own: the rules chosen later on the judged findings (`WORDING_ONLY`) are off."""
    settings = {"min_cohesion": 2.0, **WORDING_ONLY, **settings}
    rows = []
    for loose in grid:
        judged = [finding for found, cover, carried in events for finding in
                  element_findings(found, cover, carried, loose, **settings)]
        only = [right for kind, right in judged if kind == "only"]
        left = [right for kind, right in judged if kind == "left out"]
        rows.append({"loose": loose, "findings": len(judged),
                     "precision": np.mean(only + left) if judged else np.nan,
                     "only": len(only), "left out": len(left)})
    return pd.DataFrame(rows)


def prepared(articles: pd.DataFrame, passages: pd.DataFrame, events, known: dict) -> list[tuple]:
    """(found, coverage, carried) of each event with the package defaults."""
    result = []
    for event in events:
        chosen, mine = of_event(articles, passages, event)
        found = cluster_passages(mine, chosen)
        result.append((found, coverage(found, mine), known[event]))
    return result


def loose_choice(allsides: list[tuple], full: list[tuple]) -> float:
    """The loose threshold: the largest grid value at which the choose halves' findings reach
    `TARGET_PRECISION` on each kind of text (AllSides excerpts; BASIL and seed full articles)."""
    print("== Loose threshold, on the choose halves of both kinds of text (findings that agree with the known "
          "elements; only elements that state a fact; wording only, WORDING_ONLY)")
    tables = {"excerpts": sweep(allsides), "full articles": sweep(full)}
    both = pd.concat(tables, axis=1)
    print(both.set_index(("excerpts", "loose")).rename_axis("loose").drop(columns=[("full articles", "loose")])
          .round(3).to_string())
    good = [set(t.loc[t["precision"] >= TARGET_PRECISION, "loose"]) for t in tables.values()]
    chosen = max(set.intersection(*good), default=float("nan"))
    print(f"loose threshold: {chosen:.2f} (largest at {TARGET_PRECISION:.0%} on both kinds); package {LOOSE_THRESHOLD}\n")
    return chosen


def chance_choice(allsides: list[tuple], full: list[tuple], loose: float) -> None:
    """The "left out" by chance: among the settings of `omissions` (quantile of the outlet's chance level,
    least cohesion) at which the choose halves' "left out" findings reach `TARGET_PRECISION` on each kind of
    text (no finding counts as reaching it), the one with the most; ties to the higher cohesion, then the
    lower quantile."""
    print(f"== Left out by chance, on the choose halves (loose {loose}): 'left out' findings and their agreement")
    rows = []
    for quantile in CHANCE_GRID:
        for cohesion in COHESION_GRID:
            row = {"quantile": quantile, "cohesion": cohesion}
            for name, events in (("excerpts", allsides), ("full articles", full)):
                judged = [right for found, cover, carried in events for kind, right in element_findings(
                    found, cover, carried, loose, min_cohesion=cohesion, chance_quantile=quantile, **WORDING_ONLY)
                    if kind != "only"]
                row |= {f"{name}": len(judged), f"{name} precision": np.mean(judged) if judged else np.nan}
            rows.append(row)
    table = pd.DataFrame(rows)
    print(table.round(3).to_string(index=False))
    good = table[(table["excerpts precision"].fillna(1) >= TARGET_PRECISION)
                 & (table["full articles precision"].fillna(1) >= TARGET_PRECISION)]
    best = good.assign(total=good["excerpts"] + good["full articles"]).sort_values(
        ["total", "cohesion", "quantile"], ascending=[False, False, True], kind="stable").iloc[0]
    print(f"chosen: quantile {best['quantile']}, cohesion {best['cohesion']}; package {CHANCE_QUANTILE}, "
          f"{MIN_COHESION}\n")


def report(corpus: str, articles: pd.DataFrame, passages: pd.DataFrame, known: dict, events: list[str]) -> pd.DataFrame:
    """The package defaults on held-out `events`: B-cubed and findings agreement on those with known
    elements, the findings of all by kind, those judged by reading; returns the findings (with `event`)."""
    labelled = [e for e in events if e in known]
    print(f"== {corpus}: the package defaults on the report half ({len(events)} events; {len(labelled)} with "
          "elements known by hand)")
    every, labels, judged = [], [], {"only": [], "left out": []}
    for event in events:
        rows, found = package_findings(articles, passages, event)
        every.append(rows)
        if event not in labelled:
            continue
        labels.append(found.passages.set_index("passage_id")["element_id"].map(lambda k, e=event: f"{e}:{k}"))
        members = found.passages.groupby("element_id")["passage_id"].apply(list)
        outlet_of = dict(zip(found.passages["passage_id"], found.passages["outlet"]))
        for row in rows.itertuples():
            kind = "only" if row.kind == "only" else "left out"
            judged[kind].append(correct((kind, row.outlet, members[row.element_id]), outlet_of, known[event],
                                        found.passages["passage_id"].tolist()))
    labels = pd.concat(labels)
    article = pd.Series(labels.index.str.rsplit(":", n=1).str[0], index=labels.index)
    carried = {p: k for e in labelled for p, k in known[e].items()}
    print("B-cubed on the known events: " + ", ".join(f"{k} {v:.3f}" for k, v in
                                                      scores(labels, carried, article).items()))
    for kind, values in judged.items():
        print(f"'{kind}' findings on the known events: {len(values)}, agreeing with the known elements "
              f"{np.mean(values) if values else float('nan'):.3f}")
    every = pd.concat(every, ignore_index=True)
    print("Findings of all the report half's events, by kind:")
    print(every["kind"].value_counts().reindex(["left out", "not in the excerpt", "only"], fill_value=0)
          .to_string())
    print()
    return every


def where(row) -> tuple[str, str]:
    """Which event a judged row (a dict) or a finding names: its `articles` (the event's article ids) when it
    has them, else its `event` id. A pool regrouped since (PolNeAR train, round 9 on) renumbers its events, so
    its rows name the articles."""
    articles = row.get("articles")
    return ("articles", articles) if isinstance(articles, str) and articles else ("event", str(row["event"]))


def finding_keys(findings: pd.DataFrame) -> list[set]:
    """For each finding, the keys a judged row of it may have (`where`: its event by id and by articles)."""
    articles = findings["articles"] if "articles" in findings else pd.Series("", index=findings.index)
    return [{(c, "event", str(e), k, o, lab), (c, "event", str(e), o, el), (c, o, lab)}
            | ({(c, "articles", a, k, o, lab), (c, "articles", a, o, el)} if isinstance(a, str) and a else set())
            for c, e, a, k, o, lab, el in zip(findings["corpus"], findings["event"], articles, findings["kind"],
                                              findings["outlet"], findings["label"], findings["element_id"])]


def rule_verdicts(rows: pd.DataFrame, field: str = "rule_verdict", default: str = "verdict") -> pd.Series:
    """For judged rows: the verdict under the written judging rule, the `rule_verdict` of the `REJUDGED` row of the
    same finding (round, corpus, `where`, kind, outlet, label), else the row's `verdict`; with `field` "rule_reason"
    and `default` "reason", its reason."""
    lines = filter(str.strip, REJUDGED.read_text(encoding="utf-8").splitlines()) if REJUDGED.exists() else []
    def key(row: dict) -> tuple:
        return row["round"], row["corpus"], *where(row), row["kind"], row["outlet"], row["label"]
    again = {key(row): row[field] for row in map(json.loads, lines)}
    return pd.Series([again.get(key(row), row[default]) for row in rows.to_dict("records")], index=rows.index)


def unjudged(findings: pd.DataFrame) -> pd.DataFrame:
    """The rows of `findings` (with `corpus`, `event` and, for the pools, `articles`) not judged yet (`JUDGED`:
    neither the same statement in the same event (`where`), nor the same outlet and element reworded or of
    another kind since, nor the same outlet and label in an event grouped otherwise since)."""
    done = set()
    if JUDGED.exists():
        for line in filter(str.strip, JUDGED.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            done |= {(row["corpus"], *where(row), row["kind"], row["outlet"], row["label"]),
                     (row["corpus"], *where(row), row["outlet"], row["element_id"]),
                     (row["corpus"], row["outlet"], row["label"])}
    return findings[[not keys & done for keys in finding_keys(findings)]]


def draw(findings: pd.DataFrame, n: int) -> pd.DataFrame:
    """`n` of `findings` not judged yet (`unjudged`), drawn with the seed, to judge by reading."""
    fresh = unjudged(findings)
    return fresh.sample(n=min(n, len(fresh)), random_state=SEED).sort_values(["event", "element_id"])


def print_findings(rows: pd.DataFrame) -> None:
    """One JSON line per finding (event, its articles, kind, outlet, element, label, closest sentence of another
    outlet)."""
    for row in rows.itertuples():
        articles = row.articles if isinstance(row.articles, str) else None
        print(json.dumps({"corpus": row.corpus, "event": row.event, "articles": articles, "kind": row.kind,
                          "outlet": row.outlet, "element_id": row.element_id, "label": row.label,
                          "nearest": round(row.nearest_similarity, 3)}, ensure_ascii=False))


def check_judged(stated: dict[str, pd.DataFrame]) -> None:
    """Precision of the findings judged by reading, per round, per kind of text (AllSides excerpts; BASIL and
    seed full articles) and per kind of finding, and how many the package still states (`stated`: the
    package's findings by corpus)."""
    if not JUDGED.exists():
        print(f"no judged findings yet ({JUDGED.name})")
        return
    rows = pd.DataFrame([json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()])
    absent = ~rows["corpus"].isin(list(stated))
    if absent.any():
        print(f"({int(absent.sum())} judged findings of pools not read in this run are left out: "
              f"{', '.join(sorted(rows.loc[absent, 'corpus'].unique()))}; see --polnear-train, --polnear-test, "
              "--allsides-articles)")
        rows = rows[~absent].reset_index(drop=True)
    rows["text"] = [FRESH_TEXT.get(corpus, "excerpts" if corpus == "allsides" else "full articles")
                    for corpus in rows["corpus"]]
    every = pd.concat([found.assign(corpus=corpus) for corpus, found in stated.items()], ignore_index=True)
    now = set().union(*finding_keys(every))
    told = [(c, k, o, lab) for c, k, o, lab in zip(rows["corpus"], rows["kind"], rows["outlet"], rows["label"])]
    rows["still"] = [(c, *where(row), k, o, lab) in now for (c, k, o, lab), row in zip(told, rows.to_dict("records"))]
    elsewhere = set(zip(every["corpus"], every["kind"], every["outlet"], every["label"]))
    moved = ~rows["still"] & pd.Series([key in elsewhere for key in told])
    if moved.any():
        print(f"({int(moved.sum())} judged findings are stated now in an event grouped otherwise since, rounds "
              f"{', '.join(map(str, sorted(rows.loc[moved, 'round'].unique())))}: not counted as still stated, "
              "never drawn again)")
    rows["right"] = rows["verdict"].eq("right")
    rows["rule right"] = rule_verdicts(rows).eq("right")
    print(f"== Findings judged by reading ({JUDGED.name}; 'still stated': the package states it now; 'rule': under the "
          f"written judging rule, `rule_verdict` of {REJUDGED.name} in place of `verdict` where a finding was judged "
          f"again, {int((rows['rule right'] != rows['right']).sum())} rows differ)")
    rounds = [(str(r), group) for r, group in rows.groupby("round")]
    rounds += [(f"{first}-{rows['round'].max()}", rows[rows["round"] >= first]) for first in POOLED_FROM
               if rows["round"].max() > first]
    table = pd.DataFrame([{"round": round_, "findings": name, "judged": len(part), "right": int(part["right"].sum()),
                           "precision": part["right"].mean(), "still stated": int(part["still"].sum()),
                           "right of those": int((part["right"] & part["still"]).sum()),
                           "rule: precision": part["rule right"].mean(),
                           "rule: right of those": int((part["rule right"] & part["still"]).sum()),
                           "rule: precision of those": part.loc[part["still"], "rule right"].mean()}
                          for round_, group in rounds
                          for name, part in [("all", group), *group.groupby("text"), *group.groupby("kind")]])
    print(table.round(3).to_string(index=False))
    first = POOLED_FROM[0]
    stated_now = rows[(rows["round"] >= first) & rows["still"]]
    print(f"\n== Rounds {first}-{rows['round'].max()}, the judged findings the package still states, by corpus")
    print(pd.DataFrame([{"corpus": corpus, "text": part["text"].iloc[0], "still stated": len(part),
                         "right": int(part["right"].sum()), "precision": part["right"].mean(),
                         "rule: right": int(part["rule right"].sum()), "rule: precision": part["rule right"].mean()}
                        for corpus, part in stated_now.groupby("corpus")]).round(3).to_string(index=False))
    print()


def seeds(articles: pd.DataFrame, passages: pd.DataFrame) -> pd.DataFrame:
    scored = Scored(passages, articles, ELEMENT_SCORER)
    body = scored.body
    article = body.set_index("passage_id")["article_id"]
    carried = known_elements(body)
    names = sorted(SEED_ELEMENTS)
    order = np.random.default_rng(SEED).permutation(len(names))
    parts = {"A": [names[k] for k in order[: len(names) // 2]], "B": [names[k] for k in order[len(names) // 2:]]}
    rows = []
    for threshold in ELEMENT_GRID:
        labels = scored.labels(threshold, ANCHOR_BONUS)
        row = {"threshold": threshold, **scores(labels, carried, article)}
        for half, chosen in parts.items():
            row |= {f"{key} {half}": value for key, value in scores(labels, carried, article, chosen).items()}
        rows.append(row)
    table = pd.DataFrame(rows).set_index("threshold")
    print(f"== Seeds: {len(body)} body sentences; {len(carried)} of them carry the {len(SEED_ELEMENTS)} facts "
          f"that several articles share (known by hand). Scorer {ELEMENT_SCORER}, bonus {ANCHOR_BONUS}.")
    for half, other in (("A", "B"), ("B", "A")):
        threshold = table[f"B3 F1 {half}"].idxmax()
        print(f"chosen on half {half}: threshold {threshold}; on half {other}: "
              + ", ".join(f"{k} {table.loc[threshold, f'{k} {other}']:.3f}" for k in ("B3 P", "B3 R", "B3 F1")))
    print(table[["B3 P", "B3 R", "B3 F1"]].round(3).to_string())
    found = cluster_passages(passages, articles)
    result = scores(found.passages.set_index("passage_id")["element_id"], carried, article)
    print(f"research.cluster_passages defaults (threshold {ELEMENT_THRESHOLD}): "
          + ", ".join(f"{k} {v:.3f}" for k, v in result.items())
          + f"; {len(found.elements)} elements, {int((found.elements['n_articles'] > 1).sum())} in two articles or more")
    gaps = omissions(coverage(found, passages)).assign(event="seeds")
    print("its omissions by kind: " + ", ".join(f"{k} {v}" for k, v in gaps["kind"].value_counts().items()))
    print()
    return gaps


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder of the development corpora (../shared/data)")
    parser.add_argument("--sample", type=int, default=0,
                        help="print this many AllSides report-half findings not judged yet, drawn with the seed")
    parser.add_argument("--sample-full", type=int, default=0,
                        help="print this many findings of the BASIL report half and the seeds not judged yet")
    parser.add_argument("--sample-unused", type=int, default=0,
                        help="print this many findings not judged yet of the choose halves' events without known "
                             "elements (AllSides and BASIL: no choice used them)")
    parser.add_argument("--sample-fresh", type=int, default=0,
                        help="print this many findings not judged yet of each fresh pool (Timeline17 and PolNeAR "
                             "events, as full articles and cut as feed excerpts, BASIL events cut as feed excerpts, "
                             "the AllSides choose half's "
                             "roundups with known elements: no rule chosen on their findings)")
    parser.add_argument("--polnear-train", type=Path, metavar="FOLDER",
                        help="PolNeAR's full release (metadata.tsv, train/text/), kept outside the project: adds "
                             "the fresh pools polnear-train and polnear-train-excerpts")
    parser.add_argument("--polnear-test", type=Path, metavar="FOLDER",
                        help="PolNeAR's test split (metadata.tsv, test/text/), kept outside the project for blind "
                             "rounds: adds the fresh pools polnear-test and polnear-test-excerpts")
    parser.add_argument("--allsides-articles", type=Path, metavar="FOLDER",
                        help="the AllSides bias corpus (Baly et al. 2020: data/jsons/*.json), kept outside the project "
                             "for blind rounds: adds the fresh pools allsides-articles and allsides-articles-excerpts "
                             "(round 13), allsides-articles-14 and allsides-articles-14-excerpts (round 14), "
                             "allsides-articles-15 and allsides-articles-15-excerpts (round 15) and "
                             "allsides-articles-16 and allsides-articles-16-excerpts (round 16), its "
                             "articles of each window of ALLSIDES_ARTICLES_WINDOWS")
    args = parser.parse_args(argv)
    for split in ("train", "test"):
        folder = getattr(args, f"polnear_{split}")
        if folder is not None and not (folder / split / "text").is_dir():
            print(f"--polnear-{split}: no {split}/text/ in {folder}; its pools are skipped\n")
            setattr(args, f"polnear_{split}", None)
    folder = args.allsides_articles
    if folder is not None and not ((folder / "data" / "jsons").is_dir() or any(folder.glob("*.json"))):
        print(f"--allsides-articles: no data/jsons/*.json in {folder}; its pools are skipped\n")
        args.allsides_articles = None
    pd.set_option("display.width", 200)
    articles, passages = load_allsides(args.data)
    known, half_of = allsides_known()
    basil_articles, basil_passages = load_basil(args.data)
    basil, basil_half = basil_known()
    seed_articles, seed_passages = load_seeds()
    choice(articles, passages, known, half_of)
    seed_found = cluster_passages(seed_passages, seed_articles)
    seed_known = known_elements(seed_passages[seed_passages["role"] == "body"])
    excerpts = prepared(articles, passages, [e for e in known if half_of[e] == "choose"], known)
    full = prepared(basil_articles, basil_passages, [e for e in basil if basil_half[e] == "choose"], basil) \
        + [(seed_found, coverage(seed_found, seed_passages), seed_known)]
    chance_choice(excerpts, full, loose_choice(excerpts, full))
    stated = {"allsides": report("AllSides", articles, passages, known, halves(articles)["report"])}
    stated["basil"] = report("BASIL", basil_articles, basil_passages, basil,
                             halves(basil_articles, key=str)["report"])
    stated["seeds"] = seeds(seed_articles, seed_passages)
    stated = {corpus: rows.assign(half="report") for corpus, rows in stated.items()}
    for corpus, (chosen, mine, marked, key) in {"allsides": (articles, passages, known, int),
                                                 "basil": (basil_articles, basil_passages, basil, str)}.items():
        unused = [e for e in halves(chosen, key=key)["choose"] if e not in marked]
        stated[corpus] = pd.concat([stated[corpus]] + [package_findings(chosen, mine, e)[0].assign(half="unused")
                                                        for e in unused], ignore_index=True)
    fresh = fresh_pools(args.data, (articles, passages), known, half_of, args.polnear_train, args.polnear_test,
                        args.allsides_articles)
    print("== Fresh pools: findings of the package defaults, by kind")
    counts = pd.DataFrame({corpus: rows["kind"].value_counts() if len(rows) else pd.Series(dtype="int64")
                           for corpus, rows in fresh.items()}).reindex(list(KINDS)).fillna(0).astype(int)
    waiting = pd.Series({corpus: len(unjudged(rows.assign(corpus=corpus))) if len(rows) else 0
                         for corpus, rows in fresh.items()}, name="not judged yet")
    print(pd.concat([counts, counts.sum().to_frame("all").T, waiting.to_frame().T]).to_string())
    print()
    stated |= {corpus: rows.assign(half="fresh") for corpus, rows in fresh.items()}
    findings = pd.concat([rows.assign(corpus=corpus) for corpus, rows in stated.items()], ignore_index=True)
    for n, corpora, half, name in (
            (args.sample, ["allsides"], "report", "AllSides report half"),
            (args.sample_full, ["basil", "seeds"], "report", "BASIL report half and seeds"),
            (args.sample_unused, ["allsides", "basil"], "unused", "choose halves' events without known elements")):
        if n:
            print(f"== {n} findings not judged yet, drawn to judge: {name}")
            print_findings(draw(findings[findings["corpus"].isin(corpora) & (findings["half"] == half)], n))
            print()
    if args.sample_fresh:
        for corpus in fresh:
            print(f"== {args.sample_fresh} findings not judged yet, drawn to judge: fresh pool {corpus}")
            print_findings(draw(findings[(findings["corpus"] == corpus) & (findings["half"] == "fresh")],
                                args.sample_fresh))
            print()
    check_judged(stated)
    return 0


if __name__ == "__main__":
    sys.exit(main())
