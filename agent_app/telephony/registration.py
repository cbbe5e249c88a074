"""When to register again: give up on credential errors, back off on everything else."""

from __future__ import annotations

from dataclasses import dataclass

# Retrying these hammers the registrar with the same wrong password (and may lock the account).
PERMANENT_FAILURES = frozenset({401, 403, 404, 407})


def is_permanent_failure(code: int) -> bool:
    return code in PERMANENT_FAILURES


@dataclass
class Backoff:
    """Delays 2, 4, 8 … capped at the last value; reset after a successful registration."""

    delays_s: tuple[int, ...]
    attempt: int = 0

    def next_delay(self) -> int:
        delay = self.delays_s[min(self.attempt, len(self.delays_s) - 1)]
        self.attempt += 1
        return delay

    def reset(self) -> None:
        self.attempt = 0
