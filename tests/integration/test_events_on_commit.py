"""A workflow action's event travels with its transaction: sent when it commits, never when it
rolls back, on both buses (in process for the embedded database, NOTIFY on PostgreSQL)."""

from __future__ import annotations

import queue

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from agent_app.domain.errors import ValidationError
from agent_app.services.database import create_db_engine
from agent_app.services.events.bus import Event, InProcessBus
from agent_app.services.events.postgres import PostgresBus, listener_dsn


def _events(bus, company_id: int) -> queue.Queue:
    received: queue.Queue = queue.Queue()
    bus.subscribe(company_id, received.put)
    return received


def _kinds(received: queue.Queue, wait: float) -> list[str]:
    kinds = []
    try:
        while True:
            kinds.append(received.get(timeout=wait).kind)
    except queue.Empty:
        return [k for k in kinds if k != "bus_state"]


def test_in_process_event_waits_for_the_commit_and_dies_with_a_rollback(tmp_path):
    engine = create_db_engine(f"sqlite:///{tmp_path / 'e.sqlite3'}")
    bus = InProcessBus()
    received = _events(bus, 1)
    with Session(engine) as session:
        session.execute(text("SELECT 1"))
        bus.publish_on_commit(session, 1, "ticket_changed", {"ticket_id": 1})
        assert received.empty()  # not before the change is visible
        session.commit()
        assert received.get_nowait().payload == {"ticket_id": 1}
        bus.publish_on_commit(session, 1, "ticket_changed", {"ticket_id": 2})
        session.rollback()
        session.commit()  # a later commit does not resurrect the rolled-back event
    assert received.empty()
    engine.dispose()


def test_a_refused_action_announces_nothing(world):
    received = _events(world.services.events, world.a.id)
    ticket_id = world.register()
    assert _kinds(received, 0.05) == ["ticket_changed"]
    dispatcher = world.actor(world.a, "dispatcher")
    with pytest.raises(ValidationError):
        world.services.tickets.perform(dispatcher, ticket_id, "dispatch", 1, target_id="供水管网部")
    assert _kinds(received, 0.05) == []


@pytest.mark.postgres
def test_postgres_notify_is_sent_at_commit_only(postgres_url):
    engine = create_db_engine(postgres_url)
    listener = PostgresBus(engine, listener_dsn(engine))
    received = _events(listener, 9)
    first = received.get(timeout=10)
    assert isinstance(first, Event) and first.kind == "bus_state"
    with Session(engine) as session:
        listener.publish_on_commit(session, 9, "ticket_changed", {"ticket_id": 1})
        assert _kinds(received, 0.5) == []  # inside the transaction: nothing yet
        session.rollback()
        listener.publish_on_commit(session, 9, "ticket_changed", {"ticket_id": 2})
        session.commit()
    event = received.get(timeout=10)
    assert event.kind == "ticket_changed" and event.payload == {"ticket_id": 2}
    assert _kinds(received, 0.5) == []
    listener.close()
    engine.dispose()
