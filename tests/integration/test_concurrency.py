"""Concurrent changes are detected by the version column, never silently overwritten."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from agent_app.domain.errors import ConflictError
from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.models import TicketHistory
from agent_app.services.tickets.step_write import write_step
from agent_app.services.tickets.views import load_action_state


def _dispatched(world) -> int:
    ticket_id = world.register()
    dispatcher = world.actor(world.a, "dispatcher")
    world.services.tickets.perform(dispatcher, ticket_id, "dispatch", 1, target_id=world.a.target_ids["供水管网部"])
    return ticket_id


def test_a_stale_version_is_refused_and_changes_nothing(world):
    ticket_id = _dispatched(world)
    handler = world.actor(world.a, "handler")
    with pytest.raises(ConflictError) as refused:
        world.services.tickets.perform(handler, ticket_id, "accept", 1)
    assert "已被他人修改" in refused.value.message("zh_CN")
    detail = world.services.tickets.detail(handler, ticket_id)
    assert detail.ticket["status"] == "dispatched" and len(detail.history) == 2


def test_a_change_between_reading_and_writing_writes_neither_the_ticket_nor_its_history(world):
    """A desk read the ticket at version 2, another desk urged it before the first one wrote: the
    write (on PostgreSQL one statement for the ticket and its history row) changes nothing."""
    ticket_id = _dispatched(world)
    agent = world.actor(world.a, "agent")
    with world.services.uow() as uow:
        stale = load_action_state(uow.session, agent, ticket_id).ticket
    world.services.tickets.perform(agent, ticket_id, "urge", 2, opinion="客户来电催促")
    stale.urge_count += 1
    stale.version += 1
    step = {"company_id": stale.company_id, "at": world.clock(), "action": "urge", "actor_id": agent.user_id,
            "actor_name": agent.name, "actor_phone": None, "from_status": stale.status, "to_status": stale.status,
            "opinion": "又一次催促", "detail": None, "elapsed_seconds": 0}
    with world.services.uow() as uow:
        assert write_step(uow.session.connection(), stale, 2, step) is None
        uow.commit()
    detail = world.services.tickets.detail(agent, ticket_id)
    assert detail.ticket["urge_count"] == 1 and detail.ticket["version"] == 3
    assert [h.opinion for h in detail.history].count("又一次催促") == 0 and len(detail.history) == 3


@pytest.mark.postgres
def test_two_postgres_connections_racing_to_accept_one_ticket(postgres_url):
    """Both read version 2 and accept at the same moment: exactly one wins."""
    from tests.integration.conftest import START, World
    from agent_app.services.clock import ManualClock
    from agent_app.services.demo.org import build_company
    from agent_app.services.tickets.numbering import LOCAL_TZ

    clock = ManualClock(START)
    services = Services(create_db_engine(postgres_url), clock)
    with services.uow() as uow:
        a = build_company(uow.session, "gz", "广州自来水公司", today=START.astimezone(LOCAL_TZ).date())
        b = build_company(uow.session, "fs", "佛山水务公司", today=START.astimezone(LOCAL_TZ).date())
        uow.commit()
    world = World(services, clock, a, b)
    ticket_id = _dispatched(world)
    handler = world.actor(a, "handler")
    # two separate engines: two real PostgreSQL connections, as two desktops would have
    desks = [Services(create_db_engine(postgres_url), clock) for _ in range(2)]
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def accept(desk: Services) -> None:
        barrier.wait()
        try:
            outcomes.append(desk.tickets.perform(handler, ticket_id, "accept", 2))
        except ConflictError as error:
            outcomes.append(error)

    threads = [threading.Thread(target=accept, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    conflicts = [o for o in outcomes if isinstance(o, ConflictError)]
    wins = [o for o in outcomes if not isinstance(o, ConflictError)]
    assert len(wins) == 1 and len(conflicts) == 1
    with services.uow() as uow:
        accepts = uow.session.scalar(select(func.count()).select_from(TicketHistory).where(
            TicketHistory.ticket_id == ticket_id, TicketHistory.action == "accept"))
    assert accepts == 1
    for desk in desks:
        desk.close()
    services.close()
