"""工单详情 (seed 004 §5.2.5, seed 000 §3.3.9): the ticket's information, history, flow, related
tickets, attachments and work-order records, with a button for exactly each action the services
allow this user now.

Every action passes the version shown here; when someone else changed the ticket meanwhile the
service refuses (ConflictError), the user is told, and the detail reloads: nothing is overwritten.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.tickets.detail import TicketDetail
from agent_app.ui.error_text import error_message, show_error
from agent_app.ui.ops import QueryOp, runner
from agent_app.ui.tickets.action_form import ActionForm
from agent_app.ui.tickets.detail_info import InfoView
from agent_app.ui.tickets.detail_tables import (
    attachments_model,
    callbacks_model,
    history_model,
    links_model,
    suspensions_model,
    work_logs_model,
)
from agent_app.ui.tickets.flow_strip import FlowStrip
from agent_app.ui.tickets.lookups import Lookups, load_lookups
from agent_app.ui.tickets.printing import detail_html, print_html, write_pdf
from agent_app.ui.tickets.records_model import RecordsModel
from agent_app.ui.tickets.related_ticket import RelatedTicketDialog
from agent_app.ui.tickets.text import action_text, status_text, type_text

_download_dir: Path | None = None


def _downloads() -> Path:
    """One private temporary folder per run for opened attachments."""
    global _download_dir
    if _download_dir is None:
        _download_dir = Path(tempfile.mkdtemp(prefix="agent-desk-attachments-"))
    return _download_dir


def _table(model: RecordsModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


class TicketDetailDialog(QDialog):
    open_ticket = Signal(int)  # a related ticket to open
    loaded = Signal()  # each time the detail was (re)loaded and shown
    attachment_saved = Signal(str)  # the temporary file an opened attachment was written to

    def __init__(self, services: Any, actor: Any, ticket_id: int, lookups: Lookups | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketDetail")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._services = services
        self._actor = actor
        self.ticket_id = ticket_id
        self._lookups = lookups or Lookups()
        self.detail: TicketDetail | None = None
        self.action_buttons: dict[str, QPushButton] = {}
        self.form: ActionForm | None = None
        self._build()
        self.retranslate()
        self.resize(1180, 780)
        runner().changed.connect(self._changed)
        if not self._lookups.choices:
            QueryOp(self, op=lambda: load_lookups(services, actor), success=self._lookups_loaded).run_in_background()
        self.reload()

    # -- building ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(objectName="detailTitle")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.title.setProperty("dataText", True)
        self.subtitle = QLabel(objectName="detailSubtitle")
        self.subtitle.setStyleSheet("color: #5b6b7b;")
        self.subtitle.setProperty("dataText", True)
        self.recording = QPushButton(objectName="playRecording")
        self.recording.clicked.connect(self._play_recording)
        self.recording.hide()
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.subtitle)
        top.addStretch(1)
        top.addWidget(self.recording)

        self.flow = FlowStrip()
        self.info = InfoView()
        self.history = history_model(lambda: self.detail.ticket["ticket_type"] if self.detail else "hotline",
                                     lambda: self._lookups, self)
        self.links = links_model(self)
        self.attachments = attachments_model(self)
        self.work_logs = work_logs_model(self)
        self.suspensions = suspensions_model(self)
        self.callbacks = callbacks_model(lambda: self._lookups, self)

        self.history_view = _table(self.history, "historyView")
        for column, width in enumerate((150, 80, 80, 110, 80, 220, 440)):
            self.history_view.setColumnWidth(column, width)
        self.links_view = _table(self.links, "linksView")
        self.links_view.setColumnWidth(0, 180)
        self.links_view.doubleClicked.connect(self._open_link)
        self.attachments_view = _table(self.attachments, "attachmentsView")
        self.attachments_view.setColumnWidth(0, 320)
        self.attachments_view.setColumnWidth(1, 140)
        self.attachments_view.doubleClicked.connect(lambda index: self.open_attachment(index.row()))
        self.work_logs_view = _table(self.work_logs, "workLogsView")
        self.suspensions_view = _table(self.suspensions, "suspensionsView")
        self.callbacks_view = _table(self.callbacks, "callbacksView")

        self.open_link_button = QPushButton(objectName="openLink")
        self.open_link_button.clicked.connect(lambda: self._open_link(self.links_view.currentIndex()))
        links_page = self._with_buttons(self.links_view, [self.open_link_button])
        self.open_attachment_button = QPushButton(objectName="openAttachment")
        self.open_attachment_button.clicked.connect(
            lambda: self.open_attachment(self.attachments_view.currentIndex().row()))
        self.add_attachment_button = QPushButton(objectName="addAttachment")
        self.add_attachment_button.clicked.connect(lambda: self.start_action("attach"))
        attachments_page = self._with_buttons(self.attachments_view,
                                              [self.open_attachment_button, self.add_attachment_button])

        self.tabs = QTabWidget(objectName="detailTabs")
        self.tabs.addTab(self.info, "")
        self.tabs.addTab(self.history_view, "")
        self.tabs.addTab(links_page, "")
        self.tabs.addTab(attachments_page, "")
        self.tabs.addTab(self.work_logs_view, "")
        self.tabs.addTab(self.suspensions_view, "")
        self.tabs.addTab(self.callbacks_view, "")

        self.actions_bar = QHBoxLayout()
        self.actions_bar.setSpacing(6)
        self.related_button = QPushButton(objectName="newRelated")
        self.related_button.clicked.connect(self.new_related_ticket)
        self.related_button.setVisible(self._actor.can("ticket.register"))
        self.print_button = QPushButton(objectName="printTicket")
        self.print_button.clicked.connect(self.print_ticket)
        self.pdf_button = QPushButton(objectName="exportPdf")
        self.pdf_button.clicked.connect(self._choose_pdf)
        self.close_button = QPushButton(objectName="closeDetail")
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addLayout(self.actions_bar)
        bottom.addStretch(1)
        for button in (self.related_button, self.print_button, self.pdf_button, self.close_button):
            bottom.addWidget(button)

        self.status = QLabel(objectName="detailStatus")
        self.status.setStyleSheet("color: #5b6b7b;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.flow)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addLayout(bottom)

    @staticmethod
    def _with_buttons(view: QTableView, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(view, 1)
        return page

    # -- loading -----------------------------------------------------------------------------
    def reload(self) -> None:
        services, actor, ticket_id = self._services, self._actor, self.ticket_id
        self._set_busy(True)
        QueryOp(self, op=lambda: services.tickets.detail(actor, ticket_id), success=self.show_detail).failure(
            self._load_failed).run_in_background()

    def _load_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.status.setText(error_message(error))

    def _lookups_loaded(self, lookups: Lookups) -> None:
        self._lookups = lookups
        if self.detail is not None:
            self.show_detail(self.detail)

    def show_detail(self, detail: TicketDetail) -> None:
        self.detail = detail
        t = detail.ticket
        self.setWindowTitle(self.tr("Ticket %1").replace("%1", t["number"]))
        self.title.setText(t["number"])
        self.subtitle.setText(f"{type_text(t['ticket_type'])} · {status_text(t['ticket_type'], t['status'])}"
                              f" · {t.get('category_path') or ''}".rstrip(" ·"))
        self.flow.show_milestones(detail.milestones)
        self.info.show_detail(detail, self._lookups)
        self.history.set_records(detail.history)
        self.links.set_records(detail.links)
        self.attachments.set_records(detail.attachments)
        self.work_logs.set_records(detail.work_logs)
        self.suspensions.set_records(detail.suspensions)
        self.callbacks.set_records(detail.callbacks)
        work_order = t["ticket_type"] != "hotline"
        self.tabs.setTabVisible(4, work_order)
        self.tabs.setTabVisible(5, work_order)
        self.tabs.setTabVisible(6, not work_order)
        self.recording.setVisible(bool(detail.recording_path))
        self._show_actions(detail.allowed_actions)
        self._set_busy(False)
        self.retranslate_tabs()
        self.loaded.emit()

    def _show_actions(self, allowed: list[str]) -> None:
        for button in self.action_buttons.values():
            self.actions_bar.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for action in allowed:
            button = QPushButton(action_text(action), objectName=f"action_{action}")
            button.clicked.connect(lambda _checked=False, code=action: self.start_action(code))
            self.actions_bar.addWidget(button)
            self.action_buttons[action] = button
        self.add_attachment_button.setEnabled("attach" in allowed)

    def _set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Loading…") if busy else "")
        for button in self.action_buttons.values():
            button.setEnabled(not busy)

    def _changed(self, changes: frozenset[str]) -> None:
        if shiboken6.isValid(self) and "tickets" in changes and self.form is None:
            self.reload()

    # -- actions -----------------------------------------------------------------------------
    def start_action(self, action: str) -> ActionForm | None:
        """Open the form of `action` (one of the allowed ones) for the detail shown now."""
        if self.detail is None or action not in self.detail.allowed_actions:
            return None
        form = ActionForm(self._services, self._actor, self.detail, action, self._lookups, self)
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.performed.connect(self._performed)
        form.conflict.connect(self._conflict)
        form.finished.connect(self._form_closed)
        self.form = form
        form.open()
        return form

    def _form_closed(self, _result: int) -> None:
        self.form = None

    def _performed(self, _ref: Any) -> None:
        # The op's "tickets" change follows at once and reloads this detail (see `_changed`).
        self.form = None

    def _conflict(self, error: Exception) -> None:
        """Someone else changed the ticket: say so, then show what it is now."""
        self.form = None
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Ticket changed"),
                          error_message(error) + "\n" + self.tr("The ticket has been reloaded; nothing was saved."),
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("conflictBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.reload()

    def new_related_ticket(self) -> RelatedTicketDialog | None:
        if self.detail is None:
            return None
        dialog = RelatedTicketDialog(self._services, self._actor, self.detail, self._lookups, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.registered.connect(lambda ref: self.open_ticket.emit(ref.id))
        dialog.open()
        return dialog

    def _open_link(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_ticket.emit(self.links.record(index.row()).ticket_id)

    # -- attachments and recording -----------------------------------------------------------
    def open_attachment(self, row: int) -> None:
        """Fetch the file, write it to a private temporary folder and open it with its application."""
        if not 0 <= row < self.attachments.rowCount():
            return
        attachment_id = self.attachments.record(row).id
        services, actor = self._services, self._actor

        def fetch() -> str:
            info, data = services.tickets.attachment_content(actor, attachment_id)
            folder = _downloads() / str(info.id)
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / Path(info.filename).name
            path.write_bytes(data)
            return str(path)

        QueryOp(self, op=fetch, success=self._attachment_ready).run_in_background()

    def _attachment_ready(self, path: str) -> None:
        self.attachment_saved.emit(path)
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _play_recording(self) -> None:
        if self.detail is not None and self.detail.recording_path:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self.detail.recording_path))

    # -- printing ----------------------------------------------------------------------------
    def html(self) -> str:
        return detail_html(self.detail, self._lookups) if self.detail is not None else ""

    def print_ticket(self) -> None:
        if self.detail is not None:
            print_html(self, self.html())

    def _choose_pdf(self) -> None:
        if self.detail is None:
            return
        default = str(Path.home() / f"{self.detail.ticket['number']}.pdf")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), default, self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(path)

    def export_pdf(self, path: str) -> None:
        try:
            write_pdf(path, self.html())
        except OSError as error:
            show_error(self, error)
            return
        self.status.setText(self.tr("Saved %1").replace("%1", path))

    # -- language ----------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate_tabs(self) -> None:
        counts = {2: self.links.rowCount(), 3: self.attachments.rowCount(), 4: self.work_logs.rowCount(),
                  5: self.suspensions.rowCount(), 6: self.callbacks.rowCount()}
        names = [self.tr("Information"), self.tr("History"), self.tr("Related tickets"), self.tr("Attachments"),
                 self.tr("Work logs"), self.tr("Suspensions"), self.tr("Callbacks")]
        for index, name in enumerate(names):
            count = counts.get(index)
            self.tabs.setTabText(index, f"{name} ({count})" if count else name)

    def retranslate(self) -> None:
        self.recording.setText(self.tr("Play recording"))
        self.open_link_button.setText(self.tr("Open ticket"))
        self.open_attachment_button.setText(self.tr("Open"))
        self.add_attachment_button.setText(self.tr("Add attachment…"))
        self.related_button.setText(self.tr("New related ticket"))
        self.print_button.setText(self.tr("Print…"))
        self.pdf_button.setText(self.tr("Save as PDF…"))
        self.close_button.setText(self.tr("Close window"))
        self.retranslate_tabs()
        for model in (self.history, self.links, self.attachments, self.work_logs, self.suspensions, self.callbacks):
            model.retranslate()
        if self.detail is not None:
            self.show_detail(self.detail)
        else:
            self.setWindowTitle(self.tr("Ticket"))
