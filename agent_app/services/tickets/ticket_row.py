"""A ticket as a workflow action reads and changes it: its columns, and which of them it changed.

An action used to load the ORM entity and let the unit of work write it back. With 8 desktops
acting on a shared database at once (issue 7: 500 actions a second) that machinery was most of an
action's CPU, so an action reads the columns with one Core select (`views.load_action_state`),
its effects set attributes on this row as they did on the entity, and `step_write` sends only
what changed.
"""

from __future__ import annotations

from typing import Any, Mapping

from agent_app.services.models import Ticket

TICKETS = Ticket.__table__
COLUMN_KEYS: tuple[str, ...] = tuple(c.key for c in TICKETS.columns)
_IS_COLUMN = frozenset(COLUMN_KEYS)
# What the workflow's guards, its effects and the action's event read of a ticket: an action
# reads only these (a third of the columns; every column costs both ends CPU per action).
ACTION_COLUMNS: tuple[str, ...] = (
    "id", "company_id", "number", "ticket_type", "status", "status_category", "version", "urgency",
    "service_level_id", "registrar_id", "dispatcher_id", "dispatch_target_id", "current_handler_id",
    "final_handler_id", "provider_id", "engineer_id", "product_line", "due_at", "return_count", "urge_count",
    "extend_count",
)


class TicketRow:
    """Attribute access to the columns read of a ticket; assignments to any column are
    remembered as changes."""

    __slots__ = ("_values", "_changes")

    def __init__(self, values: dict[str, Any]) -> None:
        object.__setattr__(self, "_values", values)
        object.__setattr__(self, "_changes", {})

    def __getattr__(self, name: str) -> Any:  # only for names that are not slots: the columns
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(f"ticket column {name!r} was not read (see ACTION_COLUMNS)") from None

    def __setattr__(self, name: str, value: Any) -> None:
        if name not in _IS_COLUMN:
            raise AttributeError(f"ticket has no column {name!r}")
        self._values[name] = value
        self._changes[name] = value

    @property
    def values(self) -> Mapping[str, Any]:
        """The columns read, as changed so far."""
        return self._values

    @property
    def changes(self) -> Mapping[str, Any]:
        return self._changes
