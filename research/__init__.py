"""Compare how several news outlets cover one event.

Data flows one way, one subpackage per stage:

- `research.corpus`: files -> articles (`load_articles`) -> blocks with roles
  (`split_blocks`, the cleaning) -> passages with offsets (`split_passages`);
- `research.text`: the tokenizer, quotation marks, sentences and dates every stage reads;
- `research.reuse`: passage similarity and the similarity join, the
  paraphrase probability, shared spans (`align`) and who copied whom
  (`article_overlap`);
- `research.story`: events (`cluster_articles`), story elements
  (`cluster_passages`) and coverage;
- `research.claims`: attributions (`attributions`, `group_actors`) and figures
  (`extract_claims`, `claim_ledger`);
- `research.framing`: distinctive terms, markers, voices and headlines;
- `research.report`: charts, HTML views, reader tables, the computed findings, notebook setup and
  the `research report` command.

Every public name is importable from `research` itself (`from research import
align`); modules are imported on first use, so `import research` is quick.
`research.analyse(articles)` runs the whole chain once.
"""

from __future__ import annotations

import importlib

# Public name -> the module that defines it.
_PUBLIC = {
    "research.errors": ["AnalysisError", "CorpusError", "CorpusWarning"],
    "research.corpus.load": ["default_corpus", "load_articles"],
    "research.corpus.blocks": ["ROLES", "split_blocks"],
    "research.corpus.passages": ["split_passages", "word_table"],
    "research.corpus.audit": ["assert_accounted", "check_accounting", "cleaning_audit"],
    "research.text.dates": ["resolve_dates"],
    "research.reuse.similarity": ["TextVectorizer", "pair_similarity", "similar_pairs"],
    "research.reuse.paraphrase": ["paraphrase_pairs", "paraphrase_probability"],
    "research.reuse.alignment": ["align"],
    "research.reuse.overlap": ["article_overlap"],
    "research.story.events": ["cluster_articles"],
    "research.story.elements": ["StoryElements", "cluster_passages"],
    "research.story.coverage": ["coverage", "coverage_matrix", "ledes", "omissions", "outlet_summary"],
    "research.claims.cues": ["attributions"],
    "research.claims.actors": ["actor_group", "group_actors"],
    "research.claims.numerals": ["QUALIFIERS"],
    "research.claims.conflicts": ["claim_conflicts"],
    "research.claims.ledger": ["claim_ledger", "extract_claims", "timeline_table"],
    "research.framing.lexicons": ["LEXICON", "REPORTING_VERB_KINDS"],
    "research.framing.terms": ["distinctive_terms", "term_contexts"],
    "research.framing.markers": ["body_words", "find_markers", "marker_rates", "reporting_verbs"],
    "research.framing.headlines": ["headline_framing"],
    "research.framing.voices": ["OWN_VOICE", "voice_of", "voice_shares", "voice_spans", "voice_table"],
    "research.report.figures": ["plot_containment", "plot_coverage", "plot_distinctive_terms", "plot_shares",
                                "plot_timeline", "plot_voices"],
    "research.report.render": ["conflicts_html", "side_by_side"],
    "research.report.notebook": ["setup_notebook"],
    "research.report.tables": ["save_table"],
    "research.report.readable": ["in_context", "outlet_labels", "reader_table", "when"],
    "research.report.findings": ["body_share_title", "claims_findings", "containment_title", "corpus_findings",
                                 "coverage_title", "elements_findings", "findings_table", "framing_findings",
                                 "overlap_findings", "own_material_title", "show_findings", "terms_title",
                                 "timeline_title", "too_few", "voices_title"],
    "research.pipeline": ["Analysis", "analyse"],
}
_MODULE_OF = {name: module for module, names in _PUBLIC.items() for name in names}
__all__ = sorted(_MODULE_OF)  # noqa: PLE0605 (the names of the map above, in one place)


SUBPACKAGES = ("corpus", "text", "reuse", "story", "claims", "framing", "report")


def __getattr__(name: str):
    if name in SUBPACKAGES:
        return importlib.import_module(f"research.{name}")
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'research' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
