"""Timed work runs in exactly one process: the holder of the advisory lock on PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.scheduler import Job, Scheduler
from agent_app.services.tickets.registration import WorkOrderForm


@pytest.mark.postgres
def test_only_one_process_leads_and_another_takes_over(postgres_url):
    desks = [Services(create_db_engine(postgres_url)) for _ in range(2)]
    runs: list[str] = []
    first = Scheduler(desks[0], [Job("count", 1, lambda: runs.append("first"))])
    second = Scheduler(desks[1], [Job("count", 1, lambda: runs.append("second"))])
    assert first.run_due(0) == ["count"]
    assert second.run_due(0) == []
    assert first.run_due(10) == ["count"] and second.run_due(10) == []
    first.stop()  # the leader goes away: its session ends and the lock with it
    assert second.run_due(20) == ["count"]
    assert runs == ["first", "first", "second"]
    second.stop()
    for desk in desks:
        desk.close()


def test_the_scheduler_ends_due_suspensions(world):
    a = world.a
    dispatcher = world.actor(a, "dispatcher")
    order = world.services.tickets.create_work_order(dispatcher, WorkOrderForm(
        ticket_type="repair", provider_id=a.provider_id, product_line="smart_meter", description="水表离线")).id
    engineer = world.actor(a, "engineer")
    tickets = world.services.tickets
    tickets.perform(world.actor(a, "provider"), order, "assign", 1, engineer_id=a.engineer_ids["engineer"])
    tickets.perform(engineer, order, "process", 2)
    now = world.clock()
    tickets.perform(engineer, order, "suspend", 3, start=now, end=now + timedelta(hours=1), opinion="等待备件")
    scheduler = Scheduler(world.services)
    world.clock.advance(hours=2)
    assert scheduler.run_due(0) == ["resume_due_suspensions"]
    assert tickets.detail(engineer, order).ticket["status"] == "processing"
    scheduler.stop()
