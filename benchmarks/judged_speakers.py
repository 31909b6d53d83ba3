"""The judged story-element findings whose error was an unshown speaker: which now come with a speaker, and which.

    python benchmarks/judged_speakers.py ../shared/data --polnear-train POLNEAR_TRAIN

Reads the findings of rounds 3-11 only (`LAST_ROUND`; no later round's row is read) judged again under the written
judging rule (`rejudged_elements.jsonl`, docs/evaluation.md "Story elements") and keeps those judged wrong as
*a piece* (`rule_reason` opening "a piece"). Each event is built as `element_rules.load` builds it, its findings
are `omissions` of `coverage` with the voice spans (`voice_spans` of `attributions` grouped by `group_actors`),
so each carries its `speaker`; a finding is shown with "said by: NAME" when its speaker is not named in the
shown text (`research.report.findings.common.said_by`, the label and the sentence before). Prints, for every such
finding still stated, its label, the sentence before, the speaker shown and the judged reason, and counts: the
*a piece* findings whose reason is the speaker (`SPEAKER_REASON`), how many of them are now shown with a
speaker. Whether the speaker shown is right is read by hand from the printed rows (docs/evaluation.md). No verdict
is changed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import pandas as pd

import research
from research.report.findings.common import said_by
from research.story.coverage import coverage, omissions

sys.path.insert(0, str(Path(__file__).resolve().parent))
import element_rules
from evaluate_elements import REJUDGED

LAST_ROUND = 11
# A judged reason that names the speaker as what the shown text lacks.
SPEAKER_REASON = re.compile(r"speak|\bhe said\b|\bhe added\b|'(?:he|she|He|She)'|\((?:Obama|Trump|[A-Z][a-z]+)\) is|"
                            r"names no|named (?:in no|only)", re.IGNORECASE)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", type=Path)
    parser.add_argument("--polnear-train", type=Path, default=None)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in REJUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = pd.DataFrame([row for row in rows if 3 <= row["round"] <= LAST_ROUND])
    piece = rows[(rows["rule_verdict"] == "wrong") & rows["rule_reason"].str.startswith("a piece")].copy()
    piece["speaker_reason"] = piece["rule_reason"].map(lambda reason: bool(SPEAKER_REASON.search(reason)))
    events, judged = element_rules.load(args.data, LAST_ROUND, args.polnear_train)
    # the event each judged row was found in (PolNeAR train's rows are matched by their articles in `load`)
    event_of = {(r.round, r.corpus, r.kind, r.outlet, r.label): r.event for r in judged.itertuples()}
    piece["event"] = [event_of.get((r.round, r.corpus, r.kind, r.outlet, r.label), str(r.event))
                      for r in piece.itertuples()]
    found_rows = []
    for (corpus, event), group in piece.groupby(["corpus", "event"]):
        built = events.get((corpus, event))
        if built is None:
            continue
        articles, passages = built["articles"], built["passages"]
        blocks = research.split_blocks(articles)
        cues = research.group_actors(research.attributions(blocks, articles), articles)
        voices = research.voice_spans(passages, articles, cues)
        cover = coverage(built["found"], passages, voices=voices)
        stated = omissions(cover).merge(cover[["outlet", "element_id", "sentence_before"]],
                                        on=["outlet", "element_id"], how="left")
        for row in group.itertuples():
            match = stated[(stated["kind"] == row.kind) & (stated["outlet"] == row.outlet)
                           & (stated["label"] == row.label)]
            if match.empty:
                continue
            hit = match.iloc[0]
            before = hit["sentence_before"] if row.kind == "only" else ""
            found_rows.append({"round": row.round, "corpus": corpus, "kind": row.kind, "outlet": row.outlet,
                               "label": row.label, "before": before, "speaker": hit["speaker"],
                               "shown": said_by(hit["speaker"], row.label, before),
                               "speaker_reason": row.speaker_reason, "reason": row.rule_reason})
    table = pd.DataFrame(found_rows)
    print(f"Rounds 3-{LAST_ROUND}, re-judged under the written rule: {len(rows)} findings, {len(piece)} wrong as a "
          f"piece, {int(piece['speaker_reason'].sum())} of them for the speaker (SPEAKER_REASON); still stated now: "
          f"{len(table)}, {int(table['speaker_reason'].sum()) if len(table) else 0} for the speaker.\n")
    for reason, part in table.groupby("speaker_reason", sort=False) if len(table) else []:
        print(f"== {'speaker' if reason else 'other'} reason: {len(part)} still stated, {int((part['speaker'] != '').sum())}"
              f" with a speaker, {int((part['shown'] != '').sum())} shown with 'said by'\n")
        for r in part.itertuples():
            print(f"[{r.round} {r.corpus} {r.kind} {r.outlet}] {r.label}\n   after: {r.before[:160]}\n"
                  f"   speaker: {r.speaker or '-'}; shown: {r.shown or '-'}\n   judged: {r.reason}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
