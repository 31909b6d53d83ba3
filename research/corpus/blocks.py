"""Cleaning with an audit trail: split each article into blocks and give each a role.

A block is one paragraph-level unit of the page: a line of the saved text, or a
hard-wrapped paragraph spanning several lines, or (for a tag list glued to the
first sentence) part of a line. Blocks partition the article: every
non-whitespace character lies in exactly one block, and nothing is dropped
silently, because every block keeps its `role` and the `reason` it got it.

Roles (`ROLES`): body, headline, subheading, caption, metadata, boilerplate.

How roles are decided (rules for news pages in general, not for one site):

1. Patterns that identify a block on its own: share/navigation widgets, related
   lists ("Don't miss", "Up next"), time-ago lines, comment and copyright
   notices, print-edition notes, reader-support appeals, tag lists
   (boilerplate); bylines, date lines, photo credits, contact and contributor
   lines, author bios (metadata); photo captions with credits.
2. Page context: a block followed by a photo credit is its caption; a short
   link title that repeats earlier in the page is a related-story list.
3. jusText-style prose detection (Pomikalek 2011): a block is prose when it
   has a stop-word density of at least 0.2 and either ends like a sentence
   with at least 8 words or is long (40 words or more). The article body is the span from the first to the last run of
   two or more prose blocks; inside it short paragraphs are body and short
   title-like lines are subheadings. Before it: headline, standfirst, byline
   names; after it: page chrome.

Feed records (`form == "record"` in the articles table: a JSONL or CSV record of
a news API, AllSides, a media database) are article text, not a saved page:
the record's own title field is the headline (a block of the text is the
headline only when it repeats that title), every block that no rule of step 1
identifies is body, and a last paragraph cut off by the feed ("...", "…",
"[+1234 chars]") stays body with `truncated` set, so later stages can say "not
in the excerpt" rather than "left out".
"""

from __future__ import annotations

import multiprocessing
import re
import unicodedata
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.errors import CorpusWarning
from research.text.pagedates import has_date
from research.text.tokens import WORD

ROLES = ("body", "headline", "subheading", "caption", "metadata", "boilerplate")
BLOCK_COLUMNS = ["article_id", "block_id", "start", "end", "role", "reason", "truncated", "text"]
FORMS = ("page", "record")

HEADER_METADATA = {"byline", "publication date line", "date line"}
MIN_PROSE_WORDS = 8
MIN_LONG_PROSE_WORDS = 40
MIN_STOPWORD_DENSITY = 0.2
MAX_HEADING_WORDS = 20
MAX_HEADLINE_WORDS = 25
# Articles per task when `split_blocks` runs in several processes.
SPLIT_CHUNK = 10_000

LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# A sentence ends in . ! ? … : ; or a closing quote, optionally followed by a
# dash attribution ("... hell.” ― Sonya Herridge").
SENTENCE_END = re.compile(
    r"(?:[.!?…:;][\"”’')\]]*|[\"”])(?:\s*[―—–]\s*[A-Z][\w.' -]{1,40})?\.?$")
# A line that carries on a sentence: it opens with a lower-case word (not an identifier).
CONTINUATION = re.compile(r"[a-z]+(?:['’-][a-z]+)*(?=[\s,.;:!?]|$)")
QUOTE_CHARS = re.compile(r"[\"“”]")
# A tag list glued before the text: at least four short items, each ending "/ ".
TAG_PREFIX = re.compile(r"^(?:[^/\r\n|]{1,60}/ ){4,}")
# A news API's mark of a cut text ("... [+1234 chars]") at the end of a line.
TRUNCATION_MARK = re.compile(r"\s*\[\+\d[\d,]*\s*char(?:acter)?s?\]\s*$", re.IGNORECASE)
# A newspaper site's note of where the article ran in print ("This article appeared on p12 of the Main section").
PRINT_NOTE = re.compile(r"\b(?:this article|a version(?: of this article)?) appeared (?:on|in) (?:p(?:age)?\.? ?\d+|print)\b",
                        re.IGNORECASE)
