"""The registration draft of one user, kept in their data folder.

The form is written to `<user data>/drafts/workbench-<account>.json` shortly after every change,
so a half-typed registration survives closing the application, a crash and a dropped database
connection (a failed submit leaves the draft in place). The file is tiny and local: writing it on
the GUI thread does not touch the database.
"""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from agent_app.paths import user_data_dir

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


def draft_path(account: str) -> Path:
    return user_data_dir() / "drafts" / f"workbench-{_UNSAFE.sub('_', account) or 'user'}.json"


class DraftStore(QObject):
    """Debounced saving of whatever `snapshot()` returns; `load()` gives the saved content."""

    def __init__(self, account: str, snapshot: Callable[[], dict[str, Any]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = draft_path(account)
        self._snapshot = snapshot
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        app = QCoreApplication.instance()
        if app is not None:  # the last keystrokes before quitting are still inside the debounce
            app.aboutToQuit.connect(self._flush_if_pending)

    def schedule(self) -> None:
        """The form changed: save it a moment later (typing restarts the wait)."""
        self._timer.start()

    def _flush_if_pending(self) -> None:
        if self._timer.isActive():
            self.flush()

    def flush(self) -> None:
        """Save now. An empty form removes the draft."""
        self._timer.stop()
        content = {key: value for key, value in self._snapshot().items() if value not in (None, "", [])}
        try:
            if not content:
                self.path.unlink(missing_ok=True)
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(json.dumps(content, ensure_ascii=False, indent=1), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:
            log.exception("the registration draft could not be saved to %s", self.path)

    def load(self) -> dict[str, Any]:
        try:
            content = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.exception("the registration draft %s could not be read", self.path)
            return {}
        return content if isinstance(content, dict) else {}
