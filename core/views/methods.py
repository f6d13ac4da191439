"""The Methods view: the data dictionary of any table."""

from __future__ import annotations

import pandas as pd

from core.data import Dataset
from core.data.dictionary import field_table


def field_table_of(ds: Dataset, name: str) -> pd.DataFrame:
    """The data dictionary rows of one file."""
    return field_table(ds.resource(name))
