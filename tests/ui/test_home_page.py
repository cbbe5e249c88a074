"""The home page shows the month's figures and the per-area table, in Chinese."""

from __future__ import annotations


import pytest

from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.demo.org import build_company
from agent_app.services.tickets.registration import RegistrationForm
from agent_app.ui.home.home_page import HomePage
from agent_app.ui.session import DatabaseLocation, Session


@pytest.fixture()
def session(sqlite_url):
    services = Services.open(sqlite_url)
    with services.uow() as uow:
        demo = build_company(uow.session, "gz", "广州自来水公司")
        uow.commit()
    with services.uow() as uow:
        agent = actor_for_account(uow.session, demo.accounts["agent"])
        supervisor = actor_for_account(uow.session, demo.accounts["supervisor"])
    leaf = next(c.id for c in services.catalog.categories(agent) if c.name == "水压")
    for area in ("天河区", "天河区", "越秀区"):
        services.tickets.register(agent, RegistrationForm(description="水压低", category_id=leaf,
                                                          caller_phone="13800138000", area_id=demo.area_ids[area]))
    yield Session(services, supervisor, DatabaseLocation.from_url(sqlite_url))
    services.close()


def test_home_page_shows_figures_per_area(qtbot, session):
    page = HomePage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=10000)
    assert page.cards["complaints"].value.text() == "3"
    assert page.cards["unfinished"].value.text() == "3"
    assert page.cards["answer_rate"].value.text() == "—"  # no calls this month
    proxy = page.table.model()
    areas = {proxy.index(r, 0).data(): proxy.index(r, 3).data() for r in range(proxy.rowCount())}
    assert areas == {"天河区": 2, "越秀区": 1}


def test_area_model_passes_the_model_tester(qtbot, qtmodeltester, session):
    page = HomePage(session)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.statistics is not None, timeout=10000)
    qtmodeltester.check(page.model)
