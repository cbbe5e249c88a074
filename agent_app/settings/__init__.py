"""Machine-wide and per-user configuration, and the secrets that go with it.

The machine file (written by the installer, see docs/deployment.md) sets site defaults; the user's
file overrides single keys (`agent-app config set KEY VALUE`). Passwords are only in the keyring.
"""

from agent_app.settings.files import machine_config_path, user_config_path
from agent_app.settings.profile import effective_database_url
from agent_app.settings.schema import SPECS, SettingsError, SettingSpec
from agent_app.settings.secrets import SERVICES, get_password, password_status, set_password
from agent_app.settings.store import Settings, Value, load_settings, set_user_value

__all__ = [
    "SERVICES",
    "SPECS",
    "SettingSpec",
    "Settings",
    "SettingsError",
    "Value",
    "effective_database_url",
    "get_password",
    "load_settings",
    "machine_config_path",
    "password_status",
    "set_password",
    "set_user_value",
    "user_config_path",
]
