"""Where Agent Desk keeps things on disk.

One place decides the folders so that the desktop, the CLI, the frozen bundle and the tests agree.
`AGENT_APP_HOME` moves the per-user data folder (tests and portable installs use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "AgentDesk"
APP_AUTHOR = "AgentDesk"


def user_data_dir() -> Path:
    """The per-user data folder: the embedded database, drafts, attachments, recordings."""
    override = os.environ.get("AGENT_APP_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"
