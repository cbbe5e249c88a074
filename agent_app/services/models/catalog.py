"""Three-level service categories, service levels and dictionaries."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin


class ServiceLevel(IdMixin, CompanyScoped, Base):
    """How fast a category must be answered and resolved (工单级别 / 处理期限)."""

    __tablename__ = "service_levels"
    __table_args__ = (UniqueConstraint("company_id", "code"),)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    response_hours: Mapped[int] = mapped_column(Integer)
    resolve_hours: Mapped[int] = mapped_column(Integer)


class ServiceCategory(IdMixin, CompanyScoped, Base):
    """服务分类: level 1 (业务咨询, 业务办理, 故障申报, 投诉, 其他) → level 2 → level 3.

    Only a leaf may be chosen on a ticket. `kind` of the level-1 ancestor drives reports
    (complaint, consult, business, fault, other).
    """

    __tablename__ = "service_categories"
    __table_args__ = (UniqueConstraint("company_id", "parent_id", "name"),)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("service_categories.id"))
    level: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    service_level_id: Mapped[int | None] = mapped_column(ForeignKey("service_levels.id"))
    ticket_type: Mapped[str] = mapped_column(String(16), default="hotline")
    sort: Mapped[int] = mapped_column(Integer, default=0)
    is_leaf: Mapped[bool] = mapped_column(Boolean, default=True)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)


class DictItem(IdMixin, Base):
    """A dictionary entry (数据字典). `company_id` NULL means it holds for every company."""

    __tablename__ = "dict_items"
    __table_args__ = (UniqueConstraint("company_id", "kind", "code"),)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(64))
    name_en: Mapped[str | None] = mapped_column(String(64))
    sort: Mapped[int] = mapped_column(Integer, default=0)
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
