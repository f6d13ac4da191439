"""Workshop load test: simulated participants speak Streamlit's websocket protocol to one server on loopback.

Each participant opens the app, then now and then changes a widget (numbers to any decimal value, so that
distinct weights reach the server), switches page, switches page several times in a row, pastes a text into
"Check a text", or drops its connection and opens a new one.
"""

from __future__ import annotations

import asyncio
import os
import random
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

LOOPBACK = ("127.0.0.1", "localhost")


@dataclass
class Widget:
    id: str
    kind: str  # selectbox, multiselect, number_input or text_area
    options: list[str] = field(default_factory=list)
    minimum: float = 0.0
    maximum: float = 0.0


@dataclass
class Stats:
    rerun_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reruns: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, what was asked)
    by_action: dict[str, list[float]] = field(default_factory=dict)  # rerun seconds per kind of action
    reconnects: int = 0
    largest_message: int = 0  # bytes, to check server.maxMessageSize leaves room


def _widget(element) -> Widget | None:
    """The widgets a participant may change, read from a delta's new element."""
    kind = element.WhichOneof("type")
    if kind == "selectbox":
        return Widget(element.selectbox.id, kind, list(element.selectbox.options))
    if kind == "multiselect":
        return Widget(element.multiselect.id, kind, list(element.multiselect.options))
    if kind == "number_input":
        number = element.number_input
        return Widget(number.id, kind, minimum=number.min, maximum=number.max)
    if kind == "text_area":
        return Widget(element.text_area.id, kind)
    return None


DOSE_WORDS = ["million", "billion", "cells", "stem cells", "MSCs", "per kg", "per injection", "injections"]
FILLER = [
    "Our", "proven", "treatment", "heals", "the", "knee", "and", "back", "without", "surgery",
    "patients", "recover", "fast",
]  # fmt: skip


def paste_text(rng: random.Random) -> str:
    """A made-up advert of 1 to 20 KB, different every time: sentences with doses among sure-sounding words."""
    sentences = []
    while sum(map(len, sentences)) < rng.randint(1_000, 20_000):
        words = rng.sample(FILLER, k=rng.randint(4, len(FILLER)))
        if rng.random() < 0.5:
            words.insert(rng.randrange(len(words)), f"{rng.randint(1, 500)} {rng.choice(DOSE_WORDS)}")
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


