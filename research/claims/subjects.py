"""What a figure counts when its own words do not say: the noun phrase's word lists and the subjects read around
a figure that has no noun of its own.

`without_finite_verb(subject)` cuts a subject at its first finite verb outside a relative clause (a noun phrase
holds none). `complete_subjects(text, found)` gives the figures `research.claims.quantities.find_quantities`
found in `text` the subject their words around say: a margin after a verb of winning, the change a verb of
changing makes ("reduce greenhouse gas emissions 80 percent") or money's threshold (`_by_what`), but not before two
shares joined by "to" ("beats Trump by 46 percent to 42 percent": each name's support); money's noun
from its verb ("raised": money raised, "owes": debt, "lent": loans), from a clause after it without its "that"
("the $18 million he says he raised"), its "of" or a copula after it, or a price after a verb of selling and
"for" (`_amount_of`); a poll share's candidate (`_poll_shares`), also the name a verb of choosing joins it to
("46 percent would choose Clinton", "Clinton was supported by 42 percent", `_chosen`); the noun phrase a figure is in apposition to
("the cost of a meal at a Chick-fil-A, about $6.50,", `_appositive`), the whole after "out of" ("a few occasions
out of hundreds", `_out_of`), money's rate ("$500 a month": per month, `_per_unit`), a wage ("workers make $12 an
hour": pay per hour, `_pay`), a poll's margin of error (`_margin_of_error`) and a share of people who say something
("9 percent of voters said the debate changed their minds": voters saying ..., `_saying`). Each rule is a pattern of news prose with a real sentence in tests/test_subjects.py.
"""

from __future__ import annotations

import re

from research.claims.numerals import SHARE, Quantity, sentence_start

# Words that end a subject noun phrase (a determiner starts the next one: "64% of Americans his handling").
SUBJECT_STOP = frozenset(
    "a an the of and or but that which who whom whose is are was were be been being has have had do does did "
    "will would could should may might must can to from into onto upon in on at by for with as than then there their "
    "his her our my your they them it its this these those said says each per out up down over after before since during while "
    "when where if so not no also already still now about against between among including across along near "
    "through around within without toward towards under via amid despite".split())

# Past tenses that are never a participle after a noun ("a boy died", not "people killed in").
INTRANSITIVE = frozenset("died arrived happened occurred remained emerged appeared existed stayed".split())
DETERMINER_WORDS = frozenset("the a an its their his her this that these those our".split())
PREPOSITIONS = frozenset("of in at on for from across among with to by over under into".split())

# Finite verbs that no noun phrase holds outside a relative clause: auxiliaries, copulas, modals and past
# tenses that are never participles ("the flight is ultimately going", "the 84-year-old died").
FINITE_VERBS = frozenset("is are was were am has have had will would can could shall should must does did".split()) \
    | INTRANSITIVE
RELATIVE_PRONOUNS = frozenset("who whom whose which that".split())
SUBJECT_PRONOUNS = frozenset("he she they we I you".split())


def without_finite_verb(subject: str, kind: str = "count") -> str:
    """`subject` up to its first finite verb after its noun (a noun phrase holds none; a relative clause or
    an infinitive may: "people who have died", "people known to have died"). A verb right after the figure
    is its predicate, which says what a bare count is ("at least 20 died"), but never what an age is of
    ("the 84-year-old died"). A past in -ed with an object after it is a finite verb whose clause says which
    are counted, made a relative clause ("more than 8,000 people [that] contracted the disease"). In a share, a copula with its complement says which share, and stays as a
    relative clause ("19 percent of H1N1 viruses tested [that] were Tamiflu-resistant"). A dash ends it, and
    so does a subject pronoun, which starts a clause ("the 12 million jobs he and Romney say ...")."""
    words = subject.split()
    for i, word in enumerate(words):
        if word in RELATIVE_PRONOUNS:
            return subject
        if re.fullmatch(r"-{2,}|[—–]", word):  # a dash opens an aside: "350 miles was already funded -- some"
            return " ".join(words[:i])
        if i and re.fullmatch(r"[a-z]+ed", word) and words[i - 1].lower() not in PREPOSITIONS | DETERMINER_WORDS \
                | {"have", "has", "had", "be", "been"} and words[i + 1:i + 2] \
                and (words[i + 1] in DETERMINER_WORDS or words[i + 1][0].isupper()):
            main = next((j for j in range(i + 1, len(words)) if words[j] in FINITE_VERBS), len(words))
            return " ".join([*words[:i], "that", *words[i:main]])  # "people [that] contracted the disease"
        if word not in FINITE_VERBS or words[i - 1:i] in (["to"], ["have"], ["be"], ["been"]) or not i and kind != "age":
            continue
        if kind == "percent" and i and word in ("is", "are", "was", "were") and i + 1 < len(words):
            return " ".join([*words[:i], "that", *words[i:]])
        words = words[:i]
        break
    while len(words) > 1 and words[-1] in SUBJECT_PRONOUNS:  # "12 million jobs he and Romney say": a clause starts
        words.pop()
    while words and words[-1].lower() in SUBJECT_STOP:
        words.pop()
    return " ".join(words)


