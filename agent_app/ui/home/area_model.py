"""The per-area table of the home page (seed 004 §3.2)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from agent_app.services.reports.home import AreaFigures

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "HomeAreaModel"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    AREA = 0
    COMPLAINTS = 1
    GOVERNMENT = 2
    TOTAL = 3
    UNFINISHED = 4
    AFTER_SALES_RATE = 5
    COMPLAINT_RATE = 6


HEADERS = {
    Column.AREA: QT_TRANSLATE_NOOP("HomeAreaModel", "Management area"),
    Column.COMPLAINTS: QT_TRANSLATE_NOOP("HomeAreaModel", "Complaints"),
    Column.GOVERNMENT: QT_TRANSLATE_NOOP("HomeAreaModel", "Government referrals"),
    Column.TOTAL: QT_TRANSLATE_NOOP("HomeAreaModel", "Tickets"),
    Column.UNFINISHED: QT_TRANSLATE_NOOP("HomeAreaModel", "Unfinished"),
    Column.AFTER_SALES_RATE: QT_TRANSLATE_NOOP("HomeAreaModel", "After-sales on time"),
    Column.COMPLAINT_RATE: QT_TRANSLATE_NOOP("HomeAreaModel", "Complaints on time"),
}


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


class AreaModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AreaFigures] = []

    def set_rows(self, rows: list[AreaFigures]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return QCoreApplication.translate(CONTEXT, HEADERS[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        f = row.figures
        values = {
            Column.AREA: row.area, Column.COMPLAINTS: f.complaints, Column.GOVERNMENT: f.government,
            Column.TOTAL: f.total, Column.UNFINISHED: f.unfinished, Column.AFTER_SALES_RATE: f.after_sales_rate,
            Column.COMPLAINT_RATE: f.complaint_rate,
        }
        value = values[column]
        if role == SORT_ROLE:
            return -1.0 if value is None else value
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(value) if column in (Column.AFTER_SALES_RATE, Column.COMPLAINT_RATE) else value
        if role == Qt.ItemDataRole.TextAlignmentRole and column != Column.AREA:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
