"""The hotline service ticket, path by path: 登记 → 派单 → 接受 → 处理 → 回访 → 结束 and its side roads."""

from __future__ import annotations

import pytest

from agent_app.domain.errors import PermissionDenied, ValidationError, WorkflowError


def _step(world, company, key, ticket_id, action, **params):
    actor = world.actor(company, key)
    version = world.services.tickets.detail(actor, ticket_id).version
    world.clock.advance(minutes=7)
    return world.services.tickets.perform(actor, ticket_id, action, version, **params)


def test_full_path_leaves_a_history_row_per_step(world):
    a = world.a
    ticket_id = world.register()
    agent = world.actor(a, "agent")
    detail = world.services.tickets.detail(agent, ticket_id)
    assert detail.ticket["number"].startswith("20261123-")
    assert detail.status_label == "已登记"

    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["供水管网部"], opinion="请尽快处理")
    _step(world, a, "handler", ticket_id, "accept")
    _step(world, a, "handler", ticket_id, "handle", opinion="已更换破损管段，恢复供水")
    _step(world, a, "callback", ticket_id, "callback", result="basically_satisfied", satisfaction=4, feedback="基本满意")
    ref = _step(world, a, "callback", ticket_id, "close")

    assert ref.status == "closed"
    detail = world.services.tickets.detail(world.actor(a, "dispatcher"), ticket_id)
    assert [(h.action, h.from_status, h.to_status) for h in detail.history] == [
        ("register", None, "registered"),
        ("dispatch", "registered", "dispatched"),
        ("accept", "dispatched", "processing"),
        ("handle", "processing", "handled"),
        ("callback", "handled", "visited"),
        ("close", "visited", "closed"),
    ]
    assert [h.actor_name for h in detail.history] == ["李晓燕", "王建国", "张伟", "张伟", "赵敏", "赵敏"]
    assert all(h.elapsed_seconds == 7 * 60 for h in detail.history[1:])
    assert detail.history[1].opinion == "请尽快处理"
    assert all(m.done for m in detail.milestones)
    assert detail.ticket["final_handler"] == "张伟"
    assert detail.ticket["callback_result"] == "basically_satisfied"
    assert detail.ticket["due_at"] is not None and detail.ticket["service_level"] == "优先"
    assert detail.ticket["caller_phone"] == "138 0013 8000"
    assert detail.allowed_actions == ["link"]


def test_actions_offered_follow_state_and_role(world):
    a = world.a
    ticket_id = world.register()
    offered = world.services.tickets.allowed_actions
    assert "dispatch" in offered(world.actor(a, "dispatcher"), ticket_id)
    assert "dispatch" not in offered(world.actor(a, "agent"), ticket_id)
    assert "close_on_call" in offered(world.actor(a, "agent"), ticket_id)
    assert "accept" not in offered(world.actor(a, "handler"), ticket_id)
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["供水管网部"])
    assert "accept" in offered(world.actor(a, "handler"), ticket_id)
    # handler2 is in 营业部, not the target department
    assert "accept" not in offered(world.actor(a, "handler2"), ticket_id)


def test_handler_of_another_department_cannot_accept(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["供水管网部"])
    with pytest.raises(WorkflowError) as refused:
        _step(world, a, "handler2", ticket_id, "accept")
    assert "只有当前处理人" in refused.value.message("zh_CN")


def test_agent_without_dispatch_permission_is_refused(world):
    ticket_id = world.register()
    with pytest.raises(PermissionDenied) as refused:
        _step(world, world.a, "agent", ticket_id, "dispatch", target_id=world.a.target_ids["供水管网部"])
    assert refused.value.message("zh_CN") == "您没有“派单”权限。"
    assert refused.value.message("en") == "You do not have the “派单” permission." or "permission" in refused.value.message("en")


def test_wrong_state_is_refused_and_changes_nothing(world):
    ticket_id = world.register()
    with pytest.raises(WorkflowError) as refused:
        _step(world, world.a, "handler", ticket_id, "handle", opinion="x")
    assert "已登记" in refused.value.message("zh_CN")
    detail = world.services.tickets.detail(world.actor(world.a, "agent"), ticket_id)
    assert detail.version == 1 and len(detail.history) == 1


def test_return_to_dispatcher_and_again(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["供水管网部"])
    _step(world, a, "handler", ticket_id, "accept")
    with pytest.raises(ValidationError):
        _step(world, a, "handler", ticket_id, "return")  # a return needs a reason
    ref = _step(world, a, "handler", ticket_id, "return", opinion="不属于管网部，应由营业部处理")
    assert ref.status == "registered"
    detail = world.services.tickets.detail(world.actor(a, "dispatcher"), ticket_id)
    assert detail.ticket["return_count"] == 1
    assert detail.ticket["current_handler"] == "王建国"
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["营业部"])
    assert _step(world, a, "handler2", ticket_id, "accept").status == "processing"


