"""Checks that every change to a verdict, note or summary has a corrections-log entry, and that entries count right.

The data is compared with a small snapshot (tests/data_snapshot.csv): for each tracked cell, a sha256 of its text
and the log entry that last touched it. A cell whose text no longer matches its fingerprint must be named, row and
column, by a log entry newer than that one. Git history is not needed, so the check runs the same in CI.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

SNAPSHOT = Path(__file__).resolve().parent / "data_snapshot.csv"
REPO_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SNAPSHOT_HEADER = ["table", "row_id", "column", "sha256", "change_id"]

# The cells a reader meets as our judgement: table -> (key column, tracked columns).
TRACKED: dict[str, tuple[str, tuple[str, ...]]] = {
    "claims": ("id", ("verdict", "verdict_note", "claim_group", "certainty")),
    "claim_groups": ("id", ("verdict", "certainty", "rationale")),
    "evidence_summary": ("id", ("effect_plain", "trials", "participants", "certainty", "note")),
    "verdicts": ("verdict", ("definition", "evidence_required", "example")),
    "routes": ("id", ("evidence_summary", "evidence_strength", "regulatory_summary")),
    "topics": ("id", ("evidence_status", "evidence_summary")),
    "evidence": ("id", ("main_finding", "certainty")),
    "regulatory": ("id", ("summary",)),
}

# Counted nouns in a log entry, and the table whose rows they count.
COUNT_NOUNS = {
    "verdict notes": "claims",
    "claim notes": "claims",
    "notes": "claims",
    "claims": "claims",
    "verdicts": "claims",
    "evidence rows": "evidence",
    "regulatory rows": "regulatory",
    "harm rows": "harms",
    "summary-of-findings rows": "evidence_summary",
    "claim groups": "claim_groups",
}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_NOUNS = "|".join(sorted((re.escape(n) for n in COUNT_NOUNS), key=len, reverse=True))
_NUMBER = r"\d+|" + "|".join(NUMBER_WORDS)
# A number, then at most a quoted phrase or two short words ("12 verdict notes", "eight 'contradicted' verdicts").
COUNT_PATTERN = re.compile(
    rf"(?<![Pp]hase )\b({_NUMBER})\s+(?:'[^']{{1,40}}'\s+|(?:[a-z-]+\s+){{0,2}}?)({_NOUNS})\b", re.I
)


@dataclass(frozen=True)
class Entry:
    """One corrections-log entry: its id and what it names."""

    id: str
    change: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(";") if part.strip())


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _paths(data_dir: Path) -> dict[str, Path]:
    package = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8"))
    return {r["name"]: data_dir / r["path"] for r in package["resources"]}


def entry_order(entry_id: str) -> int:
    """Entries are numbered in the order they were written: ch001 < ch002 < ..."""
    return int(entry_id[2:]) if re.fullmatch(r"ch\d{3,}", entry_id or "") else 0


def read_log(data_dir: Path) -> list[Entry]:
    rows = _read(_paths(data_dir)["changes"])
    return [Entry(r["id"], r["change"], _split(r["rows_affected"]), _split(r["columns_affected"])) for r in rows]


def fingerprint(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def current_cells(data_dir: Path) -> dict[tuple[str, str, str], str]:
    """(table, row id, column) -> fingerprint of the cell's text as written in the CSV file."""
    paths = _paths(data_dir)
    cells = {}
    for table, (key, columns) in TRACKED.items():
        for row in _read(paths[table]):
            for column in columns:
                cells[(table, row[key], column)] = fingerprint(row[column])
    return cells


