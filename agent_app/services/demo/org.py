"""The organisation of one demo company: departments, groups, areas, dispatch targets, users for
every role, a service provider with certified engineers, and a two-level extension approval.

The tests build their world with the same function, so the demo is exercised on every run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.orm import Session

from agent_app.services.models import (
    ApprovalStep,
    Area,
    Certification,
    Department,
    DispatchTarget,
    Engineer,
    Group,
    GroupMember,
    ServiceProvider,
)
from agent_app.services.passwords import hash_password
from agent_app.services.users import NewUser, add_company, add_user

DEPARTMENTS = ["客服中心", "供水管网部", "营业部", "水表计量部", "工程部"]
AREAS = {"gz": ["天河区", "越秀区", "海珠区", "白云区", "番禺区"], "fs": ["禅城区", "南海区", "顺德区", "三水区"]}

# (account suffix, name, post, roles, department, agent no., extension)
PEOPLE = [
    ("agent", "李晓燕", "热线坐席", ["agent"], "客服中心", "1001", "8001"),
    ("agent2", "陈思琪", "热线坐席", ["agent"], "客服中心", "1002", "8002"),
    ("dispatcher", "王建国", "派单员", ["dispatcher"], "客服中心", None, None),
    ("handler", "张伟", "管网维修班长", ["handler"], "供水管网部", None, None),
    ("handler2", "刘洋", "营业员", ["handler"], "营业部", None, None),
    ("callback", "赵敏", "回访员", ["callback"], "客服中心", None, None),
    ("supervisor", "黄丽华", "热线班长", ["supervisor"], "客服中心", "1000", "8000"),
    ("manager", "周志强", "客服中心主任", ["manager"], "客服中心", None, None),
    ("admin", "系统管理员", "管理员", ["admin"], "客服中心", None, None),
]

DEMO_PASSWORD = "Demo@2026"


@dataclass
class DemoCompany:
    id: int
    code: str
    name: str
    accounts: dict[str, str] = field(default_factory=dict)  # role key → account
    user_ids: dict[str, int] = field(default_factory=dict)
    department_ids: dict[str, int] = field(default_factory=dict)
    area_ids: dict[str, int] = field(default_factory=dict)
    target_ids: dict[str, int] = field(default_factory=dict)
    provider_id: int = 0
    other_provider_id: int = 0
    engineer_ids: dict[str, int] = field(default_factory=dict)


def build_company(session: Session, code: str, name: str, *, parent_id: int | None = None,
                  today: date | None = None, password: str = DEMO_PASSWORD, area_code: str = "020") -> DemoCompany:
    today = today or date.today()
    hashed = hash_password(password)
    company = add_company(session, code, name, parent_id, area_code=area_code)
    demo = DemoCompany(company.id, code, name)
    for dept in DEPARTMENTS:
        row = Department(company_id=company.id, name=dept)
        session.add(row)
        session.flush()
        demo.department_ids[dept] = row.id
    for index, area in enumerate(AREAS.get(code, AREAS["gz"])):
        row = Area(company_id=company.id, code=f"A{index + 1:02d}", name=area)
        session.add(row)
        session.flush()
        demo.area_ids[area] = row.id
    for key, person, post, roles, dept, agent_no, extension in PEOPLE:
        account = f"{code}_{key}"
        user = add_user(session, company.id, NewUser(
            account=account, name=person, password=password, password_hash=hashed, roles=roles, post=post,
            mobile=f"139{company.id:02d}{len(demo.user_ids):06d}"[:11], department_id=demo.department_ids[dept],
            agent_no=agent_no, extension=extension))
        demo.accounts[key] = account
        demo.user_ids[key] = user.id
    hotline = Group(company_id=company.id, name="热线一组", department_id=demo.department_ids["客服中心"])
    session.add(hotline)
    session.flush()
    session.add_all(GroupMember(group_id=hotline.id, user_id=demo.user_ids[k]) for k in ("agent", "agent2", "supervisor"))
    for dept in ("供水管网部", "营业部", "水表计量部", "工程部"):
        target = DispatchTarget(company_id=company.id, name=dept, department_id=demo.department_ids[dept])
        session.add(target)
        session.flush()
        demo.target_ids[dept] = target.id
    person_target = DispatchTarget(company_id=company.id, name="张伟（管网维修）", user_id=demo.user_ids["handler"])
    session.add(person_target)
    session.flush()
    demo.target_ids["张伟"] = person_target.id
    session.add_all([
        ApprovalStep(company_id=company.id, flow="extend", level=1, approver_role="supervisor"),
        ApprovalStep(company_id=company.id, flow="extend", level=2, approver_role="manager"),
    ])
    _providers(session, demo, today, password, hashed)
    session.flush()
    return demo


def _providers(session: Session, demo: DemoCompany, today: date, password: str, hashed: str) -> None:
    provider = ServiceProvider(company_id=demo.id, name=f"{demo.name[:2]}水务设备服务有限公司", contact_name="孙国栋",
                               contact_phone="020-38001234", email="service@example.com")
    other = ServiceProvider(company_id=demo.id, name=f"{demo.name[:2]}智能表计科技有限公司", contact_name="钱进",
                            contact_phone="020-38005678")
    session.add_all([provider, other])
    session.flush()
    demo.provider_id, demo.other_provider_id = provider.id, other.id
    admin = add_user(session, demo.id, NewUser(account=f"{demo.code}_provider", name="孙国栋", password=password, password_hash=hashed,
                                               roles=["provider_admin"], post="服务商接口人", provider_id=provider.id))
    demo.accounts["provider"] = f"{demo.code}_provider"
    demo.user_ids["provider"] = admin.id
    engineers = [
        ("engineer", "吴海波", provider.id, [("smart_meter", -365, 365), ("pipe_network", -365, 365),
                                            ("pump_station", -30, 700)]),
        ("engineer2", "郑凯", provider.id, [("smart_meter", -730, -1)]),  # certification expired yesterday
        ("engineer3", "冯涛", other.id, [("smart_meter", -100, 500)]),
    ]
    for key, name, provider_id, certs in engineers:
        user = add_user(session, demo.id, NewUser(account=f"{demo.code}_{key}", name=name, password=password, password_hash=hashed,
                                                  roles=["engineer"], post="服务工程师", provider_id=provider_id,
                                                  email=f"{key}@example.com"))
        engineer = Engineer(company_id=demo.id, provider_id=provider_id, user_id=user.id, name=name,
                            email=f"{key}@example.com")
        session.add(engineer)
        session.flush()
        for line, start, end in certs:
            session.add(Certification(engineer_id=engineer.id, product_line=line,
                                      valid_from=today + timedelta(days=start), valid_to=today + timedelta(days=end)))
        demo.accounts[key] = f"{demo.code}_{key}"
        demo.user_ids[key] = user.id
        demo.engineer_ids[key] = engineer.id
