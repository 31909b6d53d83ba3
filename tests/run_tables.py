"""The tables a report run of the five notebooks saves, computed in-process from a corpus as the notebooks
compute them, and written into a report folder as `research.save_table` writes them.

Used by the page and chart tests, so that they read real tables of real text without executing notebooks.
Findings are computed here from the same tables (one or two sentences per notebook, each naming the table
behind it), as the notebooks' findings functions would.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

import research
from research.report.tables import TABLES_ENV
from research.text.tokens import word_spans

NOTEBOOKS = ["01-corpus", "02-source-overlap", "03-story-elements", "04-claim-timeline", "05-framing"]
TITLES = {"01-corpus": "01 · The corpus: what we have", "02-source-overlap": "02 · Source overlap: who reused whose text?",
          "03-story-elements": "03 · Story elements: what each outlet carried",
          "04-claim-timeline": "04 · Claim timeline: which figures, who claimed them",
          "05-framing": "05 · Framing: words, voices, certainty"}


def term_contexts(top: pd.DataFrame, passages: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Every use of each group's distinctive term in the body sentences of every outlet: `group`, `term`,
    `article_id`, `outlet`, `start`, `end`, `context` (the sentence)."""
    outlets = articles.set_index("article_id")["outlet"]
    rows = []
    body = passages[passages["role"] == "body"]
    for passage in body.itertuples():
        words = word_spans(passage.text)
        for group, term in top[["group", "term"]].itertuples(index=False):
            parts = term.split()
            for i in range(len(words) - len(parts) + 1):
                if [w[2] for w in words[i:i + len(parts)]] == parts:
                    rows.append({"group": group, "term": term, "article_id": passage.article_id,
                                 "outlet": outlets[passage.article_id], "start": passage.start + words[i][0],
                                 "end": passage.start + words[i + len(parts) - 1][1], "context": passage.text})
    return pd.DataFrame(rows, columns=["group", "term", "article_id", "outlet", "start", "end", "context"])


def compute(articles: pd.DataFrame) -> dict[str, dict[str, pd.DataFrame | pd.Series]]:
    """Notebook stem -> table name -> table, for one event's articles."""
    blocks = research.split_blocks(articles)
    passages = research.split_passages(blocks)
    names = articles.set_index("article_id")["outlet"]
    blocks["outlet"] = blocks["article_id"].map(names)
    chars = blocks.assign(chars=blocks["text"].str.count(r"\S")).pivot_table(
        index="outlet", columns="role", values="chars", aggfunc="sum", fill_value=0)
    tables = {stem: {} for stem in NOTEBOOKS}
    tables["01-corpus"] |= {"characters-by-role": chars, "cleaning-audit": research.cleaning_audit(articles, blocks)}
    spans = research.align(passages, articles)
    overlap = research.article_overlap(spans, passages, articles).assign(
        a=lambda t: t["article_id_a"].map(names), b=lambda t: t["article_id_b"].map(names))
    tables["02-source-overlap"]["containment"] = overlap.pivot(index="a", columns="b", values="containment")
    found = research.cluster_passages(passages, articles)
    cover = research.coverage(found, passages)
    gaps = research.omissions(cover)
    tables["03-story-elements"] |= {"elements": found.elements, "coverage": cover, "omissions": gaps,
                                    "outlet_summary": research.outlet_summary(cover),
                                    "ledes": research.ledes(found, passages, articles)}
    cues = research.group_actors(research.attributions(blocks, articles), articles)
    claims = research.extract_claims(passages, cues, articles)
    tables["04-claim-timeline"] |= {"timeline": research.timeline_table(claims, articles),
                                    "conflicts": research.claim_conflicts(claims, articles)}
    terms = research.distinctive_terms(passages, by="outlet", articles=articles)
    top = terms.groupby("group").head(6).reset_index(drop=True)
    voices = research.voice_shares(research.voice_spans(passages, articles, cues), articles=articles)
    markers = pd.concat([research.find_markers(passages), research.reporting_verbs(cues)], ignore_index=True)
    tables["05-framing"] |= {"distinctive_terms": top, "term_contexts": term_contexts(top, passages, articles),
                             "voices": research.voice_table(voices), "headlines": research.headline_framing(articles),
                             "marker_rates": research.marker_rates(markers, passages, articles=articles),
                             "left_out": gaps[gaps["kind"] == "left out"]}
    for stem, named in tables.items():
        named["findings"] = findings(stem, named)
    return tables


def findings(stem: str, tables: dict) -> pd.DataFrame:
    """One or two sentences per notebook computed from its tables, each naming the table behind it."""
    rows = []
    if stem == "01-corpus":
        audit = tables["cleaning-audit"]
        low, high = audit["body_share"].min(), audit["body_share"].max()
        rows.append((f"Between {low:.0%} and {high:.0%} of a page's characters are article body.",
                     "characters-by-role"))
    elif stem == "02-source-overlap":
        share = tables["containment"].max().max()
        rows.append((f"At most {share:.0%} of one article's body is text shared with another.", "containment"))
    elif stem == "03-story-elements":
        elements, outlets = tables["elements"], tables["coverage"]["outlet"].nunique()
        every = int((elements["n_outlets"] == outlets).sum())
        rows.append((f"{every} of the {len(elements)} story elements are carried by all {outlets} outlets.",
                     "coverage"))
        top = tables["outlet_summary"].sort_values("words_only").iloc[-1]
        rows.append((f"{top['outlet']} carries the most material of its own ({top['words_only']:.0%} of its words).",
                     "outlet_summary"))
    elif stem == "04-claim-timeline":
        timeline = tables["timeline"]
        if len(timeline):
            subject = timeline["subject"].mode().iloc[0]
            rows.append((f"The outlets carry {timeline['figure'].nunique()} figures on {subject}.", "timeline"))
        rows.append((f"{len(tables['conflicts'])} pairs of claims disagree.", ""))
    else:
        own = tables["voices"]["(outlet's own voice)"]
        rows.append((f"The outlet's own voice fills from {own.min():.0%} to {own.max():.0%} of the stories.",
                     "voices"))
        first = tables["distinctive_terms"].iloc[0]
        rows.append((f"{first['term']!r} is the most distinctive term of {first['group']}.", "distinctive_terms"))
    return pd.DataFrame([(i + 1, text, figure) for i, (text, figure) in enumerate(rows)],
                        columns=["order", "finding", "figure"])


def write(tables: dict, folder: Path, out_dir: Path, failed: tuple[str, ...] = ()) -> list[dict]:
    """Save `tables` into `folder` (inside `out_dir`) as a report run would, with a stand-in page per
    notebook; return the runs' rows (notebooks in `failed` saved nothing and failed)."""
    runs = []
    for stem in NOTEBOOKS:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.html").write_text(f"<!doctype html><title>{stem}</title>", encoding="utf-8")
        paths = []
        if stem not in failed:
            os.environ[TABLES_ENV] = str(folder / "tables" / stem)
            try:
                for name, table in tables[stem].items():
                    research.save_table(table, name)
            finally:
                del os.environ[TABLES_ENV]
            paths = sorted(p.relative_to(out_dir).as_posix() for p in (folder / "tables" / stem).glob("*.csv"))
        runs.append({"notebook": f"{stem}.ipynb", "title": TITLES[stem], "status": "failed" if stem in failed else "ok",
                     "error": "in cell [7]: ValueError: <b>bad</b> input" if stem in failed else "",
                     "html": (folder / f"{stem}.html").relative_to(out_dir).as_posix(), "tables": len(paths),
                     "table_paths": paths})
    return runs
