"""The catalogue of user-facing messages, Simplified Chinese first, English second.

Every code that a service raises must be here in both languages; `tests/unit/test_messages.py`
checks the catalogue against the codes used in the source.
"""

from __future__ import annotations

from typing import Any, Mapping

# Field labels used inside messages ("{field}" is replaced by the label in the user's language).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "account": ("账号", "account"),
    "password": ("密码", "password"),
    "name": ("名称", "name"),
    "source_channel": ("信息来源", "source channel"),
    "contact_name": ("联系人", "contact"),
    "contact_phone": ("联系电话", "contact phone"),
    "caller_phone": ("来电号码", "caller number"),
    "category_id": ("服务分类", "service category"),
    "urgency": ("紧急程度", "urgency"),
    "area_id": ("管理区域", "management area"),
    "meter_no": ("表号", "meter no."),
    "customer_name": ("客户姓名", "customer name"),
    "address": ("发生地点", "address"),
    "description": ("服务描述", "description"),
    "opinion": ("处理意见", "opinion"),
    "target": ("派单对象", "dispatch target"),
    "assignee_id": ("处理人", "assignee"),
    "engineer_id": ("工程师", "engineer"),
    "reason": ("原因", "reason"),
    "root_cause": ("根本原因", "root cause"),
    "cause_description": ("原因描述", "cause description"),
    "visit_time": ("上门时间", "visit time"),
    "completion_time": ("完成时间", "completion time"),
    "start": ("开始时间", "start"),
    "end": ("结束时间", "end"),
    "title": ("标题", "title"),
    "content": ("内容", "content"),
    "result": ("回访结果", "callback result"),
    "satisfaction": ("满意度", "satisfaction"),
    "days": ("延期天数", "days"),
    "file": ("附件", "attachment"),
    "product_line": ("产品线", "product line"),
    "ticket_type": ("工单类型", "ticket type"),
    "phone": ("电话号码", "phone number"),
    "mobile": ("手机号码", "mobile"),
    "role": ("角色", "role"),
    "page_size": ("每页条数", "page size"),
    "duplicate_of": ("重单单号", "duplicate of"),
    "related_to": ("关联单号", "related ticket"),
    "decision": ("审批意见", "decision"),
    "area_code": ("区号", "area code"),
    "user_no": ("用户编号", "user no."),
    "customer_no": ("客户编号", "customer no."),
    "device_sn": ("设备 SN", "device SN"),
    "provider_id": ("服务商", "service provider"),
    "delivery_note": ("到货单信息", "delivery note"),
    "tags": ("标签", "tags"),
    "code": ("编码", "code"),
    "folder": ("工单目录", "ticket folder"),
    "sort": ("排序字段", "sort column"),
    "related_number": ("关联单号", "related ticket no."),
    "agent_no": ("工号", "agent ID"),
    "extension": ("分机号", "extension"),
    "state": ("状态", "state"),
    "priority": ("优先级", "priority"),
    "direction": ("呼叫类型", "call direction"),
    "kind": ("类型", "kind"),
    "month": ("月份", "month"),
    "mode": ("监听方式", "monitoring mode"),
    "answer_at": ("应答时间", "answer time"),
    "ring_at": ("振铃时间", "ring time"),
    "end_at": ("结束时间", "end time"),
}

