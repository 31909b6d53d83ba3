"""The shareable report: run the numbered notebooks on a corpus, write HTML pages, an index and CSV tables.

`build_report(corpus, out_dir)` loads the corpus, finds the events it holds,
and executes `notebooks/NN-*.ipynb` (`research.report.execute`) for each event analysed,
injecting `CORPUS` (and any other declared parameter) after the notebook's
`parameters` cell. The committed notebooks are only read: executed copies go
to the output folder. Layout of `out_dir`:

- `index.html` (`research.report.pages`): the corpus, its events, a link to
  every executed notebook and to the CSV tables it saved
- `articles.csv`: one row per article with its event and whether it was analysed
- `runs.csv`: one row per notebook run (the table `build_report` returns)
- `kernel.log`: what the notebook kernels printed outside the notebooks
- per analysed event (in `out_dir` itself when it is the whole corpus, else in
  `events/<event>/`): `NN-name.html`, the executed `NN-name.ipynb`,
  `tables/NN-name/<table>.csv` (written by `research.save_table`) and, when the
  notebooks need a corpus other than the given one (a part of it, or records
  read with a column mapping), `corpus.jsonl` holding those articles.
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from research.corpus.blocks import split_blocks
from research.corpus.load import default_corpus, load_articles
from research.errors import AnalysisError, CorpusWarning
from research.report.execute import Kernel, notebook_parameters, notebook_paths, run_notebook
from research.report.pages import index_page
from research.story.events import cluster_articles

EVENT_KEY_COLUMNS = ["article_id", "event_id", "event_label"]
LISTING_COLUMNS = ["article_id", "event_id", "event_label", "analysed", "source", "path", "outlet",
                   "headline", "published", "url"]
RUN_COLUMNS = ["event_id", "event_label", "notebook", "title", "status", "error", "html", "tables"]
JSONL_FIELDS = {"id": "article_id", "text": "text", "outlet": "outlet", "headline": "headline",
                "published": "published", "byline": "byline", "url": "url", "provenance": "provenance",
                "form": "form"}


def find_events(articles: pd.DataFrame,
                cluster: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> pd.DataFrame:
    """Which event each article reports: `article_id`, `event_id`, `event_label`.

    `cluster` takes the articles table and returns those three columns (the
    interface of `cluster_corpus`). Without one, or with fewer than
    two articles, the whole corpus is one event, "all". A result that does not
    give every article exactly one event is an `AnalysisError`.
    """
    if cluster is None or len(articles) < 2:
        return pd.DataFrame({"article_id": articles["article_id"], "event_id": "all",
                             "event_label": "the whole corpus"}, columns=EVENT_KEY_COLUMNS)
    events = cluster(articles)
    missing = [c for c in EVENT_KEY_COLUMNS if c not in events.columns]
    if missing:
        raise AnalysisError(f"event clustering returned no {', '.join(missing)} column")
    events = events[EVENT_KEY_COLUMNS].astype(str)
    if sorted(events["article_id"]) != sorted(articles["article_id"]):
        raise AnalysisError("event clustering must give every article exactly one event")
    return events.set_index("article_id").loc[articles["article_id"]].reset_index()


def choose_events(events: pd.DataFrame, event: str | None = None, min_articles: int = 2) -> list[str]:
    """The events to analyse: `event` if given, the only one if there is one, else every event with
    at least `min_articles` articles.

    Largest first. An unknown `event`, or no event large enough, is an `AnalysisError`.
    """
    sizes = events.groupby("event_id").size()
    if event is not None:
        if event not in sizes.index:
            raise AnalysisError(f"no event {event!r} in the corpus (events: {', '.join(sorted(sizes.index))})")
        return [event]
    if len(sizes) == 1:
        return list(sizes.index)
    large = sizes[sizes >= min_articles]
    if large.empty:
        raise AnalysisError(f"no event has {min_articles} or more articles (the largest has {sizes.max()}); "
                            f"lower --min-articles or name an event with --event")
    return sorted(large.index, key=lambda e: (-large[e], e))


def cluster_corpus(articles: pd.DataFrame) -> pd.DataFrame:
    """The default event clustering of a report: `cluster_articles` on the articles' blocks."""
    return cluster_articles(split_blocks(articles), articles)


