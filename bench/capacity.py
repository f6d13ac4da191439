"""Capacity of one host: three workshops at once through the README's nginx recipe, with its memory and CPU.

Run `python bench/capacity.py` (`--quick` for a short check of the script itself). It starts the recipe of
deploy/run_replicas.py (a throwaway PostgreSQL, two `serve.py` replicas, nginx in front, all on loopback) and
runs against nginx, at the same time:
- three workshops of 60 people browsing at the pace of `bench/run.py --workshop-load` (arrive over 20 s, then act
  about every 8 s: settings, pages, rapid page switches, 1-20 KB pastes, reconnects); each first loads its page
  over HTTP, which gives it nginx's sticky-session cookie, then opens its websocket with it;
- one live room of 200 phones and a facilitator (bench/room_load.py's session, 10 questions).
The two crowds run in two processes of their own. Every 2 s it samples the memory (RSS and PSS) of both Streamlit
servers, nginx and every PostgreSQL process, and the load average. Targets: page p95 <= 1 s (every rerun the
browsing crowds asked for), answer -> facilitator's chart p95 <= 1.5 s, <= 600 MB in all: the peak of the summed
PSS, which counts a page shared by several processes once (the summed RSS, also printed, counts the replicas' shared
libraries twice and PostgreSQL's shared buffers once per connection, so it overstates what the host holds).
Writes bench/results-capacity.md. The machine may be shared: the results say how busy it was.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import room_load  # noqa: E402
from bench.loadtest import Participant, Stats  # noqa: E402
from deploy import run_replicas  # noqa: E402
from tests import room_postgres  # noqa: E402

PAGE_P95, CHART_P95, MEMORY_MB = 1.0, 1.5, 600
CLOCK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def percentile(values: list[float], share: float) -> float:
    return room_load.percentile(values, share)


# --- the crowds (each in a process of its own) ---------------------------------------------------------------------


def browse(port: int, workshops: int, people: int, duration: float, think: float, arrive_within: float) -> dict:
    """Workshops of people browsing through nginx; rerun times per workshop and per action, page loads, errors."""
    started = time.process_time()
    result = asyncio.run(_browse(port, workshops, people, duration, think, arrive_within))
    result["client_cpu_s"] = time.process_time() - started
    return result


async def _browse(port: int, workshops: int, people: int, duration: float, think: float, arrive_within: float):
    deadline = time.monotonic() + duration
    stats = [Stats() for _ in range(workshops)]
    page_loads: list[float] = []

    async def person(participant: Participant) -> None:
        await asyncio.sleep(participant.random.uniform(0, arrive_within))
        loaded = time.perf_counter()
        try:
            key = await asyncio.to_thread(room_load.replica_cookie, f"http://127.0.0.1:{port}/")
        except OSError as error:
            participant.stats.errors.append(f"page load: {error}")
            return
        page_loads.append(time.perf_counter() - loaded)
        participant.headers = {"Cookie": f"{room_load.REPLICA_COOKIE}={key}"}
        await participant.run(deadline - time.monotonic(), think)

    crowd = [Participant("127.0.0.1", port, 1000 * w + i, stats[w]) for w in range(workshops) for i in range(people)]
    await asyncio.gather(*(person(p) for p in crowd))
    every = [s for workshop in stats for s in workshop.rerun_seconds]
    by_action: dict[str, list[float]] = {}
    for workshop in stats:
        for action, seconds in workshop.by_action.items():
            by_action.setdefault(action, []).extend(seconds)
    return {
        "reruns": len(every),
        "p50_s": percentile(every, 0.5),
        "p95_s": percentile(every, 0.95),
        "p99_s": percentile(every, 0.99),
        "workshop_p95_s": [percentile(w.rerun_seconds, 0.95) for w in stats],
        "workshop_reruns": [w.reruns for w in stats],
        "by_action_p95_s": {a: (len(s), percentile(s, 0.95)) for a, s in sorted(by_action.items())},
        "page_load_p95_s": percentile(page_loads, 0.95),
        "page_loads": len(page_loads),
        "reconnects": sum(w.reconnects for w in stats),
        "errors": sum(len(w.errors) for w in stats),
        "error_examples": [e for w in stats for e in w.errors][:5],
    }


def room(port: int, url: str, phones: int, questions: int, arrive_within: float) -> dict:
    """One live room through nginx (nothing killed); bench/room_load.py's figures."""
    started = time.process_time()
    result = asyncio.run(room_load.session([port], url, phones, questions, arrive_within, via_proxy=True))
    result["client_cpu_s"] = time.process_time() - started
    return result


