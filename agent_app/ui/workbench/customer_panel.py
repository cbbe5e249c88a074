"""客户信息: who is calling. Filled by the page's screen-pop; offers a choice when several customers
share the number, "new customer" when none has it, and the panel's buttons (memo, my to-dos,
notices, customer details)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agent_app.services.lookup import CustomerCard
from agent_app.ui.i18n import current_language
from agent_app.ui.phone.click_to_dial import add_dial_menu
from agent_app.ui.workbench.reference import Reference

# CustomerCard attributes shown, in the order of seed 004 §4.2 (labels in _retranslate).
FIELDS = ("user_no", "name", "mobile", "customer_no", "customer_type", "address", "meter_no", "area_name")


class CustomerPanel(QWidget):
    customer_chosen = Signal(object)  # CustomerCard | None
    new_customer_requested = Signal()
    memo_requested = Signal()
    my_pending_requested = Signal()
    notices_requested = Signal()
    details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reference = Reference()
        self._customers: list[CustomerCard] = []
        self._state = "idle"  # idle | looking | none | one | several | invalid
        self._build()
        self.form.setRowVisible(self.ivr_trail, False)
        self.form.setRowVisible(self.chooser, False)
        self._show_card(None)
        self._retranslate()

    def _build(self) -> None:
        self.title = QLabel(self, objectName="sectionTitle")
        self.caller_label = QLabel(self)
        self.caller = QLabel(self, objectName="callerNumber")
        self.caller.setProperty("dataText", True)
        self.caller.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ivr_label = QLabel(self)
        self.ivr_trail = QLabel(self, objectName="ivrTrail")
        self.ivr_trail.setProperty("dataText", True)
        self.ivr_trail.setWordWrap(True)
        self.state_message = QLabel(self, objectName="customerState")
        self.state_message.setWordWrap(True)
        self.chooser_label = QLabel(self)
        self.chooser = QComboBox(self, objectName="customerChooser")
        self.chooser.setProperty("dataText", True)
        self.chooser_label.setBuddy(self.chooser)
        self.chooser.activated.connect(self._chosen)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(6)
        self.form.addRow(self.caller_label, self.caller)
        self.form.addRow(self.ivr_label, self.ivr_trail)
        self.form.addRow(self.chooser_label, self.chooser)
        self.field_labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for name in FIELDS:
            label = QLabel(self)
            value = QLabel(self, objectName=f"customer_{name}")
            value.setProperty("dataText", True)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.field_labels[name] = label
            self.values[name] = value
            self.form.addRow(label, value)
        for shown in (self.caller, self.values["mobile"]):  # right-click: dial this number
            add_dial_menu(shown, lambda _pos, label=shown: label.text())

        self.memo_button = QPushButton(self, objectName="memoButton")
        self.pending_button = QPushButton(self, objectName="myPendingButton")
        self.notices_button = QPushButton(self, objectName="noticesButton")
        self.details_button = QPushButton(self, objectName="customerDetailsButton")
        self.new_customer_button = QPushButton(self, objectName="newCustomerButton")
        self.memo_button.clicked.connect(self.memo_requested)
        self.pending_button.clicked.connect(self.my_pending_requested)
        self.notices_button.clicked.connect(self.notices_requested)
        self.details_button.clicked.connect(self.details_requested)
        self.new_customer_button.clicked.connect(self.new_customer_requested)
        buttons = QGridLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.memo_button, 0, 0)
        buttons.addWidget(self.pending_button, 0, 1)
        buttons.addWidget(self.notices_button, 1, 0)
        buttons.addWidget(self.details_button, 1, 1)
        buttons.addWidget(self.new_customer_button, 2, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addLayout(self.form)
        layout.addWidget(self.state_message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    # -- content ---------------------------------------------------------------------------
    def set_reference(self, reference: Reference) -> None:
        self._reference = reference
        self._show_card(self.current_customer())

    def show_caller(self, display: str, ivr_trail: str | None) -> None:
        """A call arrived (or the agent looks a number up): the number now, customers later."""
        self.caller.setText(display)
        self.ivr_trail.setText(ivr_trail or "")
        self.form.setRowVisible(self.ivr_trail, bool(ivr_trail))
        self._customers = []
        self._show_card(None)
        self.form.setRowVisible(self.chooser, False)
        self._state = "looking"
        self._retranslate()

    def show_invalid_number(self) -> None:
        self._state = "invalid"
        self._retranslate()

    def show_customers(self, customers: list[CustomerCard]) -> None:
        """One customer is shown at once; several are offered in the chooser (none chosen yet)."""
        self._customers = list(customers)
        self.chooser.clear()
        for card in customers:
            self.chooser.addItem(f"{card.name} · {card.user_no} · {card.address or ''}".rstrip(" ·"), card.id)
        several = len(customers) > 1
        self.form.setRowVisible(self.chooser, several)
        self.chooser.setCurrentIndex(-1)
        self._state = "several" if several else ("one" if customers else "none")
        chosen = customers[0] if len(customers) == 1 else None
        self._show_card(chosen)
        self._retranslate()
        if several:
            self.chooser.setFocus(Qt.FocusReason.OtherFocusReason)
        if len(customers) <= 1:
            self.customer_chosen.emit(chosen)

    def current_customer(self) -> CustomerCard | None:
        if len(self._customers) == 1:
            return self._customers[0]
        customer_id = self.chooser.currentData()
        return next((card for card in self._customers if card.id == customer_id), None)

    def _chosen(self, _index: int) -> None:
        card = self.current_customer()
        self._show_card(card)
        self.customer_chosen.emit(card)

    def _show_card(self, card: CustomerCard | None) -> None:
        for name, value in self.values.items():
            if card is None:
                value.setText("")
            elif name == "customer_type":
                value.setText(self._reference.customer_type_label(card.customer_type, current_language()))
            elif name == "mobile":
                value.setText(card.mobile or card.phone or "")
            else:
                value.setText(str(getattr(card, name) or ""))
        self.details_button.setEnabled(card is not None)

    # -- language --------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.title.setText(self.tr("Customer"))
        self.caller_label.setText(self.tr("Caller number"))
        self.ivr_label.setText(self.tr("IVR trail"))
        self.chooser_label.setText(self.tr("Ch&oose"))
        texts = {
            "user_no": self.tr("User no."), "name": self.tr("Customer name"), "mobile": self.tr("Mobile"),
            "customer_no": self.tr("Customer no."), "customer_type": self.tr("Customer type"),
            "address": self.tr("Address"), "meter_no": self.tr("Meter no."), "area_name": self.tr("Area"),
        }
        for name, text in texts.items():
            self.field_labels[name].setText(text)
        self.memo_button.setText(self.tr("&Memo"))
        self.pending_button.setText(self.tr("M&y to-dos"))
        self.notices_button.setText(self.tr("&Notices"))
        self.details_button.setText(self.tr("Customer &details"))
        self.new_customer_button.setText(self.tr("Ne&w customer"))
        messages = {
            "idle": self.tr("Waiting for a call."),
            "looking": self.tr("Looking up the caller…"),
            "none": self.tr("No customer has this number. Create one with New customer."),
            "several": self.tr("Several customers share this number: choose one above."),
            "invalid": self.tr("The caller's number is not a valid phone number."),
        }
        self.state_message.setText(messages.get(self._state, ""))
        self.state_message.setVisible(self._state in messages)
        self.new_customer_button.setProperty("suggested", self._state in ("none", "invalid"))
        self.new_customer_button.style().polish(self.new_customer_button)
        if self._customers:
            self._show_card(self.current_customer())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
