"""Framing measures: distinctive terms (log-odds z), markers and their rates, reporting verbs, headlines."""

import math

import matplotlib
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import research
from research.errors import AnalysisError
from research.framing.headlines import HEADLINE_COLUMNS
from research.framing.lexicons import LEXICON, REPORTING_VERB_KINDS
from research.framing.markers import MARKER_COLUMNS, RATE_COLUMNS, cue_verb, markers_in
from research.framing.terms import TERM_COLUMNS, log_odds_z
from research.report.figures import plot_distinctive_terms
from research.text.tokens import word_spans

matplotlib.use("Agg")

AP, CNBC, NEWSLOOKS, NYT, WT = ("000_a8a464420afca919", "001_82a9f5469afd3e09", "002_1f373224d5a43559",
                                "003_3f227e4f0a2d6f9d", "004_6b509e299142eab2")


def passages_of(texts: dict[str, list[str]]) -> pd.DataFrame:
    """Body passages, one per text, `outlet` = the dict key; article ids `<outlet>-<n>`."""
    rows = []
    for outlet, sentences in texts.items():
        for i, text in enumerate(sentences):
            rows.append({"article_id": f"{outlet}-{i}", "passage_id": f"{outlet}-{i}:s0000", "block_id": 0,
                         "unit": "sentence", "start": 0, "end": len(text), "role": "body", "text": text,
                         "outlet": outlet})
    return pd.DataFrame(rows)


def marks(text: str, lexicon=None) -> list[tuple[str, str]]:
    return [(category, text[start:end]) for start, end, category, _ in markers_in(text, lexicon)]


# --- words -------------------------------------------------------------------------------------------


def test_word_spans_normalise_case_apostrophes_possessives_numbers_and_abbreviations():
    text = "Russia’s co-belligerents hasn’t sent 3,000 troops to the U.S. at 6:55 a.m."
    spans = word_spans(text)
    assert [term for _, _, term in spans] == ["russia", "co-belligerents", "hasn't", "sent", "3000", "troops", "to",
                                              "the", "u.s.", "at", "6", "55", "a.m."]
    assert [text[s:e] for s, e, _ in spans][:3] == ["Russia’s", "co-belligerents", "hasn’t"]


# --- distinctive terms -------------------------------------------------------------------------------


def test_log_odds_z_matches_a_hand_computation():
    # Group A: "war war peace" (n_A = 3); group B: "peace talks" (n_B = 2); n = 5.
    # prior_weight 0.1: alpha_0 = 0.5; alpha_war = 0.5 * 2/5 = 0.2, alpha_peace = 0.2, alpha_talks = 0.1.
    table = research.distinctive_terms(passages_of({"A": ["war war peace"], "B": ["peace talks"]}),
                                       ngram_range=(1, 1))
    assert list(table.columns) == TERM_COLUMNS
    z = {(g, t): v for g, t, v in zip(table["group"], table["term"], table["z"])}
    # war in A: y = 2, rest 0: log(2.2 / (3 + 0.5 - 2.2)) - log(0.2 / (2 + 0.5 - 0.2)), var 1/2.2 + 1/0.2
    war = (math.log(2.2 / 1.3) - math.log(0.2 / 2.3)) / math.sqrt(1 / 2.2 + 1 / 0.2)
    assert z[("A", "war")] == pytest.approx(war) == pytest.approx(1.27101, abs=1e-5)
    # peace in A: y = 1, rest 1: log(1.2 / 2.3) - log(1.2 / 1.3), var 1/1.2 + 1/1.2
    peace = (math.log(1.2 / 2.3) - math.log(1.2 / 1.3)) / math.sqrt(2 / 1.2)
    assert z[("A", "peace")] == pytest.approx(peace) == pytest.approx(-0.44194, abs=1e-5)
    # with two groups, one-vs-rest is symmetric: B's z for a shared term is A's with the sign flipped
    assert z[("B", "peace")] == pytest.approx(-peace)
    # talks in B: y = 1, rest 0, alpha 0.1
    talks = (math.log(1.1 / (2 + 0.5 - 1.1)) - math.log(0.1 / (3 + 0.5 - 0.1))) / math.sqrt(1 / 1.1 + 1 / 0.1)
    assert z[("B", "talks")] == pytest.approx(talks)
    assert ("A", "talks") not in z  # a term a group never uses gets no row for it
    row = table[(table["group"] == "A") & (table["term"] == "war")].iloc[0]
    assert (row.count_group, row.count_rest) == (2, 0)