class Participant:
    """One simulated workshop participant: opens pages and changes a widget now and then."""

    def __init__(self, host: str, port: int, seed: int, stats: Stats):
        if host not in LOOPBACK:
            raise ValueError("the load test only ever targets this machine (127.0.0.1)")
        self.url = f"ws://{host}:{port}/_stcore/stream"
        self.origin = f"http://{host}:{port}"
        self.random = random.Random(seed)
        self.stats = stats
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.page_hash = ""
        self.widgets: list[Widget] = []
        self.headers: dict[str, str] = {}  # sent with every websocket (behind nginx: the sticky-session cookie)

    def page_path(self, page_hash: str) -> str:
        return next((path or "/" for path, h in self.pages.items() if h == page_hash), "/")

    async def _rerun(self, socket, page_hash: str, widget_state=None, action: str = "page") -> None:
        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = page_hash
        if widget_state is not None:
            message.rerun_script.widget_states.widgets.append(widget_state)
        started = time.perf_counter()
        await socket.send(message.SerializeToString())
        widgets: list[Widget] = []
        while True:
            forward = ForwardMsg()
            raw = await asyncio.wait_for(socket.recv(), timeout=60)
            self.stats.largest_message = max(self.stats.largest_message, len(raw))
            forward.ParseFromString(raw)
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.pages = {p.url_pathname: p.page_script_hash for p in forward.new_session.app_pages}
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "exception":
                    where = self.page_path(page_hash)
                    self.stats.errors.append(f"exception on {where}: {element.exception.message[:120]}")
                found = _widget(element)
                if found:
                    widgets.append(found)
            elif kind == "script_finished":
                break
        elapsed = time.perf_counter() - started
        self.stats.rerun_seconds.append(elapsed)
        self.stats.by_action.setdefault(action, []).append(elapsed)
        asked = f"{action}: page {self.page_path(page_hash)}" + (
            f", widget {widget_state.id[-24:]}" if widget_state else ""
        )
        self.stats.slowest = sorted([*self.stats.slowest, (elapsed, asked)], reverse=True)[:10]
        self.stats.reruns += 1
        self.widgets = widgets

    def _change_one_widget(self) -> WidgetState:
        widget = self.random.choice(self.widgets)
        state = WidgetState(id=widget.id)
        if widget.kind == "selectbox" and widget.options:
            state.string_value = self.random.choice(widget.options)
        elif widget.kind == "multiselect" and widget.options:
            chosen = self.random.sample(widget.options, k=self.random.randint(1, len(widget.options)))
            state.string_array_value.data.extend(chosen)
        elif widget.kind == "number_input":
            # Any decimal: the app must snap it (to whole kilograms) rather than cache every distinct value.
            state.double_value = round(self.random.uniform(widget.minimum, min(widget.maximum, 150)), 2)
        elif widget.kind == "text_area":
            state.string_value = paste_text(self.random)
        return state

    def _page_named(self, name: str) -> str | None:
        # Streamlit names pages by file name, with spaces for underscores ("Check a text").
        return next((h for path, h in self.pages.items() if path.replace("_", " ") == name.replace("_", " ")), None)

    async def _act(self, socket) -> str:
        """One thing a participant does; returns "reconnect" when the connection should be dropped."""
        roll = self.random.random()
        if roll < 0.08:
            return "reconnect"
        if roll < 0.18 and self._page_named("Check_a_text"):
            # Open "Check a text" and paste a text into its box.
            self.page_hash = self._page_named("Check_a_text")
            await self._rerun(socket, self.page_hash, action="page")
            box = next((w for w in self.widgets if w.kind == "text_area"), None)
            if box:
                state = WidgetState(id=box.id, string_value=paste_text(self.random))
                await self._rerun(socket, self.page_hash, state, action="paste")
            return "paste"
        if roll < 0.28:
            for _ in range(self.random.randint(3, 5)):  # rapid page switches: no pause between them
                self.page_hash = self.pages[self.random.choice(sorted(self.pages))]
                await self._rerun(socket, self.page_hash, action="rapid switch")
            return "rapid switch"
        changeable = [w for w in self.widgets if w.kind != "text_area"]
        if changeable and roll < 0.7:
            self.widgets = changeable
            await self._rerun(socket, self.page_hash, self._change_one_widget(), action="widget")
            return "widget"
        self.page_hash = self.pages[self.random.choice(sorted(self.pages))]
        await self._rerun(socket, self.page_hash, action="page")
        return "page"

    async def run(self, duration: float, think: float, arrive_within: float = 0.0) -> None:
        deadline = time.monotonic() + duration
        # People walk in over the first moments of a session rather than in the same millisecond.
        await asyncio.sleep(self.random.uniform(0, arrive_within))
        first = True
        while time.monotonic() < deadline:
            try:
                async with websockets.connect(
                    self.url,
                    subprotocols=["streamlit"],
                    origin=self.origin,
                    max_size=None,
                    additional_headers=self.headers or None,
                ) as socket:
                    # A new connection is a new session: it reopens the page the participant was on.
                    await self._rerun(socket, "" if first else self.page_hash, action="open" if first else "reconnect")
                    first = False
                    while time.monotonic() < deadline:
                        await asyncio.sleep(self.random.uniform(0.5 * think, 1.5 * think))
                        if await self._act(socket) == "reconnect":
                            self.stats.reconnects += 1
                            break
            except Exception as error:  # every failure is counted; none stops the run
                self.stats.errors.append(f"{type(error).__name__}: {error}")
                return


def _proc_sample(pid: int) -> tuple[float, int]:
    """CPU seconds used so far and resident memory in bytes, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = int(fields[11]) + int(fields[12])
    rss_pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    return ticks / os.sysconf("SC_CLK_TCK"), rss_pages * os.sysconf("SC_PAGE_SIZE")


async def load_test(
    port: int,
    server_pid: int,
    participants: int = 30,
    duration: float = 120,
    think: float = 10,
    arrive_within: float = 0.0,
):
    """Run the participants against one server; return errors, rerun times, server CPU and peak memory."""
    stats = Stats()
    cpu_start, _ = _proc_sample(server_pid)
    peak_rss = 0
    started = time.monotonic()

    async def sample_memory():
        nonlocal peak_rss
        while True:
            peak_rss = max(peak_rss, _proc_sample(server_pid)[1])
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample_memory())
    crowd = [Participant("127.0.0.1", port, seed, stats) for seed in range(participants)]
    await asyncio.gather(*(p.run(duration, think, arrive_within) for p in crowd))
    sampler.cancel()
    elapsed = time.monotonic() - started
    cpu_end, rss_end = _proc_sample(server_pid)
    times = sorted(stats.rerun_seconds) or [float("nan")]
    by_action = {
        action: {"reruns": len(seconds), "p95_s": _percentile(seconds, 0.95)}
        for action, seconds in sorted(stats.by_action.items())
    }
    return {
        "participants": participants,
        "duration_s": round(elapsed, 1),
        "reruns": stats.reruns,
        "errors": len(stats.errors),
        "error_examples": stats.errors[:5],
        "slowest": [f"{seconds:.2f} s: {asked}" for seconds, asked in stats.slowest],
        "p50_s": statistics.median(times),
        "p95_s": _percentile(times, 0.95),
        "p99_s": _percentile(times, 0.99),
        "by_action": by_action,
        "reconnects": stats.reconnects,
        "largest_message_mb": stats.largest_message / 1e6,
        "server_cpu_percent": 100 * (cpu_end - cpu_start) / elapsed,
        "server_peak_rss_mb": max(peak_rss, rss_end) / 2**20,
    }


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]
