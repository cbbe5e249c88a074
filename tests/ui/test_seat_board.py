"""The seat board (坐席管理): a dozen demo seats in every state, live updates from another desktop
on PostgreSQL, the bus outage warning (also through a real database restart), seat management, and
the monitoring controls."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt

from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import build_company
from agent_app.services.migrate import upgrade_to_head
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.telephony.monitor import MonitorMode
from agent_app.ui.main_window import MainWindow
from agent_app.ui.ops import runner
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.supervisor.board_model import STATE_TEXT, Column, SeatBoardModel, duration_text
from agent_app.ui.supervisor.board_page import SeatBoardPage
from agent_app.ui.supervisor.demo_seats import add_seats, stage
from agent_app.ui.supervisor.monitor_glue import Monitoring
from agent_app.ui.supervisor.page import PAGE as SEAT_BOARD


def _world(url: str):
    services = Services(create_db_engine(url))
    today = datetime.now(timezone.utc).astimezone(LOCAL_TZ).date()
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司", today=today)
        uow.commit()
    return services, company


def _actor(services, account):
    with services.uow() as uow:
        return actor_for_account(uow.session, account)


@pytest.fixture()
def board_world(sqlite_url):
    services, company = _world(sqlite_url)
    seats = add_seats(services, company.id, 9)  # + the demo's 3 seats (1000-1002) = 12
    stage(services, seats)
    yield services, company, seats
    services.close()


def _open(qtbot, services, company) -> SeatBoardPage:
    supervisor = _actor(services, company.accounts["supervisor"])
    page = SeatBoardPage(Session(services, supervisor, DatabaseLocation(True, "/tmp/x.sqlite3")))
    qtbot.addWidget(page)
    page.resize(1300, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    return page


def _texts(page: SeatBoardPage, column: Column) -> dict[str, str]:
    return {row.agent_no: page.model.text(row, column) for row in page.model.rows()}


def test_a_dozen_seats_show_state_reason_call_and_counts(qtbot, board_world):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    assert page.model.rowCount() == 12
    states = _texts(page, Column.STATE)
    assert states["3001"] == "示闲"
    assert states["3003"].endswith("（小休）")
    assert _texts(page, Column.CALL_NUMBER)["3002"] == "13800138000"
    assert _texts(page, Column.CALL_NUMBER)["3001"] == ""
    assert _texts(page, Column.ANSWERED)["3004"] == "3"
    assert "12" in page.summary_label.text()


def test_the_model_passes_the_model_tester(qtmodeltester, board_world):
    services, company, _ = board_world
    model = SeatBoardModel()
    model.set_rows(services.seats.board(_actor(services, company.accounts["supervisor"])))
    qtmodeltester.check(model)


def test_time_columns_tick_without_a_reload(qtbot, board_world):
    services, company, _ = board_world
    page = _open(qtbot, services, company)
    row = next(r for r in page.model.rows() if r.agent_no == "3002")
    before = page.model.text(row, Column.CALL_TIME)
    page.model.tick(row.call_since + timedelta(hours=1, minutes=2, seconds=5))
    assert page.model.text(row, Column.CALL_TIME) == "1:02:05" != before
    assert duration_text(65) == "1:05"


def test_sorting_and_the_group_filter(qtbot, board_world):
    services, company, _ = board_world
    page = _open(qtbot, services, company)
    page.table.sortByColumn(Column.ANSWERED, page.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    top = page.proxy.index(0, Column.ANSWERED).data()
    assert top == "3"
    index = page.group_combo.findText("热线二组")
    assert index > 0
    page.group_combo.setCurrentIndex(index)
    shown = {page.proxy.index(r, Column.GROUPS).data() for r in range(page.proxy.rowCount())}
    assert shown == {"热线二组"} and page.proxy.rowCount() < 12


def test_a_board_sorted_by_state_re_sorts_on_a_change_and_keeps_the_selection(qtbot, board_world):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    page.table.sortByColumn(Column.STATE, Qt.SortOrder.AscendingOrder)
    page.select_seat(seats[0].user_id)  # 3001, ready: near the top
    services.seats.change_state(seats[0], "after_call_work")
    qtbot.waitUntil(lambda: _texts(page, Column.STATE)["3001"] == "话后处理", timeout=5_000)
    shown = [page.model.row_at(page.proxy.mapToSource(page.proxy.index(r, 0)).row()).state
             for r in range(page.proxy.rowCount())]
    assert shown == sorted(shown, key=list(STATE_TEXT).index)
    assert page.selected() is not None and page.selected().agent_no == "3001"


def test_a_state_change_and_a_bus_outage_reach_the_board(qtbot, board_world):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    services.seats.change_state(seats[0], "not_ready", "培训")
    qtbot.waitUntil(lambda: _texts(page, Column.STATE)["3001"].endswith("（培训）"), timeout=5_000)
    services.events.publish(company.id, "bus_state", {"connected": False})
    qtbot.waitUntil(page.warning_label.isVisible, timeout=5_000)
    services.events.publish(company.id, "bus_state", {"connected": True})
    qtbot.waitUntil(lambda: not page.warning_label.isVisible(), timeout=5_000)


def test_priority_and_enabling_a_seat(qtbot, board_world):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    page.select_seat(seats[1].user_id)
    page.priority_spin.setValue(2)
    page.priority_button.click()
    qtbot.waitUntil(lambda: _texts(page, Column.PRIORITY)["3002"] == "2", timeout=5_000)
    page.select_seat(seats[1].user_id)
    page.enable_button.click()
    qtbot.waitUntil(lambda: _texts(page, Column.ENABLED)["3002"] == "停用", timeout=5_000)


class FakeControl:
    """Stands in for the softphone's MonitorControl (the SIP side is tested in tests/telephony)."""

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Signal

        class Signals(QObject):
            changed = Signal(object)

        self._signals = Signals()
        self.changed = self._signals.changed
        self.current: Monitoring | None = None
        self.started: list[tuple[str, str, MonitorMode]] = []

    def start(self, extension, agent_name, mode, agent_call_id=""):  # noqa: ANN001
        self.started.append((extension, agent_name, mode))
        self.current = Monitoring("m1", agent_name, mode, True)
        self.changed.emit(self.current)

    def switch(self, mode):  # noqa: ANN001
        self.current = Monitoring("m1", self.current.agent_name, mode, True)
        self.changed.emit(self.current)

    def stop(self):
        self.current = None
        self.changed.emit(None)


