"""Remember me: the account in the UI settings, the password in the keyring (service `AgentDesk`).

The keyring calls may block (a locked Secret Service, a slow Credential Manager), so the window
calls `load_password` / `remember` / `forget` through the ops runner.
"""

from __future__ import annotations

import keyring
from keyring.errors import KeyringError, PasswordDeleteError

from agent_app.ui.app_settings import settings

KEYRING_SERVICE = "AgentDesk"


def last_account() -> tuple[str, bool]:
    """The account of the last sign-in and whether "remember me" was ticked."""
    store = settings()
    return str(store.value("signin/account", "")), store.value("signin/remember", False, type=bool)


def save_last_account(account: str, remember: bool) -> None:
    settings().set_values({"signin/account": account, "signin/remember": remember})


def load_password(account: str) -> str:
    if not account:
        return ""
    try:
        return keyring.get_password(KEYRING_SERVICE, account) or ""
    except KeyringError:
        return ""


def remember(account: str, password: str) -> None:
    keyring.set_password(KEYRING_SERVICE, account, password)


def forget(account: str) -> None:
    try:
        keyring.delete_password(KEYRING_SERVICE, account)
    except PasswordDeleteError:
        pass
