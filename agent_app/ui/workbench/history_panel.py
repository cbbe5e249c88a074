"""服务历史: the caller's newest tickets; double-click (or Enter) asks to open a ticket."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from agent_app.services.lookup import HistoryRow
from agent_app.ui.workbench.models import ID_ROLE, HistoryColumn, HistoryModel


class HistoryPanel(QWidget):
    open_ticket_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self, objectName="sectionTitle")
        self.empty = QLabel(self, objectName="historyEmpty")
        self.model = HistoryModel(self)
        self.table = QTableView(self, objectName="historyTable")
        self.table.setModel(self.model)
        self.table.setProperty("dataText", True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryColumn.DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open)  # double-click or Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._loaded = False
        self._retranslate()

    def show_rows(self, rows: list[HistoryRow]) -> None:
        self.model.set_rows(rows)
        self._loaded = True
        self._retranslate()

    def clear(self) -> None:
        self.model.set_rows([])
        self._loaded = False
        self._retranslate()

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_ticket_requested.emit(int(index.data(ID_ROLE)))

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Service history"))
        self.empty.setText(self.tr("No earlier tickets of this caller.") if self._loaded
                           else self.tr("The history of the caller appears here."))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
