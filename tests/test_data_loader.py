"""The loader rejects each kind of broken data with one message naming the file, row and column."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.data import DataError, load
from tests.conftest import read_rows, set_cell, write_rows


def test_real_data_loads(dataset):
    assert len(dataset.sources) == 5
    assert not dataset.regimens.empty


@pytest.mark.parametrize(
    ("file", "row", "column", "value", "expected"),
    [
        ("regimens.csv", 2, "dose_low", "fifteen", "'fifteen' is not a number"),
        ("evidence.csv", 1, "year", "2019.5", "'2019.5' is not a whole number"),
        ("regimens.csv", 1, "route", "into the elbow", "'into the elbow' is not an allowed value"),
        ("sources.csv", 3, "seed_file", "notes.txt", "does not match the pattern"),
        ("claims.csv", 1, "quote", "", "is empty but required"),
        ("regimens.csv", 1, "dose_low", "-5", "below the minimum 0"),
        ("evidence.csv", 2, "year", "2099", "above the maximum 2026"),
        ("regimens.csv", 2, "dose_low", "60000000", "is above dose_high (60000000 > 50000000)"),
        ("regimens.csv", 2, "dose_unit", "", "these go together"),
        ("claims.csv", 1, "source_id", "mystery", "'mystery' is not an id in sources.csv"),
        ("claims.csv", 1, "topic", "telepathy", "'telepathy' is not an id in topics.csv"),
        ("claims.csv", 1, "evidence_ids", "miles2023;nosuchstudy", "'nosuchstudy' is not an id in evidence.csv"),
        ("evidence.csv", 1, "n", "many", "'many' is not a whole number"),
        ("harms.csv", 1, "severity", "awful", "'awful' is not an allowed value"),
        ("regulatory.csv", 1, "date", "June 2021", "does not match the pattern"),
        ("glossary.csv", 1, "plain_definition", " padded", "spaces at the start or end"),
    ],
)
def test_broken_cell_is_named(data_copy, file, row, column, value, expected):
    set_cell(data_copy, file, row, column, value)
    with pytest.raises(DataError) as caught:
        load(data_copy)
    error = caught.value
    assert (error.file, error.row, error.column) == (file, row, column)
    assert expected in error.message
    assert str(error).startswith(f"{file}, row {row} (line {row + 1}), column '{column}'")


@pytest.mark.parametrize(("file", "key"), [("sources.csv", "id"), ("evidence.csv", "id"), ("glossary.csv", "term")])
def test_duplicate_key_is_named(data_copy, file, key):
    header, rows = read_rows(data_copy / file)
    rows[1][key] = rows[0][key]
    write_rows(data_copy / file, header, rows)
    with pytest.raises(DataError, match=rf"row 2 \(line 3\), column '{key}': .* repeats row 1"):
        load(data_copy)


@pytest.mark.parametrize("file", ["evidence.csv", "regulatory.csv", "harms.csv"])
def test_row_without_any_citation_is_rejected(data_copy, file):
    header, rows = read_rows(data_copy / file)
    for column in ("pmid", "doi", "nct", "url"):
        if column in rows[0]:
            rows[0][column] = ""
    write_rows(data_copy / file, header, rows)
    with pytest.raises(DataError, match="needs at least one citation"):
        load(data_copy)


def test_verdict_without_evidence_is_rejected(data_copy):
    header, rows = read_rows(data_copy / "claims.csv")
    row = next(i for i, r in enumerate(rows) if r["verdict"] not in ("not assessed", "unverifiable"))
    rows[row]["evidence_ids"] = rows[row]["regulatory_ids"] = ""
    write_rows(data_copy / "claims.csv", header, rows)
    with pytest.raises(DataError, match=rf"row {row + 1} .*must point at a row in evidence_ids or regulatory_ids"):
        load(data_copy)


def test_missing_column_is_named(data_copy):
    header, rows = read_rows(data_copy / "harms.csv")
    header.remove("severity")
    write_rows(data_copy / "harms.csv", header, [{k: r[k] for k in header} for r in rows])
    with pytest.raises(DataError, match=r"harms.csv, column 'severity': column is missing"):
        load(data_copy)


def test_unknown_column_is_named(data_copy):
    header, rows = read_rows(data_copy / "topics.csv")
    write_rows(data_copy / "topics.csv", [*header, "colour"], [{**r, "colour": "red"} for r in rows])
    with pytest.raises(DataError, match=r"topics.csv, column 'colour': column is not described"):
        load(data_copy)


def test_ragged_row_is_named(data_copy):
    path = data_copy / "topics.csv"
    path.write_text(path.read_text(encoding="utf-8") + "extra,mechanism,too,many\n", encoding="utf-8")
    rows = len(read_rows(path)[1])
    with pytest.raises(DataError, match=rf"topics.csv, row {rows} \(line {rows + 1}\): has 4 cells"):
        load(data_copy)


def test_missing_file_is_named(data_copy):
    (data_copy / "harms.csv").unlink()
    with pytest.raises(DataError, match=r"^harms.csv: is missing"):
        load(data_copy)


def test_non_utf8_file_is_named(data_copy):
    path = data_copy / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"Vega", "V\xe9ga".encode("latin-1"), 1))
    with pytest.raises(DataError, match=r"^sources.csv: is not UTF-8 text"):
        load(data_copy)


@pytest.mark.parametrize(
    ("content", "expected"),
    [("{not json", "is not valid JSON"), (json.dumps({"name": "x"}), "'resources': must be a non-empty list")],
)
def test_broken_package_is_named(data_copy, content, expected):
    (data_copy / "datapackage.json").write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=rf"^datapackage.json: {expected}"):
        load(data_copy)


def test_empty_folder_is_named_by_its_name_only(tmp_path: Path):
    with pytest.raises(DataError, match=r"datapackage\.json: is missing from the data folder") as caught:
        load(tmp_path)
    assert f"'{tmp_path.name}'" in str(caught.value)
    assert str(tmp_path.parent) not in str(caught.value), "visitors never see where the server keeps its files"


def test_env_var_points_the_loader_elsewhere(data_copy, monkeypatch):
    set_cell(data_copy, "sources.csv", 1, "short_label", "Renamed page")
    monkeypatch.setenv("STEMCELL_DATA_DIR", str(data_copy))
    assert load().sources.loc[0, "short_label"] == "Renamed page"


def test_types_are_applied(dataset):
    assert str(dataset.regimens["administrations_low"].dtype) == "Int64"
    assert dataset.regimens["dose_low"].dtype == "float64"
    assert all(isinstance(v, tuple) for v in dataset.claims["evidence_ids"])
    assert all(isinstance(d, float) for doses in dataset.evidence["doses_cells"] for d in doses)