def test_prior_needs_about_as_many_exclusive_uses_as_an_exact_test():
    """The documented thresholds: a term only one group uses reaches z = 1.96 at 4 uses among
    five equal groups, at 8 among two."""
    def z_exclusive(groups: int, uses: int) -> float:
        counts = np.full((groups, 2), 1000.0)
        counts[:, 0] = 0
        counts[0] = (uses, 1000 - uses)
        return log_odds_z(sp.csr_matrix(counts)).toarray()[0, 0]
    assert z_exclusive(5, 3) < 1.96 <= z_exclusive(5, 4)
    assert z_exclusive(2, 7) < 1.96 <= z_exclusive(2, 8)
    assert z_exclusive(5, 1) < 1.96  # a term seen once is never distinctive: no minimum count needed


def test_bigrams_stay_inside_a_phrase_and_counts_add_up():
    table = research.distinctive_terms(passages_of({
        "A": ["The regime said, according to state media, that troops left."],
        "B": ["Officials said troops left the base."]}))
    terms = set(table["term"])
    assert {"the regime", "regime said", "troops left", "state media"} <= terms
    assert "said according" not in terms and "media that" not in terms
    totals = table.groupby("term")[["count_group"]].sum()["count_group"]
    for row in table.itertuples():
        assert row.count_group + row.count_rest == totals[row.term]


def test_groups_from_the_articles_table_fall_back_to_the_article_id():
    passages = passages_of({"A": ["troops moved north"], "B": ["troops moved south"]}).drop(columns="outlet")
    articles = pd.DataFrame({"article_id": ["A-0", "B-0"], "outlet": ["Daily", ""]})
    table = research.distinctive_terms(passages, by="outlet", articles=articles)
    assert set(table["group"]) == {"Daily", "B-0"}
    assert research.distinctive_terms(passages_of({"A": ["one group only"]})).empty  # nothing to compare with
    with pytest.raises(AnalysisError, match="'desk'"):
        research.distinctive_terms(passages, by="desk", articles=articles)


def test_counting_articles_ignores_repetition_inside_one_article():
    texts = {"A": ["Kim Kim Kim Kim Kim Kim met allies.", "Allies met."], "B": ["Allies met Kim.", "Allies met."]}
    words = research.distinctive_terms(passages_of(texts), ngram_range=(1, 1))
    articles = research.distinctive_terms(passages_of(texts), ngram_range=(1, 1), count="articles")
    kim_words = words[(words["group"] == "A") & (words["term"] == "kim")].iloc[0]
    kim_articles = articles[(articles["group"] == "A") & (articles["term"] == "kim")].iloc[0]
    assert (kim_words.count_group, kim_words.count_rest) == (6, 1)
    assert (kim_articles.count_group, kim_articles.count_rest) == (1, 1)
    assert kim_words.z > 0 and kim_articles.z == pytest.approx(0.0)
    with pytest.raises(AnalysisError, match="count"):
        research.distinctive_terms(passages_of(texts), count="tokens")


def test_thousands_of_articles_find_an_outlets_habitual_word():
    rng = np.random.default_rng(0)
    vocabulary = np.array("troops border talks officials said minister army city week report".split())
    texts = {outlet: [" ".join(rng.choice(vocabulary, 12)) + (" regime" if outlet == "D" and i % 3 == 0 else "")
                      for i in range(500)] for outlet in "ABCD"}
    table = research.distinctive_terms(passages_of(texts), count="articles", min_count=5)
    top = table[table["group"] == "D"].iloc[0]
    assert (top.term, top.count_group, top.count_rest) == ("regime", 167, 0)
    assert top.z > 5
    assert table[table["group"] != "D"]["z"].max() < 3  # random words are not distinctive


