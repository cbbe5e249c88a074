"""How ticket values read on screen: local times, durations, state and action names in the UI language."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from agent_app.domain.workflow import workflow_for
from agent_app.domain.workflow.definitions import ACTIONS, WORKFLOWS
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.ui.i18n import current_language

CONTEXT = "TicketText"


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def english() -> bool:
    return current_language() == "en"


def as_local(moment: datetime) -> datetime:
    """Times are stored in UTC; people read them in the utility's time zone (Asia/Shanghai)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(LOCAL_TZ)


def local_time(moment: datetime | None, seconds: bool = False) -> str:
    if moment is None:
        return ""
    return as_local(moment).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def duration(seconds: int) -> str:
    """耗时 in days, hours and minutes, the two largest units that are not zero."""
    if seconds < 60:
        return QCoreApplication.translate("TicketText", "%1 s").replace("%1", str(max(seconds, 0)))
    minutes, _ = divmod(seconds, 60)
    days, minutes = divmod(minutes, 1440)
    hours, minutes = divmod(minutes, 60)
    parts = [(days, QCoreApplication.translate("TicketText", "%1 d")), (hours, hours_text("%1")),
             (minutes, QCoreApplication.translate("TicketText", "%1 min"))]
    shown = [unit.replace("%1", str(value)) for value, unit in parts if value]
    return " ".join(shown[:2])


def hours_text(hours: int | str) -> str:
    return QCoreApplication.translate("TicketText", "%1 h").replace("%1", str(hours))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def status_text(ticket_type: str, status: str) -> str:
    state = workflow_for(ticket_type).state(status)
    return _capital(state.en) if english() else state.zh


def type_text(ticket_type: str) -> str:
    workflow = workflow_for(ticket_type)
    return _capital(workflow.en) if english() else workflow.zh


def with_colon(label: str) -> str:
    """A field label followed by the colon of the UI language."""
    return f"{label}:" if english() else f"{label}："


def action_text(action: str) -> str:
    known = ACTIONS.get(action)
    if known is None:
        return action
    return _capital(known.en) if english() else known.zh


def milestone_text(action: str, label: str) -> str:
    """The flow node's own Chinese label, or the action's English name."""
    return action_text(action) if english() else label


def state_choices() -> list[tuple[str, str]]:
    """(code, label) of every ticket state, once each, in workflow order."""
    seen: dict[str, str] = {}
    for workflow in WORKFLOWS.values():
        for state in workflow.states:
            seen.setdefault(state.code, _capital(state.en) if english() else state.zh)
    return list(seen.items())


ATTACHMENT_KINDS = ("service_report", "inspection_report", "acceptance_report", "implementation_report", "photo",
                    "other")
_ATTACHMENT_LABELS = {
    "service_report": QT_TRANSLATE_NOOP("TicketText", "Service report"),
    "inspection_report": QT_TRANSLATE_NOOP("TicketText", "Inspection report"),
    "acceptance_report": QT_TRANSLATE_NOOP("TicketText", "Acceptance report"),
    "implementation_report": QT_TRANSLATE_NOOP("TicketText", "Implementation report"),
    "photo": QT_TRANSLATE_NOOP("TicketText", "On-site photo"),
    "other": QT_TRANSLATE_NOOP("TicketText", "Other attachment"),
}


def attachment_kind_text(kind: str) -> str:
    return tr(_ATTACHMENT_LABELS[kind]) if kind in _ATTACHMENT_LABELS else kind


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / 1024 / 1024:.1f} MB"

