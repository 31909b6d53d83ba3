"""Whether a sentence states a fact an outlet can be held to carrying or leaving out.

A sentence states a fact (`fact_kind`) when it has, checked in this order (the kinds a reader can check
in the other outlets' texts first):

- a figure: a number `research.claims.quantities.find_quantities` reads with a
  value ("1.2 million troops", "29 days old"; vague amounts such as "thousands"
  do not count);
- a quotation: at least `MIN_QUOTED_WORDS` words inside double quotation marks
  (`research.text.quotes`), someone's words reported as said;
- a date or a length of time: a time phrase `research.text.dates.find_time_expressions`
  finds ("on Monday", "in June", "since August last year", "for 20 years");
- a named actor doing something: a name (`sentence_names`: a capitalised word
  other than the opening word of the sentence or of a clause after a colon,
  unless a second capitalised word follows it, and other than months,
  weekdays, titles and function words) and a verb in a past or present tense
  (`FINITE_VERB`: "said", "signed", "lauded", "announces", "was buried").

Anything else is a comment, a transition or a metaphor ("Kabul was merely the
last domino to fall") and gives no "only" or "left out" finding: it is no fact
to hold an outlet to. Two kinds of sentence state no fact whatever figure, date
or name they hold:

- a transition that announces what follows (`TRANSITION`: it ends with a colon,
  "posted this status update:", or opens "Here is/are ...", "Here is a look at
  how he is being remembered");
- the writer arguing in their own voice (`ARGUES`, a sentence without quotation
  marks that opens "This is why", "That is why", "Make no mistake", "If you",
  "Yeah": "This is why President Biden's $2 trillion green infrastructure
  proposal was relatively uncontroversial");
- the page talking to its reader (`addresses_reader`): "you" or "your" outside
  quotation marks ("You can call it on 08001513513 or listen here", "The BBC may
  edit your comments"), a call to act opening the sentence (`CALL_TO_ACT`:
  "Visit BBC Webwise for full instructions", "Click here", "Sign up") or a
  telephone number (`PHONE`). `research.corpus.blocks` gives such a paragraph
  the role boilerplate when it stands alone; this catches the sentence inside
  a body paragraph (a live blog saved as one paragraph);
- a note of where the article ran in print (`research.corpus.blocks.PRINT_NOTE`:
  "A version appeared on p1 of the Main section"), glued into a paragraph;
- a page's widget text saved with the prose (`WIDGET`: four capitalised words
  or more run together, as a scraper glues a comment box's buttons and its
  author: "FlagShareLikeReplyPaige Lavender 5ptsmoderatorFeaturedFebruary 6,
  2016 10:42PM"; names run together have three at most: "FiveThirtyEight",
  "RealClearPolitics"), or a hover card run into the sentence
  (`research.corpus.blocks.HOVER_CARD`: a name glued to other stories'
  headlines up to "MORE", The Hill);
- a question (`QUESTION`: the sentence ends in a question mark, before its closing quotation mark or a speech
  tag): "What did they do to reactionaries?", "“Is she good for the caucus?” Blackwell asked": it asks, it does not
  state (chosen on the judged findings of rounds 1-12: 11 wrong, 2 right; rounds 13-14: 4 wrong, none right);
- someone's words that only urge (`EXHORTATION`: the quotation opens with "we" and a word of obligation, "need",
  "must", "should", "ought", "have to", "got to", and names no one and holds no figure): "“We need to do
  this,” Favola added", "We have to be very careful", "We should not jump to conclusions", "We ought not to forget
  history": what the speaker thinks ought to be done, nothing a reader can check in the other texts (chosen on the
  judged findings of rounds 3-10 under the written judging rule: 4 wrong, none right, docs/evaluation.md).
"""

from __future__ import annotations

import re

import numpy as np

from research.claims.phrases import ROLE_WORDS, WEEKDAYS_AND_MONTHS
from research.claims.quantities import find_quantities
from research.corpus.blocks import HOVER_CARD, PRINT_NOTE
from research.text.dates import find_time_expressions
from research.text.quotes import quotations, quoted_ranges
from research.text.tokens import WORD

