"""Figures in text and what they count.

`find_quantities(text)` finds every figure in a sentence ("3,000 North Korean
troops", "up to 12,000", "a few thousand troops", "$400 million in new military
aid", "74 percent of likely voters", "two-thirds of", "more than twice", "50-49",
"in the mid-30s")
as `research.claims.numerals` reads it (value, bounds, qualifier, kind, unit),
and gives each its `subject`: the noun phrase after the number with the
participle or predicate that says which ("people killed in shootings", "Americans who will die", `DIED`), or, for
a figure stated of something before its verb, that noun phrase ("Initial claims
fell by 92,000", "premiums accounted for nearly 17 percent"), a multiple's
measure ("four times the area of New York City") or a tally's noun ("a 6-3
conservative majority"), a count of times what its clause did ("times President
Obama won the state"), a relative clause with a name for its subject ("people
that Weiner follows"), a vague measure the measure of what follows ("tons of
coal reserves"), a bare count after ", including" the count before it and a
hyphenated count the plural of its noun at the end of what it modifies ("a
15-count indictment": indictment counts), read as a noun phrase at the end
(`research.claims.structure.noun_phrase`);
`head` is the noun phrase the subject is built on (`research.claims.keys.subject_key`
groups subjects). A subject is a noun phrase: it holds no finite verb outside a
relative clause, no dash and no pronoun that starts a clause
(`research.claims.subjects.without_finite_verb`). Money "on" something is
spending on it and weeks of a pregnancy a gestational limit. A figure without a
noun of its own gets the subject the words around it say
(`research.claims.subjects`: money by its verb, "of" or copula, a margin, change
or threshold, a poll share's candidate, an apposition).
"""

from __future__ import annotations

import itertools
import re

from research.claims.keys import ACTED_ON, KILLED_BEFORE
from research.claims.numerals import (
    AGE_OPEN,
    BAND,
    MEASURES,
    NUMBER_WORDS,
    QUANTITY,
    RATIO,
    SENTENCED,
    SHARE,
    TERM,
    TERM_UNIT,
    VAGUE_QUANTITY,
    Quantity,
    about_pregnancy,
    band,
    counted,
    figure,
    is_ratio,
    ratio,
    sentence_start,
    share,
    term,
    vague,
)
from research.claims.structure import noun_phrase
from research.claims.subjects import (
    DETERMINER_WORDS,
    FINITE_VERBS,
    INTRANSITIVE,
    PREPOSITIONS,
    SUBJECT_STOP,
    complete_subjects,
    without_finite_verb,
)
from research.text.chunks import tag_words
from research.text.dates import find_time_expressions

TEMPERATURE = ("degrees", "fahrenheit", "celsius")
# Nouns that measure something else, read with their "of" ("the unemployment rate of 6.1%", "a peak of
# 904,000", "a decline of 34%"); alone they say little of what is counted.
MEASURE_NOUNS = ("rate average peak total level temperature high low decline drop increase rise gain decrease loss tally count "
                 "toll number share majority percentage proportion portion size pace figure reading estimate "
                 "median threshold odds risk likelihood chance forecast expectation projection price cost value "
                 "amount payment").split()
# Irregular past participles that end a subject ("soldiers sent to Russia").
PARTICIPLES = frozenset("sent taken given made held seen known shown brought built kept left lost paid put said "
                        "told found led run set spent won hit cut shot fought bought caught drawn driven flown "
                        "thrown written born worn gone begun done".split())
CONTAINERS = frozenset("containers units rounds shells tons tonnes barrels pieces cases sets batches shipments "
                       "rounds boxes crates truckloads battalions brigades divisions regiments companies "
                       "groups percent".split()) | frozenset(MEASURE_NOUNS)
# Nouns of a change, whose "in" says what changed.
CHANGE_NOUNS = frozenset("decline drop increase rise gain decrease loss fall jump reduction cut surge spike".split())
# Nouns of money after a vague count and "in" ("millions in cash").
MONEY_IN = r"(?:new\s+|federal\s+|public\s+)?(?:cash|aid|funding|funds|revenue|donations|contributions|damages|fines|fees|loans|debt|" \
    r"taxes|profits|sales|salaries|wages|assets|savings|spending|investments?|bonuses|subsidies|grants)\b"
# Nouns in -ing that stay in a noun phrase ("$550 billion in new spending"), not participles.
ING_NOUNS = frozenset("spending funding financing housing training building shipping lending borrowing testing "
                      "screening trading pricing polling schooling hearing meeting offering clothing bedding "
                      "parking advertising manufacturing".split())
# Adjectives in -ly that stay in a noun phrase ("137,000 new daily cases").
LY_ADJECTIVES = frozenset("daily weekly monthly yearly quarterly hourly early elderly only".split())
# Nouns after a figure that are its unit, not what it counts.
GENERIC_NOUNS = frozenset("percent percentage points point times fold more less fewer higher lower".split())
PLAIN_TIME = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|last|this|next|"
                        r"yesterday|today|(?:19|20)\d\d)(?:['’]s)?")
# Words that start the time of a figure, which the subject leaves out ("Americans poor [in 2020]").
TIME_WORD = re.compile(r"(?:\d{4}|\d{1,2}|January|February|March|April|May|June|July|August|September|"
                       r"October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|Monday|Tuesday|"
                       r"Wednesday|Thursday|Friday|Saturday|Sunday|last|this|next|the|a|weekend|week|month|"
                       r"year|today|yesterday)$")


