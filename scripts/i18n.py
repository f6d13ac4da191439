"""Refresh the interface-text catalogs: extract every marked string into locales/messages.pot, update each .po."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import i18n  # noqa: E402 (after the path line, so the script runs from any folder)

TEMPLATE = i18n.LOCALES / f"{i18n.DOMAIN}.pot"
SOURCE_DIRS = frozenset({"pages", "ui", "core"})  # walked for babel.cfg's patterns; streamlit_app.py sits at the top
COMMENT_TAGS = ("Translators:",)  # a "# Translators: ..." comment above a string reaches the translator
PO_WIDTH = 120


def _keep_directory(path: str) -> bool:
    # Not resolved: a symlinked folder (node_modules) points outside the checkout and is skipped by its name.
    parts = Path(os.path.relpath(path, ROOT)).parts
    return parts[0] in SOURCE_DIRS and "__pycache__" not in parts


def extract() -> Catalog:
    """Every string the code marks for translation, with where it is used (file names only: line numbers churn).

    The same as `pybabel extract -F babel.cfg --no-default-keywords -k _ -k N_ -k gettext:2 -k ngettext:2,3
    -k pgettext:2c,3 -k _n:1,2 -k _p:1c,2 --add-comments=Translators: --no-location -o locales/messages.pot .`
    """
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    catalog = Catalog(project="stemcell-claims-vs-evidence", msgid_bugs_address="", charset="utf-8")
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=i18n.KEYWORDS, comment_tags=COMMENT_TAGS,
                             strip_comment_tags=True, directory_filter=_keep_directory)  # fmt: skip
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=PO_WIDTH, include_lineno=False, ignore_obsolete=True, sort_output=True)


def refresh(check: bool = False) -> list[str]:
    """Write the template and update every language's catalog from it; return what is out of date (with check,
    write nothing)."""
    template = extract()
    stale = []
    old_ids = _ids(TEMPLATE) if TEMPLATE.exists() else set()
    if old_ids != {_key(m) for m in template if m.id}:
        stale.append(str(TEMPLATE.relative_to(ROOT)))
        if not check:
            _write(template, TEMPLATE)
    for lang in i18n.LANGUAGES[1:]:
        path = i18n.catalog_path(lang)
        if path.exists():
            with path.open("rb") as po:
                catalog = read_po(po, locale=lang)
        else:
            catalog = Catalog(locale=lang, project=template.project, charset="utf-8")
        before = {_key(m) for m in catalog if m.id}
        catalog.update(template)
        if before != {_key(m) for m in catalog if m.id} or not path.exists():
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                _write(catalog, path)
    return stale


def _key(message) -> tuple:
    return (message.context, message.id)


def _ids(path: Path) -> set[tuple]:
    with path.open("rb") as po:
        return {_key(m) for m in read_po(po) if m.id}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report catalogs that are out of date")
    check = parser.parse_args().check
    stale = refresh(check=check)
    for name in stale:
        print(("out of date: " if check else "wrote ") + name)
    return 1 if stale and check else 0


if __name__ == "__main__":
    raise SystemExit(main())
