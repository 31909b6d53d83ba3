"""Who claims a figure: the attribution that holds it, documents named as their author, and the release a
sentence or a list goes on with.

`usable_cues` drops attributions that cannot claim a figure (a gain read as
speech: "The economy added 943,000 jobs"; a noun read as a verb: "Initial claims
fell", "the department's report", though a statement noun before "that" is a cue:
"Noem's announcement that"; a source that holds a figure itself; a source that is no actor, `_no_actor`: "With
his campaign buffeted by criticism and denying", a lone "That", a lede's dateline "BUENA PARK, Calif. -", an
opening participle "Arriving upon the scene, police ... believing"). `claimant_of` picks the attribution
whose content holds a figure (a source its speaker owns inside that speaker's words, "ADP reported that its own
survey indicated", is the speaker, `POSSESSED`); `claimant_name` names it as the text does: a
pronoun as the actor it refers to, a document as its author ("data released by
the CDC", "FBI statistics", "a new ABC News/Washington Post poll"; the author its own name gives before its noun, "a WBUR poll last week", over
a pollster named before it, `own_author`; or the author
the article gives the same kind of document elsewhere: "a small study" ... "The
study, by the Centers for Disease Control and Prevention"). `sentence_release`
gives the claimant of a sentence without a cue that names its release ("The
study, by the CDC, examined ...", "Here are figures Kirby provided:", a chart's source line after its paragraph,
"Source: NATO."), and
`LIST_ITEM` the paragraphs of a list that go on with the release named before
its colon (and `QUOTE_OPENS` a quoted paragraph, which goes on with the claimant of the paragraph before it: "He
said:"; a sentence inside a quotation goes on with it).
"The study" with no author of its kind named before it is the document named in the sentence before ("a recent
Reuters survey of voter lists. The study found"). "I" and "we" outside a quotation are the writer's own voice. A person's words go on into a sentence without a cue only when it
goes on quoting them (`goes_on_quoting`), and what an actor no list places says or argues (`_opinion`), a claim named as a noun ("Trump's claim that") or a news outlet's
report ("..., The New York Times reported.", not its poll or tally) never, nor a cue of belief, wish, judgement or
act (`STANCE_VERBS`: "The Azerbaijani authorities declared war", "Millennials support"). `forecaster` names who expects a
figure: economists polled by someone, the subject of a forecast verb, or the
forecaster named before when the figure is named as an expectation. A relative clause's speaker ("the
physician who announced ... that", "an explosion that Mayor Bill de Blasio described as") claims only its own
content: not the rest of its sentence (`claimant_of`), not the next sentence (`sentence_speaker`). The cue of a main
clause claims nothing in a clause a subordinator opens the sentence with, up to its comma or dash ("Though his plan
would dole out more than $4 trillion in tax cuts, one study found", `OPENING_CLAUSE`), unless the cue is set off by
commas itself ("Despite ... 160 million ..., Biden said, millions remain"). A source is the subject of the words that hold
the figure, so three figures are the reporter's: one naming the document or occasion of the words ("Murthy
wrote in a 22-page advisory", `MEDIUM`), one in a phrase appended to the content after a comma ("..., a move
that could help protect more than 28 million people", ", in sharp contrast to the $2.25 trillion", "the health of
Donald Trump, who is 70", "a close contest in the state, where 18 electoral votes are up for grabs") or in the
purpose the reporter gives the act ("... as part of a renewed push to reach tens of millions") or in a concession
after a comma or dash ("insisted the bug-out was an “extraordinary success,” despite the stranding of hundreds", "--
even though hundreds of Americans likely remain", `APPENDED`), one before the source of a bare
participle ("Seven Capitol Police officers filed a lawsuit Thursday accusing ...", "repeatedly asking"), an age
that describes someone ("the 75-year-old eccentric tech entrepreneur", `AGE`), one counting the occasions of the words ("in two separate interviews", `OCCASION_AFTER`), one in an aside right after the source
("said Cynthia Burgiss, 22, a student", `SPEAKER_ASIDE`), one opening the noun phrase the source was cut from
("five past and present [Missouri Republican senators]", `IN_SOURCE`), and one on the far side of a cue from its
content (`_across`: "In a letter signed by the 42 members ..., the Republicans informed ... that"; "Speaking to
dignitaries and thousands of people ..., Mr. Obama said"; "he said, drawing
cheers ... from the thousands"). A figure "projected by X" is X's (`BY_AFTER`); "In the poll, ..." states what the
poll named before holds (`IN_DOCUMENT`).
A sentence without figures whose cue releases data or states what an organisation or a document found
(`releases`: "the Labor Department reported", "research conducted by the Center for Media and Public Affairs found",
"according to new figures released Monday by the F.B.I.", not a report relaying a person's words) opens a run of the later paragraphs' figures; so
does a sentence without a cue that names a release with its author (`sentence_release`'s "authored": "The Centers for
Disease Control and Prevention (CDC) released a report Friday", "But a 46-page suicide analysis released by the
Department of Veterans Affairs last month reveals"; a passive cue in a ", which" aside, "which was cited by the agency",
is a relative clause's speaker and no cue of the sentence). A figure that
describes the document a sentence opens on ("The 165-page report said") is the outlet's. A sentence whose main clause
lays out a plan, a proposal or a charge (`PROPOSAL`: "Senate Republicans unveiled a $568 billion infrastructure plan",
"The Justice Department unveiled a seven-count indictment"), or raises a toll, a count or a cap to a figure (`RAISED_TO`:
"Officials in Haiti raised the death toll ... to 1,941") credits its figures to the proposer, up to the outlet's
comment after a comma (`COMMENT`: "..., countering ... one-quarter the size of his $2.25 trillion"); so does a named
person who "wants to" do something (`WANTS`: "Clinton wants to sign up 5 million people"), and "per" or "by X's own
admission" credits its sentence as "according to" would (`PER`: "A quarter of that, per the McKinley plan, is
$40,000"), and so does a poll named with its author in a sentence without a cue (`IN_POLL`: "In an NBC News/Wall
Street Journal poll released Monday, 50 percent ..."), none of them going on into later sentences. A sentence that
introduces
someone's words after a colon (`introduced`: "Sanders made the following comment:", "this statement by Trump on June
11:", "Over at Big Government, a post ... provides the following commentary:") names the claimant of the quotation
the next paragraph opens with. A poll's findings
(`polled`: a poll cited, "polling shows", or its respondents read as its author) go on in the present tense too ("46
percent would choose Clinton"), where other releases go on only into a narrative past. A document named by the kind of body that keeps it
("according to federal statistics", `PUBLIC`) or in general ("according to records", "polling shows", `SELF_NAMED`)
is named as itself, never as the speaker named before it.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from research.claims.cues import STATEMENT_NOUNS, VERB_FORMS
from research.claims.quantities import find_quantities, main_subject
from research.text.quotes import quoted_ranges

# What puts a cue after a figure in another clause: a subordinator, a semicolon, ", but", or a "with" or "as" clause
# ("..., with experts warning against ...", "and, as experts suggested, ...").
LATER_CLAUSE = re.compile(r"\b(?:once|if|when|while|after|before|because|although|though|until|unless|whereas|despite)\b|;|,\s+but\b"
                          r"|,\s+(?:with|as)\b(?=\s+(?!(?:of|well|many|much|part|a|an|the)\b)(?:[\w’'-]+\s+){0,4}[a-z]+(?:ed|ing)\b)")


class CueTable:
    """The usable attributions of one article (`usable_cues` rows) as arrays, so that finding the claimant of
    a figure costs the same whatever the number of cues before it."""

    def __init__(self, found: pd.DataFrame):
        self.rows = found.to_dict("records")
        columns = ("source_start", "source_end", "content_start", "content_end", "cue_start", "cue_end")
        self.source_start, self.source_end, self.content_start, self.content_end, self.cue_start, self.cue_end = (
            found[c].to_numpy(dtype="int64") if len(found) else np.zeros(0, dtype="int64") for c in columns)
        self.vague = found["actor_kind"].isin(["other", ""]).to_numpy() if len(found) else np.zeros(0, dtype=bool)
        # A relative clause's speaker claims only its own content, not the clause it hangs on: "Two people have
        # lodged lawsuits against the Texas physician who announced in a recent opinion piece that ..."
        # So does the speaker of an object relative clause: "an explosion that Mayor Bill de Blasio described as",
        # "the Federal mine, which Mr. Clarke says he is doing everything he can to keep open".
        self.relative = (found["source_text"].str.lower().isin(["who", "which", "that"])
                         | found["object_relative"]).to_numpy() if len(found) else np.zeros(0, dtype=bool)
        self.object_relative = found["object_relative"].to_numpy(dtype=bool) if len(found) else np.zeros(0, dtype=bool)
        # A bare participle ("accusing", "revealing", "repeatedly asking") opens a clause hung on the main one, so its source is no
        # subject of a figure before it: "Seven Capitol Police officers filed a lawsuit Thursday accusing ...".
        self.participle = found["cue_text"].str.fullmatch(r"(?:[a-z]+ly\s+|first\s+|then\s+)?[a-z]+ing").to_numpy() if len(found) \
            else np.zeros(0, dtype=bool)

    def in_sentence(self, sentence: tuple[int, int]) -> np.ndarray:
        """Positions of the cues inside the sentence whose source is known, in table order."""
        return np.flatnonzero((self.cue_start >= sentence[0]) & (self.cue_end <= sentence[1]) & (self.source_start >= 0))


def claimant_of(quantity_start: int, quantity_end: int, sentence: tuple[int, int], cues: CueTable,
                previous: dict | None, text: str = "") -> dict | None:
    """The attribution row (as a dict) that claims a figure at the given article offsets: the innermost
    attribution whose content holds it (a named actor before a vague one), else the nearest cue of its
    sentence, not one in a later clause ("..., once a group of senators agreed") nor the main clause's after a clause
    a subordinator opens the sentence with ("Though his plan would dole out more than $4 trillion in tax cuts, one
    study found"; "Despite ... 6.1% ... — many employers are reporting") nor one the figure follows in a relative clause after a comma (", who was shot at 41 times"), else `previous` (the release the sentence goes on with; a person's words only when the
    sentence goes on quoting them, see `goes_on_quoting`).
    `text` is the article's text."""
    if OCCASION_BEFORE.search(text, max(sentence[0], quantity_start - 20), quantity_start) \
            and OCCASION_AFTER.match(text, quantity_end, sentence[1]) and not _quoted(text, sentence, quantity_start):
        return None  # "pushed back ... in two separate interviews on Sunday": the occasions of the words
    if AGE.fullmatch(text, quantity_start, quantity_end) and re.match(r"\s+[\w’'-]", text[quantity_end:sentence[1]]) \
            and not _quoted(text, sentence, quantity_start):
        return None  # "the 68-year-old congressman": an age that describes someone the outlet names is its own
    opening = DOCUMENT_SUBJECT.match(text, sentence[0])
    if opening and quantity_end <= opening.end():
        return None  # "The 165-page report said": a figure that describes the document the sentence opens on
    by = BY_AFTER.match(text, quantity_end, sentence[1])
    if by:  # "the 2.1 percent growth rate projected by the I.M.F."
        return {"source_text": by.group("who"), "source_start": by.start("who"), "source_end": by.end("who"),
                "actor": by.group("who"), "actor_group": by.group("who"), "actor_kind": "organisation",
                "relay_text": ""}
    usable = ~(((cues.source_start <= quantity_start) | (np.abs(cues.source_start - quantity_end) <= 1))
               & (cues.source_end >= quantity_end))  # "27 other liberal groups warned": the figure is the source
    near = np.flatnonzero((cues.source_start >= quantity_end) & (cues.source_start <= quantity_end + 40))
    usable[[i for i in near if IN_SOURCE.fullmatch(text, quantity_end, cues.source_start[i])]] = False
    near = np.flatnonzero((cues.cue_end <= quantity_start) & (cues.cue_end >= quantity_start - 40))
    usable[[i for i in near if MEDIUM.match(text, cues.cue_end[i], quantity_start)]] = False
    described = np.flatnonzero((cues.source_end >= 0) & (cues.source_end <= quantity_start)
                               & (cues.source_end >= quantity_start - 80)
                               & ((cues.cue_end <= cues.source_start) | (cues.cue_start >= quantity_end)))
    usable[[i for i in described if SPEAKER_ASIDE.fullmatch(text, cues.source_end[i], quantity_start)
            and not RELAY.fullmatch(cues.rows[i]["cue_text"])]] = False  # "According to Peter Keating, $1.1 million"
    holding = np.flatnonzero(usable & (cues.content_start <= quantity_start) & (cues.content_end >= quantity_end)
                             & (cues.source_start >= 0))
    appended = [i for i in holding if APPENDED.search(text, cues.content_start[i], quantity_start)]
    usable[appended] = False
    holding = np.setdiff1d(holding, appended)
    relayers = {cues.rows[i]["relay_text"] for i in holding if cues.rows[i].get("relay_text")
                and not DOCUMENT.match(cues.rows[i]["relay_text"])}  # "according to data from X": X
    speakers = [i for i in holding if cues.rows[i]["source_text"] not in relayers]
    relaying, holding = holding, np.array(speakers, dtype="int64") if speakers else holding  # "X said, according to Y": X
    if len(holding):
        size = cues.content_end[holding] - cues.content_start[holding]
        best = holding[np.lexsort((cues.cue_start[holding], size, cues.vague[holding]))[0]]
        if POSSESSED.match(cues.rows[best]["source_text"]):  # "ADP reported that its own survey indicated"
            outer = [i for i in relaying if cues.content_start[i] <= cues.source_start[best] < cues.content_end[i]
                     and not POSSESSED.match(cues.rows[i]["source_text"])]
            best = min(outer, key=lambda i: cues.content_end[i] - cues.content_start[i]) if outer else best
        return dict(cues.rows[best])  # a copy: `previous` is told apart by identity
    inside = cues.in_sentence(sentence)
    inside = inside[usable[inside] & ~(cues.relative[inside] & ~_reports(cues, inside, quantity_end, text))
                    & ~(cues.participle[inside] & (cues.source_start[inside] >= quantity_end))
                    & ~_across(cues, inside, quantity_start, quantity_end, text, sentence[0])]
    later = LATER_CLAUSE.search(text, quantity_end, sentence[1]) if len(inside) else None
    if later is not None:  # a cue after a subordinator or semicolon that follows the figure is in another clause
        inside = inside[np.minimum(cues.source_start[inside], cues.cue_start[inside]) < later.end()]
    inside = inside[[not RELATIVE_AFTER.search(text, max(cues.cue_end[i], cues.source_end[i], cues.content_end[i]),
                                               quantity_start) for i in inside]] if len(inside) else inside
    if len(inside) and OPENING_CLAUSE.match(text, sentence[0]):  # a figure in the clause a subordinator opens
        inside = inside[[not _main_clause_after(cues, i, quantity_end, text) for i in inside]]
    if len(inside):
        return dict(cues.rows[inside[np.argmin(np.abs(cues.cue_start[inside] - quantity_start))]])
    if previous is not None and (previous.get("actor_kind") == "person" or _statement(previous, text) or _opinion(previous)
                                 or _stance(previous)
                                 or (previous.get("actor_kind") == "media" and not DOCUMENT.match(previous["source_text"])
                                     and not polled(previous))) \
            and previous["source_start"] < sentence[0] and not goes_on_quoting(text, sentence):
        return None  # a person's words, a claim or news go on into a sentence without a cue only as a quotation or a list
    return previous


