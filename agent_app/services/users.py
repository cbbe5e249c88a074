"""Users and companies: creating them (from the CLI, the demo and the administration pages)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.domain.phone import try_normalize
from agent_app.services import audit
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import Company, Department, Role, User, UserRole
from agent_app.services.passwords import MIN_LENGTH, hash_password
from agent_app.services.permissions import require
from agent_app.services.reference_data import install_company_defaults
from agent_app.services.uow import UnitOfWorkFactory


@dataclass
class NewUser:
    account: str
    name: str
    password: str
    roles: list[str] = field(default_factory=list)
    post: str | None = None
    mobile: str | None = None
    email: str | None = None
    department_id: int | None = None
    agent_no: str | None = None
    extension: str | None = None
    provider_id: int | None = None
    # Already hashed (the demo hashes its one shared password once instead of once per user).
    password_hash: str | None = None


def add_user(session: Session, company_id: int, new: NewUser) -> User:
    """Validate and insert a user with roles of their company; raises before writing anything."""
    account = v.text(new.account, "account", max_len=64, required=True)
    name = v.text(new.name, "name", max_len=64, required=True)
    if new.password_hash is None and (not isinstance(new.password, str) or len(new.password) < MIN_LENGTH):
        raise ValidationError("weak_password", field="password", min=MIN_LENGTH)
    if new.mobile and try_normalize(new.mobile) is None:
        raise ValidationError("invalid_phone", field="mobile", value=new.mobile)
    if session.scalar(select(User.id).where(User.account == account)) is not None:
        raise ValidationError("duplicate_value", field="account", value=account)
    if new.department_id is not None:
        department = session.get(Department, new.department_id)
        if department is None or department.company_id != company_id:
            raise NotFound("not_found", what="department")
    roles = session.scalars(select(Role).where(Role.company_id == company_id, Role.code.in_(new.roles))).all()
    unknown = set(new.roles) - {r.code for r in roles}
    if unknown:
        raise ValidationError("invalid_choice", field="role", value=", ".join(sorted(unknown)))
    user = User(company_id=company_id, account=account, name=name, post=new.post, mobile=new.mobile, email=new.email,
                department_id=new.department_id, agent_no=new.agent_no, extension=new.extension,
                provider_id=new.provider_id, password_hash=new.password_hash or hash_password(new.password))
    session.add(user)
    session.flush()
    session.add_all(UserRole(user_id=user.id, role_id=r.id) for r in roles)
    session.flush()
    return user


def add_company(session: Session, code: str, name: str, parent_id: int | None = None, *, catalogue: bool = True,
                area_code: str = "020") -> Company:
    code = v.text(code, "code", max_len=32, required=True)
    if session.scalar(select(Company.id).where(Company.code == code)) is not None:
        raise ValidationError("duplicate_value", field="code", value=code)
    if not (area_code.isdigit() and area_code.startswith("0") and 3 <= len(area_code) <= 4):
        raise ValidationError("invalid_phone", field="area_code", value=area_code)
    company = Company(code=code, name=v.text(name, "name", max_len=100, required=True), parent_id=parent_id,
                      area_code=area_code)
    session.add(company)
    session.flush()
    install_company_defaults(session, company.id, catalogue=catalogue)
    return company


class UserService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def create(self, actor: Actor, new: NewUser) -> int:
        require(actor, "user.manage")
        with self._uow() as uow:
            user = add_user(uow.session, actor.company_id, new)
            audit.record(uow.session, "user_add", actor=actor, target_type="user", target_id=user.id,
                         detail={"account": user.account, "roles": new.roles})
            uow.commit()
            return user.id

    def create_company(self, code: str, name: str, area_code: str = "020") -> int:
        """A new tenant with its built-in roles and catalogue (installation/CLI only: no actor)."""
        with self._uow() as uow:
            company = add_company(uow.session, code, name, area_code=area_code)
            uow.commit()
            return company.id

    def create_in_company(self, company_code: str, new: NewUser) -> int:
        """`agent-app user add`: run by whoever administers the machine, audited without an actor."""
        with self._uow() as uow:
            company = uow.session.scalars(select(Company).where(Company.code == company_code)).one_or_none()
            if company is None:
                raise NotFound("not_found", what="company")
            user = add_user(uow.session, company.id, new)
            audit.record(uow.session, "user_add", company_id=company.id, account="(cli)", target_type="user",
                         target_id=user.id, detail={"account": user.account, "roles": new.roles})
            uow.commit()
            return user.id
