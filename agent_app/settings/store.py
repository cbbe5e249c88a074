"""The effective configuration: defaults, overridden by the machine file, overridden by the user's."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from agent_app.settings.files import machine_config_path, read_ini, user_config_path, write_value
from agent_app.settings.schema import SPECS, spec_for

log = logging.getLogger(__name__)

Origin = Literal["machine", "user", "default"]


@dataclass(frozen=True)
class Value:
    key: str
    value: str
    origin: Origin


class Settings:
    """A snapshot of the effective settings; `load_settings()` makes a fresh one."""

    def __init__(self, values: dict[str, Value], machine_path: Path, user_path: Path) -> None:
        self._values = values
        self.machine_path = machine_path
        self.user_path = user_path

    def get(self, key: str) -> str:
        spec_for(key)  # an unknown key is a programming error: say so
        return self._values[key].value

    def origin(self, key: str) -> Origin:
        spec_for(key)
        return self._values[key].origin

    def values(self) -> list[Value]:
        """Every known setting, in the documented order."""
        return [self._values[spec.key] for spec in SPECS]


def _layer(path: Path, origin: Origin, values: dict[str, Value]) -> None:
    parser = read_ini(path)
    for section in parser.sections():
        for name, raw in parser.items(section):
            key = f"{section}.{name}"
            if key not in values:
                # Tolerated so that an older program can read a newer installer's file.
                log.warning("%s: ignoring unknown setting %s", path, key)
                continue
            values[key] = Value(key, spec_for(key).validate(raw, str(path)), origin)


def load_settings() -> Settings:
    """Read both files now. Raises SettingsError when a file holds a value that is not allowed."""
    machine, user = machine_config_path(), user_config_path()
    values = {spec.key: Value(spec.key, spec.default, "default") for spec in SPECS}
    _layer(machine, "machine", values)
    _layer(user, "user", values)
    return Settings(values, machine, user)


def set_user_value(key: str, value: str | None) -> Path:
    """Store (or with None remove) a user-level override; returns the user file's path."""
    spec = spec_for(key)
    path = user_config_path()
    clean = None if value is None else spec.validate(value, "value")
    write_value(path, spec.section, spec.name, clean)
    return path
