"""The loader checks the translation tables: each points at a translatable, filled cell once, and none is missing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.data import DataError, load
from core.data.translations import translatable_columns
from tests.conftest import read_rows, set_cell, write_rows

FILE = "translations_es.csv"


def test_the_real_translations_load(dataset):
    assert set(dataset.translations["lang"]) == {"es"}
    assert not dataset.translations.empty


def test_every_translatable_cell_has_one_spanish_row(dataset):
    expected = {
        (table, key, column)
        for table, columns in translatable_columns(dataset.package).items()
        for column in columns
        for key, value in zip(
            dataset.table(table)[dataset.resource(table)["schema"]["primaryKey"]],
            dataset.table(table)[column],
            strict=True,
        )
        if value
    }
    es = dataset.translations[dataset.translations["lang"] == "es"]
    assert list(zip(es["table"], es["row_id"], es["column"], strict=True)).__len__() == len(expected)
    assert set(zip(es["table"], es["row_id"], es["column"], strict=True)) == expected


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("table", "changes", "'changes' is not a table with translatable columns"),
        ("table", "nonsense", "'nonsense' is not a table with translatable columns"),
        ("row_id", "no such verdict", "'no such verdict' is not a row of verdicts.csv"),
        ("column", "order", "'order' is not a translatable column of verdicts"),
        ("column", "colour", "'colour' is not a translatable column of verdicts"),
        ("reviewed", "maybe", "'maybe' is not an allowed value"),
        ("source", "aemps.gob.es", "does not match the pattern"),
        ("text", "", "is empty but required"),
    ],
)
def test_translation_pointing_nowhere_is_named(data_copy, column, value, expected):
    number = _first_row_of(data_copy, "verdicts")
    set_cell(data_copy, FILE, number, column, value)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (FILE, number, column)
    assert expected in caught.value.message


def _first_row_of(folder: Path, table: str, column: str | None = None) -> int:
    _, rows = read_rows(folder / FILE)
    return next(i for i, r in enumerate(rows, start=1) if r["table"] == table and column in (None, r["column"]))


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        ("source_id", "'source_id' is not a translatable column of claims"),
        ("topic", "'topic' is not a translatable column of claims"),
    ],
)
def test_quote_translation_naming_another_column_is_named(data_copy, column, expected):
    number = _first_row_of(data_copy, "claims", "quote")
    set_cell(data_copy, FILE, number, "column", column)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (FILE, number, "column")
    assert expected in caught.value.message


@pytest.mark.parametrize(
    ("table", "column"),
    [("claims", "quote"), ("regimens", "quote"), ("regimens", "schedule_quote"), ("rubric_scores", "quote")],
)
def test_translation_of_an_older_quote_is_named(data_copy, table, column):
    # A quote shown with our translation under it: its translation must be of the words it has now.
    number = _first_row_of(data_copy, table, column)
    set_cell(data_copy, FILE, number, "from_hash", "0123456789ab")
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (FILE, number, "from_hash")
    assert f"other wording than the quote in {table}.csv" in caught.value.message


def test_edited_quote_makes_its_translation_an_error(data_copy):
    set_cell(data_copy, "claims.csv", 1, "quote", "Traditional treatments often provide only temporary relief.")
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.column) == (FILE, "from_hash")


def test_stale_hash_of_an_ordinary_translation_still_loads(data_copy):
    # Only quotes are held to their wording at load time; other stale translations are a test's business.
    set_cell(data_copy, FILE, _first_row_of(data_copy, "verdicts"), "from_hash", "0123456789ab")
    assert not load(data_copy).claims.empty


def test_same_cell_translated_twice_is_named(data_copy):
    header, rows = read_rows(data_copy / FILE)
    rows.append(dict(rows[0], text="otra traducción"))
    write_rows(data_copy / FILE, header, rows)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (FILE, len(rows), "row_id")
    assert "translates the same cell as row 1" in caught.value.message


def test_missing_translation_names_the_untranslated_cell(data_copy):
    header, rows = read_rows(data_copy / FILE)
    dropped = rows.pop(3)
    write_rows(data_copy / FILE, header, rows)
    table_header, table_rows = read_rows(data_copy / f"{dropped['table']}.csv")
    key = table_header[0]
    number = next(i for i, r in enumerate(table_rows, start=1) if r[key] == dropped["row_id"])
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (
        f"{dropped['table']}.csv",
        number,
        dropped["column"],
    )
    assert "has no translation into 'es' in translations_es.csv" in caught.value.message


def test_new_english_text_without_translation_is_named(data_copy):
    # A filled cell that was empty before needs its translation too.
    header, rows = read_rows(data_copy / "claim_groups.csv")
    rows.append(dict(rows[0], id="a-new-group", label="A new group"))
    write_rows(data_copy / "claim_groups.csv", header, rows)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row) == ("claim_groups.csv", len(rows))
    assert "has no translation into 'es'" in caught.value.message


def test_translation_of_an_empty_cell_is_named(data_copy):
    # topics.evidence_summary is optional: emptying it leaves its translation pointing at nothing.
    _, rows = read_rows(data_copy / FILE)
    number = _first_row_of(data_copy, "topics", "evidence_summary")
    row = rows[number - 1]
    topics_header, topics = read_rows(data_copy / "topics.csv")
    next(t for t in topics if t["id"] == row["row_id"])[row["column"]] = ""
    write_rows(data_copy / "topics.csv", topics_header, topics)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == (FILE, number, "text")
    assert "translates an empty cell of topics.csv" in caught.value.message


def _package(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _save(folder: Path, package: dict) -> None:
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def _without_key(package: dict, table: str) -> None:
    del next(r for r in package["resources"] if r["name"] == table)["schema"]["primaryKey"]


def _field(package: dict, table: str, name: str) -> dict:
    resource = next(r for r in package["resources"] if r["name"] == table)
    return next(f for f in resource["schema"]["fields"] if f["name"] == name)


@pytest.mark.parametrize(
    ("break_it", "expected"),
    [
        (lambda p: p.update({"x-languages": ["en", "es", "fr"]}), "no translation resource (with 'x-language') for fr"),
        (lambda p: p.update({"x-languages": ["en"]}), "'x-language' 'es' is not a translation in 'x-languages'"),
        (lambda p: p.update({"x-languages": "en,es"}), "'x-languages' must list language codes"),
        (lambda p: p.update({"x-languages": ["en", "es", "es"]}), "'x-languages' names a language twice"),
        (lambda p: _field(p, "verdicts", "order").update({"x-translatable": True}), "only free text can be"),
        (lambda p: _field(p, "claims", "verdict").update({"x-translatable": True}), "only free text can be"),
        (
            lambda p: _without_key(p, "changes") or _field(p, "changes", "change").update({"x-translatable": True}),
            "need a loaded table with a primaryKey",
        ),
        (lambda p: _field(p, "verdicts", "label").update({"x-translatable": "yes"}), "must be true or false"),
        (lambda p: _field(p, "claims", "quote").update({"x-translation": "instead"}), "can only be 'beside'"),
        (lambda p: _field(p, "claims", "quote").update({"x-translatable": False}), "can only be 'beside'"),
        (lambda p: _field(p, "sources", "url").update({"x-translation": "beside"}), "on a translatable field"),
        (lambda p: _field(p, "translations_es", "source").update({"name": "origin"}), "a translation table has"),
    ],
)
def test_broken_language_setup_is_named(data_copy, break_it, expected):
    package = _package(data_copy)
    break_it(package)
    _save(data_copy, package)
    with pytest.raises(DataError, match=r"datapackage\.json") as caught:
        load(data_copy)
    assert expected in caught.value.message


def test_a_column_newly_flagged_translatable_needs_every_translation(data_copy):
    package = _package(data_copy)
    _field(package, "harms", "quote").update({"x-translatable": True})
    _save(data_copy, package)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    assert (caught.value.file, caught.value.row, caught.value.column) == ("harms.csv", 1, "quote")