# A source its speaker owns, inside what that speaker said: "ADP reported Wednesday that its own survey indicated",
# "the United Nations agency said its labs have confirmed": the speaker claims the figure.
POSSESSED = re.compile(r"(?:its|their)\s", re.IGNORECASE)


def _reports(cues: CueTable, positions: np.ndarray, quantity_end: int, text: str) -> np.ndarray:
    """Of the cues at `positions`, the object relative clauses that report the figure they hang on: "twice the 1,500
    that the South Korean intelligence agency had reported being sent" (not "nine values and 12 principles that he
    believes the country was founded upon")."""
    return np.array([bool(cues.object_relative[i]) and cues.source_start[i] >= quantity_end
                     and VERB_FORMS.get(cues.rows[i]["cue_text"].split()[-1].lower()) in REPORTING
                     and bool(ANTECEDENT.fullmatch(text, quantity_end, cues.source_start[i])) for i in positions],
                    dtype=bool)


REPORTING = frozenset("say report estimate announce tell count put".split())
ANTECEDENT = re.compile(r"(?:\s+[\w’'-]+){0,2}\s+(?:that|which)\s+")  # "the 1,500 that", "1,500 troops that"


def _across(cues: CueTable, positions: np.ndarray, quantity_start: int, quantity_end: int, text: str,
            sentence_start: int) -> np.ndarray:
    """Of the cues at `positions`, those that claim no figure outside their content on the far side of the cue:
    a figure before a comma and the source of a "that" clause ("In a letter signed by the 42 members ..., the
    Republicans informed their Democratic counterparts that", "has a 3-year-old daughter, ..., and he said that") or
    in a participle phrase that opens the sentence at `sentence_start` ("Speaking to ... thousands of people ...,
    Mr. Obama said"), or
    a circumstance or participle appended after a sentence-final "said" or "told" ("he said, drawing cheers ... from the
    thousands", "told Fox News after a leisurely breakfast with three members")."""
    trailing = [VERB_FORMS.get(cues.rows[i]["cue_text"].split()[-1].lower()) in ("say", "tell")
                and cues.content_end[i] >= 0 and cues.content_end[i] <= cues.cue_start[i]
                and quantity_start >= max(cues.cue_end[i], cues.source_end[i])
                and bool(TRAILING.search(text, max(cues.cue_end[i], cues.source_end[i]), quantity_start))
                for i in positions]
    opening = PARTICIPLE_OPENING.match(text, sentence_start)
    fronted = [quantity_end <= cues.source_start[i] <= cues.cue_start[i] and "," in text[quantity_end:cues.source_start[i]]
               and (bool(THAT_AFTER.match(text, cues.cue_end[i])) or bool(opening) and opening.end() >= quantity_end)
               for i in positions]
    return np.array(trailing, dtype=bool) | np.array(fronted, dtype=bool)


