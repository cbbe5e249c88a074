"""Monitoring (监听): who may listen to, whisper to or barge into an agent's call, and the record of it.

The monitor request arrives at the *agent's* desktop as a SIP INVITE whose headers name the
supervisor. Headers can be forged by anyone who can reach the extension, so the agent's client
asks the database (here) whether that user is a supervisor of the agent's own company before it
answers. Every decision and every session ends up in the audit log (安全日志): the supervisor is
the "who", the agent the "whom".

Whether the agent is shown "监听中" is a company policy, stored as a dictionary entry
(kind `monitor_policy`, code `show_agent`): no schema change, and an administrator can edit it
with the other dictionaries. No entry means the agent is shown (the transparent default).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from agent_app.domain.errors import NotFound, PermissionDenied, ValidationError
from agent_app.services import audit
from agent_app.services.actor import Actor
from agent_app.services.actors import load_actor
from agent_app.services.clock import Clock
from agent_app.services.events.bus import EventBus
from agent_app.services.models import DictItem, SeatStatus, User
from agent_app.services.permissions import require
from agent_app.services.uow import UnitOfWorkFactory

MODES = ("listen", "whisper", "barge")
MONITOR_PERMISSION = "seat.monitor"
POLICY_KIND, POLICY_CODE = "monitor_policy", "show_agent"


@dataclass(frozen=True)
class MonitorSession:
    """What the agent's client keeps between start and end, to write the end row."""

    agent_user_id: int
    supervisor_user_id: int
    mode: str
    call_id: str
    started_at: datetime


def _check_mode(mode: str) -> None:
    if mode not in MODES:
        raise ValidationError("invalid_choice", field="mode", value=mode)


