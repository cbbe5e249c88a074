"""The connection profile shown at sign-in, kept in the machine/user configuration.

`agent_app.settings` owns the profile (machine file from IT, user overrides) and the database
password (keyring, service `AgentDesk DB`, keyed by the database user). This module only maps the
sign-in form onto it: what the form shows is the effective profile, and only what the user changed
becomes a user-level override, so a site default from the machine file keeps applying otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.settings import (
    effective_database_url,
    get_password,
    load_settings,
    set_password,
    set_user_value,
)

EMBEDDED = "embedded"
SHARED = "shared"
_KEYS = {"mode": "database.mode", "host": "database.host", "port": "database.port",
         "database": "database.database", "user": "database.user"}


@dataclass(frozen=True)
class ConnectionProfile:
    mode: str = EMBEDDED
    host: str = ""
    port: int = 5432
    database: str = "agentdesk"
    user: str = ""


def load_profile() -> ConnectionProfile:
    """The effective profile. Raises `SettingsError` when a configuration file is invalid."""
    settings = load_settings()
    return ConnectionProfile(
        mode=settings.get("database.mode"),
        host=settings.get("database.host"),
        port=int(settings.get("database.port") or 5432),
        database=settings.get("database.database"),
        user=settings.get("database.user"),
    )


def save_profile(profile: ConnectionProfile) -> None:
    """Write the fields that differ from the effective profile as user-level overrides.

    In embedded mode only the mode is written: the server fields keep whatever they were.
    """
    current = load_profile()
    fields = ("mode",) if profile.mode == EMBEDDED else tuple(_KEYS)
    for field in fields:
        if getattr(profile, field) != getattr(current, field):
            set_user_value(_KEYS[field], str(getattr(profile, field)))


def load_db_password(profile: ConnectionProfile) -> str:
    """Blocking keyring read: call it from a worker."""
    return (get_password("db", profile.user) if profile.user else None) or ""


def save_db_password(profile: ConnectionProfile, password: str) -> None:
    """Blocking keyring write: call it from a worker. An empty password is not stored."""
    if profile.user and password and password != load_db_password(profile):
        set_password("db", profile.user, password)


def database_url() -> str | None:
    """The URL of the saved profile (with its keyring password); None: the embedded database."""
    return effective_database_url()
