"""The permission catalogue and the built-in roles (codes are stable; names are shown)."""

from __future__ import annotations

from agent_app.domain.errors import PermissionDenied
from agent_app.services.actor import Actor

MENUS: dict[str, str] = {
    "menu:home": "首页",
    "menu:workbench": "坐席工作台",
    "menu:tickets": "工单管理",
    "menu:supervisor": "坐席管理",
    "menu:reports": "统计报表",
    "menu:admin": "系统配置",
}

BUTTONS: dict[str, str] = {
    "ticket.register": "服务登记",
    "ticket.view_all": "查看所有工单",
    "ticket.dispatch": "派单",
    "ticket.accept": "接受",
    "ticket.handle": "处理",
    "ticket.return": "退回",
    "ticket.callback": "回访",
    "ticket.close": "结束",
    "ticket.urge": "催办",
    "ticket.extend": "申请延期",
    "ticket.approve": "审批",
    "ticket.link": "关联/重单",
    "ticket.attach": "上传附件",
    "workorder.create": "新建工单",
    "workorder.assign": "指派",
    "workorder.process": "处理工单",
    "customer.edit": "编辑客户",
    "memo.write": "备忘录",
    "call.view_all": "话务管理",
    "seat.monitor": "监听",
    "seat.manage": "坐席管理",
    "user.manage": "用户管理",
}

ALL_PERMISSIONS = {**MENUS, **BUTTONS}

# role code → (name, permissions)
ROLES: dict[str, tuple[str, frozenset[str]]] = {
    "agent": ("坐席", frozenset({
        "menu:home", "menu:workbench", "menu:tickets", "ticket.register", "ticket.urge", "ticket.link",
        "ticket.attach", "ticket.close", "memo.write", "customer.edit",
    })),
    "dispatcher": ("派单员", frozenset({
        "menu:home", "menu:tickets", "ticket.view_all", "ticket.dispatch", "ticket.return", "ticket.urge",
        "ticket.link", "ticket.attach", "ticket.close", "workorder.create",
    })),
    "handler": ("处理员", frozenset({
        "menu:home", "menu:tickets", "ticket.accept", "ticket.handle", "ticket.return", "ticket.extend",
        "ticket.attach",
    })),
    "callback": ("回访员", frozenset({
        "menu:home", "menu:tickets", "ticket.view_all", "ticket.callback", "ticket.close", "ticket.return",
    })),
    "supervisor": ("班长", frozenset({
        "menu:home", "menu:workbench", "menu:tickets", "menu:supervisor", "menu:reports", "ticket.view_all",
        "ticket.register", "ticket.dispatch", "ticket.urge", "ticket.approve", "ticket.link", "ticket.close",
        "ticket.callback", "call.view_all", "seat.monitor", "seat.manage", "memo.write", "workorder.create",
    })),
    "manager": ("部门经理", frozenset({
        "menu:home", "menu:tickets", "menu:reports", "ticket.view_all", "ticket.approve",
    })),
    "admin": ("管理员", frozenset(ALL_PERMISSIONS)),
    "provider_admin": ("服务商", frozenset({"menu:tickets", "workorder.assign", "ticket.attach"})),
    "engineer": ("服务商工程师", frozenset({"menu:tickets", "workorder.process", "ticket.attach"})),
}


def require(actor: Actor, permission: str) -> None:
    """Refuse unless the actor holds `permission` (checked in the service, not only hidden in the UI)."""
    if not actor.can(permission):
        raise PermissionDenied("permission_denied", permission=ALL_PERMISSIONS.get(permission, permission))
