"""Story elements: passage clusters across outlets on the seeds and constructed events, labels, determinism."""

import pandas as pd
import pytest

import research
from research.errors import AnalysisError
from research.story.elements import (
    ANCHOR_BONUS,
    ELEMENT_COLUMNS,
    ELEMENT_PASSAGE_COLUMNS,
    ELEMENT_THRESHOLD,
    LABEL_WORDS,
    cluster_passages,
    element_label,
    element_scores,
    outlet_names,
    sentence_anchors,
    share_anchor,
)


@pytest.fixture(scope="module")
def seed_elements(seed_articles, seed_passages):
    return cluster_passages(seed_passages, seed_articles)


def element_of(found, piece: str, outlet: str) -> str:
    """The element of the one passage of `outlet` whose text contains `piece`."""
    rows = found.passages[(found.passages["outlet"] == outlet)
                          & found.passages["text"].str.replace("\xa0", " ").str.contains(piece, regex=False)]
    assert len(rows) == 1, (piece, outlet, rows["text"].tolist())
    return rows["element_id"].iloc[0]


def test_every_body_sentence_is_in_exactly_one_element(seed_articles, seed_passages, seed_elements):
    passages, elements = seed_elements
    assert list(passages.columns) == ELEMENT_PASSAGE_COLUMNS and list(elements.columns) == ELEMENT_COLUMNS
    body = seed_passages[seed_passages["role"] == "body"]
    assert sorted(passages["passage_id"]) == sorted(body["passage_id"])
    assert passages["element_id"].notna().all() and elements["element_id"].is_unique
    assert elements["n_passages"].sum() == len(body)
    sizes = passages.groupby("element_id").agg(n=("passage_id", "size"), outlets=("outlet", "nunique"))
    assert (sizes["n"] == elements.set_index("element_id")["n_passages"].loc[sizes.index]).all()
    assert (sizes["outlets"] == elements.set_index("element_id")["n_outlets"].loc[sizes.index]).all()
    # singletons are elements too: facts one outlet alone carries
    assert (elements["n_outlets"] == 1).sum() > 20
    texts = seed_articles.set_index("article_id")["text"]
    assert all(texts[a][s:e] == t for a, s, e, t in passages[["article_id", "start", "end", "text"]].values)
    chosen = elements.set_index("representative_passage_id")
    assert (passages.set_index("passage_id").loc[chosen.index, "element_id"] == chosen["element_id"]).all()


def test_known_seed_elements_are_found(seed_elements):
    quote = {element_of(seed_elements, "What exactly they’re doing — left to be seen", "AP"),
             element_of(seed_elements, "What exactly they're doing is left to be seen", "CNBC/NBC"),
             element_of(seed_elements, "“What exactly they are doing?", "Newslooks"),
             element_of(seed_elements, "What exactly are they doing?’’", "NYT"),
             element_of(seed_elements, "What exactly are they doing?", "Washington Times")}
    containers = {element_of(seed_elements, "more than 13,000 containers", "AP"),
                  element_of(seed_elements, "over 13,000 containers", "Newslooks")}
    pact = {element_of(seed_elements, "who signed a pact in June", "CNBC/NBC"),
            element_of(seed_elements, "In June, North Korea and Russia signed", "Newslooks"),
            element_of(seed_elements, "in June signed a strategic partnership", "Washington Times")}
    rutte = {element_of(seed_elements, "NATO Secretary General Mark Rutte", "AP"),
             element_of(seed_elements, "NATO Secretary-General Mark Rutte", "Washington Times")}
    december = {element_of(seed_elements, "aims to deploy a total of 10,000 troops", "AP"),
                element_of(seed_elements, "plans to send a total of 10,000 troops", "Newslooks")}
    found = [quote, containers, pact, rutte, december]
    assert all(len(element) == 1 for element in found)
    assert len(set().union(*found)) == len(found)  # five different elements
    elements = seed_elements.elements.set_index("element_id")
    assert elements.loc[quote.pop(), "n_outlets"] == 5
    assert elements.loc[containers.pop(), "outlets"] == "AP; Newslooks"


def test_elements_are_numbered_by_outlets_then_position_and_labelled(seed_elements):
    elements = seed_elements.elements
    assert elements["element_id"].tolist() == [f"E{k:02d}" for k in range(1, len(elements) + 1)]
    assert elements["n_outlets"].is_monotonic_decreasing
    assert elements["n_outlets"].iloc[0] == 5
    assert (elements["label"].str.len() > 0).all()
    assert not elements["label"].str.startswith("- ").any()
    cut = elements["label"].str.split(" [", regex=False).str[0].str.removesuffix(" …")
    assert (cut.str.split().str.len() <= LABEL_WORDS).all()
    multi = elements[elements["n_articles"] > 1]
    assert multi["cohesion"].between(0.1, 1.0).all()
    assert elements.loc[elements["n_articles"] == 1, "cohesion"].isna().all()


