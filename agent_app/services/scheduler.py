"""Timed work (suspensions that end by themselves, and what comes later: SLA escalation,
auto-close, notifications) runs in exactly one process per database.

On PostgreSQL the process that holds a session-level advisory lock is the leader: a headless
`agent-app worker` or any desktop. When it dies, its connection closes, the lock is released and
another process takes over at its next attempt. On SQLite (one machine) the process is the leader.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Callable

from sqlalchemy import Connection, text

from agent_app.services.app import Services

log = logging.getLogger(__name__)
LOCK_KEY = 0x41474E54  # "AGNT"


@dataclass(frozen=True)
class Job:
    name: str
    every_seconds: float
    run: Callable[[], object]


def default_jobs(services: Services) -> list[Job]:
    return [Job("resume_due_suspensions", 30, services.tickets.resume_due_suspensions)]


class Scheduler:
    def __init__(self, services: Services, jobs: list[Job] | None = None) -> None:
        self._services = services
        self._jobs = jobs if jobs is not None else default_jobs(services)
        self._lock_connection: Connection | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._due: dict[str, float] = {}

    @property
    def is_leader(self) -> bool:
        return self._services.engine.dialect.name == "sqlite" or self._lock_connection is not None

    def try_lead(self) -> bool:
        """Take the leader's lock if nobody holds it; True when this process leads."""
        if self.is_leader:
            return True
        connection = self._services.engine.connect()
        if connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": LOCK_KEY}):
            connection.commit()
            self._lock_connection = connection
            log.info("this process now runs the timed work")
            return True
        connection.close()
        return False

    def run_due(self, now: float) -> list[str]:
        """Run every job whose time has come (leader only); the names of the jobs run."""
        if not self.try_lead():
            return []
        ran = []
        for job in self._jobs:
            if now >= self._due.get(job.name, 0):
                try:
                    job.run()
                except Exception:  # noqa: BLE001 - a failing job must not stop the others
                    log.exception("scheduled job %s failed", job.name)
                self._due[job.name] = now + job.every_seconds
                ran.append(job.name)
        return ran

    def start(self, tick_seconds: float = 5.0) -> None:
        """Run in a background thread until stop()."""

        def loop() -> None:
            while not self._stop.is_set():
                try:
                    self.run_due(time.monotonic())
                except Exception:  # noqa: BLE001 - the database may be away; try again later
                    log.exception("scheduler tick failed")
                    self._release()
                self._stop.wait(tick_seconds)

        self._thread = threading.Thread(target=loop, name="agent-desk-scheduler", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._release()

    def _release(self) -> None:
        if self._lock_connection is not None:
            try:
                # Really close the database session (not back to the pool): that releases the lock.
                self._lock_connection.invalidate()
            finally:
                self._lock_connection = None
