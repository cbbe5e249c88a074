"""SIP passwords live in the operating system's keyring, never in a file."""

from __future__ import annotations

import keyring

KEYRING_SERVICE = "AgentDesk SIP"


def keyring_username(username: str, domain: str) -> str:
    return f"{username}@{domain}"


def sip_password(username: str, domain: str) -> str | None:
    """The stored password of `username@domain`, or None when none is stored."""
    return keyring.get_password(KEYRING_SERVICE, keyring_username(username, domain))


def store_sip_password(username: str, domain: str, password: str) -> None:
    keyring.set_password(KEYRING_SERVICE, keyring_username(username, domain), password)
