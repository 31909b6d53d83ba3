"""How long `research report` takes: on 25 events of AllSides feed excerpts, and on the seeds.

    python benchmarks/report_speed.py ../shared/data [--events 25]

Writes the first EVENTS AllSides roundups (`research.corpus.datasets.read_allsides`) as one JSON
Lines file in a temporary folder, then times the command a user runs, `python -m research report
CORPUS --out DIR`, on it and on the embedded seeds, and prints one row per corpus: articles, events
analysed, notebook runs (and failures), wall-clock seconds against the target, and the machine's
load average before and after (the machine may be shared: read the seconds with the load).
Targets (issue 16): 25 AllSides events in 300 s and the seeds in 60 s, on 2 cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from research.corpus.datasets import read_allsides
from research.corpus.load import default_corpus

TARGETS = {"allsides": 300, "seeds": 60}


def allsides_corpus(data: Path, events: int, folder: Path) -> Path:
    """The first `events` AllSides roundups as a JSON Lines corpus (id, outlet, title, published, url, text)."""
    articles = read_allsides(data / "allsides_dev")
    chosen = list(dict.fromkeys(articles["event"]))[:events]
    path = folder / "allsides.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for row in articles[articles["event"].isin(chosen)].itertuples(index=False):
            out.write(json.dumps({"id": row.article_id, "outlet": row.outlet, "title": row.headline,
                                  "published": row.published, "url": row.url, "text": row.text}) + "\n")
    return path


def timed_report(corpus: Path, out: Path) -> dict:
    """Run `python -m research report` on `corpus`; its wall-clock time, exit status and runs table."""
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "research", "report", str(corpus), "--out", str(out)],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    runs = pd.read_csv(out / "runs.csv", keep_default_na=False) if (out / "runs.csv").exists() else pd.DataFrame(
        columns=["event_id", "status"])
    return {"exit status": done.returncode, "events analysed": runs["event_id"].nunique(),
            "notebook runs": len(runs), "failed": int((runs["status"] != "ok").sum()),
            "seconds": round(seconds, 1), "load before": round(load_before, 1),
            "load after": round(os.getloadavg()[0], 1), "stderr": done.stderr.strip()[-300:]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="the development corpora folder (holding allsides_dev/)")
    parser.add_argument("--events", type=int, default=25, help="AllSides roundups in the corpus (default 25)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        corpus = allsides_corpus(args.data, args.events, folder)
        articles = sum(1 for _ in corpus.open(encoding="utf-8"))
        rows.append({"corpus": f"allsides ({args.events} roundups)", "articles": articles,
                     **timed_report(corpus, folder / "allsides-report"), "target s": TARGETS["allsides"]})
        seeds = default_corpus()
        rows.append({"corpus": "seeds", "articles": len([p for p in seeds.iterdir() if p.suffix in (".txt", ".html")]),
                     **timed_report(seeds, folder / "seeds-report"), "target s": TARGETS["seeds"]})
    table = pd.DataFrame(rows)
    print(f"cores: {os.cpu_count()}; python {sys.version.split()[0]}")
    columns = ["corpus", "articles", "events analysed", "notebook runs", "failed", "exit status", "seconds",
               "target s", "load before", "load after"]
    print(table[columns].to_string(index=False))
    for row in table.itertuples():
        if row.stderr:
            print(f"{row.corpus} stderr: {row.stderr}")


if __name__ == "__main__":
    main()