def plural(noun: str) -> str:
    """The plural of a counted noun: "votes", "stories", "inches"."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|z|ch|sh)$", noun) else "s")


def _subject(text: str, start: int, money: bool = False) -> tuple[str, str, bool, int]:
    """(subject, measure unit, spent, end) of the noun phrase that starts at `start`, after a number; `spent`:
    the noun phrase follows an amount of money and "on" ("trillions of dollars on social programs"); `end`:
    where the phrase ends in `text` (`start` when there is none)."""
    rest = text[start:start + 120]
    if money:  # "$300 a week supplement", "$299 billion over five years on roads": the rate or the span aside
        rest = re.sub(r"^([\s-]+(?:a|an|per)[\s-]+(?:hour|day|week|month|year))(?=\s)|^(\s+(?:(?:set|slated|expected|"
                      r"going)\s+)?(?:to\s+be\s+)?(?:allocated|spent|earmarked|used|directed|devoted|dedicated|invested)"
                      r")(?=\s+(?:for|on|to|toward|towards)\b)|"
                      r"^(\s+over\s+(?:\w+\s+)?(?:days|weeks|months|years|decades?))(?=\s+(?:on|for|to)\b)",
                      lambda m: " " * len(m.group()), rest)
    unit, skipped, agent = "", False, False
    words, ends = [], []  # the phrase's words and where each ends in `rest`
    for match in re.finditer(r"(?:[A-Za-z]\.){2,}|[\w’'\-]+|[^\w\s]", rest):
        word = match.group()
        if not words and match.start() == 0 and re.fullmatch(r"-[a-z]+", word):
            word = word[1:] if word.endswith("s") else plural(word[1:])  # "the 60-vote hurdle": votes
        lower = word.lower()
        if lower in NUMBER_WORDS and re.match(r"\s+(?:days?|weeks?|months?|years?)\b", rest[match.end():]):
            break  # "the 151,000 case average two weeks ago"
        if skipped == "to" and len(words) == 1 and lower in ("the", "a", "an"):
            continue  # "$568 billion to rebuild the nation's roads"
        if skipped == "to" and len(words) == 1 and lower in ("in", "on", "for") and not words[0][0].isupper():
            words.append(word)  # "$60 billion to invest in energy-efficient public transportation"
            ends.append(match.end())
            continue
        if skipped in ("for", "on") and not words and lower in ("the", "a", "an", "its", "their", "his", "her", "our"):
            continue  # "billions of dollars spent on a 20-year war effort"
        if not words and lower == "in" and re.match(r"\s+" + MONEY_IN, rest[match.end():]):
            continue  # "agreed to release millions in cash": a vague count of money
        if not words and (lower == "of" or lower in ("in", "worth") and money and not unit):
            continue  # "74 percent of likely voters", "$400 million in new military aid", "millions of tons of coal"
        if not words and lower in ("for", "on", "to", "toward", "towards") and money and not skipped:
            skipped = lower
            continue  # "$61 billion for public transit systems", "$6.3 billion to help resettle evacuees"
        manner = re.match(r"\s+([a-z]+)\b", rest[match.end():]) if len(words) == 1 and lower == "by" else None
        if manner and words[0].endswith("ing") and manner.group(1) not in SUBJECT_STOP:
            words.extend([word, manner.group(1)])  # "another 10 percent voting by proxy"
            ends.append(match.end() + manner.end())
            break
        if len(words) == 1 and lower == "by" and (words[0].endswith(("ed", "en")) or words[0] in PARTICIPLES):
            agent = True  # "the $2.25 trillion desired by President Biden"
            words.append(word)
            ends.append(match.end())
            continue
        if agent and not word[0].isupper():
            break
        group = re.match(r"\d+\s+(?:and|or)\s+(?:older|over|up|above)\b", rest[match.start():]) if words else None
        if group:  # "76% of Americans 65 and older"
            words.append(group.group())
            ends.append(match.start() + len(group.group()))
            break
        if PLAIN_TIME.fullmatch(word) or word[0].isdigit() and not (skipped and re.fullmatch(r"[\d.]+-[a-z-]+", word)) or word[0].isupper() and words[-1:] and re.match(r"\s+[A-Z]", rest[match.end():]) and words[-1].endswith("s"):
            break  # "rose by 2,000 last week", "24 of the 32 cases", "the five Republicans House Minority Leader ..."
        if not words and lower in ("the", "its", "their", "his", "her", "our", "all") and re.search(r"\bof\s+$", rest[:match.start()]):
            continue  # "68% of the active duty force"
        if not words and lower in MEASURES or (words and words[-1].lower() == "square"):
            unit = f"{unit} {lower}".strip()
            continue
        if lower in ("and", "&") and words and words[-1][0].isupper() and re.match(r"\s+[A-Z]", rest[match.end():]):
            words.append(word)  # a name goes on: "the $50 billion Bill and Melinda Gates Foundation"
            ends.append(match.end())
            continue
        if lower in ("and", "or") and words and words[-1].endswith("-"):
            words.append(word)  # "92 low- and middle-income countries"
            ends.append(match.end())
            continue
        if lower in ("the", "a", "an") and words and words[-1].lower() in ("of", "in"):
            continue  # "a 5.4 percent increase in the price of a basket of goods"
        if not (word[0].isalnum()) or lower in SUBJECT_STOP:
            if lower == "of" and words and words[-1].lower() in CONTAINERS or lower == "in" and words \
                    and words[-1].lower() in CHANGE_NOUNS:  # "a 10 percent decline in new cases"
                words.append(word)
                ends.append(match.end())
                continue
            break
        if words and word.islower() and lower.endswith(("ly",)) and lower not in LY_ADJECTIVES:
            break  # "troops unlikely to"
        if words and word.islower() and "-" not in word and lower not in ING_NOUNS \
                and (lower.endswith(("ed", "ing")) or lower in PARTICIPLES) \
                and words[-1].lower() != "of" and not (skipped == "to" and len(words) == 1) \
                and not words[-1].lower().endswith("-"):
            break  # "soldiers sent to Russia", "troops receiving training" ("to boost caregiving" goes on)
        words.append(word)
        ends.append(match.end())
        if len(words) >= (9 if {"of", "in"} & set(words) else 6):  # "decline in new CCP virus cases"
            break
    while words and words[-1].lower() == "of":
        words.pop()
        ends.pop()
    if len(words) == 1 and words[0].lower().endswith("ly") and words[0].lower() not in LY_ADJECTIVES:
        words = []  # "40% fully vaccinated": a predicate, not a noun
    subject = " ".join(words)
    subject = re.sub(r"^-(?=\w)", "", subject)
    compound = re.match(r"-[a-z]", rest)  # "a 15-count indictment made public": what follows is no participle of it
    if compound and len(words) > 1:  # "a 15-count indictment": indictment counts (a verb after it ends it: "throws")
        rest = [t.word for t in itertools.takewhile(lambda t: t.pos not in ("VBZ", "VBP", "VBD", "WRB", "MD"),
                                                    tag_words(" ".join(words[1:])))]
        subject = " ".join([*rest, words[0]])
    return subject, unit, skipped == "on" and bool(words), start + ends[-1] if words and not compound else start


# What may follow the noun phrase after a figure and still say what is counted: a participle or
# adjective with its complement ("people killed in shootings", "Americans who filed for benefits",
# "doses wasted", "of Americans were poor").
EXTENSION = re.compile(
    r"\s+(?:(?:who|that|which)\s+(?:(?:have|has|had|were|was|are|is)\s+)?(?:been\s+)?(?:\w+ly\s+)?"
    r"|(?:(?:were|was|are|is|have been|had been|has been)\s+)(?:\w+ly\s+|now\s+|still\s+|already\s+)?|(?P<perfect>(?:have|has|had)\s+)(?=[a-z]+(?:ed|en)\s+[a-z])"
    r"|(?:\w+ly\s+|still\s+)?(?=[a-z]+(?:ed|en)\b|missing\b|unaccounted\b|dead\b|injured\b|"
    r"(?:shot|hit|lost|paid|spent|cut|sent|held|made|built|sold|left|put|set|won)\b))"
    r"(?P<words>[a-z][\w’'-]*(?:\s+(?!(?:and|but|while|as|according|said|says|to be)\b)"
    r"[\w’'-]+){0,5})")
# Verbs that state a figure of their subject: "claims fell by 92,000", "the rate was 5.4%".
STATING_VERB = re.compile(  # a verb starts a word ("authorising" holds no "rising", "Medicare" no "are")
    r"\b(?:(?:has|have|had|was|were|is|are|will|would|could|also|now|just|still|been|\w+ly)\s+){0,3}"
    r"(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|dropped|drop|drops|dropping|declined|decline|"
    r"(?:reduced|cut|raised|lowered|boosted|trimmed|slashed) by|"
    r"declines|increased|increase|increases|decreased|decrease|climbed|climb|jumped|jump|grew|grow|soared|surged|"
    r"slipped|plunged|tumbled|(?:edged|ticked|inched|crept|moved|went) (?:up|down|higher|lower)|(?:go|goes|went) to|"
    r"was|were|is|are|be|been|stood at|stand at|standing at|hit|reached|reach|reaching|totaled|totalled|"
    r"totaling|came in at|came to|amounted to|averaged|averaging|topped|exceeded|passed|surpassed|dipped|eased|"
    r"spiked|doubled|revised (?:up|down|higher|lower)|revised|remained|stayed|hovered|held at|includes|include|"
    r"included|climbed above|fell below|"
    r"numbered|peaked|ballooned|swelled|slowed|accelerated|approached|neared|topping|outnumbered|plummeted|sank|"
    r"skyrocketed|rebounded|slid|slumped|shrank|narrowed|widened|leapt|leaped|nudged|quadrupled|tripled|"
    r"accounted for|accounts for|made up|makes up|represented|represents|ranged from|ranges from|cost|costs)"
    r"(?:\s+(?:by|to|at|from|of|around|about|nearly|almost|more than|over|roughly|just|an estimated|above|below|"
    r"past|beyond|under|now|still|only|some|a record|higher|lower|up|down|as well|a seasonally adjusted|\w+ly|,|"
    r"(?:last|this|the previous|the prior) (?:week|month|year)|[A-Z][a-z]+['’]s|"
    r"(?:a|an|the) (?:[\w-]+ ){0,3}of))*\s*[$€£]?$", re.IGNORECASE)
# Words that cannot be in the noun phrase before such a verb.
# What stands between two figures of one subject: "fell by 92,000 [last week to] 498,000", "from 78,449 [to]".
SECOND_FIGURE = re.compile(r"(?:\s+(?:last|this|the previous|the prior|a|an|the) (?:week|month|year))?"
                           r"\s*,?\s+(?:\w+ )?(?:to|from|down to|up to|up from|down from)\s+"
                           r"(?:(?:a|an|the) (?:[\w-]+ ){0,3}(?:of )?)?(?:[A-Z][a-z]+['’]s )?", re.IGNORECASE)
# Nouns of a tally after its figure: "a 5-4 decision", "the 6-3 conservative majority".
VOTE_NOUNS = frozenset("vote votes decision ruling majority margin tally split ballot".split())
# Bodies that vote, named before a tally: "the Senate voted 50-49".
_BODIES = r"(?:Senate|House|committee|panel|court|justices|lawmakers|council|board|jury)"
VOTERS_BEFORE = re.compile(r"\b" + _BODIES + r"\b", re.IGNORECASE)
# ... or right after it: "passed 65-35 in the Senate, and 254 to 175 a few hours later in the House".
VOTERS = re.compile(r"(?:\s+vote)?\s+(?:(?:a few|several) hours later\s+|earlier\s+)?(?:in|by)\s+the\s+(?P<body>"
                    + _BODIES + r")\b", re.IGNORECASE)
# Verbs that end a noun phrase when walking back from a stating verb.
VERB_WORDS = frozenset("said says reported showed shows found estimated added expected forecast told noted "
                       "announced according".split())
CLAUSE_STOP = frozenset("that which who when while as and but or because if since after before than said says "
                        "according where so".split())


# A relative clause whose subject is a name: "198 people that Weiner follows on Twitter".
NAMED_RELATIVE = re.compile(r"\s+(?:that|whom|which)\s+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}\s+(?:has\s+|have\s+|had\s+)?"
                            r"[a-z]+(?:s|ed)\b(?:\s+(?!(?:and|but|while|as|according|said|says)\b)[\w’'-]+){0,3}")


def _extension(text: str, position: int) -> str:
    """The participle, relative clause or predicate that says which of the counted are meant."""
    named = NAMED_RELATIVE.match(text, position)
    if named:
        words = named.group().split()
        while words[-1].lower() in SUBJECT_STOP or not words[-1][-1].isalnum() or TIME_WORD.match(words[-1]):
            words.pop()
        return " ".join(words)
    match = EXTENSION.match(text, position)
    if not match:
        return ""
    words = match.group("words").split()
    if match.group("perfect") and (len(words) < 2 or words[1][0].isupper()):
        return ""  # "have received their first doses", not "have entered Russia"
    relative = re.match(r"\s+(?:who|that|which)\b", match.group())
    if words[0].lower() in SUBJECT_STOP or (words[0].lower() in INTRANSITIVE and not relative):
        return ""  # "troops are now in Russia": a place or time, not which troops ("people who died" is)
    for i, word in enumerate(words):
        if 0 < i < len(words) - 1 and word.lower().endswith("ed") and words[i + 1].lower() == "by":
            words = words[:i]  # "voters surveyed | followed by Trump": another clause, with its own agent
            break
        if i + 1 < len(words) and word.lower() in ("in", "on", "since", "during", "by", "through", "from", "over",
                                                   "last", "this") and TIME_WORD.match(words[i + 1]):
            words = words[:i]
            break
        if TIME_WORD.match(word) and word[0].isdigit():
            words = words[:i]
            break
    while words and (words[-1].lower() in SUBJECT_STOP or not words[-1][-1].isalnum()):
        words.pop()
    pronoun = text[match.start():match.start("words")].split()
    participle = words and (words[0].lower().endswith(("ed", "en")) or words[0].lower() in PARTICIPLES)
    kept = relative and words and (pronoun in (["who"], ["that"], ["which"]) or not participle)
    return " ".join(pronoun + words if kept else words)  # "organizations that actively lobby", "students returned"


AUXILIARIES = re.compile(r"(?:(?:has|have|had|been|was|were|is|are|also|now|more than|nearly|almost|\w+ly)\s+){0,3}$",
                         re.IGNORECASE)


def _clause_subject(text: str, start: int, verb_figure: bool = False) -> str:
    """The noun phrase a figure is stated of, before its verb: "Initial claims in regular state
    programs" in "Initial claims in regular state programs fell by 92,000", or the antecedent of a
    relative pronoun ("a risk of reinfection that was 2.34 higher"); "" when none. `verb_figure`: the figure is itself the verb ("cases doubling")."""
    first = sentence_start(text, start)
    verb = (AUXILIARIES if verb_figure else STATING_VERB).search(text, max(first, start - 200), start)
    if not verb or verb.end() != start or re.search(r"\b(?:a|an|the)\s+$", text[max(first, verb.start() - 10):
                                                                                   verb.start()]):
        return ""  # no verb, or "from a revised 590,000": an adjective
    words = re.findall(r"(?:[A-Za-z]\.){2,}|[\w’'.%-]+|[,;:()“”\"—]", text[max(first, verb.start() - 160):verb.start()])
    while words and PLAIN_TIME.fullmatch(words[-1]) or words[-2:-1] in (["last"], ["this"], ["the"]) \
            and words[-1] in ("week", "month", "year"):
        words = words[:-2] if words[-1] in ("week", "month", "year") else words[:-1]
    if words and words[-1].lower() in ("that", "which"):
        words = words[:-1]  # "a risk of reinfection that was 2.34 higher": the antecedent
    if words and words[-1] in (",", "—"):  # "Initial claims, a proxy for layoffs, rose": skip the appositive
        commas = [i for i in range(len(words) - 2, -1, -1) if words[i] == words[-1]]
        relative = [i for i in commas if i + 1 < len(words) and words[i + 1].lower() in ("which", "who")]
        opening = relative[0] if relative else commas[0] if commas else None
        words = words[:opening] if opening is not None else words[:-1]
    if words and words[-1] == ")":  # "The consumer price index (CPI) rose": the parenthesis kept
        opening = next((i for i in range(len(words) - 1, -1, -1) if words[i] == "("), None)
        words = words[:opening] + ["".join(words[opening:])] if opening is not None else words[:-1]
    phrase: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word, lower = words[i], words[i].lower()
        if not (word[0].isalnum() or word[0] == "(") or lower in CLAUSE_STOP or lower in VERB_WORDS:
            break
        if word in FINITE_VERBS and words[i - 1].lower() not in ("to", "have", "be", "been"):
            # the clause's own verb: the figure is stated of the noun phrase after it ("Her country has seen cases
            # of swine flu rise to"), else of the one before it ("The flight is ultimately going to be")
            while phrase and _verbal(phrase[0]):
                phrase.pop(0)
            if phrase:
                break
            continue
        phrase.insert(0, word)
        if len(phrase) >= 9 or lower in DETERMINER_WORDS and (i == 0 or words[i - 1].lower() not in PREPOSITIONS):
            break  # the noun phrase starts at its determiner ("faced [a risk of reinfection]")
    cut = re.search(r"\s(?:for|in|during|of)\s+the\s+(?:week|month|quarter|year)\s+(?:ended|ending)\b", " ".join(phrase))
    phrase = " ".join(phrase)[:cut.start()].split() if cut else phrase
    phrase = [w for w in phrase if not PLAIN_TIME.fullmatch(w)]
    if len(phrase) > 2 and phrase[0].lower() in ("prior", "previous", "past", "last") and re.fullmatch(
            r"(?:week|month|year)['’]s", phrase[1].lower()):
        phrase = phrase[2:]  # "The prior week's figure": the figure
    while phrase and (phrase[0].lower() in DETERMINER_WORDS or phrase[0].lower() in SUBJECT_STOP):
        phrase.pop(0)
    while phrase and phrase[-1].lower() in SUBJECT_STOP:
        phrase.pop()
    if all(TIME_WORD.match(w) or w.lower() in ("prior", "previous", "past") for w in phrase):
        return ""  # "The prior week was revised up to 478,000": a time, not what is counted
    return " ".join(phrase)


def _verbal(word: str) -> bool:
    """A word of a verb group rather than a noun phrase: an adverb in -ly, a participle or "to"."""
    lower = word.lower()
    return lower == "to" or lower.endswith(("ly", "ing", "ed")) and lower not in LY_ADJECTIVES | ING_NOUNS \
        or lower in PARTICIPLES


def main_subject(text: str, position: int) -> str:
    """The subject of the sentence's main clause: the noun phrase before its first verb, after an opening
    conjunction or introductory phrase ("But deaths from the pandemic have continued ...")."""
    words = re.findall(r"(?:[A-Za-z]\.){2,}|[\w’'.%-]+|[,;:()“”\"—]", text[sentence_start(text, position):position])
    if "," in words[:8] and words[0].lower() in PREPOSITIONS | {"as", "after", "despite", "while", "since", "still"}:
        words = words[words.index(",") + 1:]
    while words and words[0].lower() in ("but", "and", "yet", "so", "still", "however", "meanwhile", ","):
        words = words[1:]
    phrase = []
    for word in words:
        if not word[0].isalnum() or word.lower() in MAIN_VERBS or STATING_VERB.fullmatch(word):
            break
        phrase.append(word)
    while phrase and phrase[0].lower() in DETERMINER_WORDS:
        phrase.pop(0)
    if len(phrase) == len(words) or any(ch.isdigit() for word in phrase for ch in word):
        return ""
    return " ".join(phrase[:8])


MAIN_VERBS = frozenset("has have had is are was were will would could can may might must did does do said says "
                       "continued continue continues".split())


def _measured(text: str, start: int) -> str:
    """The measure a figure is the value of, right before it: "unemployment rate" in "an unemployment rate
    of 6.1%", "peak" in "a peak of 904,000", "seven-day average" in "from a seven-day average of 78,449",
    "average price for a gallon of gasoline" in "the average price for a gallon of gasoline of $3.04"."""
    match = MEASURED.search(text, max(0, start - 80), start)
    if not match:
        return ""
    if match.group("spending"):
        spending = match.group("spending").lower()  # "making above $1 million": income; "earning $6,000": earnings
        return "income" if spending.startswith("mak") else "earnings" if spending.startswith("earn") else spending
    words = match.group("measure").split()
    determiners = [i for i, word in enumerate(words) if word.lower() in DETERMINER_WORDS]
    words = words[determiners[-1] + 1:] if determiners else words
    while words and (words[0].lower() in SUBJECT_STOP or words[0].lower().endswith(("ing", "ed")) and len(words) > 1
                     or words[0].lower().endswith("ly") and words[0].lower() not in LY_ADJECTIVES
                     or not words[0][0].isalnum()):
        words.pop(0)
    return " ".join(words + (match.group("of") or "").split())


MEASURED = re.compile(r"(?P<measure>(?:[\w’'-]+\s+){0,2}(?:" + "|".join(MEASURE_NOUNS) + r")s?)(?P<of>\s+(?:for|of|on|in)"
                      r"\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+)??\s+of\s+"
                      r"(?:(?:about|nearly|almost|roughly|some|around|more than|over|just|an estimated|upward of)\s+)?"
                      r"[$€£]?$|(?P<spending>\b(?:spending|funding|investments?|spend|spends|spent|invest|invests|invested|making|earning))"
                      r"\s+(?:(?:above|below|over|under|more than|less than)\s+)?[$€£]?$", re.IGNORECASE)


# Two adjectives joined by "and" that make one modifier of a noun: "five past and present Missouri Republican senators".
PAIRED = re.compile(r"\b(?:past and present|present and past|current and former|former and current|present and former|"
                    r"active and retired|state and local|federal and state|public and private|large and small|"
                    r"big and small)\b", re.IGNORECASE)


def _prison_term(text: str, start: int, end: int) -> bool:
    """True when the duration at text[start:end] ("nine years") is the length of a prison term (`numerals.term`)."""
    unit = TERM_UNIT.search(text, start, end)
    number_start = start + len(text[start:end]) - len(text[start:end].lstrip())
    return unit is not None and term(text, number_start, unit.start()) is not None


def find_quantities(text: str, published: str = "") -> list[Quantity]:
    """Figures in `text` (offsets into it), years, dates, durations and numbers in names left out.

    >>> [(q.value, q.qualifier, q.subject) for q in find_quantities("up to 12,000 North Korean troops")]
    [(12000.0, 'up to', 'North Korean troops')]
    """
    dates = [(t.start, t.end) for t in find_time_expressions(text, published)  # "65 years and older", "84 years old": ages
             if not (t.kind == "duration" and (AGE_OPEN.match(text, t.end) or re.match(r"\s+old\b", text[t.end:])
                                               or "week" in t.text and about_pregnancy(text, t.start, t.end)
                                               or _prison_term(text, t.start, t.end)))]
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    words = PAIRED.sub(lambda pair: pair.group().replace(" ", "_"), text)  # one word to subjects, offsets kept
    for match in VAGUE_QUANTITY.finditer(text):
        found.append(_described(words, vague(text, match)))
        taken.append(match.span())
    for match in BAND.finditer(text):  # "in the mid-30s"
        quantity = band(text, match)
        if quantity is not None and not any(s <= match.start() < e for s, e in dates):
            found.append(_described(words, quantity))
            taken.append(match.span())
    for match in SHARE.finditer(text):  # "nine in 10 Americans"
        quantity = share(text, match)
        if quantity is not None and not any(s <= match.start() < e for s, e in taken + dates):
            found.append(_described(words, quantity))
            taken.append(match.span())
    for match in RATIO.finditer(text):
        if any(s <= match.start() < e for s, e in taken + dates) or not is_ratio(text, match):
            continue
        found.append(_ratio_described(text, match, _described(words, ratio(text, match))))
        taken.append(match.span())
    position = 0
    while (match := QUANTITY.search(text, position)) is not None:
        position = match.end()
        if any(s <= match.start("number") < e for s, e in taken):
            continue
        if not counted(text, match, dates):
            if match.group("number2") and (match.group("percent") or match.group("currency2") or match.group("scale2")):
                # "by 2030 to 32 percent": a year, then a figure with a unit of its own ("June 3 and 4" stays a date)
                position = match.end("scale") if match.group("scale") else match.end("number")
            continue
        quantity = figure(text, match, dates)
        if quantity is None:  # "from 78,449 to 51,465", "fell by 92,000 to 498,000": two figures
            position = match.end("scale") if match.group("scale") else match.end("number")
            position += text.startswith("%", position)  # "by 50%-52% from": the first percent alone
            quantity = figure(text, QUANTITY.match(text, match.start(), position), dates)
        if quantity is not None and quantity.start >= 0:
            found.append(_described(words, quantity))
    found = sorted(q._replace(subject=q.subject.replace("_", " "), head=q.head.replace("_", " ")) if words != text
                   else q for q in found)
    for i in range(1, len(found)):
        gap = text[found[i - 1].end:found[i].start]
        if not found[i].head and found[i - 1].subject and (SECOND_FIGURE.fullmatch(gap) or re.fullmatch(
                r"[^.;:!?]*,\s+(?:including|among them)\s+", gap)):  # "a dozen office openings, including seven"
            found[i] = found[i]._replace(subject=found[i - 1].subject, head=found[i - 1].head)
    for i, quantity in enumerate(found[:-1]):
        if not quantity.subject and re.fullmatch(r"\s+of\s+(?:the|those|these)\s+", text[quantity.end:found[i + 1].start]):
            found[i] = quantity._replace(subject=found[i + 1].subject, head=found[i + 1].head)  # "24 of the 32"
    return [q._replace(subject=noun_phrase(q.subject)) if q.subject else q for q in complete_subjects(text, found)]


# After a multiple or fraction, the measure it multiplies: "four times the area of New York City".
COMPARED = re.compile(r"\s+(?:the|its|their|his|her)\s+(?P<noun>[a-z]+)(?:\s+of\s+(?P<of>(?:[\w’'-]+\s+){0,5}[\w’'-]+))?")


def _ratio_described(text: str, match: re.Match, quantity: Quantity) -> Quantity:
    """A fraction or multiple with what it is said of: "twice as likely to be reinfected", "new cases per
    day doubling"."""
    likely = re.match(r"\s+as\s+(likely|many|much|high|large)\s+(to\s+(?:be\s+|get\s+|face\s+)?[\w-]+(?:\s+again)?)?",
                      text[match.end():])
    counted = re.match(r"\s+as\s+(?:many|much)\s+(?=[a-z])", text[match.end():])
    noun = _subject(text, match.end() + counted.end())[0] if counted else ""
    if noun and noun.split()[0] not in ("as", "than"):  # "a third as much savings", "twice as many people"
        return quantity._replace(subject=noun, head=noun)
    if likely:  # "twice as likely to be reinfected"
        return quantity._replace(subject=" ".join(filter(None, likely.groups())), head=likely.group(1))
    compared = COMPARED.match(text, match.end()) if not quantity.subject else None
    if compared:  # "four times the area of New York City", "one-quarter the size of his package"
        words = compared.group("of").split() if compared.group("of") else []
        words = [] if re.match(r"\s+[$€£\d]", text[compared.end():]) else words  # "the size of his $2 trillion plan"
        cut = next((i for i, word in enumerate(words) if word.lower() in SUBJECT_STOP - {"the", "his", "her", "its",
                                                                                         "their", "our"}), len(words))
        subject = " ".join([compared.group("noun"), *(["of", *words[:cut]] if words[:cut] else [])])
        return quantity._replace(subject=subject, head=compared.group("noun"))
    if not quantity.subject and re.search(r"\b(?:times|twice)$", text[match.start():match.end()]) and not re.match(
            r"\s*(?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|as|the|that|than|its|"
            r"their|his|her|[a-z]+er)\b", text[match.end():]):
        # a count of occasions, not a multiple, of what its clause did: "Obama won the state twice" (times Obama
        # won the state), "amended, as has been done 27 times in history"
        return quantity._replace(subject=" ".join(["times", *_clause_before(text, match.start())]), kind="count")
    if quantity.kind == "change" and not quantity.head:  # "halved", "doubled", "doubling", "tripled"
        said_of = _clause_subject(text, match.start(), verb_figure=True)  # "new cases per day doubling"
        return quantity._replace(subject=said_of, head=said_of)
    return quantity


