"""Where the configuration files are, and reading and writing them.

Two layers, the later one winning: the machine-wide file that IT's installer writes, then the
user's own file. Both are ini files in UTF-8 (a UTF-16 file with a byte-order mark, as Windows
tools sometimes write, is read too).
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import platformdirs

from agent_app.paths import APP_AUTHOR, APP_NAME

FILE_NAME = "agent-desk.ini"
MACHINE_ENV = "AGENT_APP_MACHINE_CONFIG"
HOME_ENV = "AGENT_APP_HOME"


def machine_config_path() -> Path:
    """%PROGRAMDATA%\\AgentDesk\\agent-desk.ini on Windows, /etc/agent-desk/agent-desk.ini on Linux."""
    override = os.environ.get(MACHINE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        program_data = os.environ.get("PROGRAMDATA", r"C:\ProgramData")
        return Path(program_data) / APP_NAME / FILE_NAME
    if sys.platform.startswith("linux"):
        return Path("/etc/agent-desk") / FILE_NAME
    return Path(platformdirs.site_config_dir(APP_NAME, APP_AUTHOR)) / FILE_NAME


def user_config_path() -> Path:
    """The user's ini: in $AGENT_APP_HOME when set (like agent_app.paths), else the user config dir."""
    override = os.environ.get(HOME_ENV)
    folder = Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))
    return folder / FILE_NAME


def _new_parser() -> configparser.ConfigParser:
    # No interpolation: a '%' in a URL or a path must stay a '%'.
    return configparser.ConfigParser(interpolation=None)


def _decode(raw: bytes) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def read_ini(path: Path) -> configparser.ConfigParser:
    """The parsed file, or an empty parser when it does not exist."""
    parser = _new_parser()
    if path.is_file():
        parser.read_string(_decode(path.read_bytes()), source=str(path))
    return parser


def write_value(path: Path, section: str, name: str, value: str | None) -> None:
    """Set (or with None remove) one value in an ini file, keeping the other lines' values."""
    parser = read_ini(path)
    if value is None:
        if parser.has_section(section):
            parser.remove_option(section, name)
            if not parser.items(section):
                parser.remove_section(section)
    else:
        if not parser.has_section(section):
            parser.add_section(section)
        parser.set(section, name, value)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as stream:
        parser.write(stream)
    os.replace(temporary, path)
