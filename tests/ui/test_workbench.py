"""The seat workbench (坐席工作台) on a real migrated SQLite database with the demo organisation:
screen-pop, the registration form by keyboard, field errors, drafts, address search and linking,
history, and a model tester run on each table model."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy import select

from agent_app.services.actor import Actor
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.customers import CustomerForm
from agent_app.services.demo.org import DemoCompany, build_company
from agent_app.services.models import Ticket, TicketLink
from agent_app.services.tickets.registration import RegistrationForm
from agent_app.ui.ops import runner
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.workbench.drafts import draft_path
from agent_app.ui.workbench.new_customer_dialog import NewCustomerDialog
from agent_app.ui.workbench.models import HistoryModel, SimilarTicketsModel
from agent_app.ui.workbench.workbench_page import WorkbenchPage

MOBILE = "13800138000"
SECOND_PHONE = "13900139000"
SHARED_LANDLINE = "020-87654321"


@dataclass
class Bench:
    services: Services
    company: DemoCompany
    agent: Actor
    zhang_id: int
    shared_ids: tuple[int, int]
    earlier_ticket: int

    def leaf(self, name: str) -> int:
        return next(c.id for c in self.services.catalog.categories(self.agent) if c.name == name and c.is_leaf)

    def session(self) -> Session:
        return Session(self.services, self.agent, DatabaseLocation(True, "test.sqlite3"))


@pytest.fixture()
def bench(sqlite_url, qtbot) -> Bench:
    services = Services.open(sqlite_url)
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司", today=date.today())
        uow.commit()
    with services.uow() as uow:
        agent = actor_for_account(uow.session, company.accounts["agent"])
    area = company.area_ids if company.area_ids else {}
    tianhe = area.get("天河区")
    zhang = services.customers.create(agent, CustomerForm(
        name="张明", mobile=MOBILE, other_phones=SECOND_PHONE, address="天河路100号3栋201", meter_no="M-0001",
        customer_type="resident", area_id=tianhe, user_no="U0001", customer_no="C0001"))
    wang_fang = services.customers.create(agent, CustomerForm(
        name="王芳", phone=SHARED_LANDLINE, address="中山大道西8号1201", user_no="U0002", area_id=tianhe))
    wang_qiang = services.customers.create(agent, CustomerForm(
        name="王强", phone=SHARED_LANDLINE, address="中山大道西8号1202", user_no="U0003", area_id=tianhe))
    bench = Bench(services, company, agent, zhang, (wang_fang, wang_qiang), 0)
    bench.earlier_ticket = services.tickets.register(agent, RegistrationForm(
        description="楼下水管漏水", category_id=bench.leaf("无水"), caller_phone=MOBILE, customer_id=zhang,
        contact_name="张明", address="天河路100号3栋楼下")).id
    yield bench
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)  # no op may outlive the database
    services.close()


def _page(qtbot, bench: Bench) -> WorkbenchPage:
    page = WorkbenchPage(bench.session())
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.form.source_channel.count() > 0, timeout=5000)
    return page


def type_text(qtbot, widget, text: str) -> None:
    """Type `text` as the agent would: ASCII through key presses, Chinese as an input method commits it
    (QTest's key clicks accept ASCII only)."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def test_screen_pop_of_a_mobile_in_another_format_shows_the_customer_and_history(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop("+86 138 0013 8000", {"ivr_trail": ["主菜单", "2 报修"], "call_time": "2026-11-23T09:30:00+08:00"})
    panel = page.customer_panel
    qtbot.waitUntil(lambda: panel.values["name"].text() == "张明", timeout=5000)
    assert panel.caller.text() == "138 0013 8000"
    assert panel.values["user_no"].text() == "U0001"
    assert panel.values["customer_no"].text() == "C0001"
    assert panel.values["mobile"].text() == MOBILE
    assert panel.values["customer_type"].text() == "居民用户"
    assert panel.values["address"].text() == "天河路100号3栋201"
    assert panel.values["meter_no"].text() == "M-0001"
    assert panel.values["area_name"].text() == "天河区"
    assert panel.ivr_trail.text() == "主菜单 → 2 报修" and panel.ivr_trail.isVisible()
    assert not panel.chooser.isVisible()
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=5000)
    assert page.history.model.index(0, 4).data() == "楼下水管漏水"
    form = page.form
    assert form.source_channel.currentData() == "hotline"
    assert form.contact_name.text() == "张明" and form.customer_name.text() == "张明"
    assert form.contact_phone.text() == "138 0013 8000"
    assert form.meter_no.text() == "M-0001" and form.area_id.currentText() == "天河区"

    # The customer's second number finds the same customer.
    page.screen_pop("139-0013-9000", {})
    qtbot.waitUntil(lambda: panel.caller.text() == "139 0013 9000" and panel.values["name"].text() == "张明",
                    timeout=5000)


