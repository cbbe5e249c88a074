"""Building an Actor from a user row: roles → permissions, groups, engineer identity."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound
from agent_app.services.actor import Actor
from agent_app.services.models import Company, Engineer, GroupMember, Role, RolePermission, User, UserRole


def load_actor(session: Session, user: User) -> Actor:
    roles = session.execute(
        select(Role.id, Role.code).join(UserRole, UserRole.role_id == Role.id).where(UserRole.user_id == user.id)
    ).all()
    role_ids = [r.id for r in roles]
    permissions = set(
        session.scalars(select(RolePermission.permission_code).where(RolePermission.role_id.in_(role_ids)))
    ) if role_ids else set()
    groups = frozenset(session.scalars(select(GroupMember.group_id).where(GroupMember.user_id == user.id)))
    engineer_id = session.scalar(select(Engineer.id).where(Engineer.user_id == user.id))
    company = session.get(Company, user.company_id)
    return Actor(
        user_id=user.id,
        company_id=user.company_id,
        account=user.account,
        name=user.name,
        roles=frozenset(r.code for r in roles),
        permissions=frozenset(permissions),
        department_id=user.department_id,
        provider_id=user.provider_id,
        engineer_id=engineer_id,
        agent_no=user.agent_no,
        extension=user.extension,
        company_name=company.name if company else "",
        mobile=user.mobile,
        group_ids=groups,
    )


def actor_for_account(session: Session, account: str) -> Actor:
    """The actor of an account without a password: for the CLI run by an administrator, and tests."""
    user = session.scalars(select(User).where(User.account == account)).one_or_none()
    if user is None:
        raise NotFound("not_found", what="user")
    return load_actor(session, user)
