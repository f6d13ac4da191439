"""The Methods view: how sure we are of each table, the verdict method, the summary of findings, the dictionary."""

from __future__ import annotations

import pandas as pd

from core import report
from core.analysis import claimreview, verdicts, verification
from core.data import TABLE_NAMES, Dataset, dictionary

# Everything the Methods page reads, in the order it shows it (page -> this view -> analysis and data).
evidence_checked_on, checked_on_words = verdicts.evidence_checked_on, verdicts.checked_on_words
verdict_method, summary_of_findings = verdicts.verdict_method, verdicts.summary_of_findings
claimreview_records, report_link = claimreview.records_by_id, report.report_link
verification_counts, foreign_keys, FILES = verification.verification_counts, dictionary.foreign_keys, TABLE_NAMES


def field_table_of(ds: Dataset, name: str) -> pd.DataFrame:
    """The data dictionary rows of one file."""
    return dictionary.field_table(ds.resource(name))
