"""Running a callback when a session's transaction commits, and never when it rolls back.

An event about a change must not arrive before the change is visible (a listener would reload
the old state) nor at all when the change was rolled back.
"""

from __future__ import annotations

from typing import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

_PENDING = "agent_desk_after_commit"


def after_commit(session: Session, callback: Callable[[], None]) -> None:
    """Call `callback` once the session's current transaction has committed."""
    session.connection()  # the transaction the callback belongs to (begun now if it was not yet)
    pending = session.info.get(_PENDING)
    if pending is None:
        pending = session.info[_PENDING] = []
        event.listen(session, "after_commit", _run)
        event.listen(session, "after_rollback", _drop)
    pending.append(callback)


def _run(session: Session) -> None:
    callbacks = list(session.info.get(_PENDING, ()))
    session.info[_PENDING] = []
    for callback in callbacks:
        callback()


def _drop(session: Session) -> None:
    session.info[_PENDING] = []