def test_history_double_click_asks_to_open_the_ticket(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=5000)
    table = page.history.table
    rect = table.visualRect(page.history.model.index(0, 0))
    with qtbot.waitSignal(page.open_ticket_requested, timeout=2000) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real double
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [bench.earlier_ticket]


def test_a_shared_landline_offers_a_choice(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop("(020) 8765 4321", {})
    panel = page.customer_panel
    qtbot.waitUntil(lambda: panel.chooser.count() == 2, timeout=5000)
    assert panel.chooser.isVisible()
    assert panel.values["name"].text() == ""  # nobody chosen yet
    assert "choose" in panel.state_message.text() or "选择" in panel.state_message.text()
    assert page.form.customer_name.text() == ""
    panel.chooser.setFocus()
    qtbot.keyClick(panel.chooser, Qt.Key.Key_Down)  # the keyboard chooses
    qtbot.waitUntil(lambda: panel.values["name"].text() in ("王芳", "王强"), timeout=2000)
    assert page.form.customer_name.text() == panel.values["name"].text()
    assert page.form.snapshot()["customer_id"] in bench.shared_ids


def test_a_withheld_number_is_not_used_as_the_contact_phone(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop("anonymous", {})
    qtbot.waitUntil(lambda: page.customer_panel.new_customer_button.property("suggested") is True, timeout=5000)
    assert page.customer_panel.caller.text() == "anonymous"
    assert page.form.contact_phone.text() == "" and page.form.snapshot()["caller_phone"] is None


def test_an_unknown_number_offers_a_new_customer(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop("13700137000", {})
    panel = page.customer_panel
    qtbot.waitUntil(lambda: panel.new_customer_button.property("suggested") is True, timeout=5000)
    assert panel.values["name"].text() == ""
    qtbot.mouseClick(panel.new_customer_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(NewCustomerDialog)
    assert dialog is not None and dialog.mobile.text() == "13700137000"
    type_text(qtbot, dialog.name, "赵雷")
    type_text(qtbot, dialog.address, "体育西路1号")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: panel.values["name"].text() == "赵雷", timeout=5000)
    assert page.form.address.text() == "体育西路1号"


def _type_registration(qtbot, page: WorkbenchPage, description: str = "家里没水，整栋楼都停了") -> None:
    """Fill the form from the first field by keyboard only: Tab, arrows and typing."""
    form = page.form
    form.source_channel.setFocus()
    assert form.source_channel.hasFocus()

    def tab() -> None:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)

    tab()  # urgency
    assert form.urgency.hasFocus()
    qtbot.keyClick(form.urgency, Qt.Key.Key_Down)  # normal → urgent
    tab()  # contact name (already filled from the customer)
    assert form.contact_name.hasFocus()
    tab()
    assert form.contact_phone.hasFocus()
    tab()
    level1, level2, level3 = form.category.combos
    assert level1.hasFocus()
    for _ in range(level1.findText("故障申报")):
        qtbot.keyClick(level1, Qt.Key.Key_Down)
    tab()
    qtbot.keyClick(level2, Qt.Key.Key_Down)  # 供水故障
    tab()
    qtbot.keyClick(level3, Qt.Key.Key_Down)  # 无水
    tab()
    assert form.customer_name.hasFocus()
    tab()
    tab()
    tab()
    assert form.address.hasFocus()
    qtbot.keyClick(form.address, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, form.address, "天河路100号3栋")
    tab()
    assert form.search_button.hasFocus()
    tab()  # the similar-tickets table is hidden until a search: straight on to the description
    assert form.description.hasFocus()
    type_text(qtbot, form.description, description)
    tab()
    assert form.opinion.hasFocus()
    type_text(qtbot, form.opinion, "请尽快派单")


def test_fill_by_keyboard_and_submit_with_ctrl_enter(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop("+86 138 0013 8000", {"call_time": "2026-11-23T09:30:00+08:00"})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    _type_registration(qtbot, page)
    qtbot.keyClick(page.form.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form.last_ticket_number() is not None, timeout=5000)
    number = page.form.last_ticket_number()
    assert number in page.form.last_ticket.text() and page.form.last_ticket.isVisible()
    with bench.services.uow() as uow:
        ticket = uow.session.scalars(select(Ticket).where(Ticket.number == number)).one()
        assert ticket.description == "家里没水，整栋楼都停了"
        assert ticket.opinion == "请尽快派单"
        assert ticket.category_id == bench.leaf("无水")
        assert ticket.urgency == "urgent" and ticket.source_channel == "hotline"
        assert ticket.customer_id == bench.zhang_id and ticket.contact_name == "张明"
        assert ticket.caller_phone_key == MOBILE and ticket.address == "天河路100号3栋"
        assert ticket.meter_no == "M-0001" and ticket.area_id == bench.company.area_ids["天河区"]
        assert ticket.call_time is not None
    assert page.form.description.toPlainText() == "" and page.form.category.category_id() is None
    assert page.form.customer_name.text() == "张明"  # the call goes on: its defaults are back
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 2, timeout=5000)
    assert page.history.model.index(0, 0).data() == number
    qtbot.waitUntil(lambda: not draft_path(bench.agent.account).exists() or
                    "description" not in draft_path(bench.agent.account).read_text(encoding="utf-8"), timeout=3000)


def test_alt_mnemonics_reach_the_fields(qtbot, bench):
    page = _page(qtbot, bench)
    form = page.form
    form.contact_name.setFocus()
    for key, widget in ((Qt.Key.Key_I, form.description), (Qt.Key.Key_G, form.category.combos[0]),
                        (Qt.Key.Key_E, form.address), (Qt.Key.Key_P, form.opinion), (Qt.Key.Key_S, form.source_channel)):
        qtbot.keyClick(QApplication.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        assert widget.hasFocus(), key


def test_enter_on_the_submit_button_submits(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    page.form.category.set_category_id(bench.leaf("无水"))
    page.form.description.setPlainText("没水")
    page.form.submit_button.setFocus()
    qtbot.keyClick(page.form.submit_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.form.last_ticket_number() is not None, timeout=5000)


def test_a_missing_description_is_shown_next_to_the_field_and_nothing_is_written(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    _type_registration(qtbot, page, description="")
    before = page.form.snapshot()
    with bench.services.uow() as uow:
        count = len(uow.session.scalars(select(Ticket.id)).all())
    qtbot.keyClick(page.form.opinion, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.form.field_error("description") != "", timeout=5000)
    assert page.form.field_error("description") == "请填写服务描述。"
    assert page.form.message.text() == "请填写服务描述。"
    assert page.form.errors[page.form.description].isVisible()
    assert page.form.description.hasFocus()
    assert page.form.snapshot() == before  # nothing lost
    assert page.form.last_ticket_number() is None
    with bench.services.uow() as uow:
        assert len(uow.session.scalars(select(Ticket.id)).all()) == count
    # Typing into the field removes its message.
    type_text(qtbot, page.form.description, "没水")
    assert page.form.field_error("description") == ""


def test_a_branch_category_is_refused_next_to_the_picker_in_english(qtbot, bench):
    from agent_app.ui import i18n

    i18n.set_language("en")
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    page.form.category.combos[0].setCurrentIndex(1)  # a first-level branch only
    page.form.description.setPlainText("没水")
    page.form.submit()
    qtbot.waitUntil(lambda: page.form.field_error("category_id") != "", timeout=5000)
    assert page.form.field_error("category_id") == "Please choose a service category down to its last level."


def test_the_draft_survives_recreating_the_page(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    page.form.category.set_category_id(bench.leaf("无水"))
    page.form.urgency.setCurrentIndex(page.form.urgency.findData("critical"))
    page.form.description.setFocus()
    type_text(qtbot, page.form.description, "草稿内容")
    path = draft_path(bench.agent.account)
    qtbot.waitUntil(lambda: path.exists() and "草稿内容" in path.read_text(encoding="utf-8"), timeout=3000)
    page.close()
    page.deleteLater()
    qtbot.wait(10)

    again = _page(qtbot, bench)
    form = again.form
    assert form.description.toPlainText() == "草稿内容"
    assert form.customer_name.text() == "张明"
    qtbot.waitUntil(lambda: form.category.category_id() == bench.leaf("无水"), timeout=5000)
    assert form.snapshot()["customer_id"] == bench.zhang_id
    assert form.snapshot()["caller_phone"] == MOBILE


def test_a_failed_submit_keeps_the_form_and_the_draft(qtbot, bench, monkeypatch):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    page.form.category.set_category_id(bench.leaf("无水"))
    page.form.description.setPlainText("断网前写的")

    def unreachable(*_args, **_kwargs):
        raise ConnectionError("connection refused")

    monkeypatch.setattr(bench.services.tickets, "register", unreachable)
    page.form.submit()
    qtbot.waitUntil(lambda: page.form.message.property("error") is True, timeout=5000)
    assert "无法连接数据库" in page.form.message.text()
    assert page.form.description.toPlainText() == "断网前写的"
    assert page.form.submit_button.isEnabled()
    assert "断网前写的" in draft_path(bench.agent.account).read_text(encoding="utf-8")


def test_escape_clears_after_confirmation(qtbot, bench):
    page = _page(qtbot, bench)
    page.form.description.setFocus()
    type_text(qtbot, page.form.description, "不要了")
    qtbot.keyClick(page.form.description, Qt.Key.Key_Escape)
    box = page.findChild(QMessageBox, "confirmClearBox")
    assert box is not None
    box.button(QMessageBox.StandardButton.No).click()
    assert page.form.description.toPlainText() == "不要了"
    qtbot.keyClick(page.form.description, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.findChild(QMessageBox, "confirmClearBox") is not None)
    page.findChild(QMessageBox, "confirmClearBox").button(QMessageBox.StandardButton.Yes).click()
    assert page.form.description.toPlainText() == ""


def test_address_search_lists_an_earlier_ticket_and_linking_creates_a_related_link(qtbot, bench):
    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.form.customer_name.text() == "张明", timeout=5000)
    form = page.form
    form.address.setFocus()
    qtbot.keyClick(form.address, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, form.address, "天河路100号")
    qtbot.mouseClick(form.search_button, Qt.MouseButton.LeftButton)
    model = form.similar.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5000)
    assert model.row_at(0).id == bench.earlier_ticket
    form.similar.table.setFocus()
    qtbot.keyClick(form.similar.table, Qt.Key.Key_Return)  # Enter links the selected row
    assert form.related_to() == bench.earlier_ticket
    assert form.related_label.isVisible()
    form.category.set_category_id(bench.leaf("无水"))
    form.description.setPlainText("同一处又漏了")
    form.submit()
    qtbot.waitUntil(lambda: form.last_ticket_number() is not None, timeout=5000)
    with bench.services.uow() as uow:
        new_id = uow.session.scalars(select(Ticket.id).where(Ticket.number == form.last_ticket_number())).one()
        links = uow.session.scalars(select(TicketLink).where(TicketLink.kind == "related")).all()
        assert {(link.ticket_id, link.other_id) for link in links} & {(new_id, bench.earlier_ticket),
                                                                    (bench.earlier_ticket, new_id)}
    assert form.related_to() is None  # cleared with the form


def test_a_screen_pop_before_the_choices_have_loaded(qtbot, bench):
    page = WorkbenchPage(bench.session())
    qtbot.addWidget(page)
    page.screen_pop(MOBILE, {})  # at once, while the categories and dictionaries are still loading
    qtbot.waitUntil(lambda: page.form.area_id.currentText() == "天河区", timeout=5000)
    assert page.form.source_channel.currentData() == "hotline"


def test_the_panels_come_one_turn_each_in_reading_order(qtbot, bench):
    """No single turn of the GUI thread builds the whole page (the sign-in's longest freeze); the
    form, the largest panel, is built in one turn and shown in the next."""
    page = WorkbenchPage(bench.session())
    qtbot.addWidget(page)
    page.show()
    assert not page.panels_built() and page.findChildren(QWidget, "historyTable") == []

    def state() -> list[str]:
        widgets = [(name, page.findChild(QWidget, name)) for name in ("customerChooser", "sourceChannel", "historyTable")]
        return [f"{name} (hidden)" if name == "sourceChannel" and not widget.isVisibleTo(page) else name
                for name, widget in widgets if widget is not None]

    turns: list[list[str]] = []
    for _ in range(100):
        if page.panels_built():
            break
        QApplication.processEvents()  # one pass of the event loop
        if state() and (not turns or state() != turns[-1]):
            turns.append(state())
    assert turns[:4] == [
        ["customerChooser"], ["customerChooser", "sourceChannel (hidden)"], ["customerChooser", "sourceChannel"],
        ["customerChooser", "sourceChannel", "historyTable"]]
    assert page.history.table.isVisible() and page.form.source_channel.isVisible()
    qtbot.waitUntil(lambda: page.form.source_channel.count() > 0, timeout=5000)


def test_notices_and_customer_details_open_with_their_data(qtbot, bench):
    from agent_app.ui.workbench.dialogs import CustomerDetailDialog, NoticesDialog

    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.customer_panel.details_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(page.customer_panel.notices_button, Qt.MouseButton.LeftButton)
    notices = page.findChild(NoticesDialog)
    qtbot.waitUntil(lambda: notices.browser.toPlainText() == "目前没有通知公告。", timeout=5000)
    qtbot.mouseClick(page.customer_panel.details_button, Qt.MouseButton.LeftButton)
    details = page.findChild(CustomerDetailDialog)
    qtbot.waitUntil(lambda: details.form.rowCount() == 9, timeout=5000)
    shown = [details.form.itemAt(row, details.form.ItemRole.FieldRole).widget().text()
             for row in range(details.form.rowCount())]
    assert "张明" in shown and "M-0001" in shown and "居民用户" in shown


def test_the_page_is_registered_for_the_workbench_permission():
    from agent_app.ui.pages import discover

    page = next(p for p in discover() if p.key == "workbench")
    assert (page.permission, page.order, page.title) == ("menu:workbench", 20, "Agent workbench")
    assert page.translated_title() == "坐席工作台"


def test_my_to_dos_asks_for_the_pending_folder(qtbot, bench):
    page = _page(qtbot, bench)
    with qtbot.waitSignal(page.open_tickets_requested, timeout=1000) as opened:
        qtbot.mouseClick(page.customer_panel.pending_button, Qt.MouseButton.LeftButton)
    assert opened.args == ["my_pending"]


def test_memo_is_written_through_the_notes_service(qtbot, bench):
    from agent_app.ui.workbench.dialogs import MemoDialog

    page = _page(qtbot, bench)
    page.screen_pop(MOBILE, {})
    qtbot.waitUntil(lambda: page.customer_panel.current_customer() is not None, timeout=5000)
    qtbot.mouseClick(page.customer_panel.memo_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(MemoDialog)
    type_text(qtbot, dialog.editor, "下午回电张先生")
    dialog.save()
    qtbot.waitUntil(lambda: [m.content for m in bench.services.notes.memos(bench.agent)] == ["下午回电张先生"],
                    timeout=5000)


@pytest.mark.parametrize("model_class", [HistoryModel, SimilarTicketsModel])
def test_models_pass_the_model_tester(qtmodeltester, bench, model_class):
    model = model_class()
    if model_class is HistoryModel:
        rows = bench.services.lookup.by_phone(bench.agent, MOBILE).tickets
    else:
        rows = bench.services.queries.similar_by_address(bench.agent, "天河路")
    assert rows
    model.set_rows(rows)
    qtmodeltester.check(model)
    model.set_rows([])
    qtmodeltester.check(model)


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_the_page_is_fully_translated_after_a_screen_pop_and_follows_a_language_switch(qtbot, bench, lang):
    from agent_app.ui import i18n
    from tests.ui.test_shell_translations import untranslated, visible_texts

    page = _page(qtbot, bench)
    page.screen_pop("+86 138 0013 8000", {"ivr_trail": "主菜单 → 报修"})
    qtbot.waitUntil(lambda: page.history.model.rowCount() == 1, timeout=5000)
    page.form.address.setText("天河路")
    page.form.search_similar()
    qtbot.waitUntil(lambda: page.form.similar.model.rowCount() == 1, timeout=5000)
    i18n.set_language(lang)
    expected = "服务登记" if lang == "zh_CN" else "Service registration"
    qtbot.waitUntil(lambda: page.form.title.text() == expected, timeout=2000)
    assert untranslated(visible_texts(page), lang) == []
    headers = [page.history.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers[0] == ("工单编号" if lang == "zh_CN" else "Ticket no.")
    assert page.form.source_channel.currentText() == ("热线" if lang == "zh_CN" else "hotline")
    assert page.customer_panel.values["customer_type"].text() == ("居民用户" if lang == "zh_CN" else "resident")
