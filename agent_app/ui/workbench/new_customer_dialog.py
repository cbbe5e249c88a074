"""新建客户: create the caller as a customer when no customer has the number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from agent_app.domain.errors import ValidationError
from agent_app.services.customers import CustomerForm
from agent_app.ui.error_text import error_message
from agent_app.ui.i18n import current_language
from agent_app.ui.ops import CollectionOp
from agent_app.ui.workbench.reference import Reference, choice_label


class NewCustomerDialog(QDialog):
    created = Signal(int)  # the new customer's id

    def __init__(self, services: Any, actor: Any, reference: Reference, number: str, number_kind: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCustomerDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("New customer"))
        self._services = services
        self._actor = actor
        self.name = QLineEdit(self, objectName="newCustomerName")
        self.mobile = QLineEdit(number if number_kind == "mobile" else "", self, objectName="newCustomerMobile")
        self.phone = QLineEdit(number if number_kind != "mobile" else "", self, objectName="newCustomerPhone")
        self.address = QLineEdit(self, objectName="newCustomerAddress")
        self.meter_no = QLineEdit(self, objectName="newCustomerMeter")
        self.customer_type = QComboBox(self, objectName="newCustomerType")
        for choice in reference.customer_types:
            self.customer_type.addItem(choice_label(choice, current_language()), choice.code)
        self.area = QComboBox(self, objectName="newCustomerArea")
        self.area.setProperty("dataText", True)
        self.area.addItem("", None)
        for area in reference.areas:
            self.area.addItem(area.name, area.id)
        self.fields: dict[str, QWidget] = {"customer_name": self.name, "mobile": self.mobile, "phone": self.phone,
                                           "address": self.address, "meter_no": self.meter_no, "area_id": self.area}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for text, widget in ((self.tr("&Name"), self.name), (self.tr("&Mobile"), self.mobile),
                             (self.tr("&Landline"), self.phone), (self.tr("&Address"), self.address),
                             (self.tr("Me&ter no."), self.meter_no), (self.tr("Customer &type"), self.customer_type),
                             (self.tr("A&rea"), self.area)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.message = QLabel(self, objectName="dialogMessage")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(420, 0)

    def save(self) -> None:
        form = CustomerForm(
            name=self.name.text().strip(), mobile=self.mobile.text().strip() or None,
            phone=self.phone.text().strip() or None, address=self.address.text().strip() or None,
            meter_no=self.meter_no.text().strip() or None,
            customer_type=self.customer_type.currentData() or "resident", area_id=self.area.currentData(),
        )
        actor = self._actor
        self.buttons.setEnabled(False)
        CollectionOp(self, op=lambda: self._services.customers.create(actor, form), changes={"customers"},
                     success=self._created).failure(self._failed).run_in_background()

    def _created(self, customer_id: int) -> None:
        self.created.emit(customer_id)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_message(error))
        widget = self.fields.get(error.field) if isinstance(error, ValidationError) and error.field else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
