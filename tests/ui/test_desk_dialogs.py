"""The phone bar's dialogs on a real migrated SQLite database with the demo organisation:
话务管理 (call records: filters, columns, model tester, recording) and the phone and audio settings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import keyring
import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction

from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.calls import CallFilter, CallInput
from agent_app.services.demo.org import build_company
from agent_app.services.tickets.registration import RegistrationForm
from agent_app.settings import load_settings
from agent_app.ui.calls.call_records_dialog import CallRecordsDialog
from agent_app.ui.calls.model import CallRecordsModel, Column
from agent_app.ui.phone.click_to_dial import dial_hub, dialable
from agent_app.ui.main_window import MainWindow
from agent_app.ui.phone.preferences import load_preferences
from agent_app.ui.phone.softphone import start_softphone
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.settings_dialog.phone_settings_dialog import PhoneSettingsDialog


@pytest.fixture()
def world(sqlite_url, tmp_path):
    services = Services.open(sqlite_url)
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司", today=date.today())
        uow.commit()
    with services.uow() as uow:
        agent = actor_for_account(uow.session, company.accounts["agent"])
    agent = services.seats.hotline_login(agent, "A0042", "8001")
    now = datetime.now(UTC).replace(microsecond=0)
    recording = tmp_path / "call.wav"
    recording.write_bytes(b"RIFF")
    answered = services.calls.record(agent, CallInput(
        "in", "13912345678", "8001", ring_at=now - timedelta(minutes=10), answer_at=now - timedelta(minutes=9, seconds=50),
        end_at=now - timedelta(minutes=7, seconds=50), hangup_by="remote", ivr_trail="welcome>billing>agent",
        recording_path=str(recording)))
    services.calls.record(agent, CallInput("in", "13800000000", "8001", ring_at=now - timedelta(minutes=5),
                                           end_at=now - timedelta(minutes=4, seconds=40), hangup_by="remote"))
    category = next(c.id for c in services.catalog.categories(agent) if c.name == "无水" and c.is_leaf)
    ticket = services.tickets.register(agent, RegistrationForm(
        description="停水", category_id=category, caller_phone="13912345678", call_id=answered))
    yield services, agent, ticket.number, recording
    services.close()


def _dialog(qtbot, services, agent) -> CallRecordsDialog:
    dialog = CallRecordsDialog(services, agent)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled(), timeout=5000)
    return dialog


def test_call_records_show_the_agents_calls_newest_first_with_their_ticket(qtbot, world):
    services, agent, ticket_number, recording = world
    dialog = _dialog(qtbot, services, agent)
    model = dialog.model
    assert model.rowCount() == 2
    assert dialog.status.text() == "2 个通话"

    def cell(row: int, column: Column) -> str:
        return model.index(row, column).data()

    assert [cell(row, Column.CALLER) for row in range(2)] == ["13800000000", "13912345678"]
    assert (cell(1, Column.AGENT_NO), cell(1, Column.CALLEE), cell(1, Column.IVR_TRAIL)) == (
        "A0042", "8001", "welcome>billing>agent")
    assert (cell(1, Column.ANSWERED), cell(1, Column.DIRECTION), cell(1, Column.HANGUP)) == ("是", "呼入", "客户挂机")
    assert (cell(1, Column.TALK_TIME), cell(1, Column.RECORDING), cell(1, Column.TICKETS)) == (
        "0:02:00", "播放", ticket_number)
    assert (cell(0, Column.ANSWERED), cell(0, Column.ANSWER_AT), cell(0, Column.RECORDING)) == ("否", "", "")
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers[:4] == ["客服工号", "主叫号码", "被叫号码", "IVR轨迹"]
    dialog.table.selectRow(1)
    dialog.grab().save("/tmp/desk-call-records.png")


def test_filters_narrow_the_calls_and_a_recording_opens_in_the_system_player(qtbot, world, monkeypatch):
    services, agent, _ticket, recording = world
    dialog = _dialog(qtbot, services, agent)
    dialog.answered.setCurrentIndex(dialog.answered.findData(False))
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled() and dialog.model.rowCount() == 1, timeout=5000)
    assert dialog.model.index(0, Column.CALLER).data() == "13800000000"
    assert not dialog.play_button.isEnabled()  # a missed call has no recording

    dialog.answered.setCurrentIndex(0)
    dialog.ivr_trail.setText("billing")
    dialog.search_button.click()
    qtbot.waitUntil(lambda: dialog.search_button.isEnabled() and dialog.model.rowCount() == 1, timeout=5000)
    opened: list[QUrl] = []
    monkeypatch.setattr("agent_app.ui.calls.call_records_dialog.QDesktopServices.openUrl", opened.append)
    dialog.table.selectRow(0)
    assert dialog.play_button.isEnabled()
    dialog.play_button.click()
    assert opened == [QUrl.fromLocalFile(str(recording))]

    recording.unlink()
    dialog.play_button.click()
    assert len(opened) == 1 and "不在这台电脑上" in dialog.status.text()


def test_the_call_records_model_passes_the_model_tester(qtmodeltester, world):
    services, agent, _ticket, _recording = world
    model = CallRecordsModel()
    model.set_rows(services.calls.search(agent, CallFilter()))
    assert model.rowCount() == 2
    qtmodeltester.check(model)


@pytest.fixture()
def devices(monkeypatch):
    """A headset and a ringer, without Qt Multimedia: listing real devices here would fix the
    process's device list before the audio tests create their PulseAudio sinks."""
    monkeypatch.setattr("agent_app.ui.settings_dialog.phone_settings_dialog._devices",
                        lambda inputs: ["Headset Mic"] if inputs else ["Headset Speaker", "Desk Ringer"])


