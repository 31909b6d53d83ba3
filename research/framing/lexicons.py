"""Short marker lexicons written for this project: hedges, boosters, evaluative words, reporting-verb kinds.

They are cues for reading, not verdicts: a count says how often an outlet used
words of a kind, not that a sentence is biased. Each list is kept short and
general to English news (not to one story) so that a reader can check every
entry; pass your own lexicon (a dict of category -> terms) to
`research.find_markers` or your own verb kinds to `research.reporting_verbs`.
The reference lists in the development data (Hyland 2005, Hooper 1975,
Recasens et al. 2013) are used only to compare against, in
`benchmarks/evaluate_framing.py`.

Terms are matched case-insensitively as whole words (a hyphen or apostrophe
joins words: "well-known" is not "known"); a term with spaces is a phrase
matched across any run of whitespace; list every inflection that should count.

- `hedge` (Hyland 2005, "Metadiscourse": words that withhold full commitment to
  a proposition): epistemic modals, adverbs and adjectives of possibility and
  hearsay, verbs of appearance, passive belief frames, approximators. Left out
  as too ambiguous in news: "would" (mostly conditional or reported future),
  "can" (ability), "about" and "around" (prepositions far more often than
  approximators), "reported" (a reporting verb as often as a distancing
  adjective). "may" is a hedge except as the month; see
  `research.framing.markers_in`.
- `booster` (Hyland 2005: words that express certainty and close down
  alternatives): certainty adverbs and adjectives, "confirm" and "prove" in
  every form, "no doubt", "in fact". "must" is left out (obligation as often as
  inference), as are "show" and "find" (reporting verbs, counted by kind).
- `evaluative` (Recasens et al. 2013, "Linguistic Models for Analyzing and
  Detecting Biased Language": subjective intensifiers and one-sided framing
  words; Wiebe et al. 2005 for subjectivity): words that carry the writer's
  judgement or heighten drama rather than state a fact: intensifiers
  ("dramatic", "massive"), judgements ("reckless", "ludicrous"), labels
  ("regime", "so-called", "notorious") and combative verbs ("slammed").
  Words that are the neutral name of an event in news ("invasion", "war",
  "crisis", "attack") are left out.

`REPORTING_VERB_KINDS` sorts the verbs of attribution cues (lemmas, as in
`research.attribution.REPORTING_VERBS`) by what they tell the reader beyond
"this was said" (Bell 1991, "The Language of News Media"; the verb choices
news style guides warn about; Recasens et al. 2013 on report, factive and
assertive verbs):

- `neutral`: the speech act only ("said", "told", "added", "according to").
- `factive`: presuppose that what was said is true (Kiparsky and Kiparsky
  1970): "confirmed", "revealed", "acknowledged", "showed".
- `loaded`: add the writer's view of the speaker or the claim: doubt
  ("claimed", "alleged", "insisted"), concession ("admitted", "conceded"),
  alarm or combat ("warned", "slammed", "threatened", "boasted").
- every other cue verb (belief, intention, estimate: "believes", "plans",
  "estimated") is `other`.
"""

from __future__ import annotations

HEDGE = (
    # modals ("may" the month is not counted: research.framing.markers_in)
    "may might could "
    # adverbs of possibility and hearsay
    "possibly perhaps maybe probably likely unlikely apparently reportedly allegedly purportedly "
    "supposedly seemingly presumably arguably potentially conceivably "
    # adjectives of possibility and doubt
    "possible potential probable alleged purported unconfirmed unverified unclear uncertain "
    # appearance and tentative inference
    "appear appears appeared appearing seem seems seemed seeming suggest suggests suggested suggesting "
    # approximators
    "approximately roughly somewhat "
).split() + [
    "an estimated", "is believed", "are believed", "was believed", "were believed", "is thought",
    "are thought", "was thought", "were thought", "is said to", "are said to", "it is not clear",
    "not yet clear", "in part", "to some extent", "more or less",
]

BOOSTER = (
    "clear clearly certainly definitely definite undoubtedly undeniably indisputably unquestionably "
    "indeed obviously obvious evidently evident surely truly conclusively conclusive definitive "
    "definitively decisively irrefutable undisputed "
    "confirm confirms confirmed confirming confirmation prove proves proved proven proving "
    "demonstrate demonstrates demonstrated demonstrating "
).split() + [
    "in fact", "of course", "no doubt", "without doubt", "beyond doubt", "without question",
    "there is no question", "it is clear",
]

EVALUATIVE = (
    # intensifiers and drama
    "dramatic dramatically massive huge enormous staggering stunning shocking astonishing startling "
    "unprecedented alarming alarmingly devastating catastrophic disastrous disaster chaos chaotic "
    "brutal brutally savage horrific horrifying terrifying frightening grim dire ominous "
    "outrageous outrage scandal scandalous bombshell furious fury fierce fiercely bitter bitterly "
    "extremely incredibly wildly desperate desperately "
    # judgements of people and acts
    "reckless irresponsible dangerous ludicrous absurd ridiculous bizarre lunatic lunatics shameful "
    "disgraceful heroic brave courageous cowardly bold sinister cynical cynically provocative "
    "provocation provocations aggressive aggression belligerent bellicose menacing hostile "
    "dubious questionable bogus sham baseless "
    "gaffe gaffes blunder blunders fiasco embarrassing embarrassment humiliating humiliation "
    "draconian extreme extremist extremists radical radicals "
    # labels that take sides
    "regime regimes dictator dictators dictatorship tyrant tyranny despot despotic thug thugs "
    "rogue pariah puppet propaganda so-called notorious infamous embattled controversial "
    "reclusive hardline hard-line hawkish warmonger warmongering saber-rattling sabre-rattling "
    # combative verbs of speech and action
    "slam slams slammed slamming lambaste lambasted trumpeted tout touted "
).split() + ["lash out", "lashed out", "lashes out", "lashing out"]

LEXICON: dict[str, list[str]] = {"hedge": HEDGE, "booster": BOOSTER, "evaluative": EVALUATIVE}

REPORTING_VERB_KINDS: dict[str, list[str]] = {
    "neutral": (
        "say tell add note write state report announce explain describe respond reply ask cite mention "
        "comment brief inform recount repeat reiterate indicate publicize publicise share detail tweet "
        "testify recall discuss declare citing quoting : — ―"
    ).split() + ["according to"],
    "factive": "confirm reveal disclose acknowledge show find learn know".split(),
    "loaded": (
        "claim allege insist contend maintain admit concede boast warn threaten blast slam attack accuse "
        "charge complain lament vow mock denounce dismiss assert quip joke"
    ).split(),
}
