"""Constructed corpora for the report tests: events that are not the seeds' story.

Two events of three outlets each (a bridge closure in the invented town of Calder, where one
outlet reprints two paragraphs of a wire story; a library levy vote in Pinewood, told
independently), and thin ones: an event where only one article has body text, an event of
two identical articles, an event without figures, hedges or quotations, an outlet with two
articles. `write_corpus` writes any of them as JSON Lines, the form `research report` reads.
"""

from __future__ import annotations

import json
from pathlib import Path

WIRE_CLOSURE = (
    "The Harbor Bridge in Calder will close to all traffic on Monday after inspectors found at least "
    "12 cracks in its main steel girders, the city's transport director Mara Olsen said on Friday.")
WIRE_TRAFFIC = (
    "About 40,000 vehicles cross the bridge each day, and the detour through the Old Mill district "
    "could add 25 minutes to a commute, according to a report by the city engineer.")

BRIDGE = [
    {"id": "calder-wire", "outlet": "Coast Wire", "title": "Calder closes Harbor Bridge after inspectors find cracks",
     "published": "2023-03-10T14:00:00+00:00", "text": f'{WIRE_CLOSURE}\n\n{WIRE_TRAFFIC}\n\n"We cannot take any chances with a structure that carries this many people," Olsen told reporters at City Hall. She said the repairs may cost $85 million and take two years.\n\nThe state transport department said it would send its own engineers to examine the girders next week. Residents of the Old Mill district said the detour would bring heavy trucks past two schools.\n\nMayor Tom Reyes called the closure "painful but necessary" and said the city would ask the state for emergency funds.'},
    {"id": "calder-post", "outlet": "Valley Post", "title": "Harbor Bridge shut: what drivers need to know",
     "published": "2023-03-10T18:30:00+00:00", "text": f"{WIRE_CLOSURE}\n\n{WIRE_TRAFFIC}\n\nCommuters who use the bridge should plan for longer trips from Monday, when police will close the ramps on both banks of the river.\n\nBus routes 4 and 11 will run through the Old Mill district instead, the transit authority said. Ferry service will add two morning sailings, a spokesman for the ferry company said."},
    {"id": "calder-ledger", "outlet": "Northern Ledger", "title": "Years of warnings before Calder bridge closure",
     "published": "2023-03-11T07:15:00+00:00", "text": "Calder's decision to shut the Harbor Bridge follows years of warnings that the city ignored, according to inspection reports reviewed by the Northern Ledger.\n\nInspectors first flagged corrosion in the steel girders in 2017, and a 2020 report recommended repairs costing $30 million that were never scheduled, the documents show.\n\n\"This was reckless,\" said council member Ana Ruiz, who sits on the transport committee. \"The city knew the bridge was failing and chose to wait.\"\n\nTransport director Mara Olsen said on Friday that the bridge will close on Monday and that repairs may cost $85 million. Olsen said the city had acted as soon as the new cracks were found."},
]

LEVY = [
    {"id": "levy-ledger", "outlet": "Northern Ledger", "title": "Pinewood voters approve library levy",
     "published": "2023-05-03T06:00:00+00:00", "text": 'Voters in Pinewood approved a property tax levy for the public library on Tuesday, with 62 percent in favour, according to unofficial results from the county elections office.\n\nThe levy will raise about $1.2 million a year for ten years and will reopen the library on Sundays, library director Jean Park said.\n\n"People came out for their library," Park said at an election night gathering. Turnout was 31 percent, the elections office said.'},
    {"id": "levy-post", "outlet": "Valley Post", "title": "Library levy passes easily in Pinewood",
     "published": "2023-05-03T09:45:00+00:00", "text": "A library levy in Pinewood passed by a wide margin on Tuesday night, giving the town's only library money to hire staff and extend its hours.\n\nOpponents had argued that the tax would burden older homeowners on fixed incomes. The Pinewood Taxpayers Association said it would not challenge the result.\n\nSupporters knocked on more than 3,400 doors in the last month of the campaign, organiser Luis Ortega said."},
    {"id": "levy-metro", "outlet": "Metro Daily", "title": "Pinewood says yes to library tax",
     "published": "2023-05-03T11:20:00+00:00", "text": "Pinewood residents backed a new library tax on Tuesday, the second levy approved in the county this year.\n\nThe measure is expected to cost the owner of a typical home about $90 a year. County officials will certify the results within two weeks.\n\nLibrary director Jean Park said the first new hires could start in September."},
]

