"""The Spanish edition of the data: every translatable cell reads in Spanish and keeps every number of the English."""

from __future__ import annotations

import dataclasses
import re

import pytest

from core.data import load
from core.data.translate import (
    OFFICIAL_LABEL,
    TRANSLATION_LABEL,
    localised,
    stale_translations,
    translation_note,
)
from core.data.translations import BESIDE_SUFFIX, beside_columns, translatable_columns
from tests.conftest import set_cell

# Cells whose Spanish is rightly the same word as the English (a term both languages use).
SAME_IN_BOTH = {
    ("glossary", "Placebo", "term"),
    ("glossary", "Intradiscal", "term"),
    ("glossary", "Epidural", "term"),
    # A Spanish article: its own title is the Spanish text.
    ("regulatory", "spain_cuende_2021", "title"),
    # A publisher's own name and address.
    ("sources", "vega", "publisher"),
    ("sources", "stemcellu", "publisher"),
}

# A number as English writes it (1,200 or 0.7) and as Spanish does (1.200, 1 200 or 0,7).
EN_NUMBER = re.compile(r"\d+(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?")
ES_NUMBER = re.compile(r"\d{1,3}(?:[. \u2009\u00a0]\d{3})+(?!\d)(?:,\d+)?|\d+(?:,\d+)?")


def _value(token: str, thousands: str, decimal: str) -> float:
    for mark in thousands:
        token = token.replace(mark, "")
    return float(token.replace(decimal, "."))


def english_numbers(text: str) -> list[tuple[str, float, bool]]:
    """(token, value, followed by 'billion') for every number in an English text."""
    return [
        (m.group(), _value(m.group(), ",", "."), text[m.end() : m.end() + 9].strip().startswith("billion"))
        for m in EN_NUMBER.finditer(text)
    ]


def spanish_values(text: str) -> set[float]:
    return {_value(m.group(), ". \u2009\u00a0", ",") for m in ES_NUMBER.finditer(text)}


@pytest.fixture(scope="module")
def both():
    ds = load()
    return ds, localised(ds, "es")


def _cells(ds):
    for table, columns in translatable_columns(ds.package).items():
        key = ds.resource(table)["schema"]["primaryKey"]
        for column in columns:
            for row_id, value in zip(ds.table(table)[key], ds.table(table)[column], strict=True):
                if value:
                    yield table, row_id, column


def _pairs(both):
    ds, es = both
    beside = beside_columns(ds.package)
    for table, row_id, column in _cells(ds):
        key = ds.resource(table)["schema"]["primaryKey"]
        # The key column may itself be translated (glossary terms), so rows are matched by position.
        position = list(ds.table(table)[key]).index(row_id)
        # A quote keeps its words; its translation is the column beside it.
        shown = column + BESIDE_SUFFIX if column in beside.get(table, ()) else column
        yield (table, row_id, column), ds.table(table)[column].iloc[position], es.table(table)[shown].iloc[position]


def test_english_is_the_dataset_itself(both):
    ds, _ = both
    assert localised(ds, "en") is ds


def test_the_same_edition_is_returned_again(both):
    ds, es = both
    assert localised(ds, "es") is es


def test_unknown_language_is_refused(both):
    with pytest.raises(ValueError, match="no 'fr' edition"):
        localised(both[0], "fr")


def test_localising_leaves_the_english_untouched(both):
    ds = load()
    before = {name: ds.table(name).copy() for name in translatable_columns(ds.package)}
    localised(ds, "es")
    for name, frame in before.items():
        assert ds.table(name).equals(frame)


def test_every_translatable_cell_reads_differently_in_spanish(both):
    unchanged = [cell for cell, en, es in _pairs(both) if en == es and cell not in SAME_IN_BOTH]
    assert unchanged == []


def test_untranslated_columns_are_the_english(both):
    ds, es = both
    assert es.claims["quote"].equals(ds.claims["quote"])
    assert es.sources["seed_file"].equals(ds.sources["seed_file"])


@pytest.mark.parametrize(
    ("table", "column"), [("claims", "quote"), ("regimens", "quote"), ("regimens", "schedule_quote")]
)
def test_quotes_stay_verbatim_with_our_translation_beside(both, table, column):
    ds, es = both
    assert es.table(table)[column].equals(ds.table(table)[column])
    translated = es.table(table)[column + BESIDE_SUFFIX]
    filled = ds.table(table)[column] != ""
    assert (translated[filled] != "").all()
    assert (translated[~filled] == "").all()


