"""The main window's status bar: who is signed in, for which company, on which database, and
whether the database still answers (a cheap periodic ping through the ops runner).

The event bus reports the loss and the return of its own connection (`bus_state`) at once; the
bar then pings immediately instead of waiting for its next round, so a database outage shows
within a second, and so does its end.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from agent_app.ui.ops import QueryOp
from agent_app.ui.session import Session

CONNECTED_INTERVAL_MS = 30_000
# After a failed ping, try again sooner so that the bar turns green soon after the network is back.
DISCONNECTED_INTERVAL_MS = 5_000
MAX_LOCATION_PX = 360  # a long file path is elided in the middle; the tooltip has all of it


def ping(services: Any) -> None:
    """One round trip to the database; raises when it does not answer."""
    services.ping()


class _BusInbox(QObject):
    """Lives on the GUI thread; `bus_state` emitted from the bus's thread is queued to it."""

    bus_state = Signal()


class SessionStatusBar(QStatusBar):
    def __init__(self, session: Session, interval_ms: int = CONNECTED_INTERVAL_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionStatusBar")
        self.setSizeGripEnabled(False)
        self._session = session
        self._interval_ms = interval_ms
        self._connected = True
        self._pinging = False
        self._ping_again = False
        self.user_label = self._data_label("statusUser")
        self.company_label = self._data_label("statusCompany")
        self.database_kind_label = QLabel(objectName="statusDatabaseKind")
        self.database_label = self._data_label("statusDatabase")
        self.connection_label = QLabel(objectName="statusConnection")
        for label in (self.user_label, self.company_label, self.database_kind_label, self.database_label,
                      self.connection_label):
            self.addPermanentWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_connection)
        self._timer.start()
        inbox = self._inbox = _BusInbox(self)
        inbox.bus_state.connect(self.check_connection, Qt.ConnectionType.QueuedConnection)
        unsubscribe = session.services.events.subscribe(
            session.actor.company_id, lambda event: inbox.bus_state.emit() if event.kind == "bus_state" else None)
        self.destroyed.connect(unsubscribe)
        self.retranslate()

    def _data_label(self, name: str) -> QLabel:
        label = QLabel(objectName=name)
        label.setProperty("dataText", True)
        return label

    @property
    def connected(self) -> bool:
        return self._connected

    def check_connection(self) -> None:
        """Ping now; if a ping is still on its way (a dead server can take seconds to say so),
        ping again as soon as it returns: its answer may be older than the news."""
        if self._pinging:
            self._ping_again = True
            return
        self._pinging = True
        services = self._session.services
        QueryOp(self, op=lambda: ping(services), success=lambda _none: self._set_connected(True)).failure(
            lambda _error: self._set_connected(False)
        ).run_in_background()

    def _set_connected(self, connected: bool) -> None:
        self._pinging = False
        self._connected = connected
        self._timer.setInterval(self._interval_ms if connected else min(self._interval_ms, DISCONNECTED_INTERVAL_MS))
        self.retranslate()
        if self._ping_again:
            self._ping_again = False
            self.check_connection()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        actor = self._session.actor
        database = self._session.database
        self.user_label.setText(f"{actor.name} ({actor.account})")
        self.company_label.setText(str(getattr(actor, "company_name", "") or ""))
        self.company_label.setVisible(bool(self.company_label.text()))
        self.database_kind_label.setText(
            self.tr("Embedded database") if database.embedded else self.tr("Shared database")
        )
        self.database_label.setText(self.database_label.fontMetrics().elidedText(
            database.where, Qt.TextElideMode.ElideMiddle, MAX_LOCATION_PX))
        self.database_label.setToolTip(database.where)
        self.connection_label.setText(self.tr("Connected") if self._connected else self.tr("Disconnected"))
        self.connection_label.setProperty("state", "ok" if self._connected else "down")
        self.connection_label.style().unpolish(self.connection_label)
        self.connection_label.style().polish(self.connection_label)
