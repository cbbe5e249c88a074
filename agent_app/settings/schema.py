"""The settings Agent Desk knows: their keys, defaults, allowed values and meaning.

Keys are `section.name`, matching the `[section]` and `name = value` lines of the ini files.
The table is the single source for validation, for `agent-app config` and for docs/deployment.md.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from agent_app.domain.errors import AgentDeskError


class SettingsError(AgentDeskError, ValueError):
    """A setting is unknown, malformed, or the configuration is incomplete.

    The detail names the file and key in the words of the configuration file (for IT); the
    sentence around it is in the user's language.
    """

    def __init__(self, detail: str, code: str = "settings_invalid", **params: object) -> None:
        self.detail = detail
        super().__init__(code, detail=detail, **params)

    def __str__(self) -> str:
        return self.detail


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: str
    help: str
    choices: tuple[str, ...] = ()
    integer: bool = False
    template: bool = False  # a PBX feature-code template: see check_feature_code

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]

    def validate(self, value: str, where: str) -> str:
        """The value, stripped, if it is allowed; otherwise SettingsError naming `where` it came from."""
        value = value.strip()
        if self.choices and value not in self.choices:
            raise SettingsError(f"{where}: {self.key} must be one of {', '.join(self.choices)}, not {value!r}")
        if self.integer and not (value.isascii() and value.isdigit() and 0 < int(value) < 65536):
            raise SettingsError(f"{where}: {self.key} must be a port number (1-65535), not {value!r}")
        if self.template:
            check_feature_code(value, f"{where}: {self.key}")
        return value


MONITOR_METHODS = ("client", "feature_code")
FEATURE_CODE_FIELDS = ("mode", "mode_digit", "extension")


def check_feature_code(template: str, where: str = "monitor.feature_code") -> None:
    """A feature-code template must name the agent's extension and only the fields it can be
    given (`{mode}` listen/whisper/barge, `{mode_digit}` 1/2/3, `{extension}`)."""
    try:
        fields = {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name is not None}
    except ValueError:  # an unmatched brace
        fields = {"{"}
    if "extension" not in fields or not fields <= set(FEATURE_CODE_FIELDS):
        raise SettingsError(f"{where} must contain {{extension}} and only {{mode}}, {{mode_digit}}, {{extension}}, "
                            f"not {template!r}", code="feature_code_invalid", template=template)


SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")

SPECS: tuple[SettingSpec, ...] = (
    SettingSpec("database.mode", "embedded", "embedded (SQLite in the user's data folder) or shared (PostgreSQL)",
                choices=("embedded", "shared")),
    SettingSpec("database.host", "", "PostgreSQL server host name or address (shared mode)"),
    SettingSpec("database.port", "5432", "PostgreSQL server port", integer=True),
    SettingSpec("database.database", "agentdesk", "database name"),
    SettingSpec("database.user", "", "database role; its password is in the keyring, service 'AgentDesk DB'"),
    SettingSpec("database.sslmode", "prefer", "libpq sslmode", choices=SSL_MODES),
    SettingSpec("sip.registrar", "", "SIP registrar, e.g. sip:pbx.example.com"),
    SettingSpec("sip.proxy", "", "outbound proxy, e.g. sip:sbc.example.com;lr (empty: none)"),
    SettingSpec("sip.transport", "udp", "SIP transport", choices=("udp", "tcp", "tls")),
    SettingSpec("sip.domain", "", "SIP domain (realm) of the agents' accounts"),
    SettingSpec("sip.user", "", "the agent's SIP account (usually per user); password in keyring 'AgentDesk SIP'"),
    SettingSpec("monitor.method", "client",
                "how supervisors listen/whisper/barge: client (the agents' desktops mix the audio, any PBX) or "
                "feature_code (the supervisor's phone dials a PBX code such as Asterisk ChanSpy)",
                choices=MONITOR_METHODS),
    SettingSpec("monitor.feature_code", "*22{mode_digit}{extension}",
                "the number dialled in feature_code mode: {extension} is the agent's extension, {mode_digit} "
                "1/2/3 and {mode} listen/whisper/barge", template=True),
    SettingSpec("updates.url", "", "URL of the update manifest (JSON); empty disables the update check"),
    SettingSpec("updates.dismissed", "", "the update version the user chose to skip (written by the app)"),
)

BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}


def spec_for(key: str) -> SettingSpec:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingsError(f"unknown setting {key!r}; known: {', '.join(BY_KEY)}") from None