def test_seed_outlets_distinctive_terms(seed_articles, seed_passages):
    table = research.distinctive_terms(seed_passages, articles=seed_articles)
    assert set(table["group"]) == {"AP", "CNBC/NBC", "Newslooks", "NYT", "Washington Times"}
    top = {group: rows.head(10)["term"].tolist() for group, rows in table.groupby("group")}
    assert "mr" in top["Washington Times"]  # house style: "Mr. Austin", "Mr. Kirby"
    assert "told lawmakers" in top["AP"]  # the AP relays the closed-door NIS briefing
    mr = table[(table["group"] == "Washington Times") & (table["term"] == "mr")].iloc[0]
    assert mr.z > 1.96 and mr.count_group > mr.count_rest
    content = research.distinctive_terms(seed_passages, articles=seed_articles, drop_stop_words=True)
    assert {"and", "with", "no", "of a", "to russia", "lawmakers that"} & set(content["term"]) == set()
    assert {"told lawmakers", "mr", "said", "he said"} <= set(content["term"])
    # no figure and no phrase that opens or closes with a function word: "3,000" is read in notebook 04
    assert {"3000", "1500"} <= set(table["term"]) and not content["term"].str.fullmatch(r"[\d.,]+").any()
    assert not content["term"].str.contains(r"^(?:the|a|an|of|to|in|on|and) | (?:the|a|an|of|to|in|on|and|he)$").any()
    assert content.equals(table.merge(content[["group", "term"]])[list(content.columns)].set_index(content.index))


def test_plot_distinctive_terms_hides_spare_panels(seed_articles, seed_passages):
    import matplotlib.pyplot as plt
    top = research.distinctive_terms(seed_passages, articles=seed_articles).groupby("group").head(5)
    fig, axes = plt.subplots(2, 3, figsize=(9, 5))
    plot_distinctive_terms(top, axes)
    assert [ax.get_title(loc="left") for ax in axes.ravel()[:5]] == sorted(top["group"].unique())
    assert not axes.ravel()[5].get_visible()
    assert len(axes.ravel()[0].patches) == 5
    plt.close(fig)


# --- markers -------------------------------------------------------------------------------------------


def test_may_is_a_hedge_but_not_the_month():
    assert marks("Troops may arrive in May, and May 5 is the deadline.") == [("hedge", "may")]
    assert marks("May they arrive? Officials said it may.") == [("hedge", "May"), ("hedge", "may")]
    assert marks("May 5 was quiet. “May God help us,” he said.") == [("hedge", "May")]


def test_markers_match_whole_words_phrases_and_possessives_case_insensitively():
    text = ("The REGIME’s troops could possibly arrive; it is unclear, not clear, whether they\n"
            "are believed to be there. Clearance couldn’t come; the well-known so-called deal is dramatic.")
    assert marks(text) == [("evaluative", "REGIME’s"[:6]), ("hedge", "could"), ("hedge", "possibly"),
                           ("hedge", "unclear"), ("booster", "clear"), ("hedge", "are believed"),
                           ("evaluative", "so-called"), ("evaluative", "dramatic")]


def test_user_lexicon_with_phrases_apostrophes_and_longest_match():
    lexicon = {"euphemism": ["special military operation", "operation"], "denial": ["hasn't", "won’t"],
               "empty": []}
    text = "Moscow calls it a special   military operation; the operation goes on. It hasn’t, it won't."
    assert marks(text, lexicon) == [("euphemism", "special   military operation"), ("euphemism", "operation"),
                                    ("denial", "hasn’t"), ("denial", "won't")]


def test_default_lexicon_lists_are_distinct_and_lower_case():
    terms = [t for category in LEXICON.values() for t in category]
    assert len(terms) == len(set(terms))
    assert all(t == t.lower().strip() for t in terms)
    verbs = [v for kind in REPORTING_VERB_KINDS.values() for v in kind]
    assert len(verbs) == len(set(verbs))


