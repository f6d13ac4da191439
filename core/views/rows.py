"""The rows behind an item (a discrepancy, a route, a claim): listed by table and id, and cited in one line each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core.views.cite import regulator_line, study_line


def ids_table(*parts: tuple[str, pd.DataFrame, str]) -> pd.DataFrame:
    """(kind of row, frame, id column) → one table of every row id, for readers who check the data."""
    return pd.DataFrame(
        [(kind, row_id) for kind, frame, column in parts for row_id in frame[column]], columns=["row", "id"]
    )


@dataclass(frozen=True)
class RowsBehind:
    """The rows a discrepancy, route or claim rests on, ready to list."""

    regimens: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    regulatory: pd.DataFrame

    def citations(self) -> list[str]:
        """One escaped Markdown line per study or regulator statement, with any doubt about it (ids: ids_table)."""
        return [study_line(s, finding="") for s in self.evidence.to_dict("records")] + [
            regulator_line(r, summary=False) for r in self.regulatory.to_dict("records")
        ]

    def ids_table(self) -> pd.DataFrame:
        """Every row behind the item, by table and id, for readers who check the data."""
        return ids_table(
            ("dose statement", self.regimens, "regimen_id"),
            ("claim", self.claims, "id"),
            ("study", self.evidence, "id"),
            ("regulator statement", self.regulatory, "id"),
        )
