"""The noun phrases of attribution: the subject before a cue ("Phil Lovas, the state's campaign chairman,
said"), an inverted source after it ("said Frank Ledwidge, a former officer"), the noun phrase that opens a
sentence, and the word lists they are read with (roles, people, documents), for `research.claims.cues` and
`research.claims.actors`."""

from __future__ import annotations

import re

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.claims.verbs import VERB_FORMS

SUBJECT_PRONOUNS = frozenset("he she they we i it who".split())

# Words that end a noun phrase when walking back from a cue: clause openers and verbs that
# introduce a reported clause.
CLAUSE_WORDS = frozenset(
    "that which whom whose and but because while when whenever if as after before since although "
    "though where so than or nor yet unless until whether once why how what there here".split())
WORD = re.compile(r"[\w’'][\w’'.\-]*|[^\w\s]")
# A subject with its parenthesis and appositive ends this close to its cue (characters, from a word start).
SUBJECT_WINDOW = 1000
SPACE = re.compile(r"\s")

# Words that name a role or title; weekdays and months, which are capitalised but not names.
WEEKDAYS_AND_MONTHS = ("monday tuesday wednesday thursday friday saturday sunday january february march "
                       "april may june july august september october november december").split()
ROLE_WORDS = ("president vice prime minister secretary general gen. lt. col. maj. adm. sgt. director chief "
              "head spokesman spokeswoman spokesperson ambassador envoy chairman chairwoman chair commander "
              "governor gov. mayor senator sen. rep. representative speaker leader whip king queen prince pope "
              "judge justice attorney dr. mr. mrs. ms. professor prof. deputy chancellor lawmaker official "
              "analyst lecturer expert adviser advisor researcher founder ceo editor correspondent counterpart").split()
NOT_NAMES = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in WEEKDAYS_AND_MONTHS) + r"|The|This|That|"
                       r"According|On|In|At|By|For|Read|More|Share|Updated|Published)\b")


def _is_role(word: str) -> bool:
    """True for a title or role word, also inside a hyphenated title ("Secretary-General")."""
    return any(part in ROLE_WORDS for part in word.lower().split("-"))


PEOPLE_NOUNS = re.compile(r"\b(?:officials?|sources?|analysts?|experts?|data|polls?|reports?|documents?|"
                          r"records?|statements?|figures?|estimates?|people|residents?|lawmakers?|aides?|"
                          r"diplomats?|officers?|studies|study|survey|authorities|police|prosecutors|investigators|"
                          r"economists|researchers|scientists|doctors|forecasters|witnesses|"
                          r"unions?|company|campaign|government|agency|department|ministry|administration|committee|"
                          r"spokes(?:man|woman|person))\b")  # and organisations: "according to the union"
# Documents and counts that "show", "find" or "suggest" what a source would say.
DOCUMENTS = re.compile(r"polls?|polling|surveys?|study|studies|reports?|analysis|analyses|data|figures|records|"
                       r"documents?|averages?|transcripts?|videos?|footage|memos?|letters?|reviews?|audits?|"
                       r"investigations?|research|statistics|numbers|results|findings|census|estimates?|"
                       r"projections?|tally|filings?|models?|forecasts?|trackers?|dashboards?|databases?")


def _strip_span(text: str, start: int, end: int, chars: str = " \t\r\n,;:—–-") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _phrase_start(tokens: list[re.Match], i: int) -> int | None:
    """Index of the first token of the noun phrase whose last token is `tokens[i]`.

    The walk stops at a pronoun (kept when it is the whole phrase), at a word
    that cannot be in a noun phrase, and at a lower-case "-ed"/"-ing" word used as
    a verb (one with a noun, not a determiner, before it: "Services released").
    Leading prepositions and conjunctions are dropped ("In one ad" -> "one ad").
    """
    first = None
    while i >= 0:
        word = tokens[i].group()
        if first is None and word == "there" and i > 0 and PEOPLE_NOUNS.fullmatch(tokens[i - 1].group().lower()):
            first, i = i, i - 1  # "the authorities there said"
            continue
        if word.lower() in SUBJECT_PRONOUNS:
            return i if first is None else first
        if first is not None and word.islower() and word.endswith(("ed", "ing")) and i > 0 \
                and tokens[i - 1].group()[0].isalnum() and tokens[i - 1].group().lower() not in DETERMINERS \
                and not all(NOT_NAMES.fullmatch(t.group()) or t.group() == "on" for t in tokens[first:]):
            break  # "Services released", not "figures released Tuesday showed" (a participle and its day)
        if first is not None and i > 0 and _joins_phrase(word, tokens[i - 1].group(), tokens[first].group()):
            i -= 1  # "Mr. Grassley and Mr. Leahy say", "advisers to Mr. Obama say"
            continue
        if word[0].isalnum() and (_in_phrase(word) or (first is None and DOCUMENTS.fullmatch(word.lower()))) \
                or (word in ".’'-&" and first is not None):
            first = i
            if word.lower() in DETERMINERS and word.lower() not in ("one", "two", "three"):
                if i > 1 and (tokens[i - 2].group().lower(), tokens[i - 1].group()) in LINKED:
                    i -= 1
                    continue  # "sources familiar with [the talks]"
                break  # a determiner opens the phrase: "told lawmakers [his agency] assessed"
            i -= 1
            continue
        break
    while first is not None and first <= len(tokens) - 1 and tokens[first].group().lower() in LEADING_WORDS:
        first = first + 1 if first + 1 < len(tokens) and tokens[first + 1].group()[0].isalnum() else None
    return first


