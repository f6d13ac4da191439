"""A data folder stays inside itself: each hostile folder gets one DataError naming file and field, quickly."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from core.data import DataError, load, loader, pattern_problem, rows
from tests.conftest import set_cell


def _package(folder: Path) -> dict:
    return json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))


def _write_package(folder: Path, package: dict) -> None:
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")


def _point_resource(folder: Path, name: str, path: str) -> None:
    package = _package(folder)
    next(r for r in package["resources"] if r["name"] == name)["path"] = path
    _write_package(folder, package)


def _load_error(folder: Path) -> DataError:
    with pytest.raises(DataError) as caught:
        load(folder)
    return caught.value


# --- resource paths ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/etc/hostname", "/proc/self/environ", "../outside.csv", "sub/../../x.csv", "C:x.csv"]
)
def test_resource_path_outside_the_folder_is_refused(data_copy, path):
    (data_copy.parent / "outside.csv").write_text("id\nx\n", encoding="utf-8")
    _point_resource(data_copy, "harms", path)
    error = _load_error(data_copy)
    assert (error.file, error.message) == (path, "is not a file name inside the data folder 'data'")


def test_symlinked_file_is_refused(data_copy):
    (data_copy / "harms.csv").rename(data_copy.parent / "harms.csv")
    (data_copy / "harms.csv").symlink_to(data_copy.parent / "harms.csv")
    error = _load_error(data_copy)
    assert (error.file, error.message) == ("harms.csv", "is a link; put the file itself in the data folder")


def test_file_in_a_symlinked_folder_is_refused(data_copy):
    elsewhere = data_copy.parent / "elsewhere"
    elsewhere.mkdir()
    (data_copy / "harms.csv").rename(elsewhere / "harms.csv")
    (data_copy / "linked").symlink_to(elsewhere)
    _point_resource(data_copy, "harms", "linked/harms.csv")
    assert "is a link" in _load_error(data_copy).message


def test_symlink_that_stays_inside_is_still_refused(data_copy):
    # Even a harmless-looking link is refused: what it points at can change after the check.
    (data_copy / "copy.csv").symlink_to(data_copy / "harms.csv")
    _point_resource(data_copy, "harms", "copy.csv")
    assert "is a link" in _load_error(data_copy).message


def test_named_pipe_is_refused_without_waiting(data_copy):
    os.mkfifo(data_copy / "pipe.csv")
    _point_resource(data_copy, "harms", "pipe.csv")
    assert _load_error(data_copy).message == "is not a regular file"


@pytest.mark.parametrize("path", ["tables", "tables/", "seeds"])
def test_folder_where_a_table_should_be_is_named(data_copy, path):
    (data_copy / "tables").mkdir()
    _point_resource(data_copy, "harms", path)
    error = _load_error(data_copy)
    assert (error.file, error.message) == (path, "is a folder, not a file")


@pytest.mark.parametrize("path", ["harms\x00.csv", "\x00", "harms.csv\n", "harms\r.csv"])
def test_control_character_in_a_resource_path_is_named(data_copy, path):
    _point_resource(data_copy, "harms", path)
    error = _load_error(data_copy)
    assert error.file == path.replace("\x00", "?").replace("\n", "?").replace("\r", "?")
    assert error.message == "is not a file name inside the data folder 'data' (it holds control characters)"


def test_oversized_file_is_refused(data_copy):
    with (data_copy / "glossary.csv").open("ab") as handle:
        handle.truncate(loader.MAX_FILE_BYTES + 1)  # sparse: costs no disk
    error = _load_error(data_copy)
    assert (error.file, error.message) == ("glossary.csv", "is larger than 2 MB, the most a data file may be")


def test_oversized_package_is_refused(data_copy):
    package = _package(data_copy)
    package["padding"] = "x" * loader.MAX_PACKAGE_BYTES
    _write_package(data_copy, package)
    assert _load_error(data_copy).message.startswith("is larger than 1 MB")


def test_missing_file_names_the_folder_not_its_path(data_copy):
    (data_copy / "harms.csv").unlink()
    error = _load_error(data_copy)
    assert str(error) == "harms.csv: is missing from the data folder 'data'"


# --- datapackage.json structure --------------------------------------------------------------------


def _first(package: dict) -> dict:
    return package["resources"][0]


def _drop(mapping: dict, key: str) -> None:
    del mapping[key]


BROKEN_STRUCTURES = {
    "top level is a list": (lambda p: [p], "the file: must hold one JSON object"),
    "resources missing": (lambda p: {"name": "x"}, "'resources': must be a non-empty list"),
    "resource is a string": (lambda p: {**p, "resources": ["sources.csv"]}, "resource 1: must be an object"),
    "resource without name": (lambda p: _drop(_first(p), "name"), "resource 1: 'name' must be a non-empty text"),
    "resource without path": (lambda p: _drop(_first(p), "path"), "resource 1 ('sources'): 'path' must be a file name"),
    "path is a number": (lambda p: _first(p).update(path=3), "resource 1 ('sources'): 'path' must be a file name"),
    "title is a list": (lambda p: _first(p).update(title=["x"]), "resource 1 ('sources'): 'title' must be text"),
    "resource without schema": (lambda p: _drop(_first(p), "schema"), "'schema' must be an object"),
    "schema without fields": (
        lambda p: _drop(_first(p)["schema"], "fields"),
        "'schema.fields' must be a non-empty list",
    ),
    "field is a string": (lambda p: _first(p)["schema"]["fields"].insert(0, "id"), "field 1: must be an object"),
    "field without name": (lambda p: _drop(_first(p)["schema"]["fields"][0], "name"), "field 1: 'name' must be"),
    "unknown type": (lambda p: _first(p)["schema"]["fields"][0].update(type="blob"), "('id'): 'type' and"),
    "constraints a list": (lambda p: _first(p)["schema"]["fields"][0].update(constraints=[]), "'constraints' must"),
    "enum not a list": (
        lambda p: _first(p)["schema"]["fields"][0]["constraints"].update(enum="a"),
        "'constraints.enum' must be a list of texts",
    ),
    "required not boolean": (
        lambda p: _first(p)["schema"]["fields"][0]["constraints"].update(required="yes"),
        "'constraints.required' must be true or false",
    ),
    "minimum a text": (
        lambda p: _first(p)["schema"]["fields"][0]["constraints"].update(minimum="0"),
        "'constraints.minimum' must be a number",
    ),
    "repeated resource": (lambda p: p["resources"].append(_first(p)), "'name' 'sources' is used by an earlier"),
    "repeated field": (
        lambda p: _first(p)["schema"]["fields"].append(_first(p)["schema"]["fields"][0]),
        "'name' 'id' repeats an earlier field",
    ),
    "unknown primary key": (lambda p: _first(p)["schema"].update(primaryKey="nope"), "'schema.primaryKey' must"),
    "foreign key to nowhere": (
        lambda p: _first(p)["schema"].update(foreignKeys=[{"fields": "id", "reference": {"resource": "x"}}]),
        "foreign key 1 must name one of its fields and a known resource",
    ),
    "foreign key to a missing field": (
        lambda p: _first(p)["schema"].update(
            foreignKeys=[{"fields": "id", "reference": {"resource": "topics", "fields": "nope"}}]
        ),
        "foreign key 1 must point at a field of 'topics'",
    ),
    "unknown check kind": (lambda p: _first(p).update({"x-checks": [{"kind": "magic"}]}), "check 1 must have a 'kind'"),
    "check on unknown field": (
        lambda p: _first(p).update({"x-checks": [{"kind": "require_any", "fields": ["nope"]}]}),
        "check 1 'fields' must list fields of this resource",
    ),
    "catastrophic pattern": (
        lambda p: _first(p)["schema"]["fields"][0]["constraints"].update(pattern="^(a+)+$"),
        "'constraints.pattern' repeats a group that itself repeats",
    ),
}


@pytest.mark.parametrize(("break_it", "expected"), BROKEN_STRUCTURES.values(), ids=BROKEN_STRUCTURES.keys())
def test_broken_package_structure_is_named(data_copy, break_it, expected):
    package = _package(data_copy)
    replaced = break_it(package)  # a new package, or None when it changed this one in place
    _write_package(data_copy, package if replaced is None else replaced)
    error = _load_error(data_copy)
    assert error.file == "datapackage.json"
    assert expected in error.message


def test_deeply_nested_package_is_refused(data_copy):
    (data_copy / "datapackage.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert _load_error(data_copy).message.startswith("is not valid JSON")


# --- schema patterns -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "why"),
    [
        ("(a+)+$", "repeats a group that itself repeats"),
        ("(a*)*b", "repeats a group that itself repeats"),
        ("(a|aa)+$", "repeats a group with alternatives"),
        (r"(\w+)\1", "back-reference"),
        ("(?=a)a", "look-around"),
        (r"\S+\S+\S+x", "more than two places that can match in several ways"),
        ("(a{1,30}){1,30}$", "repeats a group that itself repeats"),
        ("^(?:[a-z]{0,9}-){2,5}$", "repeats a group that itself repeats"),
        ("^a{0,60}a{0,60}a{0,60}a{0,60}a{0,60}$", "more than two places that can match in several ways"),
        ("a?" * 30 + "a" * 30, "more than two places that can match in several ways"),
        ("(?:a|a)" * 18 + "b", "more than two places that can match in several ways"),
        ("x" * 201, "1 to 200 characters"),
        ("(", "is not a pattern this loader accepts"),
        (7, "must be a text"),
    ],
)
def test_risky_pattern_is_refused(pattern, why):
    assert why in pattern_problem(pattern)


@pytest.mark.parametrize("pattern", ["(a{1,30}){1,30}$", "^a{0,60}a{0,60}a{0,60}a{0,60}a{0,60}$", "(?:a|a)" * 18 + "b"])
def test_slow_pattern_in_a_data_folder_names_file_and_field(data_copy, pattern):
    # Refused when datapackage.json is read, before the pattern meets a single cell.
    package = _package(data_copy)
    resource = next(r for r in package["resources"] if r["name"] == "harms")
    resource["schema"]["fields"][0].setdefault("constraints", {})["pattern"] = pattern
    _write_package(data_copy, package)
    error = _load_error(data_copy)
    field = resource["schema"]["fields"][0]["name"]
    assert error.file == "datapackage.json"
    assert re.match(rf"resource \d+ \('harms'\), field 1 \('{field}'\): 'constraints.pattern' ", error.message)


def test_every_pattern_in_the_real_data_is_accepted(dataset):
    patterns = [
        field["constraints"]["pattern"]
        for resource in dataset.package["resources"]
        for field in resource["schema"]["fields"]
        if "pattern" in field.get("constraints", {})
    ]
    assert patterns
    assert [p for p in patterns if pattern_problem(p)] == []


def test_cell_too_long_for_its_pattern_is_named(data_copy):
    set_cell(data_copy, "sources.csv", 1, "url", "https://" + "a" * rows.MAX_PATTERN_INPUT)
    error = _load_error(data_copy)
    assert (error.file, error.row, error.column) == ("sources.csv", 1, "url")
    assert "too long for its pattern" in error.message
