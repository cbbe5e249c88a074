"""The ops runner: work off the GUI thread, results on it, errors shown, changes broadcast."""

from __future__ import annotations

import logging
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from agent_app.domain.errors import AuthError
from agent_app.ui import i18n
from agent_app.ui.ops import CollectionOp, QueryOp, runner


def _message_box(parent: QWidget) -> QMessageBox:
    boxes = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_a_slow_op_does_not_block_the_gui_thread(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    results: list[tuple[str, bool]] = []

    def slow() -> str:
        time.sleep(0.6)
        return "done"

    QueryOp(parent, op=slow, success=lambda value: results.append(
        (value, threading.current_thread() is threading.main_thread())
    )).run_in_background()
    assert results == []  # run_in_background returned before the work finished
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    timer.stop()
    assert results == [("done", True)]  # delivered, on the GUI thread
    # The timer kept firing while the worker slept: the event loop never stopped.
    assert len(ticks) >= 5


def test_the_op_runs_in_a_worker_thread(qtbot):
    threads: list[bool] = []
    QueryOp(None, op=lambda: threads.append(threading.current_thread() is threading.main_thread()),
            success=lambda _: None).run_in_background()
    qtbot.waitUntil(lambda: runner().pending == 0)
    assert threads == [False]


def test_an_agent_desk_error_is_shown_in_the_current_language(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def fail() -> None:
        raise AuthError("bad_credentials")

    QueryOp(parent, op=fail, success=lambda _: None).run_in_background()
    qtbot.waitUntil(lambda: any(box.isVisible() for box in parent.findChildren(QMessageBox)))
    assert _message_box(parent).text() == "账号或密码错误。"
    # Qt's own strings are Chinese too (qtbase_zh_CN.qm from the PySide6 wheel).
    assert _message_box(parent).button(QMessageBox.StandardButton.Ok).text() == "确定"
    _message_box(parent).close()

    i18n.set_language("en")
    QueryOp(parent, op=fail, success=lambda _: None).run_in_background()
    qtbot.waitUntil(lambda: any(box.isVisible() for box in parent.findChildren(QMessageBox)))
    assert _message_box(parent).text() == "Wrong account or password."


def test_an_unexpected_error_is_logged_and_shown_generically(qtbot, caplog):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def bug() -> None:
        raise ZeroDivisionError("boom")

    with caplog.at_level(logging.ERROR):
        QueryOp(parent, op=bug, success=lambda _: None).run_in_background()
        qtbot.waitUntil(lambda: any(box.isVisible() for box in parent.findChildren(QMessageBox)))
    text = _message_box(parent).text()
    assert "boom" not in text and "日志" in text
    assert any(record.exc_info and record.exc_info[0] is ZeroDivisionError for record in caplog.records)


def test_a_failure_callback_replaces_the_message_box(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    errors: list[Exception] = []

    def fail() -> None:
        raise AuthError("account_disabled")

    QueryOp(parent, op=fail, success=lambda _: None).failure(errors.append).run_in_background()
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], AuthError)
    assert parent.findChildren(QMessageBox) == []


def test_a_change_op_broadcasts_what_changed_once(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    heard: list[frozenset[str]] = []
    runner().changed.connect(heard.append)
    try:
        with qtbot.waitSignal(runner().changed, timeout=5000):
            CollectionOp(parent, op=lambda: 42, changes={"tickets"}).run_in_background()
        qtbot.waitUntil(lambda: runner().pending == 0)
        assert heard == [frozenset({"tickets"})]

        def fail() -> None:
            raise AuthError("bad_credentials")

        CollectionOp(parent, op=fail, changes={"tickets"}).failure(lambda _e: None).run_in_background()
        qtbot.waitUntil(lambda: runner().pending == 0)
        assert heard == [frozenset({"tickets"})]  # nothing changed when the op failed
    finally:
        runner().changed.disconnect(heard.append)


def test_results_for_a_closed_window_are_dropped(qtbot):
    parent = QWidget()
    parent.show()
    called: list[str] = []
    release = threading.Event()

    def wait_for_release() -> str:
        release.wait(5)
        return "late"

    def fail() -> None:
        release.wait(5)
        raise AuthError("bad_credentials")

    QueryOp(parent, op=wait_for_release, success=called.append).run_in_background()
    QueryOp(parent, op=fail, success=called.append).failure(lambda e: called.append("failure")).run_in_background()
    parent.close()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    release.set()
    qtbot.waitUntil(lambda: runner().pending == 0, timeout=5000)
    assert called == []


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_a_failing_callback_is_logged_and_the_runner_goes_on(qtbot, caplog):
    def broken(_value: object) -> None:
        raise KeyError("callback bug")

    with caplog.at_level(logging.ERROR):
        QueryOp(None, op=lambda: 1, success=broken).run_in_background()
        qtbot.waitUntil(lambda: runner().pending == 0)
    assert any(record.exc_info and record.exc_info[0] is KeyError for record in caplog.records)
    results: list[int] = []
    QueryOp(None, op=lambda: 2, success=results.append).run_in_background()
    qtbot.waitUntil(lambda: results == [2])
