"""Attributions (cue, source, content) and actor grouping, on constructed sentences, seeds and PolNeAR."""

import pandas as pd
import pytest

import research
from research.claims.cues import ATTRIBUTION_COLUMNS
from research.claims.verbs import inflections
from research.corpus import datasets


def article(*paragraphs: str, roles: tuple[str, ...] = ()) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A one-article corpus of `paragraphs` (blank lines between) and its blocks, all body unless
    `roles` names each block's role."""
    text = "\n\n".join(paragraphs)
    starts = [sum(len(p) + 2 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    blocks = pd.DataFrame({"article_id": "a", "block_id": [f"a:b{i}" for i in range(len(paragraphs))],
                           "start": starts, "end": [s + len(p) for s, p in zip(starts, paragraphs)],
                           "role": list(roles) or "body", "reason": "test", "text": list(paragraphs)})
    return pd.DataFrame({"article_id": ["a"], "text": [text]}), blocks


def find(*paragraphs: str, roles: tuple[str, ...] = (), group: bool = False) -> pd.DataFrame:
    """Attributions of a constructed article, with the content text (and actor columns if `group`)."""
    articles, blocks = article(*paragraphs, roles=roles)
    table = research.attributions(blocks, articles)
    assert list(table.columns) == ATTRIBUTION_COLUMNS
    text = articles["text"].iloc[0]
    table["content"] = [text[s:e] if s >= 0 else "" for s, e in zip(table["content_start"], table["content_end"])]
    return research.group_actors(table, articles) if group else table


def test_subject_before_cue_and_reported_clause():
    table = find("South Korea's spy chief told lawmakers that 3,000 North Korean troops are now in Russia.")
    row = table.iloc[0]
    assert (row.source_text, row.cue_text, row.direct) == ("South Korea's spy chief", "told", False)
    assert row.content == "3,000 North Korean troops are now in Russia"


def test_inverted_source_with_appositive_and_quote():
    text = ('"The Russians are going to appreciate it," said Frank Ledwidge, a former British military '
            'intelligence officer.')
    row = find(text).iloc[0]
    assert row.cue_text == "said" and row.direct
    assert row.source_text == "Frank Ledwidge, a former British military intelligence officer"
    assert row.content == '"The Russians are going to appreciate it,"'


def test_quote_over_two_sentences_is_attributed_to_the_cue_after_it():
    text = ('"This is a challenge, but we know how to respond. It is important that partners do not hide," '
            'he said in his nightly video address.')
    row = find(text).iloc[0]
    assert (row.source_text, row.cue_text, row.direct) == ("he", "said", True)
    assert row.content.startswith('"This is a challenge') and row.content.endswith('hide,"')


def test_according_to_and_nested_speakers():
    text = ("Cho told lawmakers his agency assessed that North Korea aims to deploy a total of 10,000 troops "
            "to Russia by December, Park told reporters.")
    table = find(text)
    assert list(zip(table["source_text"], table["cue_text"])) == [
        ("Cho", "told"), ("his agency", "assessed"), ("Park", "told")]
    assert table.iloc[1]["content"] == "North Korea aims to deploy a total of 10,000 troops to Russia by December"
    row = find("According to South Korean intelligence, 3,000 soldiers are in Russia.").iloc[0]
    assert (row.cue_text, row.source_text) == ("According to", "South Korean intelligence")
    assert row.content == "3,000 soldiers are in Russia"


def test_passive_cue_has_no_source():
    row = find("About 1,500 troops were reported to have arrived.").iloc[0]
    assert row.cue_text == "were reported" and row.source_text == "" and row.source_start == -1


def test_parenthesis_and_auxiliaries_belong_where_they_should():
    row = find("Rep. Gwen Moore (D-Wis.) has also said the bill would fail.").iloc[0]
    assert (row.source_text, row.cue_text) == ("Rep. Gwen Moore (D-Wis.)", "has also said")


def test_nouns_and_names_are_not_cues():
    assert find("The report was published by the United States on Monday.").empty
    assert find("Critics raised questions about the claims in Mr. Obama's remarks on trade.").empty
    assert find("The Associated Press report ran on Monday.").empty


# Quotations that go on after their cue (the "(unattributed quote)" problem of issue 6).

def test_quote_resumes_after_the_cue_in_the_same_paragraph():
    row = find("“These soldiers are in training,” Mr. Hale said, according to a Reuters report. "
               "“We do not yet know whether they will fight.”").iloc[0]
    assert (row.source_text, row.relay_text) == ("Mr. Hale", "a Reuters report")
    assert row.content.startswith("“These soldiers") and row.content.endswith("will fight.”")
    row = find("It is a “serious issue,” she said, if the army’s “intention is to fight in the war.”").iloc[0]
    assert row.source_text == "she" and row.content.endswith("in the war.”")
    text = "“What are they doing?’’ Mr. Hale told reporters at a base in Italy. “Left to be seen.”"
    assert find(text).iloc[0].content == text


def test_quote_continues_into_the_next_paragraphs_until_a_new_cue():
    table = find("He added a warning: “If they deploy, they are fair game.",
                 "“We will not wait for them to reach the front.”",
                 "“Nor will our allies.”",
                 "“This is a matter for Seoul,” Foreign Minister Ana Lopes said.")
    assert len(table) == 2
    first, second = table.iloc[0], table.iloc[1]
    assert first.source_text == "He" and first.content.startswith("a warning: “If they deploy")
    assert first.content.endswith("“Nor will our allies.”")  # an unclosed quote, then two paragraphs
    assert second.source_text == "Foreign Minister Ana Lopes" and second.content == "“This is a matter for Seoul,”"


@pytest.mark.parametrize(("paragraphs", "roles"), [
    # reported speech, not a quotation, before the cueless quotation
    (("Officials said the troops had arrived in the port.", "“They are here.”"), ()),
    # the outlet's own sentence after the quotation
    (("“They are here,” Mr. Hale said. The ministry did not comment.", "“They will stay.”"), ()),
    # a caption between the two paragraphs
    (("“They are here,” Mr. Hale said.", "A photo of the port.", "“They will stay.”"),
     ("body", "caption", "body")),
])
def test_quote_is_not_continued_when_something_intervenes(paragraphs, roles):
    table = find(*paragraphs, roles=roles)
    assert not table["content"].str.contains("They will stay").any()
    assert research.attributions(*reversed(article(*paragraphs, roles=roles)), continuation=False)["content_end"].max() \
        == table["content_end"].max()


# Relays: who passes on whose words.

def test_relays_keep_the_origin_as_source():
    table = find("Park cited Cho as saying the 3,000 troops have been split among bases.").set_index("cue_text")
    assert (table.loc["saying", "source_text"], table.loc["saying", "relay_text"]) == ("Cho", "Park")
    assert table.loc["saying", "content"] == "the 3,000 troops have been split among bases"
    table = find("Lee, citing Cho, said Russia is recruiting interpreters.").set_index("cue_text")
    assert (table.loc["citing", "source_text"], table.loc["citing", "relay_text"]) == ("Cho", "Lee")
    assert table.loc["citing", "content"] == table.loc["said", "content"] == "Russia is recruiting interpreters"
    table = find("Park said Cho told lawmakers that North Korea aims to send 10,000 troops.").set_index("cue_text")
    assert (table.loc["told", "source_text"], table.loc["told", "relay_text"]) == ("Cho", "Park")
    assert table.loc["said", "relay_text"] == "" and table.loc["said", "relay_start"] == -1


def test_claims_credit_the_origin_not_the_relay():
    text = "Park cited Cho as saying the 3,000 North Korean soldiers sent to Russia have been split among bases."
    articles, blocks = article(text)
    claims = research.extract_claims(research.split_passages(blocks), research.attributions(blocks, articles), articles.assign(published="2024-10-23"))
    claim = claims.set_index("value").loc[3000.0]
    assert (claim.claimant, claim.claimant_relay) == ("Cho", "Park")


# Pronouns and role descriptions (issues 2 and 3), on constructed text with invented names.

def test_pronoun_takes_the_person_named_last_when_the_subject_is_not_a_person():
    table = find("Kremlin spokesman Oleg Marin told reporters the talks were over.",
                 "The news agency reported on remarks from Tomas Vidal, deputy director of the port authority, "
                 "attacking what he called “saboteurs” in the ministry.", group=True)
    assert table.set_index("cue_text").loc["called", "actor"] == "Tomas Vidal"


def test_it_refers_to_an_organisation_never_to_a_person_named_by_surname():
    table = find("McCarthy told reporters the bill was dead.", "The agency said it had recorded 1,200 cases.",
                 "It said 40 people had died.", group=True).set_index("source_text")
    assert table.loc["It", "actor"] == table.loc["The agency", "actor"] == "The agency"


def test_pronoun_prefers_the_subject_of_its_own_or_an_earlier_sentence():
    table = find("Senator Ruth Alder said the plan, drafted by Governor Paul Mint, was flawed. "
                 "She added that it would fail.", group=True).set_index("cue_text")
    assert table.loc["added", "actor"] == "Ruth Alder"  # not Paul Mint, named last
    table = find("NATO Secretary General Mark Frost met Prime Minister Ida Lund and said he asked her "
                 "to send experts.", group=True).set_index("cue_text")
    assert table.loc["asked", "actor"] == "Mark Frost"
    table = find("Spokesperson Maria Lind did not answer questions about the talks, saying there was "
                 "“conflicting information.”", "“Seoul says one thing,” he told reporters.",
                 group=True).set_index("cue_text")
    assert table.loc["saying", "actor"] == "Maria Lind" and table.loc["told", "actor"] == "Maria Lind"


def test_pronoun_skips_people_an_honorific_gives_the_other_gender():
    table = find("Mrs. Ruth Alder met Mr. Paul Mint on Monday. Mrs. Alder said the plan was flawed.",
                 "“It will fail,” he said.", group=True).set_index("cue_text")
    assert table.loc["said"].set_index("source_text").loc["he", "actor"] == "Paul Mint"


def test_role_description_resolves_to_the_person_with_that_title():
    table = find("The French foreign minister said on Monday that talks would resume.",
                 "Foreign Minister Claire Dubois told reporters in Paris that a deal was close.",
                 "The German foreign minister said talks had failed.",
                 "The interior minister said the border was open.", group=True)
    rows = table.set_index("source_text")
    assert rows.loc["The French foreign minister", "actor"] == "Claire Dubois"
    assert rows.loc["Foreign Minister Claire Dubois", "actor_group"] == "France: government"  # country of the lede
    assert rows.loc["The German foreign minister", "actor"] == "The German foreign minister"  # another country
    assert rows.loc["The interior minister", "actor"] == "The interior minister"  # another title
    table = find("The news agency quoted remarks by Kim Ra-hee, deputy director of the party’s propaganda unit.",
                 "“They are lunatics,” the North Korean official said.", group=True)
    assert table.set_index("cue_text").loc["said", "actor"] == "Kim Ra-hee"


def test_one_person_is_one_group_across_articles():
    texts = ["U.S. Defense Secretary Lloyd Austin said troops had arrived.",
             "Defense Secretary Lloyd Austin said troops had arrived.",
             "Former Defense Secretary Lloyd Austin said troops had arrived."]
    articles = pd.DataFrame({"article_id": ["a", "b", "c"], "text": texts})
    blocks = pd.DataFrame({"article_id": ["a", "b", "c"], "block_id": ["a:0", "b:0", "c:0"], "start": 0,
                           "end": [len(t) for t in texts], "role": "body", "reason": "test", "text": texts})
    table = research.group_actors(research.attributions(blocks, articles), articles).set_index("article_id")
    assert table.loc["a", "actor_group"] == table.loc["b", "actor_group"] == "United States: government"
    assert table.loc["c", "actor_group"] == "Lloyd Austin"  # a former official speaks for himself


# Cues beyond "X said" (PolNeAR recall), each justified for news in general.

@pytest.mark.parametrize(("text", "source", "cue", "content"), [
    ("The registration issue was first reported by The Washington Post.", "The Washington Post",
     "was first reported by", "The registration issue"),
    ("Voters doubted the mayor’s claim that crime had fallen.", "the mayor", "claim", "crime had fallen"),
    ("The poll shows Clinton ahead by four points.", "The poll", "shows", "Clinton ahead by four points"),
    ("But Mr. Grassley and Mr. Leahy say other changes are needed.", "Mr. Grassley and Mr. Leahy", "say",
     "other changes are needed"),
    ("Advisers to Mr. Obama say the president is exasperated.", "Advisers to Mr. Obama", "say",
     "the president is exasperated"),
    ("“We will not stop,” she continued.", "she", "continued", "“We will not stop,”"),
    ("The Security Council condemned the test and pledged to impose sanctions.", "The Security Council",
     "pledged", "to impose sanctions"),
    (("Others have questioned the reports, with Andriy Kovalenko, the head of the disinformation center, "
      "warning that Russia could use them."), "Andriy Kovalenko, the head of the disinformation center", "warning",
     "Russia could use them"),
    # a document noun after "according to", a noun of people with "there" or "familiar with" (AllSides dev)
    (("The number could be higher, because only 84 of the 143 school districts have reported their data, "
     "according to the dashboard."), "the dashboard", "according to", "their data, according to the dashboard"),
    (("The death toll in Germany climbed to at least 143 on Saturday, while the toll across the border in Belgium "
     "stood at 24, the authorities there said."), "the authorities there", "said",
     ("The death toll in Germany climbed to at least 143 on Saturday, while the toll across the border in Belgium "
     "stood at 24")),
    (("The U.S. intelligence community assesses that the capital of Afghanistan could fall to the Taliban within "
     "the next 90 days, two sources familiar with the matter confirmed to Fox News."),
     "two sources familiar with the matter", "confirmed", "to Fox News"),
    (("The seven-day average of new cases stood at 132,135 on Sunday, the tracker shows, while hospitalizations "
     "were averaging 101,747."), "the tracker", "shows", "The seven-day average of new cases stood at 132,135 on Sunday"),
])
def test_more_cues(text, source, cue, content):
    row = find(text).set_index("cue_text").loc[cue]
    assert (row.source_text, row.content) == (source, content)


def test_words_that_are_not_cues():
    assert find("The troops continued to stay away from the port.").empty
    assert find("Mr. Hale spoke to reporters for five minutes.").empty
    assert find("It goes without saying that the talks failed.").empty
    assert find("The body was found by police near the port.").empty


def test_inflections():
    assert inflections("say") == ["say", "says", "said", "saying"]
    assert inflections("estimate") == ["estimate", "estimates", "estimated", "estimating"]
    assert inflections("deny") == ["deny", "denies", "denied", "denying"]


def test_seed_offsets_and_speakers(seed_articles):
    table = research.attributions(research.split_blocks(seed_articles), seed_articles)
    texts = seed_articles.set_index("article_id")["text"]
    for row in table.itertuples():
        text = texts[row.article_id]
        assert text[row.cue_start:row.cue_end] == row.cue_text
        assert row.source_start < 0 or text[row.source_start:row.source_end] == row.source_text
    ap = table[table["article_id"] == "000_a8a464420afca919"]
    assert {"South Korea’s spy chief", "Cho", "Park", "lawmaker Lee Seong Kweun"} <= set(ap["source_text"])
    assert not table["cue_text"].str.contains("Share|Updated", regex=True).any()  # page chrome is not read


@pytest.mark.parametrize(("description", "group", "kind"), [
    ("South Korea’s spy chief", "South Korea: NIS", "agency"),
    ("the NIS", "South Korea: NIS", "agency"),
    ("The South Korean intelligence service", "South Korea: NIS", "agency"),
    ("South Korean National Intelligence Service Director Cho Tae-yong", "South Korea: NIS", "person"),
    ("Ukrainian President Volodymyr Zelenskyy", "Ukraine: government", "person"),
    ("Kremlin spokesman Dmitry Peskov", "Russia: government", "person"),
    ("the White House", "United States: government", "government"),
    ("South Korean lawmakers", "South Korea: lawmakers", "legislature"),
    ("American officials", "United States: officials (unnamed)", "unnamed officials"),
    ("Western intelligence officials", "Western: intelligence officials (unnamed)", "unnamed officials"),
    ("NATO Secretary General Mark Rutte", "NATO", "person"),
    ("Frank Ledwidge, a former British military intelligence officer", "Frank Ledwidge", "person"),
    ("the Council on Foreign Relations, a New York-based think tank", "Council on Foreign Relations",
     "organisation"),
    ("Seoul", "South Korea: government", "government"),
])
def test_actor_groups(description, group, kind):
    actor = research.actor_group(description)
    assert (actor.group, actor.kind) == (group, kind)


def test_seed_quotes_and_speakers(seed_articles, seed_passages):
    """The problems reported on the seeds: continued quotations, "what he called", "The U.S. defense
    secretary", and Park relaying Cho."""
    cues = research.group_actors(research.attributions(research.split_blocks(seed_articles), seed_articles), seed_articles)
    spans = research.voice_spans(seed_passages, seed_articles, cues)
    wt = spans[spans["article_id"] == "004_6b509e299142eab2"]
    assert wt.loc[wt["actor_group"] == "(unattributed quote)", "words"].sum() == 0  # was 12% of its words
    rows = cues.set_index(["article_id", "cue_start"])
    texts = seed_articles.set_index("article_id")["text"]
    called = texts["004_6b509e299142eab2"].index("called the “lunatics”")
    assert rows.loc[("004_6b509e299142eab2", called), "actor"] == "Kim Yo-jong"
    ap = cues[cues["article_id"] == "000_a8a464420afca919"].set_index("source_text")
    assert set(ap.loc["The U.S. defense secretary", "actor"]) == {"Lloyd Austin"}
    assert set(ap.loc["The U.S. defense secretary", "actor_group"]) == {ap.loc["Defense Secretary Lloyd Austin",
                                                                             "actor_group"]}
    austin = cues[cues["actor"] == "Lloyd Austin"]
    assert set(austin["actor_group"]) == {"United States: government"} and austin["article_id"].nunique() == 5
    saying = cues[(cues["cue_text"] == "saying") & (cues["relay_text"] == "Park")]
    assert list(saying["source_text"]) == ["Cho"]


def test_group_actors_resolves_surnames_and_pronouns(seed_articles):
    table = research.group_actors(research.attributions(research.split_blocks(seed_articles), seed_articles), seed_articles)
    assert set(ATTRIBUTION_COLUMNS) | {"actor", "actor_kind", "actor_country", "actor_group"} <= set(table.columns)
    ap = table[table["article_id"] == "000_a8a464420afca919"].set_index("source_text")
    assert ap.loc["Cho", "actor"].iloc[0] == "Cho Tae-yong"
    assert set(ap.loc["Cho", "actor_group"]) == {"South Korea: NIS"}
    assert ap.loc["his agency", "actor_group"] == "South Korea: NIS"  # his -> Cho -> NIS
    assert set(ap.loc["Park", "actor"]) == {"Park Sunwon"}
    assert set(ap.loc["He", "actor"]) == {"Lloyd Austin"}


def test_polnear_cue_and_source_detection(data_dir):
    """Lenient (overlap) precision and recall per annotator file on PolNeAR dev; the baseline rule
    of the report-verb lexicon gets cue P 0.44 / R 0.67 (benchmarks/evaluate_attribution.py)."""
    folder = data_dir / "polnear_dev"
    articles = datasets.read_polnear(folder)
    gold = datasets.read_polnear_attributions(folder)
    gold = gold.groupby(["article_id", "annotator", "attribution", "kind"], as_index=False).agg(
        start=("start", "min"), end=("end", "max"))
    predicted = research.attributions(research.split_blocks(articles.drop(columns="headline")), articles.drop(columns="headline"))
    scores = {}
    for kind in ("Cue", "Source"):
        column = kind.lower()
        hits_p = hits_r = n_pred = n_gold = 0
        for (article_id, _), truth in gold[gold["kind"] == kind].groupby(["article_id", "annotator"]):
            mine = predicted[(predicted["article_id"] == article_id) & (predicted[f"{column}_start"] >= 0)]
            spans = list(zip(mine[f"{column}_start"], mine[f"{column}_end"]))
            true = list(zip(truth["start"], truth["end"]))
            n_pred, n_gold = n_pred + len(spans), n_gold + len(true)
            hits_p += sum(any(s < ge and gs < e for gs, ge in true) for s, e in spans)
            hits_r += sum(any(s < pe and ps < e for ps, pe in spans) for s, e in true)
        scores[kind] = (hits_p / n_pred, hits_r / n_gold)
    assert scores["Cue"][0] >= 0.75 and scores["Cue"][1] >= 0.6
    assert scores["Source"][0] >= 0.7 and scores["Source"][1] >= 0.6


def test_a_verb_inside_a_hyphenated_adjective_is_not_a_cue():
    articles, blocks = article("He died of a so-called breakthrough infection, a well-known risk for the old.",
                               "The long-expected report said the risk was small.")
    table = research.attributions(blocks, articles)
    assert table["cue_text"].tolist() == ["said"]
    assert table["source_text"].tolist() == ["The long-expected report"]


def test_a_hover_card_gives_no_speaker_and_its_name_is_the_person():
    # AllSides bias corpus, The Hill, June 2020: hover cards (a name run into other stories' headlines, up to
    # "MORE") inside sentences; their headlines' verbs ("shares", "calls for") are no cues
    table = find(
        "Senate Minority Leader Charles Schumer Chuck SchumerWake up, America — see what's coming Tim Scott shares "
        "racist messages Trump administration ending support for 7 Texas testing sites MORE (D-N.Y.) signaled on "
        "Tuesday that Democrats are prepared to block a GOP police reform bill.",
        "\"The Republican bill, as is, will not get 60 votes,\" Schumer said.",
        "Senate Democratic Whip Dick Durbin Richard (Dick) Joseph DurbinMcCarthy calls for police reform conference "
        "ahead of vote Senate panel votes 21-1 to back Justice IG measure MORE (Ill.) said the bill was not "
        "salvageable.", group=True)
    assert table["cue_text"].tolist() == ["signaled", "said", "said"]
    assert table["source_text"].tolist() == ["Senate Minority Leader Charles Schumer (D-N.Y.)", "Schumer",
                                             "Senate Democratic Whip Dick Durbin (Ill.)"]
    assert table["actor"].tolist() == ["Charles Schumer", "Charles Schumer", "Dick Durbin"]
    assert set(table["actor_kind"]) == {"person"}


def test_a_lawmakers_party_and_state_are_not_part_of_the_name():
    table = find("Sen. Ted Cruz (R-Texas) said the bill was dead.",
                 "Senate Democratic Whip Dick Durbin (D-Ill.) said it could pass.",
                 "The Centers for Disease Control and Prevention (CDC) said cases rose.", group=True)
    assert table["actor"].tolist() == ["Ted Cruz", "Dick Durbin", "CDC"]
    assert table["actor_kind"].tolist() == ["person", "person", "agency"]


def test_a_cue_after_the_kind_of_is_a_noun():
    # AllSides roundups, Vox, 29 April 2021: "questions" is the noun the phrase sorts, and no one speaks
    table = find("And it's not tough because it presents the kind of politically toxic questions that often cause the "
                 "justices to retreat into their partisan corners.",
                 "Mr. Smith questions that the ruling will stand.")
    assert table["source_text"].tolist() == ["Mr. Smith"]


# Spurious cues of issue 18: sentences of a report on the AllSides bias corpus (16-18 December 2019) and of
# PolNeAR train's "choose" half (benchmarks/evaluate_attribution.py --train --false-positives).

@pytest.mark.parametrize(("text", "cues"), [
    # a participle with a thing for object, and nothing said
    ("Michigan was one of the three 'blue wall' states that fell to Trump in 2016, assuring his victory.", []),
    # a noun after a preposition's phrase, a possessive, a number, "such", "other ..." or a modifier
    ("Two articles of impeachment against Clinton failed in the House because of lack of GOP support.", []),
    ("She also suggested that Sanders’ attacks against her come from a place of insecurity.", ["also suggested"]),
    ("And he vowed to “take our fight” to the 35 states that would have not yet voted by night’s end.", ["vowed"]),
    ("Such attacks on the most recent Republican president are unheard-of among Republicans.", []),
    (("Clinton has a significant delegate lead over Sanders, who has turned in stronger showings in the Midwest and "
     "other Western states."), []),
    ("All were confirmed with Republican support.", []),
    # still cues: a quantifier is a subject, a perfect is no passive, a participle after a comma reports
    ("Some Republicans doubt that there will be any significant change to the network.", ["doubt"]),
    ("Other Republicans want Obama to push for new laws.", ["want"]),
    ("We’ve known since at least World War I that sustained economic misery breeds fascism.", ["known"]),
    (("“They have a global strategy,” he said of the terrorist group, adding the U.S. must be equally global to "
     "match it."), ["said", "adding"]),
])
def test_nouns_and_participles_that_are_not_cues(text, cues):
    assert find(text)["cue_text"].tolist() == cues


def test_a_reduced_passive_names_no_one():
    # the trial is expected, the think tank is known: nobody in the sentence expects or knows
    table = find("The House voted on Wednesday, sending the case to the Senate for a trial expected to start next "
                 "month.",
                 "He cited a poll conducted by Center for Security Policy, a think tank known for a variety of "
                 "conspiracy theories.").set_index("cue_text")
    assert table.loc["expected", ["source_text", "content"]].tolist() == ["", "to start next month"]
    assert table.loc["known", "source_text"] == ""
    assert find("Florida elections officials are expecting a record turnout of more than 4 million voters."
                )["source_text"].tolist() == ["Florida elections officials"]


def test_an_adverb_and_a_preposition_are_not_part_of_the_source():
    table = find("Peterson further predicted that four or five other Democrats will join him.",
                 "Podliska further alleges that he was fired for taking time off to fulfill his military duties.",
                 "Rep. Zoe Lofgren (D-Calif.), who introduced a bill this month aimed at improving conditions in Central "
                 "America, said in a statement that the announcements were “important preliminary steps.”")
    assert table["source_text"].tolist() == ["Peterson", "Podliska", ""]  # not "in a statement"
    assert table["content"].iloc[0] == "four or five other Democrats will join him"


def test_a_conditional_clause_is_not_what_was_said():
    row = find("But if as few as four Republicans join Democrats, they could insist on calling witnesses.").iloc[0]
    assert (row.source_text, row.cue_text, row.content) == ("they", "could insist", "on calling witnesses")
    row = find("“Anthony Weiner is on indefinite leave from the station,” a NY1 representative said in a "
               "statement.").iloc[0]
    assert (row.source_text, row.content) == ("a NY1 representative", ("“Anthony Weiner is on indefinite leave from "
                                                                     "the station,”"))
