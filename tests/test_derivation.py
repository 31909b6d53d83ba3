"""Who copied whom: the derivation rule on constructed pairs (independent reports of one event, a wire
copy, a rewrite, a citing article) and its parts (runs, in-order matching, citations, chance thresholds)."""

import numpy as np
import pandas as pd
import pytest
from conftest import sentences

import research
from research.corpus.passages import word_table
from research.reuse import derivation as rule
from research.reuse.derivation import Evidence, citation_pattern, longest_run, ordered_share

# Two reports of one WHO announcement written independently: the standard lede, one shared quote.
WHO_REUTERS = [
    ("The World Health Organization called on Wednesday for a moratorium on booster shots until at least the end "
    "of September, to allow more people in poorer countries to get a first dose."),
    ("WHO Director-General Tedros Adhanom Ghebreyesus said he understood governments' concern to protect their "
    "people from the Delta variant. \"But we cannot accept countries that have already used most of the global "
    "supply of vaccines using even more of it,\" he told a news conference."),
    ("High-income countries have given about 100 doses for every 100 people, while low-income countries have "
    "managed 1.5 doses per 100 people because of a lack of supply, the agency said."),
]
WHO_AP = [
    ("The World Health Organization called on Wednesday for a moratorium on COVID-19 vaccine boosters until the "
    "end of September, saying the doses should go first to nations where few people have been vaccinated."),
    ("Speaking in Geneva, Tedros Adhanom Ghebreyesus, the agency's director-general, said the goal was to have at "
    "least 10% of people in every country vaccinated before boosters are offered anywhere. \"We cannot accept "
    "countries that have already used most of the global supply of vaccines using even more of it,\" Tedros said."),
    ("Israel has already begun offering a third shot to people over 60, and Germany and France are preparing to "
    "follow."),
]
# A wire story, one sentence a line, and a rewrite of its first ten sentences in order with its own additions.
WIRE = [
    ("South Korea's spy agency said Wednesday that North Korea has sent about 3,000 troops to Russia this month "
    "and will send thousands more by December."),
    ("The National Intelligence Service told lawmakers in a closed-door briefing that the soldiers were being "
    "trained at military bases in eastern Russia."),
    ("The agency said the troops had been given Russian uniforms and forged identity papers to hide their "
    "nationality before being sent to the front."),
    ("North Korea and Russia have denied the reports, and the Kremlin called them an attempt by Seoul to stir "
    "tension in the region."),
    ("The two countries signed a defense pact in June that obliges each side to come to the other's aid if "
    "attacked."),
    ("Their military cooperation has grown sharply over the past two years, with Pyongyang shipping artillery "
    "shells and missiles to Moscow."),
    ("South Korea said it could consider sending weapons to Ukraine in response, a shift from its policy of "
    "supplying only humanitarian aid."),
    ("President Yoon Suk Yeol convened an emergency security meeting on Tuesday and ordered officials to prepare "
    "countermeasures with allies."),
    ("NATO Secretary General Mark Rutte said the deployment would mark a significant escalation and a dangerous "
    "expansion of the war."),
    ("Ukrainian officials said they expected the first North Korean units to reach the Kursk border region within "
    "days."),
]
REWRITE = [
    ("North Korea has dispatched some 3,000 soldiers to Russia this month and plans to send thousands more by "
    "December, South Korea's intelligence agency said on Wednesday."),
    ("In a closed-door session with lawmakers, the National Intelligence Service said the soldiers were training "
    "at military bases in Russia's far east."),
    ("According to the agency, the troops received Russian uniforms and fake identity documents to conceal their "
    "nationality before heading to the front."),
    ("Pyongyang and Moscow both denied the reports, with the Kremlin calling them an effort by Seoul to stoke "
    "tension in the region."),
    ("In June the two countries signed a defense pact obliging each side to come to the other's aid if it is "
    "attacked."),
    ("Military cooperation between them has expanded quickly over the last two years, with Pyongyang sending "
    "artillery shells and missiles to Moscow."),
    ("In response, South Korea said it may consider supplying weapons to Ukraine, moving away from its policy of "
    "sending only humanitarian aid."),
    ("On Tuesday President Yoon Suk Yeol held an emergency security meeting and told officials to prepare "
    "countermeasures together with allies."),
    "NATO chief Mark Rutte said the deployment marks a significant escalation and a dangerous widening of the war.",
    ("Ukraine's officials said they expect the first North Korean units to arrive in the Kursk border region "
    "within days."),
]
OWN = [
    ("Families in Seoul who fled the North told our reporter they feared for relatives who might be conscripted "
    "and sent abroad."),
    ("Analysts at a Seoul research institute said satellite images showed new barracks being built near a "
    "training ground in the Russian far east."),
    ("Markets in Seoul barely moved on the news, and the won closed slightly higher against the dollar on "
    "Wednesday afternoon."),
    ("Our correspondent in Vladivostok saw military trucks with covered loads heading north on the main highway "
    "late on Tuesday night."),
]
# A report by one paper and an article that cites it, in its own words or copying a sentence.
POST = [
    ("The Biden administration is weighing a plan to send several hundred additional troops to the Middle East to "
    "protect American bases from drone attacks, according to officials familiar with the discussions."),
    ("The deployment, which has not been announced, would include air defense units drawn from bases in Europe, "
    "the officials said, speaking on the condition of anonymity because the plan has not been finalized."),
    ("Defense Secretary Lloyd Austin is expected to make a decision within days. A Pentagon spokesman declined to "
    "comment."),
]
CITING = [
    ("The administration is considering sending hundreds more troops to the Middle East to guard U.S. bases "
    "against drones, according to The Washington Post."),
    ("Air defense units would be moved from Europe, the Post reported, citing officials who asked not to be "
    "named. Lawmakers from both parties have pressed the Pentagon for months to strengthen protection of troops "
    "in Iraq and Syria after a string of attacks by Iranian-backed militias."),
    "The Pentagon did not respond to a request for comment on Tuesday.",
]
CITING_AND_COPYING = [
    ("The administration is considering sending hundreds more troops to the region, according to The "
    "Washington Post."),
    POST[1],
    ("Lawmakers from both parties have pressed the Pentagon for months to strengthen protection of troops in Iraq "
    "and Syria."),
]
# Two feed excerpts sharing one fact told in other words, and nothing else.
FOX = [
    ("Ukraine's military intelligence chief said Wednesday that North Korean troops would arrive in Russia's Kursk "
    "region within days to help Russian forces push back Ukraine's incursion."),
    ("Kyiv has urged its allies to lift limits on the use of Western long-range weapons inside Russia, arguing "
    "that strikes on airfields and supply depots would slow the build-up. Several European governments have "
    "signalled support, while Washington remains cautious."),
]
CNN = [
    ("North Korean troops will reach the Kursk region of Russia within days to help Russian forces repel the "
    "Ukrainian incursion, Ukraine's military intelligence chief said."),
    ("The Kremlin dismissed the claim as propaganda. Analysts in Seoul said the deployment would give Pyongyang "
    "combat experience and hard currency, and could bring Russian help with its satellite and missile programs "
    "in return."),
]