# A figure after "by" is a margin after a verb of winning ("won two years ago by 36 percentage points", "carried his
# district by 6 percent") and the change of the noun phrase a verb of changing takes ("raise the debt limit by $2
# trillion": increase in debt limit; a percent also without "by": "reduce greenhouse gas emissions 80 percent"; a verb with no object, "output will expand by a tepid 1.6 percent",
# changes its own subject: the noun phrase never opens with "by"); money
# after a noun and "above"/"below" is that noun's threshold ("those with income above $250,000": income).
WON_BY = re.compile(r"\b(?:won|wins?|winning|carried|carries|carrying|leads?|leading|led|beat|beats|defeated|lost|"
                    r"loses?|trails?|trailed)\b[^.;,]{0,40}?\bby\s+(?:(?:about|nearly|almost|roughly|some|more than|"
                    r"less than|at least|just|only)\s+)?$")
CHANGED_BY = re.compile(r"\b(?P<verb>rais|increas|boost|expand|lift|cut|reduc|lower|trim|slash)\w*\s+(?:the\s+|its\s+|"
                        r"their\s+|his\s+|her\s+)?(?P<np>(?!by\b)(?:[a-z-]+\s+){0,3}?[a-z-]+)\s+(?P<by>by\s+)?(?:(?:about|nearly|almost|"
                        r"roughly|some|more than|at least)\s+)?[$€£]?$")
# ... but "by" before two shares joined by "to" gives the tally of both, not a margin: "Clinton beats Trump by 46 percent to 42
# percent" (each name's support, `_poll_shares`).
TWO_SHARES = re.compile(r"\s+to\s+(?:about\s+|nearly\s+|almost\s+)?\d[\d.]*\s*(?:%|percent)")
THRESHOLD = re.compile(r"\b(?P<noun>[a-z]{3,})\s+(?:above|below|over|under|exceeding)\s+[$€£]?$")


def _by_what(text: str, quantity: Quantity) -> Quantity:
    """A figure with no noun of its own given the margin, change or threshold its words before say it is (above)."""
    if quantity.head or quantity.subject or quantity.kind not in ("percent", "money", "count", "change"):
        return quantity
    before = text[max(0, quantity.start - 80):quantity.start]
    changed, threshold = CHANGED_BY.search(before), THRESHOLD.search(before)
    if quantity.kind == "percent" and WON_BY.search(before) and not TWO_SHARES.match(text, quantity.end):
        return quantity._replace(subject="margin", head="margin")
    if changed and changed.group("np").split()[-1] not in SUBJECT_STOP and (changed.group("by") or quantity.kind == "percent"):
        change = "increase" if changed.group("verb") in ("rais", "increas", "boost", "expand", "lift") else "cut"
        return quantity._replace(subject=f"{change} in {changed.group('np')}", head=changed.group("np").split()[-1])
    if quantity.kind == "money" and threshold and threshold.group("noun") not in SUBJECT_STOP:
        return quantity._replace(subject=threshold.group("noun"), head=threshold.group("noun"))
    return quantity


