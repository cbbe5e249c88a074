"""The desktop's window flow: sign-in window → main window → (sign out) → sign-in window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agent_app.ui.connector import Connector
from agent_app.ui.main_window import MainWindow
from agent_app.ui.ops import runner
from agent_app.ui.pages import discover
from agent_app.ui.phone.softphone import Softphone, start_softphone
from agent_app.ui.session import Session
from agent_app.ui.sign_in import SignInWindow


class Desktop(QObject):
    # Emitted with each new main window, e.g. for the phone bar: `window.set_phone_bar(...)`.
    main_window_opened = Signal(object)

    def __init__(self, connector: Connector, fixed_url: str | None = None) -> None:
        super().__init__()
        self.connector = connector
        discover()
        self.sign_in_window = SignInWindow(connector, fixed_url)
        self.sign_in_window.signed_in.connect(self._open_main_window)
        self.main_window: MainWindow | None = None
        self.softphone: Softphone | None = None
        self.main_window_opened.connect(self._start_softphone)

    def start(self) -> None:
        self.sign_in_window.show()

    def _open_main_window(self, session: Session) -> None:
        window = MainWindow(session)
        window.signed_out.connect(self._signed_out)
        self.main_window = window
        self.main_window_opened.emit(window)
        window.show()
        self.sign_in_window.hide()

    def _start_softphone(self, window: MainWindow) -> None:
        self._stop_softphone()  # one pjsua2 endpoint per process
        self.softphone = start_softphone(window)

    def _stop_softphone(self, drain_ms: int = 0) -> None:
        softphone, self.softphone = self.softphone, None
        if softphone is not None:
            softphone.shutdown(drain_ms)

    def _signed_out(self) -> None:
        self._stop_softphone()
        window, self.main_window = self.main_window, None
        self.sign_in_window.reset_for_sign_out()
        self.sign_in_window.show()
        if window is not None:
            window.deleteLater()

    def shutdown(self) -> None:
        """After the event loop: the phone logs out (its last writes may take a moment), running ops
        finish, then the databases close."""
        self._stop_softphone(drain_ms=3000)
        runner().shutdown()
        self.connector.close_all()
