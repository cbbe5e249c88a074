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
"""

from __future__ import annotations

import gc

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
        gc.collect(2 if self._ticks % FULL_EVERY == 0 else 0)


_collector: GuiThreadCollector | None = None


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
