"""Events: average linkage on the sparse article graph, the seeds as one event, constructed corpora, BASIL."""

import heapq
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import adjusted_rand_score

import research
from research.corpus import datasets
from research.errors import AnalysisError, CorpusWarning
from research.reuse.linkage import average_link
from research.reuse.similarity import TextVectorizer, longest_gaps, read_word_counts, similar_pairs
from research.story.elements import ELEMENT_SCORER, ELEMENT_THRESHOLD
from research.story.events import (
    DATE_HOURS,
    EVENT_COLUMNS,
    EVENT_THRESHOLD,
    FLOOR_SHARE,
    NEAR_BOOST,
    NEAR_HOURS,
    TOP_TERMS,
    WINDOW_HOURS,
    _top_terms,
    article_pairs,
    body_texts,
    event_texts,
    near_weighted,
    publication_intervals,
)
from research.text.tokens import WORD, first_words, normalised_words

# Two stories told by two outlets each, in different words.
WILDFIRE = {
    "w1": ("Sonoma Times", "Wildfire forces thousands to flee near Santa Rosa", "2024-09-02", [
        ("A fast-moving wildfire tore through dry hills north of Santa Rosa on Monday, forcing about 12,000 residents "
        "to leave their homes as strong winds pushed the flames toward the city."),
        "Fire officials said the blaze had burned more than 8,000 acres by evening and was only 5 percent contained.",
        ("Governor Gavin Newsom declared a state of emergency for Sonoma County and asked for federal help to fight "
        "the fire."),
        ("At least 40 homes were destroyed, the county sheriff said, and two firefighters were treated for minor "
        "injuries."),
        "Utility crews cut power to 30,000 customers to reduce the risk of new fires from damaged lines."]),
    "w2": ("Valley Wire", "Santa Rosa evacuations grow as wind-driven fire spreads", "2024-09-02T18:00:00+00:00", [
        ("Strong winds drove a wildfire across the hills outside Santa Rosa, California, on Monday, and authorities "
        "ordered roughly 12,000 people to evacuate."),
        "The fire has scorched over 8,000 acres and is 5% contained, according to Cal Fire.",
        "Newsom declared an emergency in Sonoma County, and the sheriff said at least 40 homes had burned.",
        "Pacific Gas and Electric shut off electricity to about 30,000 customers as a precaution.",
        "Residents described packing their cars in minutes as ash fell on their neighborhoods."]),
}
RATES = {
    "r1": ("Market Daily", "Central bank holds rates steady, signals cuts later this year", "2024-06-12", [
        ("The Federal Reserve left its benchmark interest rate unchanged on Wednesday, keeping it in a range of 5.25 "
        "to 5.5 percent for a sixth straight meeting."),
        ("Chair Jerome Powell told reporters the central bank still expects to cut rates later this year if inflation "
        "keeps cooling."),
        "Officials projected three quarter-point cuts by December, the same number they forecast in March.",
        "Stocks rose after the announcement, with the S&P 500 closing up 0.9 percent.",
        "Inflation has eased from its 2022 peak but remains above the Fed's 2 percent target."]),
    "r2": ("Capital Ledger", "Fed keeps rates on hold, still sees three cuts", "2024-06-11", [
        ("Federal Reserve policymakers held interest rates steady on Wednesday at 5.25% to 5.5%, the highest level in "
        "more than two decades."),
        ("Powell said the Fed remained on track to lower borrowing costs this year as long as inflation continues to "
        "slow toward its 2% goal."),
        "The central bank's projections still show three rate cuts before the end of the year.",
        "Wall Street welcomed the decision, and the S&P 500 gained nearly 1% by the close.",
        "Some economists warned that strong hiring could delay the first cut until the summer."]),
}


def corpus(stories: dict) -> pd.DataFrame:
    """An articles table: headline, blank line, then the paragraphs."""
    return pd.DataFrame([{"article_id": key, "outlet": outlet, "headline": headline, "published": published,
                          "text": headline + "\n\n" + "\n\n".join(paragraphs)}
                         for key, (outlet, headline, published, paragraphs) in stories.items()])


def grouping(events: pd.DataFrame) -> set[frozenset]:
    return {frozenset(group) for group in events.groupby("event_id")["article_id"].apply(tuple)}