# Only one article of the event has body text: the other is a page of links and share buttons.
THIN = [
    {"id": "ferry-post", "outlet": "Valley Post", "title": "Ferry fares rise in Calder",
     "published": "2023-06-01T10:00:00+00:00", "text": "Ferry fares between Calder and Port Ellis will rise by 10 percent from July, the ferry company said on Thursday, citing higher fuel costs.\n\nA monthly pass will cost $120, up from $109. The company said it would keep discounts for students and older riders."},
    {"id": "ferry-radio", "outlet": "Harbor Radio", "form": "page", "text": "Home\nNews\nSport\nWeather\nShare on Facebook\nShare on Twitter\nSign up for our newsletter\nRelated: Ferry fares rise in Calder\nRelated: Harbor Bridge to close Monday\nCopyright 2023 Harbor Radio. All rights reserved."},
]

# The same text under two outlets (a syndicated story printed unchanged).
SAME_TEXT = (
    "The Calder city council voted on Wednesday to rename Front Street after the town's first mayor, "
    "Helen Ward, following a petition signed by residents.\n\nNew street signs will go up in the autumn, "
    "the council said.")
IDENTICAL = [
    {"id": "street-post", "outlet": "Valley Post", "title": "Front Street to be renamed",
     "published": "2023-07-05T12:00:00+00:00", "text": SAME_TEXT},
    {"id": "street-metro", "outlet": "Metro Daily", "title": "Front Street renamed for first mayor",
     "published": "2023-07-05T15:00:00+00:00", "text": SAME_TEXT},
]

# No figures, no quotations, no lexicon words, no reporting verbs.
PLAIN = [
    {"id": "park-post", "outlet": "Valley Post", "title": "New park opens by the river",
     "published": "", "text": "A new park opened beside the river in Calder on Saturday. Families walked the "
     "paths and children played on the new swings near the water."},
    {"id": "park-ledger", "outlet": "Northern Ledger", "title": "Riverside park welcomes visitors",
     "published": "", "text": "Crowds filled the new riverside park in Calder at the weekend. The park has "
     "gardens, a playground and a path along the water."},
]

# One outlet with two articles on the event, another with one.
TWO_OF_ONE = [
    {"id": "storm-post-1", "outlet": "Valley Post", "title": "Storm cuts power in Calder",
     "published": "2023-09-12T06:00:00+00:00", "text": "A storm cut power to about 8,000 homes in Calder "
     "overnight, the power company said on Tuesday. Crews expect to restore most connections by evening."},
    {"id": "storm-post-2", "outlet": "Valley Post", "title": "Power back for most Calder homes",
     "published": "2023-09-12T20:00:00+00:00", "text": "Power was back for most of the 8,000 Calder homes that "
     "lost it in the storm, the power company said on Tuesday evening. About 300 homes remain without power."},
    {"id": "storm-ledger", "outlet": "Northern Ledger", "title": "Storm leaves thousands in the dark",
     "published": "2023-09-12T09:00:00+00:00", "text": "Thousands of homes in Calder lost power when a storm "
     "brought down lines overnight. The power company said about 8,000 customers were affected and that "
     "crews were working through the morning."},
]

# Words of the seeds' story: none may appear in a report on these corpora.
SEED_WORDS = ["North Korea", "Pyongyang", "Austin", "Kirby", "Kursk", "Newslooks", "Zelensky", "NIS",
              "23 October 2024", "Washington Times", "CNBC", "Budanov", "Seoul", "troops in Russia"]


def write_corpus(path: Path, *events: list[dict]) -> Path:
    """The articles of `events` as one JSON Lines file at `path` (created with its folder)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            for article in event:
                out.write(json.dumps(article, ensure_ascii=False) + "\n")
    return path


def by_event(articles):
    """The events these corpora were written as, for `build_report(cluster=...)`: the article id's
    first part names the event."""
    import pandas as pd

    event = articles["article_id"].str.split("-").str[0]
    return pd.DataFrame({"article_id": articles["article_id"], "event_id": event, "event_label": event})
