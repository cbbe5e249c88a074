"""Reference data every installation starts with: the permission catalogue, built-in roles,
dictionaries, and a water utility's three-level service catalogue for a new company."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.services.models import DictItem, Permission, Role, RolePermission, ServiceCategory, ServiceLevel
from agent_app.services.permissions import BUTTONS, MENUS, ROLES

# kind → [(code, 中文, English)]
DICTIONARIES: dict[str, list[tuple[str, str, str]]] = {
    "source_channel": [
        ("hotline", "热线", "hotline"), ("gov_supervision", "政府督办", "government supervision"),
        ("public_opinion", "舆情", "public opinion"), ("wechat", "微厅", "WeChat hall"), ("web", "网厅", "web hall"),
        ("staff", "员工", "staff"), ("city_platform", "城市第三方平台", "city third-party platform"),
        ("gov_12345", "政府热线12345", "government hotline 12345"), ("counter", "柜台", "counter"),
    ],
    "urgency": [("normal", "一般", "normal"), ("urgent", "紧急", "urgent"), ("critical", "特急", "critical")],
    "callback_result": [
        ("satisfied", "满意", "satisfied"), ("basically_satisfied", "基本满意", "basically satisfied"),
        ("unsatisfied", "不满意", "unsatisfied"), ("unreachable", "无法联系", "unreachable"),
    ],
    "root_cause": [
        ("pipe_burst", "管道爆裂", "burst pipe"), ("meter_fault", "水表故障", "meter fault"),
        ("valve_fault", "阀门故障", "valve fault"), ("device_fault", "设备硬件故障", "device hardware fault"),
        ("software", "软件问题", "software problem"), ("configuration", "配置问题", "configuration"),
        ("misuse", "用户操作不当", "misuse"), ("external", "外部原因", "external cause"),
        ("installation_done", "安装完成", "installation completed"), ("other", "其他", "other"),
    ],
    "product_line": [
        ("smart_meter", "智能水表", "smart meters"), ("pipe_network", "管网设备", "pipe network equipment"),
        ("pump_station", "泵站设备", "pump stations"), ("water_quality", "水质监测", "water quality monitors"),
        ("gas_meter", "燃气表", "gas meters"),
    ],
    "customer_type": [
        ("resident", "居民用户", "resident"), ("business", "非居民用户", "business"),
        ("special", "特种行业", "special industry"),
    ],
    "complaint_verdict": [("valid", "有效投诉", "valid"), ("invalid", "无效投诉", "invalid")],
    "not_ready_reason": [
        ("rest", "小休", "break"), ("meal", "用餐", "meal"), ("meeting", "会议", "meeting"),
        ("training", "培训", "training"), ("other", "其他", "other"),
    ],
}

# level-1 (kind, name) → level-2 name → level-3 names
WATER_CATALOGUE: list[tuple[str, str, dict[str, list[str]]]] = [
    ("consult", "业务咨询", {
        "水费咨询": ["水价标准", "账单查询", "缴费方式"],
        "停水咨询": ["计划停水", "突发停水"],
        "业务流程咨询": ["开户流程", "过户流程", "报装流程"],
    }),
    ("business", "业务办理", {
        "户务办理": ["开户", "过户", "销户", "更名"],
        "水表业务": ["换表", "拆表", "移表", "水表校验"],
        "缴费业务": ["预存水费", "退费申请", "发票开具"],
    }),
    ("fault", "故障申报", {
        "供水故障": ["无水", "水压低", "管道漏水", "爆管"],
        "水表故障": ["水表不走", "水表漏水", "水表损坏"],
        "水质问题": ["水质浑浊", "水有异味"],
    }),
    ("complaint", "投诉", {
        "供水投诉": ["水质", "水压", "停水", "收费", "噪音"],
        "工程投诉": ["工程收费", "工程质量", "工程进度"],
        "服务态度": ["热线服务", "营业厅服务", "上门服务"],
        "二次供水": ["水箱清洗", "加压设备"],
        "其他投诉": ["其他"],
    }),
    ("other", "其他", {"建议表扬": ["建议", "表扬"], "其他事项": ["其他"]}),
]

SERVICE_LEVELS = [("standard", "普通", 24, 72), ("priority", "优先", 4, 24), ("emergency", "紧急抢修", 1, 4)]
_LEVEL_FOR_KIND = {"fault": "priority", "complaint": "standard", "consult": "standard", "business": "standard",
                   "other": "standard"}


def install_global(session: Session) -> None:
    """Permissions and the global dictionaries; idempotent."""
    existing = set(session.scalars(select(Permission.code)))
    for code, name in MENUS.items():
        if code not in existing:
            session.add(Permission(code=code, name=name, kind="menu"))
    for code, name in BUTTONS.items():
        if code not in existing:
            session.add(Permission(code=code, name=name, kind="button"))
    have = {(k, c) for k, c in session.execute(select(DictItem.kind, DictItem.code).where(DictItem.company_id.is_(None)))}
    for kind, items in DICTIONARIES.items():
        for sort, (code, zh, en) in enumerate(items):
            if (kind, code) not in have:
                session.add(DictItem(company_id=None, kind=kind, code=code, name=zh, name_en=en, sort=sort))
    session.flush()


def install_company_defaults(session: Session, company_id: int, *, catalogue: bool = True) -> dict[str, Role]:
    """Built-in roles (with permissions), service levels and the service catalogue of a new company."""
    install_global(session)
    roles: dict[str, Role] = {}
    for code, (name, permissions) in ROLES.items():
        role = Role(company_id=company_id, code=code, name=name)
        session.add(role)
        session.flush()
        session.add_all(RolePermission(role_id=role.id, permission_code=p) for p in sorted(permissions))
        roles[code] = role
    levels: dict[str, ServiceLevel] = {}
    for code, name, response, resolve in SERVICE_LEVELS:
        level = ServiceLevel(company_id=company_id, code=code, name=name, response_hours=response, resolve_hours=resolve)
        session.add(level)
        levels[code] = level
    session.flush()
    if catalogue:
        for sort1, (kind, name1, children) in enumerate(WATER_CATALOGUE):
            top = ServiceCategory(company_id=company_id, level=1, code=f"{sort1 + 1}", name=name1, kind=kind,
                                  sort=sort1, is_leaf=False, service_level_id=levels[_LEVEL_FOR_KIND[kind]].id)
            session.add(top)
            session.flush()
            for sort2, (name2, leaves) in enumerate(children.items()):
                mid = ServiceCategory(company_id=company_id, parent_id=top.id, level=2, code=f"{top.code}{sort2 + 1:02d}",
                                      name=name2, kind=kind, sort=sort2, is_leaf=False,
                                      service_level_id=top.service_level_id)
                session.add(mid)
                session.flush()
                for sort3, name3 in enumerate(leaves):
                    level_id = levels["emergency"].id if name3 in ("爆管", "无水") else top.service_level_id
                    session.add(ServiceCategory(company_id=company_id, parent_id=mid.id, level=3,
                                                code=f"{mid.code}{sort3 + 1:02d}", name=name3, kind=kind,
                                                sort=sort3, is_leaf=True, service_level_id=level_id))
        session.flush()
    return roles
