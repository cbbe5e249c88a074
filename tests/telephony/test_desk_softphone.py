"""The desktop with its softphone, end to end: sign in through the real Desktop as the demo agent,
log in to the hotline against Kamailio, a SIPp caller rings, the workbench pops the customer, the
agent answers and registers a ticket, the caller hangs up; the database holds what a supervisor
would look at (call record linked to the ticket, seat states, registration)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from sqlalchemy import select

from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.customers import CustomerForm
from agent_app.services.demo.org import DEMO_PASSWORD, DemoCompany, build_company
from agent_app.services.models import AgentStateChange, Call, SeatStatus, Ticket, User
from agent_app.settings import set_user_value
from agent_app.ui import i18n
from agent_app.ui.connector import Connector
from agent_app.ui.desktop import Desktop
from agent_app.ui.main_window import MainWindow
from agent_app.ui.ops import runner
from agent_app.ui.phone.phone_bar import PhoneBar
from agent_app.ui.style import apply_style

from . import conftest as telephony_conftest
from .conftest import AGENT, DOMAIN, PEERS, Kamailio, PhoneProcess, Sipp
from .test_phone_bar import log_in_through_the_dialog

pytestmark = pytest.mark.telephony

CALLER = "13912345678"  # the P-Asserted-Identity of the SIPp callers
TRAIL = "welcome>water-supply>billing>agent"
SCREENSHOT = Path("/tmp/desk-ringing.png")


@dataclass
class World:
    services: Services
    company: DemoCompany
    customer_id: int


@pytest.fixture()
def world(sqlite_url, data_home, tmp_path, monkeypatch, qapp, kamailio: Kamailio, sip_passwords) -> Iterator[World]:
    """The demo company plus 张明 with the caller's mobile; the SIP line pointing at Kamailio."""
    monkeypatch.setenv("AGENT_APP_MACHINE_CONFIG", str(tmp_path / "machine" / "agent-desk.ini"))
    monkeypatch.setenv("AGENT_APP_AUDIO", "null")
    monkeypatch.delenv("AGENT_APP_DB", raising=False)
    for key, value in (("sip.registrar", f"sip:{kamailio.address}"), ("sip.proxy", f"sip:{kamailio.address};lr"),
                       ("sip.domain", DOMAIN), ("sip.transport", "udp")):
        set_user_value(key, value)
    apply_style(qapp)
    i18n.set_language("zh_CN")
    services = Services.open(sqlite_url)
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司", today=date.today())
        uow.commit()
    with services.uow() as uow:
        agent = actor_for_account(uow.session, company.accounts["agent"])
    customer_id = services.customers.create(agent, CustomerForm(
        name="张明", mobile=CALLER, address="天河路100号3栋201", meter_no="M-0001", customer_type="resident",
        user_no="U0001"))
    yield World(services, company, customer_id)
    services.close()


@pytest.fixture()
def desk(qtbot, world: World) -> Iterator[Desktop]:
    desktop = Desktop(Connector(lambda _url: world.services), fixed_url="sqlite:///unused.sqlite3")
    desktop.start()
    qtbot.addWidget(desktop.sign_in_window)
    yield desktop
    if desktop.main_window is not None:
        desktop.main_window.sign_out()
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)


def sign_in(qtbot, desktop: Desktop, account: str) -> MainWindow:
    window = desktop.sign_in_window
    window.account.clear()  # remembered from the last sign-in
    qtbot.keyClicks(window.account, account)
    qtbot.keyClick(window.account, Qt.Key.Key_Return)
    qtbot.keyClicks(window.password, DEMO_PASSWORD)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desktop.main_window is not None and desktop.softphone is not None, timeout=10_000)
    return desktop.main_window  # the Desktop closes and deletes it (fixture `desk` signs out)


def hotline_login(qtbot, bar: PhoneBar, agent_id: str, extension: str) -> None:
    log_in_through_the_dialog(qtbot, bar, agent_id, extension)
    qtbot.waitUntil(lambda: bar.logged_in, timeout=10_000)
    qtbot.mouseClick(bar.ready_button, Qt.MouseButton.LeftButton)


def caller_hanging_up_after_hold(tmp_path: Path, monkeypatch) -> str:
    """caller_hangs_up.xml, except that the caller hangs up once the agent puts it on hold (the
    agent's "I am done" in this test) instead of after a fixed pause: no race with the form.
    Written next to a copy of the peers folder, which the `sipp` fixture then reads from."""
    scenario = (PEERS / "caller_hangs_up.xml").read_text()
    hold = """  <recv request="INVITE"/>
  <send>
    <![CDATA[
      SIP/2.0 200 OK
      [last_Via:]
      [last_From:]
      [last_To:]
      [last_Call-ID:]
      [last_CSeq:]
      Contact: <sip:13800138000@[local_ip]:[local_port]>
      Content-Type: application/sdp
      Content-Length: [len]

      v=0
      o=caller 53655765 2353687638 IN IP[local_ip_type] [local_ip]
      s=-
      c=IN IP[media_ip_type] [media_ip]
      t=0 0
      m=audio [media_port] RTP/AVP 8 101
      a=rtpmap:8 PCMA/8000
      a=rtpmap:101 telephone-event/8000
      a=recvonly
    ]]>
  </send>
  <recv request="ACK"/>
"""
    assert scenario.count('<pause milliseconds="300"/>') == 1
    folder = tmp_path / "peers"
    folder.mkdir()
    (folder / "caller_hangs_up_after_hold.xml").write_text(scenario.replace('<pause milliseconds="300"/>', hold))
    monkeypatch.setattr(telephony_conftest, "PEERS", folder)
    return "caller_hangs_up_after_hold.xml"