def events_of(articles: pd.DataFrame, **options) -> pd.DataFrame:
    """`cluster_articles` on the articles' blocks; when some are undated (the seeds have one), its warning
    naming how many is checked."""
    undated = int(np.isnan(publication_intervals(articles["published"].to_numpy())[0]).sum()) \
        if "published" in articles else len(articles)
    blocks = research.split_blocks(articles)
    if not undated or options.get("window_hours", WINDOW_HOURS) is None:
        return research.cluster_articles(blocks, articles, **options)
    with pytest.warns(CorpusWarning, match=f"^cluster_articles: {undated} of {len(articles)} articles have no "
                                           "publication date"):
        return research.cluster_articles(blocks, articles, **options)


def top_terms_of(texts: pd.Series, labels: np.ndarray, count: int) -> list[str]:
    return _top_terms(*read_word_counts([texts.tolist()]), labels, count)


def test_average_link_does_not_chain_what_single_link_chains():
    # a path 0-1-2-3 of strong pairs: single link joins all four, average link stops at pairs
    rows, cols, scores = [0, 1, 2], [1, 2, 3], [0.9, 0.9, 0.9]
    assert list(average_link(4, rows, cols, scores, 0.5)) == [0, 0, 1, 1]
    graph = np.zeros((4, 4))
    graph[rows, cols] = 1
    assert connected_components(graph, directed=False)[0] == 1
    # a pair not listed counts as 0: {0, 1} and 2 average 0.9 / 2
    assert list(average_link(3, [0, 1], [1, 2], [0.9, 0.9], 0.45)) == [0, 0, 0]
    assert list(average_link(3, [0, 1], [1, 2], [0.9, 0.9], 0.46)) == [0, 0, 1]
    assert list(average_link(3, [], [], [], 0.1)) == [0, 1, 2]


def test_average_link_leaves_pairs_within_a_group_out_of_the_mean():
    # nodes 0 and 1 come from one article: their pair is not compared, so 2 joins both at 0.8
    assert list(average_link(3, [0, 1], [2, 2], [0.8, 0.8], 0.7, groups=["a", "a", "b"])) == [0, 0, 0]
    # without groups the missing pair 0-1 counts as 0: the mean of {0, 2} and 1 is 0.8 / 2
    assert list(average_link(3, [0, 1], [2, 2], [0.8, 0.8], 0.7)) == [0, 1, 0]
    # listed pairs within one group are ignored
    assert list(average_link(2, [0], [1], [1.0], 0.5, groups=["a", "a"])) == [0, 1]


def reference_average_link(n, rows, cols, scores, threshold, groups=None):
    """The first implementation of `average_link` (pure Python, dicts and a heap), kept as the reference
    the compiled one must equal exactly: same merges, same tie rule, same float sums."""
    groups = np.arange(n) if groups is None else np.asarray(groups)
    members = {i: [i] for i in range(n)}
    counts = {i: Counter([groups[i]]) for i in range(n)}
    first = {i: i for i in range(n)}
    links = {i: {} for i in range(n)}
    for i, j, s in zip(np.asarray(rows).tolist(), np.asarray(cols).tolist(), np.asarray(scores).tolist()):
        if i != j and groups[i] != groups[j]:
            links[i][j] = links[i].get(j, 0.0) + s
            links[j][i] = links[j].get(i, 0.0) + s

    def push(heap, a, b):
        small, large = sorted((counts[a], counts[b]), key=len)
        pairs = len(members[a]) * len(members[b]) - sum(k * large.get(g, 0) for g, k in small.items())
        if pairs and links[a][b] / pairs >= threshold:
            heapq.heappush(heap, (-links[a][b] / pairs, min(first[a], first[b]), max(first[a], first[b]), a, b))

    heap = []
    for a in range(n):
        for b in links[a]:
            if a < b:
                push(heap, a, b)
    next_id = n
    while heap:
        _, _, _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        merged, next_id = next_id, next_id + 1
        members[merged] = members.pop(a) + members.pop(b)
        counts[merged] = counts.pop(a) + counts.pop(b)
        first[merged] = min(first.pop(a), first.pop(b))
        joined = {}
        for old in (a, b):
            for other, total in links.pop(old).items():
                if other not in (a, b):
                    joined[other] = joined.get(other, 0.0) + total
                    del links[other][old]
        links[merged] = joined
        for other, total in sorted(joined.items()):
            links[other][merged] = total
            push(heap, merged, other)
    labels = np.empty(n, dtype=np.int64)
    for number, cluster in enumerate(sorted(members, key=first.get)):
        labels[members[cluster]] = number
    return labels