def test_phone_settings_are_saved_per_user_and_the_password_in_the_keyring(qtbot, devices):
    dialog = PhoneSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.microphone.itemData(0) == ""  # "System default" first
    assert [dialog.ringer.itemText(i) for i in range(dialog.ringer.count())] == [
        "系统默认", "Headset Speaker", "Desk Ringer"]
    dialog.microphone.setCurrentIndex(dialog.microphone.findData("Headset Mic"))
    dialog.speaker.setCurrentIndex(dialog.speaker.findData("Headset Speaker"))
    dialog.ringer.setCurrentIndex(dialog.ringer.findData("Desk Ringer"))
    dialog.auto_answer.setChecked(True)
    dialog.acw_seconds.setValue(45)
    dialog.registrar.setText("sip:pbx.example.com:5060")
    dialog.transport.setCurrentIndex(dialog.transport.findData("tcp"))
    dialog.user.setText("8001")
    dialog.password.setText("line-secret")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    preferences = load_preferences()
    assert (preferences.capture_device, preferences.playback_device, preferences.ring_device) == (
        "Headset Mic", "Headset Speaker", "Desk Ringer")
    assert (preferences.auto_answer, preferences.acw_seconds) == (True, 45)
    assert PhoneSettingsDialog().microphone.currentText() == "Headset Mic"  # shown again next time
    settings = load_settings()
    assert (settings.get("sip.registrar"), settings.get("sip.transport"), settings.get("sip.user")) == (
        "sip:pbx.example.com:5060", "tcp", "8001")
    assert keyring.get_password("AgentDesk SIP", "8001@pbx.example.com") == "line-secret"


def test_a_refused_setting_is_shown_and_the_dialog_stays(qtbot, devices):
    dialog = PhoneSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.transport.addItem("SCTP", "sctp")
    dialog.transport.setCurrentIndex(dialog.transport.findData("sctp"))
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=5000)
    assert dialog.isVisible() and dialog.save_button.isEnabled()


def test_the_monitoring_method_can_be_the_pbx_feature_code(qtbot, devices):
    dialog = PhoneSettingsDialog()
    qtbot.addWidget(dialog)
    assert dialog.monitor_method.currentText() == "客户端桥接（任意交换机）"
    assert not dialog.feature_code.isEnabled()  # only the feature-code method dials a code
    dialog.monitor_method.setCurrentIndex(dialog.monitor_method.findData("feature_code"))
    assert dialog.monitor_method.currentText() == "交换机功能码" and dialog.feature_code.isEnabled()
    dialog.feature_code.setText("*88{mode_digit}{extension}")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.save_button.click()
    settings = load_settings()
    assert (settings.get("monitor.method"), settings.get("monitor.feature_code")) == (
        "feature_code", "*88{mode_digit}{extension}")
    again = PhoneSettingsDialog()
    qtbot.addWidget(again)
    assert (again.monitor_method.currentData(), again.feature_code.text()) == ("feature_code", "*88{mode_digit}{extension}")


def test_a_feature_code_without_the_extension_is_refused_and_nothing_is_saved(qtbot, devices):
    dialog = PhoneSettingsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.acw_seconds.setValue(55)
    dialog.user.setText("8009")
    dialog.monitor_method.setCurrentIndex(dialog.monitor_method.findData("feature_code"))
    dialog.feature_code.setText("*22{mode_digit}")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=5000)
    assert dialog.message.text().startswith("交换机功能码“*22{mode_digit}”无效：必须包含 {extension}")
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    settings = load_settings()
    assert (settings.get("monitor.method"), settings.get("sip.user")) == ("client", "")
    assert load_preferences().acw_seconds != 55


def test_dialled_numbers_keep_only_what_a_phone_dials(qtbot):
    assert dialable("020-8765 4321") == "02087654321"
    assert dialable("+86 139 1234 5678") == "+8613912345678"
    asked: list[str] = []
    dial_hub().dial_requested.connect(asked.append)
    dial_hub().dial("139-1234-5678")
    assert asked == ["13912345678"]


def test_without_a_sip_registrar_the_agent_gets_no_phone_but_a_way_to_set_it_up(qtbot, world, devices):
    services, agent, _ticket, _recording = world
    window = MainWindow(Session(services, agent, DatabaseLocation(True, "test.sqlite3")))
    qtbot.addWidget(window)
    assert start_softphone(window) is None
    assert window.phone_bar() is None
    assert "SIP" in window.statusBar().currentMessage()
    action = window.findChild(QAction, "phoneSettingsAction")
    assert action is not None and action in window.system_menu.actions()
    action.trigger()
    dialog = window.findChild(PhoneSettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()
