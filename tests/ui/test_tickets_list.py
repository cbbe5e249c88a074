"""工单管理 list side: tree counts, lazy keyset loading, columns remembered per user, quick query,
sorting and page jumps, on a real migrated SQLite database with the demo organisation."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QStyledItemDelegate
from sqlalchemy import update

from agent_app.services.models import Ticket

from agent_app.ui.ops import runner
from agent_app.ui.tickets.column_chooser import COLUMN_ROLE, ColumnChooser
from agent_app.ui.tickets.columns import Column
from agent_app.ui.tickets.list_delegate import TicketListDelegate
from agent_app.ui.tickets.page import PAGE
from agent_app.ui.tickets.tickets_page import TicketsPage
from tests.ui.test_tickets_world import settle, world  # noqa: F401 - the fixture

PAGE_SIZE = 50


def _page(qtbot, world, key: str = "dispatcher") -> TicketsPage:  # noqa: F811
    page = TicketsPage(world.session(key))
    qtbot.addWidget(page)
    page.resize(1400, 850)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: bool(page.tree.counts()))  # the folder counts come after the first paint
    settle(qtbot)
    return page


def test_page_is_registered_for_the_tickets_menu():
    assert (PAGE.key, PAGE.permission, PAGE.title, PAGE.order) == ("tickets", "menu:tickets", "Tickets", 30)


def test_tree_shows_the_folders_of_the_role_with_counts(qtbot, world):  # noqa: F811
    first = world.register()
    world.register(address="越秀区中山五路8号")
    world.perform("dispatcher", first, "dispatch", target_id=world.a.target_ids["供水管网部"])
    agent_page = _page(qtbot, world, "agent")
    assert agent_page.tree.folders == ["my_pending", "my_processed", "my_applications"]
    assert agent_page.tree.counts()["my_applications"] == 2
    dispatcher = _page(qtbot, world, "dispatcher")
    assert "all" in dispatcher.tree.folders and "kind:fault" in dispatcher.tree.folders
    counts = dispatcher.tree.counts()
    assert counts["all"] == 2 and counts["my_pending"] == 1 and counts["my_processed"] == 1
    assert counts["kind:fault"] == 2
    texts = [dispatcher.tree.tree_model.index(1, 0).data()]
    assert texts == ["所有工单 (2)"]
    # opened with 待处理工单
    assert dispatcher.model.query.folder == "my_pending" and dispatcher.model.rowCount() == 1
    assert dispatcher.open_folder("kind:complaint") and dispatcher.model.query.folder == "kind:complaint"
    assert not agent_page.open_folder("all")


def test_models_pass_the_model_tester(qtbot, qtmodeltester, world):  # noqa: F811
    for _ in range(3):
        world.register()
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    assert page.model.rowCount() == 3
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.tree.tree_model)


def test_list_loads_lazily_page_by_page(qtbot, world):  # noqa: F811
    for index in range(120):
        world.register(address=f"天河区天河路{index + 1}号")
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    assert page.model.fetches == 1
    assert page.model.rowCount() == PAGE_SIZE
    assert page.pager.summary.text() == "共 120 条，第 1/3 页"
    assert page.model.canFetchMore()

    page.view.scrollToBottom()  # the view asks the model for more when it reaches the end
    qtbot.waitUntil(lambda: page.model.rowCount() == 2 * PAGE_SIZE)
    settle(qtbot)
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() == 120)
    settle(qtbot)
    assert page.model.fetches == 3 and not page.model.canFetchMore()
    numbers = [page.model.row_at(row).number for row in range(120)]
    assert numbers == sorted(numbers, reverse=True) and len(set(numbers)) == 120

    # a change elsewhere reloads the list: the rows and the ticket the user was at stay
    page.view.setCurrentIndex(page.model.index(80, Column.ADDRESS))
    page.view.scrollTo(page.model.index(80, 0))
    runner().changed.emit(frozenset({"tickets"}))
    qtbot.waitUntil(lambda: page.model.fetches == 1 and not page.model.loading)
    settle(qtbot)
    assert page.model.rowCount() == 120
    assert page.view.currentIndex().row() == 80 and page.view.rowAt(0) > 50

    page.pager.page.setValue(3)  # 页码跳转: page 3 starts at row 100, by offset
    qtbot.mouseClick(page.pager.go, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.model.offset == 100 and page.model.rowCount() == 20
    assert page.model.row_at(0).number == numbers[100]


def test_sorting_by_a_sortable_column_is_done_by_the_server(qtbot, world):  # noqa: F811
    ids = [world.register() for _ in range(3)]
    world.perform("agent", ids[0], "urge")
    world.perform("agent", ids[0], "urge")
    world.perform("agent", ids[2], "urge")
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    page.set_columns([Column.NUMBER, Column.URGE_COUNT, Column.DESCRIPTION])
    header = page.view.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(header.sectionViewportPosition(Column.URGE_COUNT) + 10, 10))
    settle(qtbot)
    assert page.model.query.sort == "urge_count"
    counts = [page.model.row_at(row).urge_count for row in range(3)]
    assert counts in ([0, 1, 2], [2, 1, 0])
    # the description is not sortable on the server: the indicator stays
    page._sort_requested(Column.DESCRIPTION, Qt.SortOrder.AscendingOrder)
    assert header.sortIndicatorSection() == Column.URGE_COUNT


def test_quick_query_filters_by_address(qtbot, world):  # noqa: F811
    world.register(address="越秀区中山五路8号")
    world.register(address="天河区天河路100号")
    world.register(address="越秀区中山五路12号")
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    assert page.model.rowCount() == 3
    page.query_bar.address.setFocus()
    page.query_bar.address.insert("中山五路")  # QTest cannot type Chinese: as if pasted
    qtbot.keyClick(page.query_bar.address, Qt.Key.Key_Return)
    settle(qtbot)
    addresses = sorted(page.model.row_at(row).address for row in range(page.model.rowCount()))
    assert addresses == ["越秀区中山五路12号", "越秀区中山五路8号"]
    assert page.pager.summary.text().startswith("共 2 条")
    qtbot.mouseClick(page.query_bar.reset_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.model.rowCount() == 3 and page.query_bar.address.text() == ""


def test_advanced_query_sets_every_condition(qtbot, world):  # noqa: F811
    world.register(address="越秀区中山五路8号", urgency="critical")
    world.register()
    order = world.work_order()
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    dialog = page.advanced_search()
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("critical"))
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert page.model.rowCount() == 1 and page.model.row_at(0).urgency == "critical"
    dialog = page.advanced_search()
    assert dialog.urgency.currentData() == "critical"  # the dialog starts from the current conditions
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    dialog.ticket_type.setCurrentIndex(dialog.ticket_type.findData("repair"))
    dialog.product_line.setCurrentIndex(dialog.product_line.findData("smart_meter"))
    qtbot.keyClicks(dialog.device_sn, "SM-2026")
    dialog.customer_name.insert("天河花园")
    qtbot.mouseClick(dialog.search_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert [page.model.row_at(row).id for row in range(page.model.rowCount())] == [order]
    assert page.model.text(page.model.row_at(0), Column.PRODUCT_LINE) == "智能水表"  # names, not codes
    assert page.model.text(page.model.row_at(0), Column.STATUS) == "未处理"


def test_column_choice_and_order_survive_recreating_the_page(qtbot, world):  # noqa: F811
    world.register()
    page = _page(qtbot, world)
    chooser = page.choose_columns()
    assert isinstance(chooser, ColumnChooser)
    chooser.set_checked(Column.DESCRIPTION, False)
    chooser.set_checked(Column.ENGINEER, True)
    items = [chooser.list.item(row) for row in range(chooser.list.count())]
    address_row = next(row for row, item in enumerate(items) if item.data(COLUMN_ROLE) == Column.ADDRESS)
    chooser.list.setCurrentRow(address_row)
    for _ in range(address_row):
        qtbot.mouseClick(chooser.up, Qt.MouseButton.LeftButton)  # address first
    chooser.accept()
    expected = page.shown_columns()
    assert expected[0] == Column.ADDRESS and Column.ENGINEER in expected and Column.DESCRIPTION not in expected
    # dragging a header saves the new order too
    header = page.view.horizontalHeader()
    header.moveSection(header.visualIndex(Column.STATUS), 0)
    expected = page.shown_columns()
    assert expected[0] == Column.STATUS
    page.close()
    page.deleteLater()
    settle(qtbot)

    again = _page(qtbot, world)
    assert again.shown_columns() == expected
    assert again.view.horizontalHeader().isSectionHidden(Column.DESCRIPTION)
    other_user = _page(qtbot, world, "callback")
    assert other_user.shown_columns()[0] == Column.NUMBER  # per account


def test_details_link_and_enter_open_the_ticket(qtbot, world):  # noqa: F811
    ticket_id = world.register()
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    rect = page.view.visualRect(page.model.index(0, Column.DETAILS))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert list(page.dialogs) == [ticket_id]
    dialog = page.dialogs[ticket_id]
    qtbot.waitUntil(lambda: dialog.detail is not None)
    settle(qtbot)
    dialog.close()
    settle(qtbot)
    assert page.dialogs == {}
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert list(page.dialogs) == [ticket_id]
    settle(qtbot)


def _cells_painted(page: TicketsPage) -> list[QImage]:
    """The list's viewport as painted, scrolled from the first column to the last."""
    bar = page.view.horizontalScrollBar()
    images = []
    for value in (bar.minimum(), bar.maximum()):
        bar.setValue(value)
        images.append(page.view.viewport().grab().toImage())
    return images


