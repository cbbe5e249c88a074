"""A desktop's pooled connections across a real PostgreSQL restart."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from agent_app.services import database
from agent_app.services.database import create_db_engine


def _backend(engine) -> int:  # noqa: ANN001
    with engine.connect() as connection:
        return connection.execute(text("SELECT pg_backend_pid()")).scalar_one()


@pytest.mark.postgres
def test_the_first_call_after_a_restart_gets_a_fresh_connection(pg_cluster, monkeypatch):
    """The server restarts (`pg_ctl stop -m fast`: every session cut) while the desktop's pooled
    connection sits idle; the next call checks it, finds it dead and works on a new one instead
    of showing the user an error."""
    engine = create_db_engine(pg_cluster.create_database("reconnect"))
    first = _backend(engine)
    assert _backend(engine) == first  # back to back: the pooled connection is reused, unchecked
    pg_cluster.stop()
    pg_cluster.start()
    monkeypatch.setattr(database, "IDLE_PING_SECONDS", 0.0)  # however short the restart was
    assert _backend(engine) != first
    engine.dispose()
