"""The call records table (seed 004 §8.11 通话记录详情列表, the columns the database has)."""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from agent_app.services.calls import CallRow
from agent_app.services.tickets.numbering import LOCAL_TZ

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    AGENT_NO = 0
    CALLER = 1
    CALLEE = 2
    IVR_TRAIL = 3
    ANSWERED = 4
    DIRECTION = 5
    RECORDING = 6
    TICKETS = 7  # next to the recording, not off to the right: what the agent looks for
    TALK_TIME = 8
    HANGUP = 9
    RING_AT = 10  # 呼叫时间: when it rang at this seat (the database has one time for 呼叫 and 振铃)
    ANSWER_AT = 11
    END_AT = 12


def _tr(text: str) -> str:
    """Texts are marked with QT_TRANSLATE_NOOP where they are written, so lupdate finds them."""
    return QCoreApplication.translate("CallRecordsModel", text)


def header_text(column: Column) -> str:
    return {
        Column.AGENT_NO: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Agent ID")),
        Column.CALLER: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Caller")),
        Column.CALLEE: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Callee")),
        Column.IVR_TRAIL: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "IVR trail")),
        Column.ANSWERED: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Answered")),
        Column.DIRECTION: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Call type")),
        Column.RECORDING: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Recording")),
        Column.TALK_TIME: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Talk time")),
        Column.HANGUP: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Hung up by")),
        Column.RING_AT: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Call time")),
        Column.ANSWER_AT: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Answered at")),
        Column.END_AT: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Ended at")),
        Column.TICKETS: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Tickets")),
    }[column]


def direction_text(direction: str) -> str:
    return {"in": _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Inbound")), "out": _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Outbound"))}.get(direction, direction)


def hangup_text(hangup_by: str | None) -> str:
    return {"agent": _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Agent")), "remote": _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Customer")), "transfer": _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Transferred"))}.get(
        hangup_by or "", hangup_by or "")


def moment_text(moment: datetime | None) -> str:
    return moment.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def duration_text(seconds: int) -> str:
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class CallRecordsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CallRow] = []

    def set_rows(self, rows: list[CallRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CallRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(Column):
            return header_text(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.IVR_TRAIL, Column.RECORDING):
            return row.ivr_trail if column is Column.IVR_TRAIL else row.recording_path
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.TALK_TIME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: CallRow, column: Column) -> str:
        values = {
            Column.AGENT_NO: row.agent_no or "",
            Column.CALLER: row.caller,
            Column.CALLEE: row.callee,
            Column.IVR_TRAIL: row.ivr_trail or "",
            Column.ANSWERED: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Yes")) if row.answered else _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "No")),
            Column.DIRECTION: direction_text(row.direction),
            Column.RECORDING: _tr(QT_TRANSLATE_NOOP("CallRecordsModel", "Play")) if row.recording_path else "",
            Column.TALK_TIME: duration_text(row.talk_seconds),
            Column.HANGUP: hangup_text(row.hangup_by),
            Column.RING_AT: moment_text(row.ring_at),
            Column.ANSWER_AT: moment_text(row.answer_at),
            Column.END_AT: moment_text(row.end_at),
            Column.TICKETS: ", ".join(row.ticket_numbers),
        }
        return values[column]
