"""The phone bar (话务栏) at the top of the agent workbench.

It drives the SIP engine through the Qt bridge and keeps the agent state machine: hotline login
with agent ID and extension (remembered), an always-visible registration indicator, ready /
not ready with a reason, the after-call-work countdown, answer, hang up, hold, transfer (blind or
consult first), dial pad, DTMF, and the login timer. Hotkeys are in `hotkeys.py`.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QSizePolicy, QToolButton, QWidget

from agent_app.telephony.agent_state import AgentStateMachine
from agent_app.ui.app_settings import SettingsStore
from agent_app.telephony.config import AccountConfig
from agent_app.telephony.engine import TelephonyError
from agent_app.telephony.events import (
    AgentState,
    CallState,
    CallStateChanged,
    CallSummary,
    HoldChanged,
    IncomingCall,
    OutgoingCall,
    RegistrationChanged,
    RegistrationState,
    TransferProgress,
)
from agent_app.telephony.qt_adapter import EngineBridge
from agent_app.ui.phone import hotkeys
from agent_app.ui.phone.keypad import KeypadDialog
from agent_app.ui.phone.login_dialog import HotlineLoginDialog
from agent_app.ui.phone.transfer_dialog import TransferChoice, TransferDialog

AGENT_ID_KEY = "phone/agent_id"
EXTENSION_KEY = "phone/extension"
NOT_READY_REASONS = ("break", "meal", "meeting", "training", "callback")
REGISTRATION_COLOURS = {
    RegistrationState.REGISTERING: "#f9a825",
    RegistrationState.REGISTERED: "#2e7d32",
    RegistrationState.FAILED: "#c62828",
    RegistrationState.RETRYING: "#ef6c00",
    RegistrationState.UNREGISTERED: "#9e9e9e",
}
# A ringing call must catch the eye: the state turns red and Answer green while it rings.
STYLE = """
QLabel#agentStateLabel { padding: 2px 8px; border-radius: 4px; }
QLabel#agentStateLabel[state="ringing"] { background: #c62828; color: #ffffff; font-weight: bold; }
QLabel#agentStateLabel[state="on_call"] { background: #e3f2e5; color: #1e6b34; font-weight: bold; }
QLabel#agentStateLabel[state="after_call_work"] { background: #fff4e0; color: #8a5300; }
QLabel#callerLabel { font-weight: bold; }
QPushButton#answerButton:enabled { background: #2e7d32; color: #ffffff; border-color: #1b5e20; font-weight: bold; }
"""


def clock_text(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600:d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


class PhoneBar(QFrame):
    """Signals: `screen_pop_requested(number, ivr_trail, headers)` while a call rings;
    `agent_state_changed(AgentStateChanged)` and `login_requested(agent_id, extension)` for the
    service layer to persist; `call_records_requested` and `settings_requested` from its menu."""

    screen_pop_requested = Signal(str, str, object)
    agent_state_changed = Signal(object)
    login_requested = Signal(str, str)
    call_records_requested = Signal()
    settings_requested = Signal()

    def __init__(
        self,
        bridge: EngineBridge,
        account_for: Callable[[str], AccountConfig],
        settings: SettingsStore,
        acw_seconds: float = 30.0,
        not_ready_reasons: Sequence[str] = NOT_READY_REASONS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("phoneBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(STYLE)
        self._engine = bridge.engine
        self._account_for = account_for
        self._settings = settings
        self.agent = AgentStateMachine(self.agent_state_changed.emit, acw_seconds=acw_seconds)
        self._logging_in = False
        self._logged_in_at: float | None = None  # time.monotonic() of the successful login
        self._current: str | None = None  # the customer's call
        self._consult: str | None = None  # the consult call of an attended transfer
        self._consult_number = ""
        self._connected: set[str] = set()
        self._incoming: set[str] = set()
        self._held = False

        self._build(not_ready_reasons)
        self._install_hotkeys()
        bridge.event.connect(self._on_event)
        self.agent_state_changed.connect(lambda _event: self._refresh())
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self._refresh()

    # ---- layout ------------------------------------------------------------------------------

    def _build(self, reasons: Sequence[str]) -> None:
        self.registration_label = QLabel(objectName="registrationIndicator")
        self.login_button = QPushButton(objectName="hotlineLoginButton")
        self.login_button.clicked.connect(self._login_or_logout)
        self.login_timer_label = QLabel(objectName="loginTimer")
        self.state_label = QLabel(objectName="agentStateLabel")
        self.ready_button = QPushButton(self.tr("Ready"), objectName="readyButton")
        self.ready_button.clicked.connect(self.set_ready)
        self.not_ready_button = QToolButton(objectName="notReadyButton")
        self.not_ready_button.setText(self.tr("Not ready"))
        self.not_ready_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.not_ready_button.clicked.connect(lambda: self.set_not_ready(""))
        menu = QMenu(self.not_ready_button)
        for reason in reasons:
            menu.addAction(self.reason_text(reason), lambda r=reason: self.set_not_ready(r))
        self.not_ready_button.setMenu(menu)
        self.caller_label = QLabel(objectName="callerLabel")
        self.answer_button = self._button("answerButton", self.tr("Answer"), hotkeys.ANSWER, self.answer)
        self.hang_up_button = self._button("hangUpButton", self.tr("Hang up"), hotkeys.HANG_UP, self.hang_up)
        self.hold_button = self._button("holdButton", self.tr("Hold"), hotkeys.HOLD, self.toggle_hold)
        self.transfer_button = self._button(
            "transferButton", self.tr("Transfer"), hotkeys.TRANSFER, self.open_transfer
        )
        self.complete_button = self._button("completeTransferButton", self.tr("Complete transfer"), "",
                                             self.complete_transfer)  # fmt: skip
        self.cancel_button = self._button("cancelTransferButton", self.tr("Cancel transfer"), "",
                                          self.cancel_transfer)  # fmt: skip
        self.dial_button = self._button("dialButton", self.tr("Dial"), "", self.open_dial_pad)
        self.dtmf_button = self._button("dtmfButton", self.tr("Keypad"), "", self.open_dtmf_pad)
        self.message_label = QLabel(objectName="phoneMessage")
        # A long message (an engine error) is cut off rather than widening the window; the tooltip has all of it.
        self.message_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.more_button = QToolButton(objectName="phoneMoreButton")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.call_records_action = more.addAction(self.tr("Call records…"), self.call_records_requested.emit)
        self.settings_action = more.addAction(self.tr("Phone and audio settings…"), self.settings_requested.emit)
        self.more_button.setMenu(more)

        # Fixed widths for texts that change every second or with every call: the buttons stay put.
        metrics = self.fontMetrics()
        self.login_timer_label.setMinimumWidth(metrics.horizontalAdvance(self.tr("Logged in %1") + "00:00:00") + 8)
        self.state_label.setMinimumWidth(metrics.horizontalAdvance(self.tr("After-call work %1") + "0:00:00") + 8)
        self.caller_label.setMinimumWidth(metrics.horizontalAdvance("+86 13912345678 WWWWWW"))
        self.registration_label.setMinimumWidth(metrics.horizontalAdvance("● " + self.tr("Registration failed")) + 8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        for widget in (
            self.registration_label, self.login_button, self.login_timer_label, _separator(),
            self.state_label, self.ready_button, self.not_ready_button, _separator(),
            self.caller_label, self.answer_button, self.hang_up_button, self.hold_button,
            self.transfer_button, self.complete_button, self.cancel_button, self.dial_button,
            self.dtmf_button, self.message_label,
        ):  # fmt: skip
            layout.addWidget(widget)
        layout.setStretchFactor(self.message_label, 1)
        layout.addWidget(self.more_button)

    def _button(self, name: str, text: str, key: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, objectName=name)
        button.clicked.connect(slot)
        if key:
            button.setToolTip(f"{text} ({key})")
        return button

    def _install_hotkeys(self) -> None:
        actions = {
            "answer": self.answer,
            "hang_up": self.hang_up,
            "hold": self.toggle_hold,
            "transfer": self.open_transfer,
            "ready_toggle": self.toggle_ready,
        }
        self.shortcuts = {}
        for name, key in hotkeys.HOTKEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(actions[name])
            self.shortcuts[name] = shortcut

    # ---- texts -------------------------------------------------------------------------------

    def reason_text(self, reason: str) -> str:
        texts = {
            "break": self.tr("Break"),
            "meal": self.tr("Meal"),
            "meeting": self.tr("Meeting"),
            "training": self.tr("Training"),
            "callback": self.tr("Calling back"),
        }
        return texts.get(reason, reason)

    def state_text(self) -> str:
        state = self.agent.state
        if state is AgentState.NOT_READY:
            reason = self.reason_text(self.agent.reason)
            return self.tr("Not ready: %1").replace("%1", reason) if reason else self.tr("Not ready")
        if state is AgentState.AFTER_CALL_WORK:
            remaining = self.agent.acw_remaining() or 0
            return self.tr("After-call work %1").replace("%1", clock_text(remaining + 0.999))
        texts = {
            AgentState.LOGGED_OUT: self.tr("Logged out"),
            AgentState.READY: self.tr("Ready"),
            AgentState.RINGING: self.tr("Ringing"),
            AgentState.ON_CALL: self.tr("On call"),
        }
        return texts[state]

    def registration_text(self, state: RegistrationState) -> str:
        return {
            RegistrationState.REGISTERING: self.tr("Registering…"),
            RegistrationState.REGISTERED: self.tr("Registered"),
            RegistrationState.FAILED: self.tr("Registration failed"),
            RegistrationState.RETRYING: self.tr("Reconnecting…"),
            RegistrationState.UNREGISTERED: self.tr("Not registered"),
        }[state]

    # ---- hotline login -----------------------------------------------------------------------

    @property
    def logged_in(self) -> bool:
        return self._logged_in_at is not None

    @property
    def current_call_id(self) -> str | None:
        """The SIP Call-ID of the customer's call, if there is one."""
        return self._current

    def _login_or_logout(self) -> None:
        if self.logged_in or self._logging_in:
            self.logout()
        else:
            self.open_login()

    def open_login(self) -> None:
        dialog = HotlineLoginDialog(
            str(self._settings.value(AGENT_ID_KEY, "")), str(self._settings.value(EXTENSION_KEY, "")), self
        )
        if dialog.exec():
            self.login(dialog.agent_id(), dialog.extension())

    def login(self, agent_id: str, extension: str) -> None:
        """登入热线: remember agent ID and extension, register the extension."""
        self._settings.set_values({AGENT_ID_KEY: agent_id, EXTENSION_KEY: extension})
        self.login_requested.emit(agent_id, extension)
        self._logging_in = True
        self.show_message("")
        self._run(lambda: self._engine.register(self._account_for(extension), agent_id=agent_id))
        self._refresh()

    def logout(self) -> None:
        self._logging_in = False
        self._logged_in_at = None
        self.agent.logout()
        self._run(self._engine.unregister)
        self._refresh()

    # ---- agent state -------------------------------------------------------------------------

    def set_ready(self) -> None:
        self.agent.set_ready()

    def set_not_ready(self, reason: str) -> None:
        self.agent.set_not_ready(reason)

    def toggle_ready(self) -> None:
        if self.agent.state is AgentState.READY:
            self.set_not_ready("")
        else:
            self.set_ready()

    # ---- calls -------------------------------------------------------------------------------

    def answer(self) -> None:
        if self._current and self._current not in self._connected:
            self._run(lambda: self._engine.answer(self._current))  # type: ignore[arg-type]

    def hang_up(self) -> None:
        """Ends the active leg: during a consult that is the consult call (the caller comes back)."""
        if self._consult:
            self.cancel_transfer()
        elif self._current:
            self._run(lambda: self._engine.hangup(self._current))  # type: ignore[arg-type]

    def toggle_hold(self) -> None:
        if self._current in self._connected and not self._consult:
            call_id = self._current
            action = self._engine.resume if self._held else self._engine.hold
            self._run(lambda: action(call_id))  # type: ignore[arg-type]

    def open_transfer(self) -> None:
        if not self._can_transfer():
            return
        dialog = TransferDialog(self)
        if dialog.exec() and dialog.choice is not None:
            self.transfer_to(dialog.target(), dialog.choice)

    def transfer_to(self, target: str, choice: TransferChoice) -> None:
        if not self._can_transfer():
            return
        call_id = self._current
        if choice is TransferChoice.BLIND:
            self._run(lambda: self._engine.transfer(call_id, target))  # type: ignore[arg-type]
        else:
            try:
                self._consult = self._engine.consult(call_id, target)  # type: ignore[arg-type]
                self._consult_number = target
            except TelephonyError as error:
                self._show_failure(error)
        self._refresh()

    def complete_transfer(self) -> None:
        if self._consult:
            consult = self._consult
            self._run(lambda: self._engine.complete_transfer(consult))

    def cancel_transfer(self) -> None:
        if self._consult:
            consult = self._consult
            self._run(lambda: self._engine.cancel_consult(consult))

    def open_dial_pad(self) -> None:
        dialog = KeypadDialog(dtmf=False, parent=self)
        if dialog.exec() and dialog.number():
            self.dial_number(dialog.number())

    @Slot(str)
    def dial_number(self, number: str) -> None:
        """Click-to-dial from anywhere in the application."""
        if self.logged_in and self._current is None and number:
            self._run(lambda: self._engine.dial(number))

    def open_dtmf_pad(self) -> None:
        if self._current not in self._connected:
            return
        dialog = KeypadDialog(dtmf=True, parent=self)
        dialog.digit_pressed.connect(self.send_dtmf)
        dialog.exec()

    def send_dtmf(self, digits: str) -> None:
        if self._current in self._connected:
            call_id = self._current
            self._run(lambda: self._engine.send_dtmf(call_id, digits))  # type: ignore[arg-type]

    def _can_transfer(self) -> bool:
        return self._current in self._connected and self._consult is None

    def _run(self, operation: Callable[[], object]) -> None:
        try:
            operation()
        except TelephonyError as error:
            self._show_failure(error)

    def _show_failure(self, error: TelephonyError) -> None:
        self.show_message(self.tr("Phone: %1").replace("%1", str(error)))

    def show_message(self, text: str) -> None:
        """A short note in the bar, also from outside (e.g. a call record that could not be saved)."""
        self.message_label.setText(text)
        self.message_label.setToolTip(text)

    # ---- engine events -----------------------------------------------------------------------

    @Slot(object)
    def _on_event(self, event: object) -> None:
        if isinstance(event, RegistrationChanged):
            self._registration_changed(event)
        elif isinstance(event, IncomingCall):
            if self._current is not None:
                self._run(lambda: self._engine.reject(event.call_id, busy=True))
                return
            self._current = event.call_id
            self._incoming.add(event.call_id)
            self.caller_label.setText(f"{event.number} {event.display_name}".strip())
            self.caller_label.setToolTip(event.ivr_trail)
            self.screen_pop_requested.emit(event.number, event.ivr_trail, dict(event.headers))
        elif isinstance(event, OutgoingCall):
            if self._current is None:  # otherwise it is the consult call, see transfer_to
                self._current = event.call_id
                self.caller_label.setText(event.number)
        elif isinstance(event, CallStateChanged) and event.state is CallState.CONFIRMED:
            self._connected.add(event.call_id)
        elif isinstance(event, HoldChanged) and event.call_id == self._current:
            self._held = event.on_hold
        elif isinstance(event, TransferProgress) and event.final:
            ok = event.succeeded
            self.show_message(self.tr("Transferred") if ok else self.tr("Transfer failed: %1").replace(
                "%1", f"{event.code} {event.reason}"))  # fmt: skip
        elif isinstance(event, CallSummary):
            self._connected.discard(event.call_id)
            self._incoming.discard(event.call_id)
            if event.call_id == self._consult:
                self._consult = None
            if event.call_id == self._current:
                self._current = None
                self._held = False
                self.caller_label.setText("")
                self.caller_label.setToolTip("")
        self.agent.handle(event)
        self._refresh()

    def _registration_changed(self, event: RegistrationChanged) -> None:
        self._show_registration(event.state)
        detail = f"{event.code or ''} {event.reason}".strip()
        if event.next_attempt_at is not None:
            detail += " · " + self.tr("next attempt at %1").replace(
                "%1", event.next_attempt_at.astimezone().strftime("%H:%M:%S"))  # fmt: skip
        self.registration_label.setToolTip(detail)
        if event.state is RegistrationState.REGISTERED and self._logging_in:
            self._logging_in = False
            self._logged_in_at = time.monotonic()
            self.agent.login()
        elif event.state is RegistrationState.FAILED and self._logging_in:
            self._logging_in = False
            self.show_message(self.tr("Hotline login failed: %1").replace("%1", detail))

    # ---- display -----------------------------------------------------------------------------

    def _show_registration(self, state: RegistrationState) -> None:
        """A coloured dot and a word, so the line's state is readable at a glance and without colour."""
        self.registration_label.setProperty("state", state.value)
        self.registration_label.setProperty("registration", self.registration_text(state))
        dot = f'<span style="color:{REGISTRATION_COLOURS[state]}">●</span>'
        self.registration_label.setText(f"{dot} {self.registration_text(state)}")

    def _tick(self) -> None:
        self.agent.tick()
        self._refresh()

    def _refresh(self) -> None:
        if not self.registration_label.text():
            self._show_registration(self._engine.registration_state)
        logged_in = self.logged_in
        self.login_button.setText(self.tr("Log out") if logged_in or self._logging_in else self.tr("Log in"))
        if self._logged_in_at is None:
            self.login_timer_label.setText(self.tr("Not logged in"))
        else:
            elapsed = clock_text(time.monotonic() - self._logged_in_at)
            self.login_timer_label.setText(self.tr("Logged in %1").replace("%1", elapsed))
        if self._consult is not None:
            self.state_label.setText(self.tr("Consulting %1").replace("%1", self._consult_number))
        elif self.agent.state is AgentState.ON_CALL and self._held:
            self.state_label.setText(self.tr("On hold"))
        else:
            self.state_label.setText(self.state_text())
        if self.state_label.property("state") != self.agent.state.value:
            self.state_label.setProperty("state", self.agent.state.value)
            self.state_label.style().polish(self.state_label)  # the colour follows the state
        current, connected = self._current, self._current in self._connected
        self.ready_button.setEnabled(logged_in and self.agent.state is not AgentState.READY)
        self.not_ready_button.setEnabled(logged_in)
        self.answer_button.setEnabled(current in self._incoming and not connected)
        self.hang_up_button.setEnabled(current is not None)
        self.hold_button.setEnabled(connected and self._consult is None)
        self.hold_button.setText(self.tr("Resume") if self._held else self.tr("Hold"))
        self.transfer_button.setEnabled(connected and self._consult is None)
        self.complete_button.setVisible(self._consult is not None)
        self.cancel_button.setVisible(self._consult is not None)
        self.complete_button.setEnabled(self._consult in self._connected)
        self.dial_button.setEnabled(logged_in and current is None)
        self.dtmf_button.setEnabled(connected)


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    return line
