"""新建关联工单 (seed 004 §5.2.5.4): register a new hotline ticket linked to the one on screen.

The caller's details are copied from that ticket; the agent writes the new request and picks its
category.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.tickets.detail import TicketDetail
from agent_app.services.tickets.registration import RegistrationForm
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import CollectionOp
from agent_app.ui.tickets.lookups import Lookups


class RelatedTicketDialog(QDialog):
    registered = Signal(object)  # TicketRef of the new ticket

    def __init__(self, services: Any, actor: Any, detail: TicketDetail, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("relatedTicketDialog")
        self.setWindowTitle(self.tr("New related ticket — %1").replace("%1", detail.ticket["number"]))
        self._services = services
        self._actor = actor
        self._detail = detail
        t = detail.ticket

        self.category = QComboBox(objectName="category")
        self.category.addItem(self.tr("Choose…"), None)
        for category_id, path in lookups.leaf_paths():
            self.category.addItem(path, category_id)
        self.source = QComboBox(objectName="source")
        for code, name in lookups.options("source_channel"):
            self.source.addItem(name, code)
        self.source.setCurrentIndex(max(0, self.source.findData(t.get("source_channel") or "hotline")))
        self.urgency = QComboBox(objectName="urgency")
        for code, name in lookups.options("urgency"):
            self.urgency.addItem(name, code)
        self.urgency.setCurrentIndex(max(0, self.urgency.findData(t.get("urgency") or "normal")))
        self.customer_name = QLineEdit(t.get("customer_name") or "", objectName="customerName")
        self.contact_name = QLineEdit(t.get("contact_name") or "", objectName="contactName")
        self.contact_phone = QLineEdit(t.get("contact_phone") or t.get("caller_phone") or "", objectName="contactPhone")
        self.address = QLineEdit(t.get("address") or "", objectName="address")
        self.description = QPlainTextEdit(objectName="description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(110)
        self.opinion = QPlainTextEdit(objectName="opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setFixedHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Service category *"), self.category)
        form.addRow(self.tr("Source"), self.source)
        form.addRow(self.tr("Urgency"), self.urgency)
        form.addRow(self.tr("Customer name"), self.customer_name)
        form.addRow(self.tr("Contact"), self.contact_name)
        form.addRow(self.tr("Contact phone *"), self.contact_phone)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Description *"), self.description)
        form.addRow(self.tr("Handling opinion"), self.opinion)
        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Submit"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())

    def form(self) -> RegistrationForm:
        t = self._detail.ticket

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return RegistrationForm(
            description=self.description.toPlainText().strip(), category_id=self.category.currentData(),
            source_channel=self.source.currentData() or "hotline", urgency=self.urgency.currentData() or "normal",
            contact_name=text(self.contact_name), contact_phone=text(self.contact_phone),
            customer_id=t.get("customer_id"), customer_name=text(self.customer_name), address=text(self.address),
            area_id=t.get("area_id"), meter_no=t.get("meter_no"),
            opinion=self.opinion.toPlainText().strip() or None, related_to=self._detail.id,
        )

    def submit(self) -> None:
        form = self.form()
        services, actor = self._services, self._actor
        self.ok.setEnabled(False)
        self.error.hide()
        CollectionOp(self, op=lambda: services.tickets.register(actor, form), changes={"tickets"},
                     success=self._succeeded).failure(self._failed).run_in_background()

    def _succeeded(self, ref: Any) -> None:
        self.registered.emit(ref)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        self.error.setText(error_message(error))
        self.error.show()
