"""Companies (tenants), departments, groups, management areas, dispatch targets, holidays."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, Timestamps


class Company(IdMixin, Timestamps, Base):
    """A water/gas company or service company: the tenant. A group company is a parent."""

    __tablename__ = "companies"
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    phone: Mapped[str | None] = mapped_column(String(40))
    # The telephone area code of the company's city: a caller's local landline gets it.
    area_code: Mapped[str] = mapped_column(String(6), default="020")
    address: Mapped[str | None] = mapped_column(String(200))
    # Soft delete: a deleted company keeps its history but nobody can sign in to it.
    deleted_at: Mapped[datetime | None]


class Department(IdMixin, CompanyScoped, Base):
    __tablename__ = "departments"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    name: Mapped[str] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))


class Group(IdMixin, CompanyScoped, Base):
    """A team of seats or handlers (分组), e.g. a shift of hotline agents."""

    __tablename__ = "groups"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))


class GroupMember(Base):
    __tablename__ = "group_members"
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id", ondelete="CASCADE"), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)


class Area(IdMixin, CompanyScoped, Base):
    """A management area (管理区域) of the company's supply network."""

    __tablename__ = "areas"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))


class DispatchTarget(IdMixin, CompanyScoped, Base):
    """Whom a hotline ticket can be dispatched to (派单对象): a department, a group or a person.

    Anyone in the department/group (or the person) may accept the ticket.
    """

    __tablename__ = "dispatch_targets"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    name: Mapped[str] = mapped_column(String(100))
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class Holiday(IdMixin, CompanyScoped, Base):
    """A day off (or a swapped working day) that deadline arithmetic respects."""

    __tablename__ = "holidays"
    __table_args__ = (UniqueConstraint("company_id", "day"),)
    day: Mapped[date] = mapped_column(Date)
    name: Mapped[str] = mapped_column(String(100))
    is_workday: Mapped[bool] = mapped_column(Boolean, default=False)
