"""Every quote is verbatim in the seed file it cites, and every dose number appears in its own quote."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from core.data import REPO_DATA_DIR
from core.text import normalise_space
from tests.conftest import SEEDS_DIR, needs_seeds

NUMBER_WORDS = dict(
    enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
)


def seed_text(dataset, source_id: str) -> str:
    seed_file = dataset.sources.set_index("id").loc[source_id, "seed_file"]
    return normalise_space((SEEDS_DIR / seed_file).read_text(encoding="utf-8"))


def quoted_rows(dataset):
    for table, columns in (("claims", ("quote",)), ("regimens", ("quote", "schedule_quote"))):
        for row in dataset.table(table).itertuples():
            for column in columns:
                if getattr(row, column):
                    yield pytest.param((table, row.source_id, getattr(row, column)), id=f"{row.id}-{column}")


def pytest_generate_tests(metafunc):
    if "quoted" in metafunc.fixturenames:
        from core.data import load

        metafunc.parametrize("quoted", list(quoted_rows(load())))


def test_the_five_seed_pages_ship_with_the_repository(dataset):
    # The archive is the data's provenance: a clone with nothing beside it must hold every page sources.csv names.
    shipped = REPO_DATA_DIR / "seeds"
    assert sorted(p.name for p in shipped.glob("*.txt")) == sorted(dataset.sources["seed_file"])


@needs_seeds
def test_quote_is_verbatim_in_its_seed(dataset, quoted):
    table, source_id, quote = quoted
    assert normalise_space(quote) in seed_text(dataset, source_id), f"{table}: quote not found in seed"


def spellings(number: float) -> set[str]:
    """The ways a page may print a count: 15000000, 15,000,000, 15 million, and small numbers as words."""
    whole = int(number)
    out = {str(whole), f"{whole:,}"}
    if whole >= 1_000_000 and whole % 1_000_000 == 0:
        out.add(f"{whole // 1_000_000} million")
    if whole in NUMBER_WORDS:
        out.add(NUMBER_WORDS[whole])
    return out


def appears(number: float, text: str) -> bool:
    """True when a spelling of the number stands in the text as a whole number, not part of a longer one."""
    for spelling in spellings(number):
        if "," in spelling:
            # A comma-grouped spelling cannot be the tail of a longer grouped number by accident.
            found = re.search(rf"(?<![0-9]{{2}}){re.escape(spelling)}", text)
        else:
            found = re.search(rf"(?<![0-9,.]){re.escape(spelling)}(?![0-9])", text, flags=re.IGNORECASE)
        if found:
            return True
    return False


def test_every_dose_number_appears_in_its_quote(dataset):
    missing = []
    prose = dataset.regimens[dataset.regimens["statement_kind"] != "protocol table row"]
    for row in prose.itertuples():
        text = f"{row.quote} {row.schedule_quote}"
        for column in ("dose_low", "dose_high", "total_printed"):
            value = getattr(row, column)
            if pd.notna(value) and not appears(value, text):
                missing.append(f"{row.id}.{column}={value}")
        for column in ("administrations_low", "administrations_high"):
            # A single administration is often implied ("Single injection", "First session"), not counted.
            value = getattr(row, column)
            if pd.notna(value) and value > 1 and not appears(value, text):
                missing.append(f"{row.id}.{column}={value}")
    assert not missing, f"numbers not found in their quotes: {missing}"


def test_table_rows_rebuild_exactly_from_our_reading(dataset):
    """A copied table row ran its columns together; our split must rebuild it character for character."""
    rows = dataset.regimens[dataset.regimens["statement_kind"] == "protocol table row"]
    assert not rows.empty
    for row in rows.itertuples():
        rebuilt = f"{row.route_as_stated}{row.dose_low:,.0f}{row.administrations_low}{row.total_as_printed}"
        assert rebuilt == row.quote, row.id
        assert row.dose_low == row.dose_high
        assert row.administrations_low == row.administrations_high


@pytest.mark.parametrize(
    ("number", "text", "expected"),
    [
        (15_000_000, "Dosage: 15 million to 50 million", True),
        (150_000_000, "Total150,000,000", True),
        (6, "typically for three to six months", True),
        (5_000_000, "Dosage: 15 million stem cells", False),
        (40_000_000, "Dosage: 400 million", False),
        (50_000_000, "500,000,000 cells", False),
        (3, "after 30 days", False),
    ],
)
def test_number_matching_is_strict(number, text, expected):
    assert appears(number, text) is expected
