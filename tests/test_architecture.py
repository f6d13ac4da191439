"""Architecture rules as tests: core's packages import downward only, pages stay thin, modules stay small."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lower layers first; a module may import its own layer and the layers before it, never one after it.
LAYERS = (
    ("core.i18n", "core.text", "core.site", "core.links", "core.report"),
    ("core.data",),
    ("core.analysis",),
    ("core.charts",),
    ("core.workshop", "core.textcheck"),
    ("core.room",),
    ("core.views",),
)
RANK = {package: rank for rank, packages in enumerate(LAYERS) for package in packages}
MAX_MODULE_LINES, MAX_PAGE_LINES = 400, 120
MAX_LOOSE_CORE_MODULES = 8


def layer_of(module: str) -> int | None:
    parts = module.split(".")
    for size in (2, 1):
        rank = RANK.get(".".join(parts[:size]))
        if rank is not None:
            return rank
    return None


def core_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("core"):
            names = [f"{node.module}.{alias.name}" for alias in node.names] if node.module == "core" else []
            found |= set(names) or {node.module}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("core")}
    return found


CORE_MODULES = sorted(p for p in (ROOT / "core").rglob("*.py") if p.name != "__init__.py")


def dotted(path: Path, root: Path = ROOT) -> str:
    return ".".join(path.relative_to(root).with_suffix("").parts)


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_imports_point_down(path):
    own = layer_of(dotted(path))
    assert own is not None, f"{dotted(path)} belongs to no layer in LAYERS"
    upward = sorted(m for m in core_imports(path) if (layer_of(m) or 0) > own)
    assert upward == []


@pytest.mark.parametrize("path", CORE_MODULES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_core_module_is_over_400_lines(path):
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_are_thin(path):
    assert len(path.read_text().splitlines()) <= MAX_PAGE_LINES


def test_core_has_few_loose_modules():
    loose = [p.name for p in (ROOT / "core").glob("*.py")]
    assert len(loose) <= MAX_LOOSE_CORE_MODULES, loose


def test_the_layer_rule_catches_an_upward_import(tmp_path):
    module = tmp_path / "core" / "data" / "bad.py"
    module.parent.mkdir(parents=True)
    module.write_text("from core.views import home\nfrom core import text\n")
    own = layer_of(dotted(module, tmp_path))
    assert [m for m in core_imports(module) if layer_of(m) > own] == ["core.views"]


PAGE_SOURCES = sorted([ROOT / "streamlit_app.py", *(ROOT / "pages").glob("*.py")])
# A page gets its data from its view; core.text is the one escaping path every page uses to show text.
PAGE_MAY_IMPORT = ("core.views", "core.text")


@pytest.mark.parametrize("path", PAGE_SOURCES, ids=lambda p: p.name)
def test_pages_read_only_their_views(path):
    allowed = [(m, m + ".") for m in PAGE_MAY_IMPORT]
    beside_views = sorted(
        m for m in core_imports(path) if not any(m == exact or m.startswith(inside) for exact, inside in allowed)
    )
    assert beside_views == []