def test_find_markers_keep_offsets_into_the_article(seed_articles, seed_passages):
    markers = research.find_markers(seed_passages)
    assert list(markers.columns) == MARKER_COLUMNS
    texts = seed_articles.set_index("article_id")["text"]
    assert all(texts[a][s:e] == t for a, s, e, t in zip(markers["article_id"], markers["start"], markers["end"],
                                                          markers["text"]))
    roles = seed_passages.set_index("passage_id").loc[markers["passage_id"], "role"]
    assert (roles == "body").all()
    confirmed = markers[(markers["article_id"] == NEWSLOOKS) & (markers["category"] == "booster")]
    assert "confirmed" in set(confirmed["term"])  # "Austin confirmed ...", "The confirmed deployment"
    assert set(markers[markers["article_id"] == WT]["term"]) >= {"lunatics", "ludicrous", "reckless"}


def test_cue_verbs_and_their_kinds():
    assert [cue_verb(c) for c in ("has also said", "According to", "had not previously formally confirmed",
                                  "hasn’t disclosed", ":", "were reported")] == [
        "say", "according to", "confirm", "disclose", ":", "report"]
    cues = pd.DataFrame({"article_id": ["a"] * 4, "cue_text": ["said", "claimed", "confirmed", "believes"],
                         "cue_start": [0, 10, 20, 30], "cue_end": [4, 17, 29, 38]})
    verbs = research.reporting_verbs(cues)
    assert list(verbs.columns) == MARKER_COLUMNS
    assert verbs["category"].tolist() == ["reporting: neutral", "reporting: loaded", "reporting: factive",
                                          "reporting: other"]
    custom = research.reporting_verbs(cues, kinds={"doubting": ["claim"]})
    assert custom["category"].tolist()[:2] == ["reporting: other", "reporting: doubting"]


def test_marker_rates_per_thousand_body_words_with_zero_rows():
    passages = passages_of({"A": ["It could possibly rain, officials claimed."] + ["Rain fell on the city."] * 3,
                            "B": ["It rained."]})
    passages.loc[passages.index[-2], "role"] = "caption"  # not counted: words nor markers
    passages.loc[passages.index[-2], "text"] = "It could rain."
    markers = research.find_markers(passages)
    rates = research.marker_rates(markers, passages, categories=["hedge", "booster"])
    assert list(rates.columns) == RATE_COLUMNS
    rows = {(g, c): (n, w, r) for g, c, n, w, r in rates.itertuples(index=False)}
    # A: 6 + 5 + 5 body words ("could", "possibly"); the caption's "could" is not counted
    assert rows[("A", "hedge")] == (2, 16, 125.0)
    assert rows[("A", "booster")] == (0, 16, 0.0)
    assert rows[("B", "hedge")] == (0, 2, 0.0)


def test_seed_marker_rates_combine_words_and_reporting_verbs(seed_articles, seed_blocks, seed_passages):
    markers = pd.concat([research.find_markers(seed_passages),
                         research.reporting_verbs(research.attributions(seed_blocks, seed_articles))])
    rates = research.marker_rates(markers, seed_passages, articles=seed_articles)
    assert len(rates) == 5 * rates["category"].nunique()
    said = rates[rates["category"] == "reporting: neutral"].set_index("group")["per_1000"]
    assert (said > 10).all()  # every outlet attributes with "said"/"told" far more than with loaded verbs
    words = rates.groupby("group")["body_words"].first()
    assert words["NYT"] < words["Newslooks"] < words["CNBC/NBC"]  # the NYT page is an excerpt


# --- headlines -----------------------------------------------------------------------------------------


def test_seed_headlines(seed_articles):
    table = research.headline_framing(seed_articles)
    assert list(table.columns) == HEADLINE_COLUMNS
    rows = table.set_index("outlet")
    assert rows.loc["AP", ["actor", "verb", "verb_kind", "certainty"]].tolist() == [
        "US Defense Chief", "says", "neutral", "attributed"]
    assert rows.loc["AP", "actor_group"] == "United States: government"
    assert rows.loc["CNBC/NBC", ["actor", "verb", "verb_kind", "certainty"]].tolist() == [
        "U.S.", "confirms", "factive", "boosted"]
    assert rows.loc["Newslooks", "headline"].endswith("Deployment to Ukraine Possible")  # "– Quick Look" cut
    assert rows.loc["Newslooks", ["actor", "verb", "hedges", "certainty"]].tolist() == [
        "North Korean Troops", "", 1, "hedged"]
    assert rows.loc["NYT", ["actor", "verb", "certainty"]].tolist() == ["U.S.", "says", "attributed"]
    assert rows.loc["Washington Times", ["headline", "certainty"]].tolist() == ["", "no headline"]