# What a loading or cleaning warning means for the analyses, for those whose message does not say it.
MEANINGS = {
    "publication date not understood": "its figures cannot be placed in time, nor the article in the order "
                                       "of publication",
    "metadata read from the page": "its outlet, headline and date are guesses from the page: check them in "
                                   "articles.csv",
    "not UTF-8": "some accented characters may be wrong in its text",
    "trafilatura could not read the page metadata": "its outlet, headline and date may be missing",
}


def loading_notes(caught: list[warnings.WarningMessage]) -> list[str]:
    """The corpus warnings of loading and cleaning as notes for the index page: each once, in order,
    naming its file or article, with what it means for the analyses where the message does not say it."""
    notes = []
    for warning in caught:
        if not issubclass(warning.category, CorpusWarning):
            continue
        note = str(warning.message)
        meaning = next((m for key, m in MEANINGS.items() if key in note), "")
        note = f"{note}: {meaning}" if meaning else note
        if note not in notes:
            notes.append(note)
    return notes


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.") or "event"


def _write_jsonl(articles: pd.DataFrame, path: Path) -> None:
    """The articles as JSON Lines that `load_articles` reads back with the same ids, texts and form
    (an articles table without `form` holds pages, as `split_blocks` reads it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for row in articles.itertuples(index=False):
            record = {key: getattr(row, column, "") for key, column in JSONL_FIELDS.items()}
            record["form"] = record["form"] or "page"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _plan(articles: pd.DataFrame, events: pd.DataFrame, chosen: list[str], corpus: str | Path | None,
          columns: dict[str, str] | None, out_dir: Path) -> list[tuple[str, Path, str | None]]:
    """For each chosen event: (event_id, its output folder, the CORPUS value its notebooks get).

    The whole corpus keeps its own path (None for the embedded seeds, so the
    notebooks run exactly as committed); a part of it, or records read with a
    column mapping, is written to `corpus.jsonl` in the event's folder.
    """
    whole = corpus is None or Path(corpus).resolve() == default_corpus()
    jobs, folders = [], set()
    for event_id in chosen:
        members = articles[events["event_id"].to_numpy() == event_id]
        folder = out_dir
        if len(members) < len(articles):
            slug = _slug(event_id)
            slug = f"{slug}-{len(folders)}" if slug in folders else slug
            folders.add(slug)
            folder = out_dir / "events" / slug
        if len(members) < len(articles) or columns is not None:
            _write_jsonl(members, folder / "corpus.jsonl")
            jobs.append((event_id, folder, str((folder / "corpus.jsonl").resolve())))
        else:
            jobs.append((event_id, folder, None if whole else str(Path(corpus).resolve())))
    return jobs


def build_report(corpus: str | Path | None, out_dir: str | Path, *, notebooks: list[Path] | None = None,
                 parameters: dict | None = None, columns: dict[str, str] | None = None,
                 event: str | None = None, min_articles: int = 2,
                 cluster: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                 progress: bool | None = None, timeout: int = 1800, workers: int = 2) -> pd.DataFrame:
    """Execute the notebooks on `corpus` and write the report into `out_dir` (layout: module docstring).

    - `corpus`: folder or file (None: the embedded `seeds/`); `columns`: the
      JSONL/CSV column mapping of `load_articles`.
    - `notebooks`: the notebook files to run (default: every numbered notebook);
      each must have a `parameters` cell assigning `CORPUS`.
    - `parameters`: further values to inject, each into the notebooks that declare it.
    - `cluster`: articles -> `article_id`, `event_id`, `event_label` (default:
      `cluster_corpus`); `event` names the one event
      to analyse, else every event with at least `min_articles` articles is.
    - `progress`: a progress bar on stderr (None: only when stderr is a terminal).
    - `timeout`: seconds allowed per notebook cell.
    - `workers`: notebook runs at a time (each in its own kernel, reused across events).

    Returns one row per notebook run: `event_id`, `event_label`, `notebook`
    (file name), `title`, `status` ("ok" or "failed"), `error` (one line, "" when
    ok), `html` (path of the page relative to `out_dir`, "" when none was
    written), `tables` (number of CSV tables saved). A failed notebook does not
    stop the others. Bad options raise `ValueError`; an unusable corpus
    `CorpusError`; no event to analyse `AnalysisError`.
    """
    out_dir = Path(out_dir)
    if corpus is not None and Path(corpus).is_dir() and out_dir.resolve().is_relative_to(
            Path(corpus).resolve()):
        raise ValueError(f"the report folder {out_dir} is inside the corpus folder: its files would be "
                         f"read as articles next time")
    paths = list(notebooks) if notebooks is not None else notebook_paths()
    if not paths:
        raise ValueError("no notebooks to run")
    declared = {path: notebook_parameters(path) for path in paths}
    for path, names in declared.items():
        if "CORPUS" not in names:
            raise ValueError(f"{path.name}: no cell tagged 'parameters' assigning CORPUS")
    parameters = parameters or {}
    if "CORPUS" in parameters:
        raise ValueError("CORPUS is set by the corpus argument, not as a parameter")
    unknown = sorted(set(parameters).difference(*declared.values()))
    if unknown:
        raise ValueError(f"no notebook has a parameter {', '.join(unknown)}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles = load_articles(corpus, columns)
        blocks = split_blocks(articles)  # the cleaning's warnings too: an article without body text
    for warning in caught:
        warnings.warn(warning.message, stacklevel=2)
    events = find_events(articles, cluster or (lambda found: cluster_articles(blocks, found)))
    chosen = choose_events(events, event, min_articles)
    labels = events.drop_duplicates("event_id").set_index("event_id")["event_label"]
    jobs = _plan(articles, events, chosen, corpus, columns, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    runs = {}
    with (out_dir / "kernel.log").open("w", encoding="utf-8") as log:
        bar = tqdm(total=len(jobs) * len(paths), desc="report", unit="notebook",
                   disable=None if progress is None else not progress, file=sys.stderr)

        def run_part(number: int, path: Path, part: list[int]) -> None:
            """Notebook `path` on the events `part` (indices into `jobs`), in one kernel reused across them."""
            with Kernel(path.parent, log) as kernel:
                for job in part:
                    event_id, folder, corpus_value = jobs[job]
                    injected = {name: value for name, value in parameters.items() if name in declared[path]}
                    if corpus_value is not None:
                        injected["CORPUS"] = corpus_value
                    runs[job, number] = {"event_id": event_id, "event_label": labels[event_id],
                                         **run_notebook(path, folder, out_dir, injected, timeout, kernel)}
                    bar.set_postfix_str(path.stem if len(jobs) == 1 else f"{event_id}: {path.stem}")
                    bar.update()

        # Each notebook's events in `workers` parts, the parts run side by side: a notebook run waits on
        # its kernel while another converts its page.
        parts = [list(range(len(jobs)))[k::workers] for k in range(min(workers, len(jobs)))]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            for done in [pool.submit(run_part, number, path, part) for number, path in enumerate(paths)
                         for part in parts]:
                done.result()
        bar.close()
    runs = [runs[key] for key in sorted(runs)]  # event by event, notebooks in order
    table = pd.DataFrame(runs, columns=[*RUN_COLUMNS, "table_paths"])
    listing = articles.merge(events, on="article_id").assign(analysed=lambda t: t["event_id"].isin(chosen))
    listing[LISTING_COLUMNS].to_csv(out_dir / "articles.csv", index=False)
    table[RUN_COLUMNS].to_csv(out_dir / "runs.csv", index=False)
    corpus_name = Path(corpus).name if corpus is not None else default_corpus().name
    notes = loading_notes(caught)
    (out_dir / "index.html").write_text(
        index_page(corpus_name, listing[LISTING_COLUMNS], events, table, notes, min_articles), encoding="utf-8")
    return table[RUN_COLUMNS]
