"""Find glossary terms in a text, so a page can explain the words it uses."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd


def _names(row: pd.Series) -> list[str]:
    return [row["term"], *row["aliases"]]


@lru_cache(maxsize=8)
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "mesenchymal stem cell" wins over "stem cell"; whole words only.
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])", re.IGNORECASE)


def terms_in(glossary: pd.DataFrame, *texts: str) -> pd.DataFrame:
    """The glossary rows whose term or an alias appears in any of the texts, in glossary order."""
    lookup = {name.lower(): row["term"] for _, row in glossary.iterrows() for name in _names(row) if name}
    if not lookup:
        return glossary.iloc[0:0]
    pattern = _pattern(tuple(lookup))
    found = {lookup[m.group(1).lower()] for text in texts for m in pattern.finditer(text)}
    return glossary[glossary["term"].isin(found)]
