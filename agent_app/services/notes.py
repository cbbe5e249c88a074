"""Memos (备忘录) of an agent and the company's notices (通知公告, 停水通知)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import Area, Memo, Notice
from agent_app.services.permissions import require
from agent_app.services.uow import UnitOfWorkFactory


@dataclass(frozen=True)
class MemoRow:
    id: int
    content: str
    status: str
    created_at: datetime


@dataclass(frozen=True)
class NoticeRow:
    id: int
    kind: str
    title: str
    content: str
    published_at: datetime
    starts_at: datetime | None
    ends_at: datetime | None


class NoteService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def add_memo(self, actor: Actor, content: str, customer_id: int | None = None) -> int:
        require(actor, "memo.write")
        text = v.text(content, "content", max_len=2000, required=True)
        with self._uow() as uow:
            memo = Memo(company_id=actor.company_id, user_id=actor.user_id, content=text, customer_id=customer_id,
                        created_at=self._clock())
            uow.session.add(memo)
            uow.commit()
            return memo.id

    def memos(self, actor: Actor, keyword: str | None = None) -> list[MemoRow]:
        with self._uow() as uow:
            statement = select(Memo).where(Memo.user_id == actor.user_id, Memo.deleted.is_(False))
            if keyword:
                statement = statement.where(Memo.content.contains(keyword, autoescape=True))
            rows = uow.session.scalars(statement.order_by(Memo.created_at.desc()))
            return [MemoRow(m.id, m.content, m.status, m.created_at) for m in rows]

    def delete_memo(self, actor: Actor, memo_id: int) -> None:
        with self._uow() as uow:
            memo = uow.session.get(Memo, memo_id)
            if memo is None or memo.user_id != actor.user_id or memo.deleted:
                raise NotFound("not_found", what="memo")
            memo.deleted = True
            uow.commit()

    def publish_notice(self, actor: Actor, title: str, content: str, *, kind: str = "notice",
                       area_id: int | None = None, starts_at: datetime | None = None,
                       ends_at: datetime | None = None) -> int:
        """通知公告 / 停水通知: published by a supervisor or administrator to the whole company."""
        require(actor, "seat.manage")
        if kind not in ("notice", "outage"):
            raise ValidationError("invalid_choice", field="kind", value=kind)
        title_text = v.text(title, "title", max_len=200, required=True)
        body = v.text(content, "content", max_len=4000, required=True)
        if starts_at and ends_at and ends_at <= starts_at:
            raise ValidationError("time_order", field="end")
        with self._uow() as uow:
            if area_id is not None:
                area = uow.session.get(Area, area_id)
                if area is None or area.company_id != actor.company_id:
                    raise NotFound("not_found", what="area")
            notice = Notice(company_id=actor.company_id, kind=kind, title=title_text, content=body, area_id=area_id,
                            starts_at=starts_at, ends_at=ends_at, published_at=self._clock(), author_id=actor.user_id)
            uow.session.add(notice)
            uow.commit()
            return notice.id

    def notices(self, actor: Actor) -> list[NoticeRow]:
        """Current notices of the actor's company, outage notices still in force first."""
        now = self._clock()
        with self._uow() as uow:
            rows = uow.session.scalars(select(Notice).where(
                Notice.company_id == actor.company_id, or_(Notice.ends_at.is_(None), Notice.ends_at >= now))
                .order_by(Notice.kind.desc(), Notice.published_at.desc()))
            return [NoticeRow(n.id, n.kind, n.title, n.content, n.published_at, n.starts_at, n.ends_at) for n in rows]
