"""登记时间 as a date range: a tick to use it, and the first and last day (local dates, inclusive)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.ui.tickets.text import as_local


def _edit(name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name, calendarPopup=True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setEnabled(False)
    return edit


class DateRange(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enabled = QCheckBox(objectName="useDates")
        self.first = _edit("dateFrom")
        self.last = _edit("dateTo")
        self.dash = QLabel("–")
        self.enabled.toggled.connect(self.first.setEnabled)
        self.enabled.toggled.connect(self.last.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled)
        layout.addWidget(self.first)
        layout.addWidget(self.dash)
        layout.addWidget(self.last)
        self.clear()

    def clear(self) -> None:
        today = QDate.currentDate()
        self.enabled.setChecked(False)
        self.first.setDate(today.addDays(-30))
        self.last.setDate(today)

    def set_range(self, first: date, last: date) -> None:
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(last.year, last.month, last.day))
        self.enabled.setChecked(True)

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """[from, to) in UTC-aware datetimes, or (None, None) when unticked."""
        if not self.enabled.isChecked():
            return None, None
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        if last < first:
            first, last = last, first
        start = datetime.combine(first, time.min, LOCAL_TZ)
        end = datetime.combine(last + timedelta(days=1), time.min, LOCAL_TZ)
        return start, end

    def load(self, start: datetime | None, end: datetime | None) -> None:
        if start is None and end is None:
            self.clear()
            return
        first = as_local(start).date() if start else as_local(end).date()
        last = (as_local(end) - timedelta(seconds=1)).date() if end else first
        self.set_range(first, last)