def read_snapshot(path: Path = SNAPSHOT) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(table, row id, column) -> (fingerprint, id of the log entry that last touched it, '' for none)."""
    if not path.exists():
        return {}
    return {(r["table"], r["row_id"], r["column"]): (r["sha256"], r["change_id"]) for r in _read(path)}


def _names(entry: Entry, table: str, row_id: str, column: str) -> bool:
    # A row is named bare ("c000-07") or with its table ("claim_groups:cost") where ids repeat across tables.
    row_named = row_id in entry.rows or f"{table}:{row_id}" in entry.rows
    column_named = column in entry.columns or f"{table}.{column}" in entry.columns
    return row_named and column_named


def covering_entry(log: list[Entry], table: str, row_id: str, column: str, after: str) -> str:
    """The newest entry after `after` that names this row and column, or ''."""
    newer = [e for e in log if entry_order(e.id) > entry_order(after) and _names(e, table, row_id, column)]
    return max(newer, key=lambda e: entry_order(e.id)).id if newer else ""


def unlogged_changes(data_dir: Path, snapshot: Path = SNAPSHOT) -> list[str]:
    """Tracked cells that changed, appeared or disappeared since the snapshot with no newer log entry naming them."""
    log, snap, cells = read_log(data_dir), read_snapshot(snapshot), current_cells(data_dir)
    problems = []
    for key in sorted(set(cells) | set(snap)):
        old_hash, old_change = snap.get(key, ("", ""))
        if cells.get(key) == old_hash:
            continue
        if not covering_entry(log, *key, after=old_change):
            what = "was removed" if key not in cells else "is new" if key not in snap else "changed"
            problems.append(f"{key[0]} row {key[1]}, column {key[2]}: {what} with no log entry newer than "
                            f"{old_change or 'the snapshot'} naming that row and column")  # fmt: skip
    return problems


def refreshed_snapshot(data_dir: Path, snapshot: Path = SNAPSHOT) -> list[dict[str, str]]:
    """The snapshot rows for the data as it is now; ValueError listing every unlogged change instead."""
    problems = unlogged_changes(data_dir, snapshot)
    if problems:
        raise ValueError("refusing to refresh the snapshot:\n" + "\n".join(problems))
    log, snap = read_log(data_dir), read_snapshot(snapshot)
    rows = []
    for (table, row_id, column), digest in sorted(current_cells(data_dir).items()):
        old_hash, old_change = snap.get((table, row_id, column), ("", ""))
        changed = digest != old_hash
        change_id = covering_entry(log, table, row_id, column, after=old_change) if changed else old_change
        rows.append(dict(zip(SNAPSHOT_HEADER, (table, row_id, column, digest, change_id), strict=True)))
    return rows


def baseline_snapshot(data_dir: Path) -> list[dict[str, str]]:
    """A first snapshot of the data as it is, each cell credited to the newest entry naming it ('' if none)."""
    log = read_log(data_dir)
    return [
        dict(zip(SNAPSHOT_HEADER, (*key, digest, covering_entry(log, *key, after="")), strict=True))
        for key, digest in sorted(current_cells(data_dir).items())
    ]


def write_snapshot(rows: list[dict[str, str]], path: Path = SNAPSHOT) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, SNAPSHOT_HEADER, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


# --- counts --------------------------------------------------------------------------------------


def stated_counts(text: str) -> dict[str, list[int]]:
    """Counts an entry states, by the table whose rows they count: '10 verdict notes' -> {'claims': [10]}."""
    counts: dict[str, list[int]] = {}
    for number, noun in COUNT_PATTERN.findall(text):
        value = int(number) if number.isdigit() else NUMBER_WORDS[number.lower()]
        counts.setdefault(COUNT_NOUNS[noun.lower()], []).append(value)
    return counts


def miscounts(data_dir: Path) -> list[str]:
    """Entries whose largest count of a kind of row differs from the number of such rows they name.

    Smaller counts may describe part of the rows ('eight verdicts ... seven of them'); the largest is the whole.
    An entry naming a whole table (rows_affected 'claim_groups') is not counted against it.
    """
    paths = _paths(data_dir)
    ids = {
        table: {r[TRACKED.get(table, ("id",))[0]] for r in _read(paths[table])} for table in set(COUNT_NOUNS.values())
    }
    problems = []
    for entry in read_log(data_dir):
        for table, values in stated_counts(entry.change).items():
            if table in entry.rows:
                continue
            named = {r.split(":", 1)[1] if r.startswith(f"{table}:") else r for r in entry.rows}
            named = {r for r in named if r in ids[table] or f"{table}:{r}" in entry.rows}
            if max(values) != len(named):
                problems.append(f"{entry.id} says {max(values)} {table} rows but names {len(named)}")
    return problems
