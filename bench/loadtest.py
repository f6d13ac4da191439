"""Workshop load test: simulated participants speak Streamlit's websocket protocol to one server on loopback."""

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
    kind: str  # selectbox, multiselect or number_input
    options: list[str] = field(default_factory=list)
    minimum: float = 0.0
    maximum: float = 0.0


@dataclass
class Stats:
    rerun_seconds: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reruns: int = 0
    slowest: list[tuple[float, str]] = field(default_factory=list)  # (seconds, what was asked)


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
    return None


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

    def page_path(self, page_hash: str) -> str:
        return next((path or "/" for path, h in self.pages.items() if h == page_hash), "/")

    async def _rerun(self, socket, page_hash: str, widget_state=None) -> None:
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
            forward.ParseFromString(await asyncio.wait_for(socket.recv(), timeout=60))
            kind = forward.WhichOneof("type")
            if kind == "new_session":
                self.pages = {p.url_pathname: p.page_script_hash for p in forward.new_session.app_pages}
                self.page_hash = forward.new_session.page_script_hash
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                element = forward.delta.new_element
                if element.WhichOneof("type") == "exception":
                    self.stats.errors.append(f"exception on page {page_hash}: {element.exception.message[:120]}")
                found = _widget(element)
                if found:
                    widgets.append(found)
            elif kind == "script_finished":
                break
        elapsed = time.perf_counter() - started
        self.stats.rerun_seconds.append(elapsed)
        asked = f"page {self.page_path(page_hash)}" + (f", widget {widget_state.id[-24:]}" if widget_state else "")
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
            state.double_value = round(self.random.uniform(widget.minimum, min(widget.maximum, 150)))
        return state

    async def run(self, duration: float, think: float, arrive_within: float = 0.0) -> None:
        deadline = time.monotonic() + duration
        # People walk in over the first moments of a session rather than in the same millisecond.
        await asyncio.sleep(self.random.uniform(0, arrive_within))
        try:
            async with websockets.connect(
                self.url, subprotocols=["streamlit"], origin=self.origin, max_size=None
            ) as socket:
                await self._rerun(socket, "")
                while time.monotonic() < deadline:
                    await asyncio.sleep(self.random.uniform(0.5 * think, 1.5 * think))
                    if self.widgets and self.random.random() < 0.6:
                        await self._rerun(socket, self.page_hash, self._change_one_widget())
                    else:
                        path = self.random.choice(sorted(self.pages))
                        self.page_hash = self.pages[path]
                        await self._rerun(socket, self.page_hash)
        except Exception as error:  # every failure is counted; none stops the run
            self.stats.errors.append(f"{type(error).__name__}: {error}")


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
    return {
        "participants": participants,
        "duration_s": round(elapsed, 1),
        "reruns": stats.reruns,
        "errors": len(stats.errors),
        "error_examples": stats.errors[:5],
        "slowest": [f"{seconds:.2f} s: {asked}" for seconds, asked in stats.slowest],
        "p50_s": statistics.median(times),
        "p95_s": times[min(len(times) - 1, int(0.95 * len(times)))],
        "server_cpu_percent": 100 * (cpu_end - cpu_start) / elapsed,
        "server_peak_rss_mb": max(peak_rss, rss_end) / 2**20,
    }
