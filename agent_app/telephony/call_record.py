"""What the engine remembers about one call, to report a CallSummary when it ends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .events import CallSummary, Direction, HungUpBy, MediaStatus, TransferKind


@dataclass
class CallRecord:
    call_id: str
    direction: Direction
    local_number: str
    remote_number: str
    remote_name: str
    agent_id: str
    extension: str
    ivr_trail: str
    ring_at: datetime
    answer_at: datetime | None = None
    hung_up_by: HungUpBy | None = None  # set when the agent or a transfer ends the call
    transfer_kind: TransferKind | None = None
    consult_for: str | None = None  # the call this consult call was made for
    media_status: MediaStatus = MediaStatus.NONE
    recording_path: str | None = None

    def summary(self, end_at: datetime, end_code: int) -> CallSummary:
        return CallSummary(
            call_id=self.call_id,
            direction=self.direction,
            local_number=self.local_number,
            remote_number=self.remote_number,
            remote_name=self.remote_name,
            agent_id=self.agent_id,
            extension=self.extension,
            ivr_trail=self.ivr_trail,
            ring_at=self.ring_at,
            answer_at=self.answer_at,
            end_at=end_at,
            hung_up_by=self.hung_up_by or HungUpBy.REMOTE,
            end_code=end_code,
            recording_path=self.recording_path,
        )
