"""The package layout: the public API, one folder per stage, stages that take the table they consume."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import research

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "research"

# `research.__all__` before the package was split into subpackages: every name stays importable.
PUBLIC_BEFORE = [
    "ROLES", "AnalysisError", "CorpusError", "CorpusWarning", "StoryElements", "TextVectorizer", "actor_group",
    "align", "article_overlap", "assert_accounted", "attributions", "check_accounting", "claim_conflicts",
    "claim_ledger", "cleaning_audit", "cluster_articles", "cluster_passages", "coverage", "default_corpus",
    "distinctive_terms", "extract_claims", "find_markers", "group_actors", "headline_framing", "ledes",
    "load_articles", "marker_rates", "omissions", "pair_similarity", "reporting_verbs", "resolve_dates",
    "save_table", "similar_pairs", "split_blocks", "split_passages", "voice_shares", "voice_spans",
]
STAGES = ("corpus", "text", "reuse", "story", "claims", "framing", "report")
# Modules that run the chain (and so may split articles into blocks): the entry points.
ENTRY_POINTS = {"research/pipeline.py", "research/report/build.py"}


def test_every_public_name_of_before_the_split_is_still_importable_from_research():
    for name in PUBLIC_BEFORE:
        assert name in research.__all__, name
        exec(f"from research import {name}", {})  # noqa: S102 - the import statement users write
    assert sorted(research.__all__) == research.__all__ and len(set(research.__all__)) == len(research.__all__)


def test_importing_research_imports_no_stage_until_a_name_is_used():
    code = "import sys, research; print(sorted(m for m in sys.modules if m.startswith('research.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
    code = "import sys, research; research.align; print('pandas' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "True"


def test_one_folder_per_stage_and_no_module_over_800_lines():
    folders = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert folders == sorted(STAGES)
    for module in PACKAGE.rglob("*.py"):
        lines = module.read_text(encoding="utf-8").count("\n")
        assert lines <= 800, f"{module.relative_to(ROOT)}: {lines} lines"


def test_only_the_entry_points_clean_the_articles():
    for module in sorted(PACKAGE.rglob("*.py")):
        name = module.relative_to(ROOT).as_posix()
        if name in ENTRY_POINTS or name.endswith(("corpus/blocks.py", "corpus/passages.py")):
            continue
        calls = [node.func for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Call)]
        called = {getattr(func, "id", getattr(func, "attr", "")) for func in calls}
        assert not called & {"split_blocks", "split_passages"}, name


def test_notebooks_import_from_research_only():
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] == "code":
                assert not re.search(r"^\s*(?:from|import) research\.", source, re.MULTILINE), path.name


def test_analyse_runs_the_chain_once_into_consistent_tables(seed_articles):
    result = research.analyse(seed_articles)
    assert set(result.blocks["article_id"]) == set(seed_articles["article_id"])
    assert set(result.passages["block_id"]) <= set(result.blocks["block_id"])
    assert set(result.elements.passages["passage_id"]) <= set(result.passages["passage_id"])
    assert set(result.claims["passage_id"]) <= set(result.passages["passage_id"])
    assert len(result.overlap) == 5 * 4  # every ordered pair of the five seeds
    assert set(result.coverage["element_id"]) == set(result.elements.elements["element_id"])
