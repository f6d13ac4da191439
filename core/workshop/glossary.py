"""Find glossary terms in a text, so a page can explain the words it uses."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd


@lru_cache(maxsize=8)
def _compiled(entries: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[dict[str, str], re.Pattern[str]]:
    """Name-to-term lookup and one pattern for all names, built once per glossary (pages ask on every rerun)."""
    lookup = {name.lower(): term for term, aliases in entries for name in (term, *aliases) if name}
    # Longest first, so "mesenchymal stem cell" wins over "stem cell"; whole words only.
    ordered = sorted(lookup, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in ordered) + r")(?![\w-])", re.IGNORECASE)
    return lookup, pattern


def terms_in(glossary: pd.DataFrame, *texts: str) -> pd.DataFrame:
    """The glossary rows whose term or an alias appears in any of the texts, in glossary order."""
    if glossary.empty:
        return glossary
    lookup, pattern = _compiled(tuple(zip(glossary["term"], map(tuple, glossary["aliases"]), strict=True)))
    found = {lookup[m.group(1).lower()] for text in texts for m in pattern.finditer(text)}
    return glossary[glossary["term"].isin(found)]
