"""工单信息 (seed 004 §5.2.5.1) and, for work orders, the fields of seed 000: label and value pairs.

`info_fields` is shared by the detail tab and the printed document, so both show the same things.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QWidget

from agent_app.services.queries import overdue_days
from agent_app.services.tickets.detail import TicketDetail
from agent_app.ui.phone.click_to_dial import add_dial_menu
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.text import hours_text, local_time, status_text, type_text, with_colon

CONTEXT = "TicketInfo"

# fields that take a whole line
WIDE = frozenset({"address", "description", "opinion", "handling_result", "leftover", "cause_description",
                  "solution", "delivery_note", "category_path", "links"})


# hotline fields that mean nothing on a repair, inspection or installation order
HOTLINE_ONLY = frozenset({"caller_phone", "tags", "complaint_verdict", "duplicate_of", "meter_no", "call_time",
                          "dispatch_target", "callback_result", "satisfaction", "return_count", "extend_count",
                          "urge_count", "handling_result", "leftover"})


def _label(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def info_fields(detail: TicketDetail, lookups: Lookups) -> list[tuple[str, str, str]]:
    """(key, label, value) of every field shown, in reading order."""
    t = detail.ticket
    hotline = t["ticket_type"] == "hotline"
    related = "、".join(f"{link.number}" for link in detail.links if link.kind == "related")
    late = overdue_days(t.get("due_at"), t.get("closed_at"), datetime.now(timezone.utc))
    hours = t.get("deadline_hours")
    satisfaction = t.get("satisfaction")
    rows: list[tuple[str, str, object]] = [
        ("number", QT_TRANSLATE_NOOP("TicketInfo", "Ticket no."), t["number"]),
        ("registered_at", QT_TRANSLATE_NOOP("TicketInfo", "Created"), local_time(t.get("registered_at"))),
        ("ticket_type", QT_TRANSLATE_NOOP("TicketInfo", "Ticket type"), type_text(t["ticket_type"])),
        ("source_channel", QT_TRANSLATE_NOOP("TicketInfo", "Source"),
         lookups.name("source_channel", t.get("source_channel"))),
        ("registrar", QT_TRANSLATE_NOOP("TicketInfo", "Agent") if hotline
         else QT_TRANSLATE_NOOP("TicketInfo", "Created by"), t.get("registrar")),
        ("customer_name", QT_TRANSLATE_NOOP("TicketInfo", "Customer name"), t.get("customer_name")),
        ("caller_phone", QT_TRANSLATE_NOOP("TicketInfo", "Caller number"), t.get("caller_phone")),
        ("contact_name", QT_TRANSLATE_NOOP("TicketInfo", "Contact"), t.get("contact_name")),
        ("contact_phone", QT_TRANSLATE_NOOP("TicketInfo", "Contact phone"), t.get("contact_phone")),
        ("category_path", QT_TRANSLATE_NOOP("TicketInfo", "Service category"), t.get("category_path")),
        ("tags", QT_TRANSLATE_NOOP("TicketInfo", "Tags"), t.get("tags")),
        ("urgency", QT_TRANSLATE_NOOP("TicketInfo", "Urgency"), lookups.name("urgency", t.get("urgency"))),
        ("service_level", QT_TRANSLATE_NOOP("TicketInfo", "Ticket level"), t.get("service_level")),
        ("status", QT_TRANSLATE_NOOP("TicketInfo", "Status"), status_text(t["ticket_type"], t["status"])),
        ("deadline_hours", QT_TRANSLATE_NOOP("TicketInfo", "Time limit"), hours_text(hours) if hours else ""),
        ("due_at", QT_TRANSLATE_NOOP("TicketInfo", "Deadline"), local_time(t.get("due_at"))),
        ("complaint_verdict", QT_TRANSLATE_NOOP("TicketInfo", "Complaint verdict"),
         lookups.name("complaint_verdict", t.get("complaint_verdict"))),
        ("overdue_days", QT_TRANSLATE_NOOP("TicketInfo", "Days overdue"), late),
        ("extend_count", QT_TRANSLATE_NOOP("TicketInfo", "Extensions"), t.get("extend_count", 0)),
        ("urge_count", QT_TRANSLATE_NOOP("TicketInfo", "Reminders"), t.get("urge_count", 0)),
        ("return_count", QT_TRANSLATE_NOOP("TicketInfo", "Returns"), t.get("return_count", 0)),
        ("duplicate_of", QT_TRANSLATE_NOOP("TicketInfo", "Duplicate of"), t.get("duplicate_of")),
        ("meter_no", QT_TRANSLATE_NOOP("TicketInfo", "Meter no."), t.get("meter_no")),
        ("call_time", QT_TRANSLATE_NOOP("TicketInfo", "Call time"), local_time(t.get("call_time"))),
        ("area", QT_TRANSLATE_NOOP("TicketInfo", "Area"), t.get("area")),
        ("current_handler", QT_TRANSLATE_NOOP("TicketInfo", "Current handler"), t.get("current_handler")),
        ("dispatcher", QT_TRANSLATE_NOOP("TicketInfo", "Dispatched by"), t.get("dispatcher")),
        ("dispatch_target", QT_TRANSLATE_NOOP("TicketInfo", "Dispatched to"), t.get("dispatch_target")),
        ("final_handler", QT_TRANSLATE_NOOP("TicketInfo", "Final handler"), t.get("final_handler")),
        ("callback_result", QT_TRANSLATE_NOOP("TicketInfo", "Callback result"),
         lookups.name("callback_result", t.get("callback_result"))),
        ("satisfaction", QT_TRANSLATE_NOOP("TicketInfo", "Satisfaction"),
         f"{satisfaction} / 5" if satisfaction else ""),
        ("closed_at", QT_TRANSLATE_NOOP("TicketInfo", "Closed"), local_time(t.get("closed_at"))),
        ("links", QT_TRANSLATE_NOOP("TicketInfo", "Related tickets"), related),
        ("address", QT_TRANSLATE_NOOP("TicketInfo", "Address"), t.get("address")),
        ("description", QT_TRANSLATE_NOOP("TicketInfo", "Service description"), t.get("description")),
        ("opinion", QT_TRANSLATE_NOOP("TicketInfo", "Handling opinion"), t.get("opinion")),
        ("handling_result", QT_TRANSLATE_NOOP("TicketInfo", "Handling result"), t.get("handling_result")),
        ("leftover", QT_TRANSLATE_NOOP("TicketInfo", "Outstanding issues"), t.get("leftover")),
    ]
    if not hotline:
        rows += [
            ("provider", QT_TRANSLATE_NOOP("TicketInfo", "Service provider"), t.get("provider")),
            ("product_line", QT_TRANSLATE_NOOP("TicketInfo", "Product line"),
             lookups.name("product_line", t.get("product_line"))),
            ("device_sn", QT_TRANSLATE_NOOP("TicketInfo", "Device SN"), t.get("device_sn")),
            ("engineer", QT_TRANSLATE_NOOP("TicketInfo", "Engineer"), t.get("engineer")),
            ("root_cause", QT_TRANSLATE_NOOP("TicketInfo", "Root cause"),
             lookups.name("root_cause", t.get("root_cause"))),
            ("visit_time", QT_TRANSLATE_NOOP("TicketInfo", "Visit time"), local_time(t.get("visit_time"))),
            ("completion_time", QT_TRANSLATE_NOOP("TicketInfo", "Completed"), local_time(t.get("completion_time"))),
            ("cause_description", QT_TRANSLATE_NOOP("TicketInfo", "Cause description"), t.get("cause_description")),
            ("solution", QT_TRANSLATE_NOOP("TicketInfo", "Solution"), t.get("solution")),
            ("delivery_note", QT_TRANSLATE_NOOP("TicketInfo", "Delivery note"), t.get("delivery_note")),
        ]
    if not hotline:
        rows = [row for row in rows if row[0] not in HOTLINE_ONLY]
    return [(key, _label(label), "" if value is None else str(value)) for key, label, value in rows]


class InfoView(QScrollArea):
    """The fields in a grid of three label/value pairs per line; long texts take a whole line."""

    PAIRS = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketInfo")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.values: dict[str, QLabel] = {}

    def show_detail(self, detail: TicketDetail, lookups: Lookups) -> None:
        body = QWidget(objectName="ticketInfoBody")
        grid = QGridLayout(body)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.values = {}
        row, pair = 0, 0
        for key, label_text, value in info_fields(detail, lookups):
            label = QLabel(with_colon(label_text), objectName=f"label_{key}")
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setStyleSheet("color: #5b6b7b;")
            shown = QLabel(value or "—", objectName=f"value_{key}")
            shown.setProperty("dataText", True)
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = shown
            if key in ("caller_phone", "contact_phone"):  # right-click: dial this number
                add_dial_menu(shown, lambda _pos, label=shown: label.text())
            if key in WIDE:
                if pair:
                    row, pair = row + 1, 0
                grid.addWidget(label, row, 0)
                grid.addWidget(shown, row, 1, 1, self.PAIRS * 2 - 1)
                row += 1
                continue
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(shown, row, pair * 2 + 1)
            pair += 1
            if pair == self.PAIRS:
                row, pair = row + 1, 0
        for column in range(self.PAIRS):
            grid.setColumnStretch(column * 2 + 1, 1)
        grid.setRowStretch(row + 1, 1)
        old = self.takeWidget()
        if old is not None:
            old.deleteLater()
        self.setWidget(body)