# A clause opened by a subordinator at the start of the sentence, before the main clause: "Though his plan would dole
# out more than $4 trillion in tax cuts, one study found", "Despite a stubbornly high unemployment rate of 6.1% in April
# — representing 9.8 million people ... — many employers are reporting".
OPENING_CLAUSE = re.compile(r"\W*(?:(?:But|And|Yet)\s+)?(?:Though|Although|Even though|Despite|In spite of|While|Whereas|"
                            r"Even as|Even if|Because|Since|If|Unless|When|After|Before|Once)\b")
CLAUSE_END = re.compile(r"[,—–]")


def _main_clause_after(cues: CueTable, position: int, quantity_end: int, text: str) -> bool:
    """True when the cue at `position` and its source follow a figure (at `quantity_end`) across the comma or dash that
    ends the opening subordinate clause the figure is in: the cue governs the main clause only, unless it is set off
    by commas itself ("Despite the U.S. being on track to hit 160 million ..., Biden said, millions remain")."""
    first = min(cues.source_start[position], cues.cue_start[position])
    return first >= quantity_end and bool(CLAUSE_END.search(text, quantity_end, first)) \
        and not text.startswith(",", max(cues.cue_end[position], cues.source_end[position]))


# A relative clause after a comma, which describes someone the sentence named and says nothing of its cue: "was
# written by Springsteen after the 1999 shooting death of Guinea immigrant Amadou Diallo, who was shot at 41 times".
RELATIVE_AFTER = re.compile(r",\s+(?:who|which|where)\b")
# A participle phrase opening the sentence up to its first comma, the circumstance of the words that follow:
# "Speaking to dignitaries and thousands of people watching from the National Mall, Mr. Obama said".
PARTICIPLE_OPENING = re.compile(r"\W*[A-Z][a-z]+ing\b[^,.;:“”\"]*,")
# What follows a cue whose content is a "that" clause ("informed their Democratic counterparts that").
THAT_AFTER = re.compile(r"[^.;:,—–“”\"]{0,60}?\bthat\b")
# What opens a circumstance or participle clause appended after a sentence-final cue (not one that goes on
# reporting: ", adding that", ", citing").
_GOING_ON = (r"(?!(?:adding|citing|quoting|noting|saying|according|referring|pointing|explaining|arguing|warning|insisting|"
             r"stressing|going|continuing)\b)")
TRAILING = re.compile(r",\s+" + _GOING_ON + r"[a-z]+ing\b|\b(?:after|before|during|while)\b\s+" + _GOING_ON)


# A figure in an aside set off by a comma right after the source describes the speaker, not what was said:
# "said Cynthia Burgiss, 22, a student", "Other officials in the GOP, including five senior Missouri Republicans,".
SPEAKER_ASIDE = re.compile(r"(?:\s+(?:in|of|at|from|for|on)\s+[^,.;:“”\"]{1,40})?,\s+(?:(?:including|among them|a|an|the)\s+)?"
                           r"(?:[\w’'-]+\s+){0,2}")


RELAY = re.compile(r"(?i:according to|citing|quoting)")


AGE = re.compile(r"[\w.]+[-\s]years?[-\s]old")
# A figure that counts the occasions of the words, not what they say: "in two separate interviews", "at three rallies".
OCCASION_BEFORE = re.compile(r"\b(?:in|during|at|over|across)\s+(?:the\s+)?$")
OCCASION_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:interviews?|speech(?:es)?|statements?|appearances?|letters?|posts?|"
                            r"tweets?|rallies|rally|events?|meetings?|calls?|hearings?|briefings?|sessions?|debates?)\b")


# A figure whose noun phrase goes on with a participle naming who found it: "the 2.1 percent growth rate projected
# by the I.M.F.", "the 600,000 deaths estimated by the Institute".
BY_AFTER = re.compile(r"(?:\s+[\w’'-]+){0,3}?\s+(?:projected|estimated|forecast|predicted|calculated|counted|tallied|"
                      r"compiled|recorded)\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.’'&-]*(?:\s+(?:of\s+|and\s+|for\s+)?"
                      r"[A-Z][\w.’'&-]*)*)")


