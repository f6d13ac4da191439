"""Figures for the Methods page: how many rows of each cited table are verified, partial or unverified."""

from __future__ import annotations

import pandas as pd

from core.data import Dataset

CITED_TABLES = ("evidence", "regulatory", "harms")
STATUSES = ("verified", "partial", "unverified")


def verification_counts(ds: Dataset) -> pd.DataFrame:
    """Rows per verification status for each table that carries citations."""
    rows = []
    for name in CITED_TABLES:
        counts = ds.table(name)["verification"].value_counts()
        rows.append({"table": name, **{s: int(counts.get(s, 0)) for s in STATUSES}, "rows": len(ds.table(name))})
    return pd.DataFrame(rows)
