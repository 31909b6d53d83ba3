"""The shareable report: run the numbered notebooks on a corpus, write HTML pages, an index and CSV tables.

`build_report(corpus, out_dir)` loads the corpus, finds the events it holds,
and executes `notebooks/NN-*.ipynb` (`research.report.execute`) for each event analysed,
injecting `CORPUS` (and any other declared parameter) after the notebook's
`parameters` cell. The committed notebooks are only read: executed copies go
to the output folder. Layout of `out_dir`:

- `index.html` (`research.report.pages`): the front page: each notebook's
  findings with a chart, the outlets side by side, the notebooks and the CSV
  tables they saved; for several events, the stories and who covered what
- per analysed event, beside its notebook pages: `outlets.html` (the outlets
  side by side), `terms.html` (the term explorer), `charts/*.svg` and, when
  the corpus holds several events, `story.html` (the event's own front page)
- `articles.csv`: one row per article with its event and whether it was analysed
- `runs.csv`: one row per notebook run (the table `build_report` returns)
- `kernel.log`: what the notebook kernels printed outside the notebooks
- per analysed event (in `out_dir` itself when it is the whole corpus, else in
  `events/<event>/`): `NN-name.html`, the executed `NN-name.ipynb`,
  `tables/NN-name/<table>.csv` (written by `research.save_table`) and, when the
  notebooks need a corpus other than the given one (a part of it, or records
  read with a column mapping), `corpus.jsonl` holding those articles.
- `.research-report`: marks the folder as a report and lists its files.

The report is written into a hidden folder beside `out_dir` and put in its
place at the end, replacing an earlier report whole; a folder holding other
files is refused (`check_out_dir`). Every CSV goes through
`research.report.tables.write_csv` (formula-like cells neutralised).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import sys
import tempfile
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from research.corpus.blocks import split_blocks
from research.corpus.load import ARTICLE_COLUMNS, SURROGATE, default_corpus, load_articles, shown
from research.errors import AnalysisError, CorpusWarning
from research.report.execute import (
    NOTEBOOK_DIR,
    Kernel,
    notebook_parameters,
    notebook_paths,
    run_notebook,
)
from research.report.pages import write_pages
from research.report.tables import write_csv
from research.story.events import cluster_articles

EVENT_KEY_COLUMNS = ["article_id", "event_id", "event_label"]
LISTING_COLUMNS = ["article_id", "event_id", "event_label", "analysed", "source", "path", "outlet",
                   "headline", "published", "url"]
RUN_COLUMNS = ["event_id", "event_label", "notebook", "title", "status", "error", "html", "tables"]
# Marks a folder as a report of this command and lists the files it wrote (JSON: {"files": [...]}).
REPORT_MARKER = ".research-report"
# The kinds of parameter defaults a --param value is checked against, as named in messages.
PARAMETER_KINDS = [(bool, "true or false"), (int, "a whole number"), (float, "a number"), (str, "text"),
                   (list | tuple, "a list"), (dict, "an object")]
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


def outlet_counts(events: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """Outlets per event (`event_id` -> count); an article without an outlet counts as an outlet of its own."""
    outlet = articles.set_index("article_id")["outlet"] if "outlet" in articles else pd.Series(dtype=str)
    names = events["article_id"].map(outlet).fillna("")
    return names.where(names != "", "#" + events["article_id"]).groupby(events["event_id"]).nunique()


def choose_events(events: pd.DataFrame, event: str | None = None, min_articles: int = 2,
                  articles: pd.DataFrame | None = None) -> list[str]:
    """The events to analyse: `event` if given, the only one if there is one, else every event with
    at least `min_articles` articles and, with `articles` (their `outlet`), at least two outlets: the
    analyses compare outlets, so one outlet's pieces of a topic are not a story to compare (unless no
    event has two outlets: a corpus of one outlet keeps the size rule alone).

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
    if articles is not None:
        outlets = outlet_counts(events, articles)
        compared = large[outlets.reindex(large.index) >= 2]
        large = compared if not compared.empty else large  # a corpus of one outlet: its events as they are
    return sorted(large.index, key=lambda e: (-large[e], e))


