import pandas as pd
import pytest
from conftest import sentences

import research
from research.corpus import datasets
from research.reuse.overlap import OVERLAP_COLUMNS, earlier

SOURCE = [
    (
        "The U.S. defense secretary said there is evidence that North Korea has sent troops to Russia, calling "
        "it a serious issue if they join the war in Ukraine on Moscow's side and warning of consequences."
    ),
    (
        "South Korea's spy chief told lawmakers that three thousand North Korean troops are now in Russia "
        "receiving training on drones and other equipment before being deployed to battlefields in Ukraine."
    ),
    (
        "Russia and North Korea have denied the troop movements, but they have sharply boosted their cooperation "
        "in the past two years and signed a major defense deal in June."
    ),
    (
        "The North has shipped more than thirteen thousand containers of artillery, missiles and other "
        "conventional arms to Russia since August to replenish its dwindling weapons stockpiles."
    ),
    (
        "Experts question how much the troops would help Russia, citing a shortage of battle experience and the "
        "language barrier between the two armies on the front line."
    ),
    (
        "Officials in Seoul said they would consider supplying weapons to Ukraine in response to the dispatch, a "
        "change from a long policy of not arming countries at war."
    ),
]
OWN = [
    (
        "A reporter in the capital spoke with families of soldiers who said they had not heard from their sons "
        "for several weeks and feared the worst about the deployment."
    ),
    (
        "Analysts at a research institute in the city said satellite pictures showed new barracks being built "
        "near a training ground close to the eastern border of the country."
    ),
]
STATEMENT = (
    "“We will not stand by while our neighbours are threatened, and we will respond with every means "
    "at our disposal to protect the peace and security of our people,” the minister said."
)


def corpus(*rows) -> pd.DataFrame:
    """Articles from (article_id, published, paragraphs) rows."""
    return pd.DataFrame(
        [
            {"article_id": a, "headline": "", "published": p, "text": "\n\n".join(paragraphs)}
            for a, p, paragraphs in rows
        ]
    )


def row(table: pd.DataFrame, a: str, b: str) -> pd.Series:
    return table[(table["article_id_a"] == a) & (table["article_id_b"] == b)].iloc[0]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (
            "2024-10-23T06:55:00-04:00",
            "2024-10-23T13:35:02+00:00",
            -1,
        ),  # instants: 10:55 UTC before 13:35 UTC
        ("2024-10-23T13:35:02+00:00", "2024-10-23T06:55:00-04:00", 1),
        ("2024-10-23", "2024-10-23T13:35:02+00:00", None),  # date precision: same day
        ("2024-10-22", "2024-10-23", None),  # one day apart is within a date's zone uncertainty
        ("2024-10-20", "2024-10-23T06:55:00-04:00", -1),
        (
            "2024-10-23T09:00:00",
            "2024-10-23T06:55:00-04:00",
            None,
        ),  # a time without zone: compare dates only
        ("", "2024-10-23", None),
        ("not a date", "2024-10-23", None),
    ],
)
def test_publication_order_is_compared_at_the_precision_both_give(a, b, expected):
    assert earlier(a, b) == expected


def test_copies_rewrites_and_independent_reports_are_told_apart():
    edited = SOURCE[1].replace("three thousand", "3,000").replace("are now in", "are in")
    articles = corpus(
        ("source", "2024-10-20", SOURCE),
        ("copy", "2024-10-23", [SOURCE[0], edited, SOURCE[2], SOURCE[3]]),
        ("partial", "2024-10-23", [OWN[0], SOURCE[3], OWN[1], SOURCE[5]]),
        ("quote", "2024-10-20", [OWN[1], STATEMENT, OWN[0]]),
        (
            "other",
            "2024-10-21",
            [
                STATEMENT,
                (
                    "The remarks came at the end of a long day of talks with visiting "
                    "delegations, and aides said a fuller response would follow within days."
                ),
            ],
        ),
    )
    table = research.article_overlap(research.align(sentences(articles), articles), sentences(articles), articles)
    assert len(table) == 5 * 4
    copy = row(table, "copy", "source")
    assert copy["derivation"] == "wholly derived" and copy["containment"] == 1.0
    assert (
        copy["likely_source"] == "source"
        and row(table, "source", "copy")["likely_source"] == "source"
    )
    source = row(
        table, "source", "copy"
    )  # containment is asymmetric: 4 of the source's 6 paragraphs
    assert source["containment"] == pytest.approx(source["shared_words"] / source["words_a"])
    assert 0.6 < source["containment"] < 0.75 and source["derivation"] == "partially derived"
    assert row(table, "partial", "source")["derivation"] == "partially derived"
    assert 0.4 < row(table, "partial", "source")["containment"] < 0.6
    # The same statement quoted by two outlets is shared text but not a derivation.
    quote = row(table, "quote", "other")
    assert (
        quote["containment"] > 0.3 and quote["longest_span"] == 3
    )  # only "the minister said" is narration
    assert quote["derivation"] == "non-derived" and quote["likely_source"] == "none"
    # Shared text with dates too close to order: the source cannot be named.
    assert row(table, "copy", "partial")["likely_source"] == "undetermined"


