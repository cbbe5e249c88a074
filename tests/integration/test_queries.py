"""Ticket queries: conditions, fuzzy Chinese search, keyset paging, tree counts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agent_app.domain.errors import PermissionDenied, ValidationError
from agent_app.services.queries import TicketQuery


@pytest.fixture()
def tickets(world):
    made = {}
    for key, address, description, urgency in [
        ("t1", "天河区科技园路12号", "水管爆裂，马路积水", "critical"),
        ("t2", "天河区科技园路120号", "水压偏低", "normal"),
        ("t3", "越秀区中山大道5号", "水费账单疑问", "normal"),
        ("t4", "海珠区江南大道8号园路口", "园路口消防栓漏水", "urgent"),
    ]:
        world.clock.advance(minutes=10)
        made[key] = world.register(address=address, description=description, urgency=urgency)
    dispatcher = world.actor(world.a, "dispatcher")
    world.services.tickets.perform(dispatcher, made["t1"], "dispatch", 1, target_id=world.a.target_ids["张伟"])
    return made


def _ids(world, key="admin", **conditions):
    return [r.id for r in world.services.queries.page(world.actor(world.a, key), TicketQuery(**conditions)).rows]


@pytest.mark.parametrize("frequent", [1000, 1], ids=["rare keyword plan", "frequent keyword plan"])
def test_chinese_substring_search_in_address_and_description(world, tickets, frequent, monkeypatch):
    monkeypatch.setattr("agent_app.services.search.FREQUENT", frequent)  # both plans find the same rows
    assert sorted(_ids(world, address="科技园路12")) == sorted([tickets["t1"], tickets["t2"]])
    assert _ids(world, address="园路口") == [tickets["t4"]]
    assert sorted(_ids(world, address="园路")) == sorted([tickets["t1"], tickets["t2"], tickets["t4"]])  # 2 chars
    assert _ids(world, description="漏水") == [tickets["t4"]]
    assert _ids(world, description="100%") == []  # wildcards are literal


@pytest.mark.parametrize("walk", [1, 2, 20_000], ids=["walk finds no page", "walk of two", "walk of all"])
def test_search_pages_are_the_same_whether_the_newest_walk_or_the_index_answers(world, tickets, walk, monkeypatch):
    """PostgreSQL walks the newest tickets first and asks the trigram index when that finds no
    full page (recent_walk.py): page by page, newest first, the rows are those of a full scan."""
    monkeypatch.setattr("agent_app.services.recent_walk.RECENT_WALK", walk)
    admin = world.actor(world.a, "admin")
    world.clock.advance(minutes=10)
    newest = world.register(address="天河区科技园路12号之一", description="园路口水压偏低", urgency="normal")
    for query, expected in (
            (TicketQuery(address="科技园路12"), [newest, tickets["t2"], tickets["t1"]]),
            (TicketQuery(address="科技园路12", urgency="normal"), [newest, tickets["t2"]]),
            (TicketQuery(description="园路口"), [newest, tickets["t4"]]),
            (TicketQuery(address="园路口", description="园路口"), [tickets["t4"]])):
        seen, cursor = [], None
        while True:
            page = world.services.queries.page(admin, query, after=cursor, limit=1)
            seen += [r.id for r in page.rows]
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
        assert seen == expected, query
    agent = world.actor(world.a, "agent")
    similar = [r.id for r in world.services.queries.similar_by_address(agent, "科技园路12", limit=2)]
    assert similar == [newest, tickets["t2"]]


def test_conditions_combine(world, tickets):
    assert _ids(world, status="dispatched") == [tickets["t1"]]
    assert _ids(world, status="new", urgency="normal") == [tickets["t3"], tickets["t2"]]
    assert _ids(world, dispatcher_id=world.a.user_ids["dispatcher"]) == [tickets["t1"]]
    assert _ids(world, caller_phone="0013 8000") and _ids(world, caller_phone="13900000000") == []
    number = world.services.tickets.detail(world.actor(world.a, "agent"), tickets["t3"]).ticket["number"]
    assert _ids(world, number=number[-4:]) == [tickets["t3"]]
    start = world.clock() - timedelta(minutes=15)
    assert _ids(world, registered_from=start) == [tickets["t4"], tickets["t3"]]


def test_keyset_pages_cover_everything_once(world, tickets):
    admin = world.actor(world.a, "admin")
    seen, cursor = [], None
    while True:
        page = world.services.queries.page(admin, TicketQuery(), after=cursor, limit=3)
        seen.extend(r.id for r in page.rows)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == [tickets[k] for k in ("t4", "t3", "t2", "t1")]
    ascending = world.services.queries.page(admin, TicketQuery(sort="number", descending=False), limit=2)
    assert [r.id for r in ascending.rows] == [tickets["t1"], tickets["t2"]]
    jump = world.services.queries.page(admin, TicketQuery(), limit=2, offset=2)
    assert [r.id for r in jump.rows] == [tickets["t2"], tickets["t1"]]


def test_rows_carry_the_list_columns(world, tickets):
    row = next(r for r in world.services.queries.page(world.actor(world.a, "admin"), TicketQuery()).rows
               if r.id == tickets["t1"])
    assert (row.status_label, row.category, row.company, row.registrar, row.dispatcher, row.current_handler) == (
        "已派单", "管道漏水", "广州自来水公司", "李晓燕", "王建国", "张伟")
    assert row.due_at is not None and row.overdue_days == 0


def test_overdue_days_count_from_the_deadline(world, tickets):
    world.clock.advance(days=3)  # critical: 4 hours to resolve
    row = next(r for r in world.services.queries.page(world.actor(world.a, "admin"), TicketQuery()).rows
               if r.id == tickets["t1"])
    assert row.overdue_days == 3
    assert _ids(world, overdue=True) == [tickets["t1"]]


def test_tree_counts_per_folder(world, tickets):
    counts = world.services.queries.tree_counts(world.actor(world.a, "dispatcher"))
    assert counts["all"] == 4 and counts["kind:fault"] == 4 and counts["kind:complaint"] == 0
    assert counts["my_pending"] == 3  # the three tickets still waiting to be dispatched
    assert counts["my_processed"] == 1
    handler = world.services.queries.tree_counts(world.actor(world.a, "handler"))
    assert handler["my_pending"] == 1 and "all" not in handler
    agent = world.services.queries.tree_counts(world.actor(world.a, "agent"))
    assert agent["my_applications"] == 4


def test_every_tree_count_is_the_number_of_rows_its_folder_lists(world, tickets):
    """The counts take shortcuts (history-driven "my processed", index-only "my pending"): they
    must still count exactly what the folder shows, per user and company, with several steps of
    one person on one ticket counted once."""
    dispatcher = world.actor(world.a, "dispatcher")
    handler = world.actor(world.a, "handler")
    world.services.tickets.perform(handler, tickets["t1"], "accept", 2)
    world.services.tickets.perform(handler, tickets["t1"], "handle", 3, opinion="已修复")
    for company, role in ((world.a, "dispatcher"), (world.a, "handler"), (world.a, "agent"), (world.a, "admin"),
                          (world.b, "dispatcher")):
        actor = world.actor(company, role)
        for folder, count in world.services.queries.tree_counts(actor).items():
            listed = world.services.queries.page(actor, TicketQuery(folder=folder), limit=500).rows
            assert count == len(listed), (role, folder)
    assert world.services.queries.tree_counts(handler)["my_processed"] == 1
    assert world.services.queries.tree_counts(dispatcher)["my_processed"] == 1


def test_folders_and_page_sizes_are_checked(world, tickets):
    with pytest.raises(PermissionDenied):
        world.services.queries.page(world.actor(world.a, "handler"), TicketQuery(folder="all"))
    with pytest.raises(ValidationError):
        world.services.queries.page(world.actor(world.a, "admin"), TicketQuery(), limit=0)
    with pytest.raises(ValidationError):
        world.services.queries.page(world.actor(world.a, "admin"), TicketQuery(folder="everything"))


def test_similar_addresses_for_an_agent(world, tickets):
    rows = world.services.queries.similar_by_address(world.actor(world.a, "agent"), "科技园路")
    assert [r.id for r in rows] == [tickets["t2"], tickets["t1"]]
