"""Headlines: each headline's main actor, verb and certainty."""

from __future__ import annotations

import re

import pandas as pd

from research.claims.actors import group_actors
from research.claims.cues import VERB_FORMS, WEAK_VERBS, attributions
from research.framing.lexicons import LEXICON, REPORTING_VERB_KINDS
from research.framing.markers import cue_verb, markers_in

HEADLINE_COLUMNS = ["article_id", "outlet", "headline", "actor", "actor_group", "verb", "verb_kind", "hedges",
                    "boosters", "evaluative", "certainty"]

# A trailing site or section label: "Headline – Quick Look", "Headline | Site Name".
SITE_LABEL = re.compile(r"\s+[|–—-]\s+((?:[A-Z0-9][\w.&’']*\s*){1,4})$")
AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|might|should|must)"
                       r"(?:\s+(?:not|been|be|yet|already|now))*(?:\s+\w+)?", re.IGNORECASE)
HEADLINE_PASSIVE = re.compile(r"(?<=ed)\s+(?:by|for|over|as|in|at)\b", re.IGNORECASE)
HEADLINE_CLAUSE = re.compile(r"\s+[|–—-]\s+|:\s+")
HEADLINE_STOP = re.compile(r"\s+(?:in|on|at|to|for|from|with|after|over|as|amid|of)\b|[,:;–—]", re.IGNORECASE)


def _without_site_label(headline: str) -> str:
    """The headline, whitespace collapsed, without a trailing label of up to four capitalised
    words after a dash or bar; a label with a verb ("- US Officials Say") is part of the headline."""
    headline = " ".join(headline.split())
    label = SITE_LABEL.search(headline)
    if label and not any(word.lower() in VERB_FORMS for word in label.group(1).split()):
        return headline[:label.start()]
    return headline


def _sentence_case_cues(headline: str) -> str:
    """Reporting verbs capitalised by title case in lower case ("Says" -> "says"); same length.

    Verbs that are as often nouns ("Comments", "Report": `research.attribution.WEAK_VERBS`)
    and headline passives ("Criticized for", "Confirmed by") keep their capital, so they are
    not read as cues.
    """
    def lower(match: re.Match) -> str:
        word = match.group()
        verb = VERB_FORMS.get(word.lower())
        if match.start() == 0 or verb is None or verb in WEAK_VERBS or HEADLINE_PASSIVE.match(headline, match.end()):
            return word
        return word.lower()
    return re.sub(r"\b[A-Z][a-z]+\b", lower, headline)


def _certainty(hedges: int, boosters: int, verb_kind: str) -> str:
    boosted = boosters > 0 or verb_kind == "factive"
    if hedges and boosted:
        return "mixed"
    if hedges:
        return "hedged"
    if boosted:
        return "boosted"
    return "attributed" if verb_kind else "asserted"


def headline_framing(articles: pd.DataFrame, lexicon: dict[str, list[str]] | None = None,
                     kinds: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """Each article's headline with its main actor, verb and certainty.

    The headline is read without a trailing site or section label ("... –
    Quick Look", "... | Site"). With a reporting cue (`research.attributions`
    on the headline; title-case verbs such as "Says" are read as "says") the
    actor is the cue's source and the verb the cue; otherwise the actor is the
    opening noun phrase (up to the first verb, preposition or punctuation) and
    the verb the first auxiliary or modal with the word after it ("have been
    sent"), empty in a verbless headline. `actor_group` comes from
    `research.group_actors` with the article's text for context. Certainty, in
    order: "no headline"; "hedged" (a hedge and no booster), "mixed" (both),
    "boosted" (a booster or a factive reporting verb such as "confirms"),
    "attributed" (a reporting verb, neither hedge nor booster), "asserted" (the
    outlet states it in its own voice). `hedges`, `boosters` and `evaluative`
    count the headline's terms of those categories of `lexicon` (default
    `research.lexicons.LEXICON`); verb kinds come from `kinds` as in
    `reporting_verbs`. Returns `HEADLINE_COLUMNS`, one row per article, sorted
    by outlet and article.
    """
    lexicon = LEXICON if lexicon is None else lexicon
    kind_of = {verb: kind for kind, verbs in (REPORTING_VERB_KINDS if kinds is None else kinds).items()
               for verb in verbs}
    rows = []
    for article in articles.sort_values(["outlet", "article_id"]).itertuples(index=False):
        headline = _without_site_label(str(article.headline or ""))
        if not headline:
            rows.append((article.article_id, article.outlet, "", "", "", "", "", 0, 0, 0, "no headline"))
            continue
        text = _sentence_case_cues(headline)
        one = pd.DataFrame({"article_id": [article.article_id], "text": [text]})
        block = one.assign(block_id=0, start=0, end=len(text), role="body", reason="headline")
        cues = attributions(block, one)
        cues = cues[cues["source_text"] != ""]
        if len(cues):
            cue = cues.iloc[0]
            actor, verb = HEADLINE_CLAUSE.split(cue["source_text"])[-1], cue["cue_text"]
            verb_kind = kind_of.get(cue_verb(verb), "other")
        else:
            verb_match = AUXILIARY.search(text)
            stop = HEADLINE_STOP.search(text)
            end = min(m.start() for m in (verb_match, stop) if m) if (verb_match or stop) else len(text)
            actor, verb, verb_kind = text[:end].strip(), verb_match.group() if verb_match else "", ""
        context = pd.DataFrame({"article_id": [article.article_id],
                                "text": [f"{article.text}\n\n{text}"]})
        grouped = group_actors(pd.DataFrame({"article_id": [article.article_id], "source_text": [actor],
                                             "source_start": [len(article.text) + 2]}), context)
        found = [category for _, _, category, _ in markers_in(headline, lexicon)]
        counts = [found.count(c) for c in ("hedge", "booster", "evaluative")]
        rows.append((article.article_id, article.outlet, headline, actor, grouped["actor_group"].iloc[0], verb,
                     verb_kind, *counts, _certainty(counts[0], counts[1], verb_kind)))
    return pd.DataFrame(rows, columns=HEADLINE_COLUMNS)