# Nouns of people that take "to" inside a noun phrase ("an adviser to Mr. Obama", "envoy to the U.N.").
NOUNS_WITH_TO = frozenset("adviser advisers advisor advisors envoy envoys ambassador ambassadors aide aides "
                          "spokesman spokeswoman spokesperson counselor delegate delegates successor heir "
                          "attorney attorneys lawyer lawyers".split())


# Words that join a noun of people to what they know: "sources familiar with", "people close to".
LINKED = frozenset((("familiar", "with"), ("close", "to"), ("knowledgeable", "about")))


def _people_word(word: str) -> bool:
    return (word[:1].isupper() and not NOT_NAMES.fullmatch(word)) or bool(PEOPLE_NOUNS.fullmatch(word.lower()))


def _joins_phrase(word: str, before: str, after: str) -> bool:
    """True when `word` links two parts of one subject: "and" between names or nouns of people
    ("Mr. King and Mr. Schultz", "developers and supporters"), "to" after a noun such as "adviser"."""
    if (before.lower(), word) in LINKED:
        return True  # "sources familiar with the talks", "people close to the president"
    if word == "to":
        return before.lower() in NOUNS_WITH_TO
    return word == "and" and _people_word(before) and _people_word(after)


def _noun_phrase_before(text: str, limit: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends at `end` (the subject of a cue), not reaching before `limit`.

    A parenthesis right before the cue ("Rep. Gwen Moore (D-Wis.) said") and an
    appositive between commas ("Phil Lovas, the state's campaign chairman, said")
    belong to it.
    """
    window = max(limit, end - SUBJECT_WINDOW)  # a long sentence is not re-read for each of its cues
    if window > limit:
        space = SPACE.search(text, window, end)
        window = space.end() if space else end
    tokens = list(WORD.finditer(text, window, end))
    i = len(tokens) - 1
    closing = None
    if i >= 0 and tokens[i].group() == ")":
        opening = next((j for j in range(i - 1, -1, -1) if tokens[j].group() == "("), None)
        if opening is None or opening - 1 < 0:
            return None
        closing, i = tokens[i].end(), opening - 1
    if i >= 0 and tokens[i].group() == ",":
        opening = next((j for j in range(i - 1, -1, -1) if tokens[j].group() in ",;:()“”\"—–"), None)
        if opening is None or tokens[opening].group() != "," or i - opening > 14:
            return None
        if tokens[opening + 1].group().lower().endswith("ing"):  # "Lee, citing Cho, said": Lee
            first = _phrase_start(tokens, opening - 1)
            return (tokens[first].start(), tokens[opening - 1].end()) if first is not None else None
        first = _phrase_start(tokens, opening - 1)
        if first is None or not any(t.group()[:1].isupper() for t in tokens[first:i]):
            return None
        return tokens[first].start(), tokens[i - 1].end()
    first = _phrase_start(tokens, i)
    if first is None or i - first > 12:
        return None
    return tokens[first].start(), closing or tokens[i].end()


DETERMINERS = frozenset("a an the this that these those his her their its our my your some many most "
                        "several both all other another each every any no one two three few".split())
# Words that cannot open a subject: prepositions and conjunctions before it ("In one ad ...").
LEADING_WORDS = frozenset("in on at for with from by after before during about against into over under "
                          "through without within across but and or so yet then also".split())
FUNCTION_WORDS = frozenset(
    "is are was were be been being has have had do does did will would could should may might must "
    "can not no to by with from into about over under between against also just only even still "
    "then now already never very more most less".split())


def _in_phrase(word: str) -> bool:
    """True when `word` can be part of a subject noun phrase (not a verb-like function word)."""
    lower = word.lower()
    if word[:1].isupper() or word[:1].isdigit():
        return True
    return lower not in FUNCTION_WORDS and lower not in CLAUSE_WORDS and lower not in VERB_FORMS


def _noun_phrase_after(text: str, start: int, limit: int, closed: bool = False) -> tuple[int, int] | None:
    """The noun phrase starting at `start` (an inverted source), with a following appositive (with `closed`,
    only a short one that a comma closes: "According to X, the only two prior instances ..." opens what was said).

    It runs to the first comma, stop, quote or clause word, at most ten words (a slash inside a word:
    "said 9/11 widow Terry Strada"),
    and must hold a capitalised word or a noun of people, organisations ("according to the union") or documents.
    """
    match = re.compile(r"\s*((?:(?!(?:who|which|that|as|when|while|because|if|and|but)\b)[\w’'./\-&]+\s*){1,10})"
                       ).match(text, start, limit)
    if not match:
        return None
    first, last = _strip_span(text, *match.span(1), chars=" \t\r\n.")
    words = text[first:last].split()
    while words and words[-1].lower() in LEADING_WORDS | FUNCTION_WORDS:
        last = first + text[first:last].rindex(words.pop()) - 1
    phrase = text[first:last]
    if not words or not (re.search(r"[A-Z]", phrase) or PEOPLE_NOUNS.search(phrase)
                         or any(DOCUMENTS.fullmatch(word.lower()) for word in words)):
        return None  # "according to the dashboard"
    appositive = re.compile(r",\s+(?:a|an|the|who|which|whose|[a-z]+ of)\b(?:[^.;“”\"]|(?<=\b[A-Z])\.|"
                            r"(?<=\b[A-Z][a-z])\.)*").match(text, last, limit)
    if appositive and closed:
        appositive = re.compile(r",[^,.;“”\"]{1,60}(?=,)").match(text, last, appositive.end() + 1)
    if appositive:
        last = appositive.end()
    return _strip_span(text, first, last)


# An introductory phrase before a sentence's subject: "On Tuesday, ", "Also speaking about it, ".
INTRODUCTORY = re.compile(r"\s*[“\"]?(?:(?:On|In|At|By|Later|Earlier|Meanwhile|But|And|Also|However|Still|Yet|"
                          r"Separately|Last|This|Since|After|Before|During|When|While|Asked|Speaking|Talking)"
                          r"\b[^,.;“”\"]{0,80},\s+)?")

# Common irregular past forms, which end a noun phrase like any verb ("Mark Frost met the minister").
IRREGULAR_PAST = frozenset(
    "met went made took gave came held led sent won left ran began became brought bought kept lost paid put set "
    "sat stood got had did grew drew threw flew fell felt fought heard hit meant rode rose shook shot shut sold "
    "spent spread stole struck swore taught woke wore broke chose drove ate froze hid hung laid lay lit sought "
    "built dealt fed fled forgave forgot sang sank slept".split())


def _subject_word(word: str) -> bool:
    """True when `word` can stand in the noun phrase that opens a sentence (no verb, no clause word)."""
    lower = word.lower().removesuffix("’s").removesuffix("'s")
    if not word[0].isalnum():
        return False
    if word[:1].isupper() or _is_role(lower):
        return True
    return (lower not in FUNCTION_WORDS and lower not in CLAUSE_WORDS and lower not in VERB_FORMS
            and lower not in IRREGULAR_PAST and lower not in LEADING_WORDS - {"of"}
            and not lower.endswith(("ed", "ing")))


def _sentence_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence at `start` (after an introductory phrase such as
    "On Tuesday,"), when it names someone: it holds a name, a title or a noun of people."""
    tokens = []
    for token in WORD.finditer(text, INTRODUCTORY.match(text, start, end).end(), end):
        if not _subject_word(token.group()):
            break
        tokens.append(token)
    while tokens and not (tokens[-1].group()[:1].isupper() or _is_role(tokens[-1].group())
                          or PEOPLE_NOUNS.fullmatch(tokens[-1].group().lower())):
        tokens.pop()
    if not tokens or (len(tokens) == 1 and tokens[0].group().lower() in ENGLISH_STOP_WORDS - SUBJECT_PRONOUNS):
        return None
    return tokens[0].start(), tokens[-1].end()


def _names_someone(text: str, span: tuple[int, int]) -> bool:
    phrase = text[span[0]:span[1]]
    return bool(re.search(r"[A-Z]", phrase) or PEOPLE_NOUNS.search(phrase))
