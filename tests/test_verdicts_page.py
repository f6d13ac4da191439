"""The Methods page shows the verdict method, the summary of findings, the corrections log and the check date."""

from __future__ import annotations

from core.analysis.verdicts import checked_on_words, evidence_checked_on
from core.text import md_escape
from tests.test_pages import all_text, open_page


def test_methods_page_shows_method_findings_and_corrections(dataset):
    at = open_page("pages/9_Methods.py")
    assert not at.exception
    text = all_text(at)
    assert md_escape(f"Evidence checked as of {checked_on_words(evidence_checked_on(dataset))}") in text
    labels = [e.label for e in at.expander]
    for verdict in dataset.verdicts["verdict"]:
        assert any(label.startswith(f"{verdict}:") for label in labels), verdict
    assert {md_escape(q) for q in dataset.evidence_summary["question"]} <= {s.value for s in at.subheader}
    assert f"{len(dataset.changes)} changes to the data" in text
    assert "Corrections log" in labels


def test_methods_page_sentences_carry_no_row_ids(dataset):
    at = open_page("pages/9_Methods.py")
    prose = "\n".join(m.value for m in at.markdown)
    ids = set(dataset.evidence["id"]) | set(dataset.regulatory["id"]) | set(dataset.claims["id"])
    assert not [i for i in ids if md_escape(i) in prose or i in prose]
