"""Time and memory of loading and cleaning one large text file, stage by stage.

    python benchmarks/large_file.py [--mb 50]

The file: the five seed pages (real news pages with their chrome, curly quotes
included, so Python holds the text at two bytes a character) repeated to the
size asked, saved as one `.txt` article. The stages are those every analysis
starts with: `load_articles`, `split_blocks`, `split_passages` and the
`assert_accounted` check. Each measurement runs in a fresh process: once with
`tracemalloc` (the peak of memory Python allocated during each stage, and
what the stage's result keeps), once without it for the wall time and the
process's peak resident memory (`peak_mb`, with the memory after the imports
given apart). Sizes are shown in MB and as multiples of the file's size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import research

sys.path.insert(0, str(Path(__file__).resolve().parent))
from similarity_join import peak_mb  # VmHWM: a child process's own peak

STAGES = ("load", "blocks", "passages", "accounting")


def write_file(folder: Path, megabytes: float) -> Path:
    """One text file of about `megabytes` MB: the seed pages repeated."""
    pages = "\n\n".join(research.load_articles()["text"])
    size = int(megabytes * 1_000_000)
    path = folder / "large.txt"
    path.write_text((pages * (size // len(pages) + 1))[:size], encoding="utf-8")
    return path


def run_stages(path: Path, trace: bool) -> dict:
    """Run the stages on `path`; per stage: seconds, and peak/kept bytes (traced) or peak RSS."""
    results = {"file_bytes": path.stat().st_size, "rss_after_imports": peak_mb()}
    tables: dict = {}
    steps = {
        "load": lambda: tables.update(articles=research.load_articles(path)),
        "blocks": lambda: tables.update(blocks=research.split_blocks(tables["articles"])),
        "passages": lambda: tables.update(passages=research.split_passages(tables["blocks"])),
        "accounting": lambda: research.assert_accounted(tables["articles"], tables["blocks"], tables["passages"]),
    }
    if trace:
        tracemalloc.start()
    for stage in STAGES:
        if trace:
            tracemalloc.reset_peak()
            before = tracemalloc.get_traced_memory()[0]
        start = time.perf_counter()
        steps[stage]()
        row = {"seconds": time.perf_counter() - start}
        if trace:
            current, peak = tracemalloc.get_traced_memory()
            row |= {"peak_traced": peak, "kept": current - before, "total_traced": current}
        else:
            row["peak_rss"] = peak_mb()
        results[stage] = row
    results["rows"] = {name: len(table) for name, table in tables.items()}
    return results


def child(path: Path, trace: bool) -> dict:
    """`run_stages` in a fresh Python process."""
    done = subprocess.run([sys.executable, __file__, "--child", str(path), *(["--trace"] if trace else [])],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=50.0, help="size of the file in MB (default 50)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--trace", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_stages(args.child, args.trace)))
        return
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), args.mb)
        timed, traced = child(path, trace=False), child(path, trace=True)
    size = timed["file_bytes"]
    mb = 1_000_000
    print(f"file: {size / mb:.1f} MB; rows: {traced['rows']}; "
          f"process memory after the imports: {timed['rss_after_imports']:.0f} MB")
    print()
    print("| stage | seconds | peak RSS of the process (MB) | peak Python memory during the stage (MB, x file) "
          "| kept by its result (MB) | all tables so far (MB, x file) |")
    print("|---|---|---|---|---|---|")
    for stage in STAGES:
        t, m = timed[stage], traced[stage]
        print(f"| {stage} | {t['seconds']:.1f} | {t['peak_rss']:.0f} | "
              f"{m['peak_traced'] / mb:.0f} ({m['peak_traced'] / size:.1f}) | {m['kept'] / mb:.0f} | "
              f"{m['total_traced'] / mb:.0f} ({m['total_traced'] / size:.1f}) |")


if __name__ == "__main__":
    main()
