"""Where the softphone's configuration comes from, and what it becomes for the engine.

The SIP line (registrar, proxy, transport, domain, user) is provisioned configuration
(`agent_app.settings`: machine file, overridden per user); the password is in the keyring. The
headset devices, auto-answer and after-call-work time are the agent's own choices on this PC and
live in the desktop's UI ini (`app_settings`), like the window layout.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from agent_app.paths import user_data_dir
from agent_app.settings import SettingsError, load_settings
from agent_app.settings.schema import spec_for
from agent_app.telephony.config import AccountConfig, EngineConfig, Transport
from agent_app.ui import app_settings

log = logging.getLogger(__name__)

AUDIO_ENV = "AGENT_APP_AUDIO"  # "null": no headset (tests, servers)
CAPTURE_KEY = "phone/capture_device"
PLAYBACK_KEY = "phone/playback_device"
RING_KEY = "phone/ring_device"
AUTO_ANSWER_KEY = "phone/auto_answer"
ACW_KEY = "phone/acw_seconds"
DEFAULT_ACW_SECONDS = 30


@dataclass(frozen=True)
class SipLine:
    registrar: str = ""
    proxy: str = ""
    transport: str = "udp"
    domain: str = ""
    user: str = ""


@dataclass(frozen=True)
class PhonePreferences:
    """Device names as `list_devices()` reports them; "" is the system default."""

    capture_device: str = ""
    playback_device: str = ""
    ring_device: str = ""
    auto_answer: bool = False
    acw_seconds: int = DEFAULT_ACW_SECONDS


def load_sip_line() -> SipLine:
    try:
        settings = load_settings()
    except SettingsError as error:  # the sign-in already reported a broken file; the phone just has no line
        log.warning("SIP settings unreadable: %s", error)
        return SipLine()
    return SipLine(*(settings.get(f"sip.{name}") for name in ("registrar", "proxy", "transport", "domain", "user")))


@dataclass(frozen=True)
class MonitorMethod:
    """How supervisors monitor (`agent_app.settings` keys monitor.*): "client" (monitor requests to
    the agents' desktops) or "feature_code" (dial `feature_code`, a template, through the PBX)."""

    method: str = spec_for("monitor.method").default
    feature_code: str = spec_for("monitor.feature_code").default

    @property
    def uses_pbx(self) -> bool:
        return self.method == "feature_code"


def load_monitor_method() -> MonitorMethod:
    try:
        settings = load_settings()
    except SettingsError as error:  # reported at sign-in; monitoring falls back to the client method
        log.warning("monitoring settings unreadable: %s", error)
        return MonitorMethod()
    return MonitorMethod(settings.get("monitor.method"), settings.get("monitor.feature_code"))


def load_preferences() -> PhonePreferences:
    store = app_settings.settings()
    try:
        acw = int(store.value(ACW_KEY, DEFAULT_ACW_SECONDS))
    except (TypeError, ValueError):
        acw = DEFAULT_ACW_SECONDS
    return PhonePreferences(
        capture_device=str(store.value(CAPTURE_KEY, "") or ""),
        playback_device=str(store.value(PLAYBACK_KEY, "") or ""),
        ring_device=str(store.value(RING_KEY, "") or ""),
        auto_answer=str(store.value(AUTO_ANSWER_KEY, "false")).lower() == "true",
        acw_seconds=max(0, acw),
    )


def save_preferences(preferences: PhonePreferences) -> None:
    app_settings.settings().set_values({
        CAPTURE_KEY: preferences.capture_device,
        PLAYBACK_KEY: preferences.playback_device,
        RING_KEY: preferences.ring_device,
        AUTO_ANSWER_KEY: "true" if preferences.auto_answer else "false",
        ACW_KEY: preferences.acw_seconds,
    })


def host_port(uri: str) -> str:
    """`sip:pbx.example.com:5060;transport=udp` → `pbx.example.com:5060` (the engine adds the scheme)."""
    text = uri.strip()
    for scheme in ("sips:", "sip:"):
        if text.lower().startswith(scheme):
            text = text[len(scheme):]
            break
    return text.split(";", 1)[0].split("?", 1)[0].rsplit("@", 1)[-1]


def engine_config(preferences: PhonePreferences) -> EngineConfig:
    """Calls are recorded into the data folder: tickets registered during a call link to the file."""
    return EngineConfig(auto_answer=preferences.auto_answer, record_calls=True,
                        recordings_dir=user_data_dir() / "recordings")


def account_factory(line: SipLine):  # noqa: ANN201 - Callable[[str], AccountConfig]
    """What the phone bar registers for the extension the agent typed at hotline login."""
    registrar = host_port(line.registrar)
    domain = line.domain or registrar.split(":", 1)[0]
    transport: Transport = line.transport if line.transport in ("udp", "tcp", "tls") else "udp"  # type: ignore[assignment]

    def account_for(extension: str) -> AccountConfig:
        return AccountConfig(registrar=registrar, username=extension, domain=domain, transport=transport,
                             proxy=host_port(line.proxy) or None)

    return account_for


def null_audio_forced() -> bool:
    return os.environ.get(AUDIO_ENV, "").strip().lower() == "null"
