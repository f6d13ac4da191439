"""What one embedded chart reader costs the server: memory per open embed, CPU per load, next to a full page.

Run `python bench/embed_cost.py` (add `--readers 100`). It starts a server on a free loopback port, warms the
shared views once, then (1) loads the chart-only view again and again over fresh connections and reports the
server's CPU seconds per load; (2) keeps N embedded readers connected at once and reports the server's resident
memory per reader. Home, a full page, is measured the same way for comparison. Writes bench/results-embed.md.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402

from bench.loadtest import _proc_sample  # noqa: E402
from core.views.embed import EMBED_QUERY_KEY  # noqa: E402
from tests.browser.conftest import start_server, stop_server  # noqa: E402

CHART = "claims_by_verdict"
VIEWS = {"chart-only view": f"{EMBED_QUERY_KEY}={CHART}&embed=true", "full page (Home)": ""}


async def open_view(ws_url: str, origin: str, query: str, keep: bool = False):
    """Open one session on the view; return (seconds to script end, socket if kept open)."""
    socket = await websockets.connect(ws_url, subprotocols=["streamlit"], origin=origin, max_size=None)
    message = BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = ""
    started = time.perf_counter()
    await socket.send(message.SerializeToString())
    while True:
        forward = ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=60))
        if forward.WhichOneof("type") == "script_finished":
            break
    elapsed = time.perf_counter() - started
    if keep:
        return elapsed, socket
    await socket.close()
    return elapsed, None


async def measure(url: str, pid: int, query: str, loads: int, readers: int) -> dict[str, float]:
    host = url.removeprefix("http://")
    ws_url, origin = f"ws://{host}/_stcore/stream", url
    await open_view(ws_url, origin, query)  # warm the shared views
    await asyncio.sleep(1)
    cpu_before, _ = _proc_sample(pid)
    seconds = [(await open_view(ws_url, origin, query))[0] for _ in range(loads)]
    cpu_per_load = (_proc_sample(pid)[0] - cpu_before) / loads
    await asyncio.sleep(2)  # let closed sessions be cleaned up
    _, rss_before = _proc_sample(pid)
    sockets = []
    for _ in range(readers):  # one after another: memory, not a burst, is measured here
        sockets.append((await open_view(ws_url, origin, query, keep=True))[1])
    await asyncio.sleep(2)
    _, rss_after = _proc_sample(pid)
    for socket in sockets:
        await socket.close()
    return {
        "median_load_s": statistics.median(seconds),
        "cpu_ms_per_load": 1000 * cpu_per_load,
        "rss_kb_per_reader": (rss_after - rss_before) / readers / 1024,
        "rss_mb_total": rss_after / 2**20,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--loads", type=int, default=40)
    parser.add_argument("--readers", type=int, default=60)
    args = parser.parse_args()
    rows = []
    for name, query in VIEWS.items():
        # A fresh server per view, so one view's caches and sessions do not count against the other.
        process, url = start_server()
        try:
            found = asyncio.run(measure(url, process.pid, query, args.loads, args.readers))
        finally:
            stop_server(process)
        rows.append(
            f"| {name} | {found['median_load_s'] * 1000:.0f} ms | {found['cpu_ms_per_load']:.0f} ms | "
            f"{found['rss_kb_per_reader']:.0f} KB | {found['rss_mb_total']:.0f} MB |"
        )
    table = "\n".join(
        [
            f"Chart `{CHART}`; {args.loads} loads over fresh connections, then {args.readers} readers kept open.",
            "",
            "| view | median load | server CPU per load | server memory per open reader | server memory, all open |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    print(table)
    (ROOT / "bench" / "results-embed.md").write_text(f"# Cost of one embedded reader\n\n{table}\n", encoding="utf-8")


if __name__ == "__main__":
    main()
