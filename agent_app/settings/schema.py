"""The settings Agent Desk knows: their keys, defaults, allowed values and meaning.

Keys are `section.name`, matching the `[section]` and `name = value` lines of the ini files.
The table is the single source for validation, for `agent-app config` and for docs/deployment.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent_app.domain.errors import AgentDeskError


class SettingsError(AgentDeskError, ValueError):
    """A setting is unknown, malformed, or the configuration is incomplete.

    The detail names the file and key in the words of the configuration file (for IT); the
    sentence around it is in the user's language.
    """

    def __init__(self, detail: str) -> None:
        self.detail = detail
        super().__init__("settings_invalid", detail=detail)

    def __str__(self) -> str:
        return self.detail


@dataclass(frozen=True)
class SettingSpec:
    key: str
    default: str
    help: str
    choices: tuple[str, ...] = ()
    integer: bool = False

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
        return value


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
    SettingSpec("updates.url", "", "URL of the update manifest (JSON); empty disables the update check"),
    SettingSpec("updates.dismissed", "", "the update version the user chose to skip (written by the app)"),
)

BY_KEY: dict[str, SettingSpec] = {spec.key: spec for spec in SPECS}


def spec_for(key: str) -> SettingSpec:
    try:
        return BY_KEY[key]
    except KeyError:
        raise SettingsError(f"unknown setting {key!r}; known: {', '.join(BY_KEY)}") from None
