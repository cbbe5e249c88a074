"""`agent-app demo`: a water group with two companies, their people, customers and tickets in
every state of every type, each ticket carried there through the real services (so its history
is what a user would have produced)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select

from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.clock import ManualClock
from agent_app.services.customers import CustomerForm, add_customer
from agent_app.services.demo import content
from agent_app.services.demo.org import DEMO_PASSWORD, PEOPLE, DemoCompany, build_company
from agent_app.services.models import Company, Notice, ServiceCategory, Ticket
from agent_app.services.tickets.attachments import Upload
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.tickets.registration import RegistrationForm, WorkOrderForm
from agent_app.services.users import add_company

COMPANIES = [("gz", "广州自来水公司", "020"), ("fs", "佛山水务公司", "0757")]

# how a hotline ticket's life goes on after registration: the actions, in order
HOTLINE_PATHS: list[tuple[str, ...]] = [
    (),
    ("dispatch",),
    ("dispatch", "accept"),
    ("dispatch", "accept", "urge"),
    ("dispatch", "accept", "extend"),
    ("dispatch", "accept", "handle"),
    ("dispatch", "accept", "handle", "callback"),
    ("dispatch", "accept", "handle", "callback", "close"),
    ("dispatch", "accept", "handle", "callback", "close"),
    ("dispatch", "accept", "return"),
    ("close_on_call",),
]
ORDER_PATHS: list[tuple[str, ...]] = [
    (), ("assign",), ("assign", "process"), ("assign", "process", "work_log"),
    ("assign", "process", "work_log", "suspend"), ("assign", "process", "work_log", "close_order"),
]


@dataclass
class DemoSummary:
    companies: list[DemoCompany] = field(default_factory=list)
    customers: int = 0
    tickets: int = 0
    sample_phones: list[str] = field(default_factory=list)


def is_empty(services: Services) -> bool:
    with services.uow() as uow:
        return not uow.session.scalar(select(func.count()).select_from(Company))


def load_demo(services_url: str | None, *, customers_per_company: int = 200, tickets_per_company: int = 120,
              seed: int = 2026) -> DemoSummary:
    rng = random.Random(seed)
    real_now = datetime.now(timezone.utc)
    clock = ManualClock(real_now - timedelta(days=30))
    services = Services.open(services_url, clock)
    summary = DemoSummary()
    try:
        with services.uow() as uow:
            group = add_company(uow.session, "yh", "粤海水务集团", catalogue=False)
            companies = [build_company(uow.session, code, name, parent_id=group.id, area_code=area,
                                       today=real_now.astimezone(LOCAL_TZ).date())
                         for code, name, area in COMPANIES]
            uow.commit()
        summary.companies = companies
        for demo, (_, _, area_code) in zip(companies, COMPANIES):
            phones = _customers(services, demo, area_code, customers_per_company, rng)
            summary.customers += customers_per_company
            summary.sample_phones.extend(phones[:3])
            summary.tickets += _tickets(services, clock, demo, phones, tickets_per_company, real_now, rng)
            _notices(services, demo, real_now)
    finally:
        services.close()
    return summary


def _customers(services: Services, demo: DemoCompany, area_code: str, count: int, rng: random.Random) -> list[str]:
    """Customers with mobiles and landlines (every tenth landline shared by two households)."""
    phones: list[str] = []
    areas = list(demo.area_ids.items())
    shared: str | None = None
    with services.uow() as uow:
        for index in range(count):
            district, area_id = rng.choice(areas)
            business = index % 7 == 0
            landline = shared if (index % 10 == 1 and shared) else content.landline(rng, area_code)
            shared = landline if index % 10 == 0 else shared
            form = CustomerForm(
                name=content.business_name(rng) if business else content.person_name(rng),
                mobile=content.shown(content.mobile(rng), rng), phone=content.shown(landline, rng),
                address=content.address(rng, district), meter_no=f"SB{demo.id:02d}{index:07d}",
                customer_type="business" if business else "resident", area_id=area_id,
                user_no=f"{demo.code.upper()}{index + 1:08d}", customer_no=f"KH{demo.id:02d}{index + 1:07d}")
            add_customer(uow.session, demo.id, form)
            phones.append(form.mobile)
        uow.commit()
    return phones


def _tickets(services: Services, clock: ManualClock, demo: DemoCompany, phones: list[str], count: int,
             real_now: datetime, rng: random.Random) -> int:
    actors = {key: _actor(services, demo, key) for key in
              ("agent", "agent2", "dispatcher", "handler", "handler2", "callback", "supervisor", "provider", "engineer")}
    with services.uow() as uow:
        leaves = uow.session.execute(select(ServiceCategory.id, ServiceCategory.name).where(
            ServiceCategory.company_id == demo.id, ServiceCategory.is_leaf.is_(True))).all()
    step = (real_now - clock.now) / (count + 10)
    made = 0
    for index in range(count):
        clock.now = real_now - step * (count - index) - timedelta(days=1)
        # a few regular callers (the first ones are the sample numbers printed), many occasional ones
        customer_phone = phones[index] if index < 3 else rng.choice(phones[:40] if index % 2 else phones)
        pop = services.lookup.by_phone(actors["agent"], customer_phone)
        customer = pop.customers[0] if pop.customers else None
        leaf_id, leaf_name = rng.choice(leaves)
        agent = actors[rng.choice(("agent", "agent2"))]
        form = RegistrationForm(
            description=content.description(rng, leaf_name), category_id=leaf_id,
            source_channel=rng.choice(["hotline"] * 6 + ["wechat", "gov_12345", "web", "counter"]),
            urgency=rng.choice(["normal"] * 5 + ["urgent", "critical"]), caller_phone=customer_phone,
            contact_name=customer.name if customer else None, customer_id=customer.id if customer else None,
            area_id=customer.area_id if customer else None, address=customer.address if customer else None,
            meter_no=customer.meter_no if customer else None)
        ref = services.tickets.register(agent, form)
        made += 1
        path = HOTLINE_PATHS[index % len(HOTLINE_PATHS)]
        _walk(services, clock, demo, actors, ref.id, path, rng, registrar=agent)
        if index % 6 == 0:
            made += _work_order(services, clock, demo, actors, index // 6, customer, rng)
    return made


def _walk(services, clock, demo, actors, ticket_id, path, rng, registrar=None) -> None:  # noqa: ANN001
    params_for = {
        "dispatch": ("dispatcher", lambda: {"target_id": rng.choice([demo.target_ids["供水管网部"],
                                                                     demo.target_ids["张伟"]]),
                                            "opinion": "请按时处理"}),
        "accept": ("handler", dict),
        "urge": ("agent", lambda: {"opinion": "客户来电催促"}),
        "extend": ("handler", lambda: {"days": 3, "opinion": "需协调施工许可"}),
        "handle": ("handler", lambda: {"opinion": rng.choice(["已派员现场处理完毕", "已更换破损阀门，恢复供水",
                                                             "已向客户解释清楚"])}),
        "callback": ("callback", lambda: {"result": rng.choice(["satisfied"] * 4 + ["basically_satisfied"]),
                                          "satisfaction": rng.choice([4, 5, 5])}),
        "close": ("callback", dict),
        "return": ("handler", lambda: {"opinion": "非本部门职责，退回重新派单"}),
        "close_on_call": (None, lambda: {"opinion": "已在电话中解答"}),
        "assign": ("provider", lambda: {"engineer_id": demo.engineer_ids["engineer"]}),
        "process": ("engineer", dict),
        "work_log": ("engineer", lambda: {"start": clock() - timedelta(hours=2), "end": clock(), "title": "现场处理",
                                          "content": "到场检查设备并记录读数"}),
        "suspend": ("engineer", lambda: {"start": clock(), "end": clock() + timedelta(days=40),
                                         "opinion": "等待备件到货"}),
        "close_order": ("engineer", lambda: {
            "root_cause": "meter_fault", "cause_description": "通讯模块损坏", "visit_time": clock() - timedelta(hours=3),
            "completion_time": clock(), "solution": "更换通讯模块",
            "attachments": [Upload("现场服务报告.pdf", b"%PDF-1.4 demo service report", "service_report")]}),
    }
    for action in path:
        clock.advance(hours=rng.randint(1, 20))
        key, params = params_for[action]
        actor = registrar if key is None else actors[key]
        version = services.tickets.detail(actor, ticket_id).version
        services.tickets.perform(actor, ticket_id, action, version, **params())


def _work_order(services, clock, demo, actors, index, customer, rng) -> int:  # noqa: ANN001
    ticket_type = ("repair", "inspection", "repair")[index % 3]
    form = WorkOrderForm(ticket_type=ticket_type, provider_id=demo.provider_id,
                         product_line=rng.choice(["smart_meter", "pipe_network"]),
                         description=rng.choice(["智能水表通讯离线", "管网压力监测点数据异常", "泵站设备例行巡检"]),
                         device_sn=f"SN{demo.id:02d}{index:06d}", customer_id=customer.id if customer else None,
                         contact_phone=customer.mobile if customer else None)
    ref = services.tickets.create_work_order(actors["dispatcher"], form)
    path = ORDER_PATHS[index % len(ORDER_PATHS)]
    if ticket_type == "inspection" and "close_order" in path:
        path = path[:-1]  # the demo keeps inspection reports for the user to upload
    _walk(services, clock, demo, actors, ref.id, path, rng)
    return 1


def _notices(services: Services, demo: DemoCompany, now: datetime) -> None:
    with services.uow() as uow:
        author = demo.user_ids["supervisor"]
        area = next(iter(demo.area_ids))
        uow.session.add_all([
            Notice(company_id=demo.id, kind="outage", title=f"{area}计划停水通知",
                   content=f"因管网改造，{area}部分区域将于本周六 8:00–18:00 停水，请提前储水。",
                   area_id=demo.area_ids[area], starts_at=now + timedelta(days=2), ends_at=now + timedelta(days=3),
                   published_at=now, author_id=author),
            Notice(company_id=demo.id, kind="notice", title="热线服务规范更新",
                   content="自下周一起，投诉类工单须在 24 小时内完成首次回复。", published_at=now, author_id=author),
        ])
        uow.commit()


def _actor(services: Services, demo: DemoCompany, key: str):  # noqa: ANN202
    with services.uow() as uow:
        return actor_for_account(uow.session, demo.accounts[key])


def credentials(summary: DemoSummary) -> list[tuple[str, str, str]]:
    """(account, role, password) of every demo user, for printing."""
    rows = []
    for demo in summary.companies:
        for key, name, post, *_ in PEOPLE:
            rows.append((demo.accounts[key], f"{demo.name} {post} {name}", DEMO_PASSWORD))
        rows.append((demo.accounts["provider"], f"{demo.name} 服务商接口人", DEMO_PASSWORD))
        for key in ("engineer", "engineer2", "engineer3"):
            rows.append((demo.accounts[key], f"{demo.name} 服务商工程师", DEMO_PASSWORD))
    return rows


def ticket_count(services: Services) -> int:
    with services.uow() as uow:
        return int(uow.session.scalar(select(func.count()).select_from(Ticket)) or 0)