CLAUSE_OPENING = re.compile(r"(?:^|[,;:(—]|\s(?:and|but|while|when|as|after|because|which|who|that|where|if|since)\s)"
                            r"(?!.*(?:[,;:(—]|\s(?:and|but|while|when|as|after|because|which|who|that|where|if|since)\s))")


def _clause_before(text: str, start: int) -> list[str]:
    """The words of the clause before `start` (its subject and verb, up to ten words): "the line for the drive-thru
    looped" in "while the line for the drive-thru looped twice", its qualifier of the figure left out; for a verb
    that stands for another ("just amended, as has been done 27 times"), the participle it stands for."""
    sentence = text[sentence_start(text, start):start]
    opening = CLAUSE_OPENING.search(sentence)
    before = re.sub(r"(?:\s+(?:at least|more than|about|nearly|almost|some|over|only|just|roughly|up to))+\s*$", "",
                    sentence[opening.end():])
    words = before.split()[-10:]
    if words[-1:] == ["done"]:
        done = re.search(r"\b([a-z]+ed)\s*,\s*as\s+$", sentence[:opening.end()])
        return [done.group(1)] if done else []
    return words


def _described(text: str, quantity: Quantity) -> Quantity:
    """`quantity` with its subject: the noun phrase after the figure with what says which of them, the
    measure it is the value of ("unemployment rate of"), else the noun phrase it is said of, else the
    predicate that follows a bare figure ("68% is fully vaccinated"); a count of a measure ("thousands of
    acres") becomes a measure, and a figure per unit ("6,000 people each") has unit "each"."""
    start, end, kind, unit = quantity.start, quantity.end, quantity.kind, quantity.unit
    head, measure, spent, offset = _subject(text, end, money=kind == "money")
    if measure and kind == "count":
        kind, unit, head = "measure", measure, f"{measure} of {head}" if head else measure  # "thousands of acres",
        # "millions of tons of coal reserves": tons of coal reserves
    elif kind == "measure" and unit not in TEMPERATURE and not re.match(r"\s+of\b", text[end:]) \
            and not re.search(r"-\s*[A-Za-z]+$", text[start:end]):  # not "the 600-mile-long front"  # "1.8 million acres have burned", "1,200 square miles", "1,000 miles away": the unit
        written = re.search(r"[A-Za-z][A-Za-z -]*$", text[start:end])
        written = [w for w in (written.group().lower().split() if written else []) if w in MEASURES]  # "six miles"
        head = " ".join([*written, *measure.split(), *head.split()])
    if head.lower() in GENERIC_NOUNS or EXPECTED_BY.match(text, end):
        head = ""  # "more than the 870,000 economists had expected": the economists expect it, not counted
    if head and re.match(r"\s*" + re.escape(head) + r"\s+(?:each|apiece)\b", text[end:]):
        unit = "each"  # "6,000 people each": a figure per unit, not a total
    subject = head
    if head:
        extension = _extension(text, offset)
        infinitive = re.match(r"\s+to\s+[a-z]+\b", text[offset:offset + 30])
        if not extension and infinitive and EXPECTS.search(text, max(0, start - 40), start):
            extension = infinitive.group().strip()  # "expects 37 million Americans to travel"
        prison = re.match(r"\s+(?:in\s+(?:federal\s+|state\s+)?(?:prison|jail)|behind bars)\b", text[offset:])
        extension = prison.group().strip() if prison and head in ("years", "months") else extension
        still = re.match(r"\s+to\s+(?:be\s+)?[a-z]+\b", text[offset:offset + 40]) \
            if head in INTRANSITIVE | {"remain", "remains"} else None
        extension = still.group().strip() if still else extension  # "tens of thousands remained to be airlifted"
        died = DIED.match(text, offset) if not extension and kind == "count" else None
        extension = f"who {died.group('verb')}" if died else extension  # "135,000 Americans will die": who will die
        subject = f"{head} {extension}".strip()  # "22 1/2 years in prison"
        where = DISTANCE_TO.match(text, offset) if kind == "measure" and unit in DISTANCES else None
        subject = f"distance {' '.join(where.group('where').split())}" if where else subject  # "65 miles northeast of Dallas"
    of = _measured(text, start)
    if spent and not of:  # money on something is spent on it: "trillions of dollars on social programs"
        saved = re.search(r"\bsav(?:e|es|ed|ing)\b[^.;]{0,20}$", text[max(0, start - 30):start])
        subject = f"{'savings' if saved else 'spending'} on {subject}"  # "saving them $600 a year on drugs"
    of = "" if of.lower() == "total" and head else of  # "a total of 10,000 troops" counts troops, not a total
    source = re.match(r"\s+from\s+((?:(?:the|a|an|his|her|their|its)\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3})", text[end:]) \
        if of in ("income", "earnings") and not head else None
    if source:  # "making millions of dollars from a for-profit university": income from a for-profit university
        words = source.group(1).split()
        cut = next((i for i, word in enumerate(words) if i and word.lower() in SUBJECT_STOP), len(words))
        of = f"{of} from {' '.join(words[:cut])}"
    if of:
        prep = "of" if of.split()[-1] in MEASURE_NOUNS else \
            (re.match(r"\s*(?:over\s+\w+\s+\w+\s+)?(for|on|to|in)?", text[end:]).group(1) or "on")
        subject, head = (f"{of} {prep} {subject}" if head else of), head or of
    if not head or (of and head == of) or kind in ("percent", "change", "rate"):
        said_of = _clause_subject(text, start)
        if said_of and said_of.lower() not in subject.lower() and of.lower() == "total" and head == of:
            subject = head = said_of  # "the death toll rose to a total of 1,419": the death toll
        elif said_of and said_of.lower() not in subject.lower():
            subject = f"{of} of {said_of}" if of and head == of and kind == "count" \
                else f"{said_of} {subject}".strip() if head else said_of
            head = said_of if of and head == of else head or said_of
    record = bool(of) and head == of and of.split()[-1].lower() in RECORD  # "a post-World War II high of 14.7%"
    moved = SET_TO.search(text, max(0, start - 80), start) \
        if (not head or record) and kind in ("count", "money", "percent") else None
    words = moved.group("object").split() if moved else []
    words = words[:next((i for i, word in enumerate(words) if i and word.lower() in PREPOSITIONS), len(words))]
    if words and words[-1].lower() not in AMOUNT_NOUNS:  # "raised the refugee cap to 62,500", "bringing the
        head = subject = " ".join(words)  # population at the facility down to 39"; not "bringing the total to 3,000"
    if not head and kind in ("count", "percent", "change") and PARTICIPLE_CLAUSE.search(text, max(0, start - 40), start):
        head = subject = main_subject(text, start)  # "deaths ... have continued to dip, down about 25 percent"
    named = NOUN_PREDICATE.match(text, end) if not head and kind == "count" else None
    if named and named.group("noun").lower() not in SUBJECT_STOP:  # "16 of them were militants"
        head = subject = named.group("noun")
    if not head and kind in ("count", "percent", "change", "money"):  # "about $400,000 has been placed so far"
        predicate = PREDICATE.match(text, end)
        words = predicate.group("words").split() if predicate else []
        while words and words[-1].lower() in SUBJECT_STOP:
            words.pop()
        subject = " ".join(words)
    if unit in TEMPERATURE and "temperature" not in subject.lower():  # "Death Valley reached 124 degrees"
        subject = f"temperature of {subject}" if subject else "temperature"
    harmed = KILLED_BEFORE.search(text, max(0, start - 40), start) if kind == "count" else None
    if harmed and "kill" in harmed.group() and "kill" not in subject:  # "killed eight co-workers", "killing 12"
        subject = f"{subject} killed".strip()
    acted = ACTED_ON.search(text, max(0, start - 40), start) if kind == "count" and subject else None
    if acted and acted.group("verb") not in REPORTING and acted.group("verb") not in subject.split():
        subject = f"{subject} {acted.group('verb')}"  # "Pelosi rejected two of the five Republicans"
    subject = without_finite_verb(subject, kind)
    if kind == "measure" and unit == "weeks" and about_pregnancy(text, start, end):  # weeks of a pregnancy: in a
        subject = "gestational limit on abortion" if re.search(r"\babortion", text, re.IGNORECASE) \
            else "weeks of pregnancy"  # sentence of abortion, the limit a law sets ("bans abortions after 15 weeks")
    if kind == "measure" and not subject and unit in ("days", "weeks", "months", "years") and (
            sentenced := SENTENCED.search(text, max(0, start - 60), start) or TERM.match(text, TERM_UNIT.search(
                text, start, end).start())):  # "sentenced him to 15 years", "up to nine years in prison"
        subject = "sentencing recommendation" if "recommendation" in sentenced.group() else "prison sentence"
    verb = re.match(r"\s+([a-z]+)\s+(?:his|her|their|its|the|a|an|my|our|your)\b", text[end:]) if kind == "age" else None
    if verb and subject.split()[:1] == [verb.group(1)] or kind == "age" and re.match(r"\s+of\b", text[end:]):
        subject = ""  # a word with an object after an age is its verb ("the 42-year-old kept his composure"), and
        # "of" after it no noun of its own ("accused the 53-year-old of ruling like an autocrat")
    if kind == "age" and subject.lower() in ("he", "she", "they", "it", "i", "we", "you"):
        subject = ""  # "He is 84 years old": the person is in the sentence, not in a pronoun
    if kind == "age" and "age" not in subject.lower().split():
        subject = f"age of {subject}".strip() if subject else "age"
    won = MARGIN_BY.search(text, max(sentence_start(text, start), start - 100), start)
    won = won if won and not PASSIVE_BY.search(text[max(0, won.start() - 30):won.start()] + won.group().split()[0]) \
        else None
    behind = BEHIND.match(text, end)
    if kind in ("count", "percent", "change") and "margin" not in subject.lower() and not SCORE.match(text, end) \
            and (won or behind and (behind.group("unit") or unit == "percentage points")):
        subject = f"margin of {subject}" if subject else "margin"  # "bested Gov. Matt Bevin by 5,198 votes"
    if kind == "vote" and not VOTERS_BEFORE.search(subject):
        after = VOTERS.match(text, end)
        voters = [after.group("body")] if after else VOTERS_BEFORE.findall(text[sentence_start(text, start):start])
        tally = head if head and head.split()[-1].lower() in VOTE_NOUNS else "vote"  # "a 6-3 conservative majority"
        subject = f"{voters[-1]} {tally}" if voters else tally
    return quantity._replace(kind=kind, unit=unit, subject=subject, head=head, whose=_whose(text, start, bool(head), kind))


