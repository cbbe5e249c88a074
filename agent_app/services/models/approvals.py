"""Approval flows as data (one- or two-level), requests and their decisions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, utcnow


class ApprovalStep(IdMixin, CompanyScoped, Base):
    """Level N of the company's approval flow for `flow` (e.g. `extend`): who may decide it.

    A flow with only a level 1 row is one-level; with rows for 1 and 2 it is two-level.
    """

    __tablename__ = "approval_steps"
    __table_args__ = (UniqueConstraint("company_id", "flow", "level"),)
    flow: Mapped[str] = mapped_column(String(24))
    level: Mapped[int] = mapped_column(Integer)
    approver_role: Mapped[str | None] = mapped_column(String(32))
    approver_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class ApprovalRequest(IdMixin, CompanyScoped, Base):
    __tablename__ = "approval_requests"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    flow: Mapped[str] = mapped_column(String(24))
    payload: Mapped[str] = mapped_column(Text)  # JSON, e.g. {"days": 3}
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(10), default="pending")  # pending | approved | rejected
    current_level: Mapped[int] = mapped_column(Integer, default=1)
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    requested_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class ApprovalDecision(IdMixin, Base):
    __tablename__ = "approval_decisions"
    request_id: Mapped[int] = mapped_column(ForeignKey("approval_requests.id", ondelete="CASCADE"), index=True)
    level: Mapped[int] = mapped_column(Integer)
    approver_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decision: Mapped[str] = mapped_column(String(10))  # approve | reject
    opinion: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)
