"""The ticket tree (工单目录树): 我的工单, 所有工单 and 按类别, with live counts.

Which folders appear follows the actor's permissions the same way `QueryService.tree_counts` does;
the counts are reloaded through the ops runner whenever tickets change and on a timer (other
desktops change tickets too).
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from agent_app.ui.ops import QueryOp, runner

CONTEXT = "TicketTree"
FOLDER_ROLE = Qt.ItemDataRole.UserRole + 1
REFRESH_MS = 60_000
FIRST_COUNT_DELAY_MS = 500

MY = ("my_pending", "my_processed", "my_applications")
KINDS = ("consult", "business", "fault", "complaint", "other")
LABELS = {
    "mine": QT_TRANSLATE_NOOP("TicketTree", "My tickets"),
    "my_pending": QT_TRANSLATE_NOOP("TicketTree", "Pending"),
    "my_processed": QT_TRANSLATE_NOOP("TicketTree", "Processed"),
    "my_applications": QT_TRANSLATE_NOOP("TicketTree", "My applications"),
    "all": QT_TRANSLATE_NOOP("TicketTree", "All tickets"),
    "by_kind": QT_TRANSLATE_NOOP("TicketTree", "By category"),
    "kind:consult": QT_TRANSLATE_NOOP("TicketTree", "Enquiries"),
    "kind:business": QT_TRANSLATE_NOOP("TicketTree", "Service requests"),
    "kind:fault": QT_TRANSLATE_NOOP("TicketTree", "Fault reports"),
    "kind:complaint": QT_TRANSLATE_NOOP("TicketTree", "Complaints"),
    "kind:other": QT_TRANSLATE_NOOP("TicketTree", "Other"),
}


def folders_for(actor: Any) -> list[str]:
    """The folders this actor may open, in tree order."""
    folders = list(MY)
    if actor.can("ticket.view_all") or actor.provider_id is not None:
        folders.append("all")
    if actor.can("ticket.view_all"):
        folders.extend(f"kind:{kind}" for kind in KINDS)
    return folders


class TicketTree(QTreeView):
    folder_selected = Signal(str)

    def __init__(self, services: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketTree")
        self._services = services
        self._actor = actor
        self._counts: dict[str, int] = {}
        self._items: dict[str, QStandardItem] = {}
        self._loading = False
        self.folders = folders_for(actor)
        self.tree_model = QStandardItemModel(self)
        self._build()
        self.setModel(self.tree_model)
        self.setHeaderHidden(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.expandAll()
        self.selectionModel().currentChanged.connect(self._current_changed)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        runner().changed.connect(self._changed)
        # The counts come after the page's first paint and the list's first page, which they would
        # slow down: on a 2-core machine with the server on it, counting every folder (~100 ms of
        # the server) competed with the opening for the cores and froze it 50 ms and more.
        QTimer.singleShot(FIRST_COUNT_DELAY_MS, self, self.refresh)

    def _build(self) -> None:
        root = self.tree_model.invisibleRootItem()
        groups: dict[str, QStandardItem] = {}
        for folder in self.folders:
            group_key = "mine" if folder in MY else "by_kind" if folder.startswith("kind:") else None
            item = self._item(folder, selectable=True)
            if group_key is None:
                root.appendRow(item)
                continue
            if group_key not in groups:
                groups[group_key] = self._item(group_key, selectable=False)
                root.appendRow(groups[group_key])
            groups[group_key].appendRow(item)

    def _item(self, key: str, selectable: bool) -> QStandardItem:
        item = QStandardItem()
        item.setData(key, FOLDER_ROLE)
        item.setEditable(False)
        if not selectable:
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._items[key] = item
        self._set_text(key)
        return item

    @staticmethod
    def label(key: str) -> str:
        """The folder's name in the UI language, without its count."""
        return QCoreApplication.translate(CONTEXT, LABELS[key]) if key in LABELS else ""

    def _set_text(self, key: str) -> None:
        label = self.label(key)
        count = self._counts.get(key)
        self._items[key].setText(label if count is None else f"{label} ({count})")

    # -- selection ---------------------------------------------------------------------------
    def select_folder(self, folder: str) -> bool:
        item = self._items.get(folder)
        if item is None or folder not in self.folders:
            return False
        self.setCurrentIndex(item.index())
        return True

    def current_folder(self) -> str | None:
        folder = self.currentIndex().data(FOLDER_ROLE)
        return folder if folder in self.folders else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        folder = current.data(FOLDER_ROLE)
        if folder in self.folders:
            self.folder_selected.emit(folder)

    # -- counts ------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return dict(self._counts)

    def refresh(self) -> None:
        if self._loading:
            return
        self._loading = True
        services, actor = self._services, self._actor
        QueryOp(self, op=lambda: services.queries.tree_counts(actor), success=self._show_counts).failure(
            self._count_failed).run_in_background()

    def _show_counts(self, counts: dict[str, int]) -> None:
        self._loading = False
        self._counts = counts
        for key in self.folders:
            self._set_text(key)

    def _count_failed(self, _error: Exception) -> None:
        # Counts are a convenience: the list itself reports a broken connection.
        self._loading = False

    def _changed(self, changes: frozenset[str]) -> None:
        if shiboken6.isValid(self) and "tickets" in changes:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for key in self._items:
                self._set_text(key)
        super().changeEvent(event)
