"""The Dataset in another language: translatable cells replaced by their translation, and how to label them."""

from __future__ import annotations

import dataclasses

from core.data.model import Dataset
from core.data.translations import BESIDE_SUFFIX, beside_columns, english_hash, languages, translatable_columns

# Shown beside a text we translated ourselves, in that text's language.
TRANSLATION_LABEL = {"es": "Traducción nuestra"}
# Shown beside a text taken from a source's own published translation (its address goes with it).
OFFICIAL_LABEL = {"es": "Versión oficial en español"}
# A column `<name>_official` in an edition holds, row by row, the address of that cell's official version ('' if ours).
OFFICIAL_SUFFIX = "_official"


# Editions already built, by the identity of their source Dataset and the language. The loaded Dataset is shared
# and never changes, so identity is enough; the source is held too, so its id cannot be reused while the entry lives.
_EDITIONS: dict[tuple[int, str], tuple[Dataset, Dataset]] = {}
MAX_EDITIONS = 8


def localised(ds: Dataset, lang: str) -> Dataset:
    """A Dataset whose translatable columns read in `lang`; the tables' own language returns ds itself.

    A column translated beside itself (a verbatim quote, "x-translation": "beside") keeps its text; its translation
    is a new column after it, `<column>_translation` ("" where a cell has none).

    Pure: ds and its frames are never changed. Asking again for the same ds and language returns the same object,
    so caches keyed on a table's identity (the glossary look-up) keep working across reruns."""
    langs = languages(ds.package)
    if lang == langs[0]:
        return ds
    if lang not in langs:
        raise ValueError(f"the data has no '{lang}' edition (it has {', '.join(langs)})")
    held = _EDITIONS.get((id(ds), lang))
    if held is not None and held[0] is ds:
        return held[1]
    edition = _build(ds, lang)
    if len(_EDITIONS) >= MAX_EDITIONS:
        _EDITIONS.pop(next(iter(_EDITIONS)))
    _EDITIONS[(id(ds), lang)] = (ds, edition)
    return edition


def _build(ds: Dataset, lang: str) -> Dataset:
    rows = ds.translations[ds.translations["lang"] == lang]
    by_table = {table: group for table, group in rows.groupby("table")}
    key_of = {r["name"]: r["schema"]["primaryKey"] for r in ds.package["resources"] if "primaryKey" in r["schema"]}
    beside = beside_columns(ds.package)
    replaced = {}
    for table, columns in translatable_columns(ds.package).items():
        group = by_table.get(table)
        if group is None and table not in beside:
            continue
        group = rows.iloc[0:0] if group is None else group
        frame = ds.table(table).copy()
        # Read the keys before replacing any column: the key column itself may be translated (glossary terms).
        keys = list(frame[key_of[table]])
        for column in columns:
            texts = dict(zip(*(group.loc[group["column"] == column, name] for name in ("row_id", "text")), strict=True))
            if column in beside.get(table, ()):
                frame.insert(
                    frame.columns.get_loc(column) + 1, column + BESIDE_SUFFIX, [texts.get(k, "") for k in keys]
                )
                continue
            # Cells with no translation (empty in the source) keep their value.
            frame[column] = [texts.get(k, v) for k, v in zip(keys, frame[column], strict=True)]
            rows = group[(group["column"] == column) & (group["source"] != "")]
            if not rows.empty:
                # The source's own published version in this language: its address, for the page to cite.
                official = dict(zip(rows["row_id"], rows["source"], strict=True))
                frame[column + OFFICIAL_SUFFIX] = [official.get(k, "") for k in keys]
        replaced[table] = frame
    return dataclasses.replace(ds, **replaced, lang=lang)


def translation_note(ds: Dataset, lang: str, table: str, row_id: str, column: str) -> tuple[str, str]:
    """(label, address) to show beside one translated cell: ours, or an official version and where it is published.

    ("", "") in the tables' own language or for a cell that is not translated."""
    rows = ds.translations
    match = rows[
        (rows["lang"] == lang) & (rows["table"] == table) & (rows["row_id"] == row_id) & (rows["column"] == column)
    ]
    if match.empty:
        return "", ""
    source = match["source"].iloc[0]
    return (OFFICIAL_LABEL[lang], source) if source else (TRANSLATION_LABEL[lang], "")


def stale_translations(ds: Dataset) -> list[tuple[str, str, str, str]]:
    """(lang, table, row id, column) of every translation made from English text that has changed since.

    Give it the Dataset as loaded (English): a localised one has its key columns translated."""
    english = {}
    for table, columns in translatable_columns(ds.package).items():
        keys = ds.table(table)[ds.resource(table)["schema"]["primaryKey"]]
        for column in columns:
            english.update({(table, k, column): v for k, v in zip(keys, ds.table(table)[column], strict=True)})
    return [
        (row.lang, row.table, row.row_id, row.column)
        for row in ds.translations.itertuples(index=False)
        if english_hash(english.get((row.table, row.row_id, row.column), "")) != row.from_hash
    ]
