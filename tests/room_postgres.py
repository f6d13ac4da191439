"""A throwaway PostgreSQL cluster on a free loopback port, for the room's tests and load benchmark."""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def pg_bin() -> Path | None:
    """The newest Debian PostgreSQL server binaries, if installed."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(found[-1]).parent if found else None


def required() -> bool:
    """In CI (and when browsers are required) a missing PostgreSQL is a failure, not a skip."""
    return os.environ.get("REQUIRE_BROWSER") == "1" or bool(os.environ.get("CI"))


def missing_reason() -> str | None:
    if pg_bin() is None:
        return "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin); .ci/run installs Debian's postgresql"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: PostgreSQL refuses to run as root"
    return None


def skip_or_fail_without_postgres() -> None:
    """Skip with the reason where PostgreSQL is missing; fail instead where CI requires it."""
    import pytest

    reason = missing_reason()
    if reason:
        if required():
            pytest.fail(f"PostgreSQL is required here but {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(command: list[str]) -> list[str]:
    # PostgreSQL will not run as root: as root, run it as the unprivileged `postgres` user the package creates.
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextlib.contextmanager
def postgres_cluster() -> Iterator[str]:
    """Start a fresh cluster in a temporary folder; yield its SQLAlchemy URL; stop and delete it afterwards."""
    binaries = pg_bin()
    if binaries is None:
        raise RuntimeError(missing_reason())
    folder = Path(tempfile.mkdtemp(prefix="room-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    port = _free_port()
    run = {"check": True, "stdout": subprocess.DEVNULL, "stderr": subprocess.PIPE}
    try:
        subprocess.run(
            _as_owner([str(binaries / "initdb"), "-D", str(data), "-U", "room", "--auth=trust", "-E", "UTF8",
                       "--no-sync", "--no-instructions"]),
            **run,
        )  # fmt: skip
        # A room's tables hold a few megabytes: small shared buffers keep about 10 MB of the host's memory
        # (bench/capacity.py).
        options = (
            f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=100 -c shared_buffers=16MB"
        )
        subprocess.run(
            _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"),
                       "-w", "-t", "60", "start"]),
            **run,
        )  # fmt: skip
        yield f"postgresql+psycopg://room@127.0.0.1:{port}/postgres"
    finally:
        if (data / "postmaster.pid").exists():
            subprocess.run(
                _as_owner([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
                check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
        shutil.rmtree(folder, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new empty database on the cluster, so that each test starts clean; returns its URL."""
    import sqlalchemy as sa

    name = f"t{time.time_ns()}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + f"/{name}"
