"""Attribution: who said what in article prose, and which actor each source stands for.

`attributions(articles)` finds reporting cues in body paragraphs and, for each,
its source (who), its content (what) and whether the content is a direct quote.
Rules, for English news:

- Cues: reporting and belief verbs in any inflection ("said", "told", "warned",
  "estimated", "believes"), with the auxiliaries and adverbs before them ("has
  also said"); "according to"; passives without an agent ("were reported", "is
  expected"); a colon or dash that introduces or closes a quote with a name.
- Source: the noun phrase before the cue, back to a clause boundary (a
  comma-delimited appositive such as "Kyrylo Budanov, the head of ..., told" is
  kept); after the cue when the order is inverted (`", said Frank Ledwidge, a
  former officer"`, "according to lawmaker Park Sunwon"); a participle cue after a
  comma ("..., adding", "..., citing") takes the source named before it in the
  sentence.
- Content: the quotation next to the cue when there is one (a quote may run
  over several sentences: `"... challenge. It is important ...," he said`), else
  the rest of the sentence after the cue (a leading "that" skipped), else the
  sentence before `", X said"`.

`actor_group` and `group_actors` normalise sources (and claimants) to actors
and actor groups; see `actor_group` for the groups.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.blocks import split_blocks
from research.passages import sentence_spans

ATTRIBUTION_COLUMNS = ["article_id", "source_text", "source_start", "source_end", "cue_text", "cue_start",
                       "cue_end", "content_start", "content_end", "direct"]

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
    "assure repeat reaffirm underscore highlight predict applaud welcome thank blame share"
).split()))
# Irregular past forms (they replace the regular "-ed" form).
IRREGULAR = {"say": ["said"], "tell": ["told"], "write": ["wrote", "written"], "think": ["thought"],
             "know": ["knew", "known"], "find": ["found"], "show": ["showed", "shown"],
             "forecast": ["forecast"], "see": ["saw", "seen"]}
# Cues that are also common nouns or non-reporting uses ("the show", "found dead", "the count").
# They count as cues only with a subject pronoun or name right before them, or "that"/":" after.
WEAK_VERBS = frozenset("show find think know hope worry charge question project signal expect fear "
                       "believe state report brief comment call want plan support see seem feel point "
                       "offer rule decide learn detail oppose defend attack welcome thank blame "
                       "doubt suspect repeat highlight identify share".split())
AUXILIARIES = (r"(?:(?:has|have|had|will|would|could|might|may|should|also|previously|later|then|again|"
               r"repeatedly|recently|publicly|privately|once|first|earlier|already|often|frequently|"
               r"reportedly|is|are|was|were|been|not|never|did|does|do|now|still|even|just|only|"
               r"(?:has|have|had|did|does|do|is|are|was|were|would|could|wo|ca)n['’]t|"
               r"(?!(?:family|ally|assembly|supply|rally|reply|july|italy|anomaly)\b)[a-z]+ly)\s+)*")
SUBJECT_PRONOUNS = frozenset("he she they we i it who".split())
CONTRACTIONS = frozenset("he's she's it's that's there's who's what's here's let's".replace("'", "’").split()
                         + "he's she's it's that's there's who's what's here's let's".split())
# Words that end a noun phrase when walking back from a cue: clause openers and verbs that
# introduce a reported clause.
CLAUSE_WORDS = frozenset(
    "that which whom whose and but because while when whenever if as after before since although "
    "though where so than or nor yet unless until whether once why how what there here".split())
QUOTES = re.compile(r"“[^“”]{2,}?”|\"[^\"]{2,}?\"|``.{2,}?''")
WORD = re.compile(r"[\w’'][\w’'.\-]*|[^\w\s]")


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
_VERB = r"(?P<verb>" + "|".join(sorted(VERB_FORMS, key=len, reverse=True)) + r")"
CUE = re.compile(r"\b(?P<aux>" + AUXILIARIES + r")" + _VERB + r"\b"
                 r"(?:(?:(?<=call)|(?<=called)|(?<=calls)|(?<=calling))\s+(?:for|on)\b|"
                 r"(?:(?<=point)|(?<=pointed)|(?<=points)|(?<=pointing))\s+(?:out|to)\b)?(?!\s+by\b)")
ACCORDING = re.compile(r"\b(?:[Aa]ccording to|citing|quoting)\b")
PASSIVE = re.compile(r"\b(?:is|are|was|were|has been|have been|had been|being)\s+(?:also\s+|widely\s+)?"
                     r"(?P<verb>reported|expected|believed|thought|said|estimated|alleged|known|"
                     r"understood|announced|rumored|rumoured|considered|projected)\b"
                     r"(?P<by>\s+by\b)?")
NAME = r"(?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'.\-]*"
COLON_QUOTE = re.compile(r"(?P<source>" + NAME + r")\s*(?P<cue>:)\s*(?=[“\"]|``)")
# A transcript turn: "PENCE: Well, look, ..." (a speaker's name in capitals and a colon).
TRANSCRIPT = re.compile(r"[“\"]?(?P<source>[A-Z][A-Z.'’ -]{1,40})(?P<cue>:)\s+(?=\S)")
DASH_SOURCE = re.compile(r"\s*(?P<cue>[―—])\s*(?P<source>" + NAME + r")(?=\s*(?:$|[.“\"]))")


PEOPLE_NOUNS = re.compile(r"\b(?:officials?|sources?|analysts?|experts?|data|polls?|reports?|documents?|"
                          r"records?|statements?|figures?|estimates?|people|residents?|lawmakers?|aides?|"
                          r"diplomats?|officers?|studies|study|survey)\b")
# What may stand between a cue and its reported clause: the addressee, a day, "in a statement", "that".
OBJECT = re.compile(
    r"(?:\s+(?:[A-Z][\w.’'-]*|reporters|lawmakers|journalists|him|her|them|me|us|the \w+|"
    r"(?:on |last |this )?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year)|"
    r"in an? (?:statement|interview|speech|post|letter|email|tweet)))*[\s,]*(?:that\b)?")


class Attribution(NamedTuple):
    source: tuple[int, int] | None
    cue: tuple[int, int]
    content: tuple[int, int] | None
    direct: bool


# Words after a subject that are not part of it: "Mark Rutte on Tuesday said", "the spy chief, meanwhile,".
SOURCE_TAIL = re.compile(r"(?:,?\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
                         r"meanwhile|however|though|too|also|last week|this week|earlier|later)\b,?)+$")


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
        if word.lower() in SUBJECT_PRONOUNS:
            return i if first is None else first
        if first is not None and word.islower() and word.endswith(("ed", "ing")) and i > 0 \
                and tokens[i - 1].group()[0].isalnum() and tokens[i - 1].group().lower() not in DETERMINERS:
            break
        if word[0].isalnum() and _in_phrase(word) or (word in ".’'-&" and first is not None):
            first = i
            if word.lower() in DETERMINERS and word.lower() not in ("one", "two", "three"):
                break  # a determiner opens the phrase: "told lawmakers [his agency] assessed"
            i -= 1
            continue
        break
    while first is not None and first <= len(tokens) - 1 and tokens[first].group().lower() in LEADING_WORDS:
        first = first + 1 if first + 1 < len(tokens) and tokens[first + 1].group()[0].isalnum() else None
    return first


def _noun_phrase_before(text: str, limit: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that ends at `end` (the subject of a cue), not reaching before `limit`.

    A parenthesis right before the cue ("Rep. Gwen Moore (D-Wis.) said") and an
    appositive between commas ("Phil Lovas, the state's campaign chairman, said")
    belong to it.
    """
    tokens = list(WORD.finditer(text, limit, end))
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


