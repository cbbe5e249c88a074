"""The desktop's own remembered state (last account, language, window layout) in an INI file.

It lives in the per-user data folder, so `AGENT_APP_HOME` isolates tests and portable installs.
Secrets never go here: passwords are in the system keyring (`agent_app.ui.sign_in.credentials`).

The GUI thread never touches the file after the first read. `QSettings.sync()` calls `fdatasync`
twice, and a QSettings read waits on the same per-file lock while another thread syncs: with the
disk busy (a database index build on the same machine) that stalled the window 80–220 ms at
sign-in and sign-out. So the file is read once into memory; reads come from there, and writes
update the memory at once and reach the file from a writer thread. `flush()` waits for the file
(at exit).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from agent_app.paths import user_data_dir

LANGUAGE_KEY = "ui/language"


class SettingsStore:
    """One INI file: its values in memory, written on a thread of its own."""

    def __init__(self, path: Path) -> None:
        self._path = str(path)
        file = QSettings(self._path, QSettings.Format.IniFormat)
        self._values: dict[str, Any] = {key: file.value(key) for key in file.allKeys()}
        self._lock = threading.Lock()
        self._queue: queue.Queue[dict[str, Any]] = queue.Queue()
        self._writer: threading.Thread | None = None

    def value(self, key: str, default: Any = None, type: type | None = None) -> Any:  # noqa: A002 - QSettings' name
        """Like `QSettings.value`; with `type=bool`, the INI file's "true"/"false" become booleans."""
        with self._lock:
            found = self._values.get(key)
        if found is None:
            return default
        if type is bool and isinstance(found, str):
            return found.lower() == "true"
        return found if type is None else type(found)

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Remember `values` now; they reach the file shortly after, in one write."""
        batch = dict(values)
        with self._lock:
            self._values.update(batch)
            if self._writer is None:
                self._writer = threading.Thread(target=self._write_loop, name="ui-settings", daemon=True)
                self._writer.start()
        self._queue.put(batch)

    def set_value(self, key: str, value: Any) -> None:
        self.set_values({key: value})

    def flush(self) -> None:
        """Wait until every value set so far is in the file."""
        self._queue.join()

    def _write_loop(self) -> None:
        file = QSettings(self._path, QSettings.Format.IniFormat)  # this thread's own object
        while True:
            batch = self._queue.get()
            try:
                for key, value in batch.items():
                    file.setValue(key, value)
                file.sync()
            finally:
                self._queue.task_done()


_stores: dict[Path, SettingsStore] = {}
_stores_lock = threading.Lock()


def settings() -> SettingsStore:
    """The store of the current data folder (tests switch folders between cases)."""
    path = user_data_dir() / "agent-desk-ui.ini"
    with _stores_lock:
        store = _stores.get(path)
        if store is None:
            store = _stores[path] = SettingsStore(path)
        return store


def flush() -> None:
    """Wait until every store's values are in their files."""
    with _stores_lock:
        stores = list(_stores.values())
    for store in stores:
        store.flush()


def user_key(account: str, name: str) -> str:
    """A per-user key, e.g. ``users/zhangsan/window/geometry``."""
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in account) or "_"
    return f"users/{safe}/{name}"