def test_constructed_headlines():
    articles = pd.DataFrame({"article_id": list("abcde"), "outlet": list("ABCDE"), "text": ["Body text."] * 5,
                             "headline": ["Kim Sends Troops - US Officials Say",
                                          "Troops Have Clearly Arrived In Russia | The Daily",
                                          "Regime Could Send More Troops, Officials Warn",
                                          "North Korea has sent troops to Russia",
                                          "Michael Steele Criticized for Afghanistan Comments"]})
    rows = research.headline_framing(articles).set_index("article_id")
    assert rows.loc["a", ["headline", "actor", "verb", "certainty"]].tolist() == [
        "Kim Sends Troops - US Officials Say", "US Officials", "say", "attributed"]
    assert rows.loc["b", ["headline", "actor", "verb", "certainty"]].tolist() == [
        "Troops Have Clearly Arrived In Russia", "Troops", "Have Clearly", "boosted"]
    assert rows.loc["c", ["verb", "verb_kind", "evaluative", "certainty"]].tolist() == [
        "warn", "loaded", 1, "hedged"]
    assert rows.loc["d", ["actor", "verb", "certainty"]].tolist() == ["North Korea", "has sent", "asserted"]
    # a headline passive and a noun that is also a reporting verb ("Comments") are not cues
    assert rows.loc["e", ["verb", "verb_kind", "certainty"]].tolist() == ["", "", "asserted"]
    assert rows.loc["e", "actor"].startswith("Michael Steele")


# --- BASIL annotations (the development check's ground truth) -------------------------------------------


def test_basil_spans_are_located_in_their_sentence(tmp_path):
    import json
    import warnings

    from research.corpus import datasets
    from research.errors import CorpusWarning
    (tmp_path / "articles" / "2010").mkdir(parents=True)
    (tmp_path / "annotations" / "2010").mkdir(parents=True)
    record = {"title": "Senate Vote Fails", "source": "fox", "date": "2010-07-02", "triplet-uuid": "t",
              "body-paragraphs": [["The vote failed.", " Critics blasted the plan."], ["The vote was close."]]}
    (tmp_path / "articles" / "2010" / "t_1.json").write_text(json.dumps(record), encoding="utf-8")
    spans = [{"id": "p0", "bias": "lex", "start": 9, "end": 16, "txt": "blasted"},   # 2nd sentence, leading space
             {"id": "p1", "bias": "inf", "start": 4, "end": 8, "txt": "vote"},      # first sentence that fits
             {"id": "p2", "bias": "lex", "start": 0, "end": 6, "txt": "Senate"},    # the headline
             {"id": "p3", "bias": "lex", "start": 0, "end": 5, "txt": "Nobody"}]    # nowhere
    (tmp_path / "annotations" / "2010" / "t_1_ann.json").write_text(
        json.dumps({"phrase-level-annotations": spans}), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = datasets.read_basil_annotations(tmp_path)
    assert [str(w.message).endswith("1 span(s) found in no sentence, left out: p3") for w in caught] == [True]
    assert all(issubclass(w.category, CorpusWarning) for w in caught)
    text = datasets.read_basil(tmp_path)["text"].iloc[0]
    assert [text[s:e] for s, e in zip(table["start"], table["end"])] == ["blasted", "vote", "Senate"]
    assert table["start"].tolist() == [text.index("blasted"), text.index("vote"), 0]


def test_basil_dev_lexical_spans(data_dir):
    from research.corpus import datasets
    folder = data_dir / "basil_dev"
    texts = datasets.read_basil(folder).set_index("article_id")
    spans = datasets.read_basil_annotations(folder)
    assert all(texts.loc[a, "text"][s:e] == t for a, s, e, t in zip(spans["article_id"], spans["start"],
                                                                     spans["end"], spans["text"]))
    lexical = spans[spans["bias"] == "lex"].merge(texts["outlet"].reset_index())
    assert lexical.groupby("outlet").size().to_dict() == {"fox": 45, "hpo": 52, "nyt": 52}
