"""The desktop's window flow: sign-in window → main window → (sign out) → sign-in window.

Cold start: only what the sign-in window needs is imported before it is shown. The rest (the
services with SQLAlchemy and the models, the main window, the workbench, the phone) is imported
by a worker while the user types (`_warm_up`), so that neither the first paint nor the sign-in
waits for it. Importing modules in a worker is safe here: they define classes and build no Qt
object at import time.
"""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from agent_app.ui.connector import Connector
from agent_app.ui.gc_guard import freeze_long_lived, long_lived_work
from agent_app.ui.ops import runner
from agent_app.ui.pages import discover
from agent_app.ui.session import Session
from agent_app.ui.sign_in import SignInWindow
from agent_app.ui.turns import later

if TYPE_CHECKING:
    from agent_app.ui.main_window import MainWindow
    from agent_app.ui.phone.softphone import Softphone

log = logging.getLogger(__name__)

# In the order the sign-in and the first main window need them.
WARM_UP_MODULES = (
    "agent_app.services.app",
    "agent_app.services.migrate",
    "agent_app.ui.main_window",
    "agent_app.ui.phone.softphone",
    "agent_app.ui.phone.phone_bar",  # with the SIP engine and pjsua2: 60 ms of the phone's first start
    "agent_app.telephony.monitor",
    "agent_app.ui.supervisor.monitor_glue",
    "agent_app.ui.home.home_page",
    "agent_app.ui.workbench.workbench_page",
    "agent_app.ui.tickets.tickets_page",
)


def _warm_up() -> None:
    from agent_app.ui.phone.softphone import uses_audio_devices

    names = list(WARM_UP_MODULES)
    if uses_audio_devices():  # QtMultimedia: 45-190 ms and 20 MB, only for a phone with a headset
        names.append("agent_app.telephony.audio.devices")
    with long_lived_work():  # ~200 000 new objects: not for the GUI thread's young collections
        for name in names:
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - the real import later reports it where it matters
                log.debug("warm-up import of %s failed", name, exc_info=True)


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
        # After the first paint: the worker's imports hold the GIL in stretches.
        QTimer.singleShot(100, lambda: runner().submit(_warm_up, lambda _result, _error: self._prepare_audio()))

    def _prepare_audio(self) -> None:
        """Once the imports are done and while the user types: the sound system's first answer
        blocks the GUI thread, better now than when the workbench has just appeared."""
        if self.main_window is None:
            from agent_app.ui.phone.softphone import prepare_audio_devices

            later(self, prepare_audio_devices)

    def _open_main_window(self, session: Session) -> None:
        from agent_app.ui.main_window import MainWindow

        # Each in its own turn of the event loop, so that the GUI never freezes for two at once:
        # the window built now, then shown (polished, laid out and painted: the two together
        # were up to 55 ms of one turn, issue 7), its first page (queued by the window), then the
        # phone (pjsua2's start: 10-80 ms), then the rest of the first page (the workbench queues
        # its panels).
        window = MainWindow(session)
        later(self, lambda: self._show_main_window(window), first=True)
        later(self, lambda: self._window_ready(window))

    def _show_main_window(self, window: MainWindow) -> None:
        window.signed_out.connect(self._signed_out)
        self.main_window = window
        window.show()
        self.sign_in_window.hide()
        QTimer.singleShot(1000, freeze_long_lived)  # the window, its first page and the phone

    def _window_ready(self, window: MainWindow) -> None:
        if self.main_window is window:  # not signed out meanwhile
            self.main_window_opened.emit(window)

    def _start_softphone(self, window: MainWindow) -> None:
        from agent_app.ui.phone.softphone import start_softphone

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
