"""The ticket types, as data.

Hotline service ticket (seed 004): 登记 → 派单 → 接受 → 处理 → 回访 → 结束, with 退回, 催办,
延期 (with approval), 关联 and 重单. Repair / inspection / installation work orders (seed 000):
未处理 → 已指派 → 处理中 ⇄ 挂起 → 已关闭; installation orders arrive assigned and cannot be
reassigned by the provider; closing needs root cause, description, times and the reports.
"""

from __future__ import annotations

from agent_app.domain.workflow import guards
from agent_app.domain.workflow.model import Action, State, StateCategory, Transition, Workflow

C = StateCategory

ACTIONS: dict[str, Action] = {a.code: a for a in (
    Action("register", "登记", "register"),
    Action("dispatch", "派单", "dispatch"),
    Action("accept", "接受", "accept"),
    Action("handle", "处理", "handle"),
    Action("callback", "回访", "call back"),
    Action("close", "结束", "close"),
    Action("close_on_call", "当场办结", "resolve on the call"),
    Action("return", "退回", "return"),
    Action("urge", "催办", "urge"),
    Action("extend", "申请延期", "request extension"),
    Action("approve", "审批通过", "approve"),
    Action("reject", "审批驳回", "reject"),
    Action("link", "关联工单", "link ticket"),
    Action("mark_duplicate", "标记重单", "mark duplicate"),
    Action("attach", "上传附件", "add attachment"),
    Action("assign", "指派", "assign"),
    Action("reassign", "变更指派", "reassign"),
    Action("process", "处理", "start processing"),
    Action("work_log", "写日志", "write work log"),
    Action("suspend", "挂起", "suspend"),
    Action("resume", "结束挂起", "resume"),
    Action("close_order", "关闭工单", "close work order"),
)}
guards.ACTION_LABELS_ZH.update({code: a.zh for code, a in ACTIONS.items()})

_OPEN_HOTLINE = frozenset({"registered", "dispatched", "processing", "handled", "visited"})

HOTLINE = Workflow(
    code="hotline",
    zh="服务工单",
    en="service ticket",
    states=(
        State("registered", "已登记", "registered", C.NEW),
        State("dispatched", "已派单", "dispatched", C.OPEN),
        State("processing", "处理中", "processing", C.OPEN),
        State("handled", "待回访", "awaiting callback", C.PENDING),
        State("visited", "已回访", "called back", C.PENDING),
        State("closed", "已结束", "closed", C.CLOSED),
    ),
    initial="registered",
    transitions=(
        Transition("dispatch", frozenset({"registered"}), "dispatched",
                   guards=("perm:ticket.dispatch",), required=("target_id",), effects=("dispatch", "set_due")),
        Transition("accept", frozenset({"dispatched"}), "processing",
                   guards=("perm:ticket.accept", "in_dispatch_target"), effects=("take_over",)),
        Transition("handle", frozenset({"processing"}), "handled",
                   guards=("perm:ticket.handle", "is_current_handler"), required=("opinion",),
                   effects=("record_handling",)),
        Transition("callback", frozenset({"handled"}), "visited",
                   guards=("perm:ticket.callback", "int_range:satisfaction,1,5"), required=("result", "satisfaction"),
                   effects=("record_callback",)),
        Transition("close", frozenset({"visited"}), "closed", guards=("perm:ticket.close",), effects=("close",)),
        Transition("close_on_call", frozenset({"registered"}), "closed",
                   guards=("perm:ticket.close", "is_registrar"), required=("opinion",),
                   effects=("record_handling", "close")),
        Transition("return", frozenset({"dispatched", "processing"}), "registered",
                   guards=("perm:ticket.return", "handler_or_target"), required=("opinion",),
                   effects=("return_to_dispatcher",)),
        Transition("return", frozenset({"handled", "visited"}), "processing",
                   guards=("perm:ticket.return",), required=("opinion",), effects=("return_to_handler",)),
        Transition("urge", _OPEN_HOTLINE, None, guards=("perm:ticket.urge",), effects=("count_urge",)),
        Transition("extend", frozenset({"dispatched", "processing"}), None,
                   guards=("perm:ticket.extend", "handler_or_target", "no_pending_approval", "int_range:days,1,90"),
                   required=("days", "opinion"), effects=("request_extension",)),
        Transition("approve", _OPEN_HOTLINE, None,
                   guards=("has_pending_approval", "is_current_approver"), effects=("approve",)),
        Transition("reject", _OPEN_HOTLINE, None,
                   guards=("has_pending_approval", "is_current_approver"), required=("opinion",), effects=("reject",)),
        Transition("link", _OPEN_HOTLINE | {"closed"}, None,
                   guards=("perm:ticket.link", "not_self:related_to"), required=("related_to",), effects=("link",)),
        Transition("mark_duplicate", frozenset({"registered", "dispatched"}), "closed",
                   guards=("perm:ticket.link", "not_self:duplicate_of"), required=("duplicate_of",),
                   effects=("mark_duplicate", "close")),
        Transition("attach", _OPEN_HOTLINE, None, guards=("perm:ticket.attach",), effects=()),
    ),
    milestones=(("register", "登记信息"), ("dispatch", "派单"), ("accept", "接受"), ("handle", "处理"),
                ("callback", "回访"), ("close", "结束")),
)


