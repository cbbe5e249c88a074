"""The detail's tables: 历史记录 (seed 004 §5.2.5.2), related tickets, attachments, work logs,
suspensions and callbacks, each a `RecordsModel` with its columns."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from agent_app.services.tickets.detail import AttachmentInfo, HistoryEntry, LinkInfo
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.records_model import Field, RecordsModel
from agent_app.ui.tickets.text import (
    action_text,
    attachment_kind_text,
    duration,
    local_time,
    size_text,
    status_text,
)

CONTEXT = "TicketTables"

# the parameters and notes of a history row worth reading, with how to show their value
_DETAIL_LABELS = {
    "days": QT_TRANSLATE_NOOP("TicketTables", "Days"),
    "result": QT_TRANSLATE_NOOP("TicketTables", "Callback result"),
    "satisfaction": QT_TRANSLATE_NOOP("TicketTables", "Satisfaction"),
    "feedback": QT_TRANSLATE_NOOP("TicketTables", "Feedback"),
    "engineer": QT_TRANSLATE_NOOP("TicketTables", "Engineer"),
    "related": QT_TRANSLATE_NOOP("TicketTables", "Related ticket"),
    "duplicate_of": QT_TRANSLATE_NOOP("TicketTables", "Duplicate of"),
    "title": QT_TRANSLATE_NOOP("TicketTables", "Title"),
    "content": QT_TRANSLATE_NOOP("TicketTables", "Work done"),
    "start": QT_TRANSLATE_NOOP("TicketTables", "Start"),
    "end": QT_TRANSLATE_NOOP("TicketTables", "End"),
    "root_cause": QT_TRANSLATE_NOOP("TicketTables", "Root cause"),
    "cause_description": QT_TRANSLATE_NOOP("TicketTables", "Cause"),
    "solution": QT_TRANSLATE_NOOP("TicketTables", "Solution"),
    "visit_time": QT_TRANSLATE_NOOP("TicketTables", "Visit time"),
    "completion_time": QT_TRANSLATE_NOOP("TicketTables", "Completion time"),
    "leftover": QT_TRANSLATE_NOOP("TicketTables", "Outstanding issues"),
    "level": QT_TRANSLATE_NOOP("TicketTables", "Approval level"),
}
_DICT_OF = {"result": "callback_result", "root_cause": "root_cause"}
_TIMES = {"start", "end", "visit_time", "completion_time"}


def _value(key: str, value: Any, lookups: Lookups) -> str:
    if key in _DICT_OF:
        return lookups.name(_DICT_OF[key], str(value))
    if key in _TIMES and isinstance(value, str):
        try:
            return local_time(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)


def history_description(entry: HistoryEntry, ticket_type: str, lookups: Lookups) -> str:
    """描述: the change of state and the action's details, in words."""
    parts: list[str] = []
    if entry.from_status and entry.from_status != entry.to_status:
        parts.append(f"{status_text(ticket_type, entry.from_status)} → {status_text(ticket_type, entry.to_status)}")
    try:
        details = json.loads(entry.detail) if entry.detail else {}
    except ValueError:
        details = {}
    for key, value in details.items() if isinstance(details, dict) else ():
        if key in _DETAIL_LABELS and value not in (None, ""):
            label = QCoreApplication.translate(CONTEXT, _DETAIL_LABELS[key])
            parts.append(f"{label}：{_value(key, value, lookups)}")
    return "；".join(parts)


def history_model(ticket_type: Callable[[], str], lookups: Callable[[], Lookups],
                  parent: QObject | None = None) -> RecordsModel[HistoryEntry]:
    """`ticket_type` and `lookups` are asked each time: the detail reloads them."""
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "Time"), lambda h: local_time(h.at, seconds=True)),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Action"), lambda h: action_text(h.action)),
        Field(QT_TRANSLATE_NOOP("TicketTables", "By"), lambda h: h.actor_name),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Phone"), lambda h: h.actor_phone),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Took"), lambda h: duration(h.elapsed_seconds)),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Opinion"), lambda h: h.opinion, tooltip=True),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Description"),
              lambda h: history_description(h, ticket_type(), lookups()), tooltip=True),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Attachments"), lambda h: "、".join(h.attachments)),
    ], parent)


def links_model(parent: QObject | None = None) -> RecordsModel[LinkInfo]:
    kinds = {"related": QT_TRANSLATE_NOOP("TicketTables", "Related"),
             "duplicate": QT_TRANSLATE_NOOP("TicketTables", "Duplicate")}
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "Ticket no."), lambda link: link.number),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Link"),
              lambda link: QCoreApplication.translate(CONTEXT, kinds.get(link.kind, link.kind))),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Status"), lambda link: link.status_label),
    ], parent)


def attachments_model(parent: QObject | None = None) -> RecordsModel[AttachmentInfo]:
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "File"), lambda a: a.filename),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Kind"), lambda a: attachment_kind_text(a.kind)),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Size"), lambda a: size_text(a.size)),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Uploaded"), lambda a: local_time(a.uploaded_at)),
    ], parent)


def work_logs_model(parent: QObject | None = None) -> RecordsModel[dict]:
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "Start"), lambda w: local_time(w["start"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "End"), lambda w: local_time(w["end"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Title"), lambda w: w["title"]),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Work done"), lambda w: w["content"], tooltip=True),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Handled by"), lambda w: w["handler_name"]),
    ], parent)


def suspensions_model(parent: QObject | None = None) -> RecordsModel[dict]:
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "Start"), lambda s: local_time(s["start"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "End"), lambda s: local_time(s["end"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Reason"), lambda s: s["reason"], tooltip=True),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Ended"), lambda s: local_time(s["ended_at"])),
    ], parent)


def callbacks_model(lookups: Callable[[], Lookups], parent: QObject | None = None) -> RecordsModel[dict]:
    return RecordsModel(CONTEXT, [
        Field(QT_TRANSLATE_NOOP("TicketTables", "Time"), lambda c: local_time(c["at"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Callback result"),
              lambda c: lookups().name("callback_result", c["result"])),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Satisfaction"), lambda c: f"{c['satisfaction']} / 5"),
        Field(QT_TRANSLATE_NOOP("TicketTables", "Feedback"), lambda c: c["feedback"], tooltip=True),
    ], parent)
