"""Call records (话务记录): every call, answered or missed, and the call records dialog's query."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from agent_app.domain.errors import NotFound, ValidationError
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.events.bus import EventBus
from agent_app.services.models import Call, Ticket
from agent_app.services.uow import UnitOfWorkFactory

MAX_ROWS = 1000


@dataclass(frozen=True)
class CallInput:
    """What the softphone knows when a call ends (built from the engine's CallSummary by the UI)."""

    direction: str  # in | out
    caller: str
    callee: str
    ring_at: datetime
    end_at: datetime
    answer_at: datetime | None = None
    hangup_by: str | None = None  # agent | remote | transfer
    ivr_trail: str | None = None
    sip_call_id: str | None = None
    recording_path: str | None = None


@dataclass(frozen=True)
class CallFilter:
    """The filters of seed 004 §4.1 话务管理 and §8.11."""

    ring_from: datetime | None = None
    ring_to: datetime | None = None
    agent_no: str | None = None
    caller: str | None = None
    callee: str | None = None
    direction: str | None = None  # 呼叫类型
    answered: bool | None = None  # 是否接通
    ivr_trail: str | None = None


@dataclass(frozen=True)
class CallRow:
    id: int
    direction: str
    caller: str
    callee: str
    agent_no: str | None
    extension: str | None
    ivr_trail: str | None
    ring_at: datetime
    answer_at: datetime | None
    end_at: datetime | None
    answered: bool
    hangup_by: str | None
    recording_path: str | None
    talk_seconds: int
    ticket_numbers: tuple[str, ...]
    ticket_ids: tuple[int, ...]


class CallService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, bus: EventBus) -> None:
        self._uow = uow
        self._clock = clock
        self._bus = bus

    def start(self, actor: Actor, direction: str, caller: str, callee: str, ring_at: datetime,
              ivr_trail: str | None = None, sip_call_id: str | None = None) -> int:
        """A call of the actor's seat begins to ring: its record exists from now on, so a ticket
        registered during the call can point at it. Returns the record's id."""
        if direction not in ("in", "out"):
            raise ValidationError("invalid_choice", field="direction", value=direction)
        v.moment(ring_at, "ring_at", required=True)
        with self._uow() as uow:
            row = Call(company_id=actor.company_id, direction=direction,
                       caller=v.text(caller, "caller_phone", max_len=64) or "",
                       callee=v.text(callee, "phone", max_len=64) or "", agent_user_id=actor.user_id,
                       agent_no=actor.agent_no, extension=actor.extension,
                       ivr_trail=(ivr_trail or None) and ivr_trail[:500], sip_call_id=sip_call_id, ring_at=ring_at)
            uow.session.add(row)
            uow.commit()
            return row.id

    def finish(self, actor: Actor, call_id: int, *, end_at: datetime, answer_at: datetime | None = None,
               hangup_by: str | None = None, recording_path: str | None = None) -> None:
        """The call ended (answered or missed): complete its record and tell the seat board."""
        v.moment(end_at, "end_at", required=True)
        v.moment(answer_at, "answer_at")
        with self._uow() as uow:
            row = uow.session.get(Call, call_id)
            if row is None or row.company_id != actor.company_id or row.agent_user_id != actor.user_id:
                raise NotFound("not_found", what="call")
            if end_at < row.ring_at:
                raise ValidationError("time_order", field="end")
            row.answer_at, row.end_at, row.answered = answer_at, end_at, answer_at is not None
            row.hangup_by, row.recording_path = hangup_by, recording_path
            self._bus.publish_on_commit(uow.session, actor.company_id, "call_ended", {
                "user_id": actor.user_id, "call_id": call_id, "answered": answer_at is not None})
            uow.commit()

    def record(self, actor: Actor, call: CallInput) -> int:
        """Store a whole call at once (start and finish); returns its id."""
        if call.direction not in ("in", "out"):
            raise ValidationError("invalid_choice", field="direction", value=call.direction)
        v.moment(call.end_at, "end_at", required=True)
        if call.ring_at is not None and call.end_at < call.ring_at:
            raise ValidationError("time_order", field="end")
        call_id = self.start(actor, call.direction, call.caller, call.callee, call.ring_at, call.ivr_trail,
                             call.sip_call_id)
        self.finish(actor, call_id, end_at=call.end_at, answer_at=call.answer_at, hangup_by=call.hangup_by,
                    recording_path=call.recording_path)
        return call_id

    def link_ticket(self, actor: Actor, call_id: int, ticket_id: int) -> None:
        """The ticket registered during a call gets its recording (录音)."""
        with self._uow() as uow:
            call = uow.session.get(Call, call_id)
            ticket = uow.session.get(Ticket, ticket_id)
            if call is None or call.company_id != actor.company_id:
                raise NotFound("not_found", what="call")
            if ticket is None or ticket.company_id != actor.company_id:
                raise NotFound("not_found", what="ticket")
            ticket.call_id = call.id
            ticket.call_time = ticket.call_time or call.ring_at
            ticket.version += 1
            uow.commit()

    def search(self, actor: Actor, f: CallFilter, limit: int = 200) -> list[CallRow]:
        """Calls of the company (everybody's with call.view_all, else the actor's own), newest first."""
        with self._uow() as uow:
            s = select(Call).where(Call.company_id == actor.company_id)
            if not actor.can("call.view_all"):
                s = s.where(Call.agent_user_id == actor.user_id)
            if f.ring_from:
                s = s.where(Call.ring_at >= f.ring_from)
            if f.ring_to:
                s = s.where(Call.ring_at < f.ring_to)
            if f.agent_no:
                s = s.where(Call.agent_no == f.agent_no)
            if f.caller:
                s = s.where(Call.caller.contains(f.caller.strip(), autoescape=True))
            if f.callee:
                s = s.where(Call.callee.contains(f.callee.strip(), autoescape=True))
            if f.direction:
                s = s.where(Call.direction == f.direction)
            if f.answered is not None:
                s = s.where(Call.answered.is_(f.answered))
            if f.ivr_trail:
                s = s.where(Call.ivr_trail.contains(f.ivr_trail.strip(), autoescape=True))
            calls = uow.session.scalars(s.order_by(Call.ring_at.desc(), Call.id.desc()).limit(min(limit, MAX_ROWS))).all()
            linked: dict[int, list[tuple[int, str]]] = {}
            if calls:
                for call_id, ticket_id, number in uow.session.execute(
                        select(Ticket.call_id, Ticket.id, Ticket.number)
                        .where(Ticket.call_id.in_([c.id for c in calls])).order_by(Ticket.id)):
                    linked.setdefault(call_id, []).append((ticket_id, number))
            return [CallRow(c.id, c.direction, c.caller, c.callee, c.agent_no, c.extension, c.ivr_trail, c.ring_at,
                            c.answer_at, c.end_at, c.answered, c.hangup_by, c.recording_path,
                            int((c.end_at - c.answer_at).total_seconds()) if c.answer_at and c.end_at else 0,
                            tuple(n for _, n in linked.get(c.id, ())), tuple(i for i, _ in linked.get(c.id, ())))
                    for c in calls]
