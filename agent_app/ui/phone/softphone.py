"""The softphone in a main window: engine + Qt bridge + phone bar + service writes + screen-pop.

`start_softphone(window)` is called for each new main window (`Desktop.main_window_opened`);
`Softphone.shutdown()` on sign-out and quit. pjsua2 allows one endpoint per process, so the old
window's softphone must be shut down before a new one starts. Modules that load pjsua2 (engine,
audio, the phone bar) are imported when the phone starts, so the desktop still works without it.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, QThread, Slot
from PySide6.QtGui import QAction

from agent_app.telephony.events import AgentState, CallState, CallStateChanged, CallSummary, IncomingCall
from agent_app.ui import app_settings
from agent_app.ui.phone.call_sync import CallSync, RingingCall
from agent_app.ui.phone.click_to_dial import dial_hub
from agent_app.ui.phone.preferences import (
    MonitorMethod,
    PhonePreferences,
    SipLine,
    account_factory,
    engine_config,
    load_monitor_method,
    load_preferences,
    load_sip_line,
    null_audio_forced,
)

log = logging.getLogger(__name__)

HOTLINE_PERMISSION = "menu:workbench"
WARNING_MS = 15_000


def make_audio(preferences: PhonePreferences) -> tuple[Any, str | None]:
    """The headset bridge for the chosen devices, or NullAudio and why (shown to the agent)."""
    from agent_app.telephony.null_audio import NullAudio

    if null_audio_forced():
        return NullAudio(), None
    from agent_app.telephony.audio import AudioDeviceNotFound, DeviceAudioBridge
    from agent_app.telephony.audio.devices import find_input, find_output

    chosen = [preferences.capture_device or None, preferences.playback_device or None, preferences.ring_device or None]
    try:
        find_input(chosen[0])
        find_output(chosen[1])
        find_output(chosen[2])
    except AudioDeviceNotFound as error:
        log.warning("softphone without a headset: %s", error)
        return NullAudio(), str(error)
    return DeviceAudioBridge(*chosen), None


def uses_audio_devices() -> bool:
    """Whether this PC's phone will use the sound system: a SIP line is set up, and audio is
    not switched off (AGENT_APP_AUDIO=null)."""
    return not null_audio_forced() and bool(load_sip_line().registrar)


def prepare_audio_devices() -> None:
    """Ask the system for its audio devices now, on the GUI thread, if this PC's phone will use
    them. The first question loads QtMultimedia's backend and connects to the sound system
    (PulseAudio, WASAPI): 15 ms with PulseAudio up, 40-450 ms when no sound server answers
    (docs/performance.md). The desktop calls this while the sign-in window waits for the user,
    so that the phone's start after sign-in finds the devices known; later questions are
    answered from memory. Not on a worker: the backend's objects belong to the thread that makes
    them (and on Windows need its COM)."""
    if not uses_audio_devices():
        return
    from agent_app.telephony.audio.devices import list_devices

    try:
        list_devices()
    except Exception:  # noqa: BLE001 - the phone's start reports a device problem where it matters
        log.debug("audio devices could not be listed ahead of the phone", exc_info=True)


class Softphone(QObject):
    """Owns the engine for one main window; everything else hangs off the window."""

    def __init__(self, window: Any, engine: Any, audio: Any, preferences: PhonePreferences, line: SipLine) -> None:
        from agent_app.telephony.qt_adapter import EngineBridge
        from agent_app.ui.phone.phone_bar import PhoneBar

        super().__init__(window)
        self.window = window
        self.engine = engine
        self._audio = audio
        session = window.session
        self.sync = CallSync(session.services, session.actor, self)
        self.bridge = EngineBridge(engine, parent=self)
        # Before the bar: the call must be known to `sync` when the bar's state machine reacts to it.
        self.bridge.event.connect(self.sync.on_engine_event)
        self.bridge.event.connect(self._ring)
        self.bar = PhoneBar(self.bridge, account_factory(line), app_settings.settings(),
                            acw_seconds=preferences.acw_seconds)
        self.bar.agent_state_changed.connect(self.sync.on_agent_state)
        self.bar.login_requested.connect(self.sync.hotline_login)
        self.bar.screen_pop_requested.connect(self._ringing)
        self.bar.call_records_requested.connect(self.open_call_records)
        self.bar.settings_requested.connect(self.open_settings)
        self.sync.record_ready.connect(self._record_ready)
        self.sync.failed.connect(self._show_failure)
        self.sync.hotline_login_refused.connect(self._hotline_login_refused)
        dial_hub().dial_requested.connect(self.bar.dial_number)
        dial_hub().set_available(True)
        self._popped: set[str] = set()  # SIP Call-IDs shown on the workbench, waiting for their record
        self._records: dict[str, RingingCall] = {}  # SIP Call-ID → its record, written before the pop
        window.set_phone_bar(self.bar)
        self._start_monitoring(session)
        self.bridge.start()

    # -- monitoring (listen / whisper / barge) ---------------------------------------------
    def _start_monitoring(self, session: Any) -> None:
        """Answer supervisors' monitor requests on this seat; a supervisor's seat can also monitor."""
        from agent_app.telephony.monitor import MonitorDesk, MonitorEnded, MonitorStarted
        from agent_app.ui.supervisor.monitor_glue import AgentMonitorGlue

        glue = AgentMonitorGlue(session.services.monitoring, session.actor,
                                run=lambda work: self.sync.run_in_order("monitor session", work))
        self.monitor_desk = MonitorDesk(self.engine, glue.authorise)
        glue.attach(self.monitor_desk)

        def tell_agent(event: object) -> None:
            if not glue.told or getattr(event, "side", None) != "agent":
                return
            if isinstance(event, MonitorStarted):
                self.bar.show_message(self.tr("A supervisor is listening to this call"))
            elif isinstance(event, MonitorEnded):
                self.bar.show_message("")

        self.monitor_desk.subscribe(tell_agent)
        if session.actor.can("seat.monitor"):
            self.window.set_monitor_control(self._monitor_control(session, load_monitor_method()))

    def _monitor_control(self, session: Any, method: MonitorMethod) -> QObject:
        """What the seat board drives: monitor requests to the agents' clients, or PBX codes."""
        from agent_app.ui.supervisor.feature_code_control import FeatureCodeControl
        from agent_app.ui.supervisor.monitor_glue import MonitorControl

        if not method.uses_pbx:
            return MonitorControl(self.monitor_desk, session.actor.user_id, self)
        in_order = lambda work: self.sync.run_in_order("monitor session", work)  # noqa: E731
        control = FeatureCodeControl(self.monitor_desk, session.services.monitoring, session.actor,
                                     method.feature_code, run=in_order, parent=self)
        control.refused.connect(self._show_failure)
        return control

    # -- screen-pop -----------------------------------------------------------------------
    @Slot(str, str, object)
    def _ringing(self, number: str, ivr_trail: str, _headers: object) -> None:
        """The workbench shows the caller at once: the lookup does not wait for the call record,
        which is written meanwhile and attached to the form when it is there."""
        call_id = self.bar.current_call_id
        if call_id is None:
            return
        workbench = self.window.open_page("workbench")
        if workbench is None:
            return
        steps = [step.strip() for step in ivr_trail.split(">") if step.strip()]  # "welcome>billing>agent"
        workbench.screen_pop(number, {"ivr_trail": steps or None})
        self._popped.add(call_id)
        record = self._records.pop(call_id, None)
        if record is not None:
            self._attach_record(record)

    @Slot(object)
    def _record_ready(self, call: RingingCall) -> None:
        if call.sip_call_id in self._popped:
            self._attach_record(call)
        else:
            self._records[call.sip_call_id] = call  # written before the phone bar asked to pop

    def _attach_record(self, record: RingingCall) -> None:
        """The registration form of this call carries its call record (the ticket links to it)."""
        self._popped.discard(record.sip_call_id)
        if self.bar.current_call_id != record.sip_call_id:
            return  # the call ended (or another one pops) before its record was written
        workbench = self.window.open_page("workbench")
        if workbench is not None:
            workbench.attach_call_record(record.record_id, record.ring_at)

    # -- ring tone ------------------------------------------------------------------------
    @Slot(object)
    def _ring(self, event: object) -> None:
        """The headset bridge rings on the ringing device; NullAudio has no ringer."""
        if not hasattr(self._audio, "play_ring"):
            return
        try:
            if isinstance(event, IncomingCall):
                self._audio.play_ring()
            elif isinstance(event, CallSummary) or (
                    isinstance(event, CallStateChanged) and event.state is CallState.CONFIRMED):
                self._audio.stop_ring()
        except (OSError, RuntimeError, LookupError) as error:
            log.warning("ring tone: %s", error)

    # -- dialogs --------------------------------------------------------------------------
    def open_call_records(self) -> None:
        from agent_app.ui.calls.call_records_dialog import CallRecordsDialog

        CallRecordsDialog(self.window.session.services, self.sync.actor, self.window).open()

    def open_settings(self) -> None:
        open_phone_settings(self.window)

    def _hotline_login_refused(self, text: str) -> None:
        """The line may already be registering: log it out again, the seat may not take calls."""
        self.bar.logout()
        self._show_failure(text)

    def _show_failure(self, text: str) -> None:
        self.bar.show_message(text)
        self.window.statusBar().showMessage(text, WARNING_MS)

    # -- the end --------------------------------------------------------------------------
    def shutdown(self, drain_ms: int = 0) -> None:
        """Order matters: stop polling and forwarding, then let the engine log out and tear down.
        The seat leaves the board first. At quit the event loop has ended, so `drain_ms` lets the
        queued writes finish here; on sign-out they finish in the running loop."""
        dial_hub().dial_requested.disconnect(self.bar.dial_number)
        dial_hub().set_available(False)
        self.window.set_monitor_control(None)
        if self.bar.agent.state is not AgentState.LOGGED_OUT:
            self.sync.logged_out(datetime.now(UTC))
        self.bridge.stop()
        self.engine.shutdown()
        clock = QElapsedTimer()
        clock.start()
        while self.sync.pending and clock.elapsed() < drain_ms:
            QCoreApplication.processEvents()
            QThread.msleep(5)


