"""Possible duplicates: tickets at addresses containing a keyword (发生地点 → 查询), and linking the
ticket being registered to one of them (`RegistrationForm.related_to`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from agent_app.services.queries import TicketRow
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import QueryOp
from agent_app.ui.workbench.models import SimilarColumn, SimilarTicketsModel


class SimilarTicketsPanel(QWidget):
    """Hidden until a search ran; `link_requested(ticket_id, number)` when the agent links one."""

    link_requested = Signal(int, str)

    def __init__(self, services: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._count: int | None = None
        self.model = SimilarTicketsModel(self)
        self.summary = QLabel(self, objectName="similarSummary")
        self.table = QTableView(self, objectName="similarTable")
        self.table.setModel(self.model)
        self.table.setProperty("dataText", True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setMaximumHeight(150)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SimilarColumn.ADDRESS, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._link_index)  # double-click or Enter
        self.link_button = QPushButton(self, objectName="linkButton")
        self.link_button.clicked.connect(lambda: self._link_index(self.table.currentIndex()))
        self.close_button = QPushButton(self, objectName="closeSimilarButton", flat=True)
        self.close_button.clicked.connect(self.hide)

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.summary, 1)
        top.addWidget(self.link_button)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        self._retranslate()
        self.hide()

    def search(self, keyword: str) -> None:
        keyword = keyword.strip()
        self.show()
        self.model.set_rows([])
        self._count = None
        self.summary.setText(self.tr("Searching…"))
        actor = self._actor
        QueryOp(self, op=lambda: self._services.queries.similar_by_address(actor, keyword),
                success=self._show).failure(self._failed).run_in_background()

    def _show(self, rows: list[TicketRow]) -> None:
        self.model.set_rows(rows)
        self._count = len(rows)
        self._retranslate()
        if rows:
            self.table.selectRow(0)

    def _failed(self, error: Exception) -> None:
        self._count = None
        self.summary.setText(error_message(error))

    def _link_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row_at(index.row())
        self.link_requested.emit(row.id, row.number)

    def _retranslate(self) -> None:
        self.link_button.setText(self.tr("&Link to selected"))
        self.link_button.setToolTip(self.tr("Register the new ticket as related to the selected one"))
        self.close_button.setText(self.tr("Hide"))
        if self._count is not None:
            self.summary.setText(self.tr("Tickets at similar addresses: %1").replace("%1", str(self._count)))
        self.link_button.setEnabled(bool(self._count))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
