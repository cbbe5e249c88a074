"""Bad input gets a clear message and leaves the database exactly as it was."""

from __future__ import annotations

import pytest
from sqlalchemy import MetaData, func, select

from agent_app.domain.errors import AgentDeskError, NotFound, ValidationError
from agent_app.services.models import MAX_ATTACHMENT_BYTES
from agent_app.services.tickets.attachments import Upload
from agent_app.services.tickets.registration import RegistrationForm


def _row_counts(services) -> dict[str, int]:
    metadata = MetaData()
    metadata.reflect(services.engine)
    with services.engine.connect() as connection:
        return {name: connection.scalar(select(func.count()).select_from(table))
                for name, table in metadata.tables.items() if name != "alembic_version"}


def _form(world, **overrides) -> RegistrationForm:
    form = RegistrationForm(description="水表漏水", category_id=world.leaf_category(world.a), caller_phone="13800138000")
    for key, value in overrides.items():
        setattr(form, key, value)
    return form


BAD_FORMS = [
    ("description", {"description": ""}, "请填写服务描述。"),
    ("description", {"description": "   "}, "请填写服务描述。"),
    ("description", {"description": "漏" * 2001}, "服务描述最多 2000 个字符。"),
    ("category_id", {"category_id": None}, "请填写服务分类。"),
    ("category_id", {"category_id": 999999}, "服务分类不存在。"),
    ("category_id", {"category_id": "3"}, "服务分类的格式不正确。"),
    ("source_channel", {"source_channel": "carrier pigeon"}, "信息来源的取值“carrier pigeon”无效。"),
    ("urgency", {"urgency": "whenever"}, "紧急程度的取值“whenever”无效。"),
    ("caller_phone", {"caller_phone": "12-34"}, "“12-34”不是有效的电话号码。"),
    ("contact_phone", {"caller_phone": None, "contact_phone": None}, "请填写联系电话。"),
    ("address", {"address": "路" * 201}, "发生地点最多 200 个字符。"),
    ("contact_name", {"contact_name": 42}, None),
]


@pytest.mark.parametrize("field,overrides,message", BAD_FORMS, ids=[f"{f}-{i}" for i, (f, _, _) in enumerate(BAD_FORMS)])
def test_bad_registration_is_refused_and_writes_nothing(world, field, overrides, message):
    before = _row_counts(world.services)
    with pytest.raises(ValidationError) as refused:
        world.services.tickets.register(world.actor(world.a, "agent"), _form(world, **overrides))
    assert refused.value.field == field
    if message:
        assert refused.value.message("zh_CN") == message
    assert refused.value.message("en") != refused.value.message("zh_CN")
    assert _row_counts(world.services) == before


def test_a_category_that_is_not_a_leaf_is_refused(world):
    agent = world.actor(world.a, "agent")
    parent = next(c for c in world.services.catalog.categories(agent) if c.level == 2)
    with pytest.raises(ValidationError) as refused:
        world.services.tickets.register(agent, _form(world, category_id=parent.id))
    assert refused.value.message("zh_CN") == "请选择到最末一级的服务分类。"


def test_unknown_customer_is_refused(world):
    before = _row_counts(world.services)
    with pytest.raises(NotFound):
        world.services.tickets.register(world.actor(world.a, "agent"), _form(world, customer_id=424242))
    assert _row_counts(world.services) == before


def test_the_ticket_number_is_readable_and_counts_per_company_and_day(world):
    first = world.services.tickets.register(world.actor(world.a, "agent"), _form(world))
    second = world.services.tickets.register(world.actor(world.a, "agent"), _form(world))
    other = world.services.tickets.register(world.actor(world.b, "agent"),
                                            _form(world, category_id=world.leaf_category(world.b)))
    assert (first.number, second.number, other.number) == ("20261123-000001", "20261123-000002", "20261123-000001")
    world.clock.advance(hours=16)  # past midnight in Shanghai
    assert world.services.tickets.register(world.actor(world.a, "agent"), _form(world)).number == "20261124-000001"


@pytest.mark.parametrize("upload,code", [
    (Upload("big.pdf", b"x" * (MAX_ATTACHMENT_BYTES + 1), "service_report"), "attachment_too_large"),
    (Upload("empty.pdf", b"", "service_report"), "attachment_empty"),
    (Upload("", b"x", "other"), "required"),
    (Upload("a.pdf", b"x", "love_letter"), "invalid_choice"),
    ("not an upload", "wrong_type"),
])
def test_bad_attachments_are_refused_and_write_nothing(world, upload, code):
    ticket_id = world.register()
    before = _row_counts(world.services)
    with pytest.raises(ValidationError) as refused:
        world.services.tickets.perform(world.actor(world.a, "agent"), ticket_id, "attach", 1, attachments=[upload])
    assert refused.value.code == code
    assert _row_counts(world.services) == before


def test_attachment_content_is_kept_once_with_its_hash(world):
    agent = world.actor(world.a, "agent")
    ticket_id = world.register()
    data = "现场照片".encode() * 1000
    world.services.tickets.add_attachment(agent, ticket_id, 1, Upload("照片1.jpg", data, "photo"))
    world.services.tickets.add_attachment(agent, ticket_id, 2, Upload("照片1-副本.jpg", data, "photo"))
    detail = world.services.tickets.detail(agent, ticket_id)
    assert [a.filename for a in detail.attachments] == ["照片1.jpg", "照片1-副本.jpg"]
    assert detail.attachments[0].sha256 == detail.attachments[1].sha256
    assert _row_counts(world.services)["attachment_contents"] == 1
    info, content = world.services.tickets.attachment_content(agent, detail.attachments[0].id)
    assert content == data and info.content_type == "image/jpeg"


def test_wrong_parameter_types_in_actions_are_refused(world):
    ticket_id = world.register()
    dispatcher = world.actor(world.a, "dispatcher")
    for params in ({"target_id": "营业部"}, {"target_id": None}):
        with pytest.raises(AgentDeskError):
            world.services.tickets.perform(dispatcher, ticket_id, "dispatch", 1, **params)
    assert world.services.tickets.detail(dispatcher, ticket_id).version == 1