def test_unsatisfied_callback_returns_to_the_handler(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["张伟"])
    _step(world, a, "handler", ticket_id, "accept")
    _step(world, a, "handler", ticket_id, "handle", opinion="已处理")
    _step(world, a, "callback", ticket_id, "callback", result="unsatisfied", satisfaction=1)
    ref = _step(world, a, "callback", ticket_id, "return", opinion="客户反映仍然漏水")
    assert ref.status == "processing"
    assert world.services.tickets.detail(world.actor(a, "handler"), ticket_id).ticket["current_handler"] == "张伟"


def test_callback_checks_result_and_satisfaction(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["张伟"])
    _step(world, a, "handler", ticket_id, "accept")
    _step(world, a, "handler", ticket_id, "handle", opinion="已处理")
    with pytest.raises(ValidationError):
        _step(world, a, "callback", ticket_id, "callback", result="satisfied", satisfaction=9)
    with pytest.raises(ValidationError) as refused:
        _step(world, a, "callback", ticket_id, "callback", result="delighted", satisfaction=5)
    assert "delighted" in refused.value.message("zh_CN")
    detail = world.services.tickets.detail(world.actor(a, "callback"), ticket_id)
    assert detail.ticket["status"] == "handled" and detail.callbacks == []


def test_urge_is_counted(world):
    ticket_id = world.register()
    _step(world, world.a, "agent", ticket_id, "urge", opinion="客户再次来电催促")
    ref = _step(world, world.a, "agent", ticket_id, "urge")
    detail = world.services.tickets.detail(world.actor(world.a, "agent"), ticket_id)
    assert detail.ticket["urge_count"] == 2 and ref.status == "registered"
    assert [h.action for h in detail.history][-2:] == ["urge", "urge"]


def test_extension_needs_two_approvals(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["张伟"])
    _step(world, a, "handler", ticket_id, "accept")
    due_before = world.services.tickets.detail(world.actor(a, "handler"), ticket_id).ticket["due_at"]
    _step(world, a, "handler", ticket_id, "extend", days=3, opinion="需要开挖路面，等待路政审批")
    offered = world.services.tickets.allowed_actions
    assert "extend" not in offered(world.actor(a, "handler"), ticket_id)  # one request at a time
    assert "approve" not in offered(world.actor(a, "manager"), ticket_id)  # level 1 is the supervisor's
    assert "approve" in offered(world.actor(a, "supervisor"), ticket_id)
    _step(world, a, "supervisor", ticket_id, "approve", opinion="同意")
    detail = world.services.tickets.detail(world.actor(a, "handler"), ticket_id)
    assert detail.ticket["extend_count"] == 0  # still waiting for level 2
    with pytest.raises(WorkflowError):
        _step(world, a, "supervisor", ticket_id, "approve")
    _step(world, a, "manager", ticket_id, "approve", opinion="同意延期")
    detail = world.services.tickets.detail(world.actor(a, "handler"), ticket_id)
    assert detail.ticket["extend_count"] == 1
    assert (detail.ticket["due_at"] - due_before).days == 3


def test_rejected_extension_changes_no_deadline(world):
    a = world.a
    ticket_id = world.register()
    _step(world, a, "dispatcher", ticket_id, "dispatch", target_id=a.target_ids["张伟"])
    _step(world, a, "handler", ticket_id, "accept")
    _step(world, a, "handler", ticket_id, "extend", days=5, opinion="材料未到")
    with pytest.raises(ValidationError):
        _step(world, a, "supervisor", ticket_id, "reject")  # a rejection needs a reason
    _step(world, a, "supervisor", ticket_id, "reject", opinion="可先临时处置")
    detail = world.services.tickets.detail(world.actor(a, "handler"), ticket_id)
    assert detail.ticket["extend_count"] == 0
    assert "extend" in world.services.tickets.allowed_actions(world.actor(a, "handler"), ticket_id)


def test_close_on_call_by_the_registrar(world):
    ticket_id = world.register(category_id=world.leaf_category(world.a, "水价标准"), description="咨询阶梯水价")
    ref = _step(world, world.a, "agent", ticket_id, "close_on_call", opinion="已告知阶梯水价标准")
    assert ref.status == "closed"
    with pytest.raises(WorkflowError):
        _step(world, world.a, "agent2", ticket_id, "close_on_call", opinion="x")


def test_related_and_duplicate_links(world):
    a = world.a
    first = world.register()
    second = world.register(description="天河路100号附近漏水（同一处）")
    third = world.register()
    _step(world, a, "agent", third, "link", related_to=first)
    ref = _step(world, a, "dispatcher", second, "mark_duplicate", duplicate_of=first)
    assert ref.status == "closed"
    detail = world.services.tickets.detail(world.actor(a, "dispatcher"), second)
    assert detail.ticket["duplicate_of"] == world.services.tickets.detail(world.actor(a, "agent"), first).ticket["number"]
    first_detail = world.services.tickets.detail(world.actor(a, "agent"), first)
    assert sorted(link.kind for link in first_detail.links) == ["duplicate", "related"]
    with pytest.raises(ValidationError):
        _step(world, a, "agent", first, "link", related_to=first)


def test_registration_links_a_possible_duplicate(world):
    first = world.register()
    second = world.register(related_to=first)
    detail = world.services.tickets.detail(world.actor(world.a, "agent"), second)
    assert [(link.ticket_id, link.kind) for link in detail.links] == [(first, "related")]