# Money without a noun of its own is what the verb it is the object of makes of it: "will save $35 million" (savings),
# "is costing Secure America $1 million" (cost), "has donated millions of dollars to" (donations), "raised more than
# $100 million" (money raised), "lent the company millions" (loans), "owes about $650 million to Wall Street" (debt).
MONEY_VERB = re.compile(r"\b(?P<verb>cost|costs|costing|sav(?:e|es|ed|ing)|donat(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|"
                        r"collect(?:s|ed|ing)?|giv(?:e|es|en|ing)|gave|lent|lend(?:s|ing)?|ow(?:e|es|ed|ing)|"
                        r"borrow(?:s|ed|ing)?|solicit(?:s|ed|ing)?|contribut(?:e|es|ed|ing)|pledg(?:e|es|ed|ing))\s+"
                        r"(?:(?:it|them|us|you|him|her|taxpayers|(?:the|a|an|his|her|their|its)\s+[a-z]+|"
                        r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'-]*){0,2})\s+)?(?:as\s+)?(?:a\s+combined\s+|a\s+total\s+of\s+)?"
                        r"(?:(?:about|nearly|almost|roughly|some|over|more than|less than|at least|up to|an estimated)\s+)?$")
MONEY_NOUNS = {"cost": "cost", "sav": "savings", "donat": "donations", "solicit": "donations", "contribut": "contributions",
               "rais": "money raised", "collect": "money collected", "giv": "money given", "gave": "money given",
               "lent": "loans", "lend": "loans", "ow": "debt", "borrow": "loans",
               "pledg": "money pledged"}
# ... or of the verb of a clause after it without its "that": "the approximately $18 million he says he raised", "the
# minimum $20 million experts say it costs to run statewide" (cost).
MONEY_CLAUSE = re.compile(r"\s+(?:he|she|they|we|I|you|it|[A-Z][\w’'.-]+|experts|analysts|officials)\s+(?:(?:say|says|"
                          r"said|estimate|estimates|has|had|have|also)\s+(?:(?:he|she|they|we|it)\s+)?)*"
                          r"(?P<verb>raised|collected|spent|saved|donated|given|gave|lent|owes|owed|borrowed|"
                          r"contributed|pledged|costs|cost)\b")
# ... or the noun it is "of": "the debt of $16 trillion"; or the noun phrase a copula after it names: "$1.1 million is
# the estimated cost of GOP plans to read the document on the House floor".
NOUN_OF = re.compile(r"\b(?:the|a|an|its|their|his|her|our)\s+(?P<noun>[a-z][a-z-]+)\s+of\s+(?:(?:about|nearly|almost|"
                     r"roughly|some|over|more than|at least)\s+)?$")
# ... or, after a verb of selling or buying and "for", its price: "sell its coal for at least $50 a ton".
SOLD_FOR = re.compile(r"\b(?:sell|sells|sold|selling|buy|buys|bought|buying)\b[^.;:,]{0,40}?\s+for\s+(?:(?:just|about|nearly|"
                      r"almost|roughly|some|over|under|above|below|more than|less than|at least|at most|up to)\s+)*$")
IS_THE = re.compile(r"\s+(?:is|was|would be|will be)\s+(?:the|an?)\s+(?P<np>[^,;:.—()“”\"]{3,120})")


