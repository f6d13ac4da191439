"""Shared fixtures: the real dataset, and disposable copies of the data folder that a test may break."""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.data import REPO_DATA_DIR, Dataset, load

# The archived copies of the five pages ship in data/seeds; STEMCELL_SEEDS_DIR points elsewhere (another archive).
SEEDS_DIR = Path(os.environ.get("STEMCELL_SEEDS_DIR") or Path(__file__).resolve().parent.parent / "data" / "seeds")


@pytest.fixture
def seeds_dir() -> Path:
    # A missing folder fails rather than skips: the pages ship with the repository, so their absence is a fault.
    if not SEEDS_DIR.is_dir():
        pytest.fail(f"seed pages not found at {SEEDS_DIR} (unset STEMCELL_SEEDS_DIR to use data/seeds)")
    return SEEDS_DIR


# Tests that read the five seed pages.
needs_seeds = pytest.mark.usefixtures("seeds_dir")


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the room-store tests on one worker (skips, or fails in CI, without it)."""
    from tests import room_postgres

    room_postgres.skip_or_fail_without_postgres()
    with room_postgres.postgres_cluster() as url:
        yield url
