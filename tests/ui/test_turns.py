"""GUI-thread work spread over event-loop turns (agent_app.ui.turns)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from agent_app.ui.turns import later


def test_jobs_run_one_per_turn_in_order_and_first_goes_ahead(qtbot):
    context = QObject()
    ran: list[str] = []
    later(context, lambda: ran.append("a"))
    later(context, lambda: ran.append("b"))
    later(context, lambda: ran.append("shown"), first=True)  # e.g. showing a page before its queries
    assert ran == []  # nothing at once: each job waits for a turn of the event loop
    qtbot.waitUntil(lambda: len(ran) == 3)
    assert ran == ["shown", "a", "b"]