MESSAGES: dict[str, tuple[str, str]] = {
    # generic input
    "required": ("请填写{field}。", "Please fill in the {field}."),
    "too_long": ("{field}最多 {max} 个字符。", "The {field} may have at most {max} characters."),
    "wrong_type": ("{field}的格式不正确。", "The {field} has the wrong format."),
    "invalid_choice": ("{field}的取值“{value}”无效。", "“{value}” is not a valid {field}."),
    "invalid_phone": ("“{value}”不是有效的电话号码。", "“{value}” is not a valid phone number."),
    "category_not_leaf": ("请选择到最末一级的服务分类。", "Please choose a service category down to its last level."),
    "unknown_category": ("服务分类不存在。", "That service category does not exist."),
    "time_order": ("结束时间必须晚于开始时间。", "The end must be later than the start."),
    "attachment_too_large": ("附件“{filename}”超过 {limit_mb} MB。", "The attachment “{filename}” is larger than {limit_mb} MB."),
    "attachment_empty": ("附件“{filename}”是空文件。", "The attachment “{filename}” is empty."),
    "missing_attachment": ("缺少附件：{kinds}。", "Missing attachment: {kinds}."),
    "page_size_range": ("每页条数须在 1 到 {max} 之间。", "The page size must be between 1 and {max}."),
    # existence, permission, concurrency
    "not_found": ("{what}不存在或无权查看。", "The {what} does not exist or is not yours to see."),
    "permission_denied": ("您没有“{permission}”权限。", "You do not have the “{permission}” permission."),
    "conflict": (
        "工单 {number} 已被他人修改，请刷新后再操作。",
        "Ticket {number} was changed by someone else meanwhile; reload it and try again.",
    ),
    "duplicate_value": ("{field}“{value}”已存在。", "The {field} “{value}” already exists."),
    # sign-in
    "bad_credentials": ("账号或密码错误。", "Wrong account or password."),
    "account_locked": (
        "账号已锁定，请于 {minutes} 分钟后再试或联系管理员。",
        "The account is locked; try again in {minutes} minutes or ask an administrator.",
    ),
    "account_disabled": ("账号已停用，请联系管理员。", "The account is disabled; ask an administrator."),
    "weak_password": ("密码至少 {min} 位。", "The password needs at least {min} characters."),
    # workflow
    "action_not_allowed": (
        "工单当前状态“{state}”下不能执行“{action}”。",
        "“{action}” is not possible while the ticket is “{state}”.",
    ),
    "not_your_ticket": ("只有当前处理人可以执行“{action}”。", "Only the current handler may “{action}”."),
    "engineer_not_certified": (
        "工程师“{engineer}”在 {day} 没有产品线“{product_line}”的有效认证。",
        "Engineer “{engineer}” holds no valid “{product_line}” certification on {day}.",
    ),
    "engineer_other_provider": (
        "只能在同一服务商内转派工单。", "A work order can only be transferred within the same provider.",
    ),
    "installation_no_reassign": (
        "安装工单由系统指派，服务商不能变更指派。",
        "Installation orders are assigned by the system; the provider cannot reassign them.",
    ),
    "suspended_no_log": ("挂起中的工单不能录入日志。", "A suspended work order takes no work log."),
    "approval_pending": ("该工单有待审批的申请。", "This ticket has an application waiting for approval."),
    "not_an_approver": ("您不是当前审批环节的审批人。", "You are not the approver of the current step."),
    "self_link": ("工单不能关联自身。", "A ticket cannot be linked to itself."),
    "already_closed": ("工单已结束。", "The ticket is already closed."),
    "database_unreachable": ("无法连接数据库：{detail}", "Cannot reach the database: {detail}"),
    "settings_invalid": ("配置有误：{detail}", "The configuration is wrong: {detail}"),
    "feature_code_invalid": (
        "交换机功能码“{template}”无效：必须包含 {{extension}}（坐席分机号），且只能使用 {{mode_digit}}（1 监听、2 密语、"
        "3 强插）、{{mode}} 和 {{extension}}，例如 *22{{mode_digit}}{{extension}}。",
        "The PBX feature code “{template}” is not valid: it must contain {{extension}} (the agent's extension) and "
        "may only use {{mode_digit}} (1 listen, 2 whisper, 3 barge), {{mode}} and {{extension}}, for example "
        "*22{{mode_digit}}{{extension}}."),
    "monitor_refused": ("您不能监听该坐席，此次请求已记入安全日志。",
                        "You may not monitor this seat; the request was written to the security log."),
}

WHAT_LABELS: dict[str, tuple[str, str]] = {
    "ticket": ("工单", "ticket"),
    "customer": ("客户", "customer"),
    "user": ("用户", "user"),
    "category": ("服务分类", "service category"),
    "attachment": ("附件", "attachment"),
    "company": ("水司", "company"),
    "engineer": ("工程师", "engineer"),
    "department": ("部门", "department"),
    "area": ("管理区域", "management area"),
    "target": ("派单对象", "dispatch target"),
    "memo": ("备忘录", "memo"),
    "call": ("通话记录", "call record"),
    "seat": ("坐席", "seat"),
    "approval": ("审批", "approval"),
}


def _index(lang: str) -> int:
    return 1 if lang.lower().startswith("en") else 0


def label(table: Mapping[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    return pair[_index(lang)] if pair else key


def render(code: str, lang: str, params: Mapping[str, Any]) -> str:
    """The message for `code` in `lang` ("zh_CN" or "en"), with its parameters filled in."""
    pair = MESSAGES.get(code)
    if pair is None:
        return code
    values = dict(params)
    if values.get("field"):
        values["field"] = label(FIELD_LABELS, str(values["field"]), lang)
    if values.get("what"):
        values["what"] = label(WHAT_LABELS, str(values["what"]), lang)
    try:
        return pair[_index(lang)].format(**values)
    except (KeyError, IndexError):
        return pair[_index(lang)]
