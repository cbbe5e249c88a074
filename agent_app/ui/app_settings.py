"""The desktop's own remembered state (last account, language, window layout) in an INI file.

It lives in the per-user data folder, so `AGENT_APP_HOME` isolates tests and portable installs.
Secrets never go here: passwords are in the system keyring (`agent_app.ui.sign_in.credentials`).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from agent_app.paths import user_data_dir

LANGUAGE_KEY = "ui/language"


def settings() -> QSettings:
    return QSettings(str(user_data_dir() / "agent-desk-ui.ini"), QSettings.Format.IniFormat)


def user_key(account: str, name: str) -> str:
    """A per-user key, e.g. ``users/zhangsan/window/geometry``."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in account) or "_"
    return f"users/{safe}/{name}"
