"""The customer panel's small windows: memo (备忘录), notices (通知公告), customer details (客户详情).

Each loads or writes through the ops runner; they are opened with `open()` (window-modal, no
nested event loop) and delete themselves when closed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.lookup import CustomerCard
from agent_app.services.notes import NoticeRow
from agent_app.ui.error_text import error_message
from agent_app.ui.i18n import current_language
from agent_app.ui.ops import CollectionOp, QueryOp
from agent_app.ui.workbench.models import local_time
from agent_app.ui.workbench.reference import Reference


def _dialog_basics(dialog: QDialog, name: str) -> None:
    dialog.setObjectName(name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)


class MemoDialog(QDialog):
    """A memo written during the call, saved to the agent's memos (optionally about the customer)."""

    def __init__(self, services: Any, actor: Any, customer_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _dialog_basics(self, "memoDialog")
        self._services = services
        self._actor = actor
        self._customer_id = customer_id
        self.setWindowTitle(self.tr("Memo"))
        self.editor = QPlainTextEdit(self, objectName="memoText")
        self.editor.setPlaceholderText(self.tr("Write a note for yourself"))
        self.editor.setTabChangesFocus(True)
        self.message = QLabel(self, objectName="dialogMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(440, 260)

    def save(self) -> None:
        content = self.editor.toPlainText()
        actor, customer_id = self._actor, self._customer_id
        self.buttons.setEnabled(False)
        CollectionOp(self, op=lambda: self._services.notes.add_memo(actor, content, customer_id), changes={"memos"},
                     success=lambda _memo_id: self.accept()).failure(self._failed).run_in_background()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_message(error))


class NoticesDialog(QDialog):
    """The company's current notices, outage notices first."""

    def __init__(self, services: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _dialog_basics(self, "noticesDialog")
        self.setWindowTitle(self.tr("Notices"))
        self.browser = QTextBrowser(self, objectName="noticesText")
        self.browser.setProperty("dataText", True)
        self.browser.setPlainText(self.tr("Loading…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(560, 420)
        QueryOp(self, op=lambda: services.notes.notices(actor), success=self._show) \
            .failure(lambda error: self.browser.setPlainText(error_message(error))).run_in_background()

    def _show(self, notices: list[NoticeRow]) -> None:
        if not notices:
            self.browser.setPlainText(self.tr("There are no current notices."))
            return
        parts = []
        for notice in notices:
            when = local_time(notice.published_at)
            if notice.starts_at or notice.ends_at:
                start = local_time(notice.starts_at) if notice.starts_at else ""
                end = local_time(notice.ends_at) if notice.ends_at else ""
                when = f"{when}  ({start} – {end})"
            parts.append(f"<h3>{_escape(notice.title)}</h3><p style='color:#5b6b7b'>{when}</p>"
                         f"<p>{_escape(notice.content).replace(chr(10), '<br>')}</p>")
        self.browser.setHtml("<hr>".join(parts))


class CustomerDetailDialog(QDialog):
    """Everything the customer record holds, fetched fresh (the panel may show an older copy)."""

    def __init__(self, services: Any, actor: Any, customer_id: int, reference: Reference,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _dialog_basics(self, "customerDetailDialog")
        self._reference = reference
        self.setWindowTitle(self.tr("Customer details"))
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.message = QLabel(self.tr("Loading…"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(460, 360)
        QueryOp(self, op=lambda: services.lookup.customer(actor, customer_id), success=self._show) \
            .failure(lambda error: self.message.setText(error_message(error))).run_in_background()

    def _show(self, card: CustomerCard) -> None:
        self.message.hide()
        rows = [
            (self.tr("User no."), card.user_no), (self.tr("Customer no."), card.customer_no),
            (self.tr("Customer name"), card.name),
            (self.tr("Customer type"), self._reference.customer_type_label(card.customer_type, current_language())),
            (self.tr("Mobile"), card.mobile), (self.tr("Landline"), card.phone), (self.tr("Address"), card.address),
            (self.tr("Meter no."), card.meter_no), (self.tr("Area"), card.area_name),
        ]
        for label, value in rows:
            shown = QLabel(value or "—", self)
            shown.setProperty("dataText", True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, shown)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
