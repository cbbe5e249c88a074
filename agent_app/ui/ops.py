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

import logging
from typing import Any, Callable, Generic, Iterable, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

from agent_app.ui.error_text import show_error

log = logging.getLogger(__name__)

T = TypeVar("T")
Changes = frozenset[str]


class _Outcome(QObject):
    """Carries one finished op from its worker thread back to the GUI thread.

    It is created on the GUI thread, so `finished` emitted by the worker reaches `_deliver` through
    a queued connection, i.e. on the GUI thread.
    """

    finished = Signal(object, object)  # result, exception

    def __init__(self, deliver: Callable[["_Outcome", Any, Exception | None], None]) -> None:
        super().__init__()
        self._deliver_to = deliver
        self.finished.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: Any, error: Exception | None) -> None:
        self._deliver_to(self, result, error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], outcome: _Outcome) -> None:
        super().__init__()
        self._work = work
        self._outcome = outcome

    def run(self) -> None:  # worker thread
        try:
            result = self._work()
        except Exception as error:  # noqa: BLE001 - every failure goes back to the GUI thread
            self._outcome.finished.emit(None, error)
        else:
            self._outcome.finished.emit(result, None)


class OpsRunner(QObject):
    """Owns the worker pool and the app-wide `changed` signal."""

    changed = Signal(object)  # frozenset[str] of what changed, e.g. {"tickets"}

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._pending: set[_Outcome] = set()

    @property
    def pending(self) -> int:
        """Ops started and not yet delivered."""
        return len(self._pending)

    def submit(self, work: Callable[[], T], done: Callable[[T | None, Exception | None], None]) -> None:
        """Run `work` in a worker; call `done(result, error)` on the GUI thread afterwards."""
        def deliver(outcome: _Outcome, result: Any, error: Exception | None) -> None:
            self._pending.discard(outcome)
            outcome.deleteLater()
            try:
                done(result, error)
            except Exception:  # a bug in a callback: keep the application running, keep the trace
                log.exception("an op's success or failure callback failed")

        outcome = _Outcome(deliver)
        self._pending.add(outcome)
        self._pool.start(_Job(work, outcome))

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