def test_the_list_paints_what_qts_own_delegate_paints(qtbot, world):  # noqa: F811
    """The list's delegate asks the model once per cell (list_delegate): texts, right-aligned
    numbers, the blue 详情 link and an overdue ticket's due date and days in red come out pixel
    for pixel as with Qt's delegate asking role by role."""
    late = world.register()
    world.register(address="越秀区中山五路8号", urgency="normal")
    world.perform("dispatcher", late, "dispatch", target_id=world.a.target_ids["供水管网部"])
    with world.services.uow() as uow:  # three days past its due time
        uow.session.execute(update(Ticket).where(Ticket.id == late).values(
            due_at=datetime.now(timezone.utc) - timedelta(days=3)))
        uow.commit()
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    overdue = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).id == late)
    assert int(page.model.index(overdue, Column.OVERDUE_DAYS).data()) >= 3
    assert isinstance(page.view.itemDelegate(), TicketListDelegate)
    ours = _cells_painted(page)
    page.view.setItemDelegate(QStyledItemDelegate(page.view))
    qts = _cells_painted(page)
    assert ours == qts
    page.view.setItemDelegate(TicketListDelegate(page.model, page.view))
    page.view.scrollTo(page.model.index(overdue, Column.DUE_AT))
    image = page.view.viewport().grab().toImage()
    cell = page.view.visualRect(page.model.index(overdue, Column.DUE_AT))
    red = QColor("#c0392b").rgb()
    assert any(image.pixel(x, y) == red for x in range(cell.left(), cell.right())
               for y in range(cell.top(), cell.bottom()))


