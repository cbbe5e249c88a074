"""工单管理 (seed 004 §5): the ticket tree on the left; on the right the quick query bar, the list
and the pager. Opens with the user's 待处理工单; tickets open in their own detail windows."""

from __future__ import annotations

import dataclasses

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.queries import TicketQuery
from agent_app.ui.error_text import show_error
from agent_app.ui.ops import QueryOp, runner
from agent_app.ui.turns import later
from agent_app.ui.session import Session
from agent_app.ui.tickets import column_settings
from agent_app.ui.tickets.advanced_query import AdvancedQueryDialog
from agent_app.ui.tickets.column_chooser import ColumnChooser
from agent_app.ui.tickets.columns import Column
from agent_app.ui.tickets.detail_dialog import TicketDetailDialog
from agent_app.ui.tickets.list_delegate import TicketListDelegate
from agent_app.ui.tickets.list_model import TicketListModel
from agent_app.ui.tickets.lookups import Lookups, load_lookups
from agent_app.ui.tickets.pager import Pager
from agent_app.ui.tickets.query_bar import QueryBar
from agent_app.ui.tickets.tree import TicketTree

DEFAULT_FOLDER = "my_pending"
RELOAD_DELAY_MS = 300  # several changes in a row reload the list once


class TicketsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketsPage")
        self.session = session
        self._services = session.services
        self._actor = session.actor
        self.lookups = Lookups()
        self.dialogs: dict[int, TicketDetailDialog] = {}
        self._count_generation = 0
        self._restore_token: object | None = None
        self._build()
        self.retranslate()
        self._restore_columns()
        runner().changed.connect(self._changed)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_DELAY_MS)
        self._reload_timer.timeout.connect(self._reload_after_change)
        self._queried = False
        later(self, self._load_lookups)
        later(self, self._open_default_folder)

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        # Parents first: a widget moved into another parent has the style sheet resolved again for
        # it and all its descendants. Built bottom-up, most of the page's ~90 widgets went through
        # that three times (list pane → splitter → page), ~12 ms of the GUI thread per opening.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="ticketsSplitter")
        layout.addWidget(self.splitter)
        self.tree = TicketTree(self._services, self._actor)
        self.tree.folder_selected.connect(self.open_folder)
        self.tree.setMinimumWidth(170)
        self.splitter.addWidget(self.tree)
        right = QWidget(objectName="ticketListPane")
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([190, 1200])
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 8)

        self.folder_title = QLabel(objectName="folderTitle")
        self.folder_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.query_bar = QueryBar()
        self.query_bar.search.connect(self.search)
        self.query_bar.advanced.connect(self.advanced_search)
        self.query_bar.reset.connect(self.reset)

        self.model = TicketListModel(self._services, self._actor, parent=self)
        self.model.loading_changed.connect(self._loading_changed)
        self.model.failed.connect(lambda error: show_error(self, error))
        self.view = QTableView(objectName="ticketList")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TicketListDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        header.sectionMoved.connect(self._columns_moved)
        header.setSortIndicator(*self.model.sort_column())
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._sort_requested)
        header.setSectionsClickable(True)
        self.view.doubleClicked.connect(self._activated)
        self.view.clicked.connect(self._clicked)
        self.view.activated.connect(self._activated)  # Enter on a row (and a double click on some styles)
        self.view.verticalScrollBar().valueChanged.connect(self._scrolled)

        self.details_button = QPushButton(objectName="openDetails")
        self.details_button.clicked.connect(self.open_current)
        self.columns_button = QPushButton(objectName="chooseColumns")
        self.columns_button.clicked.connect(self.choose_columns)
        self.refresh_button = QPushButton(objectName="refreshList")
        self.refresh_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.refresh_button.clicked.connect(self.refresh)
        self.loading = QLabel(objectName="listLoading")
        self.loading.setStyleSheet("color: #5b6b7b;")
        tools = QHBoxLayout()
        tools.addWidget(self.folder_title)
        tools.addSpacing(12)
        tools.addWidget(self.loading)
        tools.addStretch(1)
        for button in (self.details_button, self.columns_button, self.refresh_button):
            tools.addWidget(button)

        self.pager = Pager(self.model.page_size)
        self.pager.page_size_changed.connect(self._page_size_changed)
        self.pager.jump.connect(self.jump_to_page)

        right_layout.addWidget(self.query_bar)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.pager)

    def _open_default_folder(self) -> None:
        """After the first paint, unless the code that opened the page showed a folder meanwhile
        (the workbench's "my pending", a ticket from the history): its query would be dropped."""
        if not self._queried and not self.tree.select_folder(DEFAULT_FOLDER):
            self.run_query(TicketQuery(folder=DEFAULT_FOLDER))

    def _load_lookups(self) -> None:
        services, actor = self._services, self._actor
        QueryOp(self, op=lambda: load_lookups(services, actor), success=self._lookups_loaded).run_in_background()

    def _lookups_loaded(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self.model.set_lookups(lookups)
        self.query_bar.set_lookups(lookups)

    # -- what the main window and the workbench call ----------------------------------------
    def open_folder(self, folder: str) -> bool:
        """Show the folder `folder` (my_pending, my_processed, my_applications, all, kind:<kind>),
        keeping the query conditions; False if this user has no such folder."""
        if folder not in self.tree.folders:
            return False
        if self.tree.current_folder() != folder:
            return self.tree.select_folder(folder)  # comes back here through folder_selected
        self.run_query(dataclasses.replace(self.model.query, folder=folder))
        return True

    def open_ticket(self, ticket_id: int) -> TicketDetailDialog:
        """Open (or bring to the front) the detail window of a ticket."""
        dialog = self.dialogs.get(ticket_id)
        if dialog is not None and shiboken6.isValid(dialog):
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        dialog = TicketDetailDialog(self._services, self._actor, ticket_id, self.lookups, self)
        dialog.open_ticket.connect(self.open_ticket)
        dialog.destroyed.connect(lambda _obj=None, key=ticket_id: self.dialogs.pop(key, None))
        self.dialogs[ticket_id] = dialog
        dialog.show()
        return dialog

    # -- querying ----------------------------------------------------------------------------
    def run_query(self, query: TicketQuery, offset: int = 0, at_least: int = 0) -> None:
        self._queried = True
        self._restore_token = None
        self.model.set_query(query, offset=offset, page_size=self.pager.page_size, at_least=at_least)
        self.pager.set_position(offset)
        self._count(query)
        self._show_folder_title()

    def _count(self, query: TicketQuery) -> None:
        self._count_generation += 1
        generation = self._count_generation
        services, actor = self._services, self._actor
        self.pager.set_total(None)

        def show(total: int) -> None:
            if generation == self._count_generation:
                self.pager.set_total(total)

        QueryOp(self, op=lambda: services.queries.count(actor, query), success=show).failure(
            lambda _error: None).run_in_background()

    def search(self) -> None:
        self.run_query(self.query_bar.apply_to(self.model.query))

    def advanced_search(self) -> AdvancedQueryDialog:
        dialog = AdvancedQueryDialog(self.query_bar.apply_to(self.model.query), self.lookups, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            query = dialog.query()
            self.query_bar.load(query)
            self.run_query(query)

        dialog.accepted.connect(accepted)
        dialog.open()
        return dialog

    def reset(self) -> None:
        """重置: every condition back to its initial value, in the current folder."""
        self.query_bar.clear()
        current = self.model.query
        self.run_query(TicketQuery(folder=current.folder, sort=current.sort, descending=current.descending))

    def refresh(self) -> None:
        self.run_query(self.model.query, self.model.offset)
        self.tree.refresh()

    def jump_to_page(self, page: int) -> None:
        self.run_query(self.model.query, offset=(max(page, 1) - 1) * self.pager.page_size)

    def _page_size_changed(self, _size: int) -> None:
        self.run_query(self.model.query)

    def _sort_requested(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.is_sortable(column):
            self.model.sort(column, order)
            self._count(self.model.query)
            return
        header = self.view.horizontalHeader()  # not sortable on the server: keep the indicator where it was
        header.blockSignals(True)
        header.setSortIndicator(*self.model.sort_column())
        header.blockSignals(False)

    def _changed(self, changes: frozenset[str]) -> None:
        if shiboken6.isValid(self) and "tickets" in changes:
            self._reload_timer.start()

    def _reload_after_change(self) -> None:
        """Reload what is shown, and come back to the rows and the ticket the user was at."""
        loaded = self.model.rowCount()
        scrolled = self.view.verticalScrollBar().value()
        current = self.view.currentIndex()
        ticket_id = self.model.row_at(current.row()).id if current.isValid() else None
        column = current.column() if current.isValid() else 0

        token = object()

        def restore() -> None:
            self.model.page_loaded.disconnect(restore)
            if self._restore_token is not token:  # the user ran another query meanwhile
                return
            self.view.doItemsLayout()  # the scroll range follows the new rows now, not later
            self.view.verticalScrollBar().setValue(scrolled)
            rows = [r for r in range(self.model.rowCount()) if self.model.row_at(r).id == ticket_id]
            if rows:
                self.view.setCurrentIndex(self.model.index(rows[0], column))

        self.model.page_loaded.connect(restore)
        self.run_query(self.model.query, self.model.offset, at_least=loaded)
        self._restore_token = token

    def _loading_changed(self, loading: bool) -> None:
        self.loading.setText(self.tr("Loading…") if loading else "")

    def _scrolled(self, _value: int) -> None:
        top = max(self.view.rowAt(0), 0)
        self.pager.set_position(self.model.offset + top)

    # -- opening tickets ---------------------------------------------------------------------
    def open_current(self) -> TicketDetailDialog | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.open_ticket(self.model.row_at(index.row()).id)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != Column.DETAILS:
            self.open_ticket(self.model.row_at(index.row()).id)

    def _clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() == Column.DETAILS:
            self.open_ticket(self.model.row_at(index.row()).id)

    # -- columns -----------------------------------------------------------------------------
    def _restore_columns(self) -> None:
        self._apply_columns(column_settings.load(self._actor))

    def _apply_columns(self, columns: list[Column]) -> None:
        """Without `sectionMoved`: each move would save the settings file again (a write and an
        fsync on the GUI thread, 9 of them for the default columns when the page opened)."""
        header = self.view.horizontalHeader()
        header.blockSignals(True)
        column_settings.apply(header, columns)
        header.blockSignals(False)

    def shown_columns(self) -> list[Column]:
        return column_settings.shown(self.view.horizontalHeader())

    def set_columns(self, columns: list[Column]) -> None:
        self._apply_columns(columns)
        column_settings.save(self._actor.account, self.shown_columns())

    def _columns_moved(self, *_args: int) -> None:
        column_settings.save(self._actor.account, self.shown_columns())

    def choose_columns(self) -> ColumnChooser:
        chooser = ColumnChooser(self.shown_columns(), column_settings.defaults(self._actor), self)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.accepted.connect(lambda: self.set_columns(chooser.chosen()))
        chooser.open()
        return chooser

    def _header_menu(self, position) -> None:  # noqa: ANN001 - QPoint
        menu = QMenu(self)
        menu.addAction(self.tr("Choose columns…"), self.choose_columns)
        menu.popup(self.view.horizontalHeader().mapToGlobal(position))

    # -- language ----------------------------------------------------------------------------
    def _show_folder_title(self) -> None:
        self.folder_title.setText(self.tree.label(self.model.query.folder))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.details_button.setText(self.tr("Details"))
        self.columns_button.setText(self.tr("Columns…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.model.refresh_texts()
        column_settings.fit_widths(self.view.horizontalHeader())
        self._show_folder_title()