# Words between a figure and a source that make the figure part of the source's noun phrase: "five past and present
# [Missouri Republican senators]", "all seven Republicans on [the Senate Judiciary Committee]".
IN_SOURCE = re.compile(r"(?:\s+(?:[A-Z][\w’'.-]*|past|present|former|current|other|more|of|on|in|at|from|for|and))"
                       r"{1,4}\s+")


def _opinion(attribution: dict) -> bool:
    """True for the argued words of an actor no list places ("Critics of Chick-fil-A argue that"), not of a public
    body that gives out figures ("the government said Wednesday", "health authorities said")."""
    return attribution.get("actor_kind") in ("other", "") and bool(attribution.get("cue_text")) \
        and VERB_FORMS.get(attribution["cue_text"].split()[-1].lower()) in OPINION_VERBS \
        and not PUBLIC_BODY.search(attribution.get("source_text", ""))


OPINION_VERBS = frozenset("say tell argue contend insist claim suggest believe think warn complain".split())
# A public body that releases counts, named by its kind: "the government", "health authorities", "the ministry".
PUBLIC_BODY = re.compile(r"\b(?:government|authorities|ministry|department|agency|bureau)$", re.IGNORECASE)


def _stance(attribution: dict) -> bool:
    """True for a cue of belief, wish, judgement or act (`STANCE_VERBS`), which releases nothing a later sentence
    goes on with."""
    return bool(attribution.get("cue_text")) and VERB_FORMS.get(attribution["cue_text"].split()[-1].lower()) in STANCE_VERBS


# Verbs of belief, wish, judgement or act, whose words release no data that the next sentences go on with: "The
# Azerbaijani authorities declared war on Nagorno-Karabakh. Armenian forces won the war, seizing seven districts",
# "By a lopsided 82%-12%, Millennials support background checks ... 89% of young Democrats".
STANCE_VERBS = frozenset("believe think know feel hope worry fear seem see suspect doubt want plan support oppose decide "
                         "declare charge pledge vow promise urge demand propose agree refuse decline threaten welcome "
                         "thank blame praise criticize criticise blast slam attack condemn denounce endorse applaud "
                         "admire mock defend liken label dismiss reject underscore highlight point identify ask "
                         "question".split())


def _quoted(text: str, sentence: tuple[int, int], position: int) -> bool:
    """True when `position` of `text` lies inside a quotation of its sentence."""
    return any(start <= position - sentence[0] < end for start, end in quoted_ranges(text[sentence[0]:sentence[1]]))


# The figure names the document or occasion of the words, not what they say: "Murthy wrote in a 22-page
# advisory", "told reporters at a 90-minute briefing" (text between the cue and the figure).
MEDIUM = re.compile(r"(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s+(?:in|on|at|during|through|via)\s+(?:an?|the|its|his|her|their)\s*$")
# A phrase the reporter appends to what was said after a comma: "asked regulators to authorize ..., a move that
# could help protect more than 28 million people", "is urging McCarthy to ..., a sign of further escalating tensions".
# A contrast the reporter draws after a comma (", in sharp contrast to the $2.25 trillion desired by President Biden")
# and the purpose or campaign the reporter gives the act ("called on Tuesday for employers to ... as part of a renewed
# push to reach tens of millions") is appended too, and so is a concession after a comma or a dash ("insisted the
# bug-out was an “extraordinary success,” despite the stranding of hundreds", "-- even though hundreds of Americans").
APPENDED = re.compile(r",\s+(?:a|an)\s+[a-z]+\s+(?:that|of|to|which)\b|,\s+(?:who|where)\b|,\s+in\s+(?:sharp\s+|stark\s+)?contrast\s+(?:to|with)\b"
                      r"|\s(?:as part of|in (?:an?|the|its|his|her|their)\s+(?:[a-z]+\s+)?(?:effort|bid|attempt|push|drive|"
                      r"campaign)\s+to)\b"
                      r"|(?:,[”\"]?|\s--|\s?[—–])\s*(?:even\s+though|despite|in\s+spite\s+of)\b")


# A statement named as a noun ("Trump's claim that"): words, not a release of data that a next sentence goes on with.
STATEMENT = re.compile(r"(?:['’]s|\b(?:an?|the|his|her|their|its))\s+(?:[a-z]+\s+)?(?:" + STATEMENT_NOUNS + r")s?$")


def _statement(attribution: dict, text: str) -> bool:
    """True when the cue of an attribution row is a statement noun ("Trump's claim that")."""
    return attribution.get("cue_end", -1) > 0 and bool(STATEMENT.search(text, max(0, attribution["cue_end"] - 60),
                                                                        attribution["cue_end"]))


def goes_on_quoting(text: str, sentence: tuple[int, int]) -> bool:
    """True when the sentence of `text` at `sentence` opens with a quotation, follows a colon, or is an item
    of a list."""
    own = text[sentence[0]:sentence[1]]
    return bool(QUOTE_OPENS.match(own) or text[:sentence[0]].rstrip().endswith(":") or LIST_ITEM.match(own)
                or _in_quotation(text, sentence[0] + len(own) - len(own.lstrip())))


# A claimant that is a document, not who made it: "The data", "a small study", "data released by the CDC".
DOCUMENT = re.compile(r"(?:(?:the|a|an|this|that|new|latest|its|their|official|preliminary)\s+)*(?:[a-z]+(?:/[a-z]+)?\s+){0,2}"
                      r"(?:data|study|report|analysis|survey|polls?|polling|records|figures|numbers|tally|statistics|estimates?|findings|"
                      r"research|results|tracker)\b", re.IGNORECASE)
# A document named by the kind of body that keeps it, not by the speaker named before it: "according to federal
# statistics", "government data".
PUBLIC = re.compile(r"(?i:\b(?:federal|government|official|state|city|county|police|military|public)\s+)(?:[a-z]+\s+){0,1}"
                    r"(?i:data|figures|numbers|statistics|records|estimates)\b")
# Polls or records in general, a source named as itself: "polling shows Joe Biden gets a higher approval rating",
# "according to records".
SELF_NAMED = re.compile(r"(?i:polls|polling|records)")
# Documents of one kind, for finding who made "the study" elsewhere in the article.
DOCUMENT_KINDS = {"study": "study analysis research findings report", "poll": "poll polling survey results",
                  "data": "data figures numbers statistics tally tracker estimates estimate"}
_KIND_OF = {noun: kind for kind, nouns in DOCUMENT_KINDS.items() for noun in nouns.split()}
_ALL_DOCUMENTS = "|".join(sorted(_KIND_OF, key=len, reverse=True))
# An organisation's name: capitalised words joined by "for", "and", "of", "-" or "/", with its abbreviation
# ("Centers for Disease Control and Prevention (CDC)", "ABC News/Washington Post", "F.B.I.").
_WORD = (r"(?!(?:The|A|An|This|That|It|In|On|At|As|By|Its|Their|New|Official|Monday|Tuesday|Wednesday|Thursday|"
         r"Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|"
         r"Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|"
         r"December)\b)[A-Z](?:[\w’'&]|\.(?=\w))*\.?(?<![a-z]\.)")
_ORG = _WORD + r"(?:(?:\s+|-\s*|/)(?:(?:for|and|of|on)\s+)?" + _WORD + r")*(?:\s+\([A-Z][\w.]*\))?"
ORG = re.compile(_ORG)
AUTHOR_BEFORE = re.compile(r"(?P<org>" + _ORG + r")(?:['’]s?)?\s+(?:(?:new|latest|own|official|weekly|\w+ly)\s+)?"
                           r"(?:(?!The\b)[A-Z]\w+\s+){0,3}(?P<noun>" + _ALL_DOCUMENTS + r")\b")