# The counted die, after a place: "135,000 Americans will die from COVID-19", "More than 68,000 people in the United
# States have already died" (the people who died are what is counted, not only people).
DIED = re.compile(r"(?:\s+(?:in|across|around)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})?\s+(?P<verb>(?:(?:have|has|had|"
                  r"will|would|could|may|might)\s+)?(?:already\s+|now\s+|likely\s+|probably\s+)?(?:die|died)\b)")


# A verb that sets its object to a figure, which is what the figure measures: "raised the refugee cap to 62,500",
# "bringing the population at the facility down to 39", "an earlier plan to limit refugees to 15,000".
# Also "driving the unemployment rate to a post-World War II high of 14.7%", "sending the unemployment rate skyrocketing
# to 14.7%": the object moved to a record (`RECORD`) or by a verb of its own.
SET_TO = re.compile(r"\b(?:rais|lower|bring|brought|increas|reduc|cut|set|lift|cap|limit|push|driv|drove|send|sent)\w*\s+"
                    r"(?:(?:the|its|their|his|her)\s+)?(?P<object>[a-z][\w’'-]*(?:\s+[\w’'-]+){0,5}?)"
                    r"(?:\s+[a-z]+ing)?\s+(?:(?:down|up)\s+)?to\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,4}(?:high|low|peak|record)\s+"
                    r"of\s+)?$")
