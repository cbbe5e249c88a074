"""Monitoring authorisation, sessions in the audit log and on the seat row, and the company policy."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from agent_app.domain.errors import PermissionDenied
from agent_app.services.models import AuditLog


def _audit(world, action):
    with world.services.uow() as uow:
        rows = uow.session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.id)).all()
        return [(r.company_id, r.user_id, r.target_id, r.success, json.loads(r.detail or "{}")) for r in rows]


def _agent(world):
    actor = world.actor(world.a, "agent")
    return world.services.seats.hotline_login(actor, actor.agent_no, actor.extension)


def test_a_supervisor_of_the_company_is_authorised_and_logged(world):
    agent = _agent(world)
    monitoring = world.services.monitoring
    supervisor_id = world.a.user_ids["supervisor"]
    assert monitoring.authorise(agent, supervisor_id, "listen", "call-1")
    [(company, who, whom, ok, detail)] = _audit(world, "monitor_request")
    assert (company, who, whom, ok) == (world.a.id, supervisor_id, str(agent.user_id), True)
    assert detail["mode"] == "listen" and detail["call_id"] == "call-1"


@pytest.mark.parametrize("requester, mode, reason", [
    ("agent2", "listen", "not_a_supervisor"),   # a colleague without seat.monitor
    ("other", "listen", "unknown_user"),        # the supervisor of another company
    ("supervisor", "shout", "unknown_mode"),
    ("nobody", "listen", "unknown_user"),
])
def test_anyone_else_is_refused_and_the_refusal_is_logged(world, requester, mode, reason):
    agent = _agent(world)
    user_id = {"agent2": world.a.user_ids["agent2"], "other": world.b.user_ids["supervisor"],
               "supervisor": world.a.user_ids["supervisor"], "nobody": 987654}[requester]
    assert not world.services.monitoring.authorise(agent, user_id, mode)
    [(company, who, whom, ok, detail)] = _audit(world, "monitor_request")
    assert (company, whom, ok, detail["refused"], detail["requested_by"]) == (
        world.a.id, str(agent.user_id), False, reason, user_id)
    assert who == (user_id if requester in ("agent2", "supervisor") else None)  # strangers stay anonymous


def test_a_session_marks_the_seat_logs_start_mode_and_end_and_publishes(world):
    agent = _agent(world)
    seats = world.services.seats
    seats.change_state(agent, "on_call", call_number="13800138000", call_direction="in")
    events = []
    world.services.events.subscribe(world.a.id, events.append)
    monitoring = world.services.monitoring
    supervisor = world.actor(world.a, "supervisor")
    session = monitoring.session_started(agent, supervisor.user_id, "listen", "call-1")
    row = next(r for r in seats.board(supervisor) if r.user_id == agent.user_id)
    assert row.monitored_by == supervisor.user_id
    world.clock.advance(seconds=30)
    session = monitoring.mode_changed(agent, session, "whisper")
    world.clock.advance(seconds=45)
    monitoring.session_ended(agent, session)
    row = next(r for r in seats.board(supervisor) if r.user_id == agent.user_id)
    assert row.monitored_by is None
    [(_, who, whom, _, start)] = _audit(world, "monitor_start")
    [(_, _, _, _, change)] = _audit(world, "monitor_mode")
    [(_, who_end, _, _, end)] = _audit(world, "monitor_end")
    assert (who, who_end, whom) == (supervisor.user_id, supervisor.user_id, str(agent.user_id))
    assert (start["mode"], change["from"], change["mode"], end["mode"], end["seconds"]) == (
        "listen", "listen", "whisper", "whisper", 75)
    assert end["start"] == start["start"]
    monitor_events = [e for e in events if e.kind == "monitor"]
    if world.services.engine.dialect.name == "sqlite":  # in process: delivered synchronously
        assert [e.payload["by"] for e in monitor_events] == [supervisor.user_id, supervisor.user_id, None]


def test_the_agent_is_told_unless_the_company_says_otherwise(world):
    monitoring = world.services.monitoring
    agent, supervisor = world.actor(world.a, "agent"), world.actor(world.a, "supervisor")
    assert monitoring.agent_is_told(agent)
    monitoring.set_agent_is_told(supervisor, False)
    assert not monitoring.agent_is_told(agent)
    assert monitoring.agent_is_told(world.actor(world.b, "agent"))  # another company's policy
    with pytest.raises(PermissionDenied):
        monitoring.set_agent_is_told(agent, True)
