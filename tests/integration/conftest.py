"""A small world on a fresh database (SQLite and PostgreSQL): two companies of one water group,
each with people in every role, areas, dispatch targets, a provider and engineers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pytest

from agent_app.services.actor import Actor
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.clock import ManualClock
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany, build_company
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.tickets.registration import RegistrationForm

START = datetime(2026, 11, 23, 1, 30, tzinfo=timezone.utc)  # 09:30 in Shanghai


@dataclass
class World:
    services: Services
    clock: ManualClock
    a: DemoCompany
    b: DemoCompany

    def actor(self, company: DemoCompany, key: str) -> Actor:
        with self.services.uow() as uow:
            return actor_for_account(uow.session, company.accounts[key])

    def leaf_category(self, company: DemoCompany, name: str = "管道漏水") -> int:
        return next(c.id for c in self.services.catalog.categories(self.actor(company, "admin"))
                    if c.name == name and c.is_leaf)

    def register(self, company: DemoCompany | None = None, **overrides) -> int:
        company = company or self.a
        form = RegistrationForm(
            description="天河路100号楼下水管漏水，水流很大", category_id=self.leaf_category(company),
            caller_phone="13800138000", contact_name="张先生", address="天河路100号", urgency="urgent",
        )
        for key, value in overrides.items():
            setattr(form, key, value)
        return self.services.tickets.register(self.actor(company, "agent"), form).id


@pytest.fixture()
def world(db_url) -> World:
    clock = ManualClock(START)
    services = Services(create_db_engine(db_url), clock)
    today = START.astimezone(LOCAL_TZ).date()
    with services.uow() as uow:
        a = build_company(uow.session, "gz", "广州自来水公司", today=today)
        b = build_company(uow.session, "fs", "佛山水务公司", today=today)
        uow.commit()
    yield World(services, clock, a, b)
    services.close()
