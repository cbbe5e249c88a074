"""The phone bar driven like an agent would, against the real engine, Kamailio and a SIPp caller."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from agent_app.telephony.credentials import store_sip_password
from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import AgentState, AgentStateChanged
from agent_app.telephony.qt_adapter import EngineBridge
from agent_app.ui.app_settings import SettingsStore
from agent_app.ui.phone.login_dialog import HotlineLoginDialog
from agent_app.ui.phone.phone_bar import AGENT_ID_KEY, EXTENSION_KEY, PhoneBar
from agent_app.ui.phone.transfer_dialog import TransferDialog

from agent_app.ui.i18n import current_language, set_language

from .conftest import DOMAIN, Kamailio, PhoneProcess, Sipp, agent_account

pytestmark = pytest.mark.telephony
SCREENSHOTS = Path("/tmp")


@pytest.fixture(autouse=True)
def english():
    """These tests read the bar's English texts, whatever language an earlier test left installed."""
    previous = current_language()
    set_language("en")
    yield
    set_language(previous)


@pytest.fixture()
def bar(qtbot, engine: SipEngine, kamailio: Kamailio, tmp_path: Path):
    bridge = EngineBridge(engine)
    bridge.start()
    settings = SettingsStore(tmp_path / "ui.ini")
    widget = PhoneBar(bridge, lambda extension: agent_account(kamailio, user=extension), settings, acw_seconds=2)
    qtbot.addWidget(widget)
    widget.resize(1400, 44)
    widget.show()
    yield widget
    bridge.stop()


def shot(bar: PhoneBar, name: str) -> None:
    bar.layout().activate()
    bar.grab().save(str(SCREENSHOTS / f"phonebar-{name}.png"))


def log_in_through_the_dialog(qtbot, bar: PhoneBar, agent_id: str, extension: str) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HotlineLoginDialog)
        dialog.agent_id_edit.setText(agent_id)
        dialog.extension_edit.setText(extension)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)


def test_agent_logs_in_answers_holds_and_hangs_up(qtbot, bar: PhoneBar, sipp: Callable[..., Sipp],
                                                   tmp_path: Path) -> None:
    states: list[AgentStateChanged] = []
    bar.agent_state_changed.connect(states.append)
    assert bar.login_timer_label.text() == "Not logged in"
    assert not bar.dial_button.isEnabled() and not bar.answer_button.isEnabled()
    shot(bar, "logged-out")

    log_in_through_the_dialog(qtbot, bar, "A0042", "1001")
    qtbot.waitUntil(lambda: bar.logged_in, timeout=5000)
    assert bar.registration_label.property("registration") == "Registered"
    assert bar.login_timer_label.text().startswith("Logged in 0:00:0")
    assert bar.state_label.text() == "Not ready"
    bar._settings.flush()
    remembered = SettingsStore(tmp_path / "ui.ini")  # as the next start reads the file
    assert (remembered.value(AGENT_ID_KEY), remembered.value(EXTENSION_KEY)) == ("A0042", "1001")
    shot(bar, "not-ready")

    qtbot.mouseClick(bar.ready_button, Qt.MouseButton.LeftButton)
    assert bar.state_label.text() == "Ready"
    shot(bar, "ready")

    with qtbot.waitSignal(bar.screen_pop_requested, timeout=10000) as pop:
        run = sipp("caller_put_on_hold.xml")
    number, ivr_trail, headers = pop.args
    assert (number, ivr_trail) == ("13912345678", "welcome>water-supply>billing>agent")
    assert headers["Subject"] == "Agent Desk test call"
    assert bar.state_label.text() == "Ringing" and bar.answer_button.isEnabled()
    assert bar.caller_label.text() == "13912345678 张三"
    shot(bar, "ringing")

    qtbot.mouseClick(bar.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.hold_button.isEnabled(), timeout=5000)
    assert bar.state_label.text() == "On call"
    shot(bar, "on-call")

    qtbot.mouseClick(bar.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.hold_button.text() == "Resume", timeout=5000)
    assert bar.state_label.text() == "On hold"
    shot(bar, "on-hold")
    qtbot.mouseClick(bar.hold_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.hold_button.text() == "Hold", timeout=5000)

    qtbot.mouseClick(bar.hang_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.agent.state is AgentState.AFTER_CALL_WORK, timeout=5000)
    assert bar.state_label.text().startswith("After-call work 0:00:0")
    assert bar.caller_label.text() == "" and not bar.hang_up_button.isEnabled()
    shot(bar, "after-call-work")
    qtbot.waitUntil(run.finished, timeout=10000)
    assert run.returncode == 0, run.report()  # SIPp saw a=sendonly, then a=sendrecv, then the BYE

    qtbot.waitUntil(lambda: bar.agent.state is AgentState.READY, timeout=5000)  # 2 s of after-call work
    assert [c.new for c in states] == [
        AgentState.NOT_READY, AgentState.READY, AgentState.RINGING, AgentState.ON_CALL,
        AgentState.AFTER_CALL_WORK, AgentState.READY,
    ]  # fmt: skip

    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.registration_label.property("registration") == "Not registered", timeout=5000)
    assert bar.login_timer_label.text() == "Not logged in"
    assert bar.agent.state is AgentState.LOGGED_OUT