def open_phone_settings(window: Any) -> None:
    from agent_app.ui.settings_dialog.phone_settings_dialog import PhoneSettingsDialog

    PhoneSettingsDialog(window).open()


def _add_settings_action(window: Any) -> None:
    """System → Phone and audio settings: reachable even when the phone could not start."""
    action = QAction(QCoreApplication.translate("Softphone", "&Phone and audio settings…"), window)
    action.setObjectName("phoneSettingsAction")
    action.triggered.connect(lambda: open_phone_settings(window))
    window.system_menu.insertAction(window.sign_out_action, action)


def start_softphone(window: Any) -> Softphone | None:
    """The phone bar for agents of the hotline; None (with a note on the status bar) otherwise.
    A PC without a SIP registrar configured gets no engine: nothing to register with."""
    if not window.session.actor.can(HOTLINE_PERMISSION):
        return None
    _add_settings_action(window)
    line = load_sip_line()
    if not line.registrar:
        window.statusBar().showMessage(QCoreApplication.translate(
            "Softphone", "The phone is not set up: enter the SIP registrar in System → Phone and audio settings."),
            WARNING_MS)
        return None
    preferences = load_preferences()
    try:
        from agent_app.telephony.engine import SipEngine

        audio, warning = make_audio(preferences)
        engine = SipEngine(engine_config(preferences), audio)
        engine.start()
    except Exception as error:  # noqa: BLE001 - no SIP stack: the desktop still works without a phone
        log.exception("the softphone could not start")
        text = QCoreApplication.translate("Softphone", "The softphone could not start: %1")
        window.statusBar().showMessage(text.replace("%1", str(error)), WARNING_MS)
        return None
    softphone = Softphone(window, engine, audio, preferences, line)
    if warning:
        text = QCoreApplication.translate("Softphone", "No headset, calls have no sound: %1").replace("%1", warning)
        softphone.bar.show_message(text)
        window.statusBar().showMessage(text, WARNING_MS)
    return softphone
