"""Repair, inspection and installation work orders (seed 000): 未处理 → 已指派 → 处理中 ⇄ 挂起 → 已关闭."""

from __future__ import annotations

from datetime import timedelta

import pytest

from agent_app.domain.errors import NotFound, PermissionDenied, ValidationError, WorkflowError
from agent_app.services.tickets.attachments import Upload
from agent_app.services.tickets.registration import WorkOrderForm

REPORT = Upload("现场服务报告.pdf", b"%PDF-1.4 service report", "service_report")


def _order(world, ticket_type="repair", product_line="smart_meter", **extra) -> int:
    form = WorkOrderForm(ticket_type=ticket_type, provider_id=world.a.provider_id, product_line=product_line,
                         description="小区智能水表批量离线", device_sn="SM-2026-000123", customer_name="天河花园物业",
                         contact_phone="020-38881234", address="天河区天河路100号")
    for key, value in extra.items():
        setattr(form, key, value)
    return world.services.tickets.create_work_order(world.actor(world.a, "dispatcher"), form).id


def _step(world, key, ticket_id, action, **params):
    actor = world.actor(world.a, key)
    version = world.services.tickets.detail(actor, ticket_id).version
    return world.services.tickets.perform(actor, ticket_id, action, version, **params)


def _close_params(world, **extra):
    now = world.clock()
    params = dict(root_cause="meter_fault", cause_description="通讯模块损坏", visit_time=now - timedelta(hours=3),
                  completion_time=now - timedelta(hours=1), solution="更换通讯模块", attachments=[REPORT])
    params.update(extra)
    return params


def test_repair_path_with_work_log_and_suspension(world):
    order = _order(world)
    engineer = world.a.engineer_ids["engineer"]
    assert _step(world, "provider", order, "assign", engineer_id=engineer).status == "assigned"
    assert _step(world, "engineer", order, "process").status == "processing"
    now = world.clock()
    _step(world, "engineer", order, "work_log", start=now, end=now + timedelta(hours=2), title="现场排查",
          content="逐户检查水表通讯状态")
    _step(world, "engineer", order, "suspend", start=now, end=now + timedelta(days=1), opinion="等待备件到货")
    with pytest.raises(WorkflowError):  # no work log while suspended
        _step(world, "engineer", order, "work_log", start=now, end=now + timedelta(hours=1), title="x", content="y")
    with pytest.raises(WorkflowError):  # and no closing
        _step(world, "engineer", order, "close_order", **_close_params(world))
    _step(world, "engineer", order, "resume")
    ref = _step(world, "engineer", order, "close_order", **_close_params(world))
    assert ref.status == "closed"
    detail = world.services.tickets.detail(world.actor(world.a, "provider"), order)
    assert [h.action for h in detail.history] == ["register", "assign", "process", "work_log", "suspend", "resume",
                                                  "close_order"]
    assert detail.ticket["root_cause"] == "meter_fault" and detail.ticket["engineer"] == "吴海波"
    assert len(detail.work_logs) == 1 and detail.work_logs[0]["title"] == "现场排查"
    assert detail.suspensions[0]["ended_by"] is not None
    assert [a.filename for a in detail.attachments] == ["现场服务报告.pdf"]


def test_only_engineers_certified_that_day_can_be_assigned(world):
    order = _order(world)
    with pytest.raises(WorkflowError) as refused:  # 郑凯's smart-meter certificate expired yesterday
        _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer2"])
    assert "郑凯" in refused.value.message("zh_CN") and "2026-11-23" in refused.value.message("zh_CN")
    water_quality = _order(world, product_line="water_quality")
    with pytest.raises(WorkflowError):  # 吴海波 holds no water-quality certificate
        _step(world, "provider", water_quality, "assign", engineer_id=world.a.engineer_ids["engineer"])


def test_transfer_only_within_the_same_provider(world):
    order = _order(world)
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    with pytest.raises(WorkflowError) as refused:  # 冯涛 works for the other provider
        _step(world, "provider", order, "reassign", engineer_id=world.a.engineer_ids["engineer3"])
    assert refused.value.code == "engineer_other_provider"