def _noun_phrase_after(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase starting at `start` (an inverted source), with a following appositive.

    It runs to the first comma, stop, quote or clause word, at most ten words,
    and must hold a capitalised word or a noun of people or documents.
    """
    match = re.compile(r"\s*((?:(?!(?:who|which|that|as|when|while|because|if|and|but)\b)[\w’'.\-&]+\s*){1,10})"
                       ).match(text, start, limit)
    if not match:
        return None
    first, last = _strip_span(text, *match.span(1), chars=" \t\r\n.")
    words = text[first:last].split()
    while words and words[-1].lower() in LEADING_WORDS | FUNCTION_WORDS:
        last = first + text[first:last].rindex(words.pop()) - 1
    phrase = text[first:last]
    if not words or not (re.search(r"[A-Z]", phrase) or PEOPLE_NOUNS.search(phrase)):
        return None
    appositive = re.compile(r",\s+(?:a|an|the|who|which|whose|[a-z]+ of)\b[^.;“”\"]*").match(text, last, limit)
    if appositive:
        last = appositive.end()
    return _strip_span(text, first, last)


def _sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int]:
    for start, end in spans:
        if start <= position < end:
            return start, end
    return spans[-1] if spans else (0, position)


def _quote_at(quotes: list[tuple[int, int]], position: int, before: bool) -> tuple[int, int] | None:
    """The quote that ends just before `position` (`before`) or starts just after it."""
    for start, end in quotes:
        if before and 0 <= position - end <= 3:
            return start, end
        if not before and 0 <= start - position <= 3:
            return start, end
    return None


def _find_in_paragraph(text: str) -> list[Attribution]:
    """Attributions in one paragraph; offsets into `text`."""
    sentences = sentence_spans(text)
    quotes = [m.span() for m in QUOTES.finditer(text)]
    inside_quote = [(s + 1, e - 1) for s, e in quotes]
    found: list[Attribution] = []

    def in_quote(position: int) -> bool:
        return any(s <= position < e for s, e in inside_quote)

    def add(source, cue, content, direct):
        if any(cue[0] < other.cue[1] and other.cue[0] < cue[1] for other in found):
            return
        found.append(Attribution(source, cue, content, direct))

    for match in ACCORDING.finditer(text):
        if in_quote(match.start()):
            continue
        sentence = _sentence_of(sentences, match.start())
        source = _noun_phrase_after(text, match.end(), sentence[1])
        if source is not None:
            source = _strip_span(text, *source, chars=" \t\r\n,;:—–-.")
        if match.group().lower() != "according to" and source is None:
            continue
        if match.group().lower() == "according to":
            rest = (source[1] if source else match.end(), sentence[1])
            content = (sentence[0], match.start()) if match.start() - sentence[0] > 10 else rest
        else:  # "citing X" / "quoting X": X is the source of what the sentence reports
            content = (sentence[0], match.start())
        content = _strip_span(text, *content, chars=" \t\r\n,;:—–-.")
        add(source, match.span(), content if content[0] < content[1] else None, False)
    for match in PASSIVE.finditer(text):
        if match.group("by") or in_quote(match.start()):
            continue
        sentence = _sentence_of(sentences, match.start())
        content = _strip_span(text, match.end(), sentence[1], chars=" \t\r\n,;:—–-.")
        add(None, match.span(), content if content[0] < content[1] else None, False)
    for match in CUE.finditer(text):
        _add_verb_cue(text, match, sentences, quotes, in_quote, add, found)
    for match in COLON_QUOTE.finditer(text):
        quote = _quote_at(quotes, match.end("cue"), before=False)
        sentence = _sentence_of(sentences, match.start())
        if quote and match.start() == sentence[0]:
            add(match.span("source"), match.span("cue"), quote, True)
    for start, end in quotes:
        dash = DASH_SOURCE.match(text, end)
        if dash:
            add(dash.span("source"), dash.span("cue"), (start, end), True)
    turn = TRANSCRIPT.match(text)
    if turn and not found:
        add(turn.span("source"), turn.span("cue"), (turn.end(), len(text.rstrip())), True)
    return [_cut_at_trailing_source(text, a, found) for a in sorted(found, key=lambda a: a.cue)]


def _cut_at_trailing_source(text: str, attribution: Attribution, found: list[Attribution]) -> Attribution:
    """End a content before a later ", X said" in it: "... by December, Park told reporters"."""
    if attribution.content is None:
        return attribution
    start, end = attribution.content
    for other in found:
        if other.source and start < other.source[0] < end and other.source[0] < other.cue[0] \
                and text[start:other.source[0]].rstrip().endswith(","):
            end = min(end, text.rindex(",", start, other.source[0]))
    return attribution._replace(content=(start, end))


def _add_verb_cue(text, match, sentences, quotes, in_quote, add, found) -> None:
    """Add the attribution of a reporting verb `match` when its context makes it one."""
    form = match.group("verb")
    lemma = VERB_FORMS[form]
    cue_start, cue_end = match.span()
    aux = match.group("aux")
    if in_quote(match.start("verb")) or (aux and re.search(r"\b(?:is|are|was|were|been)\s+$", aux)
                                         and not form.endswith("ing")):
        return  # inside a quotation, or a passive ("was told"): no source before it
    sentence = _sentence_of(sentences, cue_start)
    before = text[sentence[0]:cue_start].rstrip()
    after = text[cue_end:sentence[1]]
    previous = before.split()[-1].lower() if before.split() else ""
    if previous in ("a", "an", "the", "his", "her", "their", "its", "our", "this", "to", "of", "for") or (
            re.search(r"['’]s$", previous) and previous not in CONTRACTIONS):
        return  # a noun ("the report", "a claim", "Obama's remarks") or an infinitive ("to say")
    clause_follows = bool(re.match(r"\s*(?:that\b|:)", after))
    source = _noun_phrase_before(text, sentence[0], cue_start)
    if source is not None:
        tail = SOURCE_TAIL.search(text, source[0], source[1])
        source = _strip_span(text, source[0], tail.start() if tail else source[1])
    past = form.endswith("ed") or form in IRREGULAR_FORMS
    earlier = [a.source for a in found if a.source and sentence[0] <= a.cue[0] < cue_start]
    if form.endswith("ing") and before.endswith(","):
        source = earlier[-1] if earlier else None  # "..., X said, adding": X
    elif source is None and earlier and previous in ("and", "but") and lemma not in WEAK_VERBS:
        source = earlier[-1]  # "X said ... and added"
    inverted = None
    if source is None and (not before or before.endswith((",", "”", "\"", "''"))):
        inverted = _noun_phrase_after(text, cue_end, sentence[1])
        if inverted and text[inverted[0]:inverted[1]].split()[0].lower() in FUNCTION_WORDS:
            inverted = None
        source = inverted
    words = text[source[0]:source[1]].split() if source else []
    named = bool(words) and (words[-1][:1].isupper() or (len(words) == 1 and words[0].lower() in SUBJECT_PRONOUNS))
    third_person = form.endswith("s") and form != lemma and form not in ("says", "tells")
    modal = bool(aux and re.search(r"\b(?:will|would|could|might|may|should|must|can|did|does|do|to)\b", aux))
    if form == lemma and not modal and words and (words[0].lower() in ("a", "an") or (
            words[-1][:1].isupper() and (not words[-1].endswith("s") or words[-1].endswith("ss")) and len(words) > 1
            and "and" not in text[source[0]:source[1]].split())):
        return  # "an Associated Press report", "The Associated Press report": a noun, else it would be "reports"
    if third_person and source is None:
        return  # "reports that ...": a noun
    if lemma in WEAK_VERBS or third_person:
        if past and source is None and not clause_follows:
            return
        if not past and not (named or clause_follows or (form.endswith("ing") and before.endswith(","))):
            return
    quote_before = _quote_at(quotes, source[0] if source and source[1] <= cue_start else cue_start, before=True)
    quote_after = _quote_at(quotes, (inverted[1] if inverted else cue_end) + 1, before=False)
    if source is None and lemma not in ("say", "tell") and not (clause_follows or quote_before or quote_after):
        return
    if quote_before and (text[quote_before[1]:cue_start].count(",") or inverted
                         or re.search(r"[,?!]\W*$", text[quote_before[0]:quote_before[1]])):
        content, direct = quote_before, True
    elif quote_after and re.fullmatch(r"[\s:,]*", text[inverted[1] if inverted else cue_end:quote_after[0]]):
        content, direct = quote_after, True
    elif source is not None and source[1] <= cue_start and not re.fullmatch(r"[\s.”\"']*", after):
        skip = OBJECT.match(text, cue_end, sentence[1])
        content = _strip_span(text, skip.end(), sentence[1], chars=" \t\r\n,;:—–-.")
        direct = bool(content[0] < content[1] and text[content[0]] in "“\"`")
    else:
        end = min(source[0], cue_start) if source else cue_start
        content = _strip_span(text, sentence[0], end, chars=" \t\r\n,;:—–-.")
        direct = False
    add(source, (cue_start, cue_end), content if content[0] < content[1] else None, direct)


def attributions(articles: pd.DataFrame, blocks: pd.DataFrame | None = None) -> pd.DataFrame:
    """Attributions in the body paragraphs of `articles` (`blocks` from `split_blocks` if given).

    Returns `ATTRIBUTION_COLUMNS`: `article_id`; `source_text`, `source_start`,
    `source_end` (empty text and -1 offsets when no source is named, as for
    "were reported"); `cue_text`, `cue_start`, `cue_end`; `content_start`,
    `content_end` (-1 when none); `direct` (the content is a quotation). All
    offsets index the article's `text`; rows are sorted by article and cue.
    """
    if blocks is None:
        blocks = split_blocks(articles)
    rows = []
    body = blocks[blocks["role"] == "body"].sort_values(["article_id", "start"])
    for block in body.itertuples(index=False):
        for found in _find_in_paragraph(block.text):
            source = found.source or (-1 - block.start, -1 - block.start)
            content = found.content or (-1 - block.start, -1 - block.start)
            rows.append((block.article_id,
                         block.text[found.source[0]:found.source[1]] if found.source else "",
                         block.start + source[0], block.start + source[1],
                         block.text[found.cue[0]:found.cue[1]], block.start + found.cue[0],
                         block.start + found.cue[1], block.start + content[0], block.start + content[1],
                         found.direct))
    table = pd.DataFrame(rows, columns=ATTRIBUTION_COLUMNS)
    return table.astype({c: "int64" for c in ATTRIBUTION_COLUMNS if c.endswith(("_start", "_end"))})


# ---------------------------------------------------------------------------
# Actors: who a source stands for, and the group it belongs to.
# ---------------------------------------------------------------------------

ACTOR_COLUMNS = ["actor", "actor_kind", "actor_country", "actor_group"]
ACTOR_KINDS = ("person", "government", "agency", "legislature", "unnamed officials", "organisation",
               "media", "other")

# Countries with the words that name them in news: adjectives, abbreviations and the capital
# or seat of government used as a metonym ("Seoul said", "the Kremlin").
COUNTRIES = {
    "United States": "United States|U\\.S\\.?A?|US|USA|America|American|Americans|Washington|White House|"
                     "Pentagon|Biden administration|Trump administration|Obama administration",
    "South Korea": "South Korea|South Korean|South Koreans|Seoul|Republic of Korea|ROK",
    "North Korea": "North Korea|North Korean|North Koreans|Pyongyang|DPRK|the North",
    "Russia": "Russia|Russian|Russians|Moscow|Kremlin",
    "Ukraine": "Ukraine|Ukrainian|Ukrainians|Kyiv|Kiev",
    "China": "China|Chinese|Beijing",
    "Japan": "Japan|Japanese|Tokyo",
    "United Kingdom": "United Kingdom|U\\.K\\.|UK|Britain|British|Downing Street|Whitehall",
    "Germany": "Germany|German|Berlin",
    "France": "France|French|Paris|Elysee|Élysée",
    "Italy": "Italy|Italian",
    "Spain": "Spain|Spanish|Madrid",
    "Poland": "Poland|Polish|Warsaw",
    "Iran": "Iran|Iranian|Tehran",
    "Israel": "Israel|Israeli|Jerusalem",
    "Turkey": "Turkey|Turkish|Ankara",
    "India": "India|Indian|New Delhi",
    "Pakistan": "Pakistan|Pakistani|Islamabad",
    "Mexico": "Mexico|Mexican|Mexico City",
    "Canada": "Canada|Canadian|Ottawa",
    "Australia": "Australia|Australian|Canberra",
    "Scotland": "Scotland|Scottish|Holyrood",
    "Egypt": "Egypt|Egyptian|Cairo",
    "Saudi Arabia": "Saudi Arabia|Saudi|Riyadh",
    "Syria": "Syria|Syrian|Damascus",
    "Belarus": "Belarus|Belarusian|Minsk",
    "Western": "Western|the West",
}
# Well-known agencies and organisations: (label, pattern, country, kind). Agencies of a
# country that share a domain with no other listed agency also take generic mentions of that
# domain ("South Korean intelligence", "South Korea's spy agency" -> NIS): see DOMAINS.
AGENCIES = [
    ("CIA", r"CIA|Central Intelligence Agency", "United States", "agency"),
    ("FBI", r"FBI|Federal Bureau of Investigation", "United States", "agency"),
    ("NSA", r"NSA|National Security Agency", "United States", "agency"),
    ("DIA", r"DIA|Defense Intelligence Agency", "United States", "agency"),
    ("CDC", r"CDC|Centers? for Disease Control(?: and Prevention)?", "United States", "agency"),
    ("NIS", r"NIS|National Intelligence Service", "South Korea", "agency"),
    ("JCS", r"JCS|Joint Chiefs of Staff", "South Korea", "agency"),
    ("HUR", (r"HUR|GUR|(?:Main )?(?:Military )?(?:Intelligence )?Directorate(?: of Intelligence)?|"
             r"Defen[cs]e Intelligence of Ukraine"), "Ukraine", "agency"),
    ("SBU", r"SBU|Security Service of Ukraine", "Ukraine", "agency"),
    ("FSB", r"FSB|Federal Security Service", "Russia", "agency"),
    ("MI6", r"MI6|Secret Intelligence Service", "United Kingdom", "agency"),
    ("MI5", r"MI5", "United Kingdom", "agency"),
    ("Mossad", r"Mossad", "Israel", "agency"),
    ("KCNA", r"KCNA|Korean Central News Agency", "North Korea", "media"),
    ("Tass", r"TASS|Tass", "Russia", "media"),
    ("Yonhap", r"Yonhap", "South Korea", "media"),
    ("Xinhua", r"Xinhua", "China", "media"),
    ("NATO", r"NATO|North Atlantic Treaty Organi[sz]ation", "", "organisation"),
    ("United Nations", r"U\.N\.|UN|United Nations", "", "organisation"),
    ("European Union", r"EU|E\.U\.|European Union|European Commission", "", "organisation"),
    ("WHO", r"WHO|World Health Organi[sz]ation", "", "organisation"),
    ("IMF", r"IMF|International Monetary Fund", "", "organisation"),
]
AGENCY_LABELS = frozenset(label for label, _, _, kind in AGENCIES if kind == "agency")
# Words that place an actor in a domain of government.
DOMAINS = {
    "intelligence": r"intelligence|spy|spies|espionage",
    "government": r"president|presidential|prime minister|premier|chancellor|minister|ministry|secretary|"
                  r"government|administration|cabinet|spokes(?:man|woman|person)|envoy|ambassador|embassy|"
                  r"white house|kremlin|state department|pentagon|defen[cs]e department|department of|"
                  r"foreign office|downing street|king|queen|leader|authorities|navy|army|military|"
                  r"armed forces|troops|commander|general",
    "legislature": r"lawmakers?|legislators?|parliament(?:arian)?s?|senators?|congress(?:man|woman)?|"
                   r"representatives?|MPs?|assembly|senate|house of representatives",
}
# Anonymous sources: the actor is a class of people, not a named one.
UNNAMED = re.compile(r"\b(?:officials?|sources?|analysts?|diplomats?|aides?|insiders?|people familiar|"
                     r"experts?|observers?|critics|others|assessments?|estimates?|reports?)\b", re.IGNORECASE)
WEEKDAYS_AND_MONTHS = ("monday tuesday wednesday thursday friday saturday sunday january february march "
                       "april may june july august september october november december").split()
ROLE_WORDS = ("president vice prime minister secretary general gen. lt. col. maj. adm. sgt. director chief "
              "head spokesman spokeswoman spokesperson ambassador envoy chairman chairwoman chair commander "
              "governor gov. mayor senator sen. rep. representative speaker leader king queen prince pope "
              "judge justice attorney dr. mr. mrs. ms. professor prof. deputy chancellor lawmaker official "
              "analyst lecturer expert adviser advisor researcher founder ceo editor correspondent counterpart").split()
# Capitalised words of a title that are not roles themselves ("Defense Secretary", "Secretary of State").
TITLE_PARTS = frozenset("Defense Defence State Foreign Interior Justice Treasury Health Home Finance "
                        "Energy Commerce Labor Education Homeland Security National Deputy Vice".split())
HONORIFICS = ("mr.", "mrs.", "ms.", "dr.", "prof.", "the", "a", "an")
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "they": "any", "it": "any",
            "who": "any", "his agency": "agency", "the agency": "agency", "its": "any", "his office": "person",
            "her office": "person", "the ministry": "government", "the official": "person", "we": "any",
            "i": "person"}
MEDIA_WORDS = re.compile(r"\b(?:Times|News|Post|Press|Journal|Network|Zone|Tribune|Herald|Agency)\b")
ORGANISATION_WORDS = re.compile(
    r"\b(?:Council|University|College|Institute|Center|Centre|Foundation|Party|Committee|Department|"
    r"Ministry|Agency|Service|Office|Court|Bank|Association|Union|Corporation|Company|Group|Times|News|Post|"
    r"Press|Journal|Network|Zone|Administration|Army|Navy|Forces|Command|Directorate|Fleet|Guard)\b")
_NAME_TOKEN = r"(?:[A-Z][a-z]*['’][A-Z][a-z]+|[A-Z][a-z’']+(?:-[A-Za-z][a-z]+)*|[A-Z]\.)"
PERSON_NAME = re.compile(r"(?<![\w.’'])" + _NAME_TOKEN + r"(?:\s+" + _NAME_TOKEN + r"){1,7}"
                         r"(?:\s+(?:Jr\.|Sr\.|III|II))?")
# A capitalised name with an organisation word: "Council on Foreign Relations", "The War Zone".
ORGANISATION_PHRASE = re.compile(r"(?:[A-Z][\w.’'-]*\s+(?:(?:on|of|for|and|the)\s+)?)*"
                                 + ORGANISATION_WORDS.pattern
                                 + r"(?:\s+(?:on|of|for|and)(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)*")
NOT_NAMES = re.compile(r"\b(?:" + "|".join(w.capitalize() for w in WEEKDAYS_AND_MONTHS) + r"|The|This|That|"
                       r"According|On|In|At|By|For|Read|More|Share|Updated|Published)\b")


class Actor(NamedTuple):
    """An actor: `actor` (a person's full name, an agency's label or the description),
    `kind` (one of `ACTOR_KINDS`), `country` ("" when none), `group` (see `actor_group`)."""

    actor: str
    kind: str
    country: str
    group: str


def _find_country(text: str) -> str:
    found = [(m.start(), country) for country, names in COUNTRIES.items()
             for m in re.finditer(r"(?<![\w.])(?:" + names + r")(?:['’]s)?(?![\w])", text)]
    return min(found)[1] if found else ""


def _find_agency(text: str, country: str) -> tuple | None:
    for label, pattern, home, kind in AGENCIES:
        if re.search(r"(?<![\w.])(?:" + pattern + r")(?![\w])", text):
            return label, home, kind
    if country and re.search(r"\b(?:" + DOMAINS["intelligence"] + r")\b", text, re.IGNORECASE):
        listed = [(label, home, kind) for label, pattern, home, kind in AGENCIES
                  if home == country and kind == "agency" and "intelligence" in pattern.lower()]
        if len(listed) == 1:
            return listed[0]
    return None


def _is_role(word: str) -> bool:
    """True for a title or role word, also inside a hyphenated title ("Secretary-General")."""
    return any(part in ROLE_WORDS for part in word.lower().split("-"))


def _is_place_or_body(words: str) -> bool:
    """True when capitalised `words` name a country, agency or organisation, or hold a common word."""
    return bool(_find_country(words) or _find_agency(words, "") or ORGANISATION_WORDS.search(words)
                or NOT_NAMES.search(words)
                or any(w.lower() in ENGLISH_STOP_WORDS or w.lower() in VERB_FORMS for w in words.split()))


def _person_names(text: str) -> list[tuple[int, str, str]]:
    """People introduced in `text`: (position, full name, description).

    A name is two to four capitalised words (no country, agency or organisation
    word among them) that follow a role word, either at the end of a capitalised
    run ("National Intelligence Service Director Cho Tae-yong") or in lower case
    before it ("lawmaker Park Sunwon", "Directorate head, Kyrylo Budanov"), or
    that are followed by an appositive (", the head of ...", ", a professor ...").
    The description is the title phrase before the name (back to a comma or
    clause start, at most eight words) plus the appositive.
    """
    people = []
    for match in PERSON_NAME.finditer(text):
        words = match.group().split()
        roles = [i for i, w in enumerate(words) if _is_role(w) or w in TITLE_PARTS]
        name_words = words[roles[-1] + 1:] if roles else words
        if not 2 <= len(name_words) <= 4 or _is_place_or_body(" ".join(name_words)):
            continue
        name = " ".join(name_words)
        name_start = match.end() - len(name)
        if any(o.start() <= name_start < o.end() for o in ORGANISATION_PHRASE.finditer(
                text, max(0, name_start - 60), min(len(text), match.end() + 60))):
            continue  # "Council on Foreign Relations"
        segments = re.split(r"[,;:.—–(“”\"]\s|\b(?:that|while|and|but|said|told|says)\s",
                            text[max(0, name_start - 160):name_start])
        segment = segments[-1] if segments[-1].strip() or len(segments) < 2 else segments[-2]
        description = " ".join(segment.split()[-8:])
        appositive = re.match(r",\s+((?:a|an|the)\s[^,.;“”\"]+)", text[match.end():])
        before = text[max(0, name_start - 40):name_start].rstrip(" ,").split()
        if not (roles or appositive or any(_is_role(w) for w in before[-3:])):
            continue
        if appositive:
            description = f"{description} {appositive.group(1)}".strip()
        people.append((name_start, _plain_name(name), description))
    return people


def _plain_name(name: str) -> str:
    """A name without middle initials and suffixes, so that one person groups alike across
    outlets ("Lloyd J. Austin III" -> "Lloyd Austin")."""
    words = [w for w in name.split() if not re.fullmatch(r"[A-Z]\.|Jr\.|Sr\.|I{2,3}|IV", w)]
    return " ".join(words) if len(words) >= 2 else name


def _person_key(description: str) -> str:
    words = [w for w in description.replace("’s", "").replace("'s", "").split()
             if w.lower() not in HONORIFICS and not _is_role(w)]
    return words[-1] if len(words) == 1 else ""


def actor_group(description: str, people: list[tuple[int, str, str]] | None = None) -> Actor:
    """Normalise a source or claimant description to an `Actor`.

    `people` are the people introduced in the article (from its text; see
    `group_actors`), so that "Cho" or "Mr. Austin" resolve to the full name and
    its description. Groups:

    - a listed agency or organisation, and people who head or speak for it:
      "<country>: <agency>" ("South Korea: NIS" for "the NIS", "South Korea's spy
      chief", "National Intelligence Service Director Cho Tae-yong"), or the
      organisation's name ("NATO"); a country's intelligence service when the
      table lists one for it ("South Korean intelligence" -> "South Korea: NIS");
    - heads of state and government, ministers, spokespeople, ministries and a
      country named as an actor: "<country>: government";
    - lawmakers: "<country>: lawmakers";
    - anonymous officials, sources and analysts: "<country>: officials (unnamed)"
      ("unnamed officials" without a country);
    - any other named person: their full name; anything else: the description.

    >>> actor_group("South Korea's spy chief").group
    'South Korea: NIS'
    """
    text = " ".join(description.strip(" ,.;:“”\"'").split())
    key = _person_key(text)
    person = next((p for p in reversed(people or []) if set(p[1].split()) <= set(text.split())
                   or (key and key in p[1].split())), None)
    if person is None:
        introduced = _person_names(text) if text[:1].isupper() or " " in text else []
        person = introduced[0] if introduced else None
    context = f"{person[2]} {text}" if person else text
    country = _find_country(context)
    agency = _find_agency(context, country)
    name = person[1] if person else ""
    lowered = context.lower()
    if person and re.search(r"\b(?:former|retired|ex-)", lowered):
        return Actor(name, "person", country, name)
    organisation = ORGANISATION_PHRASE.search(text)
    if agency:
        label, home, kind = agency
        group = f"{home or country}: {label}" if (home or country) else label
        return Actor(name or label, "person" if name else kind, home or country, group)
    domain = next((d for d, words in DOMAINS.items() if re.search(r"\b(?:" + words + r")\b", lowered)), "")
    if person:
        if country and domain in ("government", "intelligence"):
            return Actor(name, "person", country, f"{country}: {'government' if domain == 'government' else 'intelligence'}")
        if country and domain == "legislature":
            return Actor(name, "person", country, f"{country}: lawmakers")
        return Actor(name, "person", country, name)
    if person is None and PERSON_NAME.fullmatch(text) and not _is_place_or_body(text):
        return Actor(_plain_name(text), "person", country, _plain_name(text))
    if organisation and not person:
        return Actor(organisation.group(), "media" if MEDIA_WORDS.search(organisation.group()) else "organisation",
                     country, organisation.group())
    unnamed = UNNAMED.search(text)
    if unnamed and not re.search(r"[A-Z]", re.sub(r"(?<![\w.])(?:" + "|".join(COUNTRIES.values())
                                                  + r")(?:['’]s)?", "", text[1:])):
        noun = "experts" if unnamed.group().lower().rstrip("s") in ("expert", "analyst", "observer") else "officials"
        scope = f"intelligence {noun}" if domain == "intelligence" else noun
        return Actor(text, "unnamed officials", country,
                     f"{country}: {scope} (unnamed)" if country else f"unnamed {scope}")
    if country and domain == "legislature":
        return Actor(text, "legislature", country, f"{country}: lawmakers")
    if country and (domain or _find_country(text) and len(text.split()) <= 3):
        kind = "government" if domain != "intelligence" else "agency"
        group = f"{country}: {'government' if domain != 'intelligence' else 'intelligence'}"
        return Actor(text, kind, country, group)
    return Actor(text, "other", country, text)


def group_actors(table: pd.DataFrame, articles: pd.DataFrame, column: str = "source_text",
                 position: str = "source_start") -> pd.DataFrame:
    """`table` with `ACTOR_COLUMNS` added for its `column` of actor descriptions.

    `table` needs `article_id`, `column` and `position` (an offset into the
    article text, for the order of mentions). People introduced anywhere
    earlier in the article text resolve surnames ("Cho" -> "Cho Tae-yong");
    pronouns and "the agency" take the last actor of a fitting kind named
    before them in `table`'s rows of the same article. Rows with an empty
    description get empty actor columns.
    """
    texts = articles.set_index("article_id")["text"]
    result = table.copy()
    values = {name: [""] * len(table) for name in ACTOR_COLUMNS}
    order = table.reset_index(drop=True).sort_values(["article_id", position], kind="stable")
    for article_id, rows in order.groupby("article_id", sort=False):
        people = _person_names(texts[article_id])
        recent: list[Actor] = []
        for index, row in rows.iterrows():
            description = str(row[column] or "").strip()
            if not description:
                continue
            wanted = PRONOUNS.get(description.lower())
            if wanted:
                actor = next((a for a in reversed(recent)
                              if wanted == "any" or a.kind == wanted
                              or (wanted == "agency" and a.group.split(": ")[-1] in AGENCY_LABELS)), None)
            else:
                known = [p for p in people if p[0] < row[position] + len(description)] or people
                actor = actor_group(description, known)
            if actor is None:
                continue
            recent.append(actor)
            for name, value in zip(ACTOR_COLUMNS, actor):
                values[name][index] = value
    for name in ACTOR_COLUMNS:
        result[name] = values[name]
    return result
