"""Time and peak memory of event and story-element clustering at scale, by stage.

    python benchmarks/clustering_scale.py --articles 1000 10000 100000 --passages 10000 100000 \
        [--passage-threshold 0.4] [--graphs 1000000] [--settings 2:0 3:12]

- `research.cluster_articles` on `synthetic_articles` (`--settings`: headline
  copies and near-time hours, 0 for none, to run side by side; default the
  package's): seeded news-like
  articles with planted events. Each article has a headline, a date and
  paragraphs of sentences; its words are English stop words (about 45%),
  words of a Zipf vocabulary of 50,000 random letter strings, and, for an
  article of an event, words of its event's topic (40 words; a third of the
  article's other words). Events hold 1 to 20 articles (geometric sizes,
  about 3 on average).
- `research.cluster_passages` on `synthetic_passages` of
  benchmarks/similarity_join.py (passages of 20 to 80 Zipf words in articles
  of 20 passages, with planted near-duplicate groups), all treated as the
  passages of one event, at the package's threshold (0.19) or `--passage-threshold`.
- `research.reuse.linkage.average_link` alone (`--graphs`) on `random_graph`: a
  seeded sparse graph of sentence-like nodes (groups of 20, planted clusters
  of 2 to 6 scoring 0.3 to 0.9, and about ten background pairs per node scoring
  0.1 to 0.3), at threshold 0.2.

Each size runs in its own process, so its peak resident memory (`peak_mb`)
is its own. The stages are timed by wrapping the helpers the clustering calls:
`blocks` (`split_blocks` and the body texts; articles only), `join`
(vectorising and the similarity join: `article_pairs` / `similar_pairs`),
`linkage` (`average_link`) and `labels` (everything after: ids, headlines and
top terms of events; representatives, cohesion and labels of elements). Columns:
seconds per stage and in all, peak MB of the process at the end of the join and
in all (the corpus generated before is included; `MB corpus` is the memory
before clustering), pairs in the graph, clusters found, and for articles the
adjusted Rand index against the planted events.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import time
import warnings
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import adjusted_rand_score

import research
from research.errors import CorpusWarning
from research.reuse import linkage
from research.reuse.similarity import TextVectorizer
from research.story import elements, events

sys.path.insert(0, str(Path(__file__).resolve().parent))
from similarity_join import peak_mb, random_words, synthetic_passages  # the join benchmark's corpus

VOCABULARY = 50_000
ZIPF_EXPONENT = 1.0
STOP_SHARE = 0.45
TOPIC_WORDS = 40
TOPIC_SHARE = 1 / 3
EVENT_SIZE_P = 0.3
MAX_EVENT_SIZE = 20
WORDS_PER_ARTICLE = (150, 450)
WORDS_PER_SENTENCE = (12, 26)
SENTENCES_PER_PARAGRAPH = 3
# Articles generated at a time.
ARTICLE_CHUNK = 5_000
# Events start over SPAN_DAYS from START; an event's articles are published within SPREAD_HOURS.
START = pd.Timestamp("2023-01-01", tz="UTC")
SPAN_DAYS = 730
SPREAD_HOURS = 36.0
# Background pairs per node of `random_graph`.
GRAPH_DEGREE = 10


def synthetic_articles(n: int, seed: int = 0, undated: float = 0.0) -> pd.DataFrame:
    """`n` articles (article_id, outlet, headline, published, event, text) with planted events, dated
    (a share `undated` of them without a date)."""
    rng = np.random.default_rng(seed)
    words = random_words(rng, VOCABULARY, 4)
    sizes = np.minimum(rng.geometric(EVENT_SIZE_P, size=n), MAX_EVENT_SIZE)
    n_events = int(np.searchsorted(np.cumsum(sizes), n)) + 1
    event = np.repeat(np.arange(n_events), sizes[:n_events])[:n]
    event = event[rng.permutation(n)]
    topics = rng.integers(200, VOCABULARY, size=(n_events, TOPIC_WORDS))
    headlines = [" ".join(words[topics[e, :8]]).capitalize() for e in event]
    texts = []
    for begin in range(0, n, ARTICLE_CHUNK):  # a chunk at a time: the corpus's own memory stays small
        bodies = _bodies(rng, words, topics, event[begin : begin + ARTICLE_CHUNK])
        texts += [h + "\n\n" + b for h, b in zip(headlines[begin : begin + ARTICLE_CHUNK], bodies)]
    # each event starts at a uniform time over SPAN_DAYS; its articles come out within SPREAD_HOURS of it
    hours = rng.uniform(0, SPAN_DAYS * 24, size=n_events)[event] + rng.uniform(0, SPREAD_HOURS, size=n)
    published = (START + pd.to_timedelta(np.round(hours * 3600), unit="s")).strftime("%Y-%m-%dT%H:%M:%S+00:00")
    published = np.where(rng.random(n) < undated, "", published.to_numpy(dtype=object))
    return pd.DataFrame({"article_id": [f"a{k:07d}" for k in range(n)],
                         "outlet": [f"outlet{k:02d}" for k in rng.integers(0, 40, size=n)],
                         "headline": headlines, "published": published, "event": event, "text": texts})


def _bodies(rng, words: np.ndarray, topics: np.ndarray, event: np.ndarray) -> list[str]:
    """The body texts of articles of the given events: paragraphs of sentences of stop words,
    background Zipf words and words of the event's topic."""
    stop = np.array(sorted(ENGLISH_STOP_WORDS))
    cdf = np.cumsum(1.0 / np.arange(1, VOCABULARY + 1) ** ZIPF_EXPONENT)
    cdf /= cdf[-1]
    lengths = rng.integers(*WORDS_PER_ARTICLE, size=len(event))
    owner = np.repeat(np.arange(len(event)), lengths)
    ids = np.minimum(np.searchsorted(cdf, rng.random(len(owner)), side="right"), VOCABULARY - 1)
    topical = rng.random(len(owner)) < TOPIC_SHARE
    ids[topical] = topics[event[owner[topical]], rng.integers(TOPIC_WORDS, size=int(topical.sum()))]
    tokens = words[ids].astype(object)
    is_stop = rng.random(len(owner)) < STOP_SHARE
    tokens[is_stop] = stop[rng.integers(len(stop), size=int(is_stop.sum()))]
    # sentence ends every 12 to 25 words and at each article's end; a paragraph every third sentence
    starts = np.concatenate([[0], np.cumsum(lengths)])
    marks = np.cumsum(rng.integers(*WORDS_PER_SENTENCE, size=len(owner) // WORDS_PER_SENTENCE[0] + 1))
    cuts = np.zeros(len(owner), dtype=bool)
    cuts[marks[marks <= len(owner)] - 1] = True
    cuts[starts[1:] - 1] = True
    first = np.concatenate([[True], cuts[:-1]])
    tokens[first] = np.char.capitalize(tokens[first].astype(str)).astype(object)
    paragraph_end = cuts & (np.cumsum(cuts) % SENTENCES_PER_PARAGRAPH == 0)
    tokens[cuts] = tokens[cuts] + "."
    tokens[paragraph_end] = tokens[paragraph_end] + "\n\n"
    flat = tokens.tolist()
    return [" ".join(flat[starts[k] : starts[k + 1]]).replace("\n\n ", "\n\n").strip() for k in range(len(event))]


@contextmanager
def _timed(module, names: tuple[str, ...], marks: dict):
    """Wrap `module.<name>` for each name: each call records when it ended, the peak MB then and the
    size of its result (the length of its first array for a tuple)."""
    originals = {name: getattr(module, name) for name in names}

    def wrapper(name):
        def timed(*args, **kwargs):
            result = originals[name](*args, **kwargs)
            marks[name] = (time.perf_counter(), peak_mb(), len(result[0] if isinstance(result, tuple) else result),
                           _cpu_seconds())
            return result
        return timed

    for name in names:
        setattr(module, name, wrapper(name))
    try:
        yield
    finally:
        for name, original in originals.items():
            setattr(module, name, original)


def _cpu_seconds(children: bool = False) -> float:
    """CPU seconds of this process (and of its finished child processes)."""
    usage = [resource.getrusage(resource.RUSAGE_SELF)] + ([resource.getrusage(resource.RUSAGE_CHILDREN)] if children
                                                          else [])
    return sum(u.ru_utime + u.ru_stime for u in usage)


def _resident_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


def _reset_peak() -> None:
    """Start VmHWM again from the memory now held (Linux: clear_refs 5), so the peak is the stage's."""
    with open("/proc/self/clear_refs", "w") as refs:
        refs.write("5")


def _row(kind: str, n: int, start: float, cpu: float, before: float, stages: list[tuple[str, str]], marks: dict,
         end: float) -> dict:
    row = {"clustering": kind, "size": n, "MB before": round(before)}
    previous, previous_cpu = start, cpu
    for label, name in stages:
        row[f"s {label}"] = round(marks[name][0] - previous, 2)
        row[f"CPU {label}"] = round(marks[name][3] - previous_cpu, 2)
        previous, previous_cpu = marks[name][0], marks[name][3]
    row["s labels"] = round(end - previous, 2)
    row["CPU labels"] = round(_cpu_seconds() - previous_cpu, 2)
    row["s total"] = round(end - start, 2)
    row["CPU s"] = round(_cpu_seconds() - cpu, 2)
    row["peak MB join"] = round(marks[dict(stages)["join"]][1])
    row["peak MB"] = round(peak_mb())
    row["pairs"] = marks[dict(stages)["join"]][2]
    return row


def run_articles(n: int, window: float | None, undated: float, copies: int = events.HEADLINE_COPIES,
                 near: float | None = events.NEAR_HOURS) -> dict:
    """`cluster_articles` on `synthetic_articles(n)`: `split_blocks` first, timed on its own (the stage
    before; `cluster_articles` takes the blocks), then the clustering with its peak memory alone."""
    load = os.getloadavg()[0]
    articles = synthetic_articles(n, undated=undated)
    workers = len(os.sched_getaffinity(0))  # as the report splits a large corpus
    start, cpu = time.perf_counter(), _cpu_seconds(children=True)
    blocks = research.split_blocks(articles, workers=workers)
    split = {"s split_blocks": round(time.perf_counter() - start, 2),
             "CPU s split_blocks": round(_cpu_seconds(children=True) - cpu, 2), "split workers": workers}
    gc.collect()
    before, marks = _resident_mb(), {}
    _reset_peak()
    with _timed(events, ("_rows", "windowed_join", "average_link"), marks), warnings.catch_warnings():
        warnings.filterwarnings("ignore", "cluster_articles: .* no publication date", CorpusWarning)  # `undated`
        start, cpu = time.perf_counter(), _cpu_seconds()
        found = research.cluster_articles(blocks, articles, window_hours=window, headline=copies, near_hours=near)
        end = time.perf_counter()
    row = _row("cluster_articles", n, start, cpu, before,
               [("texts", "_rows"), ("join", "windowed_join"), ("linkage", "average_link")], marks, end)
    row |= {"window h": window or "none", "headline": copies, "near h": near or "none", "undated": undated,
            "threshold": events.EVENT_THRESHOLD, **split}
    truth = articles.set_index("article_id")["event"]
    row["clusters"] = found["event_id"].nunique()
    row["ARI"] = round(adjusted_rand_score(truth[found["article_id"]], found["event_id"]), 4)
    row["load"] = f"{load:.1f}-{os.getloadavg()[0]:.1f}"
    return row


def passages_with_offsets(n: int) -> pd.DataFrame:
    """`synthetic_passages(n)` with `start` and `end`: each article's passages in a row, one space apart."""
    passages = synthetic_passages(n)
    length = passages["text"].str.len().to_numpy()
    end = passages.assign(length=length + 1).groupby("article_id")["length"].cumsum().to_numpy() - 1
    return passages.assign(start=end - length, end=end)


def run_passages(n: int, threshold: float) -> dict:
    passages = passages_with_offsets(n)
    before, marks = peak_mb(), {}
    with _timed(elements, ("similar_pairs", "average_link"), marks):
        start, cpu = time.perf_counter(), _cpu_seconds()
        found = research.cluster_passages(passages, threshold=threshold)
        end = time.perf_counter()
    row = _row("cluster_passages", n, start, cpu, before, [("join", "similar_pairs"), ("linkage", "average_link")],
               marks, end)
    row["threshold"] = threshold
    row["clusters"] = len(found.elements)
    return row


def random_graph(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """A seeded sparse graph on `n` nodes like the passages' (rows, cols, scores, groups): groups of
    20 nodes (articles), planted clusters of 2 to 6 nodes with scores 0.3 to 0.9 between all their
    members, and `GRAPH_DEGREE` background pairs per node scoring 0.1 to 0.3."""
    rng = np.random.default_rng(seed)
    sizes = rng.integers(2, 7, size=n // 2)
    sizes = sizes[: int(np.searchsorted(np.cumsum(sizes), n))]
    members = rng.permutation(n)[: sizes.sum()]
    offsets = np.concatenate([[0], np.cumsum(sizes)])[:-1, None]
    i, j = np.triu_indices(6, 1)  # all pairs of a cluster of up to 6
    inside = j[None, :] < sizes[:, None]
    a, b = members[(offsets + i)[inside]], members[(offsets + j)[inside]]
    background = rng.integers(0, n, size=(2, n * GRAPH_DEGREE // 2))
    rows = np.concatenate([a, background[0]])
    cols = np.concatenate([b, background[1]])
    scores = np.concatenate([rng.uniform(0.3, 0.9, len(a)), rng.uniform(0.1, 0.3, background.shape[1])])
    return rows, cols, scores, np.arange(n) // 20


def run_graph(n: int) -> dict:
    rows, cols, scores, groups = random_graph(n)
    before = peak_mb()
    start, cpu = time.perf_counter(), _cpu_seconds()
    labels = linkage.average_link(n, rows, cols, scores, 0.2, groups)
    end = time.perf_counter()
    return {"clustering": "average_link alone", "size": n, "MB before": round(before),
            "s linkage": round(end - start, 2), "s total": round(end - start, 2),
            "CPU s": round(_cpu_seconds() - cpu, 2), "peak MB": round(peak_mb()), "pairs": len(rows),
            "threshold": 0.2, "clusters": int(labels.max()) + 1}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="*", default=[1_000, 10_000], help="article counts")
    parser.add_argument("--windows", type=float, nargs="*", default=[events.WINDOW_HOURS],
                        help="windows of cluster_articles in hours (0: no window)")
    parser.add_argument("--settings", nargs="*", default=[f"{events.HEADLINE_COPIES}:{events.NEAR_HOURS:g}"],
                        help="settings of cluster_articles, each COPIES:NEAR_HOURS (headline copies; pairs within "
                             "NEAR_HOURS count more, 0: none)")
    parser.add_argument("--undated", type=float, default=0.0, help="share of articles without a date")
    parser.add_argument("--passages", type=int, nargs="*", default=[10_000], help="passage counts")
    parser.add_argument("--graphs", type=int, nargs="*", default=[], help="node counts of random_graph")
    parser.add_argument("--passage-threshold", type=float, default=elements.ELEMENT_THRESHOLD,
                        help="threshold of cluster_passages (default: the package's)")
    parser.add_argument("--run", nargs=4, help=argparse.SUPPRESS)  # one size in this process: kind, n, window, setting
    args = parser.parse_args(argv)
    if args.run:
        kind, n, window, setting = args.run
        copies, near = setting.split(":")
        linkage.average_link(2, [0], [1], [1.0], 0.5, [0, 1])  # load the compiled kernels before timing
        if kind == "articles":
            warm = research.split_blocks(synthetic_articles(20))
            events.windowed_join(TextVectorizer().fit_transform(warm["text"]), np.zeros(len(warm)), np.zeros(len(warm)),
                                 1.0, 0.1)
        row = run_articles(int(n), float(window) or None, args.undated, int(copies), float(near) or None) \
            if kind == "articles" else run_graph(int(n)) if kind == "graph" else run_passages(int(n), args.passage_threshold)
        print(json.dumps(row))
        return 0
    rows = []
    runs = [("articles", n, w, setting) for n in args.articles for w in args.windows for setting in args.settings] + \
        [(kind, n, 0, "0:0") for kind, sizes in (("passages", args.passages), ("graph", args.graphs)) for n in sizes]
    for kind, n, window, setting in runs:
        done = subprocess.run([sys.executable, __file__, "--run", kind, str(n), str(window), setting, "--undated",
                               str(args.undated), "--passage-threshold", str(args.passage_threshold)],
                              capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{kind} {n}: failed\n{done.stderr[-2000:]}", file=sys.stderr, flush=True)
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), file=sys.stderr, flush=True)
    pd.set_option("display.width", 250)
    pd.set_option("display.max_columns", 40)
    print(pd.DataFrame(rows).to_string(index=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
