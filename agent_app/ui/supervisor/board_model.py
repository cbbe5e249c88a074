"""The seat board's table: one row per seat (`services.seats.SeatRow`), time columns that tick.

Rows are replaced in place when a reload brings the same seats (the usual case: a state changed),
so the selection and the sort survive; only a different set of seats resets the model. The two
duration columns are computed from `now`, which the page advances every second: no reload.
"""

from __future__ import annotations

import enum
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from agent_app.services.seats import SeatRow

_Index = QModelIndex | QPersistentModelIndex
CONTEXT = "SeatBoard"
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


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
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, ROW_ROLE, Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.TextAlignmentRole})


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
        self._now = datetime.now(timezone.utc)
        self._names: dict[int, str] = {}

    # ---- content ---------------------------------------------------------------------------

    def set_rows(self, rows: list[SeatRow]) -> None:
        """Show a fresh board: in place when it holds the same seats, else a reset."""
        self._names = {row.user_id: row.name for row in rows}
        if [r.user_id for r in rows] != [r.user_id for r in self._rows]:
            self.beginResetModel()
            self._rows = list(rows)
            self.endResetModel()
            return
        old, self._rows = self._rows, list(rows)
        changed = [index for index, (before, after) in enumerate(zip(old, rows)) if before != after]
        if changed:  # one signal for the span: the sort proxy re-sorts once, not once per seat
            self.dataChanged.emit(self.index(changed[0], 0), self.index(changed[-1], _COLUMN_COUNT - 1))

    def tick(self, now: datetime) -> None:
        """Advance the clock the duration columns count from (every second, no reload)."""
        self._now = now
        if self._rows:
            for column in (Column.IN_STATE, Column.CALL_TIME):
                self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column),
                                      [Qt.ItemDataRole.DisplayRole, SORT_ROLE])

    def row_at(self, row: int) -> SeatRow:
        return self._rows[row]

    def seat(self, user_id: int) -> SeatRow | None:
        return next((row for row in self._rows if row.user_id == user_id), None)

    def rows(self) -> list[SeatRow]:
        return list(self._rows)

    def groups(self) -> list[str]:
        return sorted({group for row in self._rows for group in row.groups})

    def refresh_texts(self) -> None:
        """The language changed: every text is re-read."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # ---- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else _COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return tr(HEADERS[Column(section)])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == ROW_ROLE:
            return row.user_id
        if role == Qt.ItemDataRole.BackgroundRole and column in (Column.STATE, Column.IN_STATE):
            return QBrush(QColor(STATE_COLOURS.get(row.state, "#ffffff")))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Column.REGISTRATION and row.registration in REGISTRATION_COLOURS:
                return QBrush(QColor(REGISTRATION_COLOURS[row.registration]))
            if not row.enabled:
                return QBrush(QColor("#888888"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                Column.IN_STATE, Column.CALL_TIME, Column.ANSWERED, Column.PRIORITY):
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

    def _sort_key(self, row: SeatRow, column: Column) -> Any:
        match column:
            case Column.IN_STATE:
                return self._seconds(row.since) if row.since else -1
            case Column.CALL_TIME:
                return self._seconds(row.call_since) if self._talking(row) else -1
            case Column.ANSWERED:
                return row.answered_today
            case Column.PRIORITY:
                return row.priority
            case Column.STATE:
                return list(STATE_TEXT).index(row.state) if row.state in STATE_TEXT else len(STATE_TEXT)
        return self.text(row, column)

    @staticmethod
    def _talking(row: SeatRow) -> bool:
        return row.state == "on_call" and row.call_since is not None

    def _seconds(self, since: datetime) -> int:
        return int((self._now - since).total_seconds())
