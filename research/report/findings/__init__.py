"""Findings: the sentences each notebook states about its results, written by code from that run's tables.

One function per notebook turns its tables into a findings table (`order`,
`finding`, `figure`: the saved table a finding rests on); `show_findings`
saves it as the run's `findings` table and displays it as Markdown bullets.
The `*_title` functions give each chart a title that states what it shows.
Every sentence is computed, so a report on any corpus states that corpus's
results; what a method cannot tell is said beside the result.
"""

from research.report.findings.claims import claims_findings, timeline_title
from research.report.findings.common import FINDING_COLUMNS, findings_table, show_findings, too_few
from research.report.findings.corpus import body_share_title, corpus_findings
from research.report.findings.elements import coverage_title, elements_findings, own_material_title
from research.report.findings.framing import framing_findings, terms_title, voices_title
from research.report.findings.overlap import containment_title, overlap_findings

__all__ = ["FINDING_COLUMNS", "body_share_title", "claims_findings", "containment_title", "corpus_findings",
           "coverage_title", "elements_findings", "findings_table", "framing_findings", "overlap_findings",
           "own_material_title", "show_findings", "terms_title", "timeline_title", "too_few", "voices_title"]
