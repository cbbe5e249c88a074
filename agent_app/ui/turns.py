"""GUI-thread work spread over turns of the event loop: one queued job per turn.

Sign-in builds the main window, its first page, the workbench's panels and the phone; done at once
they froze the GUI thread for 200 ms and more. `later(context, job)` runs `job` after the jobs
queued before it, each from its own timer activation, so the event loop gets between two jobs
(input, paints, the phone's poll timer). A zero-time `QTimer.singleShot` would not do: it posts an
event, and Qt's glib dispatcher runs posted events back to back while timers wait for it to be idle.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from shiboken6 import isValid


class _Turns(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._jobs: deque[tuple[QObject, Callable[[], object]]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_one)

    def add(self, context: QObject, job: Callable[[], object], first: bool) -> None:
        if first:
            self._jobs.appendleft((context, job))
        else:
            self._jobs.append((context, job))
        if not self._timer.isActive():
            self._timer.start()

    def _run_one(self) -> None:
        while self._jobs:
            context, job = self._jobs.popleft()
            if isValid(context):
                try:
                    job()
                finally:
                    if self._jobs:
                        self._timer.start()
                return


_turns: _Turns | None = None


def later(context: QObject, job: Callable[[], object], *, first: bool = False) -> None:
    """Run `job` on the GUI thread in a later turn of the event loop, one queued job per turn, in
    the order queued (`first`: before the jobs queued already); not at all if `context` was
    deleted meanwhile."""
    global _turns  # one queue per application
    if _turns is None or not isValid(_turns):
        _turns = _Turns(QCoreApplication.instance())
    _turns.add(context, job, first)
