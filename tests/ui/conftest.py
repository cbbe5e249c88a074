"""UI test set-up: an isolated configuration per test, the style and Chinese UI, no stray ops."""

from __future__ import annotations

import pytest

from agent_app.ui import i18n
from agent_app.ui.ops import runner
from agent_app.ui.style import apply_style


@pytest.fixture(autouse=True)
def isolated_ui(qapp, data_home, tmp_path, monkeypatch, qtbot):
    """Per test: own data folder (UI ini, user config), no machine config, no $AGENT_APP_DB,
    the application style, Simplified Chinese; at the end, wait until every op was delivered."""
    monkeypatch.setenv("AGENT_APP_MACHINE_CONFIG", str(tmp_path / "machine" / "agent-desk.ini"))
    monkeypatch.delenv("AGENT_APP_DB", raising=False)
    apply_style(qapp)
    i18n.set_language("zh_CN")
    yield
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)
    i18n.set_language("zh_CN")


@pytest.fixture()
def services(sqlite_url):
    """Services on a fresh migrated SQLite database with one company, 粤海水务 (code YHSW)."""
    from agent_app.services.app import Services

    opened = Services.open(sqlite_url)
    opened.users.create_company("YHSW", "粤海水务")
    yield opened
    opened.close()


@pytest.fixture()
def make_user(services):
    """`make_user(account, roles)` creates a user through the services; password "secret-123"."""
    from agent_app.services.users import NewUser

    def make(account: str, roles: list[str], name: str = "张三") -> str:
        services.users.create_in_company("YHSW", NewUser(account=account, name=name, password=PASSWORD, roles=roles))
        return account

    return make


@pytest.fixture()
def connector(services):
    """A connector that hands out the test's `services` for any URL."""
    from agent_app.ui.connector import Connector

    return Connector(lambda _url: services)


PASSWORD = "secret-123"