# ("a poll of Republican primary voters" names whom it asked, not its author).
AUTHOR_AFTER = re.compile(r"\b(?P<noun>(?i:" + _ALL_DOCUMENTS + r"))\b,?\s+(?:(?:(?!funded|sponsored|paid|commissioned|"
                          r"financed|backed)[^,.;]){0,50}?\s)??(?:by|from|of(?!\s+[A-Z]\w*\s+[a-z]))\s+"
                          r"(?:the\s+)?(?P<org>" + _ORG + r")")
# Sources that cannot claim a figure: a month or weekday read as a name, a year, a time ("last year announced"),
# a bare lower-case word
# ("each", "openings") other than a pronoun or the people who speak for an office or a trade ("officials
# said", "economists"); sources that hold a figure themselves are found by `find_quantities`.
NOT_A_SOURCE = re.compile(r"^(?:(?:early|late|mid)[\s-]+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})$|"
                          r"^(?:last|this|next|the|that|earlier|later)\s+(?:year|week|month|weekend|night|morning|"
                          r"afternoon|evening|day|summer|spring|fall|autumn|winter|decade)$|"
                          r"^(?!(?:he|she|they|it|we|i|who|officials|economists|analysts|experts|researchers|"
                          r"scientists|authorities|police|prosecutors|investigators|doctors|forecasters|sources|"
                          r"lawmakers|witnesses|residents|organizers)$)[a-z]+$")
# A source that runs into a clause, no actor: "other provisions without GOP", "The mandate will be announced
# Thursday afternoon and", "solid legal ground in enforcing", "Republicans on how to pay for".
CLAUSE_SOURCE = re.compile(r"\s(?:without|will|would|how)\s|\s(?:that|and|[a-z]+ing)$")
# A source that is no actor: a preposition's phrase naming nobody ("With his campaign"), a lone "That", a lede's dateline.
NO_ACTOR = re.compile(r"^(?:(?:With|Of|In|On|At|For|From|After|Before|Amid|Among|Despite|Under|Without|During|Upon)\s"
                      r"[^A-Z]*$|(?:That|This|These|Those)$)")
