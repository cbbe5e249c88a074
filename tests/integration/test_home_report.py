"""首页 statistics: complaints, government referrals, unfinished, timeliness and answer rate."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from agent_app.domain.errors import PermissionDenied
from agent_app.services.calls import CallInput


def _handle(world, ticket_id, *, late: bool) -> None:
    a, tickets = world.a, world.services.tickets
    tickets.perform(world.actor(a, "dispatcher"), ticket_id, "dispatch", 1, target_id=a.target_ids["张伟"])
    tickets.perform(world.actor(a, "handler"), ticket_id, "accept", 2)
    world.clock.advance(days=5 if late else 0, hours=1)
    tickets.perform(world.actor(a, "handler"), ticket_id, "handle", 3, opinion="已处理")


def test_month_figures_for_the_company_and_per_area(world):
    a = world.a
    tianhe, yuexiu = a.area_ids["天河区"], a.area_ids["越秀区"]
    complaint = world.leaf_category(a, "水压")
    on_time = world.register(area_id=tianhe, category_id=complaint, urgency="normal")
    late = world.register(area_id=tianhe, urgency="normal")
    world.register(area_id=yuexiu, source_channel="gov_12345")
    world.register(area_id=yuexiu, source_channel="gov_supervision", category_id=complaint)
    _handle(world, on_time, late=False)
    _handle(world, late, late=True)
    agent = world.services.seats.hotline_login(world.actor(a, "agent"), "1001", "8001")
    now = world.clock()
    for answered in (True, True, True, False):
        world.services.calls.record(agent, CallInput("in", "13800138000", "95000", ring_at=now - timedelta(minutes=5),
                                                     answer_at=now - timedelta(minutes=4) if answered else None,
                                                     end_at=now))
    stats = world.services.home.statistics(world.actor(a, "supervisor"), date(2026, 11, 1))
    company = stats.company
    assert (company.total, company.complaints, company.government, company.unfinished) == (4, 2, 2, 4)
    assert (company.after_sales, company.after_sales_timely, company.after_sales_rate) == (2, 1, 0.5)
    assert (company.complaints_due, company.complaint_rate) == (1, 1.0)
    assert stats.answer_rate == 0.75
    by_area = {row.area: row.figures for row in stats.areas}
    assert (by_area["天河区"].total, by_area["越秀区"].government) == (2, 2)
    assert world.services.home.statistics(world.actor(a, "supervisor"), date(2026, 10, 1)).company.total == 0
    assert world.services.home.statistics(world.actor(world.b, "supervisor"), date(2026, 11, 1)).company.total == 0


def test_engineers_have_no_home_page(world):
    with pytest.raises(PermissionDenied):
        world.services.home.statistics(world.actor(world.a, "engineer"), date(2026, 11, 1))