RECORD = frozenset("high low peak record".split())  # a measure that says only that the figure is a record
AMOUNT_NOUNS = frozenset("total number count tally figure sum amount".split())  # say only that it is an amount
# What a figure without a noun of its own is said to be: "68% is fully vaccinated", "57% with one dose",
# "more than 175 million have been fully vaccinated".
PREDICATE = re.compile(r"\s+(?:(?:is|are|was|were|has|have|had)\s+(?:been\s+)?(?=(?:\w+ly\s+)?\w+ed\b|at least|"
                       r"(?:a|one|their|its|at)\s)|(?=\w+ly\s+\w+ed\b)|(?=\w+ed\s)|(?=with\s)|"
                       r"(?=(?:still\s+)?(?:missing|unaccounted|dead|injured)\b))"
                       r"(?P<words>(?:(?!(?:and|but|while|according|said|says)\b|\d)[\w’'-]+\s*){1,6})")
# After a figure, the forecasters who expected it: "the 870,000 economists had expected".
EXPECTED_BY = re.compile(r"\s+(?:economists|analysts|forecasters|experts)(?:\s+(?:polled|surveyed)\s+by(?:\s+[A-Z][\w.-]*)+)?"
                         r"\s+(?:had\s+|have\s+)?(?:been\s+)?(?:expect|forecast|predict|estimat|project|anticipat)\w*")