# A site's appeal for its readers' money, or its republication licence, printed in every article ("Support Vox’s
# explanatory journalism", "Your financial contribution will not constitute a donation ...", "Become a member of The
# Colorado Sun today!", "It is licensed under a Creative Commons ... License"): shared by every article of a site, it
# would read as text one article took from another.
READER_APPEAL = re.compile(
    r"\bsupport (?:our|\w+['’]s|local) (?:\w+ ){0,2}(?:journalism|journalists|reporting|newsroom|writers)\b|"
    r"\b(?:your|a) financial contribution\b|\bbecome a (?:paying )?(?:member|subscriber|supporter) (?:of [^.]{0,40} )?today\b|"
    r"\blicensed under a creative commons\b", re.IGNORECASE)
# A news site's hover card saved inside a sentence (The Hill): a person's full name run into the headlines of other
# stories, up to the card's "MORE" ("Richard (Dick) Joseph DurbinMcCarthy calls for police reform conference ahead
# of vote Senate panel votes 21-1 to back Justice IG measure ... MORE (Ill.)"; a few headlines, 500 characters at
# most; "McConnell", "DeSantis" are one word, and a name may hold one: "Addison (Mitch) Mitchell McConnellSenate
# confirms ..."). Not a block of its own, so no rule of `split_blocks` can set it aside; a sentence holding one states
# no fact (`research.story.facts`), and its figures are the other stories' (`research.claims.ledger.extract_claims`).
_NAME_WORD = r"(?:Mc|Mac)?[A-Z][a-z]+"
HOVER_CARD = re.compile(r"\b(?P<name>(?:" + _NAME_WORD + r" ){1,2}(?:\([A-Z][a-z]+\) )?(?:" + _NAME_WORD + r" ){0,2}"
                        + _NAME_WORD + r")(?<!\bMc)(?<!\bMac)(?<!\bDe)(?<!\bDi)(?<!\bDu)(?<!\bLa)(?<!\bLe)(?=[A-Z])[^\n]{0,500}? MORE\b")


def without_hover_cards(text: str) -> str:
    """`text` to show a reader, each hover card cut back to the name it follows ("Leader Charles Schumer Chuck
    SchumerWake up ... MORE (D-N.Y.)" -> "Leader Charles Schumer (D-N.Y.)": a surname said twice ends the name at
    its first time). Not for offsets: the result is shorter than the text."""
    return HOVER_CARD.sub(_card_name, text)


def _card_name(card: re.Match) -> str:
    words = card["name"].split(" ")
    return " ".join(words[:words.index(words[-1]) + 1])


def blank_hover_cards(text: str) -> str:
    """`text` with each hover card blanked with spaces but the name it follows (`without_hover_cards`): the
    same length, so offsets hold, and no cue or name of another story is read in it."""
    return HOVER_CARD.sub(lambda card: _card_name(card).ljust(len(card[0])), text)


# A feed record's last paragraph cut off by the feed: it ends in an ellipsis.
CUT_OFF = re.compile(r"(?:\.\.\.|…)\s*$")


def _full(pattern: str) -> re.Pattern:
    """A case-insensitive pattern that must match the whole block (trailing ':' allowed)."""
    return re.compile(r"(?:" + pattern + r")\s*[:.!]?", re.IGNORECASE)


