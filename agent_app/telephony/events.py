"""Everything the engine and the agent-state machine report, as frozen dataclasses.

Subscribers receive these objects and nothing else: no pjsua2 type ever leaves the engine, so
the UI and the service layer can be written and tested without a SIP stack.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class RegistrationState(enum.Enum):
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"  # given up: wrong credentials or forbidden; needs the user
    RETRYING = "retrying"  # registrar unreachable or erroring; next attempt scheduled
    UNREGISTERED = "unregistered"


class Direction(enum.Enum):
    INBOUND = "in"
    OUTBOUND = "out"


class CallState(enum.Enum):
    CALLING = "calling"
    INCOMING = "incoming"
    EARLY = "early"
    CONNECTING = "connecting"
    CONFIRMED = "confirmed"
    DISCONNECTED = "disconnected"


class MediaStatus(enum.Enum):
    NONE = "none"
    ACTIVE = "active"
    LOCAL_HOLD = "local_hold"
    REMOTE_HOLD = "remote_hold"
    ERROR = "error"


class HungUpBy(enum.Enum):
    AGENT = "agent"
    REMOTE = "remote"
    TRANSFER = "transfer"


class TransferKind(enum.Enum):
    BLIND = "blind"
    ATTENDED = "attended"


class AgentState(enum.Enum):
    LOGGED_OUT = "logged_out"
    READY = "ready"  # 示闲
    NOT_READY = "not_ready"  # 示忙
    RINGING = "ringing"
    ON_CALL = "on_call"
    AFTER_CALL_WORK = "after_call_work"  # 后处理


Headers = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RegistrationChanged:
    aor: str
    state: RegistrationState
    code: int | None
    reason: str
    at: datetime
    next_attempt_at: datetime | None = None  # set when state is RETRYING


@dataclass(frozen=True)
class IncomingCall:
    call_id: str
    number: str
    display_name: str
    ivr_trail: str
    headers: Headers
    at: datetime

    def header(self, name: str) -> str | None:
        """The first value of a header, matched case-insensitively."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


@dataclass(frozen=True)
class OutgoingCall:
    call_id: str
    number: str
    at: datetime


@dataclass(frozen=True)
class CallStateChanged:
    call_id: str
    direction: Direction
    state: CallState
    sip_code: int
    reason: str
    at: datetime


@dataclass(frozen=True)
class MediaStateChanged:
    call_id: str
    status: MediaStatus
    at: datetime


@dataclass(frozen=True)
class HoldChanged:
    call_id: str
    on_hold: bool
    at: datetime


@dataclass(frozen=True)
class TransferProgress:
    call_id: str
    kind: TransferKind
    code: int
    reason: str
    final: bool
    at: datetime

    @property
    def succeeded(self) -> bool:
        return self.final and 200 <= self.code < 300


@dataclass(frozen=True)
class CallSummary:
    """One per call, emitted when it ends; the service layer persists it."""

    call_id: str
    direction: Direction
    local_number: str
    remote_number: str
    remote_name: str
    agent_id: str
    extension: str
    ivr_trail: str
    ring_at: datetime
    answer_at: datetime | None
    end_at: datetime
    hung_up_by: HungUpBy
    end_code: int
    recording_path: str | None

    @property
    def answered(self) -> bool:
        return self.answer_at is not None

    @property
    def missed(self) -> bool:
        return self.direction is Direction.INBOUND and self.answer_at is None


@dataclass(frozen=True)
class AgentStateChanged:
    previous: AgentState
    new: AgentState
    reason: str
    at: datetime


@dataclass(frozen=True)
class EngineError:
    """A callback or operation failed inside the engine; the engine keeps running."""

    where: str
    message: str
    at: datetime


EngineEvent = (
    RegistrationChanged
    | IncomingCall
    | OutgoingCall
    | CallStateChanged
    | MediaStateChanged
    | HoldChanged
    | TransferProgress
    | CallSummary
    | EngineError
)
