"""The ticket list as a lazily loading table model.

The first page is fetched when a query is set (at `offset` for a page jump); every later page is
fetched when the view scrolls to the end (`canFetchMore` / `fetchMore`), by keyset after the last
row's cursor. Each fetch runs through the ops runner; while it runs `canFetchMore` is False, and a
result that belongs to an older query (the user changed the query meanwhile) is dropped.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from agent_app.services.queries import MAX_PAGE, Page, TicketQuery, TicketRow
from agent_app.ui.ops import QueryOp
from agent_app.ui.tickets.columns import NUMERIC, SORT_KEYS, Column, header
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.text import local_time, status_text, type_text

_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c0392b")
LINK = QColor("#2f6fb0")

_FIELDS = tuple(field.name for field in dataclasses.fields(TicketRow))
# Columns whose few distinct values repeat on every page: one string object per distinct value.
_SHARED = frozenset({
    "ticket_type", "category", "status", "status_label", "company", "urgency", "current_handler", "leftover",
    "callback_result", "source_channel", "final_handler", "registrar", "dispatcher", "product_line", "engineer",
})
_SHARED_AT = frozenset(i for i, name in enumerate(_FIELDS) if name in _SHARED)

_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole
_ROLES = frozenset({_DISPLAY, _TOOLTIP, ID_ROLE, _ALIGNMENT, Qt.ItemDataRole.ForegroundRole})
_COLUMNS = tuple(Column)
_TOOLTIP_COLUMNS = frozenset({Column.ADDRESS, Column.DESCRIPTION, Column.LEFTOVER})
_DUE_COLUMNS = frozenset({Column.OVERDUE_DAYS, Column.DUE_AT})
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_LINK_BRUSH = QBrush(LINK)
_OVERDUE_BRUSH = QBrush(OVERDUE)

# What each column shows of a row (None shows as an empty cell).
_TEXTS: dict[Column, Callable[[TicketRow, Lookups], Any]] = {
    Column.NUMBER: lambda row, _lookups: row.number,
    Column.REGISTERED_AT: lambda row, _lookups: local_time(row.registered_at),
    Column.CATEGORY: lambda row, _lookups: row.category,
    Column.STATUS: lambda row, _lookups: status_text(row.ticket_type, row.status),
    Column.CALLER_PHONE: lambda row, _lookups: row.caller_phone or row.contact_phone,
    Column.COMPANY: lambda row, _lookups: row.company,
    Column.URGENCY: lambda row, lookups: lookups.name("urgency", row.urgency),
    Column.CURRENT_HANDLER: lambda row, _lookups: row.current_handler,
    Column.ADDRESS: lambda row, _lookups: row.address,
    Column.DUE_AT: lambda row, _lookups: local_time(row.due_at),
    Column.EXTEND_COUNT: lambda row, _lookups: row.extend_count,
    Column.URGE_COUNT: lambda row, _lookups: row.urge_count,
    Column.OVERDUE_DAYS: lambda row, _lookups: row.overdue_days,
    Column.LEFTOVER: lambda row, _lookups: row.leftover,
    Column.CALLBACK_RESULT: lambda row, lookups: lookups.name("callback_result", row.callback_result),
    Column.SOURCE_CHANNEL: lambda row, lookups: lookups.name("source_channel", row.source_channel),
    Column.DESCRIPTION: lambda row, _lookups: " ".join((row.description or "").split()),
    Column.FINAL_HANDLER: lambda row, _lookups: row.final_handler,
    Column.REGISTRAR: lambda row, _lookups: row.registrar,
    Column.DISPATCHER: lambda row, _lookups: row.dispatcher,
    Column.TICKET_TYPE: lambda row, _lookups: type_text(row.ticket_type),
    Column.PRODUCT_LINE: lambda row, lookups: lookups.name("product_line", row.product_line),
    Column.DEVICE_SN: lambda row, _lookups: row.device_sn,
    Column.ENGINEER: lambda row, _lookups: row.engineer,
    Column.DETAILS: lambda _row, _lookups: QCoreApplication.translate("TicketList", "Details"),
}


class _PackedRows:
    """The fetched rows as plain tuples, their repeated texts shared: a `TicketRow` dataclass costs
    about 1.6 KB (its `__dict__` and a string object per field), a tuple about half that, and a
    tuple of strings, numbers and datetimes is not tracked by the cycle collector, so a full
    collection on the GUI thread does not walk 100 000 rows (docs/performance.md)."""

    def __init__(self) -> None:
        self._tuples: list[tuple[Any, ...]] = []
        self._texts: dict[str, str] = {}
        self._last: tuple[int, TicketRow | None] = (-1, None)  # data() asks column by column

    def __len__(self) -> int:
        return len(self._tuples)

    def extend(self, rows: list[TicketRow]) -> None:
        texts = self._texts
        for row in rows:
            values = tuple(getattr(row, name) for name in _FIELDS)
            self._tuples.append(tuple(texts.setdefault(v, v) if i in _SHARED_AT and isinstance(v, str) else v
                                      for i, v in enumerate(values)))

    def __getitem__(self, position: int) -> TicketRow:
        if self._last[0] != position:
            self._last = (position, TicketRow(*self._tuples[position]))
        return self._last[1]  # type: ignore[return-value]


class TicketListModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_loaded = Signal()
    failed = Signal(object)  # the exception of a failed fetch

    def __init__(self, services: Any, actor: Any, page_size: int = 50, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._lookups = Lookups()
        self._query = TicketQuery(folder="my_pending")
        self._page_size = page_size
        self._offset = 0
        self._first_limit: int | None = None
        self._rows = _PackedRows()
        self._cursor: tuple[Any, int] | None = None
        self._exhausted = True  # nothing to fetch until a query is set
        self._loading = False
        self._generation = 0
        self.fetches = 0  # pages fetched since the last query (tests and the status line read it)

    # -- the query ---------------------------------------------------------------------------
    @property
    def query(self) -> TicketQuery:
        return dataclasses.replace(self._query)

    @property
    def offset(self) -> int:
        return self._offset

    @property
    def page_size(self) -> int:
        return self._page_size

    @property
    def loading(self) -> bool:
        return self._loading

    def set_lookups(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self.refresh_texts()

    def set_query(self, query: TicketQuery, offset: int = 0, page_size: int | None = None,
                  at_least: int = 0) -> None:
        """Show `query` from row `offset` on (a page jump); the first page is fetched at once.

        `at_least`: fetch that many rows at first (up to MAX_PAGE), so that a reload after a change
        keeps the rows the user had scrolled to."""
        self.beginResetModel()
        self._generation += 1
        self._query = dataclasses.replace(query)
        self._offset = max(0, offset)
        if page_size is not None:
            self._page_size = page_size
        self._first_limit = min(max(at_least, self._page_size), MAX_PAGE)
        self._rows = _PackedRows()
        self._cursor = None
        self._exhausted = False
        self._set_loading(False)
        self.fetches = 0
        self.endResetModel()
        self._fetch()

    def row_at(self, row: int) -> TicketRow:
        return self._rows[row]

    # -- lazy loading ------------------------------------------------------------------------
    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._fetch()

    def _fetch(self) -> None:
        generation = self._generation
        limit = self._page_size if self._rows else (self._first_limit or self._page_size)
        query, after = dataclasses.replace(self._query), self._cursor
        offset = self._offset if not self._rows else 0
        services, actor = self._services, self._actor
        self._set_loading(True)
        work: Callable[[], Page] = lambda: services.queries.page(actor, query, after=after, limit=limit, offset=offset)
        QueryOp(None, op=work, success=lambda page: self._arrived(generation, page)).failure(
            lambda error: self._fetch_failed(generation, error)).run_in_background()

    def _arrived(self, generation: int, page: Page) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.fetches += 1
        self._cursor = page.next_cursor
        self._exhausted = page.next_cursor is None
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._set_loading(False)
        self.page_loaded.emit()

    def _fetch_failed(self, generation: int, error: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._exhausted = True
        self._set_loading(False)
        self.failed.emit(error)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- sorting (server side) ---------------------------------------------------------------
    @staticmethod
    def is_sortable(column: int) -> bool:
        return 0 <= column < len(Column) and Column(column) in SORT_KEYS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key = SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort and descending == self._query.descending and (self._rows or self._loading):
            return
        query = dataclasses.replace(self._query, sort=key, descending=descending)
        self.set_query(query)

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        column = next((c for c, k in SORT_KEYS.items() if k == self._query.sort), Column.REGISTERED_AT)
        order = Qt.SortOrder.DescendingOrder if self._query.descending else Qt.SortOrder.AscendingOrder
        return int(column), order

    # -- the table ---------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)  # asked for every painted cell: a tuple, not the enum

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header(Column(section))
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The list's own view paints through `cell` (list_delegate); this answers everyone else
        # (tooltips, tests, the id of a row). Roles the model does not answer return at once.
        if role not in _ROLES:
            return None
        position = index.row()  # -1 for an invalid index
        if not 0 <= position < len(self._rows):
            return None
        column = _COLUMNS[index.column()]
        if role == _DISPLAY:
            return self.text(self._rows[position], column)
        if role == _TOOLTIP:
            if column not in _TOOLTIP_COLUMNS:
                return None
            return self.text(self._rows[position], column) or None
        if role == ID_ROLE:
            return self._rows[position].id
        if role == _ALIGNMENT:
            return self._alignment(column)
        return self._brush(self._rows[position], column)

    def cell(self, position: int, column_index: int) -> tuple[str, Qt.AlignmentFlag | None, QBrush | None]:
        """What a cell shows, in one call: its text, its alignment (None: the view's) and the
        brush of its text (None: the palette's); as `data` answers for those roles."""
        row = self._rows[position]
        column = _COLUMNS[column_index]
        return self.text(row, column), self._alignment(column), self._brush(row, column)

    @staticmethod
    def _alignment(column: Column) -> Qt.AlignmentFlag | None:
        return _RIGHT if column in NUMERIC else None

    @staticmethod
    def _brush(row: TicketRow, column: Column) -> QBrush | None:
        if column == Column.DETAILS:  # a link
            return _LINK_BRUSH
        if column in _DUE_COLUMNS and row.overdue_days > 0:
            return _OVERDUE_BRUSH
        return None

    def text(self, row: TicketRow, column: Column) -> str:
        value = _TEXTS[column](row, self._lookups)
        return "" if value is None else str(value)

    def refresh_texts(self) -> None:
        """Headers and translated values follow the UI language and the loaded dictionaries."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))
