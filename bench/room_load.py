"""Live-room load test: a facilitator and a crowd of phones speak Streamlit's websocket protocol, on loopback only.

Run `python bench/room_load.py` (add `--participants 50` for a smaller room, `--mode sqlite`, `--mode postgres` or
`--mode proxy` for one set-up). It simulates one facilitator on the "Run a session" page and N participants on the
"Join" page who arrive within 30 s and answer each of 10 questions, then prints answers sent, stored, lost and
duplicated, the time from an answer to the facilitator's chart, rerun times and server CPU and memory:
- `sqlite`: one server with the default SQLite store;
- `postgres`: two servers sharing one throwaway PostgreSQL; the facilitator is on the first, participants are
  spread over both (as sticky sessions behind a load balancer would), and the second server is killed after
  half the questions: its participants reconnect to the first with their room and participant id.
- `proxy`: the README's recipe (deploy/run_replicas.py): nginx in front of two `serve.py` replicas sharing one
  throwaway PostgreSQL. Every tab loads its page through nginx first (which gives it the sticky-session cookie),
  then opens its websocket through nginx with that cookie; after half the questions the replica that does not hold
  the facilitator is SIGKILLed, and its phones reconnect through nginx, which sends them to the live one.
Targets on this 2-core machine: p95 answer-to-chart <= 2 s, p95 rerun <= 1 s, 0 lost, 0 duplicated.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402
import websockets  # noqa: E402
from streamlit.proto.BackMsg_pb2 import BackMsg  # noqa: E402
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg  # noqa: E402
from streamlit.proto.WidgetStates_pb2 import WidgetState  # noqa: E402

from bench.loadtest import Participant, Stats, _proc_sample  # noqa: E402
from core.room import rules as room_rules  # noqa: E402
from core.room import schema as room_schema  # noqa: E402
from core.room import store as room_store  # noqa: E402
from deploy import run_replicas  # noqa: E402
from tests import room_postgres  # noqa: E402
from tests.browser.conftest import start_server, stop_server  # noqa: E402

T0 = time.monotonic()  # bench start, so the slowest reruns can be placed on the session's timeline
MAX_PARTICIPANTS = 300  # a bound, so a typo cannot start thousands of sockets
PICK = re.compile(r"-pick_(?P<qid>.+)_(?P<index>\d+)$")
ANSWERS = re.compile(r"^(?P<count>\d+) of (?P<joined>\d+) phones?$")
REPLICA_COOKIE = "stemcell_replica"  # the sticky-session cookie nginx sets (deploy/nginx/stemcell.conf.template)


def replica_cookie(url: str) -> str:
    """Load a page as a browser does first, and return the sticky-session key nginx's cookie gives it ("" if none)."""
    with urlopen(url, timeout=60) as response:
        response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            if name.strip() == REPLICA_COOKIE:
                return rest.split(";", 1)[0]
    return ""


@dataclass
class Screen:
    """What one script run drew, as far as the simulation needs it."""

    buttons: dict[str, str] = field(default_factory=dict)  # label -> widget id
    radios: dict[str, str] = field(default_factory=dict)  # label -> widget id
    picks: dict[int, str] = field(default_factory=dict)  # option index -> widget id (the Join page's answers)
    question_id: str = ""
    texts: list[str] = field(default_factory=list)
    answers: tuple[int, int] | None = None  # the facilitator's "N of M phones"

    def says(self, words: str) -> bool:
        return any(words in text for text in self.texts)


@dataclass
class Ledger:
    """Every answer the crowd sent, when it was acknowledged, and when the facilitator's chart showed it."""

    sent: int = 0
    acked: dict[tuple[str, str], tuple[float, float, int]] = field(default_factory=dict)  # (pid, qid) -> t0, t1, i
    seen: dict[str, list[tuple[float, int]]] = field(default_factory=dict)  # qid -> [(time, count)]
    reconnects: int = 0
    failed_reconnects: int = 0


