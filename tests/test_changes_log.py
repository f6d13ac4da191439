"""Every changed verdict, note or summary has a corrections-log entry, and log entries count their own rows right."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import changes_log
from tests.conftest import read_rows, write_rows
from tests.refresh_data_snapshot import main as refresh


@pytest.fixture
def copy(data_copy: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A private copy of the data with a fresh snapshot of it, so these tests do not depend on the real log's state."""
    snapshot = tmp_path / "snapshot.csv"
    changes_log.write_snapshot(changes_log.baseline_snapshot(data_copy), snapshot)
    return data_copy, snapshot


def _edit(folder: Path, file: str, key: str, row_id: str, column: str, value: str) -> None:
    header, rows = read_rows(folder / file)
    next(r for r in rows if r[key] == row_id)[column] = value
    write_rows(folder / file, header, rows)


def _log(folder: Path, rows: str, columns: str, change: str = "Reworded a note.", entry_id: str = "") -> None:
    header, entries = read_rows(folder / "changes.csv")
    entry_id = entry_id or f"ch{max(changes_log.entry_order(e['id']) for e in entries) + 1:03d}"
    entries.append({"id": entry_id, "date": "2026-12-08", "change": change, "reason": "A test.",
                    "rows_affected": rows, "columns_affected": columns})  # fmt: skip
    write_rows(folder / "changes.csv", header, entries)


# --- the real data -------------------------------------------------------------------------------


def test_every_tracked_change_since_the_snapshot_is_logged():
    problems = changes_log.unlogged_changes(changes_log.REPO_DATA_DIR)
    assert problems == [], (
        "log each change in data/changes.csv (naming its rows and columns), then run "
        "`python -m tests.refresh_data_snapshot`:\n" + "\n".join(problems)
    )


def test_snapshot_holds_only_tracked_columns():
    tracked = {(table, column) for table, (_, columns) in changes_log.TRACKED.items() for column in columns}
    assert {(table, column) for table, _, column in changes_log.read_snapshot()} <= tracked


def test_snapshot_credits_only_entries_that_exist():
    ids = {e.id for e in changes_log.read_log(changes_log.REPO_DATA_DIR)} | {""}
    assert {change for _, change in changes_log.read_snapshot().values()} <= ids


def test_log_entries_count_the_rows_they_name():
    assert changes_log.miscounts(changes_log.REPO_DATA_DIR) == []


def test_log_entry_ids_run_in_the_order_written():
    ids = [e.id for e in changes_log.read_log(changes_log.REPO_DATA_DIR)]
    assert [changes_log.entry_order(i) for i in ids] == list(range(1, len(ids) + 1))


# --- the check can fail --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "key", "row_id", "column", "table"),
    [
        ("claims.csv", "id", "c000-07", "verdict_note", "claims"),
        ("claims.csv", "id", "c000-07", "verdict", "claims"),
        ("claim_groups.csv", "id", "regrowth", "verdict", "claim_groups"),
        ("evidence_summary.csv", "id", "sof-knee-pain-12m", "note", "evidence_summary"),
        ("routes.csv", "id", "knee_joint", "evidence_summary", "routes"),
    ],
)
def test_an_unlogged_edit_fails(copy, file, key, row_id, column, table):
    data, snapshot = copy
    _edit(data, file, key, row_id, column, "misleading" if column == "verdict" else "Edited without a log entry.")
    problems = changes_log.unlogged_changes(data, snapshot)
    assert len(problems) == 1
    assert problems[0].startswith(f"{table} row {row_id}, column {column}: changed")


def test_a_logged_edit_passes(copy):
    data, snapshot = copy
    _edit(data, "claims.csv", "id", "c000-07", "verdict_note", "Edited and logged.")
    _log(data, "c000-07", "verdict_note")
    assert changes_log.unlogged_changes(data, snapshot) == []


def test_an_entry_naming_the_row_but_not_the_column_does_not_cover_it(copy):
    data, snapshot = copy
    _edit(data, "claims.csv", "id", "c000-07", "verdict_note", "Edited.")
    _log(data, "c000-07", "verdict")
    assert len(changes_log.unlogged_changes(data, snapshot)) == 1


def test_an_entry_older_than_the_snapshot_does_not_cover_a_new_edit(copy):
    data, snapshot = copy
    # c000-05's note was last credited to an existing entry; editing it again needs a newer one.
    _edit(data, "claims.csv", "id", "c000-05", "verdict_note", "Edited again.")
    credited = changes_log.read_snapshot(snapshot)[("claims", "c000-05", "verdict_note")][1]
    assert credited
    assert len(changes_log.unlogged_changes(data, snapshot)) == 1


def test_a_table_qualified_name_covers_a_row_whose_id_repeats_across_tables(copy):
    data, snapshot = copy
    _edit(data, "claim_groups.csv", "id", "cost", "rationale", "Edited.")
    _log(data, "claim_groups:cost", "claim_groups.rationale")
    assert changes_log.unlogged_changes(data, snapshot) == []


def test_a_removed_row_needs_an_entry(copy):
    data, snapshot = copy
    header, rows = read_rows(data / "topics.csv")
    write_rows(data / "topics.csv", header, [r for r in rows if r["id"] != "cost"])
    problems = changes_log.unlogged_changes(data, snapshot)
    assert problems
    assert all("was removed" in p for p in problems)


# --- the refresh script --------------------------------------------------------------------------


def test_refresh_refuses_an_unlogged_edit_and_writes_nothing(copy, capsys):
    data, snapshot = copy
    before = snapshot.read_bytes()
    _edit(data, "claims.csv", "id", "c000-07", "verdict_note", "Edited without a log entry.")
    assert refresh([str(data), str(snapshot)]) == 1
    assert "c000-07" in capsys.readouterr().err
    assert snapshot.read_bytes() == before


def test_refresh_credits_the_entry_that_logged_the_edit(copy):
    data, snapshot = copy
    _edit(data, "claims.csv", "id", "c000-07", "verdict_note", "Edited and logged.")
    _log(data, "c000-07", "verdict_note", entry_id="ch900")
    assert refresh([str(data), str(snapshot)]) == 0
    assert changes_log.read_snapshot(snapshot)[("claims", "c000-07", "verdict_note")][1] == "ch900"
    assert changes_log.unlogged_changes(data, snapshot) == []


# --- counts --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rewrote the figure in 12 verdict notes and one row.", {"claims": [12]}),
        ("Re-graded eight 'contradicted by evidence' verdicts", {"claims": [8]}),
        ("28 evidence rows, 6 regulatory rows and 5 harm rows", {"evidence": [28], "regulatory": [6], "harms": [5]}),
        ("Mesoblast phase 3 notes now say", {}),
        ("the 21 who avoided surgery", {}),
    ],
)
def test_counts_are_read_from_an_entry(text, expected):
    assert changes_log.stated_counts(text) == expected


def test_a_miscounting_entry_fails(copy):
    data, _ = copy
    _log(data, "c000-07;c000-08", "verdict_note", change="Reworded 3 verdict notes.")
    assert changes_log.miscounts(data) == [f"{changes_log.read_log(data)[-1].id} says 3 claims rows but names 2"]


def test_a_smaller_count_may_describe_part_of_the_rows(copy):
    data, _ = copy
    _log(data, "c000-07;c000-08", "verdict_note", change="Reworded 2 notes, one of them twice.")
    assert changes_log.miscounts(data) == []
