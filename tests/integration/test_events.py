"""Live events between desktops: LISTEN/NOTIFY across connections and processes, per company only."""

from __future__ import annotations

import queue
import subprocess
import sys
import textwrap

import psycopg
import pytest

from agent_app.services.database import create_db_engine
from agent_app.services.events.bus import Event, InProcessBus
from agent_app.services.events.postgres import LISTENER_NAME, PostgresBus, listener_dsn


def _collect(bus, company_id: int) -> queue.Queue:
    received: queue.Queue = queue.Queue()
    bus.subscribe(company_id, received.put)
    return received


def _next(received: queue.Queue, kind: str, timeout: float = 10) -> Event:
    while True:
        event = received.get(timeout=timeout)
        if event.kind == kind:
            return event


def test_in_process_bus_delivers_to_the_company_only():
    bus = InProcessBus()
    a, b = _collect(bus, 1), _collect(bus, 2)
    bus.publish(1, "seat_state", {"user_id": 7, "state": "ready"})
    assert a.get_nowait().payload == {"user_id": 7, "state": "ready"}
    assert b.empty()


@pytest.mark.postgres
def test_postgres_events_cross_connections_and_stay_in_their_company(postgres_url):
    engine = create_db_engine(postgres_url)
    publisher, listener = PostgresBus(engine, listener_dsn(engine)), PostgresBus(engine, listener_dsn(engine))
    mine, other = _collect(listener, 1), _collect(listener, 2)
    assert _next(mine, "bus_state").payload == {"connected": True}
    publisher.publish(1, "ticket_changed", {"ticket_id": 42, "action": "dispatch"})
    publisher.publish(3, "ticket_changed", {"ticket_id": 43})
    event = _next(mine, "ticket_changed")
    assert event.company_id == 1 and event.payload["ticket_id"] == 42
    assert all(e.kind == "bus_state" for e in list(other.queue))
    publisher.close()
    listener.close()
    engine.dispose()


@pytest.mark.postgres
def test_an_event_from_another_process_arrives(postgres_url):
    engine = create_db_engine(postgres_url)
    listener = PostgresBus(engine, listener_dsn(engine))
    received = _collect(listener, 5)
    _next(received, "bus_state")
    script = textwrap.dedent(f"""
        from agent_app.services.database import create_db_engine
        from agent_app.services.events.postgres import PostgresBus, listener_dsn
        engine = create_db_engine({postgres_url!r})
        PostgresBus(engine, listener_dsn(engine)).publish(5, "seat_state", {{"user_id": 9, "state": "on_call"}})
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert _next(received, "seat_state").payload == {"user_id": 9, "state": "on_call"}
    listener.close()
    engine.dispose()


@pytest.mark.postgres
def test_the_listener_reconnects_after_its_connection_is_killed(postgres_url):
    engine = create_db_engine(postgres_url)
    listener = PostgresBus(engine, listener_dsn(engine))
    received = _collect(listener, 1)
    _next(received, "bus_state")
    dbname = engine.url.database
    with psycopg.connect(listener_dsn(engine).rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                      "WHERE datname = %s AND application_name = %s", (dbname, LISTENER_NAME))
    assert _next(received, "bus_state").payload == {"connected": False}
    assert _next(received, "bus_state", timeout=20).payload == {"connected": True}
    PostgresBus(engine, listener_dsn(engine)).publish(1, "ticket_changed", {"ticket_id": 1})
    assert _next(received, "ticket_changed").payload == {"ticket_id": 1}
    listener.close()
    engine.dispose()


@pytest.mark.postgres
def test_the_listener_comes_back_after_the_server_restarts(pg_cluster):
    """A real restart (`pg_ctl stop -m fast`, then start): the bus says it is down, reconnects by
    itself once the server is back, and delivers what is published afterwards."""
    engine = create_db_engine(pg_cluster.create_database("events"))
    listener = PostgresBus(engine, listener_dsn(engine))
    received = _collect(listener, 1)
    assert _next(received, "bus_state").payload == {"connected": True}
    pg_cluster.stop()
    assert _next(received, "bus_state").payload == {"connected": False}
    pg_cluster.start()
    assert _next(received, "bus_state", timeout=15).payload == {"connected": True}
    publisher = create_db_engine(pg_cluster.url("events"))  # another desktop
    PostgresBus(publisher, listener_dsn(publisher)).publish(1, "seat_state", {"user_id": 3, "state": "ready"})
    assert _next(received, "seat_state").payload == {"user_id": 3, "state": "ready"}
    listener.close()
    publisher.dispose()
    engine.dispose()