def reference_top_terms(texts, labels, count):
    """The first implementation of the top terms (one Counter per text and per cluster), the reference."""
    words = [Counter(w for w in normalised_words(text).split() if w.isalpha() and len(w) > 2
                     and w not in ENGLISH_STOP_WORDS) for text in texts]
    document_frequency = Counter(w for counted in words for w in counted)
    clusters = {}
    for label, counted in zip(labels.tolist(), words):
        clusters.setdefault(label, []).append(counted)
    terms = []
    for label in range(len(clusters)):
        used, total = Counter(), Counter()
        for counted in clusters[label]:
            used.update(counted.keys())
            total.update(counted)
        size = len(clusters[label])
        score = {w: used[w] / size * (1 + np.log((1 + len(texts)) / (1 + document_frequency[w]))) for w in used}
        terms.append(", ".join(sorted(score, key=lambda w: (-round(score[w], 12), -total[w], w))[:count]))
    return terms


def random_graph(rng, n, pairs, tied):
    """A random sparse graph on n nodes: some pairs listed twice or in both directions, self pairs,
    scores from a few values (ties) or continuous, and nodes without any pair (disconnected parts)."""
    rows, cols = rng.integers(0, n, pairs), rng.integers(0, n, pairs)
    scores = rng.choice([0.1, 0.2, 0.25, 0.3, 0.5, 1.0], pairs) if tied else rng.random(pairs)
    repeat = rng.random(pairs) < 0.1
    return (np.concatenate([rows, cols[repeat]]), np.concatenate([cols, rows[repeat]]),
            np.concatenate([scores, scores[repeat]]))