DATELINE = re.compile(r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?\s+[-—–]\s")
PRONOUN_SOURCES = frozenset("he she they it we i who the agency the department the ministry the bureau "
                            "the organization the group the company".split(" "))
# Cue words that are also nouns, read as nouns when a noun or a verb of change follows them: "Initial claims
# fell", "Worker filings for jobless claims, a proxy", "state unemployment insurance", "The median estimate in",
# "Health worries have dogged", "the Supreme Court ruling in Brown v. Board of Education".
# Verbs of an act rather than of speech, read as cues only before "that", a colon or a quotation: "agreed to
# a cease-fire", "criticized the vice president for", "will share up to 60m doses", "what they call", "countering
# President Biden's plan with a framework around one-quarter the size"; "see" of what is undergone or judged, "Sweden
# has seen 27% more deaths", "what they see as a complementary $3.5 trillion spending plan".
ACTS = frozenset("criticize criticise blast slam praise attack share offer oppose defend welcome thank blame applaud "
                 "condemn plan want refuse decline reject dismiss continue encourage endorse mock admire threaten "
                 "liken call counter see".split())
# "Ask" before a question word or "for" asks a question or makes a request; it claims no figure: "the first
# question at Harris's press conference asked why she selected El Paso, a city nearly 1,000 miles away".
ASKED = re.compile(r"\s+(?:[\w’'-]+\s+){0,3}?(?:why|whether|how|what|if|about|for)\b")
SPEECH_AFTER = re.compile(r"\s*(?:that\b|[:“\"]|,\s*[“\"])")
# "Claim" before an indefinite object takes something, it states nothing: "Trump had claimed a loss of $916 million".
CLAIMED_THING = re.compile(r"\s+(?:an?|credit|responsibility|victory)\b")
AGREED_TO = re.compile(r"\s+(?:to|on|with)\b")  # "agreed to a cease-fire", not "agreed use of a booster would be safe"
NOUN_CUES = frozenset("claims claim reports report estimate estimates state states figures forecast forecasts "
                      "counts plans calls worries worry ruling".split())
# A cue word that news prose uses as a plural noun, hardly ever as a present-tense verb ("courts ruled"): "a set of
# Clean Air Act rules that could lead to", "a raft of new emissions rules that promise to".
PLURAL_NOUNS = frozenset({"rules"})
VERB_AFTER = re.compile(r"\s*(?:that\b|to\b|[:“\"]|,\s*[“\"]|(?:the|a|an|he|she|they|it|we|his|her|their|its|this|"
                        r"these|those|there|credit|responsibility|victory)\b)")


def usable_cues(table: pd.DataFrame, texts: pd.Series) -> pd.DataFrame:
    """Attributions (`research.group_actors` rows) that can claim a figure (see the module docstring); the
    respondents of a poll ("59 percent of respondents said") are the poll's author."""
    rows = []
    for row in table.to_dict("records"):
        text, word = texts[row["article_id"]], row["cue_text"].split()[-1].lower()
        if _adds_a_figure(text, row["cue_text"], row["cue_end"]) \
                or (NOT_A_SOURCE.search(row["source_text"]) and not DOCUMENT.fullmatch(row["source_text"])) \
                or CLAUSE_SOURCE.search(row["source_text"]) or _no_actor(row, text) \
                or (word in NOUN_CUES and not VERB_AFTER.match(text, row["cue_end"])) or word in PLURAL_NOUNS \
                or (VERB_FORMS.get(word) in ACTS and not SPEECH_AFTER.match(text, row["cue_end"])) \
                or (VERB_FORMS.get(word) == "ask" and ASKED.match(text, row["cue_end"])) \
                or (VERB_FORMS.get(word) == "agree" and AGREED_TO.match(text, row["cue_end"])) \
                or (VERB_FORMS.get(word) == "claim" and CLAIMED_THING.match(text, row["cue_end"])) \
                or (re.search(r"\bthan\s+$|['’]s\s+(?:new\s+|initial\s+|latest\s+)?$|\b(?:new|initial|latest)\s+$",
                              text[max(0, row["cue_start"] - 12):row["cue_start"]])
                    and not re.match(r"s?\s+that\b", text[row["cue_end"]:row["cue_end"] + 8])):
            continue  # "The economy added 943,000 jobs", "Initial claims fell", "fewer jobs than expected"
        if find_quantities(row["source_text"]) or find_quantities(str(row.get("actor", ""))):
            poll = document_author(text, row["source_start"], "poll") if RESPONDENTS.search(row["source_text"]) else ""
            if not poll:
                continue  # "representing 9.8 million people who say"
            row.update(source_text=poll, actor=poll, actor_group=poll, actor_kind="organisation",
                       source_start=row["cue_start"], source_end=row["cue_start"], poll=True)
        if row["source_text"].lower() in ("i", "we") and not _in_quotation(text, row["source_start"]):
            continue  # "The best one I know of", "the two guides I wrote": the writer's own voice
        row["poll"] = row.get("poll", False)  # the respondents of a poll, read as its author
        row["object_relative"] = bool(OBJECT_RELATIVE.search(text, max(0, row["source_start"] - 12),
                                                             max(0, row["source_start"]))) \
            or bool(PASSIVE.fullmatch(row["cue_text"]) and ASIDE_OPENS.search(text, max(0, row["cue_start"] - 8),
                                                                             max(0, row["cue_start"])))
        rows.append(row)
    return pd.DataFrame(rows, columns=[*table.columns, "object_relative", "poll"])


def _no_actor(row: dict, text: str) -> bool:
    """True when an attribution's source is no actor (`NO_ACTOR`, `DATELINE`), or a lone participle opening the
    sentence with a phrase that ends before its cue ("Arriving upon the scene, police began searching ...,
    believing": `PARTICIPLE_OPENING`)."""
    source = row["source_text"]
    if NO_ACTOR.search(source) or (re.fullmatch(r"[A-Z][A-Z.'’ -]+", source)
                                   and DATELINE.match(text, row["source_end"])):
        return True
    opening = PARTICIPLE_OPENING.match(text, row["source_start"]) if re.fullmatch(r"[A-Z][a-z]+ing", source) else None
    return bool(opening) and opening.end() <= row["cue_start"]


# What opens an object relative clause right before its source: "an explosion that Mayor Bill de Blasio described".
OBJECT_RELATIVE = re.compile(r"\b(?:that|which|whom)\s+$")
# A passive cue in an aside set off by a comma: ", which was cited by the agency as" is a relative clause's speaker too.
PASSIVE = re.compile(r"(?:is|was|were|are|has been|have been|had been)\s+(?:\w+ly\s+)?[a-z]+\s+by")
ASIDE_OPENS = re.compile(r",\s+which\s+$")


def _in_quotation(text: str, position: int) -> bool:
    """True when `position` of `text` lies inside a quotation of its paragraph."""
    start, end = text.rfind("\n", 0, position) + 1, text.find("\n", position)
    paragraph = text[start:end if end >= 0 else len(text)]
    return any(begin <= position - start < stop for begin, stop in quoted_ranges(paragraph))


RESPONDENTS = re.compile(r"\b(?:respondents|voters|adults|Americans|people|those)\b", re.IGNORECASE)


# Who expects, when a forecast has no reporting cue: "Economists surveyed by Dow Jones had been looking for".
# (The forecast is a verb: "Presidential candidates generally benefit from lowered debate expectations" names no
# forecaster.)
FORECASTER = re.compile(r"^\W*(?P<who>(?:[\w’'.-]+\s+){0,7}?(?:economists|analysts|forecasters|experts|"
                        r"[A-Z][\w’'.-]*)(?:\s+(?:surveyed|polled) by(?:\s+[A-Z][\w’'.-]*)+)?)\s+(?:had |have |has |"
                        r"were |was |are |is |been )*(?:expect(?!ation)|forecast|predict(?!ion)|anticipat(?!ion)|"
                        r"project(?!ion)|looking for)", re.IGNORECASE)
# Forecasters named anywhere before the figure: "The median forecast of economists polled by Bloomberg was 6.3%".
POLLED = re.compile(r"\b(?:economists|analysts|forecasters|experts)\s+(?:surveyed|polled)\s+by(?:\s+(?-i:[A-Z])[\w’'.-]*)+",
                    re.IGNORECASE)


# A forecast named as such, which goes on with the forecaster named before: "against the expected 0.3%".
EXPECTATION = re.compile(r"\b(?:expected|expectations?|estimates?|forecasts?|consensus|predicted|projected)\b",
                         re.IGNORECASE)


def forecaster(before: str, earlier: str = "") -> str:
    """The forecaster of a figure after `before` (its sentence up to it): economists polled by someone,
    else the subject of a forecast verb at the start of the sentence, else the `earlier` forecaster when
    the sentence names an expectation ("the expected", "estimates"), not only a future ("will cost");
    "" when none."""
    polled = list(POLLED.finditer(before))
    if polled:
        return polled[-1].group()
    match = FORECASTER.match(before)
    if match and not CLAUSE_SOURCE.search(match.group("who")) and not NO_ACTOR.search(match.group("who")):
        return match.group("who")
    return earlier if EXPECTATION.search(before) else ""


def _adds_a_figure(text: str, cue: str, end: int) -> bool:
    """True for "The economy added 943,000 jobs": "add" is speech only before "that", a colon, a comma or a
    quotation."""
    return cue.split()[-1].lower() in ("add", "added", "adds", "adding") and not re.match(r"\s*(?:that\b|[:,“\"])",
                                                                                        text[end:])


def document_author(text: str, position: int, noun: str) -> str:
    """Who made the document `noun` ("study", "poll", "data", ...) the article names at `position`: the
    author it names with a document of the same kind, nearest before `position` or in its own name, else the
    author of a document of any kind named just before it ("a recent Reuters survey of voter lists. The study found"), else the first
    of the same kind after it; "" when none."""
    kind = _KIND_OF.get(noun.lower())
    found = sorted((match.start(), re.sub(r"\s*-\s*", "-", " ".join(match.group("org").split())),
                    kind is None or _KIND_OF[match.group("noun").lower()] == kind)
                   for pattern in (AUTHOR_BEFORE, AUTHOR_AFTER) for match in pattern.finditer(text))
    near = [org for start, org, _ in found if position - JUST_BEFORE <= start <= position]
    before = [org for start, org, same in found if same and start <= position]
    after = [(start, org) for start, org, same in found if same and start > position]
    own = [org for start, org in after[:1] if start <= position + OWN_NAME]  # "a Bloomberg survey"
    return (before[-1:] or own or near[-1:] or [org for _, org in after[:1]] or [""])[0]


JUST_BEFORE = 250  # characters: about the sentence before
OWN_NAME = 50  # characters: a document's own noun phrase


def claimant_name(claimant: dict | None, named_before: str, text: str) -> str:
    """Who a claimant is, as the text names them (see the module docstring); a document whose author
    the article never names is the last claimant named before it (unless it is "a" new one), else the
    document ("a new study"; a bare "data" names none).
    `text` is the article's text."""
    if not claimant:
        return ""
    source = claimant["source_text"]
    if source.lower() in ("it", "they") and main_subject(text, claimant["source_start"])[:1].isupper():
        return main_subject(text, claimant["source_start"])  # "The United States will spend ..., it said"
    if source.lower() in PRONOUN_SOURCES and claimant.get("actor") and claimant["actor"].lower() != source.lower():
        return claimant["actor"]
    start, end = claimant["source_start"], claimant["source_start"] + len(source)
    longer = [m.group() for m in ORG.finditer(text, start, end + 60) if m.start() < end < m.end() and text[end] in "/-"]
    if longer:
        return longer[0]  # "a new ABC News/Washington Post poll", the source cut at the slash
    document = DOCUMENT.match(source)
    if document:
        author = re.search(r"\b(?<!funded )(?<!sponsored )(?<!backed )(?<!financed )(?:by|from|of)\s+((?:the\s+)?"
                           r"[A-Z][\w.’'&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w.’'&-]*)*)", source)
        noun = source[document.start():document.end()].split()[-1]
        name = source[:document.end()].split()  # "a new federal report", "the study"; not "data" (no document)
        earlier = named_before if name[0].lower() not in ("a", "an") else ""  # "a new report" is not one named before
        # "federal statistics", "records": not the speaker named before
        earlier = "" if PUBLIC.search(" ".join(name)) or SELF_NAMED.fullmatch(source) else earlier
        own = own_author(source[:document.end()])
        if own:  # a document that names its author before its noun is theirs: "a WBUR poll", not a pollster before it
            return own
        return author.group(1) if author else document_author(text, claimant["source_start"], noun) or earlier \
            or (" ".join(name) if len(name) > 1 or SELF_NAMED.fullmatch(source) else "")
    return source


def own_author(name: str) -> str:
    """The author a document's own name gives before its noun ("a WBUR poll last week": WBUR; "a New York Times/CBS
    News poll": New York Times/CBS News), "" when none."""
    named = AUTHOR_BEFORE.search(name)
    if not named:
        return ""
    start = named.start("org") - 4 if name[:named.start("org")].endswith("New ") else named.start("org")
    return re.sub(r"\s*-\s*", "-", " ".join(name[start:named.end("org")].split()))


# A sentence that opens on a document and goes on with its findings: "The study, by the CDC, examined",
# "The results concerning Biden were", "Figures released Thursday by the Labor Department show"; "figures
# Kirby provided", "The bureau released its statistics" and "The latest figures reported by health authorities as of
# Friday in Beijing:" name the source of what follows.
DOCUMENT_SUBJECT = re.compile(r"\s*(?:(?:But|And|Yet)\s+)?(?:(?:The|This|That|Those|These|Its|A|An|the|a|an)\s+(?:[\w/.’'-]+\s+){0,3}?)?(?:new\s+|latest\s+)?(?P<noun>(?i:study|poll|"
                              r"survey|report|analysis|data|results|figures|numbers|statistics))\b")
PROVIDED = re.compile(r"\b(?:figures|data|numbers|statistics|estimates|details)\s+(?:that\s+)?(?P<who>[A-Z][\w.’'-]*"
                      r"(?:\s+[A-Z][\w.’'-]*){0,3})\s+(?:has\s+|had\s+)?(?:provided|released|published|compiled|"
                      r"gave|shared|offered|reported)\b|^\s*(?P<releaser>(?:The\s+[a-z]+|(?:The\s+)?" + _ORG + r"))\s+(?:released|"
                      r"published|issued)\s+(?:its|their|the|new|an?)\s+(?:[\w-]+\s+){0,4}(?:statistics|data|report|"
                      r"figures|numbers|estimates)\b"
                      r"|\b(?:figures|data|numbers|statistics|estimates|counts?)\s+(?:released|reported|published|issued|"
                      r"compiled)\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+)?by\s+(?P<by>(?:the\s+)?(?:[a-z]+\s+)?authorities|" + _ORG + r")")
# A paragraph (or sentence) that opens with a quotation: it goes on with the words of the paragraph before ("He said:").
QUOTE_OPENS = re.compile(r"\s*(?:[“\"]|''(?=[\w$]))")  # and ''It costs ...'' (`research.text.quotes.TWO_OPENING`)


def _capitalised(most: int) -> str:
    """A pattern for a run of one to `most` + 1 capitalised words ("Ted Cruz", "the McKinley Plan" without "the")."""
    return r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0," + str(most) + "}"