def paragraphs(lines: list[str], per_paragraph: int = 2) -> list[str]:
    return [" ".join(lines[k : k + per_paragraph]) for k in range(0, len(lines), per_paragraph)]


def overlap(a: tuple[str, list[str]], b: tuple[str, list[str]], published=("", "")) -> pd.DataFrame:
    """`article_overlap` of two articles given as (outlet, paragraphs), keyed by (article_id_a, article_id_b)."""
    articles = pd.DataFrame([
        {"article_id": key, "outlet": outlet, "published": when, "text": "A headline\n\n" + "\n\n".join(text)}
        for key, (outlet, text), when in (("a", a, published[0]), ("b", b, published[1]))
    ])
    passages = sentences(articles)
    table = research.article_overlap(research.align(passages, articles), passages, articles)
    return table.set_index(["article_id_a", "article_id_b"])


def test_independent_reports_of_one_event_are_not_labelled_derived():
    # They share an 11-word lede and a quotation: too short to tell reuse from standard phrasing.
    table = overlap(("Reuters", WHO_REUTERS), ("Associated Press", WHO_AP))
    assert table["longest_run"].min() == 11  # "The World Health Organization called on Wednesday for a moratorium on"
    assert set(table["derivation"]) == {"too short to tell"}
    assert set(table["likely_source"]) == {"none"}


def test_a_wire_copy_is_wholly_derived_both_ways():
    copy = paragraphs(WIRE)
    table = overlap(("Washington Times", copy), ("Associated Press", copy[:-1] + [copy[-1] + " More talks follow."]))
    assert set(table["derivation"]) == {"wholly derived"}
    assert (table["longest_run"] >= 30).all()


