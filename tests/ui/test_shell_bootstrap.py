"""`run_desktop` end to end: sign in, sign out (the application keeps running), sign in, quit."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from agent_app.bootstrap import run_desktop
from agent_app.ui.main_window import MainWindow
from agent_app.ui.sign_in import SignInWindow
from tests.ui.conftest import PASSWORD


def _visible(kind):  # noqa: ANN001, ANN202
    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def _sign_in(qtbot, account: str) -> MainWindow:
    qtbot.waitUntil(lambda: _visible(SignInWindow) is not None)
    window = _visible(SignInWindow)
    window.account.setText(account)
    window.password.setText(PASSWORD)
    qtbot.keyClick(window.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _visible(MainWindow) is not None, timeout=10_000)
    return _visible(MainWindow)


def test_run_desktop_signs_in_and_out_and_quits(qtbot, sqlite_url, make_user):
    make_user("agent01", ["agent"])
    seen: dict[str, object] = {}

    def drive() -> None:
        try:
            main = _sign_in(qtbot, "agent01")
            seen["title"] = main.windowTitle()
            main.sign_out_action.trigger()
            qtbot.waitUntil(lambda: _visible(SignInWindow) is not None and _visible(MainWindow) is None)
            seen["still running after sign-out"] = True
            main = _sign_in(qtbot, "agent01")
            main.close()  # the last window: the application quits
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            seen["error"] = error
            QApplication.quit()

    QTimer.singleShot(0, drive)
    assert run_desktop(database_url=sqlite_url, lang="en") == 0
    assert "error" not in seen, seen.get("error")
    assert seen == {"title": "Agent Desk", "still running after sign-out": True}
