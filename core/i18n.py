"""The app's languages: picking one per visitor, interface text through gettext catalogs, numbers and dates."""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import io
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

LANGUAGES = ("en", "es")  # the first is the source language of every msgid and the fallback
DEFAULT = LANGUAGES[0]
NAMES = {"en": "English", "es": "Español"}  # each language named in itself, as a switch shows it
QUERY_KEY = "lang"  # ?lang=es on any page
LOCALES = Path(__file__).resolve().parents[1] / "locales"
DOMAIN = "messages"
# The catalogs are split by part of the app (scripts/i18n.py, AREAS), so that work on two parts never touches one
# file; a language's parts are merged into one translation object when it is first used.

# The names `pybabel extract` (scripts/i18n.py) reads as translatable calls, with where the text sits in each:
# core code passes the language first (gettext(lang, "...")), ui binds it (_("..."), _n(...), _p(...)), and N_
# only marks a module-level string that is translated where it is shown.
KEYWORDS: dict[str, tuple | None] = {
    "_": None,
    "N_": None,
    "gettext": (2,),
    "ngettext": (2, 3),
    "pgettext": ((2, "c"), 3),
    "_n": (1, 2),
    "_p": ((1, "c"), 2),
}


def N_(message: str) -> str:  # the conventional name, which extraction looks for
    """Mark a string for extraction without translating it: it is translated where it is shown."""
    return message


def supported(value: str | None) -> str | None:
    """The supported language a tag names ("es", "es-MX", "ES_es" -> "es"), or None."""
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return primary if primary in LANGUAGES else None


def choose_language(query_value: str | None, browser_locale: str | None) -> str:
    """The language to show: the link's ?lang= if we have it, else the browser's language if we have it, else en."""
    return supported(query_value) or supported(browser_locale) or DEFAULT


def from_accept_language(header: str | None) -> str | None:
    """The supported language a browser's Accept-Language header prefers most (ties keep the header's order)."""
    ranked = []
    for position, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        match = re.search(r"q\s*=\s*([^\s;,]*)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                continue
        language = supported(tag)
        if language and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


# --- interface text --------------------------------------------------------------------------------------------


def catalog_dir(lang: str) -> Path:
    return LOCALES / lang / "LC_MESSAGES"


def catalog_path(lang: str, area: str) -> Path:
    """The .po file of one part of the app (an area of scripts/i18n.py) in one language."""
    return catalog_dir(lang) / f"{area}.po"


def catalog_paths(lang: str) -> list[Path]:
    """Every part's .po file in one language, in name order."""
    return sorted(catalog_dir(lang).glob("*.po"))


@lru_cache(maxsize=len(LANGUAGES))
def translator(lang: str) -> _gettext.NullTranslations:
    """One translation object per language, compiled in memory from its .po at first use (no .mo is committed).

    English is the source language, so it needs no catalog; an unsupported code also gets English. Fuzzy entries
    are left out, as msgfmt does: a guess is shown in English until a translator confirms it.
    """
    if lang not in LANGUAGES or lang == DEFAULT:
        return _gettext.NullTranslations()
    # Babel is imported here, not at the top: core.site imports this module for N_ only.
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = None
    for path in catalog_paths(lang):
        with path.open("rb") as po:
            part = read_po(po, locale=lang)
        if catalog is None:
            catalog = part
            continue
        for message in part:
            if message.id and message.string and not message.fuzzy:
                catalog[message.id] = message  # the same text in two parts has one translation (a test checks)
    if catalog is None:
        return _gettext.NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return _gettext.GNUTranslations(compiled)


def bound(lang: str) -> Callable[[str], str]:
    """gettext for one language, for core code that holds a language: `_ = i18n.bound(ds.lang)`, then `_("...")`.

    Use "{name}" placeholders and .format() after, never an f-string: extraction reads the literal."""
    return translator(lang).gettext


def gettext(lang: str, message: str) -> str:
    """`message` in `lang` (the English itself where the catalog has no translation)."""
    return translator(lang).gettext(message)


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    """The singular or plural form for count n, by the language's own plural rule."""
    return translator(lang).ngettext(singular, plural, n)


def pgettext(lang: str, context: str, message: str) -> str:
    """`message` in `lang`, where the same English needs different words in different places (the context)."""
    return translator(lang).pgettext(context, message)


# --- numbers and dates -----------------------------------------------------------------------------------------

# Spanish counts in millions up to a million millions: 10^9 is "mil millones" and a Spanish "billón" is 10^12,
# so "billion" must never be translated word for word (a thousandfold error on a dose).
_SPANISH_SCALES = ((1e12, "billón", "billones"), (1e6, "millón", "millones"))
DATE_PATTERNS = {"en": "d MMMM y", "es": "d 'de' MMMM 'de' y"}


def format_cells(value: float, lang: str = DEFAULT) -> str:
    """A cell or patient count in words: 1.5e6 -> "1.5 million" / "1,5 millones"; 1.2e9 -> "1.2 billion" /
    "1.200 millones"; 3e12 -> "3 trillion" / "3 billones"."""
    if lang == "es":
        from babel.numbers import format_decimal

        for size, one, many in _SPANISH_SCALES:
            if abs(value) >= size:
                amount = format_decimal(value / size, format="#,##0.#", locale="es")
                return f"{amount} {one if amount == '1' else many}"
        return format_decimal(value, format="#,##0", locale="es")
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.1f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}"


def format_number(value: float, lang: str = DEFAULT, decimals: int | None = None) -> str:
    """A number in the language's conventions: 1234.5 -> "1,234.5" / "1.234,5"; `decimals` fixes the digits."""
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=lang if lang in LANGUAGES else DEFAULT)


def format_date(day: dt.date, lang: str = DEFAULT) -> str:
    """A date in words: "30 November 2026" / "30 de noviembre de 2026"."""
    from babel.dates import format_date as babel_format_date

    lang = lang if lang in LANGUAGES else DEFAULT
    return babel_format_date(day, DATE_PATTERNS[lang], locale=lang)
