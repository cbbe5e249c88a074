"""The event bus interface and its in-process implementation.

Events are small and carry ids, not data: a listener reloads what it shows from the database,
so a lost or late event costs freshness, never correctness. Every event belongs to one company
and is delivered only to subscribers of that company.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Protocol

from sqlalchemy.orm import Session

from agent_app.services.events.on_commit import after_commit

log = logging.getLogger(__name__)

# kinds published by the services; "bus_state" is published by the bus itself (connected or not)
KINDS = ("seat_state", "call_ended", "ticket_changed", "monitor", "bus_state")


@dataclass(frozen=True)
class Event:
    company_id: int
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
    at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


Listener = Callable[[Event], None]


@dataclass(frozen=True)
class Notice:
    """An event as PostgreSQL's `pg_notify(channel, message)`, for the caller to send inside a
    statement of its own transaction (`EventBus.notice`)."""

    channel: str
    message: str


class EventBus(Protocol):
    def publish(self, company_id: int, kind: str, payload: dict[str, Any]) -> None: ...

    def publish_on_commit(self, session: Session, company_id: int, kind: str, payload: dict[str, Any]) -> None:
        """Publish when the session's transaction commits; nothing if it rolls back."""
        ...

    def notice(self, company_id: int, kind: str, payload: dict[str, Any]) -> Notice | None:
        """The event as a NOTIFY that a statement of the caller's transaction sends with its work
        (PostgreSQL delivers it at commit, never on rollback), saving the round trip of
        `publish_on_commit`; None for a bus that does not go through the database: then the
        caller publishes with `publish_on_commit`."""
        ...

    def subscribe(self, company_id: int, listener: Listener) -> Callable[[], None]:
        """Deliver the company's events to `listener` (on any thread); returns an unsubscribe function."""
        ...

    def close(self) -> None: ...


class Subscribers:
    """Thread-safe listeners per company; a failing listener never stops the others."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_company: dict[int, list[Listener]] = {}

    def add(self, company_id: int, listener: Listener) -> Callable[[], None]:
        with self._lock:
            self._by_company.setdefault(company_id, []).append(listener)

        def remove() -> None:
            with self._lock:
                listeners = self._by_company.get(company_id, [])
                if listener in listeners:
                    listeners.remove(listener)

        return remove

    def companies(self) -> list[int]:
        with self._lock:
            return [c for c, listeners in self._by_company.items() if listeners]

    def deliver(self, event: Event) -> None:
        with self._lock:
            listeners = list(self._by_company.get(event.company_id, ()))
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # noqa: BLE001 - one broken view must not silence the rest
                log.exception("event listener failed for %s", event.kind)


class InProcessBus:
    """Embedded mode: one desktop, events delivered synchronously in the publishing thread."""

    def __init__(self) -> None:
        self._subscribers = Subscribers()

    def publish(self, company_id: int, kind: str, payload: dict[str, Any]) -> None:
        self._subscribers.deliver(Event(company_id, kind, dict(payload)))

    def publish_on_commit(self, session: Session, company_id: int, kind: str, payload: dict[str, Any]) -> None:
        event = Event(company_id, kind, dict(payload))
        after_commit(session, lambda: self._subscribers.deliver(event))

    def notice(self, company_id: int, kind: str, payload: dict[str, Any]) -> Notice | None:
        return None

    def subscribe(self, company_id: int, listener: Listener) -> Callable[[], None]:
        return self._subscribers.add(company_id, listener)

    def close(self) -> None:
        pass
