"""Row rules of the data package: values against their field, row checks, foreign keys, typed frames."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from core.data.model import DataError

PACKAGE_FILE = "datapackage.json"
MAX_PATTERN_INPUT = 500  # longest cell a schema pattern is tried on: ids, dates, DOIs and addresses are shorter


def check_header(file: str, header: list[str], expected: list[str]) -> None:
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
        if "pattern" in rules and len(item) > MAX_PATTERN_INPUT:
            raise DataError(file, f"is longer than {MAX_PATTERN_INPUT} characters, too long for its pattern", row, name)
        if "pattern" in rules and not re.search(rules["pattern"], item):
            raise DataError(file, f"'{item}' does not match the pattern {rules['pattern']}", row, name)
        if "minimum" in rules and parsed < rules["minimum"]:
            raise DataError(file, f"{item} is below the minimum {rules['minimum']}", row, name)
        if "maximum" in rules and parsed > rules["maximum"]:
            raise DataError(file, f"{item} is above the maximum {rules['maximum']}", row, name)


def check_rows(resource: Mapping[str, Any], rows: list[dict[str, str]]) -> None:
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


def check_foreign_keys(resource, raw: Mapping[str, list[dict[str, str]]], resources) -> None:
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


def to_frame(resource: Mapping[str, Any], rows: Iterable[dict[str, str]]) -> pd.DataFrame:
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