def cluster_corpus(articles: pd.DataFrame) -> pd.DataFrame:
    """The default event clustering of a report: `cluster_articles` on the articles' blocks (split on
    every usable core when the corpus is large)."""
    return cluster_articles(split_blocks(articles, workers=len(os.sched_getaffinity(0))), articles)


# What a loading or cleaning warning means for the analyses, for those whose message does not say it.
MEANINGS = {
    "publication date not understood": "its figures cannot be placed in time, nor the article in the order "
                                       "of publication",
    "metadata read from the page": "its outlet, headline and date are guesses from the page: check them in "
                                   "articles.csv",
    "not UTF-8 (byte": "accented characters in its text may be wrong if the guess is wrong",
    "byte(s) not UTF-8": "those characters are lost from its text (shown as \ufffd)",
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
    column mapping, is written to `corpus.jsonl` in the event's folder, where
    the notebook's kernel runs, and given by that name.
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
            jobs.append((event_id, folder, "corpus.jsonl"))  # the kernel runs in `folder`
        else:
            jobs.append((event_id, folder, None if whole else str(Path(corpus).resolve())))
    return jobs


def check_out_dir(out_dir: Path, corpus: Path, notebooks: list[Path]) -> None:
    """Refuse a report folder that would overwrite or hide what is not an earlier report.

    `out_dir` (absolute) may be new, an empty folder, or an earlier report of
    this command (it holds `REPORT_MARKER`, which lists the files it wrote, and
    no other file but hidden ones such as `.ipynb_checkpoints`). It must not
    be or hold the notebooks' folder, nor be inside the corpus folder or hold
    the corpus, nor hold the current folder. Raises `ValueError` saying why.
    """
    folders = {NOTEBOOK_DIR.resolve(), *(path.resolve().parent for path in notebooks)}
    if any(out_dir == folder or folder.is_relative_to(out_dir) for folder in folders) \
            or out_dir.is_relative_to(NOTEBOOK_DIR.resolve()):
        raise ValueError(f"the report folder {out_dir} is (or holds) the notebooks' folder: choose another --out")
    if corpus.is_relative_to(out_dir):
        raise ValueError(f"the report folder {out_dir} holds the corpus {corpus.name}: choose another --out")
    if corpus.is_dir() and out_dir.is_relative_to(corpus):
        raise ValueError(f"the report folder {out_dir} is inside the corpus folder: its files would be "
                         f"read as articles next time")
    if Path.cwd().resolve().is_relative_to(out_dir):
        raise ValueError(f"the report folder {out_dir} holds the current folder: choose another --out")
    if not out_dir.exists():
        return
    if not out_dir.is_dir():
        raise ValueError(f"the report folder {out_dir} is a file: choose another --out")
    present = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*")
               if not p.is_dir() and not any(part.startswith(".") for part in p.relative_to(out_dir).parts)}
    if not present:
        return
    marker = out_dir / REPORT_MARKER
    try:
        written = set(json.loads(marker.read_text(encoding="utf-8"))["files"]) if marker.is_file() else None
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise ValueError(f"the report folder {out_dir} holds an unreadable {REPORT_MARKER} ({error}): "
                         f"choose another --out") from error
    others = sorted(present - (written or set()))
    if written is None or others:
        listed = ", ".join(shown(name) for name in others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        what = "is not an earlier report" if written is None else "holds files an earlier report did not write"
        raise ValueError(f"the report folder {out_dir} {what} ({listed}); a report replaces its whole "
                         f"folder: choose a new or empty --out, or move those files")


def _replace(out_dir: Path, staging: Path) -> None:
    """Put the finished report `staging` in place of `out_dir` (an earlier report, empty or absent)."""
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", suffix=".old", dir=out_dir.parent))
    out_dir.rename(old / "report")
    staging.rename(out_dir)
    shutil.rmtree(old)


def _fits(value, expected) -> bool:
    """True when `value` is of the kind of the default `expected` (any number for a float)."""
    if isinstance(expected, bool) or isinstance(value, bool):
        return isinstance(expected, bool) and isinstance(value, bool)
    if isinstance(expected, float):
        return isinstance(value, int | float)
    return isinstance(value, list | tuple) if isinstance(expected, tuple) else isinstance(value, type(expected))


def _typed(name: str, value, default: str, notebook: str):
    """`value` for parameter `name` of `notebook`, whose default is the source text `default`.

    Text is read as JSON unless the default is text. When the default is a
    literal of a kind in `PARAMETER_KINDS`, the value must be of that kind (a
    whole number for an int, any number for a float), else `ValueError`.
    """
    try:
        expected = ast.literal_eval(default)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        expected = ...  # an expression: any value
    if isinstance(value, str) and not isinstance(expected, str):
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            pass
    kind = next((kind for types, kind in PARAMETER_KINDS if isinstance(expected, types)), None)
    if kind is None or _fits(value, expected):
        return value
    given = next((kind for types, kind in PARAMETER_KINDS if isinstance(value, types)), type(value).__name__)
    raise ValueError(f"parameter {name}: {notebook} has {name} = {default}, {kind}; "
                     f"{json.dumps(value, ensure_ascii=False, default=repr)} is {given}")


def _parameters_of(paths: list[Path], parameters: dict) -> dict[Path, dict]:
    """For each notebook, the `parameters` it declares, each checked against its default (`_typed`).

    A notebook without a `parameters` cell assigning CORPUS, CORPUS among
    `parameters`, or a name no notebook declares is a `ValueError`.
    """
    declared = {path: notebook_parameters(path) for path in paths}
    for path, names in declared.items():
        if "CORPUS" not in names:
            raise ValueError(f"{path.name}: no cell tagged 'parameters' assigning CORPUS")
    if "CORPUS" in parameters:
        raise ValueError("CORPUS is set by the corpus argument, not as a parameter")
    unknown = sorted(set(parameters).difference(*declared.values()))
    if unknown:
        raise ValueError(f"no notebook has a parameter {', '.join(unknown)}")
    return {path: {name: _typed(name, value, declared[path][name], path.name)
                   for name, value in parameters.items() if name in declared[path]} for path in paths}


def _run_all(jobs: list[tuple[str, Path, str | None]], given: dict[Path, dict], labels: pd.Series,
             out_dir: Path, timeout: int, progress: bool | None, workers: int) -> pd.DataFrame:
    """Run every notebook of `given` for every job of `_plan`; the runs table (`RUN_COLUMNS`, `table_paths`).

    Each notebook runs in one kernel reused for the events (`research.report.execute.Kernel`); its
    events are cut into `workers` parts run side by side, so that one run waits on its kernel while
    another converts its page. Rows come event by event, notebooks in order.
    """
    runs = {}
    with (out_dir / "kernel.log").open("w", encoding="utf-8") as log:
        bar = tqdm(total=len(jobs) * len(given), desc="report", unit="notebook",
                   disable=None if progress is None else not progress, file=sys.stderr)

        def run_part(number: int, path: Path, part: list[int]) -> None:
            with Kernel(path.parent, log) as kernel:
                for job in part:
                    event_id, folder, corpus_value = jobs[job]
                    injected = dict(given[path])
                    if corpus_value is not None:
                        injected["CORPUS"] = corpus_value
                    runs[job, number] = {"event_id": event_id, "event_label": labels[event_id],
                                         **run_notebook(path, folder, out_dir, injected, timeout, kernel,
                                                      list(given))}
                    bar.set_postfix_str(path.stem if len(jobs) == 1 else f"{event_id}: {path.stem}")
                    bar.update()

        parts = [list(range(len(jobs)))[k::workers] for k in range(min(max(workers, 1), len(jobs)))]
        with ThreadPoolExecutor(max_workers=max(workers, 1)) as pool:
            for done in [pool.submit(run_part, number, path, part) for number, path in enumerate(given)
                         for part in parts]:
                done.result()
        bar.close()
    return pd.DataFrame([runs[key] for key in sorted(runs)], columns=[*RUN_COLUMNS, "table_paths"])


def build_report(corpus: str | Path | None, out_dir: str | Path, *, notebooks: list[Path] | None = None,
                 parameters: dict | None = None, columns: dict[str, str] | None = None,
                 event: str | None = None, min_articles: int = 2,
                 cluster: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
                 progress: bool | None = None, timeout: int = 1800, workers: int = 2) -> pd.DataFrame:
    """Execute the notebooks on `corpus` and write the report into `out_dir` (layout: module docstring).

    - `corpus`: folder or file (None: the embedded `seeds/`); `columns`: the
      JSONL/CSV column mapping of `load_articles`.
    - `out_dir`: a new or empty folder, or an earlier report, which the new one
      replaces as a whole (`check_out_dir` says what is refused). The report is
      written into a hidden folder beside it and moved into place at the end,
      so an interrupted run leaves the earlier report as it was.
    - `notebooks`: the notebook files to run (default: every numbered notebook);
      each must have a `parameters` cell assigning `CORPUS`.
    - `parameters`: further values to inject, each into the notebooks that
      declare it; a value must be of the kind of the notebook's default (text
      is read as JSON for a number, true/false or list: `_typed`).
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
    stop the others. Bad options and a refused `out_dir` raise `ValueError`; an
    unusable corpus `CorpusError`; no event to analyse `AnalysisError`.
    """
    out_dir = Path(out_dir).resolve()  # absolute: the kernels run in other folders
    paths = list(notebooks) if notebooks is not None else notebook_paths()
    source = Path(corpus).resolve() if corpus is not None else default_corpus()
    if SURROGATE.search(str(source)):  # the notebooks get it as text, which must be UTF-8
        raise ValueError(f"the corpus path {shown(str(source))} is not UTF-8: rename it")
    check_out_dir(out_dir, source, paths)
    if not paths:
        raise ValueError("no notebooks to run")
    given = _parameters_of(paths, parameters or {})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorpusWarning)
        articles = load_articles(corpus, columns)
        # the cleaning's warnings too (an article without body text); split on every usable core
        blocks = split_blocks(articles, workers=len(os.sched_getaffinity(0)))
    for warning in caught:
        warnings.warn(warning.message, stacklevel=2)
    with warnings.catch_warnings(record=True) as clustering:  # undated articles, articles without a body:
        warnings.simplefilter("always", CorpusWarning)      # notes on the index page
        events = find_events(articles, cluster or (lambda found: cluster_articles(blocks, found)))
    caught += [w for w in clustering if str(w.message) not in {str(c.message) for c in caught}]
    chosen = choose_events(events, event, min_articles, articles)
    labels = events.drop_duplicates("event_id").set_index("event_id")["event_label"]
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", suffix=".partial", dir=out_dir.parent))
    try:
        jobs = _plan(articles, events, chosen, corpus, columns, staging)
        table = _run_all(jobs, given, labels, staging, timeout, progress, workers)
        listing = articles[[c for c in LISTING_COLUMNS if c in ARTICLE_COLUMNS]].merge(events, on="article_id")
        listing = listing.assign(analysed=listing["event_id"].isin(chosen))[LISTING_COLUMNS]
        write_csv(listing, staging / "articles.csv")
        write_csv(table[RUN_COLUMNS], staging / "runs.csv")
        corpus_name = shown(Path(corpus).name if corpus is not None else default_corpus().name)
        notes = loading_notes(caught)
        write_pages(staging, corpus_name, listing, events, table, notes, min_articles)
        written = sorted(p.relative_to(staging).as_posix() for p in staging.rglob("*") if p.is_file())
        (staging / REPORT_MARKER).write_text(json.dumps({"files": written}, indent=0) + "\n", encoding="utf-8")
        _replace(out_dir, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return table[RUN_COLUMNS]