def test_reassign_moves_the_order_to_the_new_engineer(world):
    order = _order(world, product_line="pipe_network")
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    assert _step(world, "engineer", order, "process").status == "processing"
    # 吴海波 is the provider's only pipe-network engineer; move a smart-meter order instead
    meter_order = _order(world)
    _step(world, "provider", meter_order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    with pytest.raises(WorkflowError):
        _step(world, "engineer2", meter_order, "process")  # not assigned to him


def test_inspection_needs_the_inspection_report_too(world):
    order = _order(world, ticket_type="inspection")
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    _step(world, "engineer", order, "process")
    with pytest.raises(ValidationError) as refused:
        _step(world, "engineer", order, "close_order", **_close_params(world))
    assert "巡检报告" in refused.value.message("zh_CN")
    assert world.services.tickets.detail(world.actor(world.a, "engineer"), order).attachments == []
    inspection = Upload("巡检报告.xlsx", b"PK\x03\x04 inspection", "inspection_report")
    ref = _step(world, "engineer", order, "close_order", **_close_params(world, attachments=[REPORT, inspection]))
    assert ref.status == "closed"


def test_installation_arrives_assigned_and_cannot_be_reassigned(world):
    order = _order(world, ticket_type="installation", engineer_id=world.a.engineer_ids["engineer"],
                   delivery_note="到货单 DN-8891：智能水表 120 台")
    detail = world.services.tickets.detail(world.actor(world.a, "provider"), order)
    assert detail.ticket["status"] == "assigned" and detail.ticket["engineer"] == "吴海波"
    assert "reassign" not in detail.allowed_actions and "assign" not in detail.allowed_actions
    _step(world, "engineer", order, "process")
    acceptance = Upload("验收报告.pdf", b"%PDF acceptance", "acceptance_report")
    implementation = Upload("实施报告.docx", b"PK implementation", "implementation_report")
    with pytest.raises(ValidationError):
        _step(world, "engineer", order, "close_order",
              **_close_params(world, root_cause="installation_done", attachments=[acceptance]))
    ref = _step(world, "engineer", order, "close_order",
                **_close_params(world, root_cause="installation_done", visit_time=None,
                                attachments=[acceptance, implementation]))
    assert ref.status == "closed"


def test_installation_needs_a_certified_engineer_of_the_provider(world):
    with pytest.raises(WorkflowError):
        _order(world, ticket_type="installation", engineer_id=world.a.engineer_ids["engineer2"])
    with pytest.raises(ValidationError):
        _order(world, ticket_type="installation")


def test_suspension_ends_by_itself_when_its_end_passes(world):
    order = _order(world)
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    _step(world, "engineer", order, "process")
    now = world.clock()
    _step(world, "engineer", order, "suspend", start=now, end=now + timedelta(hours=4), opinion="客户不在家")
    world.clock.advance(hours=3, minutes=59)
    assert world.services.tickets.resume_due_suspensions() == []
    world.clock.advance(minutes=2)
    number = world.services.tickets.detail(world.actor(world.a, "engineer"), order).ticket["number"]
    assert world.services.tickets.resume_due_suspensions() == [number]
    detail = world.services.tickets.detail(world.actor(world.a, "engineer"), order)
    assert detail.ticket["status"] == "processing"
    assert detail.history[-1].actor_name == "系统" and detail.history[-1].action == "resume"
    assert detail.suspensions[0]["ended_by"] is None and detail.suspensions[0]["ended_at"] is not None
    assert world.services.tickets.resume_due_suspensions() == []


def test_suspension_end_must_follow_its_start(world):
    order = _order(world)
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    _step(world, "engineer", order, "process")
    now = world.clock()
    with pytest.raises(ValidationError) as refused:
        _step(world, "engineer", order, "suspend", start=now, end=now - timedelta(hours=1), opinion="x")
    assert refused.value.message("zh_CN") == "结束时间必须晚于开始时间。"


def test_closing_requires_every_field(world):
    order = _order(world)
    _step(world, "provider", order, "assign", engineer_id=world.a.engineer_ids["engineer"])
    _step(world, "engineer", order, "process")
    for missing in ("root_cause", "cause_description", "visit_time", "completion_time"):
        with pytest.raises(ValidationError) as refused:
            _step(world, "engineer", order, "close_order", **_close_params(world, **{missing: None}))
        assert refused.value.field == missing
    with pytest.raises(ValidationError):
        _step(world, "engineer", order, "close_order", **_close_params(world, root_cause="aliens"))
    assert world.services.tickets.detail(world.actor(world.a, "engineer"), order).ticket["status"] == "processing"


def test_provider_people_see_only_their_providers_orders(world):
    ours = _order(world)
    theirs = _order(world, provider_id=world.a.other_provider_id)
    provider_admin = world.actor(world.a, "provider")
    assert world.services.tickets.detail(provider_admin, ours).ticket["id"] == ours
    with pytest.raises(NotFound):
        world.services.tickets.detail(provider_admin, theirs)
    hotline = world.register()
    with pytest.raises(NotFound):
        world.services.tickets.detail(world.actor(world.a, "engineer"), hotline)


def test_agents_cannot_create_work_orders(world):
    form = WorkOrderForm(ticket_type="repair", provider_id=world.a.provider_id, product_line="smart_meter",
                         description="x")
    with pytest.raises(PermissionDenied):
        world.services.tickets.create_work_order(world.actor(world.a, "agent"), form)


def test_the_engineer_picker_offers_only_certified_engineers(world):
    day = world.clock().date()
    names = [e.name for e in world.services.catalog.certified_engineers(
        world.actor(world.a, "provider"), world.a.provider_id, "smart_meter", day)]
    assert names == ["吴海波"]  # 郑凯's certificate has expired, 冯涛 works for the other provider


def test_a_ticket_is_found_by_its_number_within_the_company(world):
    ticket_id = world.register()
    agent = world.actor(world.a, "agent")
    number = world.services.tickets.detail(agent, ticket_id).ticket["number"]
    assert world.services.tickets.find_by_number(agent, f" {number} ") == ticket_id
    with pytest.raises(NotFound):
        world.services.tickets.find_by_number(world.actor(world.b, "agent"), number)
