"""The lexicon of reporting verbs: their base forms, irregular forms, the weak ones that are also nouns,
and every inflection (`VERB_FORMS`: form -> base form), for `research.claims.cues`."""

from __future__ import annotations

import re

# Verbs that introduce what someone said, believes, wants or plans (base forms): attribution
# in the broad sense of PolNeAR and PARC (Pareti 2016), which count beliefs, intentions and
# demands as well as speech. Inflections are generated; irregular past forms are in IRREGULAR.
REPORTING_VERBS = sorted(set((
    "say tell add note write argue claim warn estimate report announce state explain insist acknowledge "
    "ask suggest cite declare confirm deny predict describe tweet respond reply recall admit assert "
    "contend complain conclude emphasize emphasise stress mention urge vow pledge promise reveal "
    "disclose indicate believe fear expect accuse criticize criticise blast slam praise agree "
    "question charge allege maintain observe comment testify concede propose demand remark boast "
    "joke quip brief inform publicize publicise assess caution concur counter reiterate recount "
    "threaten dismiss reject lament show find think know worry hope advise recommend project "
    "forecast calculate speculate signal call echo attack want plan support seem see decline "
    "refuse condemn discuss offer encourage defend liken oppose feel point identify chant mock "
    "denounce endorse detail learn rule decide demand acknowledge dispute doubt suspect insist "
    "assure repeat reaffirm underscore highlight predict applaud welcome thank blame share "
    "speak talk express voice label reference admire continue"
).split()))
# Irregular past forms (they replace the regular "-ed" form).
IRREGULAR = {"say": ["said"], "tell": ["told"], "speak": ["spoke", "spoken"], "write": ["wrote", "written"],
             "think": ["thought"], "know": ["knew", "known"], "find": ["found"], "show": ["showed", "shown"],
             "forecast": ["forecast"], "see": ["saw", "seen"]}
# Cues that are also common nouns or non-reporting uses ("the show", "found dead", "the count").
# They count as cues only with a subject pronoun or name right before them, or "that"/":" after.
WEAK_VERBS = frozenset("show find think know hope worry charge question project signal expect fear "
                       "believe state report brief comment call want plan support see seem feel point "
                       "offer rule decide learn detail oppose defend attack welcome thank blame "
                       "doubt suspect repeat highlight identify share talk voice reference continue".split())


def inflections(verb: str) -> list[str]:
    """The forms of an English verb: base, third person, past, -ing, irregular forms.

    >>> inflections("say")
    ['say', 'says', 'said', 'saying']
    """
    stem = verb.removesuffix("e")
    if re.fullmatch(r".*[^aeiou][aeiou][pt]", verb) and len(verb) <= 4:  # quip -> quipped, slam -> slammed
        doubled = verb + verb[-1]
        past, ing = doubled + "ed", doubled + "ing"
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        past, ing = verb[:-1] + "ied", verb + "ing"
    elif verb.endswith("e"):
        past, ing = verb + "d", stem + "ing"
    else:
        past, ing = verb + "ed", verb + "ing"
    third = verb[:-1] + "ies" if verb.endswith("y") and verb[-2] not in "aeiou" else \
        verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z")) else "s")
    return [verb, third, *IRREGULAR.get(verb, [past]), ing]


VERB_FORMS = {form: verb for verb in REPORTING_VERBS for form in inflections(verb)}
IRREGULAR_FORMS = frozenset(form for forms in IRREGULAR.values() for form in forms)