# Before a figure, a clause of the sentence's subject: ", down about 25 percent", ", dipping below 300,000".
PARTICIPLE_CLAUSE = re.compile(r",\s*(?:up|down|(?:\w+ly\s+)?(?!including\b)[a-z]+ing(?:\s+(?:below|above|to|by|at|from|under|over|"
                               r"past))?)\s+(?:\w+\s+)?$")
# A verb of expecting before a count, whose infinitive after the noun says what is counted: "expects 37
# million Americans to travel".
# A winner's or a leader's margin: "Democrat Andy Beshear bested Republican Gov. Matt Bevin by 5,198 votes", "where he
# trounced Democrat Hillary Clinton in 2016 by more than 20", "he came in less than two points behind Bernie Sanders".
# Not in a clause of its own ("leading the Democratic ticket, Trump was chosen by 37%"), nor a passive ("The team is led
# by two ... strategists"), nor a means ("followed that up by taking two of the three Democratic contests"); and a lead
# "behind" only with its points.
MARGIN_BY = re.compile(r"\b(?:won|wins?|winning|beat|beats|beaten|bested|trounced|defeated|led|leads|leading|trailed|trails|"
                       r"trailing|edged)\b[^,;:]{0,80}?\bby\s+(?:an?\s+)?(?:(?![a-z]+ing\b)[a-z]+\s+)?$")
