"""The interface-text catalogs: every Spanish entry translated and confirmed, placeholders kept, .pot up to date."""

from __future__ import annotations

import importlib.util
import re

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from core import i18n

# {name} and {} (str.format), %(name)s and %s / %d (printf style): a value the code puts into the sentence.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([^)]*\)[sdifr]|%[sdifr]")


def _load_script():
    spec = importlib.util.spec_from_file_location("i18n_script", i18n.LOCALES.parent / "scripts" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def problems(catalog: Catalog) -> list[str]:
    """Every entry a reader would meet in English or broken: untranslated, fuzzy, or with other placeholders."""
    found = []
    for message in catalog:
        if not message.id:
            continue
        name = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"untranslated: {name!r}")
        if message.fuzzy:
            found.append(f"fuzzy (a guess nobody confirmed): {name!r}")
        if isinstance(message.id, str):
            if strings[0] and placeholders(strings[0]) != placeholders(message.id):
                found.append(f"placeholders differ: {name!r} -> {strings[0]!r}")
        else:
            # A plural form may drop the count ("one page"), but never bring in a value the code does not give.
            given = set(placeholders(message.id[0]) + placeholders(message.id[1]))
            found += [f"placeholders differ: {name!r} -> {s!r}" for s in strings if s and set(placeholders(s)) - given]
    return found


def spanish() -> Catalog:
    with i18n.catalog_path("es").open("rb") as po:
        return read_po(po, locale="es")


@pytest.mark.parametrize("lang", i18n.LANGUAGES[1:])
def test_every_entry_is_translated_confirmed_and_keeps_its_placeholders(lang):
    with i18n.catalog_path(lang).open("rb") as po:
        assert problems(read_po(po, locale=lang)) == []


def test_catalog_header_is_not_fuzzy():
    assert not spanish().fuzzy, "a fuzzy header makes msgfmt ignore the catalog's plural rule"


@pytest.mark.parametrize(
    ("msgid", "msgstr", "flags", "problem"),
    [
        ("Home", "", (), "untranslated"),
        ("Home", "Inicio", ("fuzzy",), "fuzzy"),
        ("Next: {page}", "Siguiente: {pagina}", (), "placeholders differ"),
        ("Next: {page}", "Siguiente", (), "placeholders differ"),
        ("%(n)s pages", "%(num)s páginas", (), "placeholders differ"),
        ("%s pages", "páginas", (), "placeholders differ"),
        (("{n} page", "{n} pages"), ("una página", "{n} páginas", "{total} páginas"), (), "placeholders differ"),
        (("{n} page", "{n} pages"), ("{n} página", "", ""), (), "untranslated"),
    ],
)
def test_the_check_catches(msgid, msgstr, flags, problem):
    catalog = Catalog(locale="es")
    catalog.add(msgid, msgstr, flags=flags)
    assert [p for p in problems(catalog) if p.startswith(problem)]


def test_the_check_passes_a_good_plural():
    catalog = Catalog(locale="es")
    catalog.add(("{n} page", "{n} pages"), ("una página", "{n} de páginas", "{n} páginas"))
    assert problems(catalog) == []


def test_template_is_up_to_date_with_the_code():
    script = _load_script()
    with script.TEMPLATE.open("rb") as pot:
        committed = {(m.context, m.id) for m in read_po(pot) if m.id}
    extracted = {(m.context, m.id) for m in script.extract() if m.id}
    assert extracted - committed == set(), "run scripts/i18n.py: the code has text the catalogs do not"
    assert committed - extracted == set(), "run scripts/i18n.py: the catalogs keep text the code no longer has"


def test_every_catalog_has_every_template_entry():
    script = _load_script()
    assert script.refresh(check=True) == []


@pytest.mark.parametrize("label", ["Home", "Claims vs evidence", "Methods & caveats"])
def test_menu_labels_are_in_the_template(label):
    script = _load_script()
    assert label in {m.id for m in script.extract()}
