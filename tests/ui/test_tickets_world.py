"""The demo world the ticket-management UI tests share (imported by the other test_tickets_* files):
a migrated SQLite database with the demo organisation of one water company, built through the
services, and helpers to sign in as any of its people and to open the page or a detail as them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from agent_app.services.actor import Actor
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany, build_company
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.tickets.registration import RegistrationForm, WorkOrderForm
from agent_app.ui.ops import runner
from agent_app.ui.session import DatabaseLocation, Session


@dataclass
class World:
    services: Services
    a: DemoCompany

    def actor(self, key: str) -> Actor:
        with self.services.uow() as uow:
            return actor_for_account(uow.session, self.a.accounts[key])

    def session(self, key: str) -> Session:
        return Session(self.services, self.actor(key), DatabaseLocation(True, "/tmp/agent-desk-test.sqlite3"))

    def leaf_category(self, name: str = "管道漏水") -> int:
        return next(c.id for c in self.services.catalog.categories(self.actor("admin")) if c.name == name and c.is_leaf)

    def register(self, key: str = "agent", **overrides) -> int:
        form = RegistrationForm(description="天河路100号楼下水管漏水，水流很大", category_id=self.leaf_category(),
                                caller_phone="13800138000", contact_name="张先生", address="天河路100号",
                                urgency="urgent")
        for name, value in overrides.items():
            setattr(form, name, value)
        return self.services.tickets.register(self.actor(key), form).id

    def work_order(self, ticket_type: str = "repair", **overrides) -> int:
        form = WorkOrderForm(ticket_type=ticket_type, provider_id=self.a.provider_id, product_line="smart_meter",
                             description="小区智能水表批量离线", device_sn="SM-2026-000123", customer_name="天河花园物业",
                             contact_phone="020-38881234", address="天河区天河路100号")
        for name, value in overrides.items():
            setattr(form, name, value)
        return self.services.tickets.create_work_order(self.actor("dispatcher"), form).id

    def perform(self, key: str, ticket_id: int, action: str, **params):
        actor = self.actor(key)
        version = self.services.tickets.detail(actor, ticket_id).version
        return self.services.tickets.perform(actor, ticket_id, action, version, **params)

    def detail(self, key: str, ticket_id: int):
        return self.services.tickets.detail(self.actor(key), ticket_id)


def _world(url: str):
    services = Services(create_db_engine(url))
    today = datetime.now(timezone.utc).astimezone(LOCAL_TZ).date()
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司", today=today)
        uow.commit()
    yield World(services, company)
    services.close()


@pytest.fixture()
def world(sqlite_url) -> World:
    yield from _world(sqlite_url)


@pytest.fixture()
def world_on_both(db_url) -> World:
    """The same world on SQLite and on PostgreSQL, for the end-to-end flows."""
    yield from _world(db_url)


def settle(qtbot) -> None:
    """Wait until every op started so far was delivered (and the ones those started)."""
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)
    qtbot.wait(10)
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=10_000)


def test_the_world_has_every_role(world):
    for key in ("agent", "dispatcher", "handler", "callback", "provider", "engineer"):
        assert world.actor(key).can("menu:tickets")
    assert world.detail("agent", world.register()).ticket["status"] == "registered"
