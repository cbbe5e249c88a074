"""话务管理: filter the call records (seed 004 §4.1) and play a recording.

The query runs in a worker (`QueryOp`); the service shows an agent only their own calls unless they
may see everybody's (call.view_all). A recording opens in the system's player: agents already
know it, and it keeps playing when this dialog closes.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.calls import CallFilter, CallRow
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.ui.calls.model import CallRecordsModel, Column
from agent_app.ui.ops import QueryOp


def _date_edit(name: str, day: QDate) -> QDateEdit:
    edit = QDateEdit(day, objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class CallRecordsDialog(QDialog):
    def __init__(self, services: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callRecordsDialog")
        self.setWindowTitle(self.tr("Call records"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._actor = actor
        today = QDate(datetime.now(LOCAL_TZ).date())  # days are the company's days, like the ring times
        self.date_from = _date_edit("callDateFrom", today.addDays(-6))
        self.date_to = _date_edit("callDateTo", today)
        self.agent_no = QLineEdit(objectName="callAgentNo")
        self.caller = QLineEdit(objectName="callCaller")
        self.callee = QLineEdit(objectName="callCallee")
        self.direction = QComboBox(objectName="callDirection")
        for text, value in ((self.tr("All"), None), (self.tr("Inbound"), "in"), (self.tr("Outbound"), "out")):
            self.direction.addItem(text, value)
        self.answered = QComboBox(objectName="callAnswered")
        for text, value in ((self.tr("All"), None), (self.tr("Yes"), True), (self.tr("No"), False)):
            self.answered.addItem(text, value)
        self.ivr_trail = QLineEdit(objectName="callIvrTrail")
        self.search_button = QPushButton(self.tr("&Search"), objectName="callSearchButton")
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        for edit in (self.agent_no, self.caller, self.callee, self.ivr_trail):
            edit.returnPressed.connect(self.search)

        filters = QGridLayout()
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.date_to)
        cells = (
            (self.tr("Call time"), dates), (self.tr("Agent ID"), self.agent_no), (self.tr("Caller"), self.caller),
            (self.tr("Callee"), self.callee), (self.tr("Call type"), self.direction),
            (self.tr("Answered"), self.answered), (self.tr("IVR trail"), self.ivr_trail),
        )
        for position, (label, field) in enumerate(cells):
            row, column = divmod(position, 4)
            filters.addWidget(QLabel(label), row, column * 2)
            if isinstance(field, QHBoxLayout):
                filters.addLayout(field, row, column * 2 + 1)
            else:
                filters.addWidget(field, row, column * 2 + 1)
        filters.addWidget(self.search_button, 1, 7)

        self.model = CallRecordsModel(self)
        self.table = QTableView(objectName="callRecordsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.status = QLabel(objectName="callRecordsStatus")
        self.play_button = QPushButton(self.tr("&Play recording"), objectName="playRecordingButton")
        self.play_button.clicked.connect(self.play_current)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.play_button)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(1360, 640)
        self._update_buttons()
        self.search()

    def call_filter(self) -> CallFilter:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        first = self.date_from.date().toPython()
        last = self.date_to.date().toPython()
        return CallFilter(
            ring_from=datetime.combine(first, time.min, LOCAL_TZ),
            ring_to=datetime.combine(last + timedelta(days=1), time.min, LOCAL_TZ),
            agent_no=text(self.agent_no), caller=text(self.caller), callee=text(self.callee),
            direction=self.direction.currentData(), answered=self.answered.currentData(),
            ivr_trail=text(self.ivr_trail),
        )

    def search(self) -> None:
        actor, query = self._actor, self.call_filter()
        self.search_button.setEnabled(False)
        self.status.setText(self.tr("Searching…"))
        QueryOp(self, op=lambda: self._services.calls.search(actor, query), success=self._show) \
            .failure(self._failed).run_in_background()

    def _show(self, rows: list[CallRow]) -> None:
        self.search_button.setEnabled(True)
        self.model.set_rows(rows)
        self.status.setText(self.tr("%n call(s)", "", len(rows)))
        self._update_buttons()

    def _failed(self, error: Exception) -> None:
        from agent_app.ui.error_text import error_message

        self.search_button.setEnabled(True)
        self.status.setText(error_message(error))

    def current_row(self) -> CallRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.current_row()
        self.play_button.setEnabled(bool(row and row.recording_path))

    def _activated(self, index: QModelIndex) -> None:
        if index.column() == Column.RECORDING:
            self.play_current()

    def play_current(self) -> None:
        row = self.current_row()
        if row is None or not row.recording_path:
            return
        path = Path(row.recording_path)
        if not path.is_file():
            self.status.setText(self.tr("The recording %1 is not on this computer.").replace("%1", str(path)))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
