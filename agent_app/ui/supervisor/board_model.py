"""The seat board's table: one row per seat (`services.seats.SeatRow`), time columns that tick.

Rows are replaced in place when a reload brings the same seats (the usual case: a state changed),
so the selection and the sort survive; only a different set of seats resets the model. The two
duration columns are computed from `now`, which the page advances every second: no reload.

Every cell's text and sort key is computed once per change of its seat (and the two duration
columns' texts once per tick), not on every `data()` call: painting and sizing 200 seats ask for
the same texts thousands of times. The model sorts itself (`sort`), by those keys in Python, one
key per seat: a sort proxy asks `data()` twice per comparison, which was the largest part of
showing 200 seats and of every reload under churn. The duration columns sort by when the stretch
began, which the clock does not move, so a tick repaints them without re-sorting the board.
"""

from __future__ import annotations

import enum
import math
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from agent_app.services.seats import SeatRow

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "SeatBoard"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class Column(enum.IntEnum):
    AGENT = 0
    AGENT_NO = 1
    EXTENSION = 2
    GROUPS = 3
    REGISTRATION = 4
    STATE = 5
    IN_STATE = 6
    CALL_NUMBER = 7
    DIRECTION = 8
    CALL_TIME = 9
    ANSWERED = 10
    PRIORITY = 11
    ENABLED = 12
    MONITOR = 13


_COLUMNS = list(Column)  # by position, without an enum lookup per cell
_COLUMN_COUNT = len(_COLUMNS)

HEADERS = {
    Column.AGENT: QT_TRANSLATE_NOOP("SeatBoard", "Agent"),
    Column.AGENT_NO: QT_TRANSLATE_NOOP("SeatBoard", "Agent ID"),
    Column.EXTENSION: QT_TRANSLATE_NOOP("SeatBoard", "Extension"),
    Column.GROUPS: QT_TRANSLATE_NOOP("SeatBoard", "Group"),
    Column.REGISTRATION: QT_TRANSLATE_NOOP("SeatBoard", "Line"),
    Column.STATE: QT_TRANSLATE_NOOP("SeatBoard", "State"),
    Column.IN_STATE: QT_TRANSLATE_NOOP("SeatBoard", "Time in state"),
    Column.CALL_NUMBER: QT_TRANSLATE_NOOP("SeatBoard", "Call"),
    Column.DIRECTION: QT_TRANSLATE_NOOP("SeatBoard", "Direction"),
    Column.CALL_TIME: QT_TRANSLATE_NOOP("SeatBoard", "Call time"),
    Column.ANSWERED: QT_TRANSLATE_NOOP("SeatBoard", "Answered today"),
    Column.PRIORITY: QT_TRANSLATE_NOOP("SeatBoard", "Priority"),
    Column.ENABLED: QT_TRANSLATE_NOOP("SeatBoard", "Seat"),
    Column.MONITOR: QT_TRANSLATE_NOOP("SeatBoard", "Monitored"),
}
_HEADER_TEXTS = [HEADERS[column] for column in _COLUMNS]
STATE_TEXT = {
    "logged_out": QT_TRANSLATE_NOOP("SeatBoard", "Logged out"),
    "ready": QT_TRANSLATE_NOOP("SeatBoard", "Ready"),
    "not_ready": QT_TRANSLATE_NOOP("SeatBoard", "Not ready"),
    "ringing": QT_TRANSLATE_NOOP("SeatBoard", "Ringing"),
    "on_call": QT_TRANSLATE_NOOP("SeatBoard", "On call"),
    "after_call_work": QT_TRANSLATE_NOOP("SeatBoard", "After-call work"),
    "dialing": QT_TRANSLATE_NOOP("SeatBoard", "Dialing"),
}
REGISTRATION_TEXT = {
    "registering": QT_TRANSLATE_NOOP("SeatBoard", "Registering"),
    "registered": QT_TRANSLATE_NOOP("SeatBoard", "Registered"),
    "failed": QT_TRANSLATE_NOOP("SeatBoard", "Failed"),
    "retrying": QT_TRANSLATE_NOOP("SeatBoard", "Retrying"),
    "unregistered": QT_TRANSLATE_NOOP("SeatBoard", "Offline"),
}
DIRECTION_TEXT = {
    "in": QT_TRANSLATE_NOOP("SeatBoard", "Inbound"),
    "out": QT_TRANSLATE_NOOP("SeatBoard", "Outbound"),
}
# light backgrounds that keep black text readable; a supervisor scans the board by colour
STATE_COLOURS = {
    "ready": "#d9f2d9", "not_ready": "#fde2c8", "ringing": "#fff3b0", "on_call": "#cfe3ff",
    "dialing": "#cfe3ff", "after_call_work": "#e6dcf5", "logged_out": "#eeeeee",
}
REGISTRATION_COLOURS = {"failed": "#c62828", "retrying": "#c62828", "registering": "#9e6a00"}
ON_CALL = ("on_call", "ringing", "dialing")
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole})
_TIMED = (Column.IN_STATE, Column.CALL_TIME)
_RIGHT_ALIGNED = frozenset({Column.IN_STATE, Column.CALL_TIME, Column.ANSWERED, Column.PRIORITY})
_STATE_ORDER = {state: position for position, state in enumerate(STATE_TEXT)}
_brushes: dict[str, QBrush] = {}