def test_monitor_buttons_only_for_a_seat_on_a_call_and_the_strip(qtbot, board_world):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    control = FakeControl()
    page.set_monitor_control(control)
    page.select_seat(seats[0].user_id)  # ready
    assert not page.mode_buttons[MonitorMode.LISTEN].isEnabled()
    page.select_seat(seats[1].user_id)  # on a call
    assert page.mode_buttons[MonitorMode.LISTEN].isEnabled()
    page.mode_buttons[MonitorMode.LISTEN].click()
    assert control.started == [(seats[1].extension, seats[1].name, MonitorMode.LISTEN)]
    assert page.monitor_strip.isVisible() and seats[1].name in page.monitor_label.text()
    page.strip_mode_buttons[MonitorMode.BARGE].click()
    assert page.strip_mode_buttons[MonitorMode.BARGE].isChecked()
    page.stop_button.click()
    assert not page.monitor_strip.isVisible()


@pytest.mark.postgres
def test_a_change_made_by_another_desktop_on_postgres_appears(qtbot, postgres_url):
    services, company = _world(postgres_url)
    seats = add_seats(services, company.id, 9)
    stage(services, seats, answered=False)
    other = Services(create_db_engine(postgres_url))  # another desktop: own engine and connections
    try:
        page = _open(qtbot, services, company)
        qtbot.waitUntil(lambda: _texts(page, Column.STATE)["3005"] != "", timeout=5_000)
        other.seats.change_state(seats[4], "on_call", call_number="02012345678", call_direction="in")
        qtbot.waitUntil(lambda: _texts(page, Column.CALL_NUMBER)["3005"] == "02012345678", timeout=10_000)
    finally:
        qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)
        other.close()
        services.close()


@pytest.mark.postgres
def test_a_database_restart_shows_and_the_board_catches_up_when_it_is_back(qtbot, pg_cluster):
    """A private server, really stopped and started. While it is down the board and the status bar
    say the board may be out of date; a change made while the server is back but the board's
    listener not yet (the server first takes local connections only, as during maintenance) sends
    an event nobody hears, and the board shows it anyway once it has reconnected."""
    url = pg_cluster.create_database("agent_desk")
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    services, company = _world(url)
    seats = add_seats(services, company.id, 9)
    stage(services, seats, answered=False)
    try:
        session = Session(services, _actor(services, company.accounts["supervisor"]), DatabaseLocation.from_url(url))
        window = MainWindow(session, pages=[SEAT_BOARD])
        qtbot.addWidget(window)
        window.show()
        page = window.open_page("supervisor")
        assert isinstance(page, SeatBoardPage)
        qtbot.waitUntil(lambda: page.model.rowCount() == 12, timeout=10_000)
        assert _texts(page, Column.STATE)["3001"] == "示闲"

        pg_cluster.stop()
        qtbot.waitUntil(page.warning_label.isVisible, timeout=10_000)
        assert page.warning_label.text() == "与数据库的连接已断开：坐席状态可能不是最新的。正在重新连接…"
        assert window.statusBar().currentMessage() == page.warning_label.text()
        qtbot.waitUntil(lambda: window.status.connection_label.text() == "连接中断", timeout=10_000)

        pg_cluster.start(tcp=False)
        elsewhere = Services(create_db_engine(pg_cluster.socket_url("agent_desk")))  # another desktop
        elsewhere.seats.change_state(seats[0], "not_ready", "培训")
        elsewhere.close()
        assert page.warning_label.isVisible() and _texts(page, Column.STATE)["3001"] == "示闲"

        pg_cluster.stop()
        pg_cluster.start()
        qtbot.waitUntil(lambda: _texts(page, Column.STATE)["3001"] == "示忙（培训）", timeout=15_000)
        # the board's retry may read the new state a moment before its listener is back: the
        # warning stays until the live connection is, then goes
        qtbot.waitUntil(lambda: not page.warning_label.isVisible(), timeout=10_000)
        assert window.statusBar().currentMessage() == ""
        qtbot.waitUntil(lambda: window.status.connection_label.text() == "已连接", timeout=5_000)
    finally:
        qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)
        services.close()