def run_finished(qtbot, run: Sipp) -> None:
    qtbot.waitUntil(run.finished, timeout=20_000)
    assert run.returncode == 0, run.report()


def test_a_call_pops_the_customer_and_ends_as_a_record_linked_to_its_ticket(
        qtbot, desk: Desktop, world: World, sipp: Callable[..., Sipp], tmp_path: Path, monkeypatch) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    bar = main.phone_bar()
    assert isinstance(bar, PhoneBar) and bar.isVisible()
    hotline_login(qtbot, bar, "A0042", AGENT)
    assert bar.registration_label.property("state") == "registered"

    main.open_page("tickets")  # the call must bring the workbench to the front
    run = sipp(caller_hanging_up_after_hold(tmp_path, monkeypatch))
    qtbot.waitUntil(lambda: bar.answer_button.isEnabled(), timeout=10_000)
    workbench = main.open_page("workbench")
    assert main.current_page_key() == "workbench"
    panel = workbench.customer_panel
    qtbot.waitUntil(lambda: panel.values["name"].text() == "张明", timeout=10_000)
    assert panel.ivr_trail.text() == "welcome → water-supply → billing → agent"
    assert bar.caller_label.text().startswith(CALLER) and bar.state_label.property("state") == "ringing"
    assert workbench.form.customer_name.text() == "张明"
    main.resize(1600, 900)
    main.layout().activate()
    assert main.grab().save(str(SCREENSHOT))

    qtbot.mouseClick(bar.answer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.state_label.property("state") == "on_call", timeout=10_000)
    form = workbench.form
    form.category.set_category_id(next(c.id for c in world.services.catalog.categories(desk.softphone.sync.actor)
                                       if c.name == "无水" and c.is_leaf))
    form.description.setPlainText("家里停水了，来电登记")
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.last_ticket_number() is not None, timeout=10_000)

    qtbot.mouseClick(bar.hold_button, Qt.MouseButton.LeftButton)  # the scenario's cue to hang up
    run_finished(qtbot, run)
    qtbot.waitUntil(lambda: bar.state_label.property("state") == "after_call_work", timeout=10_000)
    qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)

    with world.services.uow() as uow:
        s = uow.session
        call = s.scalars(select(Call)).one()
        assert (call.direction, call.caller, call.agent_no, call.extension) == ("in", CALLER, "A0042", AGENT)
        assert call.ivr_trail == TRAIL and call.answered and call.hangup_by == "remote"
        assert call.ring_at <= call.answer_at <= call.end_at
        ticket = s.scalars(select(Ticket).where(Ticket.number == form.last_ticket_number())).one()
        assert ticket.call_id == call.id and ticket.customer_id == world.customer_id
        states = [row.state for row in s.scalars(select(AgentStateChange).order_by(AgentStateChange.id))]
        assert states == ["not_ready", "ready", "ringing", "on_call", "after_call_work"]
        seat = s.scalars(select(SeatStatus)).one()
        assert (seat.registration, seat.state, seat.agent_no) == ("registered", "after_call_work", "A0042")


def test_a_caller_who_gives_up_while_ringing_leaves_a_missed_call(
        qtbot, desk: Desktop, world: World, sipp: Callable[..., Sipp]) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    bar = main.phone_bar()
    hotline_login(qtbot, bar, "A0042", AGENT)

    run = sipp("caller_gives_up.xml")
    run_finished(qtbot, run)
    qtbot.waitUntil(lambda: bar.state_label.property("state") == "ready", timeout=10_000)
    qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)

    with world.services.uow() as uow:
        call = uow.session.scalars(select(Call)).one()
        assert (call.caller, call.answered, call.answer_at) == (CALLER, False, None)
        assert call.end_at is not None and call.hangup_by == "remote"
        states = [row.state for row in uow.session.scalars(select(AgentStateChange).order_by(AgentStateChange.id))]
        assert states == ["not_ready", "ready", "ringing", "ready"]