def test_a_rewrite_is_derived_in_the_source_s_order_and_not_out_of_it():
    rewrite = paragraphs(REWRITE + OWN)
    table = overlap(("Newslooks", rewrite), ("Associated Press", paragraphs(WIRE)))
    row = table.loc[("a", "b")]
    assert row["words_a"] >= rule.MIN_WORDS_RETOLD and row["longest_run"] < 12  # no long copied run
    assert row["retold_share"] > 0.5 and row["derivation"] == "partially derived"  # its own four sentences
    # The same sentences in reverse order: each still paraphrases a wire sentence, but nothing is retold in order.
    reordered = overlap(("Newslooks", paragraphs(REWRITE[::-1] + OWN)), ("Associated Press", paragraphs(WIRE)))
    assert reordered.loc[("a", "b"), "retold_share"] < rule.RETOLD_SHARE
    assert reordered.loc[("a", "b"), "derivation"] == "non-derived"
    # A rewrite too short to tell from independent coverage.
    short = overlap(("Newslooks", paragraphs(REWRITE[:6])), ("Associated Press", paragraphs(WIRE[:6])))
    assert short.loc[("a", "b"), "retold_share"] > 0.5 and short.loc[("a", "b"), "derivation"] == "too short to tell"


def test_citing_an_outlet_is_not_being_its_source():
    table = overlap(("The Hill", CITING), ("Washington Post", POST))
    assert table.loc[("a", "b"), "cites"] and table.loc[("b", "a"), "cited_by"]
    assert set(table["derivation"]) == {"non-derived"}
    # Copying a sentence of the cited report: derived from it, the cited report is the source, never the copy.
    table = overlap(("The Hill", CITING_AND_COPYING), ("Washington Post", POST), published=("2024-01-05", ""))
    assert table.loc[("a", "b"), "derivation"] == "partially derived"
    assert table.loc[("b", "a"), "derivation"] == "non-derived"
    assert set(table["likely_source"]) == {"b"}


def test_one_shared_fact_on_short_excerpts_is_too_short_to_tell():
    table = overlap(("Fox News", FOX), ("CNN", CNN))
    assert (table["longest_run"] < rule.MIN_RUN).all() and (table["retold_share"] >= rule.RETOLD_SHARE).all()
    assert set(table["derivation"]) == {"too short to tell"}


def test_seed_labels_match_a_reading_of_the_pages(seed_articles, seed_passages):
    table = research.article_overlap(research.align(seed_passages, seed_articles), seed_passages, seed_articles)
    outlet = dict(zip(seed_articles["article_id"], seed_articles["outlet"]))
    labels = table.assign(a=table["article_id_a"].map(outlet), b=table["article_id_b"].map(outlet)).set_index(
        ["a", "b"])
    # The Newslooks page retells the AP story in AP's order: derived, on that evidence, not on a long run.
    assert labels.loc[("Newslooks", "AP"), "derivation"] in rule.DERIVED
    assert labels.loc[("Newslooks", "AP"), "longest_run"] < rule.chance_threshold(800, 800, rule.RUN_TAIL, rule.EPSILON)
    # The Washington Times carries edited AP wire copy and cites "an Associated Press report".
    assert labels.loc[("Washington Times", "AP"), "derivation"] == "partially derived"
    assert labels.loc[("Washington Times", "AP"), "cites"]
    assert labels.loc[("AP", "Washington Times"), "derivation"] == "non-derived"
    ap = next(key for key, name in outlet.items() if name == "AP")
    assert labels.loc[("Washington Times", "AP"), "likely_source"] == ap  # the outlet it cites
    for own in ("CNBC/NBC", "NYT"):
        assert (labels.loc[own]["derivation"] == "non-derived").all()
        assert (labels.xs(own, level="b")["derivation"] == "non-derived").all()


def tokens(text: str) -> pd.DataFrame:
    """The word table of one article's body."""
    articles = pd.DataFrame([{"article_id": "x", "published": "", "text": text}])
    passages = sentences(articles)
    return word_table(passages[passages["role"] == "body"], articles)


