"""Actors: who a source (or claimant) stands for, and the group it belongs to.

`actor_group` normalises one description ("South Korea's spy chief", "Mr.
Austin", "Pentagon officials") to an actor, its kind, its country and its group;
`group_actors` adds those columns to a table of descriptions (attributions,
claims), resolving pronouns, surnames and role descriptions within each article
and giving one person one group across articles.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from research.claims.cues import _sentence_of
from research.claims.phrases import (
    DETERMINERS,
    INTRODUCTORY,
    NOT_NAMES,
    ROLE_WORDS,
    _is_role,
    _noun_phrase_before,
    _subject_word,
)
from research.claims.verbs import VERB_FORMS
from research.corpus.blocks import blank_hover_cards
from research.text.quotes import quotations
from research.text.sentences import sentence_spans

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
# Capitalised words of a title that are not roles themselves ("Defense Secretary", "Secretary of State").
TITLE_PARTS = frozenset("Defense Defence State Foreign Interior Justice Treasury Health Home Finance "
                        "Energy Commerce Labor Education Homeland Security National Deputy Vice".split())
HONORIFICS = ("mr.", "mrs.", "ms.", "dr.", "prof.", "the", "a", "an")
# Sources that refer back to an actor, with the kind of actor they take: "person" (a person
# mentioned before, see `_antecedent`), "relative" (the noun phrase before "who"), "group" (the
# last actor that is not a person), "agency", "government" or "any" (the last actor of that kind).
PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "his office": "person",
            "her office": "person", "i": "person", "who": "relative", "they": "group", "it": "group",
            "its": "group", "his agency": "agency", "the agency": "agency", "the ministry": "government",
            "we": "any", "the outlet": "group", "the network": "group", "the newspaper": "group",
            "the paper": "group"}
# Roles that are not public offices: "the official" never refers to a professor or an analyst.
NOT_OFFICES = frozenset("analyst lecturer expert adviser advisor researcher founder ceo editor correspondent "
                        "professor prof. dr. mr. mrs. ms. counterpart".split())
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


# Members of a party and chambers of a legislature, which are not people's names: "House Republicans".
PARTY_OR_CHAMBER = re.compile(r"\b(?:Republicans|Democrats|GOP|House|Senate|Congress|Parliament)\b")


def _is_place_or_body(words: str) -> bool:
    """True when capitalised `words` name a country, agency or organisation, or hold a common word."""
    return bool(_find_country(words) or _find_agency(words, "") or ORGANISATION_WORDS.search(words)
                or NOT_NAMES.search(words) or PARTY_OR_CHAMBER.search(words)
                or any(w.lower() in ENGLISH_STOP_WORDS or w.lower() in VERB_FORMS for w in words.split()))


# Where the title phrase before a name starts: punctuation (not the stop of "U.S." or "Lt.") or a
# clause word.
TITLE_BOUNDARY = re.compile(r"(?:[,;:—–(“”\"]|(?<![A-Z])(?<!Lt|Dr|Mr|Ms|St|Jr|Sr)"
                            r"(?<!Gen|Col|Maj|Adm|Sgt|Mrs|Sen|Rep|Gov)\.)\s|\n|"
                            r"\b(?:that|while|and|but|said|told|says)\s")
# An appositive that describes a person: ", the head of ...", ", deputy department director of ...".
APPOSITIVE = re.compile(r",\s+((?:a|an|the)\s[^,.;“”\"]+|(?:[a-z-]+\s+){0,3}(?:"
                        + "|".join(w for w in ROLE_WORDS if "." not in w) + r")\b[^,.;“”\"]*)")
# After a name, an age between commas: "Frederick Brown, 24, said ..." introduces a person.
AGE_APPOSITIVE = re.compile(r",\s+\d{1,3},")


def _person_names(text: str) -> list[tuple[int, str, str]]:
    """People introduced in `text`: (position, full name, description).

    A name is two to four capitalised words (no country, agency or organisation
    word among them) that follow a role word, either at the end of a capitalised
    run ("National Intelligence Service Director Cho Tae-yong") or in lower case
    before it ("lawmaker Park Sunwon", "Directorate head, Kyrylo Budanov"), or
    that are followed by an appositive (", the head of ...", ", a professor ...",
    ", deputy department director of ...") or an age (", 24,").
    The description is the title phrase before the name (back to a comma or
    clause start, at most eight words) when there is a role word in or just
    before it, plus the appositive.
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
        segments = TITLE_BOUNDARY.split(text[max(0, name_start - 160):name_start])
        segment = segments[-1] if segments[-1].strip() or len(segments) < 2 else segments[-2]
        words = segment.split()
        while words and not _subject_word(words[-1]):
            words.pop()  # "NATO chief Mark Frost met Prime Minister": the title is "Prime Minister"
        title = next((i for i in range(len(words), 0, -1) if not _subject_word(words[i - 1])), 0)
        segment = " ".join(words[title:])
        appositive = APPOSITIVE.match(text, match.end())
        before = text[max(0, name_start - 40):name_start].rstrip(" ,").split()
        titled = bool(roles) or any(_is_role(w) for w in before[-3:])
        if not (titled or appositive or AGE_APPOSITIVE.match(text, match.end())):
            continue
        description = " ".join(segment.split()[-8:]) if titled else ""
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


