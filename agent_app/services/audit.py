"""Writing the audit log (安全日志)."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from agent_app.services.actor import Actor
from agent_app.services.models import AuditLog


def record(
    session: Session,
    action: str,
    *,
    actor: Actor | None = None,
    company_id: int | None = None,
    user_id: int | None = None,
    account: str | None = None,
    target_type: str | None = None,
    target_id: Any = None,
    success: bool = True,
    detail: dict[str, Any] | None = None,
) -> None:
    session.add(
        AuditLog(
            company_id=actor.company_id if actor else company_id,
            user_id=actor.user_id if actor else user_id,
            account=actor.account if actor else account,
            action=action,
            target_type=target_type,
            target_id=None if target_id is None else str(target_id),
            success=success,
            detail=json.dumps(detail, ensure_ascii=False, default=str) if detail else None,
        )
    )
