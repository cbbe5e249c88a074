"""Events over PostgreSQL LISTEN/NOTIFY, one channel per company.

A listener thread holds its own connection and LISTENs only on the channels of the companies
that have subscribers, so another company's events never reach this process. When the database
goes away it reconnects with backoff and publishes `bus_state` events (connected: false / true);
views reload their state from the database on `connected: true`, so nothing stays stale.
"""

from __future__ import annotations

import json
import logging
import random
import threading
from typing import Any, Callable

import psycopg
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from agent_app.services.events.bus import Event, EventBus, InProcessBus, Listener, Notice, Subscribers

log = logging.getLogger(__name__)
# Reconnection: 0.5 s, doubling, at most MAX_BACKOFF, each wait jittered by ±JITTER so that the
# desktops of a site do not all knock at once when their server comes back. A board stays stale
# for up to one wait after the server is back: a few seconds, not the 10 s a longer cap gave.
MAX_BACKOFF = 4.0
JITTER = 0.25
LISTENER_NAME = "agent-desk-events"


_NOTIFY = text("SELECT pg_notify(:channel, :message)").execution_options(prepare=True)  # every action sends it


def channel(company_id: int) -> str:
    return f"agent_desk_c{int(company_id)}"


def _notify_params(company_id: int, kind: str, payload: dict[str, Any]) -> dict[str, str]:
    return {"channel": channel(company_id),
            "message": json.dumps({"kind": kind, "payload": payload}, ensure_ascii=False, default=str)}


class PostgresBus:
    def __init__(self, engine: Engine, dsn: str) -> None:
        """`engine` publishes (NOTIFY through the pool); `dsn` is a libpq URL for the listener."""
        self._engine = engine
        self._dsn = dsn
        self._subscribers = Subscribers()
        self._listening: set[int] = set()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None  # started by the first subscriber
        self.connected = False

    # --- publishing -------------------------------------------------------------------------

    def publish(self, company_id: int, kind: str, payload: dict[str, Any]) -> None:
        with self._engine.begin() as connection:
            connection.execute(_NOTIFY, _notify_params(company_id, kind, payload))

    def publish_on_commit(self, session: Session, company_id: int, kind: str, payload: dict[str, Any]) -> None:
        # NOTIFY is transactional: PostgreSQL sends it at commit and drops it on rollback, and it
        # costs no extra transaction (one round trip inside the action's own).
        session.connection().execute(_NOTIFY, _notify_params(company_id, kind, payload))

    def notice(self, company_id: int, kind: str, payload: dict[str, Any]) -> Notice | None:
        return Notice(**_notify_params(company_id, kind, payload))

    # --- listening --------------------------------------------------------------------------

    def subscribe(self, company_id: int, listener: Listener) -> Callable[[], None]:
        remove = self._subscribers.add(company_id, listener)
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="agent-desk-events", daemon=True)
            self._thread.start()
        self._wake.set()  # LISTEN on the new channel soon
        return remove

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        backoff = 0.5
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=3,
                                     application_name=LISTENER_NAME) as connection:
                    self._listening = set()
                    self._sync_channels(connection)
                    self._set_connected(True)
                    backoff = 0.5
                    while not self._stop.is_set():
                        if self._wake.is_set():
                            self._wake.clear()
                            self._sync_channels(connection)
                        for notify in connection.notifies(timeout=0.5, stop_after=50):
                            self._dispatch(notify.channel, notify.payload)
                        connection.execute("SELECT 1")  # notices a dead server between notifications
            except psycopg.Error as error:
                if self.connected:
                    log.warning("event connection lost: %s", error)
                self._set_connected(False)
                self._stop.wait(backoff * random.uniform(1 - JITTER, 1 + JITTER))
                backoff = min(backoff * 2, MAX_BACKOFF)

    def _sync_channels(self, connection: psycopg.Connection) -> None:
        wanted = set(self._subscribers.companies())
        for company_id in wanted - self._listening:
            connection.execute(f"LISTEN {channel(company_id)}")
        for company_id in self._listening - wanted:
            connection.execute(f"UNLISTEN {channel(company_id)}")
        self._listening = wanted

    def _dispatch(self, channel_name: str, raw: str) -> None:
        company_id = int(channel_name.rsplit("c", 1)[1])
        try:
            message = json.loads(raw)
        except ValueError:
            log.warning("ignoring a malformed event on %s", channel_name)
            return
        self._subscribers.deliver(Event(company_id, message.get("kind", ""), message.get("payload") or {}))

    def _set_connected(self, connected: bool) -> None:
        if connected == self.connected:
            return
        self.connected = connected
        for company_id in self._subscribers.companies():
            self._subscribers.deliver(Event(company_id, "bus_state", {"connected": connected}))


def listener_dsn(engine: Engine) -> str:
    """The engine's URL as libpq understands it (without the SQLAlchemy driver suffix)."""
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def bus_for(engine: Engine) -> EventBus:
    """The bus that fits the database: LISTEN/NOTIFY on PostgreSQL, in process on SQLite."""
    if engine.dialect.name == "postgresql":
        return PostgresBus(engine, listener_dsn(engine))
    return InProcessBus()