class RoomClient(Participant):
    """One browser tab on one page, reusing the load test's loopback-only participant and its statistics."""

    def __init__(self, ports: list[int], seed: int, stats: Stats, page_name: str, query: str = ""):
        super().__init__("127.0.0.1", ports[0], seed, stats)
        self.ports, self.page_name, self.query = ports, page_name, query
        self.socket = None
        self.fragment_id = ""
        self.interval = 1.5
        self.role = "facilitator" if page_name == "Run_a_session" else "phone"
        self.via_proxy = False  # behind nginx: load the page first for the sticky cookie, then send it with the socket
        self.cookie = ""

    async def connect(self, port: int) -> Screen:
        self.url, self.origin = f"ws://127.0.0.1:{port}/_stcore/stream", f"http://127.0.0.1:{port}"
        if self.via_proxy and not self.cookie:
            page = f"{self.origin}/{self.page_name}" + (f"?{self.query}" if self.query else "")
            self.cookie = await asyncio.to_thread(replica_cookie, page)
        headers = {"Cookie": f"{REPLICA_COOKIE}={self.cookie}"} if self.cookie else None
        self.socket = await websockets.connect(
            self.url, subprotocols=["streamlit"], origin=self.origin, max_size=None, additional_headers=headers
        )
        self.page_hash = ""
        screen = await self.run_script(action="join")
        if self.pages.get(self.page_name, self.page_hash) != self.page_hash:
            # The first run opened the home page: ask for ours by its script hash, as a page link does.
            self.page_hash = self.pages[self.page_name]
            screen = await self.run_script(action="join")
        return screen

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()

    async def run_script(self, widget: WidgetState | None = None, fragment: bool = False, action: str = "") -> Screen:
        """One rerun, its time also filed by kind (join, poll, answer, ...) to show where a tail comes from."""
        message = BackMsg()
        rerun = message.rerun_script
        rerun.query_string = self.query
        rerun.page_script_hash = self.page_hash
        if not self.page_hash:
            rerun.page_name = self.page_name
        if fragment and self.fragment_id:
            rerun.fragment_id = self.fragment_id
            rerun.is_auto_rerun = widget is None
        if widget is not None:
            rerun.widget_states.widgets.append(widget)
        started = time.perf_counter()
        await self.socket.send(message.SerializeToString())
        screen = Screen()
        full_rerun = False
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await asyncio.wait_for(self.socket.recv(), timeout=60))
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                # The pages and the hash of the page that ran, as the browser learns them.
                self.pages = {p.url_pathname: p.page_script_hash for p in forward.navigation.app_pages}
                self.page_hash = self.page_hash or forward.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = forward.page_info_changed.query_string
            elif kind == "auto_rerun":
                self.fragment_id, self.interval = forward.auto_rerun.fragment_id, forward.auto_rerun.interval
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                self._read(forward.delta.new_element, screen)
            elif kind == "script_finished":
                if forward.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                    screen = Screen()  # st.rerun(): the run that follows is what the page shows
                    full_rerun = True
                    continue
                break
        seconds = time.perf_counter() - started
        self.stats.rerun_seconds.append(seconds)
        self.stats.reruns += 1
        kind = f"{self.role} {action or ('poll' if fragment else 'page')}" + (" + full rerun" if full_rerun else "")
        self.stats.by_action.setdefault(kind, []).append(seconds)
        self.stats.slowest.append((seconds, kind, round(time.monotonic() - T0, 1)))
        return screen

    def _read(self, element, screen: Screen) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception":
            self.stats.errors.append(f"exception: {element.exception.message[:120]}")
        elif kind == "button":
            screen.buttons[element.button.label] = element.button.id
            pick = PICK.search(element.button.id)
            if pick:
                screen.picks[int(pick["index"])] = element.button.id
                screen.question_id = pick["qid"]
        elif kind == "radio":
            screen.radios[element.radio.label] = element.radio.id
        elif kind in ("markdown", "heading", "alert"):
            screen.texts.append(getattr(element, kind).body)
        elif kind == "metric" and element.metric.label == "Answers":
            found = ANSWERS.match(element.metric.body)
            screen.answers = (int(found["count"]), int(found["joined"])) if found else None

    async def click(self, widget_id: str, fragment: bool = True, action: str = "click") -> Screen:
        return await self.run_script(WidgetState(id=widget_id, trigger_value=True), fragment=fragment, action=action)


def _trigger(widget_id: str) -> WidgetState:
    return WidgetState(id=widget_id, trigger_value=True)


