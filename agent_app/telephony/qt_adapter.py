"""The engine seen from Qt: a QTimer drives `engine.poll()`, every event becomes a signal.

QtCore only. Because pjsua2 runs on the GUI thread here (threadCnt 0, polled from the timer),
events are emitted directly on the GUI thread: slots may touch widgets.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from .engine import SipEngine


class EngineBridge(QObject):
    """Owns the poll timer of a started SipEngine and re-emits its events as `event(object)`."""

    event = Signal(object)

    def __init__(self, engine: SipEngine, interval_ms: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(engine.poll)
        self._unsubscribe: Callable[[], None] = engine.subscribe(self.event.emit)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        """Stop polling and forwarding; call before `engine.shutdown()`."""
        self._timer.stop()
        self._unsubscribe()
        self._unsubscribe = lambda: None