def _anywhere(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# (role, reason, pattern, how): how is "full" (whole block) or "search" (anywhere,
# only in blocks of at most `max_words` words).
@dataclass(frozen=True)
class Rule:
    role: str
    reason: str
    pattern: re.Pattern
    whole: bool = True
    max_words: int = 40
    prose: bool = True  # False: the rule never applies to a block that reads as prose


RULES = [
    Rule("boilerplate", "separator", re.compile(r"[\W_]+")),
    Rule("boilerplate", "share widget", _full(
        r"share|share (this|the) (article|story|page)|share on \w+|tweet|e-?mail|print|save|"
        r"copy (the )?link|send this to a friend|facebook|twitter|x|linkedin|whatsapp|reddit|"
        r"pinterest|flipboard|gift (this )?article")),
    Rule("boilerplate", "navigation", _full(
        r"search|menu|home|sections|skip to (main )?content|sign in|log ?in|sign up|subscribe( now)?|"
        r"close|back to top|next|previous|more|advertisement|ad|sponsored( content)?|"
        r"story continues below( advertisement)?|continue reading( below| the main story)?|"
        r"click to (hide|show|expand)|scroll to continue")),
    Rule("boilerplate", "read-more link", _full(
        r"read (more|entire article|the full (article|story)|the rest( here)?|next|on|full story)|"
        r"click (here )?to read more.*|click to read more and view comments|view comments|"
        r"continue to article|see more")),
    Rule("boilerplate", "related-content heading", _full(
        r"related( topics| stories| articles| coverage| content| news| links)?|don'?t miss|up next|"
        r"more (from|stories|news|on) ?.{0,40}|most (read|popular|viewed|shared|watched)|"
        r"trending( now| stories)?|recommended( for you| stories)?|you (may|might) also like|"
        r"latest( news| stories| videos)?|top stories|read next|what to read next|editor'?s picks|"
        r"popular (now|stories)|in other news|further reading|also read|watch|listen")),
    Rule("boilerplate", "time-ago line", _full(
        r"(updated |posted |published )?(\d+|an?|one)\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|"
        r"hours?|d|days?|w|weeks?|months?|y|yrs?|years?)\s+ago")),
    Rule("boilerplate", "comment prompt", _full(
        r"(\d+ )?comments?|leave a (comment|reply)|show comments|load more|join the (conversation|discussion)|"
        r"add a comment")),
    Rule("boilerplate", "comment policy", _anywhere(
        r"comment policy|community (guidelines|standards)|comments (are|have been) (closed|disabled)"),
        whole=False, max_words=30),
    Rule("boilerplate", "javascript, cookie or audio notice", _anywhere(
        r"\bjavascript\b|\bcookies?\b.{0,40}\b(policy|settings|consent|accept)|"
        r"\baudio player\b|listen to this (article|story)|\bad ?blocker\b"),
        whole=False, max_words=30),
    Rule("boilerplate", "copyright notice", _anywhere(
        r"^(copyright|©|\(c\) ?\d{4})|all rights reserved|reprint permission|"
        r"may not be (published|broadcast|rewritten|redistributed)"), whole=False, max_words=40),
    Rule("boilerplate", "newsletter prompt", _anywhere(
        r"newsletter|sign up (for|to)|subscribe (to|for)|get (the|our) .{0,30}(in your inbox|alerts)"),
        whole=False, max_words=20),
    Rule("boilerplate", "reader-support appeal", READER_APPEAL, whole=False, max_words=150),
    Rule("boilerplate", "tag list", _anywhere(
        r"^(tags?|topics?|filed under|keywords?|categories)\s*:|"
        r"^(?:[^/|\r\n]{1,60}[/|]\s*){3,}[^/|\r\n]{0,60}$"), whole=False, max_words=80, prose=False),
    Rule("boilerplate", "embedded markup", _anywhere(r"^<[a-z][\w-]*(\s[^>]*)?/?>"), whole=False,
         max_words=200),
    Rule("boilerplate", "print-edition note", PRINT_NOTE, whole=False, max_words=40),
    Rule("boilerplate", "truncated teaser", _anywhere(r"[^\W_](\.\.\.|…)$"), whole=False,
         max_words=80),
    Rule("boilerplate", "truncation marker", TRUNCATION_MARK),
    Rule("metadata", "byline", _anywhere(
        r"^(by|written by|words by|story by|reporting by)\s+[A-Z]"), whole=False, max_words=40,
         prose=False),
    Rule("metadata", "publication date line", _anywhere(
        r"^[-–—\s]*(published|updated|posted|last updated|first published|created)\b"),
        whole=False, max_words=12, prose=False),
    Rule("metadata", "time stamp", _full(r"\d{1,2}(:\d{2})?\s*[ap]\.?\s?m\.?(\s+[a-z]{2,4})?")),
    Rule("metadata", "photo credit", _anywhere(
        r"^(photo|photograph|image|picture|illustration|video|graphic)s?( credit)?\s*(by|:)|"
        r"^credit\s*(:|\.\.\.|…)|"
        r"\bvia (reuters|ap|afp|getty( images)?|epa|bloomberg|shutterstock|\w+)\b|"
        r"^[^.!?]{0,60}\b(getty( images)?|shutterstock|afp|reuters|associated press|ap photo|epa|"
        r"xinhua|yonhap|kcna|pool|handout)\b[^.!?]{0,30}(/|\||$)|"
        r"^[^.!?]{0,40}/(getty|instagram|twitter|facebook|ap|afp|reuters|epa|pool)\b"),
        whole=False, max_words=10),
    Rule("metadata", "contact line", _anywhere(
        r"can be reached at|\b(contact|email|e-mail|follow) (him|her|them|the (author|reporter|writer)) "
        r"(on|at|via)\b|"
        r"[\w.+-]+@[\w-]+\.[\w.]+"), whole=False, max_words=30),
    Rule("metadata", "contributor or sourcing note", _anywhere(
        r"contributed (reporting|to this (report|article|story))|"
        r"based (in part )?on (wire|news agency|agency|news service)( service)? reports|"
        r"^\W*(additional )?reporting (by|from)\b|\bediting by\b|^(compiled|written|edited) by\b|"
        r"this (story|article|report) (was|has been) (originally )?(published|updated|corrected)|"
        r"originally (published|appeared) (on|in|at)\b"), whole=False, max_words=40),
    Rule("metadata", "chart or data source", _anywhere(r"^(source|sources|data|chart|graphic)s?:\s"),
         whole=False, max_words=15, prose=False),
    Rule("metadata", "author bio", _anywhere(
        r"(?-i:\bMore about [A-Z])"), whole=False, max_words=80),
    Rule("metadata", "correction note", _anywhere(
        r"^corrections?:|^editor['’]?s note:|this (article|story) has been (revised|updated|corrected)|"
        r"an earlier version of this (article|story)"), whole=False, max_words=80),
    Rule("caption", "photo caption with credit", _anywhere(
        r"\((ap|afp|reuters|getty|epa|pool|handout)[^)]{0,40}\)\s*$|\(AP File\)|"
        r"\bcredit(\.\.\.|…|:)\s*\S|\bphotograph: |"
        r"\([A-Z][\w.' -]{1,40}/(The |AP |Getty|Reuters|AFP|EPA)[^)]{0,40}\)\s*$|"
        r"^(FILE|FILE PHOTO)\s*[-–—:]|\bin this (handout |file )?(photo|picture|image)\b|"
        r"^enlarge this image\b|\btoggle caption\b|"
        r"(?-i:\b(REUTERS|AFP|EPA|AP|XINHUA|ANADOLU|POOL)/[A-Z][\w.' -]{1,40}$)"),
        whole=False, max_words=120),
]


@dataclass(slots=True)
class Block:
    start: int
    end: int
    text: str
    group: int
    role: str | None = None
    reason: str | None = None
    truncated: bool = False
    n_words: int = field(init=False)
    stop_density: float = field(init=False)
    terminal: bool = field(init=False)
    prose: bool = field(init=False)

    def __post_init__(self) -> None:
        words = WORD.findall(self.text)
        self.n_words = len(words)
        lowered = [w.lower().replace("’", "'") for w in words]
        self.stop_density = (sum(w in ENGLISH_STOP_WORDS for w in lowered) / len(words)) if words else 0.0
        self.terminal = bool(SENTENCE_END.search(self.text))
        # A long block reads as prose even when its end is cut or oddly punctuated.
        self.prose = ((self.terminal and self.n_words >= MIN_PROSE_WORDS or self.n_words >= MIN_LONG_PROSE_WORDS)
                      and self.stop_density >= MIN_STOPWORD_DENSITY)

    def assign(self, role: str, reason: str) -> None:
        self.role, self.reason = role, reason


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return " ".join(text.split())


def _title_key(text: str) -> str:
    """A title as compared with a block that may repeat it: `_normalise`d, without a full stop at its end (a text that
    opens with its title as a sentence, "Ben Carson Defends Himself Against Claims He Exaggerated His Life Story.")."""
    return _normalise(text).rstrip(". ")


def _is_wrapped(lines: list[tuple[int, int, str]]) -> bool:
    """True when a group of lines is one hard-wrapped paragraph (fixed-width text).

    Wrapped text fills each line to nearly the same width and breaks mostly
    mid-sentence; page lines (headers, list items) vary in length or end in
    full stops.
    """
    if len(lines) < 2:
        return False
    lengths = [len(text) for _, _, text in lines]
    width = max(lengths)
    if not 40 <= width <= 100:
        return False
    inner = lines[:-1]
    if any(len(text) < 0.65 * width for _, _, text in inner):
        return False
    mid_sentence = sum(not SENTENCE_END.search(text) for _, _, text in inner)
    continues = len(lines) >= 3 or any(text[:1].islower() for _, _, text in lines[1:])
    joined = Block(lines[0][0], lines[-1][1], " ".join(text for _, _, text in lines), 0)
    return mid_sentence >= len(inner) / 2 and continues and joined.stop_density >= MIN_STOPWORD_DENSITY


def _join_continuations(lines: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Join a line to the previous one when it continues a sentence the previous left open.

    Text saved from web pages often breaks a paragraph at inline links
    ("Donald Trump regularly" / "incites" / "political violence ...").
    """
    units: list[tuple[int, int]] = []
    previous = ""
    for start, end, text in lines:
        if units and CONTINUATION.match(text) and not SENTENCE_END.search(previous):
            units[-1] = (units[-1][0], end)
        else:
            units.append((start, end))
        previous = text
    return units


def _group_blocks(text: str, lines: list[tuple[int, int, str]], number: int) -> list[Block]:
    """The blocks of one group of lines between blank lines (`number`: the group's number).

    A tag list glued before a sentence, and a news API's truncation mark after one, become
    blocks of their own.
    """
    blocks = []
    units = [(lines[0][0], lines[-1][1])] if _is_wrapped(lines) else _join_continuations(lines)
    for start, end in units:
        tags = TAG_PREFIX.match(text, start, end)
        rest = tags and text[tags.end():end].strip()
        if tags and rest and len(rest.split()) >= MIN_PROSE_WORDS:
            cut = tags.end() - len(text[start:tags.end()]) + len(text[start:tags.end()].rstrip())
            blocks.append(Block(start, cut, text[start:cut], number))
            start = tags.end() + (len(text[tags.end():end]) - len(text[tags.end():end].lstrip()))
        mark = TRUNCATION_MARK.search(text, start, end)
        if mark and mark.start() > start:
            mark_start = mark.start() + len(mark.group()) - len(mark.group().lstrip())
            blocks.append(Block(start, mark.start(), text[start:mark.start()], number))
            blocks.append(Block(mark_start, end, text[mark_start:end], number))
        else:
            blocks.append(Block(start, end, text[start:end], number))
    return blocks


def segment(text: str) -> list[Block]:
    """Split raw article text into blocks with offsets (no roles yet).

    Each group of lines between blank lines becomes blocks as soon as it ends,
    so only one group's lines are held at a time.
    """
    blocks: list[Block] = []
    lines: list[tuple[int, int, str]] = []  # the current group: (start, end, stripped line)
    for match in LINE.finditer(text):
        line = match.group().rstrip("\r\n")
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            lines.append((start, start + len(stripped), stripped))
        elif lines:
            blocks += _group_blocks(text, lines, blocks[-1].group + 1 if blocks else 0)
            lines = []
        if match.end() >= len(text):
            break
    if lines:
        blocks += _group_blocks(text, lines, blocks[-1].group + 1 if blocks else 0)
    return blocks


def _apply_rules(blocks: list[Block], record: bool = False) -> None:
    """Step 1 of the module docstring; a record's cut-off last paragraph is not a teaser."""
    for block in blocks:
        for rule in RULES:
            if block.n_words > rule.max_words or (record and rule.reason == "truncated teaser") or (
                    block.prose and not rule.prose):  # a rule that never applies to prose
                continue
            if rule.whole:
                hit = rule.pattern.fullmatch(block.text)
            else:
                hit = rule.pattern.search(block.text)
            if hit and (rule.prose or not block.prose):
                block.assign(rule.role, rule.reason)
                break
        if block.role is None and block.n_words <= 15 and not block.prose and has_date(block.text):
            block.assign("metadata", "date line")


def _apply_context(blocks: list[Block]) -> None:
    n_groups = len({b.group for b in blocks})
    for i, block in enumerate(blocks):
        if block.role is not None:
            continue
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if (following is not None and following.reason == "photo credit"
                and not QUOTE_CHARS.search(block.text) and block.n_words >= 4):
            block.assign("caption", "followed by a photo credit")
    # Image descriptions that share a blank-line group with a caption.
    caption_groups = {b.group for b in blocks if b.role == "caption"}
    if n_groups >= 3:
        sizes = Counter(b.group for b in blocks)
        for block in blocks:
            if block.role is None and block.group in caption_groups and sizes[block.group] <= 3:
                block.assign("caption", "image text grouped with a caption")
    seen: set[str] = set()
    for block in blocks:
        key = _normalise(block.text)
        if (key in seen and block.role is None and 3 <= block.n_words <= MAX_HEADLINE_WORDS
                and (not block.terminal or _capitalised(block) >= 0.6)):
            block.assign("boilerplate", "repeats an earlier block (link list)")
        seen.add(key)


def _capitalised(block: Block) -> float:
    """Share of words that start with a capital letter (headlines are title-cased)."""
    words = WORD.findall(block.text)
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def _title_like(block: Block) -> bool:
    return 1 <= block.n_words <= MAX_HEADING_WORDS and not re.search(r"[.,;]$", block.text)


def _names_only(block: Block) -> bool:
    """A byline printed as bare names ("Eric Schmitt and David E. Sanger")."""
    words = WORD.findall(block.text)
    if not 2 <= len(words) <= 8 or block.terminal:
        return False
    return all(w[0].isupper() or w.lower() == "and" for w in words) and block.stop_density <= 0.2


def _find_headline(blocks: list[Block], headline: str | None, limit: int) -> int | None:
    if headline:
        wanted = _normalise(headline)
        for i, block in enumerate(blocks):
            if block.role in (None, "boilerplate") and _normalise(block.text) == wanted:
                return i
    first_free = True
    for i, block in enumerate(blocks[:limit]):
        if block.role is not None:
            continue
        if 2 <= block.n_words <= MAX_HEADLINE_WORDS and (
                first_free or not block.terminal or _capitalised(block) >= 0.6):
            return i
        first_free = False
    return None


def _main_runs(blocks: list[Block], after: int = -1) -> list[tuple[int, int]]:
    """The article body's runs: consecutive unassigned blocks holding two or more prose blocks.

    Falls back to the single run with the most prose words for a one-paragraph article.
    """
    runs, first = [], None
    for i, block in enumerate(blocks + [Block(0, 0, "", -1, role="end")]):
        if block.role is None and i > after:
            first = i if first is None else first
        elif first is not None:
            runs.append((first, i - 1))
            first = None
    main = [r for r in runs if sum(b.prose for b in blocks[r[0]:r[1] + 1]) >= 2]
    if main:
        return main
    scored = [(sum(b.n_words for b in blocks[r[0]:r[1] + 1] if b.prose), r) for r in runs]
    scored = [item for item in scored if item[0] > 0]
    return [max(scored, key=lambda item: (item[0], -item[1][0]))[1]] if scored else []


def _next_non_boilerplate(blocks: list[Block]) -> list[Block | None]:
    """For each block, the next block after it that is not (yet) boilerplate."""
    result: list[Block | None] = [None] * len(blocks)
    following = None
    for i in range(len(blocks) - 1, -1, -1):
        result[i] = following
        if blocks[i].role != "boilerplate":
            following = blocks[i]
    return result


def classify(blocks: list[Block], headline: str | None = None) -> list[Block]:
    """Give every block a role and a reason (see the module docstring)."""
    _apply_rules(blocks)
    _apply_context(blocks)
    main = _main_runs(blocks)
    # The headline sits above the body or among its first blocks (a summary may precede it).
    first_prose = next((i for i in range(main[0][0], main[0][1] + 1) if blocks[i].prose),
                       main[0][0]) if main else len(blocks)
    head = _find_headline(blocks, headline, limit=first_prose + 3)
    if head is not None:
        manifest = headline is not None and _normalise(headline) == _normalise(blocks[head].text)
        after_head = _main_runs(blocks, after=head)
        # A prose paragraph that is all the prose there is (a one-paragraph record) is the body,
        # not a headline, unless the manifest names it as the headline.
        if manifest or after_head or not blocks[head].prose:
            blocks[head].assign("headline", "manifest headline" if manifest else "first title-like line")
            main = after_head
    body_start = main[0][0] if main else len(blocks)
    body_end = main[-1][1] if main else -1
    # The body begins with the first sentence after the headline and the header's
    # byline and date lines, even when that first paragraph stands alone (a quote
    # followed by a photo credit); prose above them is a standfirst.
    header_end = max([head if head is not None else -1] + [
        i for i in range(body_start) if blocks[i].reason in HEADER_METADATA or _names_only(blocks[i])])
    body_start = next((i for i in range(header_end + 1, body_start)
                       if blocks[i].role is None and blocks[i].terminal), body_start)
    following_of = _next_non_boilerplate(blocks)
    for i, block in enumerate(blocks):
        if block.role is not None:
            continue
        following = following_of[i]
        if i < body_start:
            if block.prose:
                block.assign("subheading", "standfirst before the body")
            elif _names_only(block):
                block.assign("metadata", "byline (names only)")
            elif _title_like(block) and block.n_words >= 3:
                block.assign("subheading", "title-like line in page header")
            else:
                block.assign("boilerplate", "short line in page header")
        elif i > body_end:
            block.assign("boilerplate", "after the end of the article")
        elif block.prose:
            block.assign("body", "prose paragraph")
        elif block.n_words <= 8 and block.text.upper() == block.text and re.search("[A-Z]", block.text):
            block.assign("subheading", "all-caps heading inside the body")
        elif _title_like(block) and not block.terminal and following is not None and (
                following.role in (None, "body") or following.prose):
            block.assign("subheading", "heading inside the body")
        elif block.terminal or (block.n_words >= 4 and block.stop_density >= 0.3):
            block.assign("body", "short paragraph inside the body")
        else:
            block.assign("boilerplate", "short non-prose line inside the body")
    return blocks


def classify_record(blocks: list[Block], headline: str | None = None) -> list[Block]:
    """Give every block of a feed record a role and a reason (see the module docstring).

    With a `headline` (the record's title field), only a block repeating it (a full stop after it aside) is
    the headline; without one, a first line that does not end like a sentence
    is. Every block that no rule identifies is body; the last body block is
    `truncated` when it is cut off ("...", "…") or a truncation mark follows it.
    """
    _apply_rules(blocks, record=True)
    wanted = _title_key(headline) if headline else None
    for i, block in enumerate(blocks):
        if block.role is not None:
            continue
        if (wanted is not None and _title_key(block.text) == wanted) or (
                wanted is None and i == 0 and len(blocks) > 1 and not block.terminal
                and 2 <= block.n_words <= MAX_HEADLINE_WORDS):
            block.assign("headline", "record title" if wanted is not None else "first title-like line")
            wanted = ""  # one headline at most
        else:
            block.assign("body", "record text")
    body = [i for i, block in enumerate(blocks) if block.role == "body"]
    if body:
        last = blocks[body[-1]]
        marked = any(block.reason == "truncation marker" for block in blocks[body[-1] + 1:])
        last.truncated = marked or bool(CUT_OFF.search(last.text))
    return blocks


def split_blocks(articles: pd.DataFrame, workers: int = 1) -> pd.DataFrame:
    """Split articles into role-labelled blocks.

    Takes the articles table (`article_id`, `text`, optional `headline` and
    `form`: "record" for feed records, else a saved page) and returns one row
    per block: `article_id`, `block_id` ("<article_id>:b007"), `start`, `end`
    (offsets into the article's `text`, so `text == article_text[start:end]`),
    `role` (one of `ROLES`), `reason` (why that role, short text), `truncated`
    (the record's last paragraph is cut off by the feed) and `text`. Blocks
    partition every article's non-whitespace characters.

    An article with no body block (a page of links, a bare headline, a cut
    file) keeps its blocks with their roles, and a `CorpusWarning` names it
    (with its `source` when the table has one): analyses of body text find
    nothing in it.

    `workers`: split a corpus of more than SPLIT_CHUNK articles in that many
    processes, SPLIT_CHUNK articles at a time (the same blocks and warnings,
    in the same order; about 0.6 ms of pure Python an article, so a large
    corpus gains from every core). Default 1: here.
    """
    if workers > 1 and len(articles) > SPLIT_CHUNK:
        return _split_in_processes(articles, workers)
    rows = []
    for article in articles.itertuples(index=False):
        headline = getattr(article, "headline", None)
        headline = headline if isinstance(headline, str) and headline.strip() else None
        record = getattr(article, "form", "page") == "record"
        blocks = (classify_record if record else classify)(segment(article.text), headline)
        if not any(block.role == "body" for block in blocks):
            _warn_no_body(article, blocks)
        for number, block in enumerate(blocks):
            rows.append((article.article_id, f"{article.article_id}:b{number:03d}", block.start,
                         block.end, block.role, block.reason, block.truncated, block.text))
    return pd.DataFrame(rows, columns=BLOCK_COLUMNS).astype({"start": "int64", "end": "int64", "truncated": bool})


def _split_chunk(articles: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """`split_blocks` of one chunk, with the messages of its warnings (run in a worker process)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        blocks = split_blocks(articles)
    return blocks, [str(warning.message) for warning in caught if issubclass(warning.category, CorpusWarning)]


def _split_in_processes(articles: pd.DataFrame, workers: int) -> pd.DataFrame:
    """`split_blocks` of SPLIT_CHUNK articles at a time in `workers` processes (spawned: nothing of this
    process is copied but the chunks), blocks and warnings in article order."""
    columns = [c for c in ("article_id", "text", "headline", "form", "source") if c in articles.columns]
    chunks = [articles[columns].iloc[k : k + SPLIT_CHUNK] for k in range(0, len(articles), SPLIT_CHUNK)]
    parts = []
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        for blocks, messages in pool.map(_split_chunk, chunks):
            for message in messages:
                warnings.warn(message, CorpusWarning, stacklevel=3)
            parts.append(blocks)
    return pd.concat(parts, ignore_index=True)


def _warn_no_body(article, blocks: list[Block]) -> None:
    source = getattr(article, "source", "")
    where = f"{article.article_id} ({source})" if source and source != article.article_id else article.article_id
    roles = Counter(block.role for block in blocks)
    found = ", ".join(f"{count} {role}" for role, count in sorted(roles.items())) or "no text"
    warnings.warn(f"{where}: no body paragraph found ({found}); analyses of body text leave it out",
                  CorpusWarning, stacklevel=3)