def test_seed_overlap_matches_a_reading_of_the_pages(seed_articles):
    table = research.article_overlap(research.align(sentences(seed_articles), seed_articles), sentences(seed_articles), seed_articles)
    assert list(table.columns) == OVERLAP_COLUMNS
    outlet = dict(zip(seed_articles["article_id"], seed_articles["outlet"]))
    table["a"], table["b"] = table["article_id_a"].map(outlet), table["article_id_b"].map(outlet)
    labels = table.set_index(["a", "b"])
    # The rewrite site shares text with AP, most of it rewritten rather than copied (labels: test_derivation.py).
    newslooks = labels.loc[("Newslooks", "AP")]
    assert newslooks["containment_with_paraphrase"] > 1.5 * newslooks["containment"]
    top_two = labels["containment_with_paraphrase"].nlargest(2).index
    assert set(top_two) == {("Newslooks", "AP"), ("AP", "Newslooks")}
    # The Washington Times page carries edited wire copy that the AP page also has.
    assert labels.loc[("Washington Times", "AP"), "longest_span"] >= 20
    # Citing sentences are set aside like quotations: less narration towards AP than towards the others.
    own = labels.loc["Washington Times"]["narration_words"]
    assert own["AP"] < own["NYT"] == own["CNBC/NBC"] < labels.loc[("Washington Times", "AP"), "words_a"]
    # Four pages carry only a date (or none): only a citation names a source.
    assert set(table["likely_source"]) == {"none", "undetermined", table.loc[table["b"] == "AP", "article_id_b"].iloc[0]}


def test_independent_reports_of_one_event_are_rarely_labelled_derived(data_dir):
    articles = datasets.read_basil(data_dir / "basil_dev").drop(columns="headline")
    tables = []
    for _, event in articles.groupby("event"):
        spans = research.align(sentences(event), event, paraphrase_threshold=None)
        tables.append(research.article_overlap(spans, sentences(event), event))
    table = pd.concat(tables)
    assert len(table) == 180
    assert (table["derivation"].isin(["wholly derived", "partially derived"])).mean() < 0.05
    assert (table["containment"] > 0.2).mean() > 0.05  # they do share quotations


def test_an_article_naming_its_own_outlet_cites_no_other_article_of_it():
    # AllSides bias corpus, USA TODAY, 18 December 2019: two articles of one outlet, one of them quoting a lawmaker
    # who "told USA TODAY"; naming its own outlet is no citation of its other article (a citation lowers the bar of
    # derivation), while the same words from another outlet are one
    update = ["Van Drew to vote against impeachment",
              ("Rep. Jeff Van Drew, who is expected to switch parties, told USA TODAY on Wednesday that he would "
               "vote against both articles of impeachment."),
              "The House is set to vote on the two articles of impeachment on Wednesday evening."]
    preview = ["House set to vote on impeachment",
               ("The House is set to vote on the two articles of impeachment on Wednesday evening, after six hours "
                "of debate."),
               "Democrats hold a majority of the chamber's seats."]
    articles = corpus(("update", "2019-12-18T15:00:00Z", update), ("preview", "2019-12-18T09:00:00Z", preview))
    passages = sentences(articles)
    own = articles.assign(outlet=["USA TODAY", "USA TODAY"])
    table = research.article_overlap(research.align(passages, own), passages, own)
    assert not row(table, "update", "preview")["cites"]
    other = articles.assign(outlet=["The Hill", "USA TODAY"])
    table = research.article_overlap(research.align(passages, other), passages, other)
    assert row(table, "update", "preview")["cites"]
