"""The desktop's remembered state: read back at once, in the file after `flush()`, as the next start sees it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from agent_app.ui import app_settings
from agent_app.ui.app_settings import SettingsStore


def test_a_value_is_read_back_at_once_and_reaches_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    store = SettingsStore(path)
    store.set_values({"signin/account": "zhangsan", "signin/remember": True, "window/state": QByteArray(b"\x00\x01")})

    assert store.value("signin/account") == "zhangsan"  # before the writer thread got to it
    assert store.value("signin/remember", False, type=bool) is True

    store.flush()
    assert QSettings(str(path), QSettings.Format.IniFormat).value("signin/account") == "zhangsan"
    next_start = SettingsStore(path)
    assert next_start.value("signin/account") == "zhangsan"
    assert next_start.value("signin/remember", False, type=bool) is True  # the file holds "true"
    assert next_start.value("window/state") == QByteArray(b"\x00\x01")
    assert next_start.value("missing", "default") == "default"


def test_the_last_of_several_writes_wins(tmp_path: Path) -> None:
    path = tmp_path / "ui.ini"
    store = SettingsStore(path)
    for page in ("home", "tickets", "reports"):
        store.set_value("window/page", page)
    assert store.value("window/page") == "reports"
    store.flush()
    assert SettingsStore(path).value("window/page") == "reports"


def test_each_data_folder_has_its_own_store(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("AGENT_APP_HOME", str(tmp_path / "a"))
    app_settings.settings().set_value(app_settings.LANGUAGE_KEY, "en")
    monkeypatch.setenv("AGENT_APP_HOME", str(tmp_path / "b"))
    assert app_settings.settings().value(app_settings.LANGUAGE_KEY) is None
    app_settings.flush()
    monkeypatch.setenv("AGENT_APP_HOME", str(tmp_path / "a"))
    assert app_settings.settings().value(app_settings.LANGUAGE_KEY) == "en"
