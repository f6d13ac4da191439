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


class _Same:
    """A table as a cache key by identity: the loaded dataset is shared and never changes, so identity is enough."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame  # held, so its id cannot be reused while the key lives

    def __hash__(self) -> int:
        return id(self.frame)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.frame is self.frame


@lru_cache(maxsize=64)
def _found(glossary: _Same, texts: tuple[str, ...]) -> pd.DataFrame:
    frame = glossary.frame
    lookup, pattern = _compiled(tuple(zip(frame["term"], map(tuple, frame["aliases"]), strict=True)))
    found = {lookup[m.group(1).lower()] for text in texts for m in pattern.finditer(text)}
    return frame[frame["term"].isin(found)]


def terms_in(glossary: pd.DataFrame, *texts: str) -> pd.DataFrame:
    """The glossary rows whose term or an alias appears in any of the texts, in glossary order.

    Remembered per glossary and texts: a page asks with the same texts on every rerun, and its strings keep their
    hashes, so a repeat costs a dictionary look-up instead of a scan.
    """
    if glossary.empty:
        return glossary
    return _found(_Same(glossary), texts)
