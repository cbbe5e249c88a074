"""Shared pieces of the GUI benchmarks: the stall watchdog, resident memory, an isolated desktop
environment, waiting on the Qt event loop, and the child-process protocol.

Each GUI figure is taken in a child process of `python -m bench` (a fresh QApplication, one pjsua2
endpoint per process); a child prints one line ``BENCH-RESULT {json}`` that the parent reads.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULT_MARKER = "BENCH-RESULT "
STALL_LIMIT_MS = 50.0


def rss_mb() -> float:
    """This process's resident set (VmRSS) in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    raise RuntimeError("no VmRSS in /proc/self/status")


def isolated_env(home: Path, **extra: str) -> dict[str, str]:
    """Environment for a desktop child: its own data folder and configuration, no sound devices."""
    env = dict(os.environ)
    env.update(AGENT_APP_HOME=str(home), AGENT_APP_MACHINE_CONFIG=str(home / "machine" / "agent-desk.ini"),
               AGENT_APP_AUDIO="null", PYTHONPATH=str(REPO), LANG="C.UTF-8")
    env.pop("AGENT_APP_DB", None)
    env.pop("QT_QPA_PLATFORM", None)  # xcb on the display: real exposure and painting
    env.update(extra)
    return env


def run_child(module: str, args: list[str], env: dict[str, str], timeout: float) -> dict:
    """Run `python -m module args` and return the dict of its BENCH-RESULT line."""
    done = subprocess.run([sys.executable, "-m", module, *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            return json.loads(line[len(RESULT_MARKER):])
    raise RuntimeError(f"{module} gave no result (rc {done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def emit_result(result: dict) -> None:
    print(RESULT_MARKER + json.dumps(result, ensure_ascii=False), flush=True)


def use_memory_keyring() -> None:
    """A benchmark must not touch (or need) the machine's keyring: the tests' in-memory one."""
    import keyring

    from tests.fixtures.keyring_memory import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


class StallWatchdog:
    """The GUI thread's longest gap: a 5 ms QTimer notes the time between its ticks. A tick that
    comes late means the event loop was busy (a handler, a paint, a GUI-thread DB call) for the
    gap. `mark()` starts a new phase; `phases` keeps each phase's longest gap in ms."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._last = time.perf_counter()
        self.phase = "start"
        self.phases: dict[str, float] = {}
        self.over_limit: dict[str, int] = {}

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def mark(self, phase: str) -> None:
        self._tick()
        self.phase = phase

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000.0
        self._last = now
        if gap > self.phases.get(self.phase, 0.0):
            self.phases[self.phase] = round(gap, 2)
        if gap > STALL_LIMIT_MS:
            self.over_limit[self.phase] = self.over_limit.get(self.phase, 0) + 1


def wait_until(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run the event loop until `condition()` holds (checked every few ms)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        QThread.msleep(1)


def pump(seconds: float) -> None:
    """Run the event loop for `seconds`."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QThread

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        QThread.msleep(1)


class PaintClock:
    """Counts finished paints of some widgets (or of a whole top-level window, through its QWindow's
    UpdateRequest) and stamps when the last one finished: the filter sees the paint event before
    the widget handles it, and a zero-time timer fires once that handling is over."""

    def __init__(self, *targets) -> None:  # noqa: ANN002 - QWidgets or QWindows
        from PySide6.QtCore import QEvent, QObject, QTimer

        clock = self
        kinds = (QEvent.Type.Paint, QEvent.Type.UpdateRequest, QEvent.Type.Expose)

        def finished() -> None:
            clock.paints += 1
            clock.last = time.perf_counter()

        class _Filter(QObject):
            def eventFilter(self, _watched, event) -> bool:  # noqa: ANN001, N802 - Qt's name
                if event.type() in kinds:
                    QTimer.singleShot(0, finished)
                return False

        self.paints = 0
        self.last = 0.0
        self._filter = _Filter()
        for target in targets:
            target.installEventFilter(self._filter)
