"""The phone bar's keyboard shortcuts, in one place (agents work keyboard first)."""

from __future__ import annotations

ANSWER = "F5"
HANG_UP = "F6"
HOLD = "F7"
TRANSFER = "F8"
READY_TOGGLE = "F9"

HOTKEYS: dict[str, str] = {
    "answer": ANSWER,
    "hang_up": HANG_UP,
    "hold": HOLD,
    "transfer": TRANSFER,
    "ready_toggle": READY_TOGGLE,
}
