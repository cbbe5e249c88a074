"""A start-up probe for the cold-start benchmark (bench/gui_startup.py).

With `AGENT_APP_STARTUP_PROBE=1` in the environment, the desktop prints one line
``agent-desk-startup-probe sign-in-painted <time.monotonic()>`` to stdout once the sign-in window
has been painted for the first time, then quits. The benchmark starts the real application as a
fresh process and compares that clock (system-wide on Linux and Windows) with its own reading
taken just before the launch. Without the variable nothing is installed.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV_VAR = "AGENT_APP_STARTUP_PROBE"
MARKER = "agent-desk-startup-probe sign-in-painted"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # The filter runs before the window paints itself: report once that paint is done.
            QTimer.singleShot(0, _report)
        return False


def _report() -> None:
    print(f"{MARKER} {time.monotonic():.6f}", flush=True)
    QCoreApplication.quit()


def install(window: QObject) -> None:
    """Watch `window` (the sign-in window) if the probe was asked for."""
    if os.environ.get(ENV_VAR) == "1" and sys.stdout is not None:
        window.installEventFilter(_FirstPaint(window))
