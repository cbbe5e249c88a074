"""A read-only table of records with named columns: the detail's history, attachments, related
tickets, work logs, suspensions and callbacks. These lists are short and come whole with the
detail, so the model keeps them in memory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Generic, Sequence, TypeVar

from PySide6.QtCore import QCoreApplication, QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

R = TypeVar("R")
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Field(Generic[R]):
    header: str  # English source text in the context of the table that declares it
    value: Callable[[R], Any]
    tooltip: bool = False  # long texts: the whole text as a tooltip


class RecordsModel(QAbstractTableModel, Generic[R]):
    def __init__(self, context: str, fields: Sequence[Field[R]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._fields = list(fields)
        self._records: list[R] = []

    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> R:
        return self._records[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._fields)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self._fields):
            return QCoreApplication.translate(self._context, self._fields[section].header)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        field = self._fields[index.column()]
        if role == Qt.ItemDataRole.DisplayRole or (role == Qt.ItemDataRole.ToolTipRole and field.tooltip):
            value = field.value(record)
            return "" if value is None else str(value)
        return None

    def retranslate(self) -> None:
        if self._fields:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._fields) - 1)
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, len(self._fields) - 1))
