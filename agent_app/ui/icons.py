"""Icons from `resources/icons`."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QIcon

from agent_app.paths import resources_dir


@lru_cache(maxsize=None)
def icon(name: str) -> QIcon:
    """`name` is a file name under resources/icons, e.g. "app.svg"."""
    return QIcon(str(resources_dir() / "icons" / name))


def app_icon() -> QIcon:
    return icon("app.svg")