PASSIVE_BY = re.compile(r"\b(?:is|was|were|are|be|been|being)\s+(?:\w+ly\s+)?(?:led|beaten|bested|trounced|defeated|edged)$")
SCORE = re.compile(r"\s+to\s+\d")  # "leads Trump by 49 percent to 47 percent": the two shares, not a margin
BEHIND = re.compile(r"\s+(?P<unit>(?:percentage\s+)?points?|votes)?\s*behind\b")
# Where a distance in miles or kilometres lies, after its conversion in brackets: "about 65 miles (105 kilometers)
# northeast of Dallas", "about 20 miles (32 km) outside the rural town of Van Horn", "nearly 1,900 miles (3,060 km) away".
DISTANCES = frozenset("miles mile kilometers kilometres km".split())
DISTANCE_TO = re.compile(r"\)?\s*(?:\([^()]{0,30}\)\s*)?(?P<where>away\b|(?:(?:north|south)(?:east|west)?|east|west)\s+of\s+"
                         r"[^,.;:()]{1,60}|(?:outside|from)\s+[^,.;:()]{1,60})")
EXPECTS = re.compile(r"\b(?:expect|forecast|project|predict|estimat)\w*\s+(?:\w+\s+)?$", re.IGNORECASE)
# What a bare count is said to be: "16 of them were militants", "at least nine were children".
NOUN_PREDICATE = re.compile(r"\s+(?:of\s+(?:them|those|these|whom)\s+)?(?:were|are)\s+(?P<noun>[a-z][\w-]*s|children|"
                            r"people|women|men)\b")
