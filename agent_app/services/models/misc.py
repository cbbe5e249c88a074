"""Memos, notices and the audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, utcnow


class Memo(IdMixin, CompanyScoped, Base):
    """备忘录 of an agent, written from the workbench."""

    __tablename__ = "memos"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | done
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)


class Notice(IdMixin, CompanyScoped, Base):
    """通知公告 (and 停水通知 with kind=outage)."""

    __tablename__ = "notices"
    kind: Mapped[str] = mapped_column(String(10), default="notice")  # notice | outage
    title: Mapped[str] = mapped_column(String(200))
    content: Mapped[str] = mapped_column(Text)
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    starts_at: Mapped[datetime | None]
    ends_at: Mapped[datetime | None]
    published_at: Mapped[datetime] = mapped_column(default=utcnow)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))


class AuditLog(IdMixin, Base):
    """安全日志: sign-ins, permission refusals, monitor sessions, configuration changes."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_company_at", "company_id", "at"),)
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    account: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(40))
    target_type: Mapped[str | None] = mapped_column(String(24))
    target_id: Mapped[str | None] = mapped_column(String(40))
    success: Mapped[bool] = mapped_column(Boolean, default=True)
    detail: Mapped[str | None] = mapped_column(Text)
