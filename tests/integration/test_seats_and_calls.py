"""Agent states stored and shown on the board; call records written and searched."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from agent_app.domain.errors import NotFound, PermissionDenied, ValidationError
from agent_app.services.calls import CallFilter, CallInput
from agent_app.services.models import AgentStateChange


def _seat(world, key):
    actor = world.actor(world.a, key)
    return world.services.seats.hotline_login(actor, actor.agent_no or "1099", actor.extension or "8099")


def test_state_changes_are_stored_as_stretches(world):
    agent = _seat(world, "agent")
    seats = world.services.seats
    seats.change_state(agent, "ready")
    world.clock.advance(minutes=10)
    seats.change_state(agent, "not_ready", "小休")
    world.clock.advance(minutes=5)
    seats.change_state(agent, "ready")
    with world.services.uow() as uow:
        rows = uow.session.scalars(select(AgentStateChange).order_by(AgentStateChange.id)).all()
    assert [(r.state, r.reason, r.duration_seconds) for r in rows] == [
        ("ready", None, 600), ("not_ready", "小休", 300), ("ready", None, None)]


def test_the_board_shows_every_seat_with_state_call_and_answered_count(world):
    agent, agent2 = _seat(world, "agent"), _seat(world, "agent2")
    seats, calls = world.services.seats, world.services.calls
    seats.change_registration(agent, "registered")
    seats.change_state(agent, "ringing", call_number="13800138000", call_direction="in")
    seats.change_state(agent, "on_call", call_number="13800138000", call_direction="in")
    seats.change_state(agent2, "not_ready", "会议")
    now = world.clock()
    calls.record(agent, CallInput("in", "13900001111", "95000", ring_at=now - timedelta(minutes=9),
                                  answer_at=now - timedelta(minutes=8), end_at=now - timedelta(minutes=5),
                                  hangup_by="remote"))
    board = {row.name: row for row in seats.board(world.actor(world.a, "supervisor"))}
    assert set(board) == {"李晓燕", "陈思琪", "黄丽华"}  # the seats: users with an agent ID
    me = board["李晓燕"]
    assert (me.state, me.registration, me.call_number, me.call_direction, me.answered_today) == (
        "on_call", "registered", "13800138000", "in", 1)
    assert me.groups == ("热线一组",) and me.since == world.clock()
    assert (board["陈思琪"].state, board["陈思琪"].reason) == ("not_ready", "会议")
    assert board["黄丽华"].state == "logged_out"


def test_only_supervisors_see_the_board_and_manage_seats(world):
    with pytest.raises(PermissionDenied):
        world.services.seats.board(world.actor(world.a, "agent"))
    supervisor = world.actor(world.a, "supervisor")
    world.services.seats.manage_seat(supervisor, world.a.user_ids["agent2"], priority=1, enabled=False)
    assert [r.name for r in world.services.seats.board(supervisor)][0] == "陈思琪"
    with pytest.raises(PermissionDenied):
        world.services.seats.hotline_login(world.actor(world.a, "agent2"), "1002", "8002")
    with pytest.raises(NotFound):
        world.services.seats.manage_seat(supervisor, world.b.user_ids["agent"], priority=2)
    with pytest.raises(ValidationError):
        world.services.seats.manage_seat(supervisor, world.a.user_ids["agent"], priority=0)


def test_state_events_reach_subscribers_of_the_company(world):
    received = []
    world.services.events.subscribe(world.a.id, received.append)
    world.services.seats.change_state(_seat(world, "agent"), "ready")
    world.services.seats.change_state(world.actor(world.b, "agent"), "ready")
    for _ in range(100):
        if any(e.kind == "seat_state" for e in received):
            break
        time.sleep(0.05)
    seat_events = [e for e in received if e.kind == "seat_state"]
    assert [e.payload["state"] for e in seat_events] == ["ready"]
    assert seat_events[0].payload["user_id"] == world.a.user_ids["agent"]


def test_calls_are_recorded_searched_and_linked_to_their_ticket(world):
    agent = _seat(world, "agent")
    calls = world.services.calls
    now = world.clock()
    answered = calls.record(agent, CallInput("in", "13800138000", "95000", ring_at=now - timedelta(minutes=4),
                                             answer_at=now - timedelta(minutes=3), end_at=now, hangup_by="agent",
                                             ivr_trail="主菜单>报修>人工", recording_path="/rec/1.wav"))
    calls.record(agent, CallInput("in", "13700001111", "95000", ring_at=now - timedelta(minutes=1), end_at=now,
                                  hangup_by="remote"))
    ticket_id = world.register()
    calls.link_ticket(agent, answered, ticket_id)
    rows = calls.search(agent, CallFilter())
    assert [(r.caller, r.answered, r.talk_seconds) for r in rows] == [("13700001111", False, 0),
                                                                      ("13800138000", True, 180)]
    assert rows[1].ticket_ids == (ticket_id,) and rows[1].ivr_trail == "主菜单>报修>人工"
    assert [r.caller for r in calls.search(agent, CallFilter(answered=False))] == ["13700001111"]
    assert [r.caller for r in calls.search(agent, CallFilter(ivr_trail="报修"))] == ["13800138000"]
    detail = world.services.tickets.detail(agent, ticket_id)
    assert detail.recording_path == "/rec/1.wav"
    assert calls.search(world.actor(world.a, "agent2"), CallFilter()) == []  # only their own
    assert len(calls.search(world.actor(world.a, "supervisor"), CallFilter())) == 2
    assert calls.search(world.actor(world.b, "supervisor"), CallFilter()) == []


def test_a_call_that_ends_before_it_rang_is_refused(world):
    agent = _seat(world, "agent")
    now = world.clock()
    with pytest.raises(ValidationError):
        world.services.calls.record(agent, CallInput("in", "1", "2", ring_at=now, end_at=now - timedelta(seconds=1)))
    with pytest.raises(ValidationError):
        world.services.calls.record(agent, CallInput("sideways", "1", "2", ring_at=now, end_at=now))


def test_a_call_record_exists_while_it_rings_so_the_ticket_can_point_at_it(world):
    agent = _seat(world, "agent")
    calls = world.services.calls
    ring = world.clock()
    call_id = calls.start(agent, "in", "13800138000", "95000", ring, ivr_trail="报修")
    ticket_id = world.register(call_id=call_id)
    world.clock.advance(minutes=3)
    calls.finish(agent, call_id, answer_at=ring + timedelta(seconds=5), end_at=world.clock(), hangup_by="remote")
    row = calls.search(agent, CallFilter())[0]
    assert row.answered and row.talk_seconds == 175 and row.hangup_by == "remote"
    assert row.ticket_numbers == (world.services.tickets.detail(agent, ticket_id).ticket["number"],)
    with pytest.raises(NotFound):  # somebody else's call
        calls.finish(world.actor(world.a, "agent2"), call_id, end_at=world.clock())


def test_notices_are_published_per_company(world):
    supervisor = world.actor(world.a, "supervisor")
    notes = world.services.notes
    notes.publish_notice(supervisor, "天河区计划停水", "周六 8:00-18:00 停水", kind="outage",
                         area_id=world.a.area_ids["天河区"], starts_at=world.clock(),
                         ends_at=world.clock() + timedelta(days=1))
    assert [n.title for n in notes.notices(world.actor(world.a, "agent"))] == ["天河区计划停水"]
    assert notes.notices(world.actor(world.b, "agent")) == []
    world.clock.advance(days=2)
    assert notes.notices(world.actor(world.a, "agent")) == []  # over
    with pytest.raises(PermissionDenied):
        notes.publish_notice(world.actor(world.a, "agent"), "x", "y")
