"""Refresh tests/data_snapshot.csv after logging a correction: `python -m tests.refresh_data_snapshot [DATA_DIR]`.

Refuses (exit 1, nothing written) while any tracked cell changed without a corrections-log entry naming its row
and column, so the snapshot can never absorb an unlogged edit. `--baseline` writes a first snapshot of the data as
it stands (only for starting the check, never to get past a refusal).
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.changes_log import REPO_DATA_DIR, SNAPSHOT, baseline_snapshot, refreshed_snapshot, write_snapshot


def main(argv: list[str]) -> int:
    baseline = "--baseline" in argv
    args = [a for a in argv if a != "--baseline"]
    data_dir = Path(args[0]) if args else REPO_DATA_DIR
    snapshot = Path(args[1]) if len(args) > 1 else SNAPSHOT
    try:
        rows = baseline_snapshot(data_dir) if baseline else refreshed_snapshot(data_dir, snapshot)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 1
    write_snapshot(rows, snapshot)
    print(f"wrote {len(rows)} fingerprints to {snapshot}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