async def phone(client: RoomClient, ledger: Ledger, arrive_within: float, stop: asyncio.Event) -> None:
    """A participant: arrive, answer each new question after a think, follow the room; reconnect when cut off."""
    await asyncio.sleep(client.random.uniform(0, arrive_within))
    port_index = 0
    screen = await client.connect(client.ports[port_index])
    answered: set[str] = set()
    while not stop.is_set():
        try:
            if screen.says("The session has ended"):
                return
            if screen.picks and screen.question_id not in answered:
                await asyncio.sleep(client.random.uniform(1.0, 6.0))  # reading the question
                index = client.random.randrange(len(screen.picks))
                pid = parse_qs(client.query).get("p", [""])[0]
                sent = time.monotonic()
                ledger.sent += 1
                screen = await client.click(screen.picks[index], action="answer")
                if not screen.says("answers are closed") and not screen.says("not on screen"):
                    ledger.acked[(pid, screen.question_id or "?")] = (sent, time.monotonic(), index)
                answered.add(screen.question_id)
                continue
            await asyncio.sleep(client.random.uniform(0.8, 1.2) * client.interval)
            screen = await client.run_script(fragment=True)
        except (TimeoutError, websockets.ConnectionClosed, OSError):
            # The server went away: reconnect to another one with the same ?room=…&p=… (sticky sessions lost).
            ledger.reconnects += 1
            for _ in range(len(client.ports) * 3):
                port_index = (port_index + 1) % len(client.ports)
                try:
                    screen = await client.connect(client.ports[port_index])
                    break
                except (TimeoutError, OSError, websockets.InvalidHandshake):
                    await asyncio.sleep(0.5)
            else:
                ledger.failed_reconnects += 1
                return


async def facilitator(
    client: RoomClient, store: room_store.RoomStore, ledger: Ledger, crowd: int, questions: int, events: dict
) -> str:
    """Start a room with the 90-minute plan, then for each question: watch the chart, reveal, move on."""
    screen = await client.connect(client.ports[0])
    screen = await client.run_script(_trigger(screen.buttons["Start a new room"]))
    spaced = rf"(\w ){{{room_rules.CODE_LENGTH - 1}}}\w"  # the code as the header shows it, letter by letter
    code = next(t.replace(" ", "") for t in screen.texts if re.fullmatch(spaced, t))
    events["code"].set_result(code)
    await asyncio.sleep(events["arrive_within"] + 5)  # everyone walks in
    screen = await client.run_script(WidgetState(id=screen.radios["Session plan"], string_value="90 minutes"))
    screen = await client.run_script(_trigger(screen.buttons["Start: show question 1"]), action="start")
    for number in range(questions):
        qid = store.state(code).question_id
        ledger.seen[qid] = []
        deadline = time.monotonic() + events["answer_window"]
        while time.monotonic() < deadline:
            await asyncio.sleep(client.interval)
            screen = await client.run_script(fragment=True)
            if screen.answers:
                ledger.seen[qid].append((time.monotonic(), screen.answers[0]))
                if screen.answers[0] >= crowd:
                    break
        await asyncio.sleep(2 * client.interval)  # two more looks, as a facilitator waits for stragglers
        screen = await client.run_script(fragment=True)
        if screen.answers:
            ledger.seen[qid].append((time.monotonic(), screen.answers[0]))
        screen = await client.click(screen.buttons["Reveal the answer"], action="reveal")
        await asyncio.sleep(2)
        if number == questions // 2 - 1 and events.get("kill"):
            events["kill"](client)
        if number < questions - 1:
            screen = await client.click(screen.buttons["Next question"], action="next")
    await client.click(screen.buttons["End the session"])
    return code


def latencies(ledger: Ledger) -> list[float]:
    """Seconds from each answer's tap to the first facilitator chart whose count includes it."""
    result = []
    by_question: dict[str, list[tuple[float, float]]] = {}
    for (_, qid), (sent, acked, _) in ledger.acked.items():
        by_question.setdefault(qid, []).append((acked, sent))
    for qid, answers in by_question.items():
        seen = ledger.seen.get(qid, [])
        for rank, (acked, sent) in enumerate(sorted(answers), start=1):
            shown = next((t for t, count in seen if count >= rank and t >= acked), None)
            if shown is not None:
                result.append(shown - sent)
    return result


def stored_answers(url: str, code: str) -> dict[tuple[str, str], int]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(
                room_schema.answers.c.participant_id, room_schema.answers.c.question_id, room_schema.answers.c.choice
            ).where(room_schema.answers.c.room_code == code)
        ).all()
    engine.dispose()
    return {(r.participant_id, r.question_id): r.choice for r in rows}


