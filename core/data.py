"""Load the CSV tables described by data/datapackage.json, validate them and return one Dataset."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pandas as pd

DATA_DIR_ENV = "STEMCELL_DATA_DIR"
PACKAGE_FILE = "datapackage.json"
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class DataError(Exception):
    """A data file breaks a rule; names the file, the row and the column where it can."""

    def __init__(self, file: str, message: str, row: int | None = None, column: str | None = None):
        self.file, self.message, self.row, self.column = file, message, row, column
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            # Row 1 is the first data row; the header is line 1 of the file, so row N is line N + 1.
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


@dataclass(frozen=True)
class Dataset:
    """Every table of the data package, typed. Treat the frames as read-only: loaders share them."""

    sources: pd.DataFrame
    regimens: pd.DataFrame
    topics: pd.DataFrame
    claims: pd.DataFrame
    evidence: pd.DataFrame
    regulatory: pd.DataFrame
    harms: pd.DataFrame
    glossary: pd.DataFrame
    routes: pd.DataFrame
    rubric_items: pd.DataFrame
    rubric_scores: pd.DataFrame
    package: Mapping[str, Any]
    data_dir: str

    def table(self, name: str) -> pd.DataFrame:
        return getattr(self, name)

    def resource(self, name: str) -> Mapping[str, Any]:
        return next(r for r in self.package["resources"] if r["name"] == name)


TABLE_NAMES = tuple(f.name for f in fields(Dataset) if f.name not in ("package", "data_dir"))


def default_data_dir() -> Path:
    """The data folder: $STEMCELL_DATA_DIR when set, else the repository's data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or REPO_DATA_DIR)


def load(data_dir: str | os.PathLike[str] | None = None) -> Dataset:
    """Read and validate every table; raise DataError at the first broken rule."""
    folder = Path(data_dir) if data_dir is not None else default_data_dir()
    package = _read_package(folder)
    resources = {r["name"]: r for r in package["resources"]}
    missing = [name for name in TABLE_NAMES if name not in resources]
    if missing:
        raise DataError(PACKAGE_FILE, f"no resource described for table(s) {', '.join(missing)}")

    raw = {name: _read_csv(folder, resources[name]) for name in TABLE_NAMES}
    for name in TABLE_NAMES:
        _check_rows(resources[name], raw[name])
    for name in TABLE_NAMES:
        _check_foreign_keys(resources[name], raw, resources)

    tables = {name: _to_frame(resources[name], raw[name]) for name in TABLE_NAMES}
    return Dataset(**tables, package=package, data_dir=str(folder))


# --- reading -------------------------------------------------------------------------------------


def _read_package(folder: Path) -> dict[str, Any]:
    path = folder / PACKAGE_FILE
    if not path.is_file():
        raise DataError(PACKAGE_FILE, f"not found in data folder {folder}")
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(PACKAGE_FILE, f"is not valid JSON ({exc})") from None
    if not isinstance(package, dict) or not isinstance(package.get("resources"), list):
        raise DataError(PACKAGE_FILE, "has no 'resources' list")
    return package


