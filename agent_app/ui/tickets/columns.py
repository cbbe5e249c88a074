"""The columns of the ticket list (seed 004 §5.2 plus the work-order columns of seed 000)."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "TicketColumns"


class Column(IntEnum):
    NUMBER = 0
    REGISTERED_AT = 1
    CATEGORY = 2
    STATUS = 3
    CALLER_PHONE = 4
    COMPANY = 5
    URGENCY = 6
    CURRENT_HANDLER = 7
    ADDRESS = 8
    DUE_AT = 9
    EXTEND_COUNT = 10
    URGE_COUNT = 11
    OVERDUE_DAYS = 12
    LEFTOVER = 13
    CALLBACK_RESULT = 14
    SOURCE_CHANNEL = 15
    DESCRIPTION = 16
    FINAL_HANDLER = 17
    REGISTRAR = 18
    DISPATCHER = 19
    TICKET_TYPE = 20
    PRODUCT_LINE = 21
    DEVICE_SN = 22
    ENGINEER = 23
    DETAILS = 24  # 操作（详情）: a link that opens the ticket


HEADERS: dict[Column, str] = {
    Column.NUMBER: QT_TRANSLATE_NOOP("TicketColumns", "Ticket no."),
    Column.REGISTERED_AT: QT_TRANSLATE_NOOP("TicketColumns", "Registered"),
    Column.CATEGORY: QT_TRANSLATE_NOOP("TicketColumns", "Service category"),
    Column.STATUS: QT_TRANSLATE_NOOP("TicketColumns", "Status"),
    Column.CALLER_PHONE: QT_TRANSLATE_NOOP("TicketColumns", "Caller number"),
    Column.COMPANY: QT_TRANSLATE_NOOP("TicketColumns", "Water company"),
    Column.URGENCY: QT_TRANSLATE_NOOP("TicketColumns", "Urgency"),
    Column.CURRENT_HANDLER: QT_TRANSLATE_NOOP("TicketColumns", "Current handler"),
    Column.ADDRESS: QT_TRANSLATE_NOOP("TicketColumns", "Address"),
    Column.DUE_AT: QT_TRANSLATE_NOOP("TicketColumns", "Due"),
    Column.EXTEND_COUNT: QT_TRANSLATE_NOOP("TicketColumns", "Extensions"),
    Column.URGE_COUNT: QT_TRANSLATE_NOOP("TicketColumns", "Reminders"),
    Column.OVERDUE_DAYS: QT_TRANSLATE_NOOP("TicketColumns", "Days overdue"),
    Column.LEFTOVER: QT_TRANSLATE_NOOP("TicketColumns", "Outstanding issues"),
    Column.CALLBACK_RESULT: QT_TRANSLATE_NOOP("TicketColumns", "Callback result"),
    Column.SOURCE_CHANNEL: QT_TRANSLATE_NOOP("TicketColumns", "Source"),
    Column.DESCRIPTION: QT_TRANSLATE_NOOP("TicketColumns", "Description"),
    Column.FINAL_HANDLER: QT_TRANSLATE_NOOP("TicketColumns", "Final handler"),
    Column.REGISTRAR: QT_TRANSLATE_NOOP("TicketColumns", "Registered by"),
    Column.DISPATCHER: QT_TRANSLATE_NOOP("TicketColumns", "Dispatched by"),
    Column.TICKET_TYPE: QT_TRANSLATE_NOOP("TicketColumns", "Ticket type"),
    Column.PRODUCT_LINE: QT_TRANSLATE_NOOP("TicketColumns", "Product line"),
    Column.DEVICE_SN: QT_TRANSLATE_NOOP("TicketColumns", "Device SN"),
    Column.ENGINEER: QT_TRANSLATE_NOOP("TicketColumns", "Engineer"),
    Column.DETAILS: QT_TRANSLATE_NOOP("TicketColumns", "Action"),
}

# column → the server-side sort key (agent_app.services.queries.SORTABLE)
SORT_KEYS: dict[Column, str] = {
    Column.NUMBER: "number",
    Column.REGISTERED_AT: "registered_at",
    Column.STATUS: "status",
    Column.URGENCY: "urgency",
    Column.URGE_COUNT: "urge_count",
    Column.EXTEND_COUNT: "extend_count",
}

# what a new user sees, in this order; the rest is offered by the column chooser
DEFAULT_COLUMNS: tuple[Column, ...] = (
    Column.NUMBER, Column.REGISTERED_AT, Column.CATEGORY, Column.STATUS, Column.CALLER_PHONE, Column.URGENCY,
    Column.CURRENT_HANDLER, Column.ADDRESS, Column.DUE_AT, Column.OVERDUE_DAYS, Column.SOURCE_CHANNEL,
    Column.DESCRIPTION, Column.REGISTRAR, Column.DETAILS,
)

# what a service provider's people see first: their work orders, not hotline details
PROVIDER_COLUMNS: tuple[Column, ...] = (
    Column.NUMBER, Column.REGISTERED_AT, Column.TICKET_TYPE, Column.STATUS, Column.PRODUCT_LINE, Column.DEVICE_SN,
    Column.ENGINEER, Column.URGENCY, Column.ADDRESS, Column.DESCRIPTION, Column.DETAILS,
)

NUMERIC = frozenset({Column.EXTEND_COUNT, Column.URGE_COUNT, Column.OVERDUE_DAYS})

# sensible starting widths in pixels
WIDTHS: dict[Column, int] = {
    Column.NUMBER: 140, Column.REGISTERED_AT: 130, Column.CATEGORY: 100, Column.STATUS: 110,
    Column.CALLER_PHONE: 110, Column.COMPANY: 120, Column.URGENCY: 70, Column.CURRENT_HANDLER: 90,
    Column.ADDRESS: 200, Column.DUE_AT: 130, Column.EXTEND_COUNT: 70, Column.URGE_COUNT: 70,
    Column.OVERDUE_DAYS: 70, Column.LEFTOVER: 150, Column.CALLBACK_RESULT: 80, Column.SOURCE_CHANNEL: 80,
    Column.DESCRIPTION: 260, Column.FINAL_HANDLER: 90, Column.REGISTRAR: 80, Column.DISPATCHER: 80,
    Column.TICKET_TYPE: 80, Column.PRODUCT_LINE: 90, Column.DEVICE_SN: 130, Column.ENGINEER: 80,
    Column.DETAILS: 60,
}


def header(column: Column) -> str:
    return QCoreApplication.translate(CONTEXT, HEADERS[column])
