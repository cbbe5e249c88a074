"""The ops runner: every database call from the UI runs in a worker thread, never on the GUI thread.

    QueryOp(parent, op=lambda: services.queries.page(actor, query), success=model.show_page).run_in_background()
    CollectionOp(parent, op=lambda: services.tickets.perform(...), changes={"tickets"},
                 success=dialog.accept).run_in_background()

`op` runs in a QThreadPool worker; `success(result)` or `failure(error)` then runs on the GUI thread.
Without a `failure` callback, an `AgentDeskError` is shown to the user in the current UI language
and anything else is logged with its traceback and shown as a generic failure. A `CollectionOp`
that succeeds emits `runner().changed` once with the names of what it changed (e.g.
``frozenset({"tickets"})``) so that every view showing such data can reload.

If `parent` has been deleted by the time the op finishes (its window was closed), neither callback
runs: the result is dropped. The idea follows Anki's `CollectionOp`/`QueryOp` and task manager.
"""

from __future__ import annotations

import itertools
import logging
import threading
from typing import Any, Callable, Generic, Iterable, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from agent_app.ui.error_text import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
Changes = frozenset[str]


class OpsRunner(QObject):
    """Owns the worker pool and the app-wide `changed` signal.

    Python objects must die on the thread that owns them: an op's callable often holds a widget
    (through `self`), and a QWidget deleted on a worker thread crashes the process. So the worker
    only ever borrows an op: the runner keeps every op in `_jobs` on the GUI thread, the worker
    drops its own reference *before* it reports back, and the runner lets go of the op when the
    report arrives on the GUI thread.
    """

    changed = Signal(object)  # frozenset[str] of what changed, e.g. {"tickets"}
    _finished = Signal(int, object, object)  # job id, result, exception (queued to the GUI thread)

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._jobs: dict[int, tuple[Callable[[], Any], Callable[[Any, Exception | None], None]]] = {}
        self._lock = threading.Lock()
        self._ids = itertools.count(1)
        self._finished.connect(self._deliver)

    @property
    def pending(self) -> int:
        """Ops started and not yet delivered."""
        return len(self._jobs)

    def submit(self, work: Callable[[], T], done: Callable[[T | None, Exception | None], None]) -> None:
        """Run `work` in a worker; call `done(result, error)` on the GUI thread afterwards."""
        job_id = next(self._ids)
        with self._lock:
            self._jobs[job_id] = (work, done)
        self._pool.start(lambda: self._run(job_id))

    def _run(self, job_id: int) -> None:  # worker thread
        with self._lock:
            work = self._jobs[job_id][0]
        try:
            result = work()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI thread
            del work
            self._finished.emit(job_id, None, error)
        else:
            del work
            self._finished.emit(job_id, result, None)

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: Any, error: Exception | None) -> None:
        with self._lock:
            _work, done = self._jobs.pop(job_id)
        try:
            done(result, error)
        except Exception:  # a bug in a callback: keep the application running, keep the trace
            log.exception("an op's success or failure callback failed")

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """At exit only: wait for running ops so that none touches a closed database."""
        return self._pool.waitForDone(timeout_ms)


_runner: OpsRunner | None = None


def runner() -> OpsRunner:
    """The application's runner (created on first use, after the QApplication)."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = OpsRunner()
    return _runner


def _parent_alive(parent: QObject | None) -> bool:
    return parent is None or shiboken6.isValid(parent)


class QueryOp(Generic[T]):
    """A read: `op()` in a worker, then `success(result)` on the GUI thread."""

    def __init__(self, parent: QWidget | None, *, op: Callable[[], T], success: Callable[[T], Any]) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[Exception], Any] | None = None

    def failure(self, failure: Callable[[Exception], Any] | None) -> "QueryOp[T]":
        """Handle errors yourself instead of the default message box."""
        self._failure = failure
        return self

    def run_in_background(self) -> None:
        runner().submit(self._op, self._done)

    def _done(self, result: T | None, error: Exception | None) -> None:
        if not _parent_alive(self._parent):
            log.debug("dropping the result of an op whose widget was closed")
            return
        if error is not None:
            if self._failure is not None:
                self._failure(error)
            else:
                show_error(self._parent, error)
            return
        self._succeeded(result)  # type: ignore[arg-type]

    def _succeeded(self, result: T) -> None:
        self._success(result)


class CollectionOp(QueryOp[T]):
    """A change: like `QueryOp`, and on success `runner().changed` is emitted with `changes`."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        op: Callable[[], T],
        changes: Iterable[str],
        success: Callable[[T], Any] | None = None,
    ) -> None:
        super().__init__(parent, op=op, success=success or (lambda _result: None))
        self._changes: Changes = frozenset(changes)

    def _done(self, result: T | None, error: Exception | None) -> None:
        # The database changed even when the widget that asked is gone: other views must hear it.
        if error is None and self._changes:
            try:
                super()._done(result, error)
            finally:
                runner().changed.emit(self._changes)
            return
        super()._done(result, error)
