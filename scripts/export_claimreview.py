"""Write OUT_DIR/claimreview.jsonld, one schema.org ClaimReview record per claim: export_claimreview.py OUT_DIR."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script from anywhere

from core import data
from core.analysis import claimreview
from core.links import APP_URL_ENV, DEFAULT_APP_URL, app_root


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", type=Path, help="folder to write claimreview.jsonld into (made if missing)")
    parser.add_argument(
        "--app-url",
        default=os.environ.get(APP_URL_ENV) or DEFAULT_APP_URL,
        help=f"the app's public address, which each record's url points into (default: ${APP_URL_ENV}, "
        f"else {DEFAULT_APP_URL})",
    )
    args = parser.parse_args(argv)
    root = app_root(args.app_url)
    if not root:
        parser.error(f"--app-url must be an http(s) address, not {args.app_url!r}")
    try:
        ds = data.load()
    except data.DataError as error:
        print(f"The data could not be loaded: {error}", file=sys.stderr)
        return 1
    args.out_dir.mkdir(parents=True, exist_ok=True)
    target = args.out_dir / claimreview.FILE_NAME
    target.write_text(claimreview.export_text(ds, root), encoding="utf-8")
    print(f"Wrote {len(ds.claims)} ClaimReview records to {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