def test_same_elements_in_any_row_order(seed_articles, seed_passages, seed_elements):
    for seed in range(2):
        shuffled = cluster_passages(seed_passages.sample(frac=1, random_state=seed),
                                    seed_articles.sample(frac=1, random_state=seed))
        pd.testing.assert_frame_equal(shuffled.passages, seed_elements.passages)
        pd.testing.assert_frame_equal(shuffled.elements, seed_elements.elements)


def event(texts: dict[str, tuple[str, list[str]]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles (one paragraph per sentence, after a headline) and their sentence passages."""
    articles = pd.DataFrame([{"article_id": key, "outlet": outlet, "text": "Headline\n\n" + "\n\n".join(sentences)}
                             for key, (outlet, sentences) in texts.items()])
    return articles, research.split_passages(research.split_blocks(articles))


PACT = "North Korea and Russia signed a mutual defence pact in June, pledging military help if either is attacked."
PACT_2 = "In June, Russia and North Korea signed a pact pledging mutual military assistance if either is attacked."
ARMY = "North Korea has an army of 1.2 million troops, one of the largest standing armies in the world."
ARMY_2 = "With 1.2 million troops, North Korea has one of the world's largest standing armies."
ALONE = "The language barrier between Korean-speaking and Russian-speaking soldiers would be another obstacle."


def test_a_constructed_event_pairs_the_paraphrases_and_keeps_a_lone_fact_alone():
    articles, passages = event({"a": ("Wire", [PACT, ARMY, ALONE]), "b": ("Daily", [ARMY_2, PACT_2]),
                                "c": ("", [PACT_2.replace("June", "early June")])})
    found = cluster_passages(passages, articles)
    by_text = found.passages.set_index("text")["element_id"]
    assert by_text[PACT] == by_text[PACT_2] == by_text[PACT_2.replace("June", "early June")]
    assert by_text[ARMY] == by_text[ARMY_2] != by_text[PACT]
    elements = found.elements.set_index("element_id")
    assert elements.loc[by_text[PACT], ["n_outlets", "n_articles", "n_passages", "outlets"]].tolist() == [
        3, 3, 3, "Daily; Wire; c"]  # an article without outlet counts as its own outlet
    assert elements.loc[by_text[ALONE], "n_outlets"] == 1
    assert found.elements["element_id"].iloc[0] == by_text[PACT]  # most outlets first


def test_two_articles_of_one_outlet_count_as_one_outlet():
    articles, passages = event({"a1": ("Wire", [PACT]), "a2": ("Wire", [PACT_2]), "b": ("Daily", [ARMY])})
    elements = cluster_passages(passages, articles).elements
    assert elements[["n_outlets", "n_articles", "n_passages", "outlets"]].values.tolist() == [
        [1, 2, 2, "Wire"], [1, 1, 1, "Daily"]]


def test_only_body_passages_are_clustered_unless_asked(seed_articles, seed_passages):
    found = cluster_passages(seed_passages, seed_articles, roles=None)
    assert len(found.passages) == len(seed_passages)
    with pytest.raises(AnalysisError, match="appears twice"):
        body = seed_passages[seed_passages["role"] == "body"]
        cluster_passages(pd.concat([seed_passages, body.iloc[:1]]))
    empty = cluster_passages(seed_passages.iloc[:0])
    assert empty.passages.empty and list(empty.elements.columns) == ELEMENT_COLUMNS


def test_outlet_names_fall_back_to_the_article_id():
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["AP", "", None]})
    assert outlet_names(articles, ["c", "a", "b", "a"]).to_dict() == {"c": "c", "a": "AP", "b": "b"}
    assert outlet_names(None, ["x"]).to_dict() == {"x": "x"}


@pytest.mark.parametrize("text, label", [
    ("- U.S. Defense Secretary Lloyd Austin confirmed North Korea has sent troops to Russia.",
     "U.S. Defense Secretary Lloyd Austin confirmed North Korea has sent troops to Russia"),
    ("SEOUL, South Korea — The U.S. defense secretary said Wednesday there is evidence.",
     "The U.S. defense secretary said Wednesday there is evidence"),
    ("On Tuesday, NATO Secretary-General Mark Rutte said the dispatch would mark a “significant escalation.”",
     "NATO Secretary-General Mark Rutte said the dispatch would mark a “significant escalation.”"),
    (("South Korean lawmakers said Wednesday that North Korea had sent 3,000 troops to Russia out of a promised "
     "10,000 to be deployed by December."),
     "South Korean lawmakers said Wednesday that North Korea had sent 3,000 troops to Russia … [10,000]"),
    (("North Korea has the world's fourth-largest military with around 1.2 million military personnel, according "
     "to the Council on Foreign Relations, a New York-based think tank."),
     "North Korea has the world's fourth-largest military with around 1.2 million military personnel"),
    (("Mr. Austin told reporters in Rome that it would be “very, very serious” if the North Korean troops were "
     "preparing to fight alongside Russian troops."),
     "Mr. Austin told reporters in Rome that it would be “very, very serious” if …"),
    ("At least 40 homes were destroyed, the county sheriff said, and two firefighters were treated for injuries.",
     "At least 40 homes were destroyed, the county sheriff said [two]"),
    ("“Left to be seen.”", "“Left to be seen.”"),
    # a piece of a sentence that opens in lower case keeps it, so `omissions` can tell it is a fragment
    ("who are balking at the $3.5 trillion cost of his budget reconciliation measure.",
     "who are balking at the $3.5 trillion cost of his budget reconciliation measure"),
    # a participle before a noun is no opening phrase: "Acting minister" is the subject (AllSides 5858)
    (("Acting minister in the Presidency Khumbudzo Ntshavheni gave an update on the unrest, on Thursday "
      "afternoon, 15 July 2021."),
     "Acting minister in the Presidency Khumbudzo Ntshavheni gave an update on the unrest"),
    (("Speaking to reporters in some of the areas worst hit by the unrest, Cyril Ramaphosa said authorities had "
      "identified “a good number” of those who planned and coordinated the violence, the worst in South Africa "
      "since the end of the apartheid regime in 1994."),
     "Cyril Ramaphosa said authorities had identified “a good number” of those who planned and …"),
    ("“What exactly they are doing?", "What exactly they are doing?"),
    (("According to South Korean intelligence, 3,000 North Korean soldiers are currently in Russia, receiving "
     "training on drones."),
     "According to South Korean intelligence, 3,000 North Korean soldiers are currently in Russia"),
])
def test_labels_are_the_sentence_cut_at_a_clause_boundary(text, label):
    assert element_label(text) == label


def test_sentence_anchors_are_figures_and_dates_but_not_the_news_day():
    published = "2021-08-06T12:00:00"  # a Friday
    assert sentence_anchors("Nonfarm payrolls rose by 943,000 in July, the department said Friday.", published) \
        == "943000; 2021-07-01/2021-07-31"
    assert sentence_anchors("The payroll increase was the best since August 2020.", published) == \
        "2020-08-01/2021-08-06"
    # "since August last year" is August of the year before publication: the same date as "since August 2020"
    assert sentence_anchors("It was the biggest job gain since August last year.", published) == \
        "2020-08-01/2021-08-06"
    assert sentence_anchors("The president spoke on Friday.", published) == ""  # the news day
    assert sentence_anchors("Rates fell in August 2020.") == ""  # no publication date: no date resolved
    assert share_anchor("3.475e+07", "3.47e+07") is True  # one figure, rounded
    assert share_anchor("943000; 2021-07-01/2021-07-31", "845000") is False
    assert share_anchor("2021-07-01/2021-07-31", "2021-07-01/2021-07-31") is True
    assert share_anchor("", "943000") is False


def test_a_paraphrase_sharing_a_figure_joins_its_element():
    jobs = "Employers added 943,000 positions in July as hiring picked up, the Labor Department said."
    jobs_2 = "Payrolls grew by 943,000 last month, beating the forecasts of economists."
    articles, passages = event({"a": ("Wire", [jobs, PACT]), "b": ("Daily", [jobs_2, PACT_2])})
    articles["published"] = "2021-08-06T12:00:00"
    found = cluster_passages(passages, articles)
    by_text = found.passages.set_index("text")["element_id"]
    assert by_text[jobs] == by_text[jobs_2] != by_text[PACT]
    # the words alone score below the threshold: the figure and the month ("last month") join them
    rows = found.passages.sort_values("passage_id").reset_index(drop=True)
    first, second = (rows.index[rows["text"] == text][0] for text in (jobs, jobs_2))
    assert found.passages.set_index("text").loc[jobs, "anchors"] == "943000; 2021-07-01/2021-07-31"
    score = element_scores(rows, [first])[0, second]
    assert score >= ELEMENT_THRESHOLD > score - ANCHOR_BONUS
    # without a publication date only the figure is an anchor, still enough here
    assert cluster_passages(passages, articles.drop(columns="published")).passages.set_index("text")["anchors"][
        jobs] == "943000"