def _work_order(code: str, zh: str, en: str, close_reports: str, close_required: tuple[str, ...],
                initial: str, reassignable: bool) -> Workflow:
    engineer_guards = ("perm:workorder.process", "is_assigned_engineer")
    assign_guards = ("perm:workorder.assign", "provider_of_ticket", "engineer_same_provider", "engineer_certified")
    open_states = frozenset({"unprocessed", "assigned", "processing", "suspended"})
    transitions = [
        Transition("assign", frozenset({"unprocessed"}), "assigned", guards=assign_guards,
                   required=("engineer_id",), effects=("assign_engineer",)),
        Transition("process", frozenset({"assigned"}), "processing", guards=engineer_guards, effects=("take_over",)),
        Transition("work_log", frozenset({"processing"}), None,
                   guards=(*engineer_guards, "time_order:start,end"), required=("start", "end", "title", "content"),
                   effects=("write_work_log",)),
        Transition("suspend", frozenset({"processing"}), "suspended",
                   guards=(*engineer_guards, "time_order:start,end"), required=("start", "end", "opinion"),
                   effects=("suspend",)),
        Transition("resume", frozenset({"suspended"}), "processing",
                   guards=("system_or_perm:workorder.process",), effects=("resume",)),
        Transition("close_order", frozenset({"processing"}), "closed",
                   guards=(*engineer_guards, f"attachments:{close_reports}"), required=close_required,
                   effects=("record_resolution", "close")),
        Transition("attach", open_states, None, guards=("perm:ticket.attach",), effects=()),
    ]
    if reassignable:
        transitions.insert(1, Transition(
            "reassign", frozenset({"assigned", "processing"}), None,
            guards=(*assign_guards[:2], "not_installation", *assign_guards[2:]),
            required=("engineer_id",), effects=("assign_engineer",)))
    return Workflow(
        code=code, zh=zh, en=en,
        states=(
            State("unprocessed", "未处理", "unprocessed", C.NEW),
            State("assigned", "已指派", "assigned", C.OPEN),
            State("processing", "处理中", "processing", C.OPEN),
            State("suspended", "挂起", "suspended", C.PENDING),
            State("closed", "已关闭", "closed", C.CLOSED),
        ),
        initial=initial,
        transitions=tuple(transitions),
        milestones=(("register", "创建"), ("assign", "指派"), ("process", "处理"), ("close_order", "关闭")),
    )


_REPAIR_CLOSE = ("root_cause", "cause_description", "visit_time", "completion_time")

REPAIR = _work_order("repair", "维修工单", "repair order", "service_report", _REPAIR_CLOSE, "unprocessed", True)
INSPECTION = _work_order("inspection", "巡检工单", "inspection order", "service_report,inspection_report",
                         _REPAIR_CLOSE, "unprocessed", True)
INSTALLATION = _work_order("installation", "安装工单", "installation order",
                           "acceptance_report,implementation_report",
                           ("root_cause", "cause_description", "completion_time"), "assigned", False)

WORKFLOWS: dict[str, Workflow] = {w.code: w for w in (HOTLINE, REPAIR, INSPECTION, INSTALLATION)}


def workflow_for(ticket_type: str) -> Workflow:
    return WORKFLOWS[ticket_type]
