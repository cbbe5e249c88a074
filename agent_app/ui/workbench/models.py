"""Table models of the workbench: the caller's service history and tickets at similar addresses.

Both hold at most a few dozen rows (the services return the newest 20), so they keep their rows in
memory instead of paging.
"""

from __future__ import annotations

from datetime import datetime, timezone
from enum import IntEnum
from typing import Any, Generic, Sequence, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt

from agent_app.domain.workflow import workflow_for
from agent_app.services.lookup import HistoryRow
from agent_app.services.queries import TicketRow
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.ui.i18n import current_language

Row = TypeVar("Row", HistoryRow, TicketRow)
_Index = QModelIndex | QPersistentModelIndex

CONTEXT = "WorkbenchModels"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def local_time(moment: datetime, *, short: bool = False) -> str:
    """Ticket times are stored in UTC; agents read them in the utility's local time. `short` leaves
    out the year when it is the current one (for narrow columns)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(LOCAL_TZ)
    if short and local.year == datetime.now(LOCAL_TZ).year:
        return local.strftime("%m-%d %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


def status_text(ticket_type: str, status: str) -> str:
    state = workflow_for(ticket_type).state(status)
    return state.en if current_language() == "en" else state.zh


class _TicketRowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of tickets with `columns` (an IntEnum) and their English headers."""

    columns: type[IntEnum]
    headers: dict[int, str]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def retranslate(self) -> None:
        """Headers and status texts follow the UI language."""
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return tr(self.headers[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.cell(row, self.columns(index.column()))
        return None

    def cell(self, row: Row, column: IntEnum) -> str:
        raise NotImplementedError


class HistoryColumn(IntEnum):
    NUMBER = 0
    REGISTERED = 1
    CATEGORY = 2
    STATUS = 3
    DESCRIPTION = 4


class HistoryModel(_TicketRowsModel[HistoryRow]):
    """服务历史: the caller's newest tickets."""

    columns = HistoryColumn
    headers = {
        HistoryColumn.NUMBER: QT_TRANSLATE_NOOP("WorkbenchModels", "Ticket no."),
        HistoryColumn.REGISTERED: QT_TRANSLATE_NOOP("WorkbenchModels", "Time"),
        HistoryColumn.CATEGORY: QT_TRANSLATE_NOOP("WorkbenchModels", "Category"),
        HistoryColumn.STATUS: QT_TRANSLATE_NOOP("WorkbenchModels", "Status"),
        HistoryColumn.DESCRIPTION: QT_TRANSLATE_NOOP("WorkbenchModels", "Description"),
    }

    def cell(self, row: HistoryRow, column: IntEnum) -> str:
        if column == HistoryColumn.NUMBER:
            return row.number
        if column == HistoryColumn.REGISTERED:
            return local_time(row.registered_at, short=True)
        if column == HistoryColumn.CATEGORY:
            return row.category or ""
        if column == HistoryColumn.STATUS:
            return status_text(row.ticket_type, row.status)
        return row.description


class SimilarColumn(IntEnum):
    NUMBER = 0
    REGISTERED = 1
    ADDRESS = 2
    CATEGORY = 3
    STATUS = 4


class SimilarTicketsModel(_TicketRowsModel[TicketRow]):
    """Tickets at addresses containing the keyword: possible duplicates of the one being registered."""

    columns = SimilarColumn
    headers = {
        SimilarColumn.NUMBER: QT_TRANSLATE_NOOP("WorkbenchModels", "Ticket no."),
        SimilarColumn.REGISTERED: QT_TRANSLATE_NOOP("WorkbenchModels", "Time"),
        SimilarColumn.ADDRESS: QT_TRANSLATE_NOOP("WorkbenchModels", "Address"),
        SimilarColumn.CATEGORY: QT_TRANSLATE_NOOP("WorkbenchModels", "Category"),
        SimilarColumn.STATUS: QT_TRANSLATE_NOOP("WorkbenchModels", "Status"),
    }

    def cell(self, row: TicketRow, column: IntEnum) -> str:
        if column == SimilarColumn.NUMBER:
            return row.number
        if column == SimilarColumn.REGISTERED:
            return local_time(row.registered_at, short=True)
        if column == SimilarColumn.ADDRESS:
            return row.address or ""
        if column == SimilarColumn.CATEGORY:
            return row.category or ""
        return status_text(row.ticket_type, row.status)