def test_tree_counts_follow_other_desktops_on_a_timer(qtbot, world):  # noqa: F811
    page = _page(qtbot, world)
    assert page.tree.counts()["all"] == 0
    page.tree.timer.setInterval(50)
    world.register()  # another desktop registers: no change signal reaches this one
    qtbot.waitUntil(lambda: page.tree.counts()["all"] == 1)


def test_switching_to_english_at_run_time(qtbot, world):  # noqa: F811
    from agent_app.ui import i18n

    ticket_id = world.register()
    page = _page(qtbot, world)
    page.open_folder("all")
    settle(qtbot)
    dialog = page.open_ticket(ticket_id)
    qtbot.waitUntil(lambda: dialog.detail is not None)
    settle(qtbot)
    assert page.model.headerData(Column.NUMBER, Qt.Orientation.Horizontal) == "工单编号"
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.query_bar.search_button.text() == "Search")
    assert page.model.headerData(Column.NUMBER, Qt.Orientation.Horizontal) == "Ticket no."
    assert page.tree.tree_model.index(1, 0).data() == "All tickets (1)"
    assert page.folder_title.text() == "All tickets"
    assert page.model.text(page.model.row_at(0), Column.STATUS) == "Registered"
    assert page.model.text(page.model.row_at(0), Column.URGENCY) == "urgent"
    assert dialog.tabs.tabText(1) == "History" and dialog.action_buttons["dispatch"].text() == "Dispatch"
    assert dialog.history.index(0, 1).data() == "Register"


def test_provider_people_start_with_the_work_order_columns(qtbot, world):  # noqa: F811
    page = _page(qtbot, world, "engineer")
    assert page.shown_columns()[:7] == [Column.NUMBER, Column.REGISTERED_AT, Column.TICKET_TYPE, Column.STATUS,
                                        Column.PRODUCT_LINE, Column.DEVICE_SN, Column.ENGINEER]