def test_login_dialog_remembers_agent_id_and_extension(qtbot, bar: PhoneBar) -> None:
    bar._settings.set_values({AGENT_ID_KEY: "A0042", EXTENSION_KEY: "1001"})
    seen: list[tuple[str, str]] = []

    def read_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HotlineLoginDialog)
        seen.append((dialog.agent_id(), dialog.extension()))
        dialog.reject()

    QTimer.singleShot(0, read_and_cancel)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    assert seen == [("A0042", "1001")]
    assert not bar.logged_in


def test_wrong_password_shows_the_failure_on_the_bar(qtbot, bar: PhoneBar) -> None:
    store_sip_password("1001", DOMAIN, "wrong")
    bar.login("A0042", "1001")
    qtbot.waitUntil(lambda: bar.registration_label.property("registration") == "Registration failed", timeout=5000)
    assert "401" in bar.message_label.text()
    assert not bar.logged_in and bar.login_timer_label.text() == "Not logged in"
    shot(bar, "login-failed")


def test_f9_toggles_ready_and_not_ready(qtbot, bar: PhoneBar) -> None:
    bar.login("A0042", "1001")
    qtbot.waitUntil(lambda: bar.logged_in, timeout=5000)
    bar.activateWindow()
    qtbot.waitUntil(bar.isActiveWindow, timeout=2000)

    qtbot.keyClick(bar, Qt.Key.Key_F9)
    assert bar.agent.state is AgentState.READY
    qtbot.keyClick(bar, Qt.Key.Key_F9)
    assert bar.agent.state is AgentState.NOT_READY


def answer_customer_and_consult_colleague(qtbot, bar: PhoneBar, phones: PhoneProcess) -> None:
    """Customer 1002 calls, the agent answers, presses F8 and consults colleague 1003."""
    bar.login("A0042", "1001")
    qtbot.waitUntil(lambda: bar.logged_in, timeout=5000)
    with qtbot.waitSignal(bar.screen_pop_requested, timeout=10000):
        phones.dial("1002", f"sip:1001@{DOMAIN}")
    qtbot.mouseClick(bar.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(bar.transfer_button.isEnabled, timeout=5000)
    assert not bar.complete_button.isVisible()

    def consult_1003() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, TransferDialog)
        dialog.target_edit.setText("1003")
        qtbot.mouseClick(dialog.consult_button, Qt.MouseButton.LeftButton)

    bar.activateWindow()
    qtbot.waitUntil(bar.isActiveWindow, timeout=2000)
    QTimer.singleShot(0, consult_1003)
    qtbot.keyClick(bar, Qt.Key.Key_F8)
    qtbot.waitUntil(bar.complete_button.isEnabled, timeout=5000)  # the colleague answered


def test_consult_then_complete_transfer_from_the_bar(qtbot, bar: PhoneBar, phones: PhoneProcess) -> None:
    answer_customer_and_consult_colleague(qtbot, bar, phones)
    assert bar.cancel_button.isVisible() and not bar.hold_button.isEnabled()
    assert bar.state_label.text() == "Consulting 1003"
    shot(bar, "consulting")

    qtbot.mouseClick(bar.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.agent.state is AgentState.AFTER_CALL_WORK, timeout=5000)
    assert bar.message_label.text() == "Transferred"
    assert not bar.complete_button.isVisible() and bar.caller_label.text() == ""
    qtbot.waitUntil(
        lambda: any("1003@" in e["remote"] for e in phones.seen(ev="call", user="1002", state="confirmed")),
        timeout=5000,
    )  # the customer now talks to the colleague


def test_hang_up_during_a_consult_returns_to_the_caller(qtbot, bar: PhoneBar, phones: PhoneProcess) -> None:
    answer_customer_and_consult_colleague(qtbot, bar, phones)

    bar.activateWindow()  # the transfer dialog had the focus
    qtbot.waitUntil(bar.isActiveWindow, timeout=2000)
    qtbot.keyClick(bar, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: not bar.complete_button.isVisible() and bar.hold_button.text() == "Hold", timeout=5000)
    assert bar.state_label.text() == "On call" and bar.caller_label.text() == "1002"
    assert bar.hang_up_button.isEnabled()