# A paragraph that is an item of a list: "Army: 40% fully vaccinated", "Air Force, which includes Space Force: 57%", and
# after a dash as the Associated Press sets them ("— China: 636 deaths and 31,161 confirmed cases").
LIST_ITEM = re.compile(r"\s*(?:[—–-]\s*)?" + _capitalised(3) + r"(?:,[^:]{0,60})?:\s")


# A sentence whose main clause is the decision of a regulator or an advisory body, which claims the figures that
# define it: "The Food and Drug Administration on Wednesday authorized booster doses ... for people 65 and older",
# "But the independent panel, which reviewed ..., recommended ... for Americans over age 65". Votes of a
# legislature or a court are facts the outlet reports, not such decisions.
DECISION = re.compile(r"^\W*(?:(?:But|And|Then)\s+|[A-Z][^,]{0,40},\s+)?(?P<who>(?:(?:The|the|An?|an?)\s+)?(?:[\w’'.()-]+\s+){0,7}?"
                      r"(?:[\w’'.-]*(?:Administration|Agency|Commission|panel|Panel|committee|Committee|experts|advisers|"
                      r"regulators)|FDA|CDC|WHO|EMA))(?:\s*,[^,]{0,120},)?\s+(?:(?:on\s+)?[A-Z][a-z]+day\s+|\w+ly\s+)*"
                      r"(?:voted\s+(?:\w+ly\s+)?(?:to\s+)?)?(?:authorized|approved|recommended|endorsed|granted|rejected|"
                      r"cleared|voted)\b")


# A sentence whose main clause lays out a plan, a proposal or a charge, whose figures are its proposer's: "Senate
# Republicans unveiled a $568 billion infrastructure plan", "The Justice Department unveiled a seven-count indictment".
# The actor a sentence opens with (after a joining word): "Senate Republicans", "The Justice Department"; and a day or
# an adverb between it and its verb ("on Tuesday", "quickly").
ACTOR_OPENING = r"^\W*(?:(?:But|And|Then)\s+)?(?P<who>(?:(?:The|the)\s+)?" + _capitalised(5)
DAY_OR_ADVERB = r"(?:on\s+)?[A-Z][a-z]+day\s+|\w+ly\s+"
PROPOSAL = re.compile(ACTOR_OPENING + ")"
                      r"\s+(?:" + DAY_OR_ADVERB + r")*(?:unveiled|laid\s+out|proposed|outlined|introduced)"
                      r"(?=\s+(?:an?|his|her|its|their|the)\s+(?:[$\w,.-]+\s+){0,4}?(?:plan|proposal|budget|bill|"
                      r"indictment|framework|package|legislation)\b)")
# An actor that raises or lowers a toll, a count or a cap to a figure is its source (an official count, a decision):
# "Officials in Haiti raised the death toll from a powerful weekend earthquake to 1,941", "The Civil Protection Agency
# also raised the number of injured people to 9,900", "President Joe Biden raised the refugee cap to 62,500".
RAISED_TO = re.compile(ACTOR_OPENING + r"|[A-Z][a-z]+\s+(?:in|of)\s+" + _capitalised(2)
                       + r")\s+(?:" + DAY_OR_ADVERB + r"|also\s+)*(?:raised|lowered|increased|revised|updated|"
                       r"set|put)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?(?:toll|count|number|cap|limit|ceiling|tally)\b")
# A named person who wants to do something lays out their own plan, whose figures are theirs: "Clinton wants to sign up 5
# million people, focusing on people under 30" (one person: "Obama and Democratic lawmakers want to" is the outlet's;
# inside a quotation, the speaker's words).
WANTS = re.compile(r"^\W*(?:(?:But|And)\s+)?(?P<who>(?!(?:The|This|That|It|He|She|They|We|I)\b)" + _capitalised(3)
                   + r")\s+(?:also\s+|still\s+)?wants\s+to\s+[a-z]")
# A preposition that credits what its sentence states, as "according to" does: "A quarter of that, per the McKinley plan,
# is $40,000", "By Trump's own admission, his tax returns ... are far thicker than his 100-page disclosure report".
PER = re.compile(r"(?:^\W*|,\s+)(?:[Pp]er\s+(?P<per>(?:the\s+)?" + _capitalised(3) + r"(?:\s+[a-z]+)?)|"
                 r"[Bb]y\s+(?P<own>" + _capitalised(3) + r")['’]s\s+own\s+(?:admission|account|estimate|count))"
                 r"\s*,")
# A poll named with its author anywhere in a sentence without a cue is the source of that sentence's figures, and of no
# later sentence's: "In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton",
# "Donald Trump achieved 45 percent support among Republican voters in a new Fox News poll released Thursday".
IN_POLL = re.compile(r"\b[Ii]n\s+(?:a|an|the|this)\s+(?:(?:new|latest|most\s+recent|recent|national|statewide)\s+)*"
                     r"(?P<name>(?:New\s+)?" + _ORG + r"(?:\s+(?:(?:national|tracking|new)\s+)?(?:poll|survey))?)\b")
