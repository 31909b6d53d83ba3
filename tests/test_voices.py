"""Voices: every body word given to a speaker (direct or reported) or to the outlet, and the shares per outlet."""

import matplotlib
import pandas as pd
import pytest

import research
from research.corpus import datasets
from research.framing.voices import (
    MIN_SPEAKER_SHARE,
    OWN_VOICE,
    SHARE_COLUMNS,
    SPAN_COLUMNS,
    SPEAKER_KINDS,
    UNATTRIBUTED_QUOTE,
    speaker_of,
    voice_of,
    voice_table,
)
from research.report.figures import plot_voices
from research.text.tokens import word_spans

matplotlib.use("Agg")

PARAGRAPHS = [
    "Officials in Seoul said on Monday that 3,000 troops had arrived in the country.",
    "“We are ready for anything,” Defense Secretary Lloyd Austin told reporters.",
    "The deployment is a “major escalation” of the war, and it comes after a summer of heavy fighting.",
    "Park said Cho told lawmakers that 3,000 troops arrived.",
    "“We will respond,” Mr. Austin said, according to Reuters.",
]


def article(paragraphs: list[str], article_id: str = "x", outlet: str = "X"):
    """An article of body paragraphs: (articles, blocks, passages)."""
    text = "\n\n".join(paragraphs)
    starts = [sum(len(p) + 2 for p in paragraphs[:i]) for i in range(len(paragraphs))]
    articles = pd.DataFrame({"article_id": [article_id], "outlet": [outlet], "text": [text]})
    blocks = pd.DataFrame({"article_id": article_id, "block_id": range(len(paragraphs)), "start": starts,
                           "end": [s + len(p) for s, p in zip(starts, paragraphs)], "role": "body",
                           "reason": "test", "text": paragraphs})
    return articles, blocks, research.split_passages(blocks)


def spoken(paragraphs: list[str]) -> list[tuple[str, str, str]]:
    articles, blocks, passages = article(paragraphs)
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    assert list(spans.columns) == SPAN_COLUMNS
    text = articles["text"].iloc[0]
    return [(voice, group, text[start:end]) for voice, group, start, end in
            zip(spans["voice"], spans["actor_group"], spans["start"], spans["end"])]


def test_each_word_has_one_voice():
    assert spoken(PARAGRAPHS) == [
        ("own", OWN_VOICE, "Officials in Seoul said on Monday that"),
        ("reported", "South Korea: officials (unnamed)", "3,000 troops had arrived in the country"),
        ("direct", "Lloyd Austin", "We are ready for anything"),
        ("own", OWN_VOICE, "Defense Secretary Lloyd Austin told reporters"),
        ("own", OWN_VOICE, "The deployment is a"),
        ("direct", UNATTRIBUTED_QUOTE, "major escalation"),
        ("own", OWN_VOICE, "of the war, and it comes after a summer of heavy fighting"),
        ("own", OWN_VOICE, "Park said Cho told"),
        ("reported", "Park", "lawmakers that"),
        # the innermost speaker: Cho's statement relayed by Park
        ("reported", "Cho", "3,000 troops arrived"),
        # a relay ("according to Reuters") does not take the words of the speaker it names
        ("direct", "Lloyd Austin", "We will respond"),
        ("own", OWN_VOICE, "Mr. Austin said, according to Reuters"),
    ]


def test_quoted_words_inside_reported_speech_are_direct():
    assert spoken(["Austin told reporters that it would be “very, very serious” if troops joined the war."]) == [
        ("own", OWN_VOICE, "Austin told reporters that"),
        ("reported", "Austin", "it would be"),
        ("direct", "Austin", "very, very serious"),
        ("reported", "Austin", "if troops joined the war"),
    ]


def test_a_person_introduced_with_an_age_keeps_the_full_name():
    # AllSides bias corpus, Washington Post, 22 June 2020: "Brown" said later is Frederick Brown, introduced with his age
    voices = spoken(["Frederick Brown, 24, said a D.C. police supervisor shot him with pepper spray.",
                     "Brown said the officers had cleared the encampment within minutes."])
    assert {group for voice, group, _ in voices if voice != "own"} == {"Frederick Brown"}


