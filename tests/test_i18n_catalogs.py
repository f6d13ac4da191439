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


def read(path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=path.parent.parent.name)


CATALOGS = [path for lang in i18n.LANGUAGES[1:] for path in i18n.catalog_paths(lang)]
CATALOG_IDS = [f"{path.parent.parent.name}/{path.stem}" for path in CATALOGS]


@pytest.mark.parametrize("path", CATALOGS, ids=CATALOG_IDS)
def test_every_entry_is_translated_confirmed_and_keeps_its_placeholders(path):
    assert problems(read(path)) == []


@pytest.mark.parametrize("path", CATALOGS, ids=CATALOG_IDS)
def test_catalog_header_is_not_fuzzy(path):
    assert not read(path).fuzzy, "a fuzzy header makes msgfmt ignore the catalog's plural rule"


@pytest.mark.parametrize("lang", i18n.LANGUAGES[1:])
def test_text_used_in_two_areas_has_one_translation(lang):
    seen: dict = {}
    clashes = []
    for path in i18n.catalog_paths(lang):
        for message in read(path):
            if message.id and message.string:
                key = (message.context, message.id if isinstance(message.id, str) else message.id[0])
                if seen.setdefault(key, message.string) != message.string:
                    clashes.append(f"{key[1]!r}: {seen[key]!r} vs {message.string!r} ({path.name})")
    assert clashes == []


def test_every_area_has_its_catalog():
    script = _load_script()
    assert {p.stem for p in i18n.catalog_paths("es")} == set(script.AREAS)


@pytest.mark.parametrize(
    ("filename", "area"),
    [("pages/13_Join.py", "room"), ("core/room/store.py", "room"), ("core/textcheck/numbers.py", "textcheck"),
     ("core/charts/doses.py", "doses"), ("pages/5_Claims.py", "claims"), ("core/workshop/guide.py", "workshop"),
     ("streamlit_app.py", "common"), ("ui/frame.py", "common"), ("core/site.py", "common")],
)  # fmt: skip
def test_a_file_belongs_to_one_area(filename, area):
    assert _load_script().area_of(filename) == area


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


def test_every_catalog_has_every_template_entry():
    script = _load_script()
    assert script.refresh(check=True) == []


@pytest.mark.parametrize("label", ["Home", "Claims vs evidence", "Methods & caveats"])
def test_menu_labels_are_in_the_template(label):
    script = _load_script()
    assert label in {m.id for template in script.extract().values() for m in template}


def test_a_new_language_gets_a_catalog_for_every_area():
    script = _load_script()
    stale = script.refresh(check=True, languages=("fr",))  # check: nothing is written
    assert sorted(stale) == sorted(f"locales/fr/LC_MESSAGES/{area}.po" for area in script.AREAS)
