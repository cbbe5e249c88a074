"""Seats: agent states (stored for the daily seat reports, published live), registration, the
seat board's snapshot, and seat management (priority, enabled)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import and_, func, select

from agent_app.domain.errors import NotFound, PermissionDenied, ValidationError
from agent_app.services import audit
from agent_app.services import validation as v
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.events.bus import EventBus
from agent_app.services.models import AgentStateChange, Call, Group, GroupMember, SeatStatus, User
from agent_app.services.permissions import require
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.uow import UnitOfWorkFactory

STATES = ("logged_out", "ready", "not_ready", "ringing", "on_call", "after_call_work", "dialing")
REGISTRATIONS = ("registering", "registered", "failed", "retrying", "unregistered")


@dataclass(frozen=True)
class SeatRow:
    """One line of the seat board (坐席管理)."""

    user_id: int
    name: str
    agent_no: str | None
    extension: str | None
    groups: tuple[str, ...]
    state: str
    reason: str | None
    since: datetime | None
    registration: str
    call_number: str | None
    call_direction: str | None
    call_since: datetime | None
    answered_today: int
    priority: int
    enabled: bool
    monitored_by: int | None


class SeatService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, bus: EventBus) -> None:
        self._uow = uow
        self._clock = clock
        self._bus = bus

    def change_state(self, actor: Actor, state: str, reason: str | None = None, *, at: datetime | None = None,
                     call_number: str | None = None, call_direction: str | None = None) -> None:
        """The actor's seat moves to `state`: close the open stretch, open the next, publish."""
        if state not in STATES:
            raise ValidationError("invalid_choice", field="state", value=state)
        at = at or self._clock()
        with self._uow() as uow:
            s = uow.session
            open_row = s.scalars(select(AgentStateChange).where(
                AgentStateChange.user_id == actor.user_id, AgentStateChange.ended_at.is_(None))
                .order_by(AgentStateChange.id.desc())).first()
            if open_row is not None:
                open_row.ended_at = at
                open_row.duration_seconds = max(0, int((at - open_row.started_at).total_seconds()))
            if state != "logged_out":
                s.add(AgentStateChange(company_id=actor.company_id, user_id=actor.user_id, agent_no=actor.agent_no,
                                       extension=actor.extension, state=state, reason=reason, started_at=at))
            status = self._status(s, actor, at)
            status.state, status.reason, status.since, status.updated_at = state, reason, at, at
            if state in ("ringing", "on_call", "dialing"):
                if call_number:
                    status.call_number, status.call_direction = call_number, call_direction
                    status.call_since = status.call_since if state == "on_call" and status.call_since else at
                if state == "on_call":
                    status.call_since = at
            else:
                status.call_number = status.call_direction = status.call_since = None
            if state == "logged_out":
                status.registration = "unregistered"
            self._bus.publish_on_commit(uow.session, actor.company_id, "seat_state",
                                        {"user_id": actor.user_id, "state": state})
            uow.commit()

    def change_registration(self, actor: Actor, registration: str) -> None:
        if registration not in REGISTRATIONS:
            raise ValidationError("invalid_choice", field="state", value=registration)
        now = self._clock()
        with self._uow() as uow:
            status = self._status(uow.session, actor, now)
            status.registration, status.updated_at = registration, now
            self._bus.publish_on_commit(uow.session, actor.company_id, "seat_state",
                                        {"user_id": actor.user_id, "registration": registration})
            uow.commit()

    def hotline_login(self, actor: Actor, agent_no: str, extension: str) -> Actor:
        """登入热线: remember the agent ID and extension on the user; the returned actor carries them."""
        agent_no = v.text(agent_no, "agent_no", max_len=32, required=True)
        extension = v.text(extension, "extension", max_len=32, required=True)
        with self._uow() as uow:
            user = uow.session.get(User, actor.user_id)
            if not user.seat_enabled:
                raise PermissionDenied("permission_denied", permission="登入热线")
            user.agent_no, user.extension = agent_no, extension
            uow.commit()
        return replace(actor, agent_no=agent_no, extension=extension)

    def _status(self, session, actor: Actor, at: datetime) -> SeatStatus:  # noqa: ANN001
        status = session.get(SeatStatus, actor.user_id)
        if status is None:
            status = SeatStatus(user_id=actor.user_id, company_id=actor.company_id, since=at, updated_at=at,
                                state="logged_out", registration="unregistered")
            session.add(status)
        status.agent_no, status.extension = actor.agent_no, actor.extension
        return status

    def board(self, actor: Actor, group_id: int | None = None) -> list[SeatRow]:
        """Every seat of the actor's company (users with an agent ID), in one round of queries.

        Plain columns, not ORM entities: hydrating 200 users and their statuses was most of the
        query's time, and the board reloads it on every burst of state changes.
        """
        require(actor, "menu:supervisor")
        day_start = self._clock().astimezone(LOCAL_TZ).replace(hour=0, minute=0, second=0, microsecond=0)
        with self._uow() as uow:
            s = uow.session
            answered = (select(Call.agent_user_id, func.count().label("n"))
                        .where(Call.company_id == actor.company_id, Call.answered.is_(True), Call.ring_at >= day_start)
                        .group_by(Call.agent_user_id).subquery())
            statement = (select(User.id, User.name, func.coalesce(SeatStatus.agent_no, User.agent_no),
                                func.coalesce(SeatStatus.extension, User.extension),
                                func.coalesce(SeatStatus.state, "logged_out"), SeatStatus.reason, SeatStatus.since,
                                func.coalesce(SeatStatus.registration, "unregistered"), SeatStatus.call_number,
                                SeatStatus.call_direction, SeatStatus.call_since, func.coalesce(answered.c.n, 0),
                                User.seat_priority, User.seat_enabled, SeatStatus.monitored_by)
                         .outerjoin(SeatStatus, SeatStatus.user_id == User.id)
                         .outerjoin(answered, answered.c.agent_user_id == User.id)
                         .where(User.company_id == actor.company_id, User.agent_no.is_not(None),
                                User.disabled.is_(False)))
            if group_id is not None:
                statement = statement.where(User.id.in_(select(GroupMember.user_id).where(GroupMember.group_id == group_id)))
            rows = s.execute(statement.order_by(User.seat_priority, User.agent_no)).all()
            groups: dict[int, list[str]] = {}
            for user_id, name in s.execute(select(GroupMember.user_id, Group.name).join(
                    Group, and_(Group.id == GroupMember.group_id, Group.company_id == actor.company_id))):
                groups.setdefault(user_id, []).append(name)
        return [SeatRow(user_id, name, agent_no, extension, tuple(groups.get(user_id, ())), state, reason, since,
                        registration, call_number, call_direction, call_since, int(answered_today), priority,
                        bool(enabled), monitored_by)
                for (user_id, name, agent_no, extension, state, reason, since, registration, call_number,
                     call_direction, call_since, answered_today, priority, enabled, monitored_by) in rows]

    def manage_seat(self, actor: Actor, user_id: int, *, priority: int | None = None,
                    enabled: bool | None = None) -> None:
        """坐席管理: a seat's priority (1 = first to ring) and whether it may log in to the hotline."""
        require(actor, "seat.manage")
        with self._uow() as uow:
            user = uow.session.get(User, user_id)
            if user is None or user.company_id != actor.company_id:
                raise NotFound("not_found", what="user")
            if priority is not None:
                if isinstance(priority, bool) or not isinstance(priority, int) or not 1 <= priority <= 9:
                    raise ValidationError("invalid_choice", field="priority", value=priority)
                user.seat_priority = priority
            if enabled is not None:
                user.seat_enabled = bool(enabled)
            audit.record(uow.session, "seat_manage", actor=actor, target_type="user", target_id=user_id,
                         detail={"priority": priority, "enabled": enabled})
            self._bus.publish_on_commit(uow.session, actor.company_id, "seat_state", {"user_id": user_id})
            uow.commit()