# A closing double quotation mark.
CLOSING = re.compile(r"”|’’|''")
# A straight double quote right after a word or punctuation closes a quotation ("... people," he said).
STRAIGHT_CLOSING = re.compile(r'(?<=[^\s(\[])"')
FACT_KINDS = ("figure", "quotation", "date", "named actor")
# Words a quotation needs to report someone's words rather than a phrase set in quotation marks ("so-called").
MIN_QUOTED_WORDS = 4
# A sentence that announces the next one: it ends with a colon, or opens "Here is/are".
QUESTION = re.compile(r"\?[\"”“’'\s]*$|\?[\"”“’']\s*,?\s*(?:[\w.’'-]+\s+){1,5}?(?:asked|asks|wondered|replied|said|says|"
                      r"added)\W*$")
# Someone's words that open with "we" and a word of obligation, at most one word between ("We may need to").
EXHORTATION = re.compile(r"^\W*(?:(?:But|And|So|Now|Still|Well)\W+)?we(?:[’']ve)?\s+(?:\w+\s+)?(?:(?:need|must|should)(?:n[’']t)?|"
                         r"ought|have to|have got to|got to|gotta)\b", re.IGNORECASE)
TRANSITION = re.compile(r":\W*$|^\W*Here(?:['’]s| is| are)\b")
# An opening of the writer's own argument (checked on sentences without quotation marks only).
ARGUES = re.compile(r"^\W*(?:(?:But|And|So)\s+)?(?:This|That)(?:['’]s| is) why\b|^\W*(?:Make no mistake|If you|Yeah)\b")
# The reader addressed in the second person.
SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
# An imperative asking the reader to do something on the page, opening the sentence.
CALL_TO_ACT = re.compile(r"^\W*(?:Click|Tap|Visit|Sign up|Subscribe|Follow us|Listen|Watch|Read more|Download|"
                         r"Share this|Email us|Call)\b")
