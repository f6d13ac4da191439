"""Translation tables of the data package: which cells are translatable, and the rules every translation keeps."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

import pandas as pd

from core.data.model import TRANSLATION_COLUMNS, DataError
from core.data.rows import PACKAGE_FILE, to_frame

# Every translation table has these columns, in this order: one row per translated cell.
TRANSLATION_FIELDS = ("table", "row_id", "column", "text", "reviewed", "source", "from_hash")
FRAME_COLUMNS = TRANSLATION_COLUMNS
# A field whose "x-translation" is "beside" keeps its own text in every edition (a verbatim quote); its translation
# goes in a column next to it, named by BESIDE_SUFFIX, and must be made from the text as it reads now.
BESIDE = "beside"
BESIDE_SUFFIX = "_translation"


def languages(package: Mapping[str, Any]) -> tuple[str, ...]:
    """The package's languages, the language the tables are written in first; ('en',) when none are declared."""
    return tuple(package.get("x-languages", ["en"]))


def translatable_columns(package: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Table name -> its fields flagged x-translatable, in schema order; tables without any are left out."""
    out = {}
    for resource in package["resources"]:
        names = tuple(f["name"] for f in resource["schema"]["fields"] if f.get("x-translatable"))
        if names:
            out[resource["name"]] = names
    return out


def beside_columns(package: Mapping[str, Any]) -> dict[str, tuple[str, ...]]:
    """Table name -> its translatable fields whose translation is shown beside the original, not instead of it."""
    out = {}
    for resource in package["resources"]:
        names = tuple(f["name"] for f in resource["schema"]["fields"] if f.get("x-translation") == BESIDE)
        if names:
            out[resource["name"]] = names
    return out


def translation_resources(package: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Language -> the resource holding its translations."""
    return {r["x-language"]: r for r in package["resources"] if "x-language" in r}


def check_package(package: Mapping[str, Any], table_names: tuple[str, ...]) -> None:
    """The languages, the translation resources and the x-translatable flags are well formed."""
    langs = package.get("x-languages", ["en"])
    if not (isinstance(langs, list) and langs and all(isinstance(x, str) and x.isalpha() for x in langs)):
        raise DataError(PACKAGE_FILE, "'x-languages' must list language codes, the tables' own language first")
    if len(set(langs)) != len(langs):
        raise DataError(PACKAGE_FILE, "'x-languages' names a language twice")
    by_lang: dict[str, str] = {}
    for resource in package["resources"]:
        if "x-language" in resource:
            _check_translation_resource(resource, langs, by_lang)
        for field in resource["schema"]["fields"]:
            _check_flag(resource, field, table_names)
    missing = [lang for lang in langs[1:] if lang not in by_lang]
    if missing:
        raise DataError(PACKAGE_FILE, f"no translation resource (with 'x-language') for {', '.join(missing)}")


def _check_translation_resource(resource: Mapping[str, Any], langs: list[str], by_lang: dict[str, str]) -> None:
    where, lang = f"resource {resource['name']!r}", resource["x-language"]
    if lang not in langs[1:]:
        raise DataError(PACKAGE_FILE, f"{where}: 'x-language' {lang!r} is not a translation in 'x-languages'")
    if lang in by_lang:
        raise DataError(PACKAGE_FILE, f"{where}: language {lang!r} already has {by_lang[lang]!r}")
    if tuple(f["name"] for f in resource["schema"]["fields"]) != TRANSLATION_FIELDS:
        fields = ", ".join(TRANSLATION_FIELDS)
        raise DataError(PACKAGE_FILE, f"{where}: a translation table has the fields {fields}")
    by_lang[lang] = resource["name"]


def _check_flag(resource: Mapping[str, Any], field: Mapping[str, Any], table_names: tuple[str, ...]) -> None:
    where = f"resource {resource['name']!r}, field {field['name']!r}"
    flag = field.get("x-translatable", False)
    if not isinstance(flag, bool):
        raise DataError(PACKAGE_FILE, f"{where}: 'x-translatable' must be true or false")
    if "x-translation" in field and (field["x-translation"] != BESIDE or not flag):
        raise DataError(PACKAGE_FILE, f"{where}: 'x-translation' can only be '{BESIDE}', on a translatable field")
    if not flag:
        return
    # Only free text is translated: codes, lists and controlled words are keys other rows point at.
    rules = field.get("constraints", {})
    if field["type"] != "string" or "x-list-separator" in field or "enum" in rules or "pattern" in rules:
        raise DataError(PACKAGE_FILE, f"{where}: only free text can be translatable")
    if resource["name"] not in table_names or "primaryKey" not in resource["schema"]:
        raise DataError(PACKAGE_FILE, f"{where}: translatable fields need a loaded table with a primaryKey")


def check_translations(
    package: Mapping[str, Any], raw: Mapping[str, list[dict[str, str]]], resources: Mapping[str, Any]
) -> None:
    """Each translation points at a translatable, filled cell, once; each such cell is translated in every language."""
    columns = translatable_columns(package)
    beside = beside_columns(package)
    # (table, row id, column) -> the source row number, for every filled translatable cell.
    cells: dict[tuple[str, str, str], int] = {}
    # The text of each cell translated beside itself: its translation must be made from exactly this text.
    originals: dict[tuple[str, str, str], str] = {}
    keys: dict[str, set[str]] = {}
    for table, names in columns.items():
        key = resources[table]["schema"]["primaryKey"]
        keys[table] = {row[key] for row in raw[table]}
        for row in raw[table]:
            cells.update({(table, row[key], name): row["__row__"] for name in names if row[name]})
            originals.update({(table, row[key], name): row[name] for name in beside.get(table, ()) if row[name]})
    for lang, resource in translation_resources(package).items():
        file = resource["path"]
        seen: dict[tuple[str, str, str], int] = {}
        for row in raw[resource["name"]]:
            cell = (row["table"], row["row_id"], row["column"])
            _check_target(file, row, columns, keys, resources)
            if cell not in cells:
                where = resources[row["table"]]["path"]
                raise DataError(file, f"translates an empty cell of {where}", row["__row__"], "text")
            if cell in originals and english_hash(originals[cell]) != row["from_hash"]:
                # A quote shown with our translation under it: a translation of older wording would misquote it.
                where = resources[row["table"]]["path"]
                message = f"was made from other wording than the quote in {where} now reads; translate it again"
                raise DataError(file, message, row["__row__"], "from_hash")
            if cell in seen:
                raise DataError(
                    file, f"translates the same cell as row {seen[cell]}; keep one", row["__row__"], "row_id"
                )
            seen[cell] = row["__row__"]
        untranslated = next((cell for cell in cells if cell not in seen), None)
        if untranslated:
            table, row_id, name = untranslated
            message = f"has no translation into '{lang}' in {file} (row id '{row_id}')"
            raise DataError(resources[table]["path"], message, cells[untranslated], name)


def _check_target(file: str, row: Mapping[str, Any], columns, keys, resources) -> None:
    """The table, row and column a translation names exist, and the column is translatable."""
    number, table = row["__row__"], row["table"]
    if table not in columns:
        raise DataError(file, f"'{table}' is not a table with translatable columns", number, "table")
    if row["row_id"] not in keys[table]:
        raise DataError(file, f"'{row['row_id']}' is not a row of {resources[table]['path']}", number, "row_id")
    if row["column"] not in columns[table]:
        allowed = ", ".join(columns[table])
        raise DataError(
            file, f"'{row['column']}' is not a translatable column of {table} ({allowed})", number, "column"
        )


def english_hash(text: str) -> str:
    """The from_hash of an English cell: the first 12 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def translations_frame(package: Mapping[str, Any], raw: Mapping[str, list[dict[str, str]]]) -> pd.DataFrame:
    """Every language's translations in one frame, with a lang column."""
    frames = []
    for lang, resource in translation_resources(package).items():
        frame = to_frame(resource, raw[resource["name"]])
        frames.append(frame.assign(lang=lang)[list(FRAME_COLUMNS)])
    return pd.concat(frames, ignore_index=True) if frames else empty_frame()


def empty_frame() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=str) for name in FRAME_COLUMNS})
