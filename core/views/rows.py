"""The rows behind an item (a discrepancy, a route, a claim): listed by table and id, and cited in one line each."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from core import i18n
from core.i18n import N_
from core.views.cite import regulator_line, study_line


def ids_table(*parts: tuple[str, pd.DataFrame, str], lang: str = i18n.DEFAULT) -> pd.DataFrame:
    """(kind of row, frame, id column) → one table of every row id, for readers who check the data.

    The kinds and headers are shown in `lang` (mark a kind with N_ where it is written); the ids never change."""
    columns = [i18n.pgettext(lang, "table column", "row"), i18n.pgettext(lang, "table column", "id")]
    return pd.DataFrame(
        [(i18n.gettext(lang, kind), row_id) for kind, frame, column in parts for row_id in frame[column]],
        columns=columns,
    )


@dataclass(frozen=True)
class RowsBehind:
    """The rows a discrepancy, route or claim rests on, ready to list."""

    regimens: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    regulatory: pd.DataFrame

    def citations(self, lang: str = i18n.DEFAULT) -> list[str]:
        """One escaped Markdown line per study or regulator statement, with any doubt about it (ids: ids_table)."""
        return [study_line(s, finding="", lang=lang) for s in self.evidence.to_dict("records")] + [
            regulator_line(r, summary=False, lang=lang) for r in self.regulatory.to_dict("records")
        ]

    def ids_table(self, lang: str = i18n.DEFAULT) -> pd.DataFrame:
        """Every row behind the item, by table and id, for readers who check the data."""
        return ids_table(
            (N_("dose statement"), self.regimens, "regimen_id"),
            (N_("claim"), self.claims, "id"),
            (N_("study"), self.evidence, "id"),
            (N_("regulator statement"), self.regulatory, "id"),
            lang=lang,
        )