def test_shares_add_up_per_outlet():
    first = article(PARAGRAPHS[:3], "x", "X")
    second = article(PARAGRAPHS[3:], "y", "Y")
    articles, blocks, passages = (pd.concat([first[i], second[i]], ignore_index=True) for i in (0, 1, 2))
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    shares = research.voice_shares(spans, articles=articles)
    assert list(shares.columns) == SHARE_COLUMNS
    assert shares.groupby("group")["share"].sum().tolist() == pytest.approx([1.0, 1.0])
    x = shares[shares["group"] == "X"].set_index("actor_group")
    body_words = sum(len(word_spans(p)) for p in PARAGRAPHS[:3])
    assert x["body_words"].iloc[0] == body_words == 14 + 11 + 18
    assert x.loc["Lloyd Austin", ["attributions", "direct_words", "reported_words"]].tolist() == [1, 5, 0]
    assert x.loc[UNATTRIBUTED_QUOTE, ["attributions", "direct_words"]].tolist() == [0, 2]
    assert x.loc[OWN_VOICE, "share"] == pytest.approx((7 + 6 + 4 + 12) / 43)
    assert shares.groupby("group")["share"].apply(lambda s: s.is_monotonic_decreasing).all()


@pytest.fixture(scope="module")
def seed_spans(seed_articles, seed_blocks, seed_passages):
    return research.voice_spans(seed_passages, seed_articles, research.attributions(seed_blocks, seed_articles))


def test_voice_table_keeps_top_groups_and_adds_up(seed_articles, seed_spans):
    shares = research.voice_shares(seed_spans, articles=seed_articles)
    table = voice_table(shares, top=3)
    assert list(table.index) == sorted(seed_articles["outlet"])
    assert table.columns[-1] == OWN_VOICE and table.columns[-3:-1].tolist() == [
        "other sources (direct)", "other sources (reported)"]
    # three groups with a direct and a reported segment each, other sources, own voice; an
    # "(unattributed quote)" is never reported speech, so that empty segment is left out
    assert "(unattributed quote) (reported)" not in table.columns
    assert len(table.columns) <= 2 * 4 + 1 and (table.drop(columns=OWN_VOICE).sum() > 0).all()
    assert table.sum(axis=1).tolist() == pytest.approx([1.0] * 5)
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(8, 3))
    plot_voices(table, ax)
    assert len(ax.patches) == table.size
    plt.close(fig)


def test_seed_voices_cover_every_body_word_once(seed_articles, seed_blocks, seed_passages, seed_spans):
    spans = seed_spans
    body = seed_passages[seed_passages["role"] == "body"]
    words = body.groupby("article_id")["text"].apply(lambda texts: sum(len(word_spans(t)) for t in texts))
    assert spans.groupby("article_id")["words"].sum().to_dict() == words.to_dict()
    for _, rows in spans.groupby("article_id"):
        assert (rows["start"].to_numpy()[1:] >= rows["end"].to_numpy()[:-1]).all()  # no overlaps
    blocks = seed_blocks.set_index("block_id")
    assert (blocks.loc[spans["block_id"], "role"] == "body").all()
    assert (spans["start"].to_numpy() >= blocks.loc[spans["block_id"], "start"].to_numpy()).all()
    assert (spans["end"].to_numpy() <= blocks.loc[spans["block_id"], "end"].to_numpy()).all()
    shares = research.voice_shares(spans, articles=seed_articles).set_index(["group", "actor_group"])
    # The AP story is told largely through the NIS briefing relayed by lawmakers.
    assert shares.loc[("AP", "South Korea: NIS"), "share"] > 0.1
    assert shares.loc[("Washington Times", OWN_VOICE), "share"] < shares.loc[("NYT", OWN_VOICE), "share"]


