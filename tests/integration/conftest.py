"""A small world on a fresh database (SQLite and PostgreSQL): two companies of one water group,
each with people in every role, areas, dispatch targets, a provider and engineers."""

from __future__ import annotations

import copy
from contextlib import nullcontext
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pytest

from agent_app.services.actor import Actor
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.clock import ManualClock
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.tickets.registration import RegistrationForm
from tests.fixtures.companies import two_companies
from tests.fixtures.databases import database_name, postgres_copy, sqlite_copy

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


def _build(url: str) -> tuple[DemoCompany, DemoCompany]:
    return two_companies(url, START.astimezone(LOCAL_TZ).date())


# The world is built once per database kind and copied for each test (a file copy, or
# CREATE DATABASE … TEMPLATE): every test starts from the same rows in a fraction of the time.

@pytest.fixture(scope="session")
def _sqlite_world(_sqlite_template, tmp_path_factory):
    url = sqlite_copy(_sqlite_template, tmp_path_factory.mktemp("world"))
    companies = _build(url)
    engine = create_db_engine(url)
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.dispose()
    return Path(url.removeprefix("sqlite:///")), companies


@pytest.fixture(scope="session")
def _postgres_world(_postgres_template):
    with postgres_copy(_postgres_template, prefix="agent_desk_world") as url:
        companies = _build(url)
        yield database_name(url), companies


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def world(request, tmp_path) -> World:
    if request.param == "sqlite":
        template, (a, b) = request.getfixturevalue("_sqlite_world")
        urls = nullcontext(sqlite_copy(template, tmp_path))
    else:
        template, (a, b) = request.getfixturevalue("_postgres_world")
        urls = postgres_copy(template)
    with urls as url:
        clock = ManualClock(START)
        services = Services(create_db_engine(url), clock)
        yield World(services, clock, copy.deepcopy(a), copy.deepcopy(b))
        services.close()
