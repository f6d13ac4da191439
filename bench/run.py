"""Benchmark: per-page rerun cost against a bare page, cold start in a browser, and a workshop-sized load test.

Run `python bench/run.py` (add `--quick` for a short load test). Prints a Markdown table and writes
bench/results.md. The load test opens the app once (as the facilitator guide asks), then 30 participants
arrive over 10 s and each changes a widget or a page about every 10 s for 2 minutes; a burst of 30 first
visits in the same instant is reported too. Targets on this 2-core machine: rerun <= 15x a bare page;
cold start <= 3 s; under load p95 <= 1 s, server memory <= 400 MB and 0 errors.
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

from bench.loadtest import load_test  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, start_server, stop_server  # noqa: E402

RERUN_TARGET, COLD_TARGET, P95_TARGET, RSS_TARGET = 15.0, 3.0, 1.0, 400.0


def median_rerun(path: str, runs: int) -> float:
    """Median seconds of an AppTest rerun of a page, after one warm-up run."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    if path != "streamlit_app.py":
        at.switch_page(path)
    at.run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    if at.exception:
        raise RuntimeError(f"{path} raised during the benchmark: {at.exception[0].value}")
    return statistics.median(times)


def median_bare(runs: int) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "bench" / "bare_page.py")).run()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold_start(path: str = "/Sources") -> float:
    """Seconds from launching the server to the first chart drawn in Chromium."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        started = time.perf_counter()
        process, url = start_server()
        try:
            page = browser.new_page()
            page.goto(url + path)
            page.wait_for_selector('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
            return time.perf_counter() - started
        finally:
            stop_server(process)
            browser.close()


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 participants for 20 s instead of 30 for 120 s")
    parser.add_argument("--runs", type=int, default=7, help="reruns per page for the median")
    args = parser.parse_args()

    import ui

    lines = ["| measure | value | target | verdict |", "|---|---|---|---|"]
    bare = median_bare(args.runs)
    lines.append(f"| bare page rerun (baseline) | {bare * 1000:.1f} ms | | |")
    for page in ui.PAGES:
        seconds = median_rerun(page.path, args.runs)
        ratio = seconds / bare
        lines.append(
            f"| rerun: {page.label} | {seconds * 1000:.0f} ms ({ratio:.1f}x bare) | <= {RERUN_TARGET:g}x | "
            f"{verdict(ratio <= RERUN_TARGET)} |"
        )

    cold = cold_start()
    lines.append(
        f"| cold start to first chart | {cold:.2f} s | <= {COLD_TARGET:g} s | {verdict(cold <= COLD_TARGET)} |"
    )

    participants, duration = (10, 20) if args.quick else (30, 120)
    process, url = start_server()
    try:
        port = int(url.rsplit(":", 1)[1])
        # As the facilitator guide asks: someone opens the app before the room does.
        asyncio.run(load_test(port, process.pid, participants=1, duration=0.1))
        burst = asyncio.run(load_test(port, process.pid, participants=participants, duration=0.1))
        load = asyncio.run(load_test(port, process.pid, participants=participants, duration=duration, arrive_within=10))
    finally:
        stop_server(process)
    label = f"load: {load['participants']} participants, {load['duration_s']:.0f} s, {load['reruns']} reruns"
    lines += [
        f"| {label}: errors | {load['errors']} | 0 | {verdict(load['errors'] == 0)} |",
        f"| {label}: p50 rerun | {load['p50_s'] * 1000:.0f} ms | | |",
        f"| {label}: p95 rerun | {load['p95_s'] * 1000:.0f} ms | <= {P95_TARGET:g} s | "
        f"{verdict(load['p95_s'] <= P95_TARGET)} |",
        f"| {label}: server CPU | {load['server_cpu_percent']:.0f}% of one core | | |",
        f"| {label}: server peak memory | {load['server_peak_rss_mb']:.0f} MB | <= {RSS_TARGET:g} MB | "
        f"{verdict(load['server_peak_rss_mb'] <= RSS_TARGET)} |",
        f"| burst: {burst['participants']} first visits in the same instant (warm server): p95 | "
        f"{burst['p95_s'] * 1000:.0f} ms | (informational) | |",
        f"| burst: errors | {burst['errors']} | 0 | {verdict(burst['errors'] == 0)} |",
    ]
    table = "\n".join(lines)
    header = f"Benchmark of {time.strftime('%Y-%m-%d')} on this machine ({'quick' if args.quick else 'full'} run)\n\n"
    (ROOT / "bench" / "results.md").write_text(header + table + "\n", encoding="utf-8")
    print(header + table)
    for example in load["error_examples"] + burst["error_examples"]:
        print("error:", example)
    print("slowest reruns under load:", *load["slowest"][:5], sep="\n  ")


if __name__ == "__main__":
    main()