def test_the_longest_run_is_unquoted_in_both_and_stays_in_one_paragraph():
    a = tokens("Headline\n\nNorth Korea has sent about three thousand troops to Russia this month, officials said.")
    b = tokens("Headline\n\nOfficials said North Korea has sent about three thousand troops to Russia.\n\nMore.")
    every = (np.ones(len(a), bool), np.ones(len(b), bool))
    assert longest_run(a, b, *every) == 10  # "north korea has sent about three thousand troops to russia"
    assert longest_run(a, b, *every) == longest_run(b, a, every[1], every[0])
    # A word set aside on one side (quoted, or in a sentence citing the other) breaks the run.
    cut = every[0].copy()
    cut[4] = False  # "about"
    assert longest_run(a, b, cut, every[1]) == 5  # "three thousand troops to russia"
    # The same words with a paragraph break after "about" on A's side.
    split = a.assign(block_id=np.where(np.arange(len(a)) < 5, "x:b001", "x:b002"))
    assert longest_run(split, b, *every) == 5


def test_in_order_matching_counts_each_sentence_once_and_keeps_the_order():
    weights = np.array([10.0, 20.0, 30.0, 40.0])
    in_order = pd.DataFrame({"i": [0, 1, 2, 3], "j": [0, 1, 2, 3]})
    assert ordered_share(in_order, weights) == 1.0
    crossed = pd.DataFrame({"i": [0, 1, 2, 3], "j": [3, 2, 1, 0]})
    assert ordered_share(crossed, weights) == 0.4  # one pair of a reversed order: the heaviest
    repeated = pd.DataFrame({"i": [3, 3, 2], "j": [0, 1, 2]})  # sentence 3 matched twice counts once
    assert ordered_share(repeated, weights) == 0.4
    assert ordered_share(in_order.iloc[:0], weights) == 0.0


@pytest.mark.parametrize(("outlet", "text", "cites"), [
    ("Washington Post", "Air defense units would move, according to The Washington Post.", True),
    ("Washington Post", "Air defense units would move, the Post reported.", False),  # "the Post" is not a name here
    ("Associated Press", "Cho told The Associated Press on Wednesday that the troops had arrived.", True),
    ("AP", "The agency confirmed an AP report on the shipments.", True),
    ("AP", "He said the map was wrong.", False),  # "ap" inside "map", and lower case
    ("NYT", "The New York Times first reported the talks on Sunday.", True),
    ("hpo", "A HuffPost analysis found the claim false.", True),
    ("Fox News (Online News)", "Fox News obtained a copy of the letter.", True),
    ("CNN (Online News)", "CNN was among the networks at the briefing.", False),
    ("", "according to The Washington Post", False),
])
def test_citations_name_the_outlet_as_a_source(outlet, text, cites):
    pattern = citation_pattern(outlet)
    assert bool(pattern and pattern.search(text)) == cites


def test_chance_thresholds_grow_with_length_and_drop_for_a_cited_source():
    short = rule.chance_threshold(70, 70, rule.RUN_TAIL, rule.EPSILON)
    long = rule.chance_threshold(700, 700, rule.RUN_TAIL, rule.EPSILON)
    cited = rule.chance_threshold(700, 700, rule.RUN_TAIL, rule.EPSILON_CITED)
    assert rule.MIN_RUN <= short < long and rule.MIN_RUN <= cited < long
    assert rule.chance_threshold(1, 1, rule.RUN_TAIL, rule.EPSILON_CITED) == rule.MIN_RUN
    # Under the fitted model the chance of the threshold is at most EPSILON, of one word less above it.
    a, b = rule.RUN_TAIL
    chance = lambda length: 1 - np.exp(-700 * 700 * np.exp(a + b * length))
    assert chance(long) <= rule.EPSILON < chance(long - 1)


@pytest.mark.parametrize(("evidence", "expected"), [
    (Evidence(800, 700, 700, 40, 40, 0.9, 0.9, False, False), "wholly derived"),
    (Evidence(800, 700, 700, 40, 40, 0.2, 0.3, False, False), "partially derived"),
    (Evidence(800, 700, 700, 9, 12, 0.3, 0.3, False, False), "partially derived"),  # retold in order, long enough
    (Evidence(90, 80, 80, 9, 12, 0.3, 0.3, False, False), "too short to tell"),
    (Evidence(800, 700, 700, 9, 12, 0.05, 0.1, False, False), "non-derived"),
    (Evidence(800, 700, 700, 40, 40, 0.9, 0.9, False, True), "non-derived"),  # B cites A: A is B's source
    (Evidence(800, 700, 700, 13, 13, 0.0, 0.1, True, False), "partially derived"),  # A cites B: the lower bar
    (Evidence(800, 700, 700, 13, 13, 0.0, 0.1, False, False), "non-derived"),
])
def test_the_rule_reads_the_evidence_in_order(evidence, expected):
    assert rule.derivation(evidence) == expected