# Four capitalised words or more run together, not a hashtag: a page's buttons glued to the text
# ("FlagShareLikeReplyPaige"); names run together have three at most ("FiveThirtyEight", "RealClearPolitics").
WIDGET = re.compile(r"(?<![\w’'#@])(?:[A-Z][a-z]+){4,}")
# A telephone number: 10 or 11 digits opening with 0 ("08001513513"), or 3-3-4 digits ("1-800-232-4636").
PHONE = re.compile(r"\b0\d{9,10}\b|\b(?:1[-. ])?\(?\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
QUOTATION_MARK = re.compile(r"[\"“”]|’’|''")
# A capitalised word (with inner apostrophes, hyphens and dots: "O'Neill", "Kim-Putin", "U.S.").
CAPITALISED = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*(?:\.[A-Z]\.?)*")
# Where a sentence or a clause after a colon opens ("The big picture: Anything ..."), before any quotation mark.
OPENING = re.compile(r"(?:^|:\s)[\s\"“‘'(\[—–-]*")
# Capitalised words that are not names.
NOT_NAMES = frozenset(
    [w.capitalize() for w in WEEKDAYS_AND_MONTHS]
    + "The This That These Those A An I It He She They We You His Her Their Its Our My Your But And Or Nor If "
      "When While After Before As In On At By For From Of To With Without Into About Over Under Since Until So "
      "Yet Still Also Even Now Then There Here What Who Whom Whose How Why Where Which Some Many Most Several "
      "All Both Each Every Any No Not None One Two Three Mr Mrs Ms Dr Jr Sr St Yes OK Why Just Only Like "
      "Meanwhile However Indeed Instead Although Though Because Despite Amid Among Between Through During "
      "Against Across Per Via Let".split())
# A verb in a past or present tense (a finite verb): "-ed" and "-s" forms, and the common irregular ones.
FINITE_VERB = re.compile(
    r"\b(?:[a-z]{3,}ed|[a-z]{3,}[^s\W]s|said|says|told|tells|wrote|writes|spoke|speaks|made|makes|took|takes|"
    r"gave|gives|went|goes|came|comes|met|meets|won|wins|lost|loses|led|leads|left|leaves|sent|sends|began|"
    r"begins|brought|brings|held|holds|kept|keeps|paid|pays|put|puts|ran|runs|saw|sees|set|sets|sought|seeks|"
    r"stood|stands|thought|thinks|knew|knows|found|finds|chose|chooses|drew|draws|fell|falls|rose|rises|"
    r"struck|strikes|has|had|is|was|were|are|will|would|did|does|won[’']t|can[’']t|didn[’']t|doesn[’']t)\b")


def sentence_names(text: str) -> list[str]:
    """The names of a sentence, in order: capitalised words that are not its opening word (unless the
    next word is capitalised too: "George W. Bush lauded"), nor in `NOT_NAMES`, nor titles or roles."""
    found = []
    matches = list(CAPITALISED.finditer(text))
    openings = {m.end() for m in OPENING.finditer(text)}
    for k, match in enumerate(matches):
        word = re.sub(r"(?:['’]s?)$", "", match.group().rstrip("."))
        if len(word) < 2 or word in NOT_NAMES or word.lower().rstrip(".") in ROLE_WORDS:
            continue
        if match.start() in openings:
            following = matches[k + 1] if k + 1 < len(matches) else None
            between = text[match.end():following.start()] if following else ""
            if following is None or between.strip(" .") or following.group() in NOT_NAMES:
                continue
        found.append(word)
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """The quotations of `text` as (start, end) of their words, in order; a sentence that only closes a quotation
    opened in an earlier one is quoted up to its closing mark."""
    ranges = quoted_ranges(text)
    closing = CLOSING.search(text)
    if closing and (not ranges or closing.start() < ranges[0][0]):
        ranges.insert(0, (0, closing.start()))
    return ranges


def _quoted_words(text: str) -> int:
    """Words of the longest quotation of `text` (`quoted_spans`)."""
    return max((len(WORD.findall(text[start:end])) for start, end in quoted_spans(text)), default=0)


def exhorts(text: str) -> bool:
    """Whether someone's words in `text` only urge: its first quotation (`quoted_spans`) opens as `EXHORTATION` and its
    quotations name no one (`sentence_names`). A figure is checked before (`fact_kind`)."""
    ranges = quoted_spans(text)
    words = " ".join(text[start:end] for start, end in ranges)
    return bool(ranges) and bool(EXHORTATION.match(text[slice(*ranges[0])])) and not sentence_names(words)


def addresses_reader(text: str) -> bool:
    """Whether a sentence talks to the page's reader: second person outside quotation marks (a sentence that
    closes a quotation opened before it is quoted up to the closing mark), a call to act opening it
    (`CALL_TO_ACT`) or a telephone number (`PHONE`)."""
    ranges = quotations(text)
    closing = CLOSING.search(text) or STRAIGHT_CLOSING.search(text)
    if closing and (not ranges or closing.start() <= ranges[0][0]):  # it closes a quotation opened before it
        ranges.append((0, closing.end()))
    outside = list(text)
    for start, end in ranges:
        outside[start:end] = " " * (end - start)
    return bool(SECOND_PERSON.search("".join(outside)) or CALL_TO_ACT.search(text) or PHONE.search(text))


def fact_kind(text: str, published: str = "") -> str:
    """What makes a sentence a fact, one of `FACT_KINDS` (the first that holds, in that order), or "" when
    it states none (module docstring). `published`: the article's publication time, for dates."""
    if TRANSITION.search(text.strip()) or (ARGUES.search(text) and not QUOTATION_MARK.search(text)) \
            or addresses_reader(text) or PRINT_NOTE.search(text) or WIDGET.search(text) or HOVER_CARD.search(text) \
            or QUESTION.search(text.strip()):
        return ""
    if any(not np.isnan(q.value) for q in find_quantities(text, published)):
        return "figure"
    if _quoted_words(text) >= MIN_QUOTED_WORDS:
        return "" if exhorts(text) else "quotation"
    if find_time_expressions(text, published):
        return "date"
    if sentence_names(text) and FINITE_VERB.search(text):
        return "named actor"
    return ""
