"""Load the CSV tables described by data/datapackage.json, validate them and return one Dataset."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from core.data.model import TABLE_NAMES, DataError, Dataset
from core.data.rows import PACKAGE_FILE, check_foreign_keys, check_header, check_rows, to_frame
from core.data.translations import check_package as check_languages
from core.data.translations import check_translations, translation_resources, translations_frame

DATA_DIR_ENV = "STEMCELL_DATA_DIR"
REPO_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# Limits on a data folder, which may come from anyone (STEMCELL_DATA_DIR): the largest table today is about 50 KB.
MAX_FILE_BYTES = 2_000_000
MAX_PACKAGE_BYTES = 1_000_000
MAX_PATTERN_LENGTH = 200
FIELD_TYPES = ("string", "integer", "number", "boolean", "date")
CHECK_KINDS = ("low_le_high", "required_together", "require_any", "required_unless")


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

    check_languages(package, TABLE_NAMES)
    translated = [r["name"] for r in translation_resources(package).values()]

    raw = {name: _read_csv(folder, resources[name]) for name in (*TABLE_NAMES, *translated)}
    for name in (*TABLE_NAMES, *translated):
        check_rows(resources[name], raw[name])
    for name in TABLE_NAMES:
        check_foreign_keys(resources[name], raw, resources)
    check_translations(package, raw, resources)

    tables = {name: to_frame(resources[name], raw[name]) for name in TABLE_NAMES}
    return Dataset(**tables, package=package, data_dir=str(folder), translations=translations_frame(package, raw))


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

    check_header(file, header, [f["name"] for f in resource["schema"]["fields"]])

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