def test_markers_take_the_voice_they_are_spoken_in(seed_articles, seed_passages, seed_spans):
    spans = seed_spans
    markers = research.find_markers(seed_passages)
    voiced = voice_of(markers, spans)
    assert voiced.index.equals(markers.index) and len(voiced) == len(markers)
    lunatics = voiced[voiced["term"] == "lunatics"].iloc[0]
    assert lunatics["voice"] == "direct"  # the KCNA statement's word, quoted, not the Washington Times'
    outside = voice_of(pd.DataFrame({"article_id": [seed_articles["article_id"].iloc[0]], "start": [0]}), spans)
    assert outside[["voice", "actor_group"]].iloc[0].tolist() == ["", ""]  # page chrome: no voice


def test_the_same_words_are_quoted_in_the_overlap_tables_and_direct_speech_in_the_voices_table():
    paragraphs = [
        "«Nous sommes prêts», a déclaré le ministre, and the officials agreed.",
        "Park said the deployment was “a dangerous escalation” of the war.",
        'He added: "The troops have arrived," before leaving the room.',
        "“This quotation is cut off by the excerpt and never closed",
        "Pyongyang called the report ``a fabrication'' on Tuesday.",
    ]
    articles, blocks, passages = article(paragraphs)
    words = research.word_table(passages, articles)  # the tokens the overlap tables count
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    direct = spans[spans["voice"] == "direct"]
    in_direct = [any(s <= start and end <= e for s, e in zip(direct["start"], direct["end"]))
                 for start, end in zip(words["start"], words["end"])]
    assert words["quoted"].tolist() == in_direct
    # every kind of quotation above was seen, the unclosed one to the end of its paragraph
    text = articles.loc[0, "text"]
    quoted = " ".join(text[s:e] for s, e in zip(words.loc[words["quoted"], "start"], words.loc[words["quoted"], "end"]))
    for phrase in ("Nous sommes prêts", "a dangerous escalation", "The troops have arrived", "never closed",
                   "a fabrication"):
        assert phrase in quoted
    assert "officials" not in quoted and "Tuesday" not in quoted


def said(paragraphs: list[str], **settings) -> list[str]:
    """The speaker `speaker_of` gives each sentence of an article of `paragraphs`."""
    articles, blocks, passages = article(paragraphs)
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    return speaker_of(passages, spans, passages, **settings)["speaker"].tolist()


def test_spans_carry_the_resolved_speaker():
    articles, blocks, passages = article(PARAGRAPHS)
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    austin = spans[spans["actor_group"] == "Lloyd Austin"]
    assert set(austin["actor"]) == {"Lloyd Austin"} and set(austin["actor_kind"]) == {"person"}
    assert spans.loc[spans["voice"] == "own", ["actor", "actor_kind"]].eq("").all().all()


def test_a_quotation_has_the_speaker_its_attribution_resolves_and_the_outlets_words_none():
    # sentences of the seeds' CNBC/NBC article
    paragraphs = ["\"They're not going to break up the Koreans and stuff them into Russian units,\" O'Brien said.",
                  "\"It would be a disaster.\"",
                  "\"What exactly they're doing is left to be seen,\" Austin said.",
                  "North Korea has the world's fourth-largest military, with around 1.2 million military personnel."]
    assert said(paragraphs) == ["", "", "", ""]  # a surname alone ("O'Brien") is resolved to no person
    named = [("\"They're not going to break up the Koreans and stuff them into Russian units,\" said Phillips "
              "O'Brien, a professor."),
             "\"It would be a disaster,\" he said.",
             "North Korea has the world's fourth-largest military, with around 1.2 million military personnel."]
    assert said(named) == ["Phillips O'Brien", "Phillips O'Brien", ""]  # "he": the person named before
    # the speaker's words must fill half the sentence: an appositive as long as the quotation leaves it the outlet's
    named[0] = named[0].replace("a professor.", "a professor of strategic studies at the University of St Andrews.")
    assert said(named)[0] == "" and said(named, min_share=0.0)[0] == "Phillips O'Brien"


