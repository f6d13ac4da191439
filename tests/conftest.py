"""Shared fixtures: the real dataset, and disposable copies of the data folder that a test may break."""

from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

from core.data import REPO_DATA_DIR, Dataset, load

# The archived copies of the five pages: ../shared/seeds beside the checkout, or wherever STEMCELL_SEEDS_DIR says.
SEEDS_DIR = Path(
    os.environ.get("STEMCELL_SEEDS_DIR") or Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
)

# Tests that read the five seed pages need them; elsewhere they say why they skip and how to point to them.
needs_seeds = pytest.mark.skipif(
    not SEEDS_DIR.is_dir(),
    reason=(
        f"seed pages not found at {SEEDS_DIR}: quotes cannot be checked against them on this machine "
        "(set STEMCELL_SEEDS_DIR to the folder holding the five archived pages)"
    ),
)


@pytest.fixture(scope="session")
def dataset() -> Dataset:
    return load(REPO_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A private copy of the real data folder."""
    target = tmp_path / "data"
    shutil.copytree(REPO_DATA_DIR, target)
    return target


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def write_rows(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, header)
        writer.writeheader()
        writer.writerows(rows)


def set_cell(folder: Path, file: str, row: int, column: str, value: str) -> None:
    """Overwrite one cell; row 1 is the first data row."""
    header, rows = read_rows(folder / file)
    rows[row - 1][column] = value
    write_rows(folder / file, header, rows)


def tiny(**tables) -> Dataset:
    """A Dataset built from small hand-made frames; tables not given are empty."""
    import pandas as pd

    from core.data import TABLE_NAMES

    frames = {name: pd.DataFrame(tables.get(name, [])) for name in TABLE_NAMES}
    return Dataset(**frames, package={"resources": []}, data_dir="<tiny>")
