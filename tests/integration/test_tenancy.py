"""A user of company A can neither read nor change anything of company B through any service."""

from __future__ import annotations

import pytest

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.services.customers import CustomerForm
from agent_app.services.queries import TicketQuery
from agent_app.services.tickets.attachments import Upload
from agent_app.services.tickets.registration import RegistrationForm


@pytest.fixture()
def b_ticket(world) -> int:
    return world.register(world.b, address="禅城区祖庙路1号")


def test_reading_another_companys_ticket_is_not_found(world, b_ticket):
    a_admin = world.actor(world.a, "admin")
    with pytest.raises(NotFound):
        world.services.tickets.detail(a_admin, b_ticket)
    with pytest.raises(NotFound):
        world.services.tickets.allowed_actions(a_admin, b_ticket)


def test_changing_another_companys_ticket_is_not_found(world, b_ticket):
    a_admin = world.actor(world.a, "admin")
    for action, params in [("dispatch", {"target_id": world.a.target_ids["营业部"]}), ("urge", {}),
                           ("attach", {"attachments": [Upload("a.txt", b"x")]})]:
        with pytest.raises(NotFound):
            world.services.tickets.perform(a_admin, b_ticket, action, 1, **params)
    detail = world.services.tickets.detail(world.actor(world.b, "admin"), b_ticket)
    assert detail.version == 1 and len(detail.history) == 1 and detail.attachments == []


def test_lists_counts_and_lookup_stay_inside_the_company(world, b_ticket):
    a_admin = world.actor(world.a, "admin")
    world.register(world.a)
    rows = world.services.queries.page(a_admin, TicketQuery()).rows
    assert rows and all(r.company == "广州自来水公司" for r in rows)
    assert world.services.queries.count(a_admin, TicketQuery()) == 1
    assert world.services.queries.tree_counts(a_admin)["all"] == 1
    assert world.services.queries.similar_by_address(a_admin, "祖庙路") == []
    b_customer = world.services.customers.create(world.actor(world.b, "admin"),
                                                 CustomerForm(name="佛山客户", mobile="13600001111"))
    assert world.services.lookup.by_phone(a_admin, "13600001111").customers == []
    with pytest.raises(NotFound):
        world.services.lookup.customer(a_admin, b_customer)


def test_cannot_use_another_companys_rows_as_references(world, b_ticket):
    a_agent = world.actor(world.a, "agent")
    category = world.leaf_category(world.a)
    b_category = world.leaf_category(world.b)
    base = dict(description="漏水", caller_phone="13800138000")
    with pytest.raises(ValidationError):
        world.services.tickets.register(a_agent, RegistrationForm(category_id=b_category, **base))
    with pytest.raises(NotFound):
        world.services.tickets.register(a_agent, RegistrationForm(category_id=category, related_to=b_ticket, **base))
    with pytest.raises(NotFound):
        world.services.tickets.register(a_agent, RegistrationForm(category_id=category,
                                                                  area_id=world.b.area_ids["禅城区"], **base))
    a_ticket = world.register(world.a)
    with pytest.raises(NotFound):
        world.services.tickets.perform(world.actor(world.a, "dispatcher"), a_ticket, "dispatch", 1,
                                       target_id=world.b.target_ids["营业部"])
    with pytest.raises(NotFound):
        world.services.tickets.perform(a_agent, a_ticket, "link", 1, related_to=b_ticket)


def test_attachments_of_another_company_cannot_be_read(world, b_ticket):
    b_admin = world.actor(world.b, "admin")
    world.services.tickets.add_attachment(b_admin, b_ticket, 1, Upload("b.txt", b"secret of B"))
    attachment_id = world.services.tickets.detail(b_admin, b_ticket).attachments[0].id
    with pytest.raises(NotFound):
        world.services.tickets.attachment_content(world.actor(world.a, "admin"), attachment_id)
    assert world.services.tickets.attachment_content(b_admin, attachment_id)[1] == b"secret of B"
