"""A private PostgreSQL server that a test may stop and start: real outages, not simulated ones.

The machine's own server (5432) is shared by every test and must never go down, so a test that
restarts the database gets its own cluster: `initdb` into a temporary folder, a free port on
127.0.0.1, its socket in the same folder. The folder is a short one under the system's temporary
folder, not pytest's `tmp_path`: a Unix socket's path must stay under 108 bytes, and when the tests
run as root `pg_ctl` runs as the `postgres` user (initdb refuses root), who could not enter it.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

SERVER_USER = "postgres"


def server_bin() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian layout), None when there is none."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(Path(p).parent.parent.name))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgCluster:
    """`start()` / `stop()` a throwaway server; `url(db)` for TCP, `socket_url(db)` for its socket."""

    def __init__(self) -> None:
        bin_dir = server_bin()
        if bin_dir is None:
            raise RuntimeError("no PostgreSQL server binaries under /usr/lib/postgresql")
        self._bin = bin_dir
        self._as_root = os.geteuid() == 0
        self.folder = Path(tempfile.mkdtemp(prefix="agent-desk-pg-"))
        if self._as_root:
            shutil.chown(self.folder, SERVER_USER, SERVER_USER)
        self.data = self.folder / "data"
        self.port = _free_port()
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")

    def _run(self, program: str, *args: str) -> None:
        command = [str(self._bin / program), *args]
        if self._as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def start(self, *, tcp: bool = True) -> None:
        """Start and wait until it accepts connections; `tcp=False`: only on its Unix socket (the
        desktops, which connect over TCP, cannot reach it, as during maintenance)."""
        listen = "127.0.0.1" if tcp else "''"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"), "-w", "-o",
                  f"-p {self.port} -k {self.folder} -c listen_addresses={listen} -c fsync=off", "start")

    def stop(self) -> None:
        """`pg_ctl stop -m fast`: every session is cut off, like a database restart in production."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{dbname}"

    def socket_url(self, dbname: str) -> str:
        return f"postgresql+psycopg://postgres@/{dbname}?host={self.folder}&port={self.port}"

    def create_database(self, dbname: str) -> str:
        """A new empty database: its TCP URL."""
        with psycopg.connect(f"host={self.folder} port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{dbname}"')
        return self.url(dbname)

    def destroy(self) -> None:
        if self.running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