def _amount_of(text: str, quantity: Quantity) -> Quantity:
    """Money with no noun of its own given the noun its verb, "of" or copula says it is (see the patterns above);
    an object after the figure ("to outside organizations") stays as what it is for."""
    before = text[max(0, quantity.start - 60):quantity.start]
    if quantity.kind == "money" and SOLD_FOR.search(before):
        return quantity._replace(subject="price", head="price")
    verb, of = MONEY_VERB.search(before), NOUN_OF.search(before)
    to = re.match(r"\s+(to|for|on)\s+", text[quantity.end:])
    clause = MONEY_CLAUSE.match(text, quantity.end)
    verb = verb or clause  # the clause starts right after the figure: its subject is no noun of the figure's
    vague_money = quantity.kind == "count" and quantity.qualifier == "vague" and verb  # "lent the company millions"
    if quantity.kind != "money" and not vague_money or quantity.head and not (verb and to) and not clause:
        return quantity
    named = IS_THE.match(text, quantity.end)
    if verb:
        noun = next(n for stem, n in MONEY_NOUNS.items() if verb.group("verb").startswith(stem))
        subject = f"{noun} {to.group(1)} {quantity.subject}" if to and quantity.subject else noun
        purpose = re.match(r"\s+to\s+[a-z]+(?:\s+(?!and\b|but\b)[a-z]+)?\b", text[clause.end():]) if clause else None
        subject = f"{subject} {purpose.group().strip()}" if purpose else subject  # "costs to run statewide"
        noun = noun.split()[0]  # "money raised": money
    elif of and of.group("noun") not in SUBJECT_STOP:
        noun = subject = of.group("noun")
    elif named:
        noun, subject = named.group("np").split(" of ")[0].split()[-1], without_finite_verb(named.group("np").strip())
    else:
        return quantity
    return quantity._replace(subject=subject, head=noun)


# In a poll (or among a group's supporters), a share said of a name is that candidate's support: "Gingrich garnered 11
# percent", "Romney (17 percent)", "Romney leads the pack at 21 percent"; "Obama leading Romney, 49 percent to 44
# percent" gives each name its share in turn.
POLL_CONTEXT = re.compile(r"\b(?:polls?|polled|polling|survey\w*|voters|respondents|supporters|votes?|primary|caucus\w*|"
                          r"finished)\b", re.IGNORECASE)  # also a vote's result: "Sanders had 26 percent of the vote"
SHARE_NOUNS = frozenset(("vote", "votes"))  # a share's noun that says whose it is not ("support" is left as it was)
_NAME = r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,2}"
SHARE_OF = re.compile(r"(?P<who>" + _NAME + r")\s*(?:\(\s*(?:at\s+)?|,?\s+(?:(?:who\s+)?(?:is|was|[a-z]+(?:s|ed|ing))\s+"
                      r"(?:[a-z]+\s+){0,2}?"
                      r"(?:at|with)\s+|"
                      r"(?:has|had|got|gets|won|wins|garnered|received|drew|draws|took|takes|earned|captured|"
                      r"polled|polls)\s+))(?:about|nearly|almost|just|only|roughly)?\s*$")
# ... or two names joined by "and" before "at" ("followed by Trump and former Arkansas Gov. Mike Huckabee at 17 percent
# each"), or, for a share "at" a figure with no name right before it, the name that is the subject of its clause ("shows
# Trump tied for 2nd with Mike Huckabee in the 2012 GOP primary field at 17 percent").
JOINT = re.compile(r"(?P<who>" + _NAME + r"\s+and\s+(?:former\s+|then\s+)?[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3})\s+"
                   r"(?:at|with)\s+(?:about|nearly|almost|just|only|roughly)?\s*$")
AT = re.compile(r"(?:\bat|\(\s*at)\s+(?:about|nearly|almost|just|only|roughly)?\s*$")
CLAUSE_NAME = re.compile(r"(?:^|[,;:“\"]\s*|\b(?:shows?|showed|finds?|found|puts?|gives?|gave)\s+)(?P<who>" + _NAME
                         + r")(?:\s*\.)*\s+(?:[a-z]+(?:s|ed)|is|was|tied|came|led)\b")
