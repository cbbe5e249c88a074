"""Click-to-dial from any page: pages offer "Dial" on a phone number, the softphone listens.

A page never holds the phone bar (it may not exist: no hotline permission, no SIP stack). It calls
`add_dial_menu(widget, number_at)`, whose context menu emits `dial_hub().dial_requested(number)`; the softphone connects that to `PhoneBar.dial_number` while it
runs, and `dial_hub().available` says whether anybody listens (the action is disabled otherwise).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QMenu, QWidget

_NOT_DIALLED = re.compile(r"[^0-9+*#]")


class DialHub(QObject):
    dial_requested = Signal(str)
    availability_changed = Signal(bool)

    def __init__(self) -> None:
        super().__init__()
        self._available = False

    @property
    def available(self) -> bool:
        return self._available

    def set_available(self, available: bool) -> None:
        if available != self._available:
            self._available = available
            self.availability_changed.emit(available)

    def dial(self, text: str) -> None:
        number = dialable(text)
        if number:
            self.dial_requested.emit(number)


_hub: DialHub | None = None


def dial_hub() -> DialHub:
    global _hub
    if _hub is None or not shiboken6.isValid(_hub):
        _hub = DialHub()
    return _hub


def dialable(text: str) -> str:
    """The digits to dial from a shown number: "020-8765 4321" → "02087654321"."""
    return _NOT_DIALLED.sub("", text or "")


def add_dial_menu(widget: QWidget, number_at: Callable[[QPoint], str]) -> None:
    """Right-click on `widget` offers "Dial <number>" for the number shown at that point."""
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_menu(pos: QPoint) -> None:
        number = dialable(number_at(pos))
        if not number:
            return
        menu = QMenu(widget)
        menu.setObjectName("dialMenu")
        action = menu.addAction(QCoreApplication.translate("ClickToDial", "Dial %1").replace("%1", number))
        action.setObjectName("dialAction")
        action.setEnabled(dial_hub().available)
        action.triggered.connect(lambda: dial_hub().dial(number))
        menu.popup(widget.mapToGlobal(pos))

    widget.customContextMenuRequested.connect(show_menu)
