"""Visit many pages at once in one browser: while one page is measured, the next few load and settle.

Each visit opens a page, waits until Streamlit has finished drawing it, takes what the tests need at the screen's
own size (`at_screen_size`), then grows the window to the page's full height so every chart mounts, waits for it
to settle again, and takes the rest (`at_full_height`: screenshots, chart text, accessibility checks) and the
page's final height. The waiting happens inside the browser, so a few pages settle side by side.

A visit can also arrive the way a reader walks through the app: by the "Next:" link at the end of the page the
previous visit of its chain left open. Streamlit then swaps the page in place instead of starting its
whole front end again, which costs the browser a fraction of the work of a fresh load.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

# Installed before any page script: notes when Streamlit last added or removed an element, or showed its
# "running" indicator. A page has settled once neither happened for SETTLE_MS.
WATCH_RENDERING = """
(() => {
  let count = -1, running = true;
  window.__lastChange = Date.now();
  setInterval(() => {
    const n = document.querySelectorAll('[data-testid="stElementContainer"]').length;
    const busy = !!document.querySelector('[data-testid="stStatusWidget"]');
    if (n !== count || busy !== running || busy) { count = n; running = busy; window.__lastChange = Date.now(); }
  }, 50);
})();
"""
SETTLE_MS = 400
# Drawn to its end: every page of the app ends with its Back/Next links (ui.page_end, ui.stop_page; Anterior and
# Siguiente in Spanish), so until they are drawn a pause in a busy server's run is not the end of the page.
PAGE_ENDED = """(!!document.querySelector('h1')
    && [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stPageLink-NavLink"]')]
        .some(link => /(Next|Back|Siguiente|Anterior): /.test(link.innerText)))"""
# After a change of page, elements left from the page before are marked stale until the new run replaces them.
# (Not part of PAGE_ENDED: a live fragment, rerun every second, marks its own elements stale as it redraws.) Images
# (the handout's QR code) load after their element is drawn: until they have, their size on screen is 0.
SETTLED = f"""() => {PAGE_ENDED} && !document.querySelector('[data-stale="true"]')
    && [...document.querySelectorAll('[data-testid="stImage"] img')].every(img => img.complete && img.naturalWidth > 0)
    && window.__lastChange !== undefined && Date.now() - window.__lastChange > {SETTLE_MS}"""
FOLLOW_NEXT_LINK = """() => {
    const next = [...document.querySelectorAll('[data-testid="stMain"] a[data-testid="stPageLink-NavLink"]')]
        .find(link => /(Next|Siguiente): /.test(link.innerText));
    if (!next) return false;
    window.__lastChange = Date.now();
    next.click();
    return true;
}"""
# Streamlit changes pages when the browser's history moves (its back and forward buttons), reading the page and
# its query parameters from the new address.
GO_BY_HISTORY = """(address) => {
    window.__lastChange = Date.now();
    history.pushState({}, '', address);
    window.dispatchEvent(new PopStateEvent('popstate'));
}"""
CHARTS_DRAWN = """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
    .every(chart => chart.querySelector('svg text, canvas'))"""
MAIN_HEIGHT = "() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight"
GROWN_SETTLE_S = 0.5  # Vega redraws after the window grows; its last resize lands within this
IN_PAGE_DONE = "() => window.__inPage && window.__inPage.done"
IN_PAGE_RESULT = "() => window.__inPage.error ? {error: window.__inPage.error} : window.__inPage.result"


def start_in_page(page, async_function: str, argument: Any = None) -> None:
    """Start an async JavaScript function in the page without waiting for it; the pass collects its result."""
    page.evaluate(
        f"""(argument) => {{
            window.__inPage = {{done: false}};
            ({async_function})(argument).then(
                result => {{ window.__inPage = {{done: true, result}}; }},
                error => {{ window.__inPage = {{done: true, error: String(error)}}; }});
        }}""",
        argument,
    )


Facts = dict[str, Any]


@dataclass
class Visit:
    """One page at one window size, and what to take from it."""

    key: Any
    url: str
    viewport: dict[str, int]
    at_screen_size: Callable[[Any], Facts]
    at_full_height: Callable[[Any], Facts] | None = None
    # Slow in-page work (axe-core) started after `at_full_height` and left to run while other pages move on: a
    # callable that starts it with `start_in_page`; its result lands in the facts under "in_page".
    in_page: Callable[[Any], None] | None = None
    max_height: int = 16_000
    # Visits of one chain share a page: the first loads its address, each later one arrives by the "Next:" link of
    # the page the one before it left open (see above), so a chain lists pages in the menu's order.
    chain: str | None = None
    # In a chain, arrive at this visit's own address (query included) by the browser's history instead of the
    # Next link. The session is the chain's: a widget key seen earlier in the chain no longer reads the address.
    by_history: bool = False


@dataclass
class _Run:
    visit: Visit
    page: Any
    facts: Facts = field(default_factory=dict)
    by_link: bool = False
    title_before: str = ""  # the page's title when this visit left it; a new page has its own title
    step: str = "loading"
    since: float = field(default_factory=time.monotonic)


class _Pass:
    """The visits still to start, the pages loading now, and the facts of those finished."""

    def __init__(self, browser, visits: list[Visit], at_once: int, timeout_s: float):
        self.browser, self.waiting, self.at_once, self.timeout_s = browser, list(visits), at_once, timeout_s
        self.contexts: dict[tuple[int, int], Any] = {}
        self.left_open: dict[str, Any] = {}  # chain -> the page its last finished visit left open
        # Chains whose next visit loads its own address: those not started yet, and those whose last visit failed.
        self.fresh_chains: set[str] = {visit.chain for visit in visits if visit.chain is not None}
        self.dialogs: dict[int, list[str]] = {}  # messages of dialogs each page opened since its last visit ended
        self.running: list[_Run] = []
        self.done: dict[Any, Facts] = {}

    def follows_on(self, visit: Visit) -> bool:
        """Whether the visit continues its chain on the page the one before left open."""
        return visit.chain is not None and visit.chain in self.left_open

    def can_start(self, visit: Visit) -> bool:
        # A later visit of a chain waits for its predecessor's page (or loads afresh if the chain broke).
        chain = visit.chain
        return chain is None or chain in self.left_open or chain in self.fresh_chains

    def start(self, visit: Visit) -> None:
        if self.follows_on(visit):
            page = self.left_open.pop(visit.chain)
            run = _Run(visit, page, by_link=True, title_before=page.title())
            self.running.append(run)
            page.set_viewport_size(visit.viewport)
            if visit.by_history:
                page.evaluate(GO_BY_HISTORY, urlsplit(visit.url)._replace(scheme="", netloc="").geturl())
            elif not page.evaluate(FOLLOW_NEXT_LINK):
                raise RuntimeError(f"no Next link to follow to {visit.url}")
            return
        self.fresh_chains.discard(visit.chain)
        size = (visit.viewport["width"], visit.viewport["height"])
        if size not in self.contexts:  # one context per window size: its pages share the browser's cache of the app
            self.contexts[size] = self.browser.new_context(viewport=visit.viewport)
            self.contexts[size].add_init_script(WATCH_RENDERING)
        page = self.contexts[size].new_page()
        self.dialogs[id(page)] = []
        page.on("dialog", lambda dialog: self.dialogs[id(page)].append(dialog.message) or dialog.dismiss())
        self.running.append(_Run(visit, page))
        page.goto(visit.url, wait_until="commit")

    def advance(self, run: _Run) -> bool:
        """Take the run one step further if its page is ready; True once it is finished."""
        if time.monotonic() - run.since > self.timeout_s:
            raise TimeoutError(f"{run.visit.url} did not settle ({run.step}) within {self.timeout_s:.0f} s")
        return {"loading": self._loaded, "growing": self._grown, "working": self._worked}[run.step](run)

    def _loaded(self, run: _Run) -> bool:
        page, visit = run.page, run.visit
        if run.by_link and page.title() == run.title_before:
            return False  # the page before is still on screen
        if not page.evaluate(SETTLED):
            return False
        run.facts.update(visit.at_screen_size(page))
        if visit.at_full_height is None:
            return True
        height = min(max(page.evaluate(MAIN_HEIGHT), visit.viewport["height"]), visit.max_height)
        page.set_viewport_size({"width": visit.viewport["width"], "height": height})
        run.step, run.since = "growing", time.monotonic()
        return False

    def _grown(self, run: _Run) -> bool:
        page, visit = run.page, run.visit
        if time.monotonic() - run.since < GROWN_SETTLE_S or not page.evaluate(SETTLED):
            return False
        if not page.evaluate(CHARTS_DRAWN):
            return False
        # Charts that mount or draw late make the page taller than it was at first: grow again until it fits.
        height, window = page.evaluate(MAIN_HEIGHT), page.viewport_size["height"]
        if height > window and window < visit.max_height:
            page.set_viewport_size({"width": visit.viewport["width"], "height": min(height, visit.max_height)})
            run.since = time.monotonic()
            return False
        run.facts.update(visit.at_full_height(page), height=height)
        if visit.in_page is None:
            return True
        visit.in_page(page)
        run.step, run.since = "working", time.monotonic()
        return False

    def _worked(self, run: _Run) -> bool:
        if not run.page.evaluate(IN_PAGE_DONE):
            return False
        run.facts["in_page"] = run.page.evaluate(IN_PAGE_RESULT)
        return True

    def finish(self, run: _Run, error: Exception | None = None) -> None:
        if error is not None:
            run.facts["error"] = f"{type(error).__name__}: {error}"
        run.facts["dialogs"] = self.dialogs.get(id(run.page), [])
        self.dialogs[id(run.page)] = []
        self.done[run.visit.key] = run.facts
        self.running.remove(run)
        if run.visit.chain is not None and error is None:
            self.left_open[run.visit.chain] = run.page
            return
        if run.visit.chain is not None:
            self.fresh_chains.add(run.visit.chain)
        self.dialogs.pop(id(run.page), None)
        run.page.close()

    def step(self) -> bool:
        """Start visits up to the limit and move every running one on; True if any finished."""
        for visit in list(self.waiting):
            if len(self.running) >= self.at_once:
                break
            if self.can_start(visit):
                self.waiting.remove(visit)
                try:
                    self.start(visit)
                except Exception as error:  # recorded against the visit; the chain goes on from a fresh load
                    run = next((r for r in self.running if r.visit is visit), None)
                    if run is None:
                        self.done[visit.key] = {"error": f"{type(error).__name__}: {error}", "dialogs": []}
                        if visit.chain is not None:  # nothing was left open, so the chain's next visit loads afresh
                            self.fresh_chains.add(visit.chain)
                    else:
                        self.finish(run, error)
        finished = False
        for run in list(self.running):
            try:
                if self.advance(run):
                    self.finish(run)
                    finished = True
            except Exception as error:  # one page's failure is reported by the tests that read it
                self.finish(run, error)
                finished = True
        return finished

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def visit_all(browser, visits: list[Visit], at_once: int = 4, timeout_s: float = 60) -> dict[Any, Facts]:
    """Run every visit, `at_once` pages at a time; a visit that fails records its error instead of its facts."""
    run = _Pass(browser, visits, at_once, timeout_s)
    try:
        while run.waiting or run.running:
            if not run.step():
                time.sleep(0.05)
    finally:
        run.close()
    return run.done
