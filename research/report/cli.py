"""Command line: `research report CORPUS --out DIR` (or `python -m research report ...`).

`research notebooks` lists the notebooks of the series with their parameters.
Bad input ends with exit status 2 and a one-line reason on stderr; a notebook
that fails ends with status 1 after the rest of the report is written.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from research.errors import AnalysisError, CorpusError, CorpusWarning

REPORT_EPILOG = """\
examples:
  research report my_pages/ --out my_report        # a folder of saved .html pages
  research report export.jsonl --out my_report     # a JSONL export of a news API
  research report media.csv --column text=story --column outlet=paper --out my_report
  research report mixed/ --out my_report --event 3 --notebooks 01 02

Open OUT/index.html: it links the executed notebooks and the CSV tables behind
their figures. Without the notebook tools installed: pip install -e ".[notebooks]".
"""


def _assignment(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name.strip(), value


def _parameter(text: str) -> tuple[str, str]:
    """NAME=VALUE; `build_report` reads VALUE as the kind of the notebook's default (JSON unless text)."""
    return _assignment(text)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `research` command."""
    parser = argparse.ArgumentParser(
        prog="research", description="Compare how several news outlets cover one event.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    report = commands.add_parser(
        "report", help="run the notebook series on a corpus and write a shareable HTML report",
        description="Run every numbered notebook on CORPUS and write OUT/index.html, a page per notebook "
                    "and the tables behind the figures as CSV. The committed notebooks are not modified.",
        epilog=REPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    report.add_argument(
        "corpus", metavar="CORPUS",
        help="a folder or one file: .txt and .html/.htm pages (one article each), .jsonl and .csv files "
             "(one article per line or row), in any mix; an articles.csv directly in the folder is a "
             "manifest of metadata, not articles")
    report.add_argument("--out", metavar="DIR", default="reports",
                        help="folder for the report (created if needed; default: reports)")
    report.add_argument(
        "--event", metavar="EVENT_ID",
        help="analyse only this event (ids are listed on the index page and in articles.csv); default: "
             "every event with at least --min-articles articles")
    report.add_argument("--min-articles", metavar="N", type=int, default=2,
                        help="smallest event analysed when several events are found (default: 2)")
    report.add_argument(
        "--notebooks", metavar="NN", nargs="+",
        help="run only these notebooks, by number or name prefix (e.g. 01 03); default: all")
    report.add_argument(
        "--param", metavar="NAME=VALUE", type=_parameter, action="append", default=[],
        help="set a notebook parameter such as a threshold, in every notebook that declares it; VALUE "
             "is read as JSON (0.5, true, [1, 2]) unless the notebook's default is text, and must be of the "
             "default's kind; repeatable; `research notebooks` lists the parameters")
    report.add_argument(
        "--column", metavar="FIELD=NAME", type=_assignment, action="append", default=[],
        help="the column (JSONL key or CSV header) holding a field of the articles: FIELD is one of "
             "text, id, outlet, headline, published, byline, url, provenance; repeatable; default: "
             "common names (text/body/content, id/uuid, source/outlet/publisher, title/headline, "
             "published/date/publishedAt, url/link)")
    report.add_argument("--timeout", metavar="SECONDS", type=int, default=1800,
                        help="time allowed for one notebook cell (default: 1800)")
    report.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="show a progress bar on stderr (default: only when stderr is a terminal)")
    commands.add_parser("notebooks", help="list the notebooks of the series and their parameters",
                        description="List the numbered notebooks, their titles and their parameters "
                                    "(the names --param can set) with default values.")
    return parser


def _select(paths: list[Path], wanted: list[str] | None) -> list[Path]:
    if not wanted:
        return paths
    chosen = []
    for prefix in wanted:
        matches = [p for p in paths if p.name.startswith(prefix)]
        if not matches:
            raise ValueError(f"no notebook matches {prefix!r} (notebooks: {', '.join(p.stem for p in paths)})")
        chosen += [p for p in matches if p not in chosen]
    return sorted(chosen)


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    print(f"research: warning: {message}", file=sys.stderr)


def _report(args: argparse.Namespace, report) -> int:
    from research.corpus.load import shown

    with warnings.catch_warnings():
        warnings.simplefilter("always", CorpusWarning)
        warnings.showwarning = _show_warning
        runs = report.build_report(
            Path(args.corpus), Path(args.out), notebooks=_select(report.notebook_paths(), args.notebooks),
            parameters=dict(args.param), columns=dict(args.column) or None, event=args.event,
            min_articles=args.min_articles, progress=args.progress, timeout=args.timeout)
    print(shown(str(Path(args.out) / "index.html")))
    failed = runs[runs["status"] == "failed"]
    if len(failed):
        reasons = "; ".join(f"{r.notebook} ({r.error})" for r in failed.itertuples())
        print(f"research: {len(failed)} of {len(runs)} notebook runs failed: {reasons}", file=sys.stderr)
        return 1
    return 0


def _notebooks() -> int:
    import nbformat

    from research.report.execute import notebook_parameters, notebook_paths, title_of

    for path in notebook_paths():
        title = title_of(nbformat.read(path, as_version=4), path.stem)
        print(f"{path.name}: {title}")
        for name, default in notebook_parameters(path).items():
            print(f"    {name} = {default}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        from research.report import build as report
    except ImportError as error:
        print(f"research: error: the report needs the notebook tools ({error}); "
              f"install them with: pip install -e \".[notebooks]\"", file=sys.stderr)
        return 2
    try:
        return _report(args, report) if args.command == "report" else _notebooks()
    except (CorpusError, AnalysisError, ValueError, OSError) as error:
        print(f"research: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("research: interrupted", file=sys.stderr)
        return 130
