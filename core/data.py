"""Load the CSV tables described by data/datapackage.json, validate them and return one Dataset."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path, PurePosixPath
from typing import Any

import pandas as pd

DATA_DIR_ENV = "STEMCELL_DATA_DIR"
PACKAGE_FILE = "datapackage.json"
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Limits on a data folder, which may come from anyone (STEMCELL_DATA_DIR): the largest table today is about 50 KB.
MAX_FILE_BYTES = 2_000_000
MAX_PACKAGE_BYTES = 1_000_000
MAX_PATTERN_LENGTH = 200
MAX_PATTERN_INPUT = 500  # longest cell a schema pattern is tried on: ids, dates, DOIs and addresses are shorter
FIELD_TYPES = ("string", "integer", "number", "boolean", "date")
CHECK_KINDS = ("low_le_high", "required_together", "require_any", "required_unless")


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
    verdicts: pd.DataFrame
    claim_groups: pd.DataFrame
    evidence_summary: pd.DataFrame
    changes: pd.DataFrame
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
    try:
        package = json.loads(_read_inside(folder, PACKAGE_FILE, MAX_PACKAGE_BYTES).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataError(PACKAGE_FILE, f"is not valid JSON ({str(exc)[:200]})") from None
    _check_package(package)
    return package


def _read_inside(folder: Path, file: str, limit: int) -> bytes:
    """The bytes of a regular file inside the folder, never through a link, never more than `limit` bytes."""
    relative = PurePosixPath(file)
    root = folder.resolve()
    if not file.isprintable():
        # A NUL byte would reach the operating system as an exception, and a line break would split the message.
        shown = "".join(c if c.isprintable() else "?" for c in file)
        raise DataError(shown, f"is not a file name inside the data folder '{root.name}' (it holds control characters)")
    if relative.is_absolute() or ".." in relative.parts or "\\" in file or ":" in file or not relative.parts:
        raise DataError(file, f"is not a file name inside the data folder '{root.name}'")
    path = root.joinpath(*relative.parts)
    # A link anywhere on the way (a linked sub-folder, or the file itself) resolves somewhere else.
    if path.resolve() != path:
        raise DataError(file, "is a link; put the file itself in the data folder")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise DataError(file, f"is missing from the data folder '{root.name}'") from None
    except OSError as exc:
        raise DataError(file, f"cannot be opened ({exc.strerror})") from None
    # Checked before fdopen, which raises IsADirectoryError for a folder standing where a table should be.
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise DataError(file, "is a folder, not a file" if stat.S_ISDIR(mode) else "is not a regular file")
    with os.fdopen(descriptor, "rb") as handle:
        content = handle.read(limit + 1)
    if len(content) > limit:
        raise DataError(file, f"is larger than {limit / 1e6:g} MB, the most a data file may be")
    return content


def _read_csv(folder: Path, resource: Mapping[str, Any]) -> list[dict[str, str]]:
    file = resource["path"]
    content = _read_inside(folder, file, MAX_FILE_BYTES)
    try:
        text = content.decode("utf-8-sig")
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
        if "pattern" in rules and len(item) > MAX_PATTERN_INPUT:
            raise DataError(file, f"is longer than {MAX_PATTERN_INPUT} characters, too long for its pattern", row, name)
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


# --- package structure ---------------------------------------------------------------------------


def _package_error(where: str, problem: str) -> DataError:
    return DataError(PACKAGE_FILE, f"{where}: {problem}")


def _check_package(package: Any) -> None:
    """Check the shape of datapackage.json before anything uses it: every problem names the resource and field."""
    if not isinstance(package, dict):
        raise _package_error("the file", "must hold one JSON object")
    resources = package.get("resources")
    if not isinstance(resources, list) or not resources:
        raise _package_error("'resources'", "must be a non-empty list")
    schemas: dict[str, dict[str, Any]] = {}
    for number, resource in enumerate(resources, start=1):
        name, fields_by_name = _check_resource(number, resource)
        if name in schemas:
            raise _package_error(f"resource {number}", f"'name' {name!r} is used by an earlier resource")
        schemas[name] = fields_by_name
    for number, resource in enumerate(resources, start=1):
        _check_links(f"resource {number} ({resource['name']!r})", resource, schemas)


def _check_resource(number: int, resource: Any) -> tuple[str, dict[str, Any]]:
    name = _named_object(f"resource {number}", resource)
    where = f"resource {number} ({name!r})"
    if not isinstance(resource.get("path"), str) or not resource["path"]:
        raise _package_error(where, "'path' must be a file name")
    for key in ("title", "description"):
        if not isinstance(resource.get(key, ""), str):
            raise _package_error(where, f"'{key}' must be text")
    schema = resource.get("schema")
    if not isinstance(schema, dict):
        raise _package_error(where, "'schema' must be an object")
    fields_ = schema.get("fields")
    if not isinstance(fields_, list) or not fields_:
        raise _package_error(where, "'schema.fields' must be a non-empty list")
    by_name: dict[str, Any] = {}
    for position, field in enumerate(fields_, start=1):
        field_name = _check_field(f"{where}, field {position}", field)
        if field_name in by_name:
            raise _package_error(f"{where}, field {position}", f"'name' {field_name!r} repeats an earlier field")
        by_name[field_name] = field
    return name, by_name


def _named_object(where: str, entry: Any) -> str:
    """The name of a resource or field, once it is known to be an object with a non-empty text 'name'."""
    if not isinstance(entry, dict):
        raise _package_error(where, "must be an object")
    name = entry.get("name")
    if not isinstance(name, str) or not name:
        raise _package_error(where, "'name' must be a non-empty text")
    return name


def _check_field(where: str, field: Any) -> str:
    name = _named_object(where, field)
    where = f"{where} ({name!r})"
    if field.get("type") not in FIELD_TYPES or field.get("x-item-type", "string") not in FIELD_TYPES:
        raise _package_error(where, f"'type' and 'x-item-type' must be one of {', '.join(FIELD_TYPES)}")
    separator = field.get("x-list-separator", ";")
    if not isinstance(separator, str) or not separator:
        raise _package_error(where, "'x-list-separator' must be a non-empty text")
    _check_constraints(where, field.get("constraints", {}))
    return name


def _check_constraints(where: str, rules: Any) -> None:
    if not isinstance(rules, dict):
        raise _package_error(where, "'constraints' must be an object")
    for key in ("required", "unique"):
        if not isinstance(rules.get(key, False), bool):
            raise _package_error(where, f"'constraints.{key}' must be true or false")
    for key in ("minimum", "maximum"):
        if key in rules and (isinstance(rules[key], bool) or not isinstance(rules[key], int | float)):
            raise _package_error(where, f"'constraints.{key}' must be a number")
    enum = rules.get("enum", [])
    if not isinstance(enum, list) or not all(isinstance(value, str) for value in enum):
        raise _package_error(where, "'constraints.enum' must be a list of texts")
    if "pattern" in rules:
        problem = pattern_problem(rules["pattern"])
        if problem:
            raise _package_error(where, f"'constraints.pattern' {problem}")


def _check_links(where: str, resource: dict[str, Any], schemas: Mapping[str, Mapping[str, Any]]) -> None:
    schema, own = resource["schema"], schemas[resource["name"]]
    if "primaryKey" in schema and schema["primaryKey"] not in own:
        raise _package_error(where, "'schema.primaryKey' must name one of its fields")
    keys = schema.get("foreignKeys", [])
    if not isinstance(keys, list):
        raise _package_error(where, "'schema.foreignKeys' must be a list")
    for number, key in enumerate(keys, start=1):
        target = key.get("reference") if isinstance(key, dict) else None
        if not (isinstance(target, dict) and key.get("fields") in own and target.get("resource") in schemas):
            raise _package_error(where, f"foreign key {number} must name one of its fields and a known resource")
        if target["resource"] not in TABLE_NAMES:
            raise _package_error(
                where, f"foreign key {number} points at {target['resource']!r}, not a table the app loads"
            )
        if target.get("fields") not in schemas[target["resource"]]:
            raise _package_error(where, f"foreign key {number} must point at a field of {target['resource']!r}")
    _check_row_checks(where, resource.get("x-checks", []), own)


def _check_row_checks(where: str, checks: Any, own: Mapping[str, Any]) -> None:
    if not isinstance(checks, list):
        raise _package_error(where, "'x-checks' must be a list")
    for number, check in enumerate(checks, start=1):
        if not isinstance(check, dict) or check.get("kind") not in CHECK_KINDS:
            raise _package_error(where, f"check {number} must have a 'kind' among {', '.join(CHECK_KINDS)}")
        names = check.get("fields")
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n in own for n in names):
            raise _package_error(where, f"check {number} 'fields' must list fields of this resource")
        if check["kind"] == "low_le_high" and len(names) != 2:
            raise _package_error(where, f"check {number} 'fields' must name exactly two fields")
        unless = check.get("unless")
        if check["kind"] == "required_unless" and not (
            isinstance(unless, dict) and len(unless) == 1 and next(iter(unless)) in own
            and isinstance(next(iter(unless.values())), list)
        ):  # fmt: skip
            raise _package_error(where, f"check {number} 'unless' must map one field to a list of values")


def pattern_problem(pattern: Any) -> str | None:
    """Why a schema pattern is refused, or None. Accepted patterns cannot backtrack badly on a bounded cell:
    no quantifier inside a repeated group, no alternation inside one, no back-reference or look-around, at most
    two places that can match in several ways (alternatives, or repeats of variable length, bounded or not; worst
    case about 0.1 s on a 500-character cell), and short."""
    if not isinstance(pattern, str) or not pattern or len(pattern) > MAX_PATTERN_LENGTH:
        return f"must be a text of 1 to {MAX_PATTERN_LENGTH} characters"
    try:
        from re import _parser as parser  # the standard library's own regex parser (Python 3.11+)

        tree = parser.parse(pattern)
    except (ImportError, re.error, RecursionError, OverflowError) as exc:
        return f"is not a pattern this loader accepts ({exc})"
    variable = 0
    stack = [(list(tree), False)]
    while stack:
        items, repeated = stack.pop()
        for op, value in items:
            name = str(op)
            if name in ("GROUPREF", "GROUPREF_EXISTS", "ASSERT", "ASSERT_NOT", "ATOMIC_GROUP", "POSSESSIVE_REPEAT"):
                return "uses a back-reference, look-around or atomic group, which this loader does not allow"
            if name in ("MAX_REPEAT", "MIN_REPEAT"):
                low, high, body = value
                if repeated:
                    return "repeats a group that itself repeats, which can take exponential time"
                # Bounded repeats count too: five of a{0,60} in a row took 1.9 s on a 121-character cell.
                variable += high > low
                stack.append((list(body), high > 1))
            elif name == "SUBPATTERN":
                stack.append((list(value[-1]), repeated))
            elif name == "BRANCH":
                if repeated:
                    return "repeats a group with alternatives, which can take exponential time"
                # Alternatives in a row multiply too: eighteen of (?:a|a) took 1.9 s on a 500-character cell.
                variable += 1
                stack.extend((list(branch), repeated) for branch in value[1])
    if variable > 2:
        return "has more than two places that can match in several ways (|, ?, +, *, {m,n}); write a simpler one"
    return None


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
