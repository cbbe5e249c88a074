"""What a signed-in window needs: the services, the actor and where the data lives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import make_url


@dataclass(frozen=True)
class DatabaseLocation:
    """Where the data lives, for the status bar: an embedded file or a shared server."""

    embedded: bool
    where: str  # the file path, or host:port/database

    @classmethod
    def from_url(cls, url: str) -> "DatabaseLocation":
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite":
            return cls(True, parsed.database or ":memory:")
        port = f":{parsed.port}" if parsed.port else ""
        return cls(False, f"{parsed.host or 'localhost'}{port}/{parsed.database or ''}")


@dataclass(frozen=True)
class Session:
    services: Any  # agent_app.services.app.Services
    actor: Any  # agent_app.services.actor.Actor
    database: DatabaseLocation
