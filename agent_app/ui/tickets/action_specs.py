"""The parameters each workflow action asks for (agent_app/domain/workflow/definitions.py), as data.

`ActionForm` builds its fields from these; a new action needs a line here, not a new dialog.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "TicketActions"


@dataclass(frozen=True)
class Param:
    name: str  # the keyword passed to TicketService.perform
    label: str  # English source text in the "TicketActions" context
    kind: str  # text | line | choice | int | datetime | files | ticket
    required: bool = False
    source: str | None = None  # choice: "dict:<kind>", "targets" or "engineers"
    low: int = 0
    high: int = 0
    default: int = 0
    offset_hours: int = 0  # datetime: the default is now + this


def opinion(required: bool = False, label: str = QT_TRANSLATE_NOOP("TicketActions", "Opinion")) -> Param:
    return Param("opinion", label, "text", required)


def uploads(required: bool = False) -> Param:
    return Param("attachments", QT_TRANSLATE_NOOP("TicketActions", "Attachments"), "files", required)


ENGINEER = Param("engineer_id", QT_TRANSLATE_NOOP("TicketActions", "Engineer"), "choice", True, "engineers")

FORMS: dict[str, tuple[Param, ...]] = {
    "dispatch": (Param("target_id", QT_TRANSLATE_NOOP("TicketActions", "Dispatch to"), "choice", True, "targets"),
                 opinion()),
    "accept": (opinion(),),
    "handle": (opinion(True, QT_TRANSLATE_NOOP("TicketActions", "Handling opinion")),
               Param("leftover", QT_TRANSLATE_NOOP("TicketActions", "Outstanding issues"), "text"), uploads()),
    "callback": (Param("result", QT_TRANSLATE_NOOP("TicketActions", "Callback result"), "choice", True,
                       "dict:callback_result"),
                 Param("satisfaction", QT_TRANSLATE_NOOP("TicketActions", "Satisfaction (1–5)"), "int", True,
                       low=1, high=5, default=5),
                 Param("feedback", QT_TRANSLATE_NOOP("TicketActions", "Customer feedback"), "text")),
    "close": (opinion(),),
    "close_on_call": (opinion(True),),
    "return": (opinion(True, QT_TRANSLATE_NOOP("TicketActions", "Reason for returning")),),
    "urge": (opinion(),),
    "extend": (Param("days", QT_TRANSLATE_NOOP("TicketActions", "Days"), "int", True, low=1, high=90, default=3),
               opinion(True, QT_TRANSLATE_NOOP("TicketActions", "Reason for the extension"))),
    "approve": (opinion(),),
    "reject": (opinion(True, QT_TRANSLATE_NOOP("TicketActions", "Reason for rejecting")),),
    "link": (Param("related_to", QT_TRANSLATE_NOOP("TicketActions", "Related ticket no."), "ticket", True),
             opinion()),
    "mark_duplicate": (Param("duplicate_of", QT_TRANSLATE_NOOP("TicketActions", "Duplicate of ticket no."), "ticket",
                             True), opinion()),
    "attach": (uploads(True), opinion()),
    "assign": (ENGINEER, opinion()),
    "reassign": (ENGINEER, opinion()),
    "process": (opinion(),),
    "work_log": (Param("start", QT_TRANSLATE_NOOP("TicketActions", "Start"), "datetime", True, offset_hours=-2),
                 Param("end", QT_TRANSLATE_NOOP("TicketActions", "End"), "datetime", True),
                 Param("title", QT_TRANSLATE_NOOP("TicketActions", "Title"), "line", True),
                 Param("content", QT_TRANSLATE_NOOP("TicketActions", "Work done"), "text", True),
                 Param("handler_name", QT_TRANSLATE_NOOP("TicketActions", "Handled by"), "line")),
    "suspend": (Param("start", QT_TRANSLATE_NOOP("TicketActions", "Start"), "datetime", True),
                Param("end", QT_TRANSLATE_NOOP("TicketActions", "End"), "datetime", True, offset_hours=24),
                opinion(True, QT_TRANSLATE_NOOP("TicketActions", "Reason for suspending"))),
    "resume": (opinion(),),
    "close_order": (Param("root_cause", QT_TRANSLATE_NOOP("TicketActions", "Root cause"), "choice", True,
                          "dict:root_cause"),
                    Param("cause_description", QT_TRANSLATE_NOOP("TicketActions", "Cause description"), "text", True),
                    Param("visit_time", QT_TRANSLATE_NOOP("TicketActions", "Visit time"), "datetime", True,
                          offset_hours=-3),
                    Param("completion_time", QT_TRANSLATE_NOOP("TicketActions", "Completion time"), "datetime", True),
                    Param("solution", QT_TRANSLATE_NOOP("TicketActions", "Solution"), "text"),
                    uploads(True)),
}

# the reports closing a work order needs, by ticket type (the service's guard checks them too)
CLOSE_REPORTS: dict[str, tuple[str, ...]] = {
    "repair": ("service_report",),
    "inspection": ("service_report", "inspection_report"),
    "installation": ("acceptance_report", "implementation_report"),
}


def params_for(action: str, ticket_type: str) -> tuple[Param, ...]:
    params = FORMS.get(action, (opinion(),))
    if action == "close_order" and ticket_type == "installation":  # installations have no visit time
        params = tuple(p for p in params if p.name != "visit_time")
    return params


def file_kinds(action: str, ticket_type: str) -> tuple[str, ...]:
    """The attachment kinds a form offers, the expected ones first."""
    first = CLOSE_REPORTS.get(ticket_type, ()) if action == "close_order" else ()
    rest = ("photo", "other", "service_report", "inspection_report", "acceptance_report", "implementation_report")
    return (*first, *(k for k in rest if k not in first))
