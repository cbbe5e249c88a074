"""Users, roles and their menu- and button-level permissions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, Timestamps


class User(IdMixin, CompanyScoped, Timestamps, Base):
    __tablename__ = "users"
    account: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    post: Mapped[str | None] = mapped_column(String(64))
    mobile: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(120))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    # Hotline seat identity (工号, 分机号), remembered from the last hotline login.
    agent_no: Mapped[str | None] = mapped_column(String(32))
    extension: Mapped[str | None] = mapped_column(String(32))
    # A user of a service provider (服务商 or its engineer) sees only that provider's work orders.
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("service_providers.id"))
    password_hash: Mapped[str] = mapped_column(String(200))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    last_login_at: Mapped[datetime | None]
    seat_priority: Mapped[int] = mapped_column(Integer, default=5)
    seat_enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class Role(IdMixin, CompanyScoped, Base):
    __tablename__ = "roles"
    __table_args__ = (UniqueConstraint("company_id", "code"),)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))


class Permission(Base):
    """A menu (`menu:…`) or button (`ticket.dispatch`, …) permission; the catalogue is global."""

    __tablename__ = "permissions"
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(10))  # menu | button


class RolePermission(Base):
    __tablename__ = "role_permissions"
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)
    permission_code: Mapped[str] = mapped_column(ForeignKey("permissions.code"), primary_key=True)


class UserRole(Base):
    __tablename__ = "user_roles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    role_id: Mapped[int] = mapped_column(ForeignKey("roles.id", ondelete="CASCADE"), primary_key=True)