NOT_NAMES = frozenset("January February March April May June July August September October November December "
                      "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# A tally's leader may come with an auxiliary ("Trump is leading Clinton 47.1 percent to 41.7 percent") or as a pronoun
# ("She leads Trump by 49 percent to 47 percent": only the second share is named).
TALLY = re.compile(r"(?P<a>" + _NAME + r")\s+(?:(?:is|was|are|were)\s+)?(?:\w+ing|leads?|led|tops?|topped|beats?|edges?|edged|trails?|trailed)"
                   r"\s+(?P<b>" + _NAME + r")(?:\s+\w+){0,3}?,?\s+(?:by\s+)?$")
PRONOUNS = frozenset("The A An In It He She They We I This That".split())  # no candidate's name
# ... or the name a verb of choosing joins it to, after the share or, in the passive, before it: "46 percent would choose
# Clinton and 44 percent would back Trump", "1 percent support the Green Party’s Jill Stein", "Clinton was supported by 42
# percent" (a title before the name left out: "prefer Libertarian nominee Gary Johnson").
CHOOSE = r"(?:choose|chose|back|backed|support|supported|prefer|preferred|favor|favored|pick|picked)"
CHOSEN = re.compile(r"\s+(?:(?:would|will|say they would|said they would)\s+)?(?P<verb>" + CHOOSE + r"s?)\s+"
                    r"(?P<words>(?:the\s+)?[A-Z][^,;:.()—]{0,60}?)(?=\s*(?:[,;:.()—]|\s(?:and|while|but|in|among|to)\s|$))")
CHOSEN_BY = re.compile(r"(?P<who>" + _NAME + r")\s+(?:is|was|were|are)\s+(?:\w+ly\s+)?" + CHOOSE + r"\s+by\s+"
                       r"(?:about|nearly|almost|just|only|roughly)?\s*$")


def _poll_shares(text: str, found: list[Quantity]) -> list[Quantity]:
    """Percents without a subject of a poll sentence, given the support of the candidate named with them."""
    for i, quantity in enumerate(found):
        first = sentence_start(text, quantity.start)
        shared = quantity.subject.lower() in SHARE_NOUNS  # "26 percent of the vote": its noun, "vote for Sanders"
        noun = quantity.subject if shared else "support"
        if shared:
            quantity = quantity._replace(subject="")
        if quantity.subject and not CHOSEN.match(text, quantity.end) or quantity.kind != "percent" \
                or not POLL_CONTEXT.search(text, first, quantity.end + 200):
            continue
        before = text[first:quantity.start]
        tally = TALLY.search(before)
        later = i + 1 < len(found) and re.fullmatch(r"\s+to\s+", text[quantity.end:found[i + 1].start])
        if tally and later and not found[i + 1].head:  # "49 percent to 44 percent"
            if tally.group("a") not in PRONOUNS:
                found[i] = quantity._replace(subject=f"support for {tally.group('a')}", head=f"support for {tally.group('a')}")
            found[i + 1] = found[i + 1]._replace(subject=f"support for {tally.group('b')}",
                                                 head=f"support for {tally.group('b')}")
            continue
        chosen = _chosen(text, quantity, before)
        if chosen:
            found[i] = quantity._replace(subject=f"support for {chosen}", head=f"support for {chosen}")
            continue
        if quantity.subject:
            continue
        named = JOINT.search(before) or SHARE_OF.search(before)
        if not named and AT.search(before):
            clause = before[max(before.rfind(";"), before.rfind("(", 0, AT.search(before).start())) + 1:]
            named = CLAUSE_NAME.search(clause)
        if named and named.re is not CLAUSE_NAME and re.search(r",\s+(?!who\b)", named.group()) \
                and re.search(r"[a-z]\s+$", before[:named.start()]):
            continue  # "Maya Wiley, former counsel to mayor Bill de Blasio, follows with": the name of an apposition
        if named and named.group("who").split()[0] not in PRONOUNS | NOT_NAMES:
            found[i] = quantity._replace(subject=f"{noun} for {named.group('who')}", head=f"{noun} for {named.group('who')}")
    return found


def _chosen(text: str, quantity: Quantity, before: str) -> str:
    """The candidate a verb of choosing joins a share to (see `CHOSEN`), its last run of capitalised words; "" when none."""
    by = CHOSEN_BY.search(before) if not quantity.subject else None
    if by and by.group("who").split()[0] not in PRONOUNS | NOT_NAMES:
        return by.group("who")
    after = CHOSEN.match(text, quantity.end)
    if not after or quantity.subject and quantity.subject.lower() != after.group("verb").lower():
        return ""  # "1 percent support the Green Party’s Jill Stein": the verb read as the share's noun
    names = re.findall(_NAME, re.split(r"['’]s\s+", after.group("words"))[-1])  # "the Green Party’s Jill Stein"
    return names[-1] if names and names[-1].split()[0] not in PRONOUNS | NOT_NAMES else ""


# A figure set off by commas after a noun phrase is its value, in apposition: "the cost of a meal at a Chick-fil-A,
# about $6.50, to gay and lesbian rights groups", "the four-year number, $25,000, that equals".
APPOSED = re.compile(r"\s*(?:[,;.)]|—|--|$)")
DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\s+")


def _appositive(text: str, quantity: Quantity) -> Quantity:
    """A figure without a noun of its own, in apposition, given the noun phrase before its comma."""
    before = text[max(sentence_start(text, quantity.start), quantity.start - 100):quantity.start]
    if quantity.head or quantity.subject or quantity.kind not in ("count", "money", "percent") \
            or not before.endswith(", ") or not APPOSED.match(text, quantity.end):
        return quantity
    phrase = before[:-2]
    phrase = phrase[phrase.rfind(",") + 1:]
    starts = [m for m in DETERMINER.finditer(phrase)]
    while starts and re.search(r"\b(?:of|at|in|for|from|on|with|to|by)\s+$", phrase[:starts[-1].start()]):
        starts.pop()  # "the cost of [a meal at [a Chick-fil-A]]": the phrase starts at the outer determiner
    words = phrase[starts[-1].end():].split() if starts else []
    if not words or not re.fullmatch(r"[\w’'-]+", words[-1]) or without_finite_verb(" ".join(words)) != " ".join(words):
        return quantity
    return quantity._replace(subject=" ".join(words), head=words[-1])


# Money per a span of time or a unit is a rate, which its subject says: "$500 a month" (savings per month), "$50 a ton".
PER_UNIT = re.compile(r"\s+(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|year|ton|barrel|gallon|share|pound|"
                      r"ounce|acre|person|student|child|head)\b")


# Money per hour or per year after a verb of earning or a noun of pay is a wage: "the lowest-paid bank workers make $12 an
# hour", "have salaries that touch $16.50 an hour", "were making on average $35,000 to $60,000 a year", "a job ... that
# paid $12 an hour" (pay per hour).
PAID = re.compile(r"\b(?:mak(?:e|es|ing)|earn(?:s|ed|ing)?|paid|pays?|salar(?:y|ies)|wages?)\b(?:\s+(?:on\s+average|(?!(?:of|for|on|to|"
                  r"in)\b)[a-z-]+)){0,3}\s+[$€£]?$")


def _pay(text: str, quantity: Quantity) -> Quantity:
    """Money per hour or year after a verb or noun of pay given the subject "pay" (see above)."""
    per = PER_UNIT.match(text, quantity.end) if quantity.kind == "money" else None
    if not per or per.group("unit") not in ("hour", "year") \
            or not PAID.search(text, max(sentence_start(text, quantity.start), quantity.start - 50), quantity.start):
        return quantity
    return quantity._replace(subject="pay", head="pay")


def _per_unit(text: str, quantity: Quantity) -> Quantity:
    """Money per a unit with the unit in its subject (see above)."""
    per = PER_UNIT.match(text, quantity.end) if quantity.kind == "money" else None
    if not per or re.search(r"\bper\b", quantity.subject):
        return quantity
    return quantity._replace(subject=f"{quantity.subject} per {per.group('unit')}".strip())  # alone, it is added to
    # the subject of the figure before it (`research.claims.ledger`)


# A bare figure after "out of" is the whole the noun before it is part of: "On a few occasions out of hundreds".
OUT_OF = re.compile(r"\b(?P<noun>[a-z]{3,}s)\s+out\s+of\s+(?:(?:about|nearly|almost|roughly|some|over|more than|at least)"
                    r"\s+)?$")


def _out_of(text: str, quantity: Quantity) -> Quantity:
    """A figure without a noun after "out of" given the noun before it (see above)."""
    whole = OUT_OF.search(text, max(0, quantity.start - 60), quantity.start) if not quantity.subject else None
    if not whole or whole.group("noun") in SUBJECT_STOP:
        return quantity
    return quantity._replace(subject=whole.group("noun"), head=whole.group("noun"))


# A figure right after "margin of error" (with its "of", copula or sign) is that margin, not a share of what is polled:
# "with a margin of error of plus or minus 4 percentage points", "It has a margin of error +/- 4 percent".
MARGIN_OF_ERROR = re.compile(r"\bmargins?\s+of\s+(?:sampling\s+)?error\s+(?:(?:of|is|was|at)\s+)?(?:\(\s*)?"
                             r"(?:(?:\+/-|±|plus\s+or\s+minus)\s*)?$", re.IGNORECASE)


def _margin_of_error(text: str, quantity: Quantity) -> Quantity:
    """A figure after "margin of error" given that subject (see above)."""
    if not MARGIN_OF_ERROR.search(text, max(0, quantity.start - 40), quantity.start):
        return quantity
    return quantity._replace(subject="margin of error", head="margin of error")


# A share whose people say something (a poll's, named or not) counts those who say it, with what they say: "Another 19 percent said
# they would not pick either candidate", "Just 9 percent of voters said the debate changed their minds" (voters saying
# the debate changed their minds).
_SAID = (r"\s*(?:(?:also|still|now)\s+)?(?:said|say|says|indicated|believe|believed|think|thought)\s+(?!to\b)(?:that\s+)?"
         r"(?P<clause>[^,;:.?!()—]{3,240}?)(?=\s*(?:[,;:.?!()—]|\s(?:while|but|compared|according)\s|$))")
SAYING = re.compile(r"(?P<np>\s+of\s+(?:[\w’'-]+\s+){0,4}?)??" + _SAID)
# The same after a part of a whole, whose people follow it without "of": "eight of 10 voters say they ...".
SHARE_SAYING = re.compile(r"(?P<np>\s+(?:[\w’'-]+\s+){0,3}?)??" + _SAID)


def _saying(text: str, quantity: Quantity) -> Quantity:
    """A poll share of those who say something given what they say (see above)."""
    share = quantity.kind == "percent" and (part := SHARE.match(text, quantity.start)) and part.end() == quantity.end
    said = (SHARE_SAYING if share else SAYING).match(text, quantity.end) if quantity.kind == "percent" else None
    if not said:
        return quantity
    noun = without_finite_verb((said.group("np") or "").strip().removeprefix("of ").strip())
    noun = noun if noun and noun.split()[0].lower() not in SUBJECT_STOP else "respondents"
    clause = " ".join(said.group("clause").split()[:10])
    return quantity._replace(subject=f"{noun} saying {clause}", head=noun)


# A poll's lead: points right after a verb of leading and "by", or after "ahead" ("Clinton leads Donald Trump by 11
# points", "leads by an even wider 14 points", "Clinton led Trump by 5 percentage points", "showing her ahead 3
# points", "likewise ahead by 3.7 percentage points"): the lead, not a margin won (`WON_BY`) nor a bare count.
LED_BY = re.compile(r"(?:\b(?:leads?|leading|led)\b[^.;,]{0,40}?\bby|\bahead(?:\s+by)?)\s+(?:(?:about|nearly|almost|"
                    r"roughly|some|more than|less than|at least|just|only|an?|even|wider|narrower|larger|smaller|"
                    r"comfortable|slim|narrow)\s+)*$", re.IGNORECASE)
POINTS = re.compile(r"\s+(?:percentage\s+)?points?\b")


def _lead(text: str, quantity: Quantity) -> Quantity:
    """Points after a verb of leading or "ahead" given the subject "lead" (see above)."""
    points = quantity.unit == "percentage points" or quantity.kind == "count" and not quantity.unit \
        and POINTS.match(text, quantity.end)
    if quantity.head not in ("", "margin") or not points \
            or not LED_BY.search(text, max(0, quantity.start - 80), quantity.start):
        return quantity
    return quantity._replace(subject="lead", head="lead")


def complete_subjects(text: str, found: list[Quantity]) -> list[Quantity]:
    """`found` (the figures of `text`, in order) with the subjects their words around say (see the module)."""
    found = _poll_shares(text, [_lead(text, _by_what(text, _amount_of(text, quantity))) for quantity in found])
    return [_saying(text, _margin_of_error(text, _per_unit(text, _pay(text, _out_of(text, _appositive(text, quantity))))))
            for quantity in found]
