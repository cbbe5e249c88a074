"""One `Services` per database URL for the life of the process, opened in a worker thread.

The sign-in window may try several connection profiles; each URL is opened once (engine and
connection pool) and reused when the user signs out and in again.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from agent_app.services.database import resolve_url


class Connector:
    def __init__(self, open_services: Callable[[str], Any]) -> None:
        self._open = open_services
        self._lock = threading.Lock()
        self._services: dict[str, Any] = {}

    def services_for(self, url: str | None) -> Any:
        """The services bound to `url` (None: the embedded database). Call from a worker."""
        resolved = resolve_url(url)
        with self._lock:
            services = self._services.get(resolved)
            if services is None:
                services = self._open(resolved)
                self._services[resolved] = services
            return services

    def close_all(self) -> None:
        with self._lock:
            opened, self._services = list(self._services.values()), {}
        for services in opened:
            close = getattr(services, "close", None)
            if close is not None:
                close()
