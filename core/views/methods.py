"""The Methods view: how sure we are of each table, the verdict method, the summary of findings, the dictionary."""

from __future__ import annotations

import pandas as pd

from core import report
from core.analysis import claimreview, verdicts, verification
from core.data import TABLE_NAMES, Dataset, dictionary
from core.text import md_escape

# Everything the Methods page reads, in the order it shows it (page -> this view -> analysis and data).
evidence_checked_on, checked_on_words = verdicts.evidence_checked_on, verdicts.checked_on_words
verdict_method, summary_of_findings = verdicts.verdict_method, verdicts.summary_of_findings
claimreview_records, report_link = claimreview.records_by_id, report.report_link
verification_counts, foreign_keys, FILES = verification.verification_counts, dictionary.foreign_keys, TABLE_NAMES


def field_table_of(ds: Dataset, name: str) -> pd.DataFrame:
    """The data dictionary rows of one file."""
    return dictionary.field_table(ds.resource(name))


def method_levels(ds: Dataset) -> list[tuple[str, str]]:
    """Each verdict level as (title, escaped Markdown body): what it means, what it needs, an example."""
    out = []
    for level in verdict_method(ds).itertuples():
        count = f"{level.claims} claim{'' if level.claims == 1 else 's'}"
        body = "\n\n".join(
            [
                md_escape(level.definition),
                "**What it needs:** " + md_escape(level.evidence_required),
                "**Example:** " + md_escape(level.example),
            ]
        )
        out.append((f"{md_escape(level.verdict)}: {md_escape(level.label)} ({count})", body))
    return out


def findings_blocks(ds: Dataset) -> list[tuple[str, str]]:
    """The summary of findings as (question, escaped Markdown of its rows), one block per question."""
    blocks = []
    for question, rows in summary_of_findings(ds).groupby("question", sort=False):
        lines = []
        for row in rows.itertuples():
            against = row.comparator if row.comparator.startswith("no ") else f"against {row.comparator}"
            lines.append(
                f"**{md_escape(row.outcome)}, {md_escape(against)}:** {md_escape(row.effect_plain)}. "
                f"*{md_escape(row.size)}; {md_escape(row.certainty)} certainty.*"
            )
        blocks.append((md_escape(question), "\n\n".join(lines)))
    return blocks


def corrections_markdown(ds: Dataset) -> str:
    """The corrections log, newest first, as one escaped Markdown text (one element, not one per entry)."""
    return "\n\n".join(
        f"**{md_escape(change.date)}**: {md_escape(change.change)} *Why:* {md_escape(change.reason)}"
        for change in ds.changes.sort_values("date", ascending=False).itertuples()
    )
