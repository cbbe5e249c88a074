"""The sign-in window with a real user created through the services, by keys and clicks."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from PySide6.QtCore import QPoint, Qt

from agent_app.paths import user_data_dir
from agent_app.ui.connector import Connector
from agent_app.ui.desktop import Desktop
from agent_app.ui.ops import runner
from agent_app.ui.sign_in import SignInWindow
from agent_app.ui.sign_in.credentials import KEYRING_SERVICE
from tests.ui.conftest import PASSWORD


def _window(qtbot, connector, fixed_url="sqlite:///unused.sqlite3") -> SignInWindow:
    window = SignInWindow(connector, fixed_url=fixed_url)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _type_credentials(qtbot, window: SignInWindow, account: str, password: str) -> None:
    window.account.clear()
    window.password.clear()
    qtbot.keyClicks(window.account, account)
    qtbot.keyClick(window.account, Qt.Key.Key_Return)  # moves on to the password
    assert window.password.hasFocus() or window.focusWidget() is window.password
    qtbot.keyClicks(window.password, password)


def _wait_idle(qtbot) -> None:
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)


def test_wrong_password_shows_a_message_and_the_window_stays_usable(qtbot, connector, make_user):
    make_user("zhangsan", ["agent"])
    window = _window(qtbot, connector)
    signed_in = []
    window.signed_in.connect(signed_in.append)

    _type_credentials(qtbot, window, "zhangsan", "wrong-password")
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    _wait_idle(qtbot)
    assert window.message.isVisible()
    assert window.message.text() == "账号或密码错误。"
    assert window.sign_in_button.isEnabled() and window.password.isEnabled()
    assert window.password.selectedText() == "wrong-password"  # ready to be retyped
    assert signed_in == []

    _type_credentials(qtbot, window, "zhangsan", PASSWORD)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(signed_in), timeout=10_000)
    assert signed_in[0].actor.account == "zhangsan"
    assert not window.message.isVisible()


def test_a_locked_account_says_so(qtbot, connector, make_user):
    make_user("lisi", ["agent"])
    window = _window(qtbot, connector)
    for _ in range(5):
        _type_credentials(qtbot, window, "lisi", "wrong-password")
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
        _wait_idle(qtbot)
    assert "锁定" in window.message.text()
    _type_credentials(qtbot, window, "lisi", PASSWORD)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot)
    assert "锁定" in window.message.text()
    assert window.sign_in_button.isEnabled()


def test_an_unreachable_database_gives_a_clear_message(qtbot):
    from agent_app.bootstrap import open_services

    # Nothing listens on port 9 of the loopback: the connection is refused at once.
    window = _window(qtbot, Connector(open_services),
                     fixed_url="postgresql+psycopg://agent:pw@127.0.0.1:9/agentdesk")
    _type_credentials(qtbot, window, "zhangsan", PASSWORD)
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    _wait_idle(qtbot)
    assert window.message.text().startswith("无法连接数据库")
    assert window.sign_in_button.isEnabled() and window.account.isEnabled()


def test_empty_fields_are_caught_before_any_database_work(qtbot, connector):
    window = _window(qtbot, connector)
    window.account.clear()
    qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    assert window.message.text() == "请输入账号和密码。"
    assert runner().pending == 0


def test_remember_me_keeps_the_password_in_the_keyring_only(qtbot, connector, make_user, memory_keyring):
    make_user("wangwu", ["agent"])
    window = _window(qtbot, connector)
    _type_credentials(qtbot, window, "wangwu", PASSWORD)
    qtbot.keyClick(window.password, Qt.Key.Key_Tab)  # on to "remember me", then Space ticks it
    qtbot.keyClick(window.remember, Qt.Key.Key_Space)
    assert window.remember.isChecked()
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)

    assert keyring.get_password(KEYRING_SERVICE, "wangwu") == PASSWORD
    for path in Path(user_data_dir()).rglob("*"):
        if path.is_file() and path.suffix in (".ini", ".conf", ".json", ".txt"):
            assert PASSWORD not in path.read_text(encoding="utf-8", errors="replace"), path

    # Next start: account and password are filled in from the settings and the keyring.
    again = _window(qtbot, connector)
    qtbot.waitUntil(lambda: again.password.text() == PASSWORD, timeout=5000)
    assert again.account.text() == "wangwu" and again.remember.isChecked()

    # Unticking it forgets the password.
    qtbot.mouseClick(again.remember, Qt.MouseButton.LeftButton, pos=again.remember.rect().topLeft() + QPoint(8, 8))
    assert not again.remember.isChecked()
    with qtbot.waitSignal(again.signed_in, timeout=10_000):
        qtbot.mouseClick(again.sign_in_button, Qt.MouseButton.LeftButton)
    assert keyring.get_password(KEYRING_SERVICE, "wangwu") is None


def test_shared_profile_goes_to_the_user_config_and_its_password_to_the_keyring(qtbot, connector, make_user):
    from agent_app.settings import load_settings, user_config_path

    make_user("zhaoliu", ["agent"])
    window = _window(qtbot, connector, fixed_url=None)
    window.connection.setCurrentIndex(window.connection.findData("shared"))
    assert window.db_host.isVisible()
    window.db_host.setText("db.example.com")
    window.db_user.setText("agentdesk")
    window.db_password.setText("db-secret")
    _type_credentials(qtbot, window, "zhaoliu", PASSWORD)
    with qtbot.waitSignal(window.signed_in, timeout=10_000):
        qtbot.mouseClick(window.sign_in_button, Qt.MouseButton.LeftButton)
    settings = load_settings()
    assert (settings.get("database.mode"), settings.get("database.host")) == ("shared", "db.example.com")
    assert keyring.get_password("AgentDesk DB", "agentdesk") == "db-secret"
    assert "db-secret" not in user_config_path().read_text(encoding="utf-8")


def test_sign_in_opens_the_main_window_and_sign_out_returns(qtbot, services, make_user):
    make_user("agent01", ["agent"])
    desktop = Desktop(Connector(lambda _url: services), fixed_url="sqlite:///unused.sqlite3")
    desktop.start()
    window = desktop.sign_in_window
    qtbot.addWidget(window)
    _type_credentials(qtbot, window, "agent01", PASSWORD)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.main_window is not None, timeout=10_000)
    main = desktop.main_window
    qtbot.addWidget(main)
    assert main.isVisible() and not window.isVisible()
    assert main.status.user_label.text() == "张三 (agent01)"
    assert main.status.company_label.text() == "粤海水务"

    main.sign_out_action.trigger()
    qtbot.waitUntil(lambda: window.isVisible())
    assert desktop.main_window is None
    assert window.password.text() == ""  # not remembered: cleared


@pytest.mark.parametrize(("registrar", "audio", "asked"), [
    ("sip:127.0.0.1", "", True),  # the phone will start: its devices are looked up ahead
    ("", "", False),  # no SIP line on this PC: no phone, no sound system to wake
    ("sip:127.0.0.1", "null", False),  # a PC without a headset by configuration
])
def test_the_audio_devices_are_looked_up_while_the_sign_in_window_waits(
        qtbot, services, monkeypatch, registrar, audio, asked):
    """The sound system's first answer blocks the GUI thread (40-450 ms): it is asked while the
    user types, not when the workbench has just appeared and the phone starts."""
    from agent_app.settings import set_user_value
    from agent_app.telephony.audio import devices

    asks: list[str] = []
    monkeypatch.setattr(devices, "list_devices", lambda: asks.append("asked") or [])
    monkeypatch.setenv("AGENT_APP_AUDIO", audio)
    set_user_value("sip.registrar", registrar)
    desktop = Desktop(Connector(lambda _url: services), fixed_url="sqlite:///unused.sqlite3")
    desktop.start()
    qtbot.addWidget(desktop.sign_in_window)
    if asked:
        qtbot.waitUntil(lambda: asks == ["asked"], timeout=10_000)
    else:
        qtbot.wait(300)  # the warm-up starts 100 ms after the first paint
        qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)
        qtbot.wait(50)
        assert asks == []
    assert desktop.main_window is None