# --- what the servers use ------------------------------------------------------------------------------------------


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def children(pid: int) -> list[int]:
    """Every descendant of a process, from /proc (PostgreSQL's backends, nginx's workers)."""
    found = []
    parents = {pid}
    for entry in sorted(Path("/proc").iterdir(), key=lambda p: p.name):
        if entry.name.isdigit():
            try:
                if int(_stat(int(entry.name))[1]) in parents:
                    found.append(int(entry.name))
                    parents.add(int(entry.name))
            except (OSError, IndexError):
                continue
    return found


def postmaster(port: int) -> int:
    """The PostgreSQL server listening on this port (its command line carries `-p port`)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                words = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if words and words[0].endswith(b"/postgres") and f"-p {port}".encode() in b" ".join(words):
                return int(entry.name)
    raise RuntimeError(f"no PostgreSQL server found on port {port}")


def memory(pid: int) -> tuple[int, int]:
    """Resident and proportional set size in bytes (PSS splits memory shared between processes among them)."""
    try:
        rss = int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        pss = next(
            int(line.split()[1]) * 1024
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
            if line.startswith("Pss:")
        )
    except (OSError, StopIteration):
        return 0, 0
    return rss, pss


def cpu_seconds(pid: int, with_reaped_children: bool = False) -> float:
    """CPU a process used; with its finished children's too (PostgreSQL's backends come and go)."""
    try:
        fields = _stat(pid)
    except OSError:
        return 0.0
    ticks = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if with_reaped_children else 0)
    return ticks / CLOCK


def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine have used since boot (every core), from /proc/stat."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + fields[4]
    return (sum(fields[:8]) - idle) / CLOCK


class Sampler(threading.Thread):
    """Samples memory per role and the load average every `every` seconds until stopped."""

    def __init__(self, roles: dict[str, list[int]], every: float = 2.0):
        super().__init__(daemon=True)
        self.roles, self.every = roles, every
        self.peak_rss: dict[str, int] = dict.fromkeys(roles, 0)
        self.peak_pss: dict[str, int] = dict.fromkeys(roles, 0)
        self.peak_total_rss = self.peak_total_pss = 0
        self.load: list[float] = []
        self.halt = threading.Event()

    def pids(self, role: str) -> list[int]:
        roots = self.roles[role]
        return roots + [c for root in roots for c in children(root)] if role != "streamlit" else roots

    def run(self) -> None:
        while not self.halt.is_set():
            total_rss = total_pss = 0
            for role in self.roles:
                rss, pss = (sum(v) for v in zip(*(memory(pid) for pid in self.pids(role)), strict=True))
                self.peak_rss[role] = max(self.peak_rss[role], rss)
                self.peak_pss[role] = max(self.peak_pss[role], pss)
                total_rss, total_pss = total_rss + rss, total_pss + pss
            self.peak_total_rss = max(self.peak_total_rss, total_rss)
            self.peak_total_pss = max(self.peak_total_pss, total_pss)
            self.load.append(os.getloadavg()[0])
            self.halt.wait(self.every)


def role_cpu(roles: dict[str, list[int]]) -> dict[str, float]:
    return {
        role: sum(cpu_seconds(pid, with_reaped_children=role != "streamlit") for pid in pids)
        + sum(cpu_seconds(c) for pid in pids for c in (children(pid) if role != "streamlit" else []))
        for role, pids in roles.items()
    }


# --- the run --------------------------------------------------------------------------------------------------------


def warm_up(port: int, visits: int = 6) -> None:
    """As the facilitator guide asks, the app is opened before the room arrives (here: on both replicas)."""

    async def visit(seed: int) -> None:
        person = Participant("127.0.0.1", port, seed, Stats())
        key = await asyncio.to_thread(room_load.replica_cookie, f"http://127.0.0.1:{port}/")
        person.headers = {"Cookie": f"{room_load.REPLICA_COOKIE}={key}"}
        await person.run(0.1, think=1)

    async def every() -> None:
        await asyncio.gather(*(visit(-1 - n) for n in range(visits)))

    asyncio.run(every())


def measure(args: argparse.Namespace) -> dict:
    with room_postgres.postgres_cluster() as cluster:
        url = room_postgres.fresh_database(cluster)
        with run_replicas.replicas(url) as running:
            warm_up(running.port)
            roles = {
                "streamlit": [s.pid for s in running.servers],
                "nginx": [running.nginx.pid],
                "postgres": [postmaster(urlsplit(cluster).port)],
            }
            sampler = Sampler(roles)
            cpu_before, busy_before, own_before = role_cpu(roles), machine_busy_seconds(), time.process_time()
            load_before = os.getloadavg()
            started = time.monotonic()
            sampler.start()
            spawn = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=2, mp_context=spawn) as pool:
                room_run = pool.submit(room, running.port, url, args.phones, args.questions, 30.0)
                browsing = pool.submit(
                    browse, running.port, args.workshops, args.people, args.duration, 8.0, 20.0
                )  # fmt: skip
                room_result, browse_result = room_run.result(), browsing.result()
            elapsed = time.monotonic() - started
            sampler.halt.set()
            sampler.join()
            cpu_after = role_cpu(roles)
            busy = machine_busy_seconds() - busy_before
            log = room_load.proxy_log(running)
    ours = sum(cpu_after[r] - cpu_before[r] for r in roles)
    generators = room_result["client_cpu_s"] + browse_result["client_cpu_s"] + time.process_time() - own_before
    return {
        "elapsed_s": elapsed,
        "room": room_result,
        "browse": browse_result,
        "cpu_percent": {r: 100 * (cpu_after[r] - cpu_before[r]) / elapsed for r in roles},
        "generators_cpu_percent": 100 * generators / elapsed,
        "others_cpu_percent": 100 * max(busy - ours - generators, 0) / elapsed,
        "machine_cpu_percent": 100 * busy / elapsed,
        "peak_rss_mb": {r: v / 2**20 for r, v in sampler.peak_rss.items()},
        "peak_pss_mb": {r: v / 2**20 for r, v in sampler.peak_pss.items()},
        "peak_total_rss_mb": sampler.peak_total_rss / 2**20,
        "peak_total_pss_mb": sampler.peak_total_pss / 2**20,
        "load_before": load_before,
        "load_during": (min(sampler.load), sum(sampler.load) / len(sampler.load), max(sampler.load)),
        "websockets_per_replica": log["websockets_per_replica"],
    }


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report(r: dict, args: argparse.Namespace) -> str:
    room_, browse_ = r["room"], r["browse"]
    mb = r["peak_rss_mb"]
    pss = r["peak_pss_mb"]
    cpu = r["cpu_percent"]
    rows = [
        f"| browsing: page p95 (every rerun of {browse_['reruns']:,}; p50 / p99 "
        f"{browse_['p50_s']:.2f} / {browse_['p99_s']:.2f} s) | {browse_['p95_s']:.2f} s | <= {PAGE_P95:g} s | "
        f"{verdict(browse_['p95_s'] <= PAGE_P95)} |",
        "| browsing: page p95 per workshop | " + " / ".join(f"{v:.2f} s" for v in browse_["workshop_p95_s"]) + " | | |",
        *(
            f"| browsing: {action} ({count:,} reruns) p95 | {p95:.2f} s | | |"
            for action, (count, p95) in browse_["by_action_p95_s"].items()
        ),
        f"| browsing: first page load over HTTP through nginx p95 ({browse_['page_loads']} loads) | "
        f"{browse_['page_load_p95_s']:.2f} s | | |",
        f"| browsing: errors / reconnects | {browse_['errors']} / {browse_['reconnects']} | 0 errors | "
        f"{verdict(browse_['errors'] == 0)} |",
        f"| room: answer → facilitator's chart p95 (p50 {room_['answer_to_chart_p50_s']:.2f} s; "
        f"{room_['answers_timed']:,} answers) | {room_['answer_to_chart_p95_s']:.2f} s | <= {CHART_P95:g} s | "
        f"{verdict(room_['answer_to_chart_p95_s'] <= CHART_P95)} |",
        f"| room: rerun p95 ({room_['reruns']:,} reruns) | {room_['rerun_p95_s']:.2f} s | | |",
        f"| room: answers sent / acknowledged / stored / lost | {room_['answers_sent']:,} / "
        f"{room_['answers_acknowledged']:,} / {room_['answers_stored']:,} / {room_['lost']} | 0 lost | "
        f"{verdict(room_['lost'] == 0)} |",
        f"| room: errors | {room_['errors']} | 0 | {verdict(room_['errors'] == 0)} |",
        f"| memory: peak of the summed PSS, all it holds (Streamlit ×2 / nginx / PostgreSQL) | "
        f"{r['peak_total_pss_mb']:.0f} MB ({pss['streamlit']:.0f} / {pss['nginx']:.0f} / {pss['postgres']:.0f}) | "
        f"<= {MEMORY_MB} MB | {verdict(r['peak_total_pss_mb'] <= MEMORY_MB)} |",
        f"| memory: peak of the summed RSS (shared pages counted once per process) | {r['peak_total_rss_mb']:.0f} MB "
        f"| | |",
        f"| memory: peak RSS per role (Streamlit ×2 / nginx / PostgreSQL) | {mb['streamlit']:.0f} / "
        f"{mb['nginx']:.0f} / {mb['postgres']:.0f} MB | | |",
        f"| CPU, % of one core: Streamlit ×2 / nginx / PostgreSQL | {cpu['streamlit']:.0f} / {cpu['nginx']:.0f} / "
        f"{cpu['postgres']:.0f} | | |",
        f"| CPU, % of one core: the recipe in all (what it got of the host's {os.cpu_count()} cores) | "
        f"{sum(cpu.values()):.0f} | | |",
        f"| CPU, % of one core: the two load generators (on the same cores) | {r['generators_cpu_percent']:.0f} | | |",
        f"| CPU, % of one core: everything else on the machine (other jobs) | {r['others_cpu_percent']:.0f} | | |",
        f"| machine: CPU busy, % of one core (2 cores = 200) | {r['machine_cpu_percent']:.0f} | | |",
        f"| machine: load average before; during min / mean / max | {r['load_before'][0]:.1f}; "
        + " / ".join(f"{v:.1f}" for v in r["load_during"])
        + " | | |",
        "| websockets per replica (nginx's log) | "
        + ", ".join(str(v) for v in r["websockets_per_replica"].values())
        + " | | |",
    ]
    header = (
        f"Capacity run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on this {os.cpu_count()}-core "
        f"machine, {r['elapsed_s']:.0f} s: {args.workshops} workshops × {args.people} people browsing and a room "
        f"of {args.phones} phones ({args.questions} questions), through nginx in front of two `serve.py` replicas "
        "and one PostgreSQL (`python bench/capacity.py`" + (" --quick" if args.quick else "") + ").\n\n"
    )
    table = "| measure | value | target | verdict |\n|---|---|---|---|\n" + "\n".join(rows)
    got = sum(cpu.values())
    note = (
        f"\n\nOther jobs on this machine used {r['others_cpu_percent']:.0f}% of one core during the run (load average "
        f"{r['load_during'][1]:.1f} on {os.cpu_count()} cores), and the recipe got {got:.0f}%: the times above include "
        "waiting for a core."
        if r["others_cpu_percent"] > 20
        else ""
    )
    return header + table + note + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workshops", type=int, default=3)
    parser.add_argument("--people", type=int, default=60, help="people browsing per workshop")
    parser.add_argument("--phones", type=int, default=200, help="phones in the live room")
    parser.add_argument("--questions", type=int, default=10)
    parser.add_argument("--duration", type=float, default=240.0, help="seconds the browsing crowds stay")
    parser.add_argument("--quick", action="store_true", help="a short check: 1 × 5 browsing, 10 phones, 2 questions")
    args = parser.parse_args()
    if args.quick:
        args.workshops, args.people, args.phones, args.questions, args.duration = 1, 5, 10, 2, 40.0
    for reason in (room_postgres.missing_reason(), run_replicas.nginx_missing_reason()):
        if reason:
            parser.error(reason)
    result = measure(args)
    text = report(result, args)
    print(text)
    for example in result["browse"]["error_examples"] + result["room"]["error_examples"]:
        print("error:", example)
    if not args.quick:
        (ROOT / "bench" / "results-capacity.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