def duplicated_rows(url: str, code: str) -> int:
    """Stored answer rows beyond the first for any (participant, question), counted in the database itself."""
    engine = sa.create_engine(url)
    per_pair = (
        sa.select(sa.func.count().label("rows"))
        .where(room_schema.answers.c.room_code == code)
        .group_by(room_schema.answers.c.participant_id, room_schema.answers.c.question_id)
        .subquery()
    )
    with engine.connect() as conn:
        extra = conn.execute(sa.select(sa.func.coalesce(sa.func.sum(per_pair.c.rows - 1), 0))).scalar_one()
    engine.dispose()
    return int(extra)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values) or [float("nan")]
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def session(
    ports: list[int], url: str, participants: int, questions: int, arrive_within: float, kill=None, via_proxy=False
):
    """One whole session; returns the figures. `kill(lead)` is called after half the questions, if given."""
    stats, ledger, stop = Stats(), Ledger(), asyncio.Event()
    store = room_store.RoomStore(url)
    events = {"code": asyncio.get_running_loop().create_future(), "arrive_within": arrive_within,
              "answer_window": 20.0, "kill": kill}  # fmt: skip
    lead = RoomClient(ports, 0, stats, "Run_a_session")
    lead.via_proxy = via_proxy
    running = asyncio.create_task(facilitator(lead, store, ledger, participants, questions, events))
    code = await events["code"]
    # Participants are spread over the servers, as sticky sessions behind a load balancer would place them.
    crowd = [
        RoomClient(ports[i % len(ports) :] + ports[: i % len(ports)], i + 1, stats, "Join", f"room={code}")
        for i in range(participants)
    ]
    for client in crowd:
        client.via_proxy = via_proxy
    phones = [asyncio.create_task(phone(c, ledger, arrive_within, stop)) for c in crowd]
    try:
        await running
    except Exception as error:
        stats.errors.append(f"facilitator: {type(error).__name__}: {error}")
    await asyncio.sleep(3)
    stop.set()
    await asyncio.wait(phones, timeout=30)
    for client in [lead, *crowd]:
        with contextlib.suppress(Exception):  # a socket to a killed server
            await client.close()
    stored = stored_answers(url, code)
    duplicates = duplicated_rows(url, code)
    store.dispose()
    lost = [key for key, (_, _, index) in ledger.acked.items() if stored.get(key) != index]
    delays = latencies(ledger)
    return {
        "room": code,
        "questions": len(ledger.seen),
        "answers_sent": ledger.sent,
        "answers_acknowledged": len(ledger.acked),
        "answers_stored": len(stored),
        "lost": len(lost),
        "duplicates": duplicates,
        "stored_not_acknowledged": len(set(stored) - set(ledger.acked)),
        "reconnects": ledger.reconnects,
        "failed_reconnects": ledger.failed_reconnects,
        "answer_to_chart_p50_s": percentile(delays, 0.5),
        "answer_to_chart_p95_s": percentile(delays, 0.95),
        "answers_timed": len(delays),
        "reruns": stats.reruns,
        "rerun_p50_s": percentile(stats.rerun_seconds, 0.5),
        "rerun_p95_s": percentile(stats.rerun_seconds, 0.95),
        "errors": len(stats.errors),
        "error_examples": stats.errors[:3],
        "by_kind": {
            kind: (len(times), *(round(percentile(times, share), 2) for share in (0.5, 0.95, 1.0)))
            for kind, times in sorted(stats.by_action.items())
        },
        "slow_timeline": _slow_timeline(stats.slowest),
    }


