"""The connection profile as the rest of the program needs it."""

from __future__ import annotations

from agent_app.settings.schema import SettingsError
from agent_app.settings.secrets import get_password
from agent_app.settings.store import Settings, load_settings


def effective_database_url(settings: Settings | None = None) -> str | None:
    """The shared PostgreSQL URL with its keyring password, or None in embedded mode.

    Without a stored password the URL has none (the server may use certificates or trust).
    Raises SettingsError when shared mode is chosen but no host is configured.
    """
    settings = settings or load_settings()
    if settings.get("database.mode") != "shared":
        return None
    host = settings.get("database.host")
    if not host:
        raise SettingsError(f"database.mode is shared but database.host is empty (see {settings.machine_path})")
    user = settings.get("database.user") or None
    from sqlalchemy.engine import URL  # here: embedded mode and the sign-in window need no SQLAlchemy

    url = URL.create(
        "postgresql+psycopg",
        username=user,
        password=get_password("db", user) if user else None,
        host=host,
        port=int(settings.get("database.port")),
        database=settings.get("database.database"),
        query={"sslmode": settings.get("database.sslmode")},
    )
    return url.render_as_string(hide_password=False)
