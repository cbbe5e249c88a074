"""Memos (备忘录) of an agent and the company's notices (通知公告, 停水通知)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from agent_app.domain.errors import NotFound
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import Memo, Notice
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

    def notices(self, actor: Actor) -> list[NoticeRow]:
        """Current notices of the actor's company, outage notices still in force first."""
        now = self._clock()
        with self._uow() as uow:
            rows = uow.session.scalars(select(Notice).where(
                Notice.company_id == actor.company_id, or_(Notice.ends_at.is_(None), Notice.ends_at >= now))
                .order_by(Notice.kind.desc(), Notice.published_at.desc()))
            return [NoticeRow(n.id, n.kind, n.title, n.content, n.published_at, n.starts_at, n.ends_at) for n in rows]