class MonitoringService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock, bus: EventBus) -> None:
        self._uow = uow
        self._clock = clock
        self._bus = bus

    def authorise(self, agent: Actor, supervisor_user_id: int, mode: str, call_id: str = "") -> bool:
        """May `supervisor_user_id` monitor `agent`'s call in `mode`? Logged either way.

        Refused: an unknown or disabled user, a user of another company, a user without
        `seat.monitor`, the agent themself, an unknown mode.
        """
        with self._uow() as uow:
            s = uow.session
            supervisor = s.get(User, supervisor_user_id) if isinstance(supervisor_user_id, int) else None
            reason = self._refusal(s, agent, supervisor, mode)
            same_company = supervisor is not None and supervisor.company_id == agent.company_id
            # a stranger's user id is not written as the actor: it would put a row of this
            # company's log under another company's user
            audit.record(s, "monitor_request", company_id=agent.company_id,
                         user_id=supervisor.id if same_company else None,
                         account=supervisor.account if same_company else None,
                         target_type="user", target_id=agent.user_id, success=reason is None,
                         detail={"requested_by": supervisor_user_id, "mode": mode, "call_id": call_id,
                                 "refused": reason})
            uow.commit()
        return reason is None

    @staticmethod
    def _refusal(session: Session, agent: Actor, supervisor: User | None, mode: str) -> str | None:
        if mode not in MODES:
            return "unknown_mode"
        if supervisor is None or supervisor.company_id != agent.company_id:
            return "unknown_user"
        if supervisor.disabled:
            return "disabled"
        if supervisor.id == agent.user_id:
            return "self"
        if not load_actor(session, supervisor).can(MONITOR_PERMISSION):
            return "not_a_supervisor"
        return None

    def pbx_request(self, supervisor: Actor, extension: str, mode: str) -> Actor:
        """PBX feature-code mode: may `supervisor` dial the code that monitors `extension`?

        The agent's client is not involved, so the supervisor's client asks before dialing. The
        extension must be a seat signed in to the hotline in the supervisor's company (another
        company's seat is not found); then the same check and `monitor_request` row as `authorise`,
        so a refusal (e.g. no `seat.monitor`) is logged as in client mode. Returns the agent, the
        "whom" of the session's rows (`session_started` and the others).
        """
        with self._uow() as uow:
            s = uow.session
            user = s.scalars(select(User).join(SeatStatus, SeatStatus.user_id == User.id).where(
                SeatStatus.company_id == supervisor.company_id, SeatStatus.extension == extension,
                SeatStatus.state != "logged_out")).first()
            if user is None:
                raise NotFound("not_found", what="seat")
            agent = load_actor(s, user)
        if not self.authorise(agent, supervisor.user_id, mode):
            raise PermissionDenied("monitor_refused")
        return agent

    def session_started(self, agent: Actor, supervisor_user_id: int, mode: str, call_id: str) -> MonitorSession:
        """The agent's client answered the monitor call: mark the seat and log the start."""
        _check_mode(mode)
        session = MonitorSession(agent.user_id, supervisor_user_id, mode, call_id, self._clock())
        self._write(agent, session, "monitor_start", monitored_by=supervisor_user_id,
                    detail={"mode": mode, "call_id": call_id, "start": session.started_at})
        return session

    def mode_changed(self, agent: Actor, session: MonitorSession, mode: str) -> MonitorSession:
        """Listen → whisper → barge (or back) within one session."""
        _check_mode(mode)
        changed = MonitorSession(session.agent_user_id, session.supervisor_user_id, mode, session.call_id,
                                 session.started_at)
        self._write(agent, changed, "monitor_mode", monitored_by=session.supervisor_user_id,
                    detail={"from": session.mode, "mode": mode, "call_id": session.call_id, "at": self._clock()})
        return changed

    def session_ended(self, agent: Actor, session: MonitorSession) -> None:
        """The monitor call ended (either side hung up, or the customer call ended)."""
        end = self._clock()
        self._write(agent, session, "monitor_end", monitored_by=None,
                    detail={"mode": session.mode, "call_id": session.call_id, "start": session.started_at,
                            "end": end, "seconds": max(0, int((end - session.started_at).total_seconds()))})

    def _write(self, agent: Actor, session: MonitorSession, action: str, *, monitored_by: int | None,
               detail: dict[str, object]) -> None:
        with self._uow() as uow:
            s = uow.session
            status = s.get(SeatStatus, agent.user_id)
            if status is not None:
                status.monitored_by = monitored_by
            supervisor = s.get(User, session.supervisor_user_id)
            audit.record(s, action, company_id=agent.company_id, user_id=session.supervisor_user_id,
                         account=supervisor.account if supervisor else None, target_type="user",
                         target_id=agent.user_id, detail=detail)
            self._bus.publish_on_commit(s, agent.company_id, "monitor", {
                "user_id": agent.user_id, "by": monitored_by, "mode": session.mode if monitored_by else None})
            uow.commit()

    # ---- policy ----------------------------------------------------------------------------

    def agent_is_told(self, actor: Actor) -> bool:
        """Does the company show the agent that a supervisor is listening (监听中)?"""
        with self._uow() as uow:
            item = self._policy(uow.session, actor.company_id)
            return True if item is None else item.enabled

    def set_agent_is_told(self, actor: Actor, shown: bool) -> None:
        require(actor, "seat.manage")
        with self._uow() as uow:
            s = uow.session
            item = self._policy(s, actor.company_id)
            if item is None:
                item = DictItem(company_id=actor.company_id, kind=POLICY_KIND, code=POLICY_CODE,
                                name="监听时提示坐席", name_en="Tell the agent when monitored")
                s.add(item)
            item.enabled = bool(shown)
            audit.record(s, "monitor_policy", actor=actor, detail={"show_agent": bool(shown)})
            uow.commit()

    @staticmethod
    def _policy(session: Session, company_id: int) -> DictItem | None:
        return session.scalars(select(DictItem).where(
            DictItem.company_id == company_id, DictItem.kind == POLICY_KIND, DictItem.code == POLICY_CODE)).first()