def _brush(colour: str) -> QBrush:
    brush = _brushes.get(colour)
    if brush is None:
        brush = _brushes[colour] = QBrush(QColor(colour))
    return brush


def duration_text(seconds: int) -> str:
    """"m:ss" under an hour, "h:mm:ss" above."""
    seconds = max(0, seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SeatBoardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SeatRow] = []
        self._texts: list[list[str]] = []  # per row, per column
        self._keys: list[list[Any]] = []  # sort keys, likewise
        self._positions: dict[int, int] = {}  # user id → row
        self._sort_column = -1  # none: the order of the query
        self._descending = False
        self._now = datetime.now(timezone.utc)
        self._names: dict[int, str] = {}

    # ---- content ---------------------------------------------------------------------------

    def set_rows(self, rows: list[SeatRow]) -> None:
        """Show a fresh board: seat by seat in place when it holds the same seats (the selection
        stays, the board re-sorts only if a sort key changed), else a reset."""
        self._names = {row.user_id: row.name for row in rows}
        if len(rows) != len(self._rows) or any(row.user_id not in self._positions for row in rows):
            self.beginResetModel()
            self._rows = list(rows)
            self._compute_all()
            self._rows, self._texts, self._keys = self._sorted(self._rows, self._texts, self._keys)
            self._positions = {row.user_id: position for position, row in enumerate(self._rows)}
            self.endResetModel()
            return
        changed, resort = [], False
        for row in rows:
            position = self._positions[row.user_id]
            if row == self._rows[position]:
                continue
            old_key = self._keys[position][self._sort_column] if self._sort_column >= 0 else None
            self._rows[position] = row
            self._texts[position] = self._row_texts(row)
            self._keys[position] = self._row_keys(row, self._texts[position])
            resort = resort or (self._sort_column >= 0 and self._keys[position][self._sort_column] != old_key)
            changed.append(position)
        if changed:  # one signal for the span, not one per seat
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), _COLUMN_COUNT - 1))
        if resort:
            self._resort()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._descending = column, order == Qt.SortOrder.DescendingOrder
        self._resort()

    def _sorted(self, *columns: list[Any]) -> tuple[list[Any], ...]:
        """`columns` (parallel lists, one item per row) in the order of the current sort; stable."""
        if self._sort_column < 0 or not columns[0]:
            return columns
        keys, column = self._keys, self._sort_column
        order = sorted(range(len(keys)), key=lambda position: keys[position][column], reverse=self._descending)
        return tuple([items[position] for position in order] for items in columns)

    def _resort(self) -> None:
        """Put the rows in the order of the current sort, keeping persistent indexes (the
        selection) on their seats."""
        order = self._sorted(list(range(len(self._rows))))[0]
        if order == list(range(len(self._rows))):
            return
        self.layoutAboutToBeChanged.emit()
        new_position = {old: new for new, old in enumerate(order)}
        persistent = self.persistentIndexList()
        self._rows = [self._rows[old] for old in order]
        self._texts = [self._texts[old] for old in order]
        self._keys = [self._keys[old] for old in order]
        self._positions = {row.user_id: position for position, row in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [self.index(new_position[index.row()], index.column())
                                                    for index in persistent])
        self.layoutChanged.emit()

    def tick(self, now: datetime) -> None:
        """Advance the clock the duration columns count from (every second, no reload)."""
        self._now = now
        for row, texts in zip(self._rows, self._texts):
            for column in _TIMED:
                texts[column] = self.text(row, column)
        if self._rows:
            for column in _TIMED:  # display only: their sort keys do not move with the clock
                self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                      [Qt.ItemDataRole.DisplayRole])

    def row_at(self, row: int) -> SeatRow:
        return self._rows[row]

    def seat(self, user_id: int) -> SeatRow | None:
        position = self._positions.get(user_id)
        return None if position is None else self._rows[position]

    def rows(self) -> list[SeatRow]:
        return list(self._rows)

    def column_texts(self, column: Column) -> set[str]:
        """The distinct texts of a column (for sizing it without measuring every cell)."""
        return {texts[column] for texts in self._texts}

    def groups(self) -> list[str]:
        return sorted({group for row in self._rows for group in row.groups})

    def refresh_texts(self) -> None:
        """The language changed: every text is re-read (and the board re-sorted by them)."""
        self._compute_all()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))
        self._resort()

    def _compute_all(self) -> None:
        self._texts = [self._row_texts(row) for row in self._rows]
        self._keys = [self._row_keys(row, texts) for row, texts in zip(self._rows, self._texts)]

    def _row_texts(self, row: SeatRow) -> list[str]:
        return [self.text(row, column) for column in _COLUMNS]

    # ---- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < _COLUMN_COUNT:
            return tr(_HEADER_TEXTS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[index.row()][index.column()]
        row, column = self._rows[index.row()], _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and column in (Column.STATE, Column.IN_STATE):
            return _brush(STATE_COLOURS.get(row.state, "#ffffff"))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.REGISTRATION and row.registration in REGISTRATION_COLOURS:
                return _brush(REGISTRATION_COLOURS[row.registration])
            if not row.enabled:
                return _brush("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _RIGHT_ALIGNED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def text(self, row: SeatRow, column: Column) -> str:
        on_call = row.state in ON_CALL and row.call_number
        match column:
            case Column.AGENT:
                return row.name
            case Column.AGENT_NO:
                return row.agent_no or ""
            case Column.EXTENSION:
                return row.extension or ""
            case Column.GROUPS:
                return "、".join(row.groups)
            case Column.REGISTRATION:
                return tr(REGISTRATION_TEXT.get(row.registration, row.registration))
            case Column.STATE:
                state = tr(STATE_TEXT.get(row.state, row.state))
                return f"{state}（{row.reason}）" if row.reason else state
            case Column.IN_STATE:
                return duration_text(self._seconds(row.since)) if row.since and row.state != "logged_out" else ""
            case Column.CALL_NUMBER:
                return row.call_number or "" if on_call else ""
            case Column.DIRECTION:
                return tr(DIRECTION_TEXT.get(row.call_direction or "", "")) if on_call and row.call_direction else ""
            case Column.CALL_TIME:  # talking time: not while it rings or dials
                return duration_text(self._seconds(row.call_since)) if self._talking(row) else ""
            case Column.ANSWERED:
                return str(row.answered_today)
            case Column.PRIORITY:
                return str(row.priority)
            case Column.ENABLED:
                return QCoreApplication.translate("SeatBoard", "Enabled") if row.enabled else QCoreApplication.translate("SeatBoard", "Disabled")
            case Column.MONITOR:
                return self._names.get(row.monitored_by, QCoreApplication.translate("SeatBoard", "Supervisor")) if row.monitored_by else ""
        return ""

    def _row_keys(self, row: SeatRow, texts: list[str]) -> list[Any]:
        """The texts, except where a column sorts by something else. The duration columns sort by
        when the stretch began (longer in the state = began earlier): the clock does not move it."""
        keys: list[Any] = list(texts)
        keys[Column.IN_STATE] = -row.since.timestamp() if row.since else -math.inf
        keys[Column.CALL_TIME] = -row.call_since.timestamp() if self._talking(row) else -math.inf  # type: ignore[union-attr]
        keys[Column.ANSWERED] = row.answered_today
        keys[Column.PRIORITY] = row.priority
        keys[Column.STATE] = _STATE_ORDER.get(row.state, len(_STATE_ORDER))
        return keys

    @staticmethod
    def _talking(row: SeatRow) -> bool:
        return row.state == "on_call" and row.call_since is not None

    def _seconds(self, since: datetime) -> int:
        return int((self._now - since).total_seconds())
