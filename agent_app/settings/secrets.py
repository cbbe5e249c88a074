"""Passwords live only in the operating system's keyring, never in an ini file.

Service names are fixed so that IT can pre-seed or inspect them (Windows Credential Manager shows
them as generic credentials): `AgentDesk DB` for the database role, `AgentDesk SIP` for the
agent's SIP account. The keyring user name is the configured `database.user` / `sip.user`.
"""

from __future__ import annotations

import logging
from typing import Literal

import keyring
from keyring.errors import KeyringError

log = logging.getLogger(__name__)

Kind = Literal["db", "sip"]
SERVICES: dict[str, str] = {"db": "AgentDesk DB", "sip": "AgentDesk SIP"}


def get_password(kind: Kind, username: str) -> str | None:
    """The stored password, or None when there is none or the keyring cannot be used."""
    try:
        return keyring.get_password(SERVICES[kind], username)
    except KeyringError as error:
        log.warning("keyring unavailable, no %s password: %s", kind, error)
        return None


def set_password(kind: Kind, username: str, password: str) -> None:
    """Store a password; raises keyring's KeyringError when no keyring is available."""
    keyring.set_password(SERVICES[kind], username, password)


def password_status(kind: Kind, username: str) -> str:
    """What `agent-app config` shows instead of a password."""
    if not username:
        return "(not set)"
    try:
        stored = keyring.get_password(SERVICES[kind], username)
    except KeyringError:
        return "(keyring unavailable)"
    return "(in keyring)" if stored else "(not set)"
