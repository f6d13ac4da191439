"""Find glossary terms in a text, so a page can explain the words it uses; in Spanish, with each term's English."""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from core import i18n
from core.data import Dataset


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


# --- the glossary in another language: each term with its English, found by either language's words -----------


def english_terms(ds: Dataset) -> dict[str, str]:
    """The English term of each glossary row, by the term the edition shows; empty for the English edition.

    A translated edition keeps its rows' English keys only in ds.translations (row_id is the English term)."""
    if ds.lang == i18n.DEFAULT:
        return {}
    return _english_terms(_Same(ds.translations), ds.lang)


@lru_cache(maxsize=8)
def _english_terms(translations: _Same, lang: str) -> dict[str, str]:
    # Cached: the sidebar's word lookup asks for every term's English on every rerun of every page.
    rows = translations.frame
    terms = rows[(rows["lang"] == lang) & (rows["table"] == "glossary") & (rows["column"] == "term")]
    return dict(zip(terms["text"], terms["row_id"], strict=True))


def shown_term(ds: Dataset, term: str) -> str:
    """A term as the glossary shows it: in a translated edition with its English beside it, "artrosis de rodilla
    (knee osteoarthritis)"; the term alone in English or where both languages write it the same."""
    english = english_terms(ds).get(term, "")
    if not english or english.casefold() in term.casefold():  # "Epidural", "SVF (fracción vascular estromal)"
        return term
    if term.endswith(")"):  # "CMM (células madre mesenquimales)": a second bracket would read badly
        return i18n.gettext(ds.lang, "{term}; in English, {english}").format(term=term, english=english)
    return i18n.gettext(ds.lang, "{term} ({english})").format(term=term, english=english)


def _names(term: str, english: str, aliases: tuple[str, ...]) -> tuple[str, ...]:
    # "CMM (células madre mesenquimales)" is written in a text as "CMM" or as "células madre mesenquimales".
    bracket = re.fullmatch(r"(.+?)\s*\((.+)\)", term)
    parts = (bracket.group(1), bracket.group(2)) if bracket else ()
    return tuple(dict.fromkeys(n for n in (*parts, english, *aliases) if n and n != term))


@lru_cache(maxsize=8)
def _both_languages(glossary: _Same, english: tuple[tuple[str, str], ...]) -> pd.DataFrame:
    frame = glossary.frame.copy()
    by_term = dict(english)
    frame["aliases"] = [_names(t, by_term.get(t, ""), tuple(a)) for t, a in zip(frame["term"], frame["aliases"],
                                                                                strict=True)]  # fmt: skip
    frame["shown_term"] = list(frame["term"])
    return frame


def glossary_entries(ds: Dataset, *texts: str) -> pd.DataFrame:
    """The glossary rows whose words appear in the texts, with `shown_term` (the term as the glossary shows it).

    In a translated edition a term is also found by its English words (a verbatim quote on a Spanish page) and by
    either part of a bracketed term, and `shown_term` gives both languages."""
    if ds.lang == i18n.DEFAULT or ds.glossary.empty:
        found = terms_in(ds.glossary, *texts)
        return found.assign(shown_term=found["term"])
    english = english_terms(ds)
    both = _both_languages(_Same(ds.glossary), tuple(sorted(english.items())))
    found = terms_in(both, *texts)
    return found.assign(shown_term=[shown_term(ds, t) for t in found["term"]])


def lookup_choices(ds: Dataset) -> tuple[tuple[str, ...], dict[str, str]]:
    """The sidebar lookup's options (the edition's terms, in glossary order) and how each is shown."""
    terms = tuple(ds.glossary["term"])
    return terms, {term: shown_term(ds, term) for term in terms}


def explained(ds: Dataset, texts: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """(term as shown, plain definition) for every glossary word in the texts, in glossary order."""
    found = glossary_entries(ds, *texts)
    return tuple(zip(found["shown_term"], found["plain_definition"], strict=True))
