"""The agent's line: one SIP account, its registration state, and when to register again.

Credential errors (401/403…) are final: retrying them would hammer the registrar with the same
wrong password (and may lock the account). Everything else (timeouts, 5xx, connection refused)
is retried with a growing delay, 2, 4, 8 … capped at the last value, reset after a success.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pjsua2 as pj

from .account import SipAccount
from .events import RegistrationChanged, RegistrationState

PERMANENT_FAILURES = frozenset({401, 403, 404, 407})


def is_permanent_failure(code: int) -> bool:
    return code in PERMANENT_FAILURES


@dataclass
class Backoff:
    delays_s: tuple[int, ...]
    attempt: int = 0

    def next_delay(self) -> int:
        delay = self.delays_s[min(self.attempt, len(self.delays_s) - 1)]
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0


class Registration:
    def __init__(self, emit: Callable[[RegistrationChanged], None], retry_delays_s: tuple[int, ...]) -> None:
        self._emit = emit
        self._backoff = Backoff(retry_delays_s)
        self.account: SipAccount | None = None
        self.state = RegistrationState.UNREGISTERED
        self._retry_due: float | None = None  # time.monotonic() of the next REGISTER attempt
        self._unregistering = False

    def start(self, account: SipAccount) -> None:
        """Take over a created account (dropping the previous one) and register it."""
        self.drop()
        self.account = account
        self._backoff.reset()
        self._send_register()

    def fail(self, aor: str, reason: str) -> None:
        """A failure found before any REGISTER could be sent (e.g. no password)."""
        self.drop()
        self._set(aor, RegistrationState.FAILED, None, reason)

    def unregister(self) -> None:
        if self.account is None:
            return
        self._retry_due = None
        if self.state is RegistrationState.REGISTERED:
            self._unregistering = True
            self.account.setRegistration(False)
        else:  # never registered, or between retries: forget the line, and any REGISTER in flight
            aor = self.account.config.aor
            self.drop()
            self._set(aor, RegistrationState.UNREGISTERED, None, "")

    def drop(self) -> None:
        """Delete the pjsua2 account; must happen before libDestroy."""
        self._retry_due = None
        self._unregistering = False
        if self.account is not None:
            self.account.shutdown()
            self.account = None

    def poll(self) -> None:
        if self._retry_due is not None and time.monotonic() >= self._retry_due:
            self._retry_due = None
            self._send_register()

    def _send_register(self) -> None:
        if self.account is None:
            return
        self._set(self.account.config.aor, RegistrationState.REGISTERING, None, "")
        try:
            self.account.setRegistration(True)
        except pj.Error as error:  # e.g. the registrar's host name does not resolve
            self.on_reg_state(503, error.reason, 0)

    def on_reg_state(self, code: int, reason: str, expiration: int) -> None:
        if self.account is None:
            return
        aor = self.account.config.aor
        if self._unregistering and (expiration == 0 or code >= 300):
            self._unregistering = False
            self._set(aor, RegistrationState.UNREGISTERED, code, reason)
        elif 200 <= code < 300 and expiration > 0:
            self._backoff.reset()
            self._set(aor, RegistrationState.REGISTERED, code, reason)
        elif is_permanent_failure(code):
            self._retry_due = None
            self._set(aor, RegistrationState.FAILED, code, reason)
        elif not 200 <= code < 300:
            delay = self._backoff.next_delay()
            self._retry_due = time.monotonic() + delay
            now = datetime.now(UTC)
            self._set(aor, RegistrationState.RETRYING, code, reason, now + timedelta(seconds=delay), now)

    def on_transport_disconnected(self) -> None:
        """A TCP/TLS connection dropped: re-register now instead of at the next refresh."""
        if self.state is RegistrationState.REGISTERED and self.account is not None:
            if self.account.config.transport != "udp":
                self._send_register()

    def _set(
        self,
        aor: str,
        state: RegistrationState,
        code: int | None,
        reason: str,
        next_attempt_at: datetime | None = None,
        at: datetime | None = None,
    ) -> None:
        self.state = state
        self._emit(RegistrationChanged(aor, state, code, reason, at or datetime.now(UTC), next_attempt_at))
