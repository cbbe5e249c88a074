"""Phone and audio settings: headset microphone, headset speaker, ringing device, auto-answer,
after-call-work time, the SIP line (registrar, transport, user, password) and how a supervisor
monitors (监听方式: bridging in the agents' clients, or a PBX feature code).

Devices and call handling are this PC's choices (the UI ini); the SIP line and the monitoring
method are user-level overrides of the provisioned configuration (every value is checked before
anything is written); the password goes to the keyring only. Everything is
saved in a worker (the keyring may be a D-Bus round trip) and applies from the next sign-in, when
the softphone starts again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agent_app.settings import set_user_value
from agent_app.settings.schema import spec_for
from agent_app.telephony.credentials import store_sip_password
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import QueryOp
from agent_app.ui.phone.preferences import (
    PhonePreferences,
    host_port,
    MonitorMethod,
    load_monitor_method,
    load_preferences,
    load_sip_line,
    save_preferences,
)

TRANSPORTS = ("udp", "tcp", "tls")
MONITOR_METHODS = (("client", QT_TRANSLATE_NOOP("PhoneSettingsDialog", "Client bridging (any PBX)")),
                   ("feature_code", QT_TRANSLATE_NOOP("PhoneSettingsDialog", "PBX feature code")))


@dataclass(frozen=True)
class PhoneSettings:
    preferences: PhonePreferences
    registrar: str
    transport: str
    user: str
    password: str  # "" keeps the stored one
    monitoring: MonitorMethod


def save_phone_settings(settings: PhoneSettings, domain: str) -> None:
    """Runs in a worker. Raises SettingsError for a value the configuration refuses, before
    anything is written."""
    values = {"sip.registrar": settings.registrar, "sip.transport": settings.transport, "sip.user": settings.user,
              "monitor.method": settings.monitoring.method, "monitor.feature_code": settings.monitoring.feature_code}
    for key, value in values.items():
        spec_for(key).validate(value, "value")
    save_preferences(settings.preferences)
    for key, value in values.items():
        set_user_value(key, value)
    if settings.password and settings.user:
        store_sip_password(settings.user, domain or host_port(settings.registrar).split(":", 1)[0], settings.password)


def _devices(inputs: bool) -> list[str]:
    """Device names of one kind; an empty list when Qt Multimedia cannot list them."""
    try:
        from agent_app.telephony.audio import list_devices

        return [d.name for d in list_devices() if (d.is_input if inputs else d.is_output)]
    except (ImportError, RuntimeError):
        return []


class PhoneSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phoneSettingsDialog")
        self.setWindowTitle(self.tr("Phone and audio settings"))
        preferences, self._line = load_preferences(), load_sip_line()
        inputs, outputs = _devices(True), _devices(False)
        self.microphone = self._device_combo("microphoneCombo", inputs, preferences.capture_device)
        self.speaker = self._device_combo("speakerCombo", outputs, preferences.playback_device)
        self.ringer = self._device_combo("ringerCombo", outputs, preferences.ring_device)
        self.auto_answer = QCheckBox(self.tr("Answer calls automatically"), objectName="autoAnswerCheck")
        self.auto_answer.setChecked(preferences.auto_answer)
        self.acw_seconds = QSpinBox(objectName="acwSeconds", minimum=0, maximum=600)
        self.acw_seconds.setSuffix(self.tr(" s"))
        self.acw_seconds.setValue(preferences.acw_seconds)
        self.registrar = QLineEdit(self._line.registrar, objectName="sipRegistrar")
        self.registrar.setPlaceholderText("sip:pbx.example.com")
        self.transport = QComboBox(objectName="sipTransport")
        for transport in TRANSPORTS:
            self.transport.addItem(transport.upper(), transport)
        self.transport.setCurrentIndex(max(0, self.transport.findData(self._line.transport)))
        self.user = QLineEdit(self._line.user, objectName="sipUser")
        self.password = QLineEdit(objectName="sipPassword", echoMode=QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("unchanged"))
        monitoring = load_monitor_method()
        self.monitor_method = QComboBox(objectName="monitorMethod")
        for method, text in MONITOR_METHODS:
            self.monitor_method.addItem(QCoreApplication.translate("PhoneSettingsDialog", text), method)
        self.monitor_method.setCurrentIndex(max(0, self.monitor_method.findData(monitoring.method)))
        self.feature_code = QLineEdit(monitoring.feature_code, objectName="featureCode")
        self.feature_code.setPlaceholderText("*22{mode_digit}{extension}")
        self.monitor_method.currentIndexChanged.connect(self._method_chosen)
        self._method_chosen()
        self.message = QLabel(objectName="settingsMessage", wordWrap=True)
        self.message.hide()

        audio = QGroupBox(self.tr("Headset"))
        audio_form = QFormLayout(audio)
        audio_form.addRow(self.tr("&Microphone"), self.microphone)
        audio_form.addRow(self.tr("&Speaker"), self.speaker)
        audio_form.addRow(self.tr("&Ringing device"), self.ringer)
        calls = QGroupBox(self.tr("Calls"))
        calls_form = QFormLayout(calls)
        calls_form.addRow(self.auto_answer)
        calls_form.addRow(self.tr("&After-call work"), self.acw_seconds)
        line = QGroupBox(self.tr("SIP line"))
        line_form = QFormLayout(line)
        line_form.addRow(self.tr("Re&gistrar"), self.registrar)
        line_form.addRow(self.tr("&Transport"), self.transport)
        line_form.addRow(self.tr("&User"), self.user)
        line_form.addRow(self.tr("&Password"), self.password)
        supervision = QGroupBox(self.tr("Monitoring (supervisors)"))
        supervision_form = QFormLayout(supervision)
        supervision_form.addRow(self.tr("Monitoring &method"), self.monitor_method)
        supervision_form.addRow(self.tr("Feature &code"), self.feature_code)
        supervision_form.addRow(QLabel(self.tr(
            "Client bridging works with any PBX: the agent's desktop mixes the audio. With a PBX feature code "
            "the supervisor's phone dials the code instead, e.g. *22{mode_digit}{extension} for an Asterisk "
            "dialplan with ChanSpy: {extension} is the agent's extension, {mode_digit} is 1 to listen, 2 to "
            "whisper, 3 to barge in ({mode}: listen, whisper, barge)."), objectName="featureCodeHelp", wordWrap=True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        for widget in (audio, calls, line, supervision):
            layout.addWidget(widget)
        layout.addWidget(QLabel(self.tr("Changes apply from the next sign-in."), objectName="settingsHint"))
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def _device_combo(self, name: str, devices: list[str], chosen: str) -> QComboBox:
        combo = QComboBox(objectName=name)
        combo.addItem(self.tr("System default"), "")
        for device in devices:
            combo.addItem(device, device)
        if chosen and combo.findData(chosen) < 0:  # unplugged now: keep it, say so
            combo.addItem(self.tr("%1 (not connected)").replace("%1", chosen), chosen)
        combo.setCurrentIndex(max(0, combo.findData(chosen)))
        return combo

    def settings(self) -> PhoneSettings:
        preferences = PhonePreferences(
            capture_device=self.microphone.currentData(), playback_device=self.speaker.currentData(),
            ring_device=self.ringer.currentData(), auto_answer=self.auto_answer.isChecked(),
            acw_seconds=self.acw_seconds.value())
        return PhoneSettings(preferences, self.registrar.text().strip(), self.transport.currentData(),
                             self.user.text().strip(), self.password.text(),
                             MonitorMethod(self.monitor_method.currentData(), self.feature_code.text().strip()))

    def _method_chosen(self) -> None:
        self.feature_code.setEnabled(self.monitor_method.currentData() == "feature_code")

    def save(self) -> None:
        settings, domain = self.settings(), self._line.domain
        self.save_button.setEnabled(False)
        QueryOp(self, op=lambda: save_phone_settings(settings, domain), success=lambda _none: self.accept()) \
            .failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self.save_button.setEnabled(True)
        self.message.setText(error_message(error))
        self.message.show()
