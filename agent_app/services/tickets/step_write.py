"""Writing one workflow step: the ticket's changed columns and its history row, or neither.

The UPDATE is guarded by the version the action read (optimistic locking): a concurrent change
makes it match no row, and then no history row is written either. On PostgreSQL both go in one
statement (`WITH changed AS (UPDATE … RETURNING id) INSERT … SELECT … FROM changed RETURNING …`),
which also sends the step's event (`pg_notify` in the RETURNING: one NOTIFY per row written, none
for a conflict): with 8 desktops acting on a shared database at once (issue 7: 500 actions a
second on 2 cores) every round trip costs both ends CPU. SQLite, in process, takes the two
statements one after the other.
"""

from __future__ import annotations

from typing import Any, Mapping

from sqlalchemy import Connection, Insert, Update, bindparam, func, insert, select, update

from agent_app.services.events.bus import Notice
from agent_app.services.models import TicketHistory
from agent_app.services.tickets.ticket_row import TICKETS, TicketRow

HISTORY = TicketHistory.__table__
# The history columns a step writes (id is the database's; ticket_id comes from the update).
STEP_KEYS: tuple[str, ...] = ("company_id", "at", "action", "actor_id", "actor_name", "actor_phone", "from_status",
                              "to_status", "opinion", "detail", "elapsed_seconds")
_INSERT_HISTORY = insert(HISTORY).execution_options(prepare=True)  # prepared: see database._execute_prepared

# Statements per set of changed columns, built once: an action changes the same few columns every
# time, and a statement built per call would be compiled (and prepared) per call.
_UPDATES: dict[frozenset[str], Update] = {}
_STEPS: dict[tuple[frozenset[str], bool], Insert] = {}


def _update_for(keys: frozenset[str]) -> Update:
    statement = _UPDATES.get(keys)
    if statement is None:
        statement = (update(TICKETS)
                     .where(TICKETS.c.id == bindparam("row_id"), TICKETS.c.version == bindparam("read_version"))
                     .values({key: bindparam(key) for key in sorted(keys)})
                     .execution_options(prepare=True))
        _UPDATES[keys] = statement
    return statement


def _step_for(keys: frozenset[str], notify: bool) -> Insert:
    """The update as a CTE and the history insert selecting from it: no row updated, none inserted
    (and no notification sent)."""
    statement = _STEPS.get((keys, notify))
    if statement is None:
        changed = _update_for(keys).returning(TICKETS.c.id).cte("changed")
        values = select(*(bindparam(f"step_{key}", type_=HISTORY.c[key].type) for key in STEP_KEYS),
                        changed.c.id).select_from(changed)
        returned = [HISTORY.c.id]
        if notify:
            returned.append(func.pg_notify(bindparam("notice_channel"), bindparam("notice_message")))
        statement = (insert(HISTORY).from_select([*STEP_KEYS, "ticket_id"], values).add_cte(changed)
                     .returning(*returned).execution_options(prepare=True))
        _STEPS[(keys, notify)] = statement
    return statement


def write_step(connection: Connection, row: TicketRow, read_version: int, step: Mapping[str, Any],
               notice: Notice | None = None) -> int | None:
    """Write the ticket's changes and the history row `step` (values for `STEP_KEYS`) if the
    ticket is still at `read_version`, and send `notice` with them (PostgreSQL only): the history
    row's id. None if another transaction changed the ticket meanwhile; nothing is written then."""
    changes = row.changes
    update_params = {**changes, "row_id": row.id, "read_version": read_version}
    if connection.dialect.name == "postgresql":
        params = {**update_params, **{f"step_{key}": step[key] for key in STEP_KEYS}}
        if notice is not None:
            params.update(notice_channel=notice.channel, notice_message=notice.message)
        return connection.execute(_step_for(frozenset(changes), notice is not None), params).scalar()
    if notice is not None:
        raise ValueError("a notice is sent by PostgreSQL only")
    if connection.execute(_update_for(frozenset(changes)), update_params).rowcount != 1:
        return None
    return connection.execute(_INSERT_HISTORY, {**step, "ticket_id": row.id}).inserted_primary_key[0]