# The name a figure is of, before a verb of which it is the object: "Walgreens reported wasting 2.6 million",
# "former Alaska Gov. Sarah Palin earned 10 percent support" (a title's "former" left out, up to five words),
# "Senate Republicans unveiled a $568 billion plan".
WHOSE = re.compile(r"(?:^|[,;:—(]\s*|\b(?:and|but|while|as)\s+|\b[Tt]he\s+)(?:(?:[Ff]ormer|then|late)\s+)?"
                   r"(?P<who>[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,4})"
                   r"\s+(?:(?:has|have|had|also|then|\w+ly)\s+)*(?P<verb>[a-z]+)(?:\s+(?P<ing>[a-z]+ing))?\s+"
                   r"(?:(?:a|an|the|about|nearly|almost|more than|at least|just|only|some|roughly|upward of|over)\s+)*"
                   r"[$€£]?$")
# Irregular pasts that are no participles, of a verb whose object a figure is: "Bachmann got 5 percent".
PAST_VERBS = frozenset("got took drew gave".split())
REPORTING = frozenset("said says told reported reports showed shows estimated estimates found finds announced "
                      "confirmed recorded".split())


def _whose(text: str, start: int, has_noun: bool, kind: str) -> str:
    """The name a figure is of (see `Quantity.whose`): the named subject of the verb whose object it is, or
    the label of a list item; not a speaker whose figure is a clause of its own ("X said 373,000 Americans")."""
    before = text[sentence_start(text, start):start]
    label = re.match(r"\s*([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:,[^:,]{0,60},?)?:\s", before)
    if label:
        return label.group(1)  # "Army: 40% fully vaccinated with 57% with one dose"
    match = WHOSE.search(before)
    if not match or kind in ("vote", "age") or PLAIN_TIME.fullmatch(match.group("who").split()[0]):
        return ""
    if match.group("verb") in REPORTING and has_noun and not match.group("ing"):
        return ""
    if not match.group("verb").endswith(("ed", "s", "ing")) and match.group("verb") not in PARTICIPLES | PAST_VERBS:
        return ""
    who = match.group("who")
    return "" if who.lower() in DETERMINER_WORDS or who in ("It", "They", "He", "She", "We", "I") else who