def _slow_timeline(records: list[tuple[float, str, float]], slow: float = 1.0, step: float = 5.0) -> list[str]:
    """Reruns slower than `slow` seconds, counted per `step`-second window of the run, with what the lead did."""
    windows: dict[int, dict[str, int]] = {}
    for seconds, kind, at in records:
        if seconds > slow or (kind.startswith("facilitator") and not kind.endswith("poll")):
            counts = windows.setdefault(int(at // step), {})
            counts[kind] = counts.get(kind, 0) + 1
    return [f"{w * step:.0f}s: {counts}" for w, counts in sorted(windows.items())]


@dataclass
class SetUp:
    """What a session runs against: the ports clients open, the processes to measure, how to kill one server."""

    ports: list[int]
    server_pids: list[int]
    proxy_pids: list[int] = field(default_factory=list)
    kill: Callable[[RoomClient], int] | None = None  # kill(lead) -> the pid it killed; None: nothing is killed
    proxy: run_replicas.Replicas | None = None


@contextlib.contextmanager
def set_up(mode: str, url: str):
    """Start the servers for one set-up (sqlite: one; postgres: two; proxy: nginx in front of two); stop them after."""
    if mode == "proxy":
        with run_replicas.replicas(url) as running:

            def kill_the_other(lead: RoomClient) -> int:
                # The replica the facilitator is not on (nginx's log says which one served its page), so the
                # facilitator keeps its screen and about half the phones lose theirs.
                facilitator_port = running.upstream_of(lead.cookie)
                victim = next(p for p, port in zip(running.servers, running.server_ports, strict=True)
                              if port != facilitator_port)  # fmt: skip
                os.kill(victim.pid, signal.SIGKILL)
                return victim.pid

            yield SetUp([running.port], [s.pid for s in running.servers], running.pids()["nginx"], kill_the_other,
                        running)  # fmt: skip
        return
    servers = []
    try:
        for _ in range(2 if mode == "postgres" else 1):
            servers.append(start_server({room_rules.URL_ENV: url}))
        pids = [process.pid for process, _ in servers]

        def kill_second(_lead: RoomClient) -> int:
            os.kill(pids[1], signal.SIGKILL)
            return pids[1]

        yield SetUp([int(urlsplit(server_url).port) for _, server_url in servers], pids,
                    kill=kill_second if mode == "postgres" else None)  # fmt: skip
    finally:
        for process, _ in servers:
            if process.poll() is None:
                stop_server(process)


def proxy_log(running: run_replicas.Replicas) -> dict:
    """From nginx's log: websockets each replica served, and requests nginx passed on after a replica failed."""
    per_replica: dict[str, int] = {}
    failovers = 0
    for line in (running.folder / "access.log").read_text(encoding="utf-8", errors="replace").splitlines():
        found = re.search(r'^\S+ (\d+) "GET /_stcore/stream [^"]*" \S+ upstream=(.+?) upstream_status=', line)
        if not found:
            continue
        tried = found[2].split(", ")
        failovers += len(tried) > 1
        if found[1] == "101":
            per_replica[tried[-1]] = per_replica.get(tried[-1], 0) + 1
    return {"websockets_per_replica": dict(sorted(per_replica.items())), "nginx_failovers": failovers}


def run_mode(mode: str, participants: int, questions: int, arrive_within: float) -> dict:
    """Start the servers (and PostgreSQL) for one set-up, run a session against them, stop everything."""
    with tempfile.TemporaryDirectory(prefix="room-bench-") as folder:
        cluster = room_postgres.postgres_cluster() if mode in ("postgres", "proxy") else None
        url = room_postgres.fresh_database(cluster.__enter__()) if cluster else f"sqlite:///{folder}/room.sqlite"
        try:
            with set_up(mode, url) as servers:
                return measured_session(mode, servers, url, participants, questions, arrive_within)
        finally:
            if cluster:
                cluster.__exit__(None, None, None)


def measured_session(mode: str, servers: SetUp, url: str, participants: int, questions: int, arrive_within: float):
    pids = servers.server_pids + servers.proxy_pids
    usage = {pid: _proc_sample(pid)[0] for pid in pids}
    peaks = dict.fromkeys(pids, 0)
    killed: list[int] = []

    def kill(lead: RoomClient) -> None:
        killed.append(servers.kill(lead))

    async def main() -> dict:
        async def sample() -> None:
            while True:
                for pid in pids:
                    if pid not in killed:
                        peaks[pid] = max(peaks[pid], _proc_sample(pid)[1])
                await asyncio.sleep(0.5)

        sampler = asyncio.create_task(sample())
        started = time.monotonic()
        result = await session(servers.ports, url, participants, questions, arrive_within,
                               kill if servers.kill else None, via_proxy=mode == "proxy")  # fmt: skip
        sampler.cancel()
        result["duration_s"] = round(time.monotonic() - started, 1)
        return result

    begun, client_cpu = time.monotonic(), time.process_time()
    result = asyncio.run(main())
    elapsed = time.monotonic() - begun
    # The simulated crowd shares the machine's two cores with the servers: report what it took.
    result["client_cpu_percent"] = round(100 * (time.process_time() - client_cpu) / elapsed, 1)

    def cpu(pid: int) -> float:
        return round(100 * (_proc_sample(pid)[0] - usage[pid]) / elapsed, 1) if pid not in killed else float("nan")

    result.update(
        mode=mode,
        participants=participants,
        servers=len(servers.server_pids),
        killed_mid_session=len(killed),
        server_cpu_percent=[cpu(pid) for pid in servers.server_pids],
        server_peak_rss_mb=[round(peaks[pid] / 2**20) for pid in servers.server_pids],
        proxy_cpu_percent=round(sum(cpu(pid) for pid in servers.proxy_pids), 1) if servers.proxy_pids else None,
        proxy_peak_rss_mb=round(sum(peaks[pid] for pid in servers.proxy_pids) / 2**20) if servers.proxy_pids else None,
    )
    if servers.proxy:
        result.update(proxy_log(servers.proxy))
    return result


def _pair(first: float, second: float) -> str:
    return f"{first:.2f} s / {second:.2f} s"


def table(results: list[dict]) -> str:
    rows = [
        ("set-up", lambda r: f"{r['mode']}, {r['servers']} server(s)"
                             + (", one killed mid-session" if r["killed_mid_session"] else "")),
        ("participants / questions", lambda r: f"{r['participants']} / {r['questions']}"),
        ("answers sent / acknowledged / stored",
         lambda r: f"{r['answers_sent']} / {r['answers_acknowledged']} / {r['answers_stored']}"),
        ("lost (target 0)", lambda r: r["lost"]),
        ("duplicated (target 0)", lambda r: r["duplicates"]),
        ("reconnects to the surviving server", lambda r: r["reconnects"]),
        ("answer → facilitator chart p50 / p95 (target p95 ≤ 2 s)",
         lambda r: _pair(r["answer_to_chart_p50_s"], r["answer_to_chart_p95_s"]) + f" ({r['answers_timed']} timed)"),
        ("rerun p50 / p95 (target p95 ≤ 1 s)",
         lambda r: _pair(r["rerun_p50_s"], r["rerun_p95_s"]) + f" ({r['reruns']} reruns)"),
        ("server CPU (% of one core, per server)", lambda r: ", ".join(str(c) for c in r["server_cpu_percent"])),
        ("server peak memory (MB, per server)", lambda r: ", ".join(str(m) for m in r["server_peak_rss_mb"])),
        ("nginx CPU (% of one core) / peak memory (MB)",
         lambda r: f"{r['proxy_cpu_percent']} / {r['proxy_peak_rss_mb']}" if r.get("proxy_cpu_percent") is not None
         else "–"),
        ("websockets per replica / requests nginx moved to the live replica",
         lambda r: f"{', '.join(map(str, r['websockets_per_replica'].values()))} / {r['nginx_failovers']}"
         if "nginx_failovers" in r else "–"),
        ("load generator CPU (% of one core)", lambda r: r["client_cpu_percent"]),
        ("errors", lambda r: r["errors"]),
    ]  # fmt: skip
    lines = ["| measure | " + " | ".join(r["mode"] for r in results) + " |", "|---|" + "---|" * len(results)]
    lines += [f"| {name} | " + " | ".join(str(get(r)) for r in results) + " |" for name, get in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--arrive-within", type=float, default=30.0)
    parser.add_argument(
        "--mode",
        choices=["sqlite", "postgres", "proxy", "both"],
        default="both",
        help="both: sqlite and postgres; proxy: nginx in front of two replicas (deploy/)",
    )
    args = parser.parse_args()
    if not 1 <= args.participants <= MAX_PARTICIPANTS:
        parser.error(f"--participants must be 1 to {MAX_PARTICIPANTS}")
    modes = ["sqlite", "postgres"] if args.mode == "both" else [args.mode]
    for needs_postgres in ("postgres", "proxy"):
        if needs_postgres in modes and room_postgres.missing_reason():
            print(f"Skipping {needs_postgres}: {room_postgres.missing_reason()}")
            modes.remove(needs_postgres)
    if "proxy" in modes and run_replicas.nginx_missing_reason():
        print(f"Skipping proxy: {run_replicas.nginx_missing_reason()}")
        modes.remove("proxy")
    results = []
    for mode in modes:
        print(f"Running {mode} with {args.participants} participants …", flush=True)
        results.append(run_mode(mode, args.participants, args.questions, args.arrive_within))
        print(results[-1], flush=True)
    print(table(results))


if __name__ == "__main__":
    main()