# The outlet's own comment on the plan, a participle after a comma, is not the proposer's: "..., countering President
# Biden's American Jobs Plan with a framework around one-quarter the size of his $2.25 trillion" (but ", including").
COMMENT = re.compile(r",\s+(?!including\b)[a-z]+ing\b")


# A legislature's committee or panel, whose vote is a fact the outlet reports: "The House Oversight and Government
# Reform Committee voted 19-15".
LEGISLATURE = re.compile(r"\b(?:House|Senate|Congress|Congressional|Parliament|Parliamentary|Assembly|Legislature)\b")


# A sentence that states what a document named before holds: "In the poll, Romney leads ... with 21 percent",
# "In the new survey, 40% say".
IN_DOCUMENT = re.compile(r"\s*(?:(?:But|And)\s+)?(?:In|Among)\s+(?:the|this|that|its|their)\s+(?:[a-z]+\s+){0,2}"
                         r"(?P<noun>(?i:poll|survey|study|report|analysis))\s*,")


# A chart's source line, the paragraph right after the figures it credits: "... all other NATO countries combined.
# [new paragraph] Source: NATO."
CAPTION = re.compile(r"[^\n]*\n\s*Sources?:\s*(?P<who>[^\n]*?)\.?[ \t]*(?:\n|$)")


# A sentence that introduces someone's words after a colon, the quotation the next paragraph opens with: "Sanders made
# the following comment:", "how the website rated this statement by Trump on June 11:", "Over at Big Government, a post
# accompanying the video provides the following commentary on the encounter:".
INTRODUCED = re.compile(r"\b(?:the\s+following|this|these)\s+(?:[a-z]+\s+)?(?:comments?|statements?|remarks|commentary|"
                        r"words|messages?|posts?|tweets?)\b(?:\s+(?:by|from)\s+(?P<by>" + _ORG + r"))?[^:.;“”\"]*:\s*$")
INTRODUCER = re.compile(r"(?P<who>" + _ORG + r")\s+(?:\w+ly\s+)?(?:made|gave|issued|offered|posted|wrote|tweeted|shared|"
                        r"released|provides|provided|posts|writes)\s+(?:the\s+following|this|these)\b")
AT_OPENING = re.compile(r"\W*(?:Over\s+)?[Aa]t\s+(?P<who>" + _ORG + r"),")


def introduced(sentence: str) -> str:
    """Whose words a sentence ending in a colon introduces ("Sanders made the following comment:", "this statement by
    Trump on June 11:", "Over at Big Government, a post ... provides the following commentary:"); "" when none."""
    match = INTRODUCED.search(sentence)
    if not match:
        return ""
    if match.group("by"):
        return match.group("by")
    who = INTRODUCER.search(sentence, 0, match.end()) or AT_OPENING.match(sentence)
    return who.group("who") if who else ""


def sentence_release(sentence: str, text: str, offset: int) -> dict | None:
    """The claimant (as an attribution-like dict) of a sentence without a cue that names its release, or
    None. `offset` is the sentence's start in the article `text`."""
    words = introduced(sentence)
    if words:  # a person's words, which go on only into the quotation that follows
        return {"source_text": words, "source_start": offset, "actor": words, "actor_group": words,
                "actor_kind": "person", "relay_text": "", "after": 0}
    opening = DOCUMENT_SUBJECT.match(sentence) or IN_DOCUMENT.match(sentence)
    named = AUTHOR_BEFORE.search(sentence, 0, opening.end()) if opening else None  # "The Washington Post/ABC News poll"
    own = AUTHOR_AFTER.match(sentence, opening.start("noun")) if opening else None
    who = named.group("org") if named else own.group("org") if own and own.start("org") < 80 else \
        document_author(text, offset, opening.group("noun")) if opening else ""
    provided = PROVIDED.search(sentence)
    who = who or (provided.group("who") or provided.group("releaser") or provided.group("by") if provided else "")
    caption = CAPTION.match(text, offset + len(sentence)) if not who else None
    who = who or (caption.group("who") if caption else "")
    per = PER.search(sentence) if not who else None
    who = who or (per.group("per") or per.group("own") if per else "")
    in_poll = IN_POLL.search(sentence) if not who else None  # its noun may be capitalised: "an ABC News/Washington Post Poll"
    in_poll = in_poll if in_poll and re.search(r"\s(?i:poll|survey)$", in_poll.group("name")) else None
    who = who or (own_author(in_poll.group("name")[:-4] + in_poll.group("name")[-4:].lower()) if in_poll else "")
    decision = DECISION.match(sentence) if not who else None
    decision = decision if decision and not LEGISLATURE.search(decision.group("who")) else None
    who = who or (decision.group("who") if decision else "")
    proposal = (PROPOSAL.match(sentence) or RAISED_TO.match(sentence)) if not who else None
    wants = WANTS.match(sentence) if not who and not proposal and not _in_quotation(text, offset) else None
    proposal = proposal or wants
    comment = COMMENT.search(sentence, proposal.end()) if proposal and not wants else None
    decision, who = (proposal, proposal.group("who")) if proposal else (decision, who)
    return {"source_text": who, "source_start": offset, "actor": who, "actor_group": who,
            "actor_kind": "person" if wants or per or in_poll else "organisation",  # goes on into no later sentence
            "relay_text": "", "after": decision.end() if decision and who == decision.group("who") else 0,
            **({"until": comment.start()} if comment else {}),
            "authored": bool(named or own and own.start("org") < 80 or provided)} if who else None


# Cues of a release of data or of a finding, not of an opinion ("the Labor Department reported", not "officials say").
RELEASING = re.compile(r"\b(?:report|releas|show|publish|announc)\w*", re.IGNORECASE)
# What an organisation or a document found, or a document cited as the source ("..., according to a new Washington
# Post-ABC News national poll."), opens a run of the figures that follow: "In 2013, research conducted by the Center
# for Media and Public Affairs found PolitiFact ..." (not "members of our society have found ways").
FINDING = re.compile(r"\b(?:found|finds?)\b", re.IGNORECASE)


def releases(speaker: dict, cues: CueTable, sentence: tuple[int, int]) -> bool:
    """True when the cue of an attribution row releases data, or an organisation's or a document's finding
    ("reported", "the Center ... found", "according to a new ... poll", not a report that relays a person's words:
    "Mr. Kirby said, according to an Associated Press report"), so that later figures without a cue of their own go
    on with it."""
    relayed = any(cues.rows[i]["actor_kind"] == "person" for i in cues.in_sentence(sentence))
    return bool(RELEASING.search(speaker["cue_text"])
                or RELAY.fullmatch(speaker["cue_text"]) and DOCUMENT.search(speaker["source_text"]) and not relayed
                or FINDING.search(speaker["cue_text"]) and (speaker.get("actor_kind") in ("organisation", "media")
                                                            or DOCUMENT.search(speaker["source_text"])))


def polled(release: dict | None) -> bool:
    """True when a release is a poll ("according to a new Washington Post-ABC News national poll"), whose findings
    go on in the present ("46 percent would choose Clinton"), not only in a narrative past."""
    if not release:
        return False
    document = DOCUMENT.search(release["source_text"])
    return bool(release.get("poll")) or bool(document) and _KIND_OF.get(document.group().split()[-1].lower()) == "poll"


def sentence_speaker(cues: CueTable, sentence: tuple[int, int]) -> dict | None:
    """The last attribution whose cue is in the sentence and whose source is not a relative pronoun, or None."""
    inside = cues.in_sentence(sentence)
    inside = inside[~cues.relative[inside]]
    return dict(cues.rows[inside[-1]]) if len(inside) else None
