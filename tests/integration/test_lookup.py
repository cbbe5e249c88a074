"""Caller lookup: a number in any common format finds its customers and their newest tickets."""

from __future__ import annotations

import pytest

from agent_app.domain.errors import ValidationError
from agent_app.services.customers import CustomerForm
from agent_app.services.tickets.registration import RegistrationForm


@pytest.fixture()
def callers(world):
    admin = world.actor(world.a, "admin")
    wang = world.services.customers.create(admin, CustomerForm(
        name="王大明", mobile="138-0013-8000", phone="020-83331234", address="天河区天河路100号", meter_no="SB001"))
    li = world.services.customers.create(admin, CustomerForm(
        name="李小红", mobile="+86 139 1111 2222", phone="8333 1234", address="天河区天河路100号2楼"))
    return {"wang": wang, "li": li}


@pytest.mark.parametrize("dialled", ["13800138000", "+86 138 0013 8000", "008613800138000", "138-0013-8000"])
def test_a_mobile_in_any_format_finds_its_customer(world, callers, dialled):
    pop = world.services.lookup.by_phone(world.actor(world.a, "agent"), dialled)
    assert [c.name for c in pop.customers] == ["王大明"]
    assert pop.customers[0].meter_no == "SB001" and pop.number == "13800138000"


@pytest.mark.parametrize("dialled", ["83331234", "020-83331234", "+86 20 8333 1234", "(020) 8333-1234"])
def test_a_shared_landline_finds_every_household(world, callers, dialled):
    pop = world.services.lookup.by_phone(world.actor(world.a, "agent"), dialled)
    assert sorted(c.name for c in pop.customers) == ["李小红", "王大明"]


def test_unknown_number_finds_nobody_but_its_own_tickets(world, callers):
    agent = world.actor(world.a, "agent")
    world.register(caller_phone="13700001111", description="陌生号码来电报修")
    pop = world.services.lookup.by_phone(agent, "+86 137 0000 1111")
    assert pop.customers == []
    assert [t.description for t in pop.tickets] == ["陌生号码来电报修"]


def test_history_is_the_newest_twenty_of_customer_and_number(world, callers):
    agent = world.actor(world.a, "agent")
    category = world.leaf_category(world.a)
    for index in range(23):
        world.clock.advance(minutes=5)
        form = RegistrationForm(description=f"第{index + 1}次来电", category_id=category, caller_phone="13800138000",
                                customer_id=callers["wang"] if index % 2 else None)
        world.services.tickets.register(agent, form)
    pop = world.services.lookup.by_phone(agent, "138 0013 8000")
    assert len(pop.tickets) == 20
    assert pop.tickets[0].description == "第23次来电" and pop.tickets[-1].description == "第4次来电"
    assert pop.tickets[0].status_label == "已登记"


def test_malformed_number_is_refused(world):
    with pytest.raises(ValidationError):
        world.services.lookup.by_phone(world.actor(world.a, "agent"), "call me maybe")
