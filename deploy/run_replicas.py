"""Start Debian's nginx in front of Streamlit replicas sharing one PostgreSQL, all on loopback ports, in the foreground.

`python deploy/run_replicas.py` starts a throwaway PostgreSQL cluster, two `streamlit run serve.py` servers and nginx
(deploy/nginx/stemcell.conf.template) on free loopback ports above 20000, prints the address to open, and stops
everything on Ctrl-C. `--database-url postgresql://…` uses your own database instead; `--replicas 3` starts three
servers. The tests and bench/room_load.py (`--mode proxy`) and bench/capacity.py use `replicas()` from here.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx" / "stemcell.conf.template"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DATABASE_ENV = "STEMCELL_ROOM_DB_URL"  # core.room.store.URL_ENV; not imported, so this runs without the app's deps


def nginx_missing_reason() -> str | None:
    if not Path(NGINX).exists():
        return f"nginx not found ({NGINX}); install Debian's nginx (apt-get install nginx), as .ci/run does"
    return None


def free_port() -> int:
    """A free loopback port above 20000, picked at random so parallel runs rarely collide."""
    for _ in range(200):
        port = random.randint(20001, 60999)
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free loopback port above 20000")


def wait_for_port(port: int, process: subprocess.Popen, what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited early with code {process.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not listen on port {port} within {timeout:.0f} s")


def render_config(folder: Path, listen: str, server_ports: list[int]) -> str:
    """The template with its fields filled: nginx's files under `folder`, one upstream line per replica."""
    servers = "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;" for port in server_ports)
    text = TEMPLATE.read_text(encoding="utf-8")
    text = text.replace("@FOLDER@", str(folder)).replace("@LISTEN@", listen).replace("@SERVERS@", servers)
    left = re.findall(r"@[A-Z]+@", text)
    if left:
        raise ValueError(f"unfilled fields in {TEMPLATE.name}: {left}")
    return text


def check_config(config: Path, folder: Path) -> None:
    """`nginx -t`: refuse to start with a config nginx would reject, and show nginx's own words."""
    result = subprocess.run(
        [NGINX, "-t", "-q", "-p", f"{folder}/", "-c", str(config), "-e", str(folder / "error.log")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"nginx rejects {config}: {result.stderr.strip()}")


@dataclass
class Replicas:
    """A running set-up: the address to open, the replicas behind it and nginx."""

    url: str
    folder: Path
    nginx: subprocess.Popen
    servers: list[subprocess.Popen] = field(default_factory=list)
    server_ports: list[int] = field(default_factory=list)

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def upstream_of(self, replica_key: str) -> int | None:
        """The port of the replica that served the last logged request with this cookie key (from nginx's log)."""
        found = None
        for line in (self.folder / "access.log").read_text(encoding="utf-8", errors="replace").splitlines():
            match = re.search(r"replica_key=(\S+) upstream=127\.0\.0\.1:(\d+)(?:\s|$)", line)
            if match and match[1] == replica_key:
                found = int(match[2])
        return found

    def pids(self) -> dict[str, list[int]]:
        """Process ids by role, nginx's worker included, to measure CPU and memory."""
        workers = subprocess.run(
            ["pgrep", "-P", str(self.nginx.pid)], capture_output=True, text=True, check=False
        ).stdout.split()
        return {
            "streamlit": [s.pid for s in self.servers if s.poll() is None],
            "nginx": [self.nginx.pid, *map(int, workers)],
        }


def start_streamlit(port: int, env: dict[str, str], entry: str) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / entry), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def replicas(database_url: str, count: int = 2, entry: str = "serve.py") -> Iterator[Replicas]:
    """Start `count` Streamlit replicas on `database_url` and nginx in front; stop all of them afterwards."""
    reason = nginx_missing_reason()
    if reason:
        raise RuntimeError(reason)
    folder = Path(tempfile.mkdtemp(prefix="stemcell-nginx-"))
    # As root, nginx's workers run as an unprivileged user: they must be able to reach the temp folders in here.
    folder.chmod(0o755)
    env = {
        **os.environ,
        DATABASE_ENV: database_url,
        # One secret for every replica, so a form or upload started on one replica still passes Streamlit's XSRF
        # check after its browser fails over to another.
        "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32),
        # Two malloc arenas instead of glibc's default of eight per core: every session's script thread otherwise
        # gets an arena of its own, which holds freed memory (measured in bench/capacity.py: see the README).
        "MALLOC_ARENA_MAX": os.environ.get("MALLOC_ARENA_MAX", "2"),
        # Arrow's own allocator (mimalloc) keeps what the tables Streamlit sends have freed; the system allocator
        # gives it back to the arenas above (about 12 MB less per replica after a workshop's load).
        "ARROW_DEFAULT_MEMORY_POOL": os.environ.get("ARROW_DEFAULT_MEMORY_POOL", "system"),
    }
    started = Replicas(url="", folder=folder, nginx=None)  # type: ignore[arg-type]
    try:
        for _ in range(count):
            port = free_port()
            started.servers.append(start_streamlit(port, env, entry))
            started.server_ports.append(port)
        for process, port in zip(started.servers, started.server_ports, strict=True):
            wait_for_port(port, process, "streamlit")
        listen_port = free_port()
        config = folder / "nginx.conf"
        config.write_text(render_config(folder, f"127.0.0.1:{listen_port}", started.server_ports), encoding="utf-8")
        check_config(config, folder)
        started.nginx = subprocess.Popen(
            [NGINX, "-p", f"{folder}/", "-c", str(config), "-e", str(folder / "error.log"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for_port(listen_port, started.nginx, "nginx")
        started.url = f"http://127.0.0.1:{listen_port}"
        yield started
    finally:
        if started.nginx is not None:
            stop(started.nginx)
        for process in started.servers:
            stop(process)
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", type=int, default=2, help="Streamlit servers behind nginx (default 2)")
    parser.add_argument("--database-url", help="your PostgreSQL (default: a throwaway cluster, deleted at exit)")
    args = parser.parse_args()
    if not 1 <= args.replicas <= 8:
        parser.error("--replicas must be 1 to 8")
    sys.path.insert(0, str(ROOT))
    from tests import room_postgres

    with contextlib.ExitStack() as stack:
        url = args.database_url
        if not url:
            url = stack.enter_context(room_postgres.postgres_cluster())
            print("Started a throwaway PostgreSQL cluster (deleted when you stop this).")
        running = stack.enter_context(replicas(url, args.replicas))
        print(f"Open {running.url}  ({args.replicas} replicas on ports {running.server_ports}; nginx's files and "
              f"log in {running.folder}). Ctrl-C stops everything.", flush=True)  # fmt: skip
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        with contextlib.suppress(KeyboardInterrupt):
            while any(s.poll() is None for s in running.servers) and running.nginx.poll() is None:
                time.sleep(1)


if __name__ == "__main__":
    main()
