"""Sign-in: Argon2id passwords, lockout after repeated failures, every attempt audited."""

from __future__ import annotations

import math
from datetime import timedelta

from sqlalchemy import select

from agent_app.domain.errors import AuthError
from agent_app.services import audit
from agent_app.services.actor import Actor
from agent_app.services.actors import load_actor
from agent_app.services.clock import Clock
from agent_app.services.models import Company, User
from agent_app.services.passwords import DUMMY_HASH, verify_password
from agent_app.services.uow import UnitOfWorkFactory

MAX_FAILURES = 5
LOCK_MINUTES = 15


class AuthService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    def sign_in(self, account: str, password: str) -> Actor:
        """The actor for these credentials, or AuthError (bad_credentials / account_locked / account_disabled)."""
        now = self._clock()
        with self._uow() as uow:
            session = uow.session
            user = session.scalars(select(User).where(User.account == account.strip())).one_or_none()
            if user is None:
                verify_password(DUMMY_HASH, password)
                audit.record(session, "sign_in", account=account[:64], success=False, detail={"why": "unknown account"})
                uow.commit()
                raise AuthError("bad_credentials")
            company = session.get(Company, user.company_id)
            if user.disabled or (company is not None and company.deleted_at is not None):
                audit.record(session, "sign_in", company_id=user.company_id, user_id=user.id, account=user.account,
                             success=False, detail={"why": "disabled"})
                uow.commit()
                raise AuthError("account_disabled")
            if user.locked_until is not None and user.locked_until > now:
                minutes = max(1, math.ceil((user.locked_until - now).total_seconds() / 60))
                audit.record(session, "sign_in", company_id=user.company_id, user_id=user.id, account=user.account,
                             success=False, detail={"why": "locked"})
                uow.commit()
                raise AuthError("account_locked", minutes=minutes)
            if not verify_password(user.password_hash, password):
                user.failed_logins += 1
                locked = user.failed_logins >= MAX_FAILURES
                if locked:
                    user.locked_until = now + timedelta(minutes=LOCK_MINUTES)
                    user.failed_logins = 0
                audit.record(session, "sign_in", company_id=user.company_id, user_id=user.id, account=user.account,
                             success=False, detail={"why": "wrong password", "locked": locked})
                uow.commit()
                if locked:
                    raise AuthError("account_locked", minutes=LOCK_MINUTES)
                raise AuthError("bad_credentials")
            user.failed_logins = 0
            user.locked_until = None
            user.last_login_at = now
            audit.record(session, "sign_in", company_id=user.company_id, user_id=user.id, account=user.account)
            actor = load_actor(session, user)
            uow.commit()
            return actor
