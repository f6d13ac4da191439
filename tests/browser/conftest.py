"""Browser fixtures: a fresh `streamlit run serve.py` server on loopback and Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.browser.page_pass import SETTLE_MS

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def _browser_missing_reason() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}; install Debian's `chromium` (see README, 'Browser tests')"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright Python package is not installed (pip install -r requirements-dev.txt)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _browser_missing_reason()
    if reason is None:
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but {reason}")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skipif(True, reason=reason))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60) -> None:
    """Wait for the server to listen, without sending it an HTTP request (the first request must be the test's)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"streamlit did not listen on port {port} within {timeout}s")


def start_server(env: dict[str, str] | None = None, entry: str = "serve.py") -> tuple[subprocess.Popen, str]:
    """`streamlit run serve.py` (the README's command: the app with its security headers and Host checks)."""
    port = free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / entry),
        "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_for_port(port, process)
    return process, f"http://127.0.0.1:{port}"


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A server that has served nothing yet."""
    process, url = start_server()
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    """One server shared by tests that do not care about being first."""
    process, url = start_server()
    yield url
    stop_server(process)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def every_page(browser, server) -> dict[tuple[str, str], dict]:
    """Every page (and every chart page state) visited once at phone and desktop width; tests that read it share
    the xdist group "every_page", so one worker makes the pass once."""
    from tests.browser.every_page import visit_every_page

    return visit_every_page(browser, server)


@pytest.fixture(scope="session")
def every_page_es(browser, server) -> dict[tuple[str, str], dict]:
    """The same pass in Spanish (?lang=es), shared by the tests of the xdist group "every_page_es"."""
    from tests.browser.every_page import visit_every_page

    return visit_every_page(browser, server, lang="es")


@pytest.fixture
def page_at(browser):
    """Open a page at a viewport size; every context is closed after the test."""
    contexts = []

    def open_(url: str, viewport: dict[str, int] = DESKTOP):
        context = browser.new_context(viewport=viewport)
        contexts.append(context)
        page = context.new_page()
        page.goto(url, wait_until="domcontentloaded")
        return page

    yield open_
    for context in contexts:
        context.close()


def wait_rendered(page, timeout: float = 45_000) -> None:
    """Wait until Streamlit has finished the script run: a title is drawn and the page has stopped growing.

    The "running" indicator shows only for longer runs, so it cannot tell on its own that a run is over. (A fresh
    page load can also wait for the page's closing links, page_pass.PAGE_ENDED; a live room's view has none.)
    """
    page.wait_for_selector("h1", timeout=timeout)
    page.wait_for_function(
        f"""() => {{
            if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
            const n = document.querySelectorAll('[data-testid="stElementContainer"]').length;
            const stable = window.__waitCount === n && Date.now() - window.__waitChange > {SETTLE_MS};
            if (window.__waitCount !== n) {{ window.__waitCount = n; window.__waitChange = Date.now(); }}
            return stable;
        }}""",
        timeout=timeout,
        polling=100,
    )


def screenshot(page, name: str, max_height: int = 6000) -> Path:
    """Save the whole page: Streamlit scrolls inside its main block, so grow the viewport to the content first."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    height = page.evaluate(
        "() => { const m = document.querySelector('[data-testid=\"stMain\"]'); return m ? m.scrollHeight : 0; }"
    )
    width = page.viewport_size["width"]
    if height > page.viewport_size["height"]:
        page.set_viewport_size({"width": width, "height": min(height, max_height)})
        page.wait_for_timeout(300)
    page.screenshot(path=str(path))
    return path
