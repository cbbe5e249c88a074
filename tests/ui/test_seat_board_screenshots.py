"""Screenshots of the seat board for review: a dozen seats in different states, and the board while
the supervisor is listening to one of them. Written to $AGENT_DESK_SCREENSHOT_DIR (else the test's
temporary folder) as seat-board.png and seat-board-listening.png."""

from __future__ import annotations

import os
from pathlib import Path

from agent_app.telephony.monitor import MonitorMode
from agent_app.ui.supervisor.board_model import Column
from tests.ui.test_seat_board import FakeControl, _open, board_world  # noqa: F401 - the fixture


def _folder(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("AGENT_DESK_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_screenshots_of_the_board_and_of_listening(qtbot, board_world, tmp_path):
    services, company, seats = board_world
    page = _open(qtbot, services, company)
    page.resize(1366, 520)
    qtbot.wait(50)
    assert page.grab().save(str(_folder(tmp_path) / "seat-board.png"))

    supervisor = page._actor
    services.monitoring.session_started(seats[1], supervisor.user_id, "listen", "")
    qtbot.waitUntil(lambda: page.model.text(page.model.seat(seats[1].user_id), Column.MONITOR) != "", timeout=5_000)
    control = FakeControl()
    page.set_monitor_control(control)
    page.select_seat(seats[1].user_id)
    page.mode_buttons[MonitorMode.LISTEN].click()
    qtbot.wait(50)
    assert page.monitor_strip.isVisible()
    assert page.grab().save(str(_folder(tmp_path) / "seat-board-listening.png"))
