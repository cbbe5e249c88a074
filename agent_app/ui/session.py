"""What a signed-in window needs: the services, the actor and where the data lives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass(frozen=True)
class DatabaseLocation:
    """Where the data lives, for the status bar: an embedded file or a shared server."""

    embedded: bool
    where: str  # the file path, or host:port/database

    @classmethod
    def from_url(cls, url: str) -> "DatabaseLocation":
        """Parsed here rather than with SQLAlchemy's `make_url`: the sign-in window shows this
        before SQLAlchemy is loaded (cold start). Same reading for the URLs Agent Desk uses:
        ``sqlite:///relative``, ``sqlite:////absolute``, ``sqlite://`` (memory), and
        ``postgresql[+driver]://user:password@host:port/database?options``."""
        parts = urlsplit(url)
        if parts.scheme.split("+", 1)[0] == "sqlite":
            path = unquote(parts.path[1:] if parts.path.startswith("/") else parts.path)
            return cls(True, path or ":memory:")
        port = f":{parts.port}" if parts.port else ""
        return cls(False, f"{parts.hostname or 'localhost'}{port}/{unquote(parts.path.lstrip('/'))}")


@dataclass(frozen=True)
class Session:
    services: Any  # agent_app.services.app.Services
    actor: Any  # agent_app.services.actor.Actor
    database: DatabaseLocation