def test_right_click_on_the_customers_number_dials_it_and_records_an_outbound_call(
        qtbot, desk: Desktop, world: World, kamailio: Kamailio) -> None:
    """The customer 张明's mobile is the pjsua2 peer's extension here (1002): Kamailio only routes
    to registered phones. The peer answers automatically."""
    phone = PhoneProcess(kamailio, ["1002"])
    try:
        qtbot.waitUntil(lambda: phone.registered("1002"), timeout=10_000)
        main = sign_in(qtbot, desk, world.company.accounts["agent"])
        bar = main.phone_bar()
        hotline_login(qtbot, bar, "A0042", AGENT)
        workbench = main.open_page("workbench")
        mobile = workbench.customer_panel.values["mobile"]
        mobile.setText("1002")  # as if 张明's card showed it

        mobile.customContextMenuRequested.emit(QPoint(2, 2))
        menu = mobile.findChild(QMenu, "dialMenu")
        action = menu.findChild(QAction, "dialAction")
        assert action.text() == "拨打 1002" and action.isEnabled()
        action.trigger()
        menu.close()
        qtbot.waitUntil(lambda: bar.state_label.property("state") == "on_call" and bar.hang_up_button.isEnabled(),
                        timeout=10_000)
        qtbot.waitUntil(lambda: bar.hold_button.isEnabled(), timeout=10_000)  # connected
        qtbot.mouseClick(bar.hang_up_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bar.state_label.property("state") == "after_call_work", timeout=10_000)
        qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)
    finally:
        phone.close()

    with world.services.uow() as uow:
        call = uow.session.scalars(select(Call)).one()
        assert (call.direction, call.caller, call.callee, call.answered, call.hangup_by) == (
            "out", AGENT, "1002", True, "agent")
        states = [row.state for row in uow.session.scalars(select(AgentStateChange).order_by(AgentStateChange.id))]
        assert states == ["not_ready", "ready", "dialing", "on_call", "after_call_work"]


def test_sign_out_logs_the_seat_out_and_the_next_sign_in_gets_a_working_phone(
        qtbot, desk: Desktop, world: World, sipp: Callable[..., Sipp]) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    hotline_login(qtbot, main.phone_bar(), "A0042", AGENT)
    main.sign_out_action.trigger()
    qtbot.waitUntil(lambda: desk.sign_in_window.isVisible() and runner().pending == 0, timeout=10_000)
    assert desk.softphone is None
    with world.services.uow() as uow:
        seat = uow.session.scalars(select(SeatStatus)).one()
        assert (seat.state, seat.registration) == ("logged_out", "unregistered")

    again = sign_in(qtbot, desk, world.company.accounts["agent"])  # pjsua2 allows one endpoint: the old one is gone
    bar = again.phone_bar()
    hotline_login(qtbot, bar, "A0042", AGENT)
    run = sipp("caller_gives_up.xml")
    run_finished(qtbot, run)
    qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)
    with world.services.uow() as uow:
        assert uow.session.scalars(select(Call)).one().caller == CALLER


def test_a_failed_write_is_shown_and_the_phone_goes_on(
        qtbot, desk: Desktop, world: World, sipp: Callable[..., Sipp], monkeypatch) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    bar = main.phone_bar()
    hotline_login(qtbot, bar, "A0042", AGENT)

    def database_down(*_args, **_kwargs):
        raise ConnectionError("database unreachable")

    monkeypatch.setattr(world.services.calls, "start", database_down)
    run = sipp("caller_gives_up.xml")
    qtbot.waitUntil(lambda: "通话记录" in main.statusBar().currentMessage(), timeout=10_000)
    assert "通话记录" in bar.message_label.text()
    run_finished(qtbot, run)
    qtbot.waitUntil(lambda: bar.state_label.property("state") == "ready", timeout=10_000)
    qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)
    assert main.current_page_key() == "workbench"  # the caller was still shown, without a call record id
    with world.services.uow() as uow:
        assert uow.session.scalars(select(Call)).all() == []
        states = [row.state for row in uow.session.scalars(select(AgentStateChange).order_by(AgentStateChange.id))]
        assert states == ["not_ready", "ready", "ringing", "ready"]


def test_a_seat_disabled_by_the_supervisor_cannot_log_in_to_the_hotline(
        qtbot, desk: Desktop, world: World) -> None:
    with world.services.uow() as uow:
        agent = uow.session.get(User, world.company.user_ids["agent"])
        agent.seat_enabled = False
        uow.commit()
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    bar = main.phone_bar()

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        dialog.agent_id_edit.setText("A0042")
        dialog.extension_edit.setText(AGENT)
        qtbot.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    qtbot.mouseClick(bar.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "登入热线" in bar.message_label.text(), timeout=10_000)
    qtbot.waitUntil(lambda: desk.softphone.sync.pending == 0 and runner().pending == 0, timeout=10_000)
    assert not bar.logged_in and bar.login_timer_label.text() == "未登入"
    assert "登入热线" in main.statusBar().currentMessage()


def test_a_supervisors_seat_board_gets_the_phones_monitor_control(qtbot, desk: Desktop, world: World) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["supervisor"])
    assert desk.softphone is not None and desk.softphone.monitor_desk is not None
    board = main.open_page("supervisor")
    assert board is not None and board._control is not None  # listen/whisper/barge go through this phone


def test_an_agents_phone_answers_monitor_requests_but_offers_no_monitoring(qtbot, desk: Desktop, world: World) -> None:
    main = sign_in(qtbot, desk, world.company.accounts["agent"])
    assert desk.softphone.monitor_desk is not None
    assert main.open_page("supervisor") is None and main._monitor_control is None
