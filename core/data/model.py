"""The Dataset (every table, typed) and DataError (a broken rule, named by file, row and column)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

import pandas as pd


class DataError(Exception):
    """A data file breaks a rule; names the file, the row and the column where it can."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.message, self.row, self.column = file, message, row, column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            # Row 1 is the first data row; the header is line 1 of the file, so row N is line N + 1.
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


TRANSLATION_COLUMNS = ("lang", "table", "row_id", "column", "text", "reviewed", "source", "from_hash")


@dataclass(frozen=True)
class Dataset:
    """Every table of the data package, typed. Treat the frames as read-only: loaders share them."""

    sources: pd.DataFrame
    regimens: pd.DataFrame
    topics: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    regulatory: pd.DataFrame
    harms: pd.DataFrame
    glossary: pd.DataFrame
    routes: pd.DataFrame
    rubric_items: pd.DataFrame
    rubric_scores: pd.DataFrame
    verdicts: pd.DataFrame
    claim_groups: pd.DataFrame
    evidence_summary: pd.DataFrame
    changes: pd.DataFrame
    package: Mapping[str, Any]
    data_dir: str
    # Every language's translations of the translatable cells (see TRANSLATION_COLUMNS);
    # assembled from one file per language, so it is not one of TABLE_NAMES.
    translations: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(TRANSLATION_COLUMNS)))
    # The language its translatable cells read in (core.data.translate.localised makes the other editions): core
    # code that writes sentences about the data writes them in this language (core.i18n.bound(ds.lang)).
    lang: str = "en"

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def resource(self, name: str) -> Mapping[str, Any]:
        return next(r for r in self.package["resources"] if r["name"] == name)


TABLE_NAMES = tuple(f.name for f in fields(Dataset) if f.name not in ("package", "data_dir", "translations", "lang"))