# A US lawmaker's party and state after the name: "(D-Ill.)", "(R-Texas)", "(D-N.Y.)", "(Ill.)".
PARTY_STATE = re.compile(r"\s*\((?:(?:[DRI]-)?[A-Z][a-z]{0,4}\.(?: ?[A-Z][a-z]{0,4}\.)?|[DRI]-[A-Z][a-z]+)\)$")


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
    text = re.sub(r",\s*\d{1,3}$", "", " ".join(description.strip(" ,.;:“”\"'").split()))  # "Frederick Brown, 24"
    text = PARTY_STATE.sub("", text)  # "Sen. Dick Durbin (D-Ill.)"
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
    article text, for the order of mentions). Within an article:

    - people introduced anywhere earlier in the text resolve surnames ("Cho"
      -> "Cho Tae-yong", "Mr. Austin" -> "Lloyd Austin");
    - a role description without a name resolves to the person the article
      gives that title ("The U.S. defense secretary" -> "Defense Secretary Lloyd
      Austin", the nearest such person before it, else the first after it; "the
      official" -> the nearest office holder), whose group then takes the
      description's country;
    - "he", "she", "his office" resolve to a person mentioned before them (see
      `_antecedent`; people an honorific gives the other gender, "Mrs. Alder"
      for "he", are skipped; a speaker cited before counts as mentioned again
      wherever the last name recurs outside quotations, "Trump responded"), "who" to the noun phrase before it, "they" and
      "it" to the last actor that is not a person (nor a surname alone),
      "the agency" to the last agency, else to itself; "the outlet", "the network",
      "the newspaper", "the paper" as "they"; a newspaper's short name
      ("the Post") to the outlet named in full before it ("The Washington Post").

    Across articles, a person an article names with no country ("Defense
    Secretary Lloyd Austin") takes the group other articles give the same name
    ("United States: government"), so that one person is one group in every
    outlet. Rows with an empty description get empty actor columns.
    """
    texts = articles.set_index("article_id")["text"]
    result = table.copy()
    actors: list[Actor | None] = [None] * len(table)
    descriptions = [str(value or "").strip() for value in table[column]]
    order = table.reset_index(drop=True).sort_values(["article_id", position], kind="stable")
    for article_id, rows in order.groupby("article_id", sort=False):
        indices = rows.index.tolist()
        found = _article_actors(blank_hover_cards(texts[article_id]),  # no name read in another story's card
                                [(descriptions[i], int(rows.at[i, position])) for i in indices])
        for index, actor in zip(indices, found):
            actors[index] = actor
    actors = _same_person_same_group(actors, descriptions)
    for number, name in enumerate(ACTOR_COLUMNS):
        result[name] = pd.Series([actor[number] if actor else "" for actor in actors], index=result.index,
                                 dtype=str)  # str also when there are no rows
    return result


# A surname used alone as a source ("Warren said"), and a surname after an honorific ("Mrs. Clinton").
SURNAME = re.compile(r"(?:Mc|Mac|De|Di|Le|La|Van)?[A-Z][a-z]*(?:['’-][A-Z][a-z]+)?(?<=[a-z])")
HONORIFIC = re.compile(r"\b(?P<title>Mr|Mrs|Ms|Miss)\.?\s+(?P<name>" + SURNAME.pattern + r")")


class Mention(NamedTuple):
    """A person named at `start` of an article; `subject` when the name opens its sentence or
    is a source (the preferred antecedent of a pronoun that opens a sentence)."""

    start: int
    actor: Actor
    subject: bool


def _article_actors(text: str, rows: list[tuple[str, int]]) -> list[Actor | None]:
    """Actors of one article's (description, position) rows, given in order of position."""
    people = _person_names(text)
    holders = []
    for description, where in rows:
        holder = _role_holder(description, where, people)
        holders.append(holder)
        if holder:  # the person's group takes the country of "the U.S. defense secretary"
            people = [(at, name, f"{known}; {description}" if name == holder[1] else known)
                      for at, name, known in people]
    sentences = [(start + offset, end + offset) for offset, line in _lines(text)
                 for start, end in sentence_spans(line)]
    mentions = _person_mentions(text, people, sentences)
    genders = {actor.actor: female for actor, female in _honorifics(text, people)}
    quoted = [(offset + start, offset + end) for offset, line in _lines(text) for start, end in quotations(line)]
    actors: list[Actor | None] = []

    def resolved_before(where: int) -> list[tuple[int, Actor]]:  # read only for pronouns: rows x rows otherwise
        return [(at, actor) for (_, at), actor in zip(rows, actors) if actor and at < where]

    for (description, where), holder in zip(rows, holders):
        wanted = PRONOUNS.get(description.lower())
        known = [p for p in people if p[0] < where + len(description)] or people
        if not description:
            actor = None
        elif wanted == "person":
            speakers = [Mention(at, actor, True) for at, actor in resolved_before(where) if actor.kind == "person"
                        or (actor.kind == "other" and SURNAME.fullmatch(actor.actor))]  # "Warren said"
            speakers += _named_again(text, where, speakers, sentences, quoted)
            female = description.lower() in ("she", "her", "her office")
            actor = _antecedent(text, where, sentences, [m for m in sorted(mentions + speakers)
                                                          if genders.get(m.actor.actor, female) == female])
        elif wanted == "relative":
            phrase = _noun_phrase_before(text, max(0, where - 150),
                                         max(0, where - 150) + len(text[max(0, where - 150):where].rstrip(" ,")))
            actor = actor_group(text[phrase[0]:phrase[1]], known) if phrase else None
        elif wanted:
            actor = next((a for _, a in reversed(resolved_before(where))
                          if wanted == "any" or a.kind == wanted or (wanted == "group" and a.kind != "person"
                                                                     and not SURNAME.fullmatch(a.actor))
                          or (wanted == "agency" and a.group.split(": ")[-1] in AGENCY_LABELS)),
                         None if wanted in ("group", "any") else actor_group(description, known))  # "the agency": itself
        elif holder:
            actor = actor_group(holder[1], [p for p in people if p[1] == holder[1]])
        else:
            actor = actor_group(description, known)
            if actor.kind == "media" and " " not in actor.actor:
                # "the Post" after "The Washington Post reported": the outlet named in full before
                actor = next((a for _, a in reversed(resolved_before(where)) if a.kind == "media"
                              and a.actor.split()[-1] == actor.actor), actor)
            if actor.kind == "unnamed officials" and not actor.country and description.lower().startswith("the "):
                # "the intelligence officials": the officials named before ("American intelligence officials")
                words = set(description.lower().split()[1:])
                actor = next((a for _, a in reversed(resolved_before(where)) if a.kind == "unnamed officials"
                              and words <= set(a.actor.lower().split())), actor)
        actors.append(actor)
    return actors


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for each line of `text`."""
    return [(match.start(), match.group()) for match in re.finditer(r"[^\n]+", text)]


def _role_words(description: str) -> list[str] | None:
    """The title words of a role description without a name ("The U.S. defense secretary" ->
    ["defense", "secretary"]); None when `description` names someone or holds no role word."""
    text = re.sub(r"(?<![\w.])(?:" + "|".join(COUNTRIES.values()) + r"|"
                  + "|".join(pattern for _, pattern, _, _ in AGENCIES) + r")(?:['’]s)?(?![\w])", " ",
                  re.sub(r"^(?:the|a|an)\s+", "", description, flags=re.IGNORECASE))
    words = [w for w in text.replace("’s", "").replace("'s", "").split() if w.lower() not in DETERMINERS]
    if not words or not any(_is_role(w) for w in words) or len(words) > 4:
        return None
    if any(w[:1].isupper() and w not in TITLE_PARTS and not _is_role(w) for w in words):
        return None  # a capitalised word that is not a title: a name
    return [w.lower() for w in words]


def _role_holder(description: str, where: int, people: list[tuple[int, str, str]]) -> tuple | None:
    """The person the article gives the title of `description` (see `group_actors`)."""
    words = _role_words(description)
    if words is None:
        return None
    country = _find_country(description)

    def holds(person: tuple[int, str, str]) -> bool:
        title = {w.lower().removesuffix("’s").removesuffix("'s") for w in re.split(r"[\s-]+", person[2])}
        other = _find_country(person[2])
        offices = any(_is_role(w) and w not in NOT_OFFICES for w in title)
        return (not (country and other and other != country)
                and all(w in title or (w == "official" and offices) for w in words))

    matches = [p for p in people if holds(p)]
    before = [p for p in matches if p[0] < where]
    return before[-1] if before else (matches[0] if matches else None)


def _opens_sentence(text: str, sentence_start: int, position: int) -> bool:
    """True when the words from the sentence start (after an introductory phrase) to `position`
    can only be a title ("Kremlin spokesman", "Lt. Gen."), so that what is at `position` is the
    sentence's subject, or when `position` follows a quotation closed by a comma (`“...,” he said`)."""
    head = text[INTRODUCTORY.match(text, sentence_start, position).end():position]
    if re.search(r"[,?!]\s*[”\"]\s*$", head):
        return True
    words = head.split()
    return len(words) <= 8 and all(_subject_word(w.strip("“\"")) for w in words if w.strip("“\""))


def _person_mentions(text: str, people: list[tuple[int, str, str]],
                     sentences: list[tuple[int, int]]) -> list[Mention]:
    """Where people are named outside quotations: the introduced people by full name, first or
    last name (a word several people share, "Kim", is the one introduced last before it), and
    others by an honorific ("Mr. Obama")."""
    quoted = [(offset + start, offset + end) for offset, line in _lines(text)
              for start, end in quotations(line)]
    surnames = {word for p in people for word in p[1].split()}
    mentions = [Mention(match.start(), actor_group(match.group(), people),
                        _opens_sentence(text, _sentence_of(sentences, match.start())[0], match.start()))
                for match in HONORIFIC.finditer(text) if match.group("name") not in surnames
                and not any(s <= match.start() < e for s, e in quoted)]  # "Mr. Obama", never introduced
    names = sorted({p[1] for p in people})
    words = {}
    for name in names:
        parts = name.split()
        for word in {name, parts[0], parts[-1]}:
            if len(word) >= 3:
                words.setdefault(word, []).append(name)
    if not words:
        return mentions
    pattern = r"(?<![\w’'-])(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w’'-])"
    for match in re.finditer(pattern, text):
        if any(s <= match.start() < e for s, e in quoted):
            continue
        introduced = [p for p in people if p[1] in words[match.group()] and p[0] <= match.start()]
        person = introduced[-1] if introduced else next(p for p in people if p[1] in words[match.group()])
        sentence = _sentence_of(sentences, match.start())
        mentions.append(Mention(match.start(), actor_group(person[1], [p for p in people if p[1] == person[1]]),
                                _opens_sentence(text, sentence[0], match.start())))
    return sorted(mentions)


def _named_again(text: str, where: int, speakers: list[Mention], sentences: list[tuple[int, int]],
                 quoted: list[tuple[int, int]]) -> list[Mention]:
    """Where the speakers cited before `where` are named again by their last name before it, outside the `quoted`
    ranges ("Trump responded by using the example of Chicago" after a claim of "Donald Trump": a "He said:" next
    is his)."""
    found = []
    for actor in {mention.actor for mention in speakers}:
        last = actor.actor.split()[-1]
        if not SURNAME.fullmatch(last):
            continue
        for match in re.finditer(r"(?<![\w’'-])" + re.escape(last) + r"(?![\w’'-])", text[:where]):
            if not any(start <= match.start() < end for start, end in quoted):
                sentence = _sentence_of(sentences, match.start())
                found.append(Mention(match.start(), actor, _opens_sentence(text, sentence[0], match.start())))
    return found


def _honorifics(text: str, people: list[tuple[int, str, str]]) -> list[tuple[Actor, bool]]:
    """The people named with "Mr.", "Mrs.", "Ms." or "Miss" in `text`, as (actor, female)."""
    return [(actor_group(match.group(), people), match.group("title") != "Mr")
            for match in HONORIFIC.finditer(text)]


def _antecedent(text: str, position: int, sentences: list[tuple[int, int]],
                mentions: list[Mention]) -> Actor | None:
    """The person a "he", "she" or "his office" at `position` refers to.

    Within a sentence, a pronoun after the subject refers to the subject when it
    is a person ("Rutte said he asked ..."), else to the person named last
    before it ("KCNA reported on comments from Kim Yo-jong, attacking what he
    called ..."). A pronoun that opens its sentence or speaks a quotation
    (`He added`, `“...,” he said`) refers to the last person who was the subject
    of a sentence or a source, else to the person named last (subjects are the
    preferred antecedents: Grosz, Joshi and Weinstein 1995).
    """
    sentence = _sentence_of(sentences, position)
    before = [m for m in mentions if m.start < position]
    if not before:
        return None
    if not _opens_sentence(text, sentence[0], position):
        subjects = [m for m in before if m.start >= sentence[0] and m.subject]
        return subjects[0].actor if subjects else before[-1].actor
    subjects = [m for m in before if m.subject]
    return (subjects or before)[-1].actor


def _same_person_same_group(actors: list[Actor | None], descriptions: list[str]) -> list[Actor | None]:
    """Give a person named with no country the group other rows give the same name (the most
    common one), unless the description says "former"."""
    groups = Counter((a.actor, a.country, a.group) for a in actors
                     if a and a.kind == "person" and a.country and a.group != a.actor)
    best = {}
    for (name, country, group), _ in sorted(groups.items(), key=lambda item: (-item[1], item[0])):
        best.setdefault(name, (country, group))
    return [a._replace(country=best[a.actor][0], group=best[a.actor][1])
            if a and a.kind == "person" and not a.country and a.group == a.actor and a.actor in best
            and not re.search(r"\b(?:former|retired|ex-)", description, re.IGNORECASE) else a
            for a, description in zip(actors, descriptions)]