@pytest.mark.parametrize("tied", [True, False])
def test_average_link_equals_the_reference_on_random_sparse_graphs(tied):
    rng = np.random.default_rng(int(tied))
    for trial in range(300):
        n = int(rng.integers(1, 50))
        rows, cols, scores = random_graph(rng, n, int(rng.integers(0, 4 * n)), tied)
        groups = None if trial % 3 == 0 else rng.integers(0, max(1, n // int(rng.integers(1, 6))), n)
        threshold = float(rng.choice([0.05, 0.1, 0.2, 0.3, 0.5]))
        expected = reference_average_link(n, rows, cols, scores, threshold, groups)
        np.testing.assert_array_equal(average_link(n, rows, cols, scores, threshold, groups), expected)


@pytest.mark.parametrize("by_group", [True, False])
def test_average_link_equals_the_reference_on_a_larger_graph(by_group):
    # large enough for clusters of dozens of nodes and hubs whose neighbour lists are moved and repacked
    rng = np.random.default_rng(7)
    n = 3000
    rows, cols, scores = random_graph(rng, n, 30_000, tied=True)
    groups = rng.integers(0, 300, n).astype(str) if by_group else None
    labels = average_link(n, rows, cols, scores, 0.04, groups)
    np.testing.assert_array_equal(labels, reference_average_link(n, rows, cols, scores, 0.04, groups))
    assert np.bincount(labels).max() > 10


def graph_of(pairs, ids):
    position = pd.Series(np.arange(len(ids)), index=ids)
    return (position[pairs["article_id_a"]].to_numpy(), position[pairs["article_id_b"]].to_numpy(),
            pairs["similarity"].to_numpy())


def assert_same_as_the_reference(articles):
    """Linkage and top terms of `cluster_articles` on `articles` equal the reference implementations."""
    texts = body_texts(research.split_blocks(articles), articles)
    rows, cols, scores = graph_of(article_pairs(texts, FLOOR_SHARE * EVENT_THRESHOLD), texts.index)
    labels = average_link(len(texts), rows, cols, scores, EVENT_THRESHOLD)
    np.testing.assert_array_equal(labels, reference_average_link(len(texts), rows, cols, scores, EVENT_THRESHOLD))
    assert top_terms_of(texts, labels, TOP_TERMS) == reference_top_terms(texts, labels, TOP_TERMS)
    return labels


def test_same_events_and_terms_as_the_reference_on_the_seeds_and_constructed_corpora(seed_articles):
    assert_same_as_the_reference(seed_articles)
    labels = assert_same_as_the_reference(pd.concat([seed_articles, corpus({**WILDFIRE, **RATES})]))
    assert labels.max() == 2
    texts = pd.Series(["apple banana cherry", "banana cherry apple", "cherry dates", "", "   ",
                       "Zebra Éclair éclair naïve Ünïcode"], index=list("abcdef"))
    for labels in [np.array([0, 0, 1, 2, 3, 4]), np.zeros(6, dtype=int), np.arange(6)]:
        assert top_terms_of(texts, labels, 3) == reference_top_terms(texts, labels, 3)


def test_top_terms_of_events_taken_a_few_at_a_time_are_the_same(seed_articles, monkeypatch):
    articles = pd.concat([seed_articles, corpus({**WILDFIRE, **RATES})])
    texts = body_texts(research.split_blocks(articles), articles)
    labels = np.array([0, 0, 0, 0, 0, 1, 1, 2, 2])
    monkeypatch.setattr(research.story.events, "TERM_BATCH", 2)  # whole events, two articles or more at a time
    assert top_terms_of(texts, labels, TOP_TERMS) == reference_top_terms(texts, labels, TOP_TERMS)


def assert_passage_linkage_as_the_reference(passages):
    """Average linkage of body sentences as `cluster_passages` runs it (pairs across articles, groups by
    article) equals the reference; returns the cluster sizes."""
    table = passages[passages["role"] == "body"].sort_values("passage_id")
    pairs = similar_pairs(table, threshold=FLOOR_SHARE * ELEMENT_THRESHOLD, roles=None,
                          vectorizer=TextVectorizer(**ELEMENT_SCORER))
    position = pd.Series(np.arange(len(table)), index=table["passage_id"].to_numpy())
    graph = (position[pairs["passage_id_a"]].to_numpy(), position[pairs["passage_id_b"]].to_numpy(),
             pairs["similarity"].to_numpy(), ELEMENT_THRESHOLD, table["article_id"].to_numpy())
    labels = average_link(len(table), *graph)
    np.testing.assert_array_equal(labels, reference_average_link(len(table), *graph))
    return np.bincount(labels)


def test_story_element_linkage_equals_the_reference_on_the_seeds(seed_passages):
    sizes = assert_passage_linkage_as_the_reference(seed_passages)
    assert sizes.max() >= 5 and (sizes == 1).sum() > 20


def test_the_five_seeds_are_one_event(seed_articles):
    events = events_of(seed_articles)  # one of them has no date: it is compared on text alone, with a warning
    assert list(events.columns) == EVENT_COLUMNS
    assert events["article_id"].tolist() == sorted(seed_articles["article_id"])
    assert set(events["event_id"]) == {"1"} and set(events["n_articles"]) == {5}
    assert events.attrs["undated_articles"] == 1 and events.attrs["window_hours"] == WINDOW_HOURS
    # the earliest published article with a headline: AP's date-only 2024-10-23 comes first
    ap = seed_articles.set_index("outlet").loc["AP", "headline"]
    assert set(events["first_headline"]) == set(events["event_label"]) == {ap}
    terms = events["top_terms"].iloc[0].split(", ")
    assert len(terms) == 5 and {"korean", "troops", "russia"} <= set(terms)


def test_of_articles_published_on_one_day_the_most_typical_headline_labels_the_event():
    # dates without time of day tie the whole day: the label is the headline of the article that scores most with
    # the event's others (a news report), not the first by id (here a column that shares less of their words)
    column = {"a0": ("Opinion Weekly", "Powell's patience is running out", "2024-06-12", [
        ("The Federal Reserve left interest rates unchanged on Wednesday, and Chair Jerome Powell again said the "
         "central bank expects to cut rates later this year."),
        "I have heard that promise before, and so have the markets, which have been told to wait since last winter.",
        "Patience is a virtue in central banking only until it becomes a habit."])}
    same_day = {key: (outlet, headline, "2024-06-12", paragraphs)
                for key, (outlet, headline, _, paragraphs) in RATES.items()}
    events = events_of(corpus({**column, **same_day}))
    assert grouping(events) == {frozenset({"a0", "r1", "r2"})}
    assert events["event_label"].iloc[0] in {RATES["r1"][1], RATES["r2"][1]}


def test_two_stories_told_by_two_outlets_each_are_two_events():
    events = events_of(corpus({**WILDFIRE, **RATES}))
    assert grouping(events) == {frozenset({"w1", "w2"}), frozenset({"r1", "r2"})}
    # numbered by the smallest article id of each event
    assert events.set_index("article_id")["event_id"].to_dict() == {"r1": "1", "r2": "1", "w1": "2", "w2": "2"}
    labels = events.drop_duplicates("event_id").set_index("event_id")
    assert labels.loc["1", "event_label"] == "Fed keeps rates on hold, still sees three cuts"  # r2 is earlier
    assert labels.loc["2", "event_label"] == "Wildfire forces thousands to flee near Santa Rosa"
    # words of the texts clustered, headlines among them
    assert {"cuts", "rates"} <= set(labels.loc["1", "top_terms"].split(", "))
    assert {"santa", "rosa", "homes"} <= set(labels.loc["2", "top_terms"].split(", "))


def dated(stories: dict, **dates) -> dict:
    """`stories` with the publication dates given by key."""
    return {key: (outlet, headline, dates.get(key, published), paragraphs)
            for key, (outlet, headline, published, paragraphs) in stories.items()}


def test_publication_intervals_of_timestamps_dates_and_missing_values():
    start, end = publication_intervals(np.array(["2024-10-23T13:35:02+00:00", "2024-10-23T06:55:00-04:00",
                                                 "2024-10-23T10:55:00", "2024-10-23", "", "not a date", None,
                                                 pd.Timestamp("2024-10-23 10:55", tz="UTC")], dtype=object))
    day = pd.Timestamp("2024-10-23", tz="UTC").timestamp() / 3600
    # an instant (a time without zone read as UTC); a date alone is its whole day; the rest unknown
    assert np.allclose(start[:4], [day + 13 + 35 / 60 + 2 / 3600, day + 10 + 55 / 60, day + 10 + 55 / 60, day])
    assert np.allclose(end[:4] - start[:4], [0, 0, 0, 24]) and start[7] == start[1]
    assert np.isnan(start[4:7]).all() and np.isnan(end[4:7]).all()


def test_a_date_only_pair_two_days_apart_is_linked_three_days_apart_not():
    # dates without time of day are compared at their precision (1 and 3 September are 24 h apart, 1 and 4
    # September 48 h) and linked within DATE_WINDOW_HOURS: at most two calendar days apart
    for day, together in (("2024-09-02", True), ("2024-09-03", True), ("2024-09-04", False)):
        events = grouping(events_of(corpus(dated({**WILDFIRE, **RATES}, w1="2024-09-01", w2=day))))
        assert (frozenset({"w1", "w2"}) in events) == together
        assert frozenset({"r1", "r2"}) in events
    # without the date window, the window of every pair (48 h) holds: 1 and 4 September linked, 1 and 5 not
    for day, together in (("2024-09-04", True), ("2024-09-05", False)):
        stories = dated({**WILDFIRE, **RATES}, w1="2024-09-01", w2=day)
        assert (frozenset({"w1", "w2"}) in grouping(events_of(corpus(stories), date_window_hours=None))) == together
    # a date and a timestamp: the date's whole day counts, so 2 September 23:00 is 23 h after 1 September and
    # linked, 3 September 01:00 is 25 h after it and not
    for when, together in (("2024-09-02T23:00:00+00:00", True), ("2024-09-03T01:00:00+00:00", False)):
        stories = dated({**WILDFIRE, **RATES}, w1="2024-09-01", w2=when)
        assert (frozenset({"w1", "w2"}) in grouping(events_of(corpus(stories)))) == together
    # the same with the time of day: the second article 48 h after the first is linked, 49 h after it not
    for when, together in (("2024-09-03T09:00:00+00:00", True), ("2024-09-03T10:00:00+00:00", False)):
        stories = dated({**WILDFIRE, **RATES}, w1="2024-09-01T09:00:00+00:00", w2=when)
        assert (frozenset({"w1", "w2"}) in grouping(events_of(corpus(stories)))) == together


def test_an_undated_article_is_linked_on_its_text_with_a_warning():
    stories = dated({**WILDFIRE, **RATES}, w2="")
    events = events_of(corpus(stories))  # the warning names how many articles have no date
    assert grouping(events) == {frozenset({"w1", "w2"}), frozenset({"r1", "r2"})}
    assert events.attrs["undated_articles"] == 1
    with pytest.warns(CorpusWarning, match=r"1 of 4 articles have no publication date \(`published`: w2\)"):
        research.cluster_articles(research.split_blocks(corpus(stories)), corpus(stories))
    # no published column at all: every article on text alone
    undated = corpus({**WILDFIRE, **RATES}).drop(columns="published")
    assert grouping(events_of(undated)) == grouping(events)


def test_a_topic_recurring_weeks_apart_is_two_events():
    # the Fed's June meeting and, seven weeks later, the July meeting told in the same words
    later = {f"{key}-july": (outlet, headline, "2024-07-31", paragraphs)
             for key, (outlet, headline, _, paragraphs) in RATES.items()}
    articles = corpus({**WILDFIRE, **RATES, **later})
    assert grouping(events_of(articles)) == {frozenset({"w1", "w2"}), frozenset({"r1", "r2"}),
                                             frozenset({"r1-july", "r2-july"})}
    # on text alone the two meetings are one event
    assert frozenset({"r1", "r2", "r1-july", "r2-july"}) in grouping(events_of(articles, window_hours=None))


def test_the_headline_opens_the_text_twice():
    articles = corpus(RATES).assign(headline=["Rates held", ""])
    texts = event_texts(research.split_blocks(articles), articles)
    body = body_texts(research.split_blocks(articles), articles)
    assert texts["r1"] == "Rates held\n\nRates held\n\n" + body["r1"]
    # without a headline in the column, the headline block read off the page
    assert texts["r2"].startswith(RATES["r2"][1] + "\n\n" + RATES["r2"][1] + "\n\n") and texts["r2"].endswith(body["r2"])
    assert event_texts(research.split_blocks(articles), articles, headline=0).equals(body)


def test_the_lead_is_the_headlines_and_the_first_words_of_the_body(seed_articles):
    blocks = research.split_blocks(seed_articles)
    body, whole = body_texts(blocks, seed_articles), event_texts(blocks, seed_articles)
    lead = event_texts(blocks, seed_articles, lead_words=30)
    for article_id, text in lead.items():
        opening = whole[article_id][: len(whole[article_id]) - len(body[article_id])]  # the headline copies
        rest = text[len(opening):]
        assert text.startswith(opening) and body[article_id].startswith(rest)
        assert len(WORD.findall(rest)) == 30 and WORD.findall(rest) == WORD.findall(body[article_id])[:30]
    # an article shorter than the lead keeps its whole body; a lead longer than every body changes nothing
    assert first_words("Troops were sent.", 30) == "Troops were sent."
    assert first_words("U.S. troops, 3,000 of them, were sent.", 3) == "U.S. troops, 3,000"
    assert event_texts(blocks, seed_articles, lead_words=100_000).equals(whole)


def test_pairs_with_a_date_merge_at_their_own_threshold():
    # The wildfire's two reports score s together; at a threshold above s they are two events. With a date
    # threshold below s they are one when one of them is dated to the day (w1), not when both carry a time of day.
    articles = corpus({**WILDFIRE, **RATES})
    pairs = article_pairs(event_texts(research.split_blocks(articles), articles), 0.0).set_index(
        ["article_id_a", "article_id_b"])["similarity"]
    score = pairs["w1", "w2"]
    options = {"threshold": score + 0.02, "floor": score / 2, "near_hours": None}  # w2 is 9 h after 09:00
    assert frozenset({"w1", "w2"}) not in grouping(events_of(articles, **options))
    assert frozenset({"w1", "w2"}) in grouping(events_of(articles, date_threshold=score - 0.01, **options))
    timed = corpus(dated({**WILDFIRE, **RATES}, w1="2024-09-02T09:00:00+00:00"))
    assert frozenset({"w1", "w2"}) not in grouping(events_of(timed, date_threshold=score - 0.01, **options))
    # time ignored: no pair counts more
    assert frozenset({"w1", "w2"}) not in grouping(events_of(articles, date_threshold=score - 0.01,
                                                             window_hours=None, **options))


def test_an_article_bridging_two_stories_does_not_chain_them():
    w1, r1 = WILDFIRE["w1"], RATES["r1"]
    bridge = {"x": ("Roundup", "Monday roundup", "2024-09-02", w1[3][:3] + r1[3][:3])}
    articles = corpus({**WILDFIRE, **RATES, **bridge})
    pairs = article_pairs(body_texts(research.split_blocks(articles), articles), EVENT_THRESHOLD)
    # single link (connected components) on the same graph makes one event of all five
    ids = sorted(articles["article_id"])
    position = {a: k for k, a in enumerate(ids)}
    graph = np.zeros((len(ids), len(ids)))
    graph[pairs["article_id_a"].map(position), pairs["article_id_b"].map(position)] = 1
    assert connected_components(graph, directed=False)[0] == 1
    events = grouping(events_of(articles, window_hours=None))  # the rates stories are months away: time aside
    assert frozenset({"w1", "w2"}) <= next(g for g in events if "w1" in g)
    assert next(g for g in events if "w1" in g).isdisjoint({"r1", "r2"})


def test_seeds_mixed_with_other_stories_stay_one_event_of_their_own(seed_articles):
    articles = pd.concat([seed_articles, corpus({**WILDFIRE, **RATES})], ignore_index=True)
    events = grouping(events_of(articles))
    assert frozenset(seed_articles["article_id"]) in events
    assert len(events) == 3
    # keeping only each article's best partners bounds the graph and here changes nothing
    texts = body_texts(research.split_blocks(articles), articles)
    assert len(article_pairs(texts, 0.0, top_k=2)) < len(article_pairs(texts, 0.0))
    assert grouping(events_of(articles, top_k=4)) == events
    assert grouping(events_of(articles, window_hours=None)) == events


def test_same_grouping_and_ids_in_any_row_order_and_text_chunk(seed_articles, monkeypatch):
    articles = pd.concat([seed_articles, corpus({**WILDFIRE, **RATES})], ignore_index=True)
    expected = events_of(articles)
    for seed in range(3):
        shuffled = articles.sample(frac=1, random_state=seed).reset_index(drop=True)
        pd.testing.assert_frame_equal(events_of(shuffled), expected)
    monkeypatch.setattr(research.story.events, "TEXT_CHUNK", 2)  # texts built and read two articles at a time
    pd.testing.assert_frame_equal(events_of(articles), expected)
    # any other scorer is given the whole texts: the same scores from a fitted copy of the events' scorer
    texts = event_texts(research.split_blocks(articles), articles)
    fitted = TextVectorizer(**research.story.events.EVENT_SCORER).fit(texts)
    pd.testing.assert_frame_equal(events_of(articles, vectorizer=fitted), expected)
    two_block = events_of(articles, vectorizer=TextVectorizer(alpha=0.75, stop_words="english"))
    assert grouping(two_block) == grouping(expected)


def test_records_without_body_paragraphs_and_empty_texts():
    prose = "The troops crossed the border on Monday, officials said in a statement released to reporters."
    articles = pd.DataFrame({"article_id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "Z", "Z"],
                             "published": "2024-10-23",
                             "text": [prose, prose, "Fresno State generates $1 billion in activity, a study says.",
                                      "   "]})
    # a one-paragraph record is its body; the empty one has none, and split_blocks says so
    with pytest.warns(research.CorpusWarning, match="d: no body paragraph found"):
        blocks = research.split_blocks(articles)
    texts = body_texts(blocks, articles)
    events = research.cluster_articles(blocks, articles)
    assert texts.to_dict() == {"a": prose, "b": prose, "c": articles["text"][2], "d": "   "}
    assert grouping(events) == {frozenset({"a", "b"}), frozenset({"c"}), frozenset({"d"})}
    # a record on one line that split_blocks sets aside as chrome keeps its whole text
    chrome = blocks.assign(role="boilerplate")
    assert body_texts(chrome, articles).to_dict() == articles.set_index("article_id")["text"].to_dict()
    # no headline column: the label falls back to the top terms
    c = events.set_index("article_id").loc["c"]
    assert c["event_label"] == c["top_terms"] != ""
    # nothing to compare at all
    assert grouping(research.cluster_articles(blocks[blocks["article_id"] == "d"], articles[3:])) == {frozenset("d")}


def test_duplicate_article_ids_are_an_error():
    articles = corpus(WILDFIRE)
    twice = pd.concat([articles, articles.iloc[:1]])
    with pytest.raises(AnalysisError, match="'w1' appears twice"):
        research.cluster_articles(research.split_blocks(twice), twice)


def test_basil_dev_events_are_found_and_the_seeds_stay_apart(data_dir, seed_articles):
    basil = datasets.read_basil(data_dir / "basil_dev")
    articles = pd.concat([basil, seed_articles], ignore_index=True)
    events = events_of(articles).set_index("article_id")
    truth = articles.set_index("article_id")["event"].fillna("seeds")
    assert adjusted_rand_score(truth[events.index], events["event_id"]) > 0.98
    seed_events = set(events.loc[seed_articles["article_id"], "event_id"])
    assert len(seed_events) == 1 and (events["event_id"] == seed_events.pop()).sum() == 5


def test_allsides_roundups_are_found_in_time_and_not_on_text_alone(data_dir):
    articles = datasets.read_allsides(data_dir / "allsides_dev")
    truth = articles.set_index("article_id")["event"]
    timed, text_only = (adjusted_rand_score(truth[e["article_id"]], e["event_id"])
                        for e in (events_of(articles), events_of(articles, window_hours=None, headline=0)))
    assert timed > 0.8 and text_only < 0.6


def test_pairs_published_close_in_time_count_more():
    scores, gaps = np.array([0.2, 0.2, 0.2, 0.2]), np.array([0.0, NEAR_HOURS, NEAR_HOURS + 1, np.nan])
    assert np.allclose(near_weighted(scores, gaps, NEAR_HOURS), [0.2 * (1 + NEAR_BOOST)] * 2 + [0.2, 0.2])
    assert near_weighted(scores, gaps, None) is scores


def test_an_angle_story_published_with_the_news_joins_its_event(data_dir):
    # AllSides roundups, each article published within 6 h of its roundup's time. USA Today's "Texas GOP
    # lawmakers unveil sweeping version of elections bill" and Fox News's "Biden calls Texas voting bill 'wrong
    # and un-American'" share the bill's names, few other words: counted more for being published hours apart,
    # they are one event. The Senate's $1 trillion infrastructure vote stays apart from its $3.5 trillion budget
    # vote the next day (without the weight they are one event), and Biden's "killing people" remark on Facebook
    # (with Reason's opinion piece on it) stays apart from the White House's attack on Facebook four days before.
    articles = datasets.read_allsides(data_dir / "allsides_dev", spread_hours=6.0, seed=0)
    truth = articles.set_index("article_id")["event"]

    def whole(events, roundup):
        found = events.set_index("article_id")["event_id"]
        mine = set(found[truth.index[truth == roundup]])
        return len(mine) == 1 and set(found.index[found.isin(mine)]) == set(truth.index[truth == roundup])

    events, plain = events_of(articles), events_of(articles, near_hours=None)
    for roundup in ("5998", "5794", "5852", "5860", "5962"):
        assert whole(events, roundup), roundup
    assert not whole(plain, "5998") and not whole(plain, "5794")
    ari = [adjusted_rand_score(truth[e["article_id"]], e["event_id"]) for e in (events, plain)]
    assert ari[0] > ari[1] + 0.01


def test_dates_without_a_time_of_day_are_never_near(data_dir):
    # Two dates may lie a day apart, and a dense stream (PolNeAR's 2016 campaign: several stories a day, dated
    # to the day) carries several stories a day: the near-time weight needs times of day. The same AllSides
    # articles with their times cut to the date group as they do without the weight.
    articles = datasets.read_allsides(data_dir / "allsides_dev", spread_hours=6.0, seed=0)
    dated = articles.assign(published=articles["published"].str[:10])
    same = events_of(dated).set_index("article_id")["event_id"]
    plain = events_of(dated, near_hours=None).set_index("article_id")["event_id"]
    assert adjusted_rand_score(plain[same.index], same) == 1.0
    start, end = publication_intervals(np.array(["2016-02-08", "2016-02-08", "2016-02-08T10:00", "2016-02-08T16:00"],
                                                dtype=object))
    assert list(longest_gaps(start, end, np.array([0, 2]), np.array([1, 3]))) == [DATE_HOURS, 6.0]


def test_basil_linkage_and_terms_equal_the_reference(data_dir, seed_articles):
    basil = datasets.read_basil(data_dir / "basil_dev")
    labels = assert_same_as_the_reference(pd.concat([basil, seed_articles], ignore_index=True))
    assert labels.max() + 1 > 10


def test_basil_story_element_linkage_equals_the_reference(data_dir):
    # all BASIL dev sentences in one graph: many events, groups of sentences by article
    basil = datasets.read_basil(data_dir / "basil_dev")
    sizes = assert_passage_linkage_as_the_reference(research.split_passages(research.split_blocks(basil)))
    assert len(sizes) > 500 and sizes.max() >= 3