def _read_csv(folder: Path, resource: Mapping[str, Any]) -> list[dict[str, str]]:
    file = resource["path"]
    path = folder / file
    if not path.is_file():
        raise DataError(file, f"is missing from data folder {folder}")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataError(file, f"is not UTF-8 text (bad byte at position {exc.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise DataError(file, "is empty; expected a header row") from None
    except csv.Error as exc:
        raise DataError(file, f"cannot be read as CSV ({exc})") from None

    _check_header(file, header, [f["name"] for f in resource["schema"]["fields"]])

    rows = []
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(header):
                raise DataError(file, f"has {len(cells)} cells but the header has {len(header)} columns", row=number)
            rows.append({"__row__": number, **dict(zip(header, cells, strict=True))})
    except csv.Error as exc:
        raise DataError(file, f"cannot be read as CSV ({exc})", row=reader.line_num) from None
    return rows


def _check_header(file: str, header: list[str], expected: list[str]) -> None:
    for column in expected:
        if column not in header:
            raise DataError(file, "column is missing from the header", column=column)
    for column in header:
        if column not in expected:
            raise DataError(file, "column is not described in datapackage.json", column=column)
    if len(set(header)) != len(header):
        dup = next(c for c in header if header.count(c) > 1)
        raise DataError(file, "column appears twice in the header", column=dup)


# --- row rules -----------------------------------------------------------------------------------


def _list_items(value: str, field: Mapping[str, Any]) -> list[str]:
    return [item.strip() for item in value.split(field["x-list-separator"]) if item.strip()]


def _parse_scalar(value: str, kind: str) -> Any:
    if kind == "integer":
        if not re.fullmatch(r"-?[0-9]+", value):
            raise ValueError(f"'{value}' is not a whole number")
        return int(value)
    if kind == "number":
        try:
            number = float(value)
        except ValueError:
            raise ValueError(f"'{value}' is not a number") from None
        if number != number or number in (float("inf"), float("-inf")):
            raise ValueError(f"'{value}' is not a finite number")
        return number
    if kind == "boolean":
        if value not in ("true", "false"):
            raise ValueError(f"'{value}' is not true or false")
        return value == "true"
    return value


def _check_value(file: str, row: int, field: Mapping[str, Any], value: str) -> None:
    name = field["name"]
    rules = field.get("constraints", {})
    if value != value.strip():
        raise DataError(file, "has spaces at the start or end", row, name)
    if not value:
        if rules.get("required"):
            raise DataError(file, "is empty but required", row, name)
        return
    items = _list_items(value, field) if "x-list-separator" in field else [value]
    kind = field.get("x-item-type", field["type"]) if "x-list-separator" in field else field["type"]
    for item in items:
        try:
            parsed = _parse_scalar(item, kind)
        except ValueError as exc:
            raise DataError(file, str(exc), row, name) from None
        if "enum" in rules and item not in rules["enum"]:
            allowed = ", ".join(f"'{v}'" for v in rules["enum"])
            raise DataError(file, f"'{item}' is not an allowed value ({allowed})", row, name)
        if "pattern" in rules and not re.search(rules["pattern"], item):
            raise DataError(file, f"'{item}' does not match the pattern {rules['pattern']}", row, name)
        if "minimum" in rules and parsed < rules["minimum"]:
            raise DataError(file, f"{item} is below the minimum {rules['minimum']}", row, name)
        if "maximum" in rules and parsed > rules["maximum"]:
            raise DataError(file, f"{item} is above the maximum {rules['maximum']}", row, name)


def _check_rows(resource: Mapping[str, Any], rows: list[dict[str, str]]) -> None:
    file = resource["path"]
    schema = resource["schema"]
    by_name = {f["name"]: f for f in schema["fields"]}
    seen: dict[str, dict[str, int]] = {
        f["name"]: {} for f in schema["fields"] if f.get("constraints", {}).get("unique")
    }
    for row in rows:
        number = row["__row__"]
        for field in schema["fields"]:
            _check_value(file, number, field, row[field["name"]])
        for name, values in seen.items():
            value = row[name]
            if value and value in values:
                raise DataError(file, f"'{value}' repeats row {values[value]}; it must be unique", number, name)
            values[value] = number
        for check in resource.get("x-checks", []):
            _check_row_rule(file, number, row, check, by_name)


def _check_row_rule(file: str, number: int, row: Mapping[str, str], check: Mapping[str, Any], by_name) -> None:
    kind, names = check["kind"], check["fields"]
    if kind == "low_le_high":
        low_name, high_name = names
        low, high = row[low_name], row[high_name]
        if low and high:
            as_type = by_name[low_name]["type"]
            if _parse_scalar(low, as_type) > _parse_scalar(high, as_type):
                raise DataError(file, f"is above {high_name} ({low} > {high})", number, low_name)
    elif kind == "required_together":
        filled = [n for n in names if row[n]]
        if filled and len(filled) != len(names):
            empty = next(n for n in names if not row[n])
            raise DataError(
                file, f"is empty but {filled[0]} is filled; these go together: {', '.join(names)}", number, empty
            )
    elif kind == "require_any":
        if not any(row[n] for n in names):
            raise DataError(file, f"needs at least one citation among {', '.join(names)}", number, names[0])
    elif kind == "required_unless":
        ((gate, exempt),) = check["unless"].items()
        if row[gate] not in exempt and not any(row[n] for n in names):
            raise DataError(
                file,
                f"is empty; a {gate} of '{row[gate]}' must point at a row in {' or '.join(names)}",
                number,
                names[0],
            )
    else:
        raise DataError(PACKAGE_FILE, f"unknown check kind '{kind}' for {file}")


def _check_foreign_keys(resource, raw: Mapping[str, list[dict[str, str]]], resources) -> None:
    file = resource["path"]
    by_name = {f["name"]: f for f in resource["schema"]["fields"]}
    for fk in resource["schema"].get("foreignKeys", []):
        column, target = fk["fields"], fk["reference"]
        known = {r[target["fields"]] for r in raw[target["resource"]]}
        target_file = resources[target["resource"]]["path"]
        field = by_name[column]
        for row in raw[resource["name"]]:
            value = row[column]
            values = _list_items(value, field) if "x-list-separator" in field else [value] if value else []
            for item in values:
                if item not in known:
                    raise DataError(
                        file, f"'{item}' is not an {target['fields']} in {target_file}", row["__row__"], column
                    )


# --- typing --------------------------------------------------------------------------------------

_DTYPES = {"integer": "Int64", "number": "float64", "boolean": "boolean"}


def _to_frame(resource: Mapping[str, Any], rows: Iterable[dict[str, str]]) -> pd.DataFrame:
    schema_fields = resource["schema"]["fields"]
    columns: dict[str, list[Any]] = {f["name"]: [] for f in schema_fields}
    for row in rows:
        for field in schema_fields:
            value = row[field["name"]]
            if "x-list-separator" in field:
                kind = field.get("x-item-type", "string")
                columns[field["name"]].append(tuple(_parse_scalar(v, kind) for v in _list_items(value, field)))
            elif field["type"] in _DTYPES:
                columns[field["name"]].append(_parse_scalar(value, field["type"]) if value else None)
            else:
                columns[field["name"]].append(value)
    frame = pd.DataFrame(columns)
    for field in schema_fields:
        if "x-list-separator" in field:
            frame[field["name"]] = frame[field["name"]].astype(object)
        elif field["type"] in _DTYPES:
            frame[field["name"]] = frame[field["name"]].astype(_DTYPES[field["type"]])
        else:
            frame[field["name"]] = frame[field["name"]].astype(str)
    return frame


def flatten_lists(frame: pd.DataFrame, separator: str = ";") -> pd.DataFrame:
    """A copy with list cells joined by the separator, as they are written in the CSV files."""
    out = frame.copy()
    for column in out.columns:
        if out[column].map(lambda v: isinstance(v, tuple)).any():
            out[column] = out[column].map(lambda v: separator.join(map(_plain, v)) if isinstance(v, tuple) else v)
    return out


def _plain(value: Any) -> str:
    return f"{value:.0f}" if isinstance(value, float) and value.is_integer() else str(value)