def test_a_speaker_named_further_back_than_the_sentences_before_is_not_given():
    paragraphs = ["“We are ready for anything the North Korean troops may bring to the front,” Lloyd Austin said.",
                  "The deployment comes after a summer of heavy fighting in the east.",
                  "Russia has lost ground around Kursk since August.",
                  "“We will respond,” he said."]
    assert said(paragraphs) == ["Lloyd Austin", "", "", ""]
    assert said(paragraphs, within=None) == ["Lloyd Austin", "", "", "Lloyd Austin"]
    assert said(paragraphs, within=3)[-1] == "Lloyd Austin"


def test_seed_quotations_whose_speaker_is_he_or_named_before_get_the_speaker(seed_articles, seed_passages, seed_spans):
    body = seed_passages[seed_passages["role"] == "body"]
    found = speaker_of(body, seed_spans, seed_passages).set_index("text")
    assert found.loc["\"It would be a disaster.\"", "speaker"] == "Phillips O'Brien"
    serious = next(t for t in found.index if t.startswith("It's a \"serious issue,\" he said"))
    assert found.loc[serious, ["speaker", "speaker_kind"]].tolist() == ["Lloyd Austin", "person"]
    # the outlet's own words have none
    landslide = next(t for t in found.index if t.startswith("North Korea has the world's fourth-largest military"))
    assert found.loc[landslide, "speaker"] in ("", "Council on Foreign Relations")
    assert (found["speaker"] == "").sum() > len(found) / 2
    assert found.loc[found["speaker"] != "", "speaker_share"].between(MIN_SPEAKER_SHARE, 1).all()
    assert set(found["speaker_kind"]) - {""} <= set(SPEAKER_KINDS)
    # a row without offsets has none
    assert speaker_of(pd.DataFrame({"article_id": ["x"], "start": [pd.NA], "end": [pd.NA]}),
                      seed_spans)["speaker"].tolist() == [""]


def test_polnear_dev_quotations_go_on_with_the_speaker_named_before(data_dir):
    # USA Today, 8 September 2016: Adam Schiff quoted over several sentences after "Schiff called on the administration"
    articles = datasets.read_polnear(data_dir / "polnear_dev", "dev")
    articles = articles[articles["article_id"] == "usa-today_2016-09-08_lawmaker-urges-retaliation-on-ru"]
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    spans = research.voice_spans(passages, articles, research.attributions(blocks, articles))
    body = passages[passages["role"] == "body"]
    found = speaker_of(body, spans, passages).set_index("text")
    anywhere = speaker_of(body, spans, passages, within=None).set_index("text")
    two_states = next(t for t in found.index if t.startswith("\"We know at least two states have been"))
    assert found.loc[two_states, "speaker"] == "Adam Schiff"  # named two sentences before
    # the quotation's next sentence is his too, but his name is three sentences back: not given
    right_now = next(t for t in found.index if t.startswith("\"Right now, because they paid so little price"))
    assert found.loc[right_now, "speaker"] == "" and anywhere.loc[right_now, "speaker"] == "Adam Schiff"
    # the reporter's own sentences have none
    assert found.loc["He didn't suggest retaliation.", "speaker"] == ""


def test_a_newspapers_short_name_is_the_outlet_named_before():
    # AllSides bias corpus, Salon, 23 June 2020: "according to the Post" after "The Washington Post reported"
    voices = spoken(["The Washington Post reported that “it was not immediately clear if anyone had been arrested.”",
                     "“In a chaotic scene, a helicopter flew low over the park,” according to the Post."])
    assert {group for voice, group, _ in voices if voice != "own"} == {"The Washington Post"}


def test_the_outlet_is_the_outlet_cited_before():
    # AllSides bias corpus, Salon, 23 June 2020: "the outlet reported" after "CNN reported"
    voices = spoken(["CNN reported late Monday that “journalists were told they had to leave the White House grounds.”",
                     ("“The move to force members of the media off White House grounds is highly unusual,” the outlet "
                      "reported.")])
    assert {group for voice, group, _ in voices if voice != "own"} == {"CNN"}
