"""Python's cycle collector, run on the GUI thread only.

The automatic collector runs in whichever thread happens to allocate when a threshold is crossed:
often an ops worker busy with SQLAlchemy. If the garbage it finds holds Qt objects (a closed
dialog in a reference cycle), their C++ side is destroyed on that worker thread, and the process
crashes (seen in the test suite as a segmentation fault while "Garbage-collecting" on a worker).
So the desktop switches automatic collection off and collects on a GUI-thread timer instead:
the young generation every second, everything every half minute.

A full collection walks every tracked object: after start-up that is the imported modules, the
models and the open windows (60 ms and more of a frozen GUI every half minute, seen as stalls
while scrolling). They live as long as the process, so once they exist (`freeze_long_lived`:
after the start-up imports, after sign-in) they move to the permanent generation that
collections skip.

A young collection walks everything allocated since the last one. The warm-up's imports in a
worker (agent_app/ui/desktop.py) leave about 200 000 objects there within a second: collected
by the timer, that was a 60-90 ms freeze of the sign-in window while the user typed. Such work
runs inside `long_lived_work()`: the timer leaves the generations alone meanwhile, and what the
work built is frozen at its end.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QTimer

YOUNG_EVERY_MS = 1_000
FULL_EVERY = 30  # young collections per full one


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(YOUNG_EVERY_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        self._ticks += 1
        if _long_lived_work:
            return
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)


_collector: GuiThreadCollector | None = None
_long_lived_work = 0  # how many `long_lived_work()` blocks are running (in any thread)
_lock = threading.Lock()


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """Call once, on the GUI thread, right after the QApplication exists."""
    global _collector
    _collector = GuiThreadCollector(app)
    return _collector


def freeze_long_lived() -> None:
    """Objects alive now are never garbage: full collections skip them from now on. Only where
    this module's collector runs (the desktop; not a test session, which collects between tests)."""
    if _collector is not None:
        gc.freeze()


@contextmanager
def long_lived_work() -> Iterator[None]:
    """Around work, in any thread, whose new objects live as long as the process (imports): no
    collection while it runs, and what it built is frozen when the last such block ends."""
    global _long_lived_work
    with _lock:
        _long_lived_work += 1
    try:
        yield
    finally:
        with _lock:
            _long_lived_work -= 1
            if _long_lived_work == 0:
                freeze_long_lived()  # before the timer may collect again
