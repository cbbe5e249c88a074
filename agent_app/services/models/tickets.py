"""Tickets (hotline service tickets and repair/inspection/installation work orders) and what
hangs off them: history, work logs, suspensions, callbacks, links."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, BigId, CompanyScoped, IdMixin, utcnow


class Ticket(IdMixin, CompanyScoped, Base):
    """One ticket of any type. Fields of seed 004 §5.2/§5.2.5.1 and seed 000's work orders.

    `status` is the type's own state code; `status_category` (new/open/pending/closed) lets lists
    and reports work without knowing every type. `version` makes concurrent changes fail loudly.
    """

    __tablename__ = "tickets"
    __table_args__ = (
        UniqueConstraint("company_id", "number"),
        # keyset paging: newest first within a company
        Index("ix_tickets_company_registered", "company_id", "registered_at", "id"),
        Index("ix_tickets_company_status", "company_id", "status_category", "registered_at", "id"),
        Index("ix_tickets_caller", "company_id", "caller_phone_key", "registered_at"),
        Index("ix_tickets_customer", "customer_id", "registered_at"),
        # migration 0004: only the tickets that have one (a closed ticket has no current handler,
        # a hotline ticket no provider or engineer); an equality on the column implies the condition
        Index("ix_tickets_handler", "current_handler_id", "status_category",
              postgresql_where=text("current_handler_id IS NOT NULL"),
              sqlite_where=text("current_handler_id IS NOT NULL")),
        Index("ix_tickets_provider_id", "provider_id", postgresql_where=text("provider_id IS NOT NULL"),
              sqlite_where=text("provider_id IS NOT NULL")),
        Index("ix_tickets_engineer_id", "engineer_id", postgresql_where=text("engineer_id IS NOT NULL"),
              sqlite_where=text("engineer_id IS NOT NULL")),
        Index("ix_tickets_category", "company_id", "category_id", "registered_at"),
        # migration 0002: the ticket tree's folders at call-center scale (see that revision)
        # migration 0003: the columns of "my pending" ride along, so its count reads only the index
        Index("ix_tickets_open", "company_id", "registered_at", "id", "status", "current_handler_id",
              "dispatch_target_id", "ticket_type",
              postgresql_where=text("status_category <> 'closed'"), sqlite_where=text("status_category <> 'closed'")),
        Index("ix_tickets_kind", "company_id", "category_l1_id", "registered_at", "id"),
        Index("ix_tickets_target", "dispatch_target_id", "status"),
        Index("ix_tickets_registrar", "company_id", "registrar_id", "registered_at", "id"),
    )

    # Not indexed alone (migration 0004): it leads every compound index above, and with a handful
    # of companies an index on it alone is never chosen; building it cost the bulk load 5 s.
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    number: Mapped[str] = mapped_column(String(20))  # 工单编号 YYYYMMDD-NNNNNN
    ticket_type: Mapped[str] = mapped_column(String(16))  # hotline | repair | inspection | installation
    status: Mapped[str] = mapped_column(String(20))
    status_category: Mapped[str] = mapped_column(String(10))
    version: Mapped[int] = mapped_column(Integer, default=1)
    # The service sets the next version itself (every action bumps it, even one that changes no
    # other column); SQLAlchemy adds "WHERE version = <old>" so a concurrent change fails.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}

    # registration (服务登记)
    source_channel: Mapped[str] = mapped_column(String(16))  # 信息来源 / 来源渠道
    category_id: Mapped[int | None] = mapped_column(ForeignKey("service_categories.id"))
    category_l1_id: Mapped[int | None] = mapped_column(ForeignKey("service_categories.id"))
    category_l2_id: Mapped[int | None] = mapped_column(ForeignKey("service_categories.id"))
    urgency: Mapped[str] = mapped_column(String(16), default="normal")  # 紧急程度
    service_level_id: Mapped[int | None] = mapped_column(ForeignKey("service_levels.id"))  # 工单级别
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))  # 管理区域
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customers.id"))
    customer_name: Mapped[str | None] = mapped_column(String(100))  # 客户姓名
    caller_phone: Mapped[str | None] = mapped_column(String(32))  # 来电号码 as shown
    caller_phone_key: Mapped[str | None] = mapped_column(String(32))  # canonical form for lookup
    contact_name: Mapped[str | None] = mapped_column(String(64))  # 联系人
    contact_phone: Mapped[str | None] = mapped_column(String(32))  # 联系电话
    meter_no: Mapped[str | None] = mapped_column(String(32))  # 表号
    address: Mapped[str | None] = mapped_column(String(200))  # 发生地址
    description: Mapped[str] = mapped_column(Text)  # 服务描述
    opinion: Mapped[str | None] = mapped_column(Text)  # 处理意见 (latest)
    tags: Mapped[str | None] = mapped_column(String(200))  # 标签, comma separated
    call_time: Mapped[datetime | None]  # 来电时间
    call_id: Mapped[int | None] = mapped_column(ForeignKey("calls.id", use_alter=True))  # 录音
    registered_at: Mapped[datetime] = mapped_column(default=utcnow)  # 登记时间 / 创建时间
    registrar_id: Mapped[int] = mapped_column(ForeignKey("users.id"))  # 登记人 / 客服
    department_id: Mapped[int | None] = mapped_column(ForeignKey("departments.id"))  # 所属部门

    # flow
    dispatcher_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # 派单人
    dispatch_target_id: Mapped[int | None] = mapped_column(ForeignKey("dispatch_targets.id"))
    current_handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # 当前处理人
    final_handler_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # 最终处理人
    deadline_hours: Mapped[int | None] = mapped_column(Integer)  # 处理期限
    due_at: Mapped[datetime | None]  # 截止时间 / 逾期时间
    dispatched_at: Mapped[datetime | None]
    accepted_at: Mapped[datetime | None]
    handled_at: Mapped[datetime | None]  # 处理时间
    callback_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    extend_count: Mapped[int] = mapped_column(Integer, default=0)  # 延期次数
    urge_count: Mapped[int] = mapped_column(Integer, default=0)  # 催办次数
    return_count: Mapped[int] = mapped_column(Integer, default=0)  # 退回次数
    callback_result: Mapped[str | None] = mapped_column(String(32))  # 回访结果
    satisfaction: Mapped[int | None] = mapped_column(Integer)  # 1..5
    handling_result: Mapped[str | None] = mapped_column(Text)  # 处理结果
    leftover: Mapped[str | None] = mapped_column(Text)  # 遗留事项
    complaint_verdict: Mapped[str | None] = mapped_column(String(16))  # 投诉鉴定
    duplicate_of_id: Mapped[int | None] = mapped_column(ForeignKey("tickets.id"))  # 重单单号
    close_reason: Mapped[str | None] = mapped_column(String(32))
    wechat_closed: Mapped[bool] = mapped_column(Boolean, default=False)  # 结束微厅工单

    # work orders (seed 000)
    product_line: Mapped[str | None] = mapped_column(String(32))  # 产品线
    device_sn: Mapped[str | None] = mapped_column(String(64))  # 设备 SN
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("service_providers.id"))
    engineer_id: Mapped[int | None] = mapped_column(ForeignKey("engineers.id"))
    root_cause: Mapped[str | None] = mapped_column(String(32))  # 根本原因
    cause_description: Mapped[str | None] = mapped_column(Text)  # 原因描述
    solution: Mapped[str | None] = mapped_column(Text)  # 解决方案
    visit_time: Mapped[datetime | None]  # 上门时间
    completion_time: Mapped[datetime | None]  # 工单完成时间
    delivery_note: Mapped[str | None] = mapped_column(Text)  # 到货单信息 (installation)


class TicketHistory(IdMixin, CompanyScoped, Base):
    """One row per action on a ticket: who, when, from, to, why, how long since the last step."""

    __tablename__ = "ticket_history"
    __table_args__ = (
        Index("ix_ticket_history_ticket", "ticket_id", "id"),
        Index("ix_ticket_history_actor", "actor_id", "ticket_id", "action"),  # 0002/0003: "my processed"
    )
    # Not indexed (migration 0004): history is always reached through its ticket or its actor; an
    # index on the company alone was never used and cost the bulk load 21 s over 24 M rows.
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"))
    ticket_id: Mapped[int] = mapped_column(BigId, ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    action: Mapped[str] = mapped_column(String(24))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None: the system
    actor_name: Mapped[str] = mapped_column(String(64))
    actor_phone: Mapped[str | None] = mapped_column(String(32))
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    opinion: Mapped[str | None] = mapped_column(Text)
    detail: Mapped[str | None] = mapped_column(Text)  # JSON of the action's parameters
    elapsed_seconds: Mapped[int] = mapped_column(Integer, default=0)


class WorkLog(IdMixin, CompanyScoped, Base):
    """工单处理日志: written only while a work order is being processed."""

    __tablename__ = "work_logs"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    start: Mapped[datetime]
    end: Mapped[datetime]
    title: Mapped[str] = mapped_column(String(100))
    content: Mapped[str] = mapped_column(Text)
    handler_name: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Suspension(IdMixin, CompanyScoped, Base):
    """挂起: from start to end with a reason; ends by itself when `end` passes."""

    __tablename__ = "suspensions"
    __table_args__ = (Index("ix_suspensions_open", "ended_at", "end"),)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    start: Mapped[datetime]
    end: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))  # None + ended_at: automatic


class Callback(IdMixin, CompanyScoped, Base):
    """回访: the customer's verdict on how the ticket was handled."""

    __tablename__ = "callbacks"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    by_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    result: Mapped[str] = mapped_column(String(32))  # dict callback_result
    satisfaction: Mapped[int] = mapped_column(Integer)  # 1 (very unsatisfied) .. 5 (very satisfied)
    feedback: Mapped[str | None] = mapped_column(Text)


class TicketLink(IdMixin, CompanyScoped, Base):
    """关联单号 (related) and 重单 (duplicate) links between tickets of one company."""

    __tablename__ = "ticket_links"
    __table_args__ = (UniqueConstraint("ticket_id", "other_id", "kind"),)
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # related | duplicate
    created_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketCounter(Base):
    """The last number handed out per company and day (工单编号 20261122-000123)."""

    __tablename__ = "ticket_counters"
    company_id: Mapped[int] = mapped_column(ForeignKey("companies.id"), primary_key=True)
    day: Mapped[str] = mapped_column(String(8), primary_key=True)
    last: Mapped[int] = mapped_column(Integer, default=0)
