"""Refresh the interface-text catalogs: extract every marked string, and update each language's .po for each area."""

from __future__ import annotations

import argparse
import fnmatch
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

# Each part of the app has its own catalog (locales/<lang>/LC_MESSAGES/<area>.po), so two people translating two
# parts never edit one file. A source file belongs to the first area whose pattern matches its path; the last area
# takes the rest. The app merges a language's areas into one translation object (core.i18n.translator).
AREAS: dict[str, tuple[str, ...]] = {
    "room": ("pages/12_Run_a_session.py", "pages/13_Join.py", "ui/room.py", "core/views/room.py", "core/room/*"),
    "checkpage": ("pages/7_Check_a_text.py", "ui/textcheck.py", "core/views/check_a_text.py"),
    "textcheck": ("core/textcheck/*",),
    "doses": (
        "pages/2_Doses.py", "pages/3_Routes.py", "pages/4_Mechanisms.py", "core/views/doses.py",
        "core/views/routes.py", "core/views/mechanisms.py", "core/charts/doses.py", "core/analysis/doses.py",
        "core/analysis/dose_frames.py", "core/analysis/routes.py", "core/analysis/discrepancies/*",
    ),
    "claims": (
        "pages/1_Sources.py", "pages/5_Claims.py", "pages/6_Evidence.py", "core/views/sources.py",
        "core/views/claims.py", "core/views/evidence.py", "core/charts/claims.py", "core/charts/verdicts.py",
        "core/charts/sources.py", "core/analysis/claims.py", "core/analysis/sources.py", "core/analysis/rubric.py",
        "core/analysis/verification.py", "core/analysis/claimreview.py",
    ),
    "workshop": (
        "pages/8_Exercises.py", "pages/9_Methods.py", "pages/10_Facilitator_guide.py", "pages/11_Handout.py",
        "core/views/exercises.py", "core/views/guide.py", "core/views/handout.py", "core/views/methods.py",
        "core/workshop/*",
    ),
    "common": ("*",),
}  # fmt: skip
SOURCE_DIRS = frozenset({"pages", "ui", "core"})  # walked for babel.cfg's patterns; streamlit_app.py sits at the top
COMMENT_TAGS = ("Translators:",)  # a "# Translators: ..." comment above a string reaches the translator
PO_WIDTH = 120


def _keep_directory(path: str) -> bool:
    # Not resolved: a symlinked folder (node_modules) points outside the checkout and is skipped by its name.
    parts = Path(os.path.relpath(path, ROOT)).parts
    return parts[0] in SOURCE_DIRS and "__pycache__" not in parts


def area_of(filename: str) -> str:
    """The area a source file's strings belong to (a path relative to the checkout, with / separators)."""
    path = filename.replace(os.sep, "/")
    return next(area for area, patterns in AREAS.items() if any(fnmatch.fnmatch(path, p) for p in patterns))


def extract() -> dict[str, Catalog]:
    """Every string the code marks for translation, with where it is used (file names only: line numbers churn).

    The same as `pybabel extract -F babel.cfg --no-default-keywords -k _ -k N_ -k gettext:2 -k ngettext:2,3
    -k pgettext:2c,3 -k _n:1,2 -k _p:1c,2 --add-comments=Translators: --no-location -o locales/messages.pot .`,
    split into one template per area (a string used in two areas is in both).
    """
    with (ROOT / "babel.cfg").open() as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    templates = {area: Catalog(project="stemcell-claims-vs-evidence", msgid_bugs_address="", charset="utf-8")
                 for area in AREAS}  # fmt: skip
    found = extract_from_dir(str(ROOT), method_map, options_map, keywords=i18n.KEYWORDS, comment_tags=COMMENT_TAGS,
                             strip_comment_tags=True, directory_filter=_keep_directory)  # fmt: skip
    for filename, lineno, message, comments, context in found:
        templates[area_of(filename)].add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return templates


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=PO_WIDTH, include_lineno=False, ignore_obsolete=True, sort_output=True)


def refresh(check: bool = False, languages: tuple[str, ...] = i18n.LANGUAGES[1:]) -> list[str]:
    """Update every language's catalog of every area from the code; return what is out of date (with check, write
    nothing). An entry the code no longer has is dropped; a new one arrives untranslated, for a translator."""
    templates = extract()
    stale = []
    for lang in languages:
        for area, template in templates.items():
            path = i18n.catalog_path(lang, area)
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report catalogs that are out of date")
    parser.add_argument("--add", metavar="LANG", help="start the catalogs of a new language (add it to core/i18n.py)")
    args = parser.parse_args()
    check = args.check
    stale = refresh(check=check, languages=(args.add,) if args.add else i18n.LANGUAGES[1:])
    for name in stale:
        print(("out of date: " if check else "wrote ") + name)
    return 1 if stale and check else 0


if __name__ == "__main__":
    raise SystemExit(main())
