"""首页 statistics (seed 004 §3): a month's figures for the company and per management area.

- 投诉数量: tickets whose level-1 category is a complaint;
- 政府转派数量: tickets from 政府督办 or 政府热线12345;
- 未完成工单数量: tickets not closed;
- 售后处理及时率: of the tickets past dispatch (售后), the share handled by their deadline;
- 投诉处理及时率: the same for complaints;
- 接通率: answered inbound calls / inbound calls (人工服务, 参与计算).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import aliased

from agent_app.domain.errors import ValidationError
from agent_app.services.actor import Actor
from agent_app.services.models import Area, Call, ServiceCategory, Ticket
from agent_app.services.permissions import require
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.uow import UnitOfWorkFactory

GOVERNMENT = ("gov_supervision", "gov_12345")


@dataclass(frozen=True)
class Figures:
    complaints: int
    government: int
    total: int
    unfinished: int
    after_sales: int
    after_sales_timely: int
    complaints_due: int
    complaints_timely: int

    @property
    def after_sales_rate(self) -> float | None:
        return self.after_sales_timely / self.after_sales if self.after_sales else None

    @property
    def complaint_rate(self) -> float | None:
        return self.complaints_timely / self.complaints_due if self.complaints_due else None


@dataclass(frozen=True)
class AreaFigures:
    area: str
    figures: Figures


@dataclass(frozen=True)
class HomeStatistics:
    month: date
    company: Figures
    calls_inbound: int
    calls_answered: int
    areas: list[AreaFigures]

    @property
    def answer_rate(self) -> float | None:
        return self.calls_answered / self.calls_inbound if self.calls_inbound else None


def month_bounds(month: date) -> tuple[datetime, datetime]:
    start = datetime(month.year, month.month, 1, tzinfo=LOCAL_TZ)
    end = datetime(month.year + (month.month == 12), month.month % 12 + 1, 1, tzinfo=LOCAL_TZ)
    return start, end


class HomeReport:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def statistics(self, actor: Actor, month: date) -> HomeStatistics:
        require(actor, "menu:home")
        if not isinstance(month, date):
            raise ValidationError("wrong_type", field="month")
        start, end = month_bounds(month)
        l1 = aliased(ServiceCategory)
        is_complaint = l1.kind == "complaint"
        after_sales = Ticket.dispatched_at.is_not(None)
        finished_at = func.coalesce(Ticket.handled_at, Ticket.closed_at)
        timely = and_(Ticket.due_at.is_not(None), finished_at.is_not(None), finished_at <= Ticket.due_at)

        def count_if(condition) -> object:  # noqa: ANN001
            return func.sum(case((condition, 1), else_=0))

        columns = (
            count_if(is_complaint), count_if(Ticket.source_channel.in_(GOVERNMENT)), func.count(Ticket.id),
            count_if(Ticket.status_category != "closed"), count_if(after_sales), count_if(and_(after_sales, timely)),
            count_if(and_(is_complaint, after_sales)), count_if(and_(is_complaint, after_sales, timely)),
        )
        base = (select(Area.name, *columns).select_from(Ticket)
                .outerjoin(l1, l1.id == Ticket.category_l1_id).outerjoin(Area, Area.id == Ticket.area_id)
                .where(Ticket.company_id == actor.company_id, Ticket.registered_at >= start,
                       Ticket.registered_at < end))
        with self._uow() as uow:
            rows = uow.session.execute(base.group_by(Area.name).order_by(Area.name)).all()
            calls = uow.session.execute(
                select(func.count(Call.id), count_if(Call.answered.is_(True)))
                .where(Call.company_id == actor.company_id, Call.direction == "in", Call.manual_service.is_(True),
                       Call.counted.is_(True), Call.ring_at >= start, Call.ring_at < end)).one()
        areas = [AreaFigures(name or "未分区域", Figures(*(int(v or 0) for v in values))) for name, *values in rows]
        totals = [sum(getattr(a.figures, f) for a in areas) for f in Figures.__dataclass_fields__]
        return HomeStatistics(date(month.year, month.month, 1), Figures(*totals), int(calls[0] or 0),
                              int(calls[1] or 0), areas)
