"""Call records (话务记录) and agent state changes (话务条), the raw material of seat reports."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin


class Call(IdMixin, CompanyScoped, Base):
    __tablename__ = "calls"
    __table_args__ = (Index("ix_calls_company_ring", "company_id", "ring_at"),)
    direction: Mapped[str] = mapped_column(String(4))  # in | out
    caller: Mapped[str] = mapped_column(String(64))  # 主叫号码
    callee: Mapped[str] = mapped_column(String(64))  # 被叫号码
    agent_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    agent_no: Mapped[str | None] = mapped_column(String(32))  # 客服工号
    extension: Mapped[str | None] = mapped_column(String(32))
    ivr_trail: Mapped[str | None] = mapped_column(String(500))  # IVR轨迹
    sip_call_id: Mapped[str | None] = mapped_column(String(200))
    ring_at: Mapped[datetime]  # 振铃时间
    answer_at: Mapped[datetime | None]  # 应答时间
    end_at: Mapped[datetime | None]  # 呼叫结束时间
    answered: Mapped[bool] = mapped_column(Boolean, default=False)  # 是否接通
    hangup_by: Mapped[str | None] = mapped_column(String(10))  # 挂机类型: agent | remote | transfer
    recording_path: Mapped[str | None] = mapped_column(String(500))  # 录音
    manual_service: Mapped[bool] = mapped_column(Boolean, default=True)  # 是否人工服务
    counted: Mapped[bool] = mapped_column(Boolean, default=True)  # 是否参与计算
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 满意度


class AgentStateChange(IdMixin, CompanyScoped, Base):
    """One stretch of a seat in one state (示闲, 示忙, 通话, 后处理, 拨号 …)."""

    __tablename__ = "agent_state_changes"
    __table_args__ = (Index("ix_agent_state_user", "user_id", "started_at"),)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    agent_no: Mapped[str | None] = mapped_column(String(32))
    extension: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(String(64))
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    duration_seconds: Mapped[int | None] = mapped_column(Integer)


class SeatStatus(CompanyScoped, Base):
    """The live state of one seat, one row per user: what the seat board reads in one query.

    `AgentStateChange` keeps the history for the reports; this row is overwritten.
    """

    __tablename__ = "seat_status"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    agent_no: Mapped[str | None] = mapped_column(String(32))
    extension: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16), default="logged_out")
    reason: Mapped[str | None] = mapped_column(String(64))
    since: Mapped[datetime]
    registration: Mapped[str] = mapped_column(String(16), default="unregistered")
    call_number: Mapped[str | None] = mapped_column(String(64))
    call_direction: Mapped[str | None] = mapped_column(String(4))
    call_since: Mapped[datetime | None]
    monitored_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime]