@pytest.mark.parametrize(
    ("table", "column"), [("claims", "quote"), ("regimens", "quote"), ("regimens", "schedule_quote")]
)
def test_the_english_edition_has_no_translation_column(both, table, column):
    assert column + BESIDE_SUFFIX not in both[0].table(table).columns


def test_the_translation_column_sits_after_its_quote(both):
    columns = list(both[1].claims.columns)
    assert columns[columns.index("quote") + 1] == "quote_translation"


def test_a_quote_without_translation_reads_empty_beside_it(data_copy):
    # The loader refuses this data; localised is still asked to cope (a cell with no row gets "").
    ds = load()
    es = localised(dataclasses.replace(ds, translations=ds.translations[ds.translations["column"] != "quote"]), "es")
    assert set(es.claims["quote_translation"]) == {""}


def test_every_number_of_the_english_is_in_the_spanish(both):
    missing = []
    for cell, english, spanish in _pairs(both):
        values = spanish_values(spanish)
        for token, value, billion in english_numbers(english):
            # A verbatim quote keeps its English digits; 2.5 billion is written 2500 millones (or 2,5 mil millones).
            found = token in spanish or value in values or (billion and value * 1000 in values)
            if not found:
                missing.append((cell, token))
    assert missing == []


def test_no_translation_says_billon_unless_the_english_says_trillion(both):
    wrong = [
        cell
        for cell, english, spanish in _pairs(both)
        if re.search(r"\bbill[oó]n(es)?\b", spanish, re.IGNORECASE) and "trillion" not in english.lower()
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1,200 patients", {1200.0}), ("0.7 points", {0.7}), ("15 million", {15.0}), ("in 2019", {2019.0})],
)
def test_english_numbers_are_read_as_english(text, expected):
    assert {value for _, value, _ in english_numbers(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1.200 pacientes", {1200.0}), ("0,7 puntos", {0.7}), ("15 millones", {15.0}), ("1\u2009200", {1200.0})],
)
def test_spanish_numbers_are_read_as_spanish(text, expected):
    assert spanish_values(text) == expected


def test_number_check_catches_a_changed_dose():
    english, spanish = "15 million cells", "150 millones de células"
    assert not any(v in spanish_values(spanish) for _, v, _ in english_numbers(english))


def test_our_translations_are_labelled_and_unreviewed(both):
    ds, _ = both
    ours = ds.translations[ds.translations["source"] == ""]
    assert set(ours["reviewed"]) == {"no"}
    row = ours.iloc[0]
    assert translation_note(ds, "es", row["table"], row["row_id"], row["column"]) == (TRANSLATION_LABEL["es"], "")
    assert TRANSLATION_LABEL["es"] == "Traducción nuestra"


def test_official_versions_name_their_source(both):
    ds, _ = both
    official = ds.translations[ds.translations["source"] != ""]
    assert set(official["reviewed"]) <= {"yes"}
    for row in official.itertuples():
        assert translation_note(ds, "es", row.table, row.row_id, row.column) == (OFFICIAL_LABEL["es"], row.source)


def test_every_translation_was_made_from_the_current_english(both):
    stale = stale_translations(both[0])
    assert stale == [], "the English changed after these were translated; update the text, then from_hash"


def test_an_edited_english_cell_makes_its_translation_stale(data_copy):
    set_cell(data_copy, "verdicts.csv", 1, "label", "a reworded label")
    assert stale_translations(load(data_copy)) == [("es", "verdicts", "contradicted by evidence", "label")]


def test_english_cells_carry_no_translation_note(both):
    assert translation_note(both[0], "en", "verdicts", "misleading", "label") == ("", "")


def test_a_cell_with_an_official_version_carries_its_address_in_the_edition(dataset):
    spanish = localised(dataset, "es")
    row = spanish.regulatory.set_index("id").loc["eu_atmp_2007"]
    assert row["title_official"].startswith("https://eur-lex.europa.eu/legal-content/ES/")
    assert "title_official" not in dataset.regulatory.columns  # English is the source, not a version


@pytest.mark.parametrize(("lang", "shown"), [("es", True), ("en", False)])
def test_a_regulator_line_cites_the_official_spanish_version(dataset, lang, shown):
    from core.views.cite import regulator_line

    edition = localised(dataset, lang)
    statement = edition.regulatory.set_index("id").loc["eu_atmp_2007"].to_dict()
    line = regulator_line(statement, summary=False, lang=lang)
    assert ("[Versión oficial en español](https://eur-lex.europa.eu/" in line) is shown
