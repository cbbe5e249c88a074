"""服务登记: the hotline registration form of seed 004 §4.3, usable without the mouse.

Tab follows the reading order, every label has an Alt mnemonic, Ctrl+Enter (or Enter on the
submit button) submits and Esc clears after a confirmation. The service validates; its
`ValidationError.field` decides which field shows the message. Nothing typed is lost on a failed
submit, and the form's content is kept as a draft file (see `drafts.py`).

The page owns the call context: `set_defaults()` holds what the current call and customer imply
(source 热线, contact, number, customer fields); clearing the form returns to those defaults.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_app.domain.errors import ValidationError
from agent_app.services.tickets.registration import RegistrationForm
from agent_app.services.tickets.service import TicketRef
from agent_app.ui.error_text import error_message
from agent_app.ui.i18n import current_language
from agent_app.ui.ops import CollectionOp
from agent_app.ui.workbench.category_picker import CategoryPicker
from agent_app.ui.workbench.drafts import DraftStore
from agent_app.ui.workbench.reference import Reference, choice_label
from agent_app.ui.workbench.similar_tickets import SimilarTicketsPanel

TEXT_FIELDS = ("contact_name", "contact_phone", "meter_no", "customer_name", "address")
MEMO_FIELDS = ("description", "opinion")
CHOICE_FIELDS = ("source_channel", "urgency", "area_id")
# Set by the call and the customer, not typed: kept with the draft, shown only indirectly.
CONTEXT_FIELDS = ("caller_phone", "customer_id", "call_id", "call_time", "related_to", "related_number")


class RegistrationFormWidget(QWidget):
    submitted = Signal(object)  # TicketRef, after the ticket was written

    def __init__(self, services: Any, actor: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._reference = Reference()
        self._defaults: dict[str, Any] = {}
        self._context: dict[str, Any] = {}
        self._pending_choices: dict[str, Any] = {}
        self._last_number: str | None = None
        self._submitting = False
        self._build()
        self.drafts = DraftStore(actor.account, self.snapshot, self)
        self._connect_changes()
        self._retranslate()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel(self, objectName="sectionTitle")
        self.last_ticket = QLabel(self, objectName="lastTicket")
        self.last_ticket.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_ticket.hide()

        self.source_channel = QComboBox(self, objectName="sourceChannel")
        self.urgency = QComboBox(self, objectName="urgency")
        self.contact_name = QLineEdit(self, objectName="contactName")
        self.contact_phone = QLineEdit(self, objectName="contactPhone")
        self.category = CategoryPicker(self)
        self.customer_name = QLineEdit(self, objectName="customerName")
        self.meter_no = QLineEdit(self, objectName="meterNo")
        self.area_id = QComboBox(self, objectName="area")
        self.area_id.setProperty("dataText", True)  # area names are data
        self.address = QLineEdit(self, objectName="address")
        self.search_button = QPushButton(self, objectName="addressSearchButton")
        self.search_button.clicked.connect(self.search_similar)
        self.similar = SimilarTicketsPanel(self._services, self._actor, self)
        self.similar.link_requested.connect(self.link_to)
        self.related_label = QLabel(self, objectName="relatedLabel")
        self.unlink_button = QPushButton(self, objectName="unlinkButton", flat=True)
        self.unlink_button.clicked.connect(lambda: self.link_to(None, None))
        self.description = QPlainTextEdit(self, objectName="description")
        self.opinion = QPlainTextEdit(self, objectName="opinion")
        for memo in (self.description, self.opinion):
            memo.setTabChangesFocus(True)
        self.description.setMinimumHeight(70)
        self.opinion.setMinimumHeight(50)
        self.message = QLabel(self, objectName="formMessage")
        self.message.setWordWrap(True)
        self.submit_button = QPushButton(self, objectName="submitButton")
        self.submit_button.setAutoDefault(True)  # Enter on the focused button submits
        self.submit_button.setDefault(True)
        self.submit_button.clicked.connect(self.submit)
        self.clear_button = QPushButton(self, objectName="clearButton")
        self.clear_button.clicked.connect(self.confirm_clear)

        self.field_widgets: dict[str, QWidget] = {
            "source_channel": self.source_channel, "urgency": self.urgency, "contact_name": self.contact_name,
            "contact_phone": self.contact_phone, "caller_phone": self.contact_phone, "category_id": self.category,
            "customer_name": self.customer_name, "meter_no": self.meter_no, "area_id": self.area_id,
            "address": self.address, "description": self.description, "opinion": self.opinion,
            "related_to": self.address,
        }
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[QWidget, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setColumnMinimumWidth(2, 0)

        def place(name: str, widget: QWidget, row: int, column: int, span: int = 1) -> None:
            label = QLabel(self, objectName=f"label_{name}")
            label.setBuddy(widget.focusProxy() or widget)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            label.setContentsMargins(0, 6, 0, 0)
            self.labels[name] = label
            error = QLabel(self, objectName=f"error_{name}")
            error.setProperty("fieldError", True)
            error.setWordWrap(True)
            error.hide()
            self.errors[widget] = error
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(error)
            grid.addWidget(label, row, column)
            grid.addLayout(cell, row, column + 1, 1, span)

        place("source_channel", self.source_channel, 0, 0)
        place("urgency", self.urgency, 0, 2)
        place("contact_name", self.contact_name, 1, 0)
        place("contact_phone", self.contact_phone, 1, 2)
        place("category_id", self.category, 2, 0, 3)
        place("customer_name", self.customer_name, 3, 0)
        place("meter_no", self.meter_no, 3, 2)
        place("area_id", self.area_id, 4, 0)
        address_row = QWidget(self)
        address_layout = QHBoxLayout(address_row)
        address_layout.setContentsMargins(0, 0, 0, 0)
        address_layout.addWidget(self.address, 1)
        address_layout.addWidget(self.search_button)
        address_row.setFocusProxy(self.address)
        place("address", address_row, 5, 0, 3)
        self.errors[self.address] = self.errors.pop(address_row)
        grid.addWidget(self.similar, 6, 1, 1, 3)
        related = QHBoxLayout()
        related.addWidget(self.related_label)
        related.addWidget(self.unlink_button)
        related.addStretch(1)
        grid.addLayout(related, 7, 1, 1, 3)
        place("description", self.description, 8, 0, 3)
        place("opinion", self.opinion, 9, 0, 3)
        grid.setRowStretch(8, 2)
        grid.setRowStretch(9, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.submit_button)

        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.last_ticket)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addLayout(grid, 1)
        layout.addLayout(buttons)

        order = [self.source_channel, self.urgency, self.contact_name, self.contact_phone, *self.category.combos,
                 self.customer_name, self.meter_no, self.area_id, self.address, self.search_button,
                 self.similar.table, self.similar.link_button, self.description, self.opinion, self.submit_button,
                 self.clear_button]
        for first, second in zip(order, order[1:]):
            QWidget.setTabOrder(first, second)
        self.link_to(None, None)

        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.submit)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.confirm_clear)

    def _connect_changes(self) -> None:
        for name in TEXT_FIELDS:
            widget: QLineEdit = getattr(self, name)
            widget.textEdited.connect(lambda _text, w=widget: self._edited(w))
        for name in MEMO_FIELDS:
            widget = getattr(self, name)
            widget.textChanged.connect(lambda w=widget: self._edited(w))
        for name in CHOICE_FIELDS:
            widget = getattr(self, name)
            widget.activated.connect(lambda _index, w=widget: self._edited(w))
        self.category.changed.connect(lambda: self._edited(self.category))

    def _edited(self, widget: QWidget) -> None:
        self._set_error(widget, None)
        self.drafts.schedule()

    # -- reference data, defaults, drafts --------------------------------------------------
    def set_reference(self, reference: Reference) -> None:
        """Fill the choices (loaded in a worker by the page), keeping what is chosen."""
        chosen = {name: self._choice(name) for name in CHOICE_FIELDS}
        chosen_category = self.category.category_id()
        self._reference = reference
        self._fill_choices()
        self.category.set_categories(reference.categories)
        for name, value in {**chosen, **self._pending_choices}.items():
            if name == "category_id":
                self.category.set_category_id(value)
            elif value is not None:
                self._set_choice(name, value)
        if "category_id" not in self._pending_choices and chosen_category is not None:
            self.category.set_category_id(chosen_category)
        self._pending_choices = {}

    def _fill_choices(self) -> None:
        lang = current_language()
        for combo, choices in ((self.source_channel, self._reference.source_channels),
                               (self.urgency, self._reference.urgencies)):
            current = combo.currentData()
            combo.clear()
            for choice in choices:
                combo.addItem(choice_label(choice, lang), choice.code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        current_area = self.area_id.currentData()
        self.area_id.clear()
        self.area_id.addItem("", None)
        for area in self._reference.areas:
            self.area_id.addItem(area.name, area.id)
        self.area_id.setCurrentIndex(max(self.area_id.findData(current_area), 0))

    def _choice(self, name: str) -> Any:
        return getattr(self, name).currentData()

    def _set_choice(self, name: str, value: Any) -> None:
        combo: QComboBox = getattr(self, name)
        if combo.count() == 0:  # the reference data is still loading
            self._pending_choices[name] = value
            return
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    def set_defaults(self, values: dict[str, Any]) -> None:
        """What the current call and customer imply; applied now, and again after every clear."""
        self._defaults = dict(values)
        self.apply(values)

    def add_defaults(self, values: dict[str, Any]) -> None:
        """More of what the call implies, learnt later (its record): the other fields keep what
        was typed meanwhile."""
        self._defaults.update(values)
        self.apply(values)

    def apply(self, values: dict[str, Any]) -> None:
        """Put `values` (keys as in `snapshot()`) into the form; other fields stay as they are."""
        for name in TEXT_FIELDS:
            if name in values:
                getattr(self, name).setText(values[name] or "")
        for name in MEMO_FIELDS:
            if name in values:
                getattr(self, name).setPlainText(values[name] or "")
        for name in CHOICE_FIELDS:
            if name in values:
                self._set_choice(name, values[name])
        if "category_id" in values:
            if self.category.combos[0].count() <= 1 and values["category_id"] is not None:
                self._pending_choices["category_id"] = values["category_id"]
            else:
                self.category.set_category_id(values["category_id"])
        for name in CONTEXT_FIELDS:
            if name in values:
                self._context[name] = values[name]
        if "related_to" in values:
            self.link_to(values.get("related_to"), values.get("related_number"))
        self.drafts.schedule()

    def snapshot(self) -> dict[str, Any]:
        """The form's content as plain JSON values (for the draft file)."""
        values: dict[str, Any] = {name: getattr(self, name).text() for name in TEXT_FIELDS}
        values.update({name: getattr(self, name).toPlainText() for name in MEMO_FIELDS})
        values.update({name: self._pending_choices.get(name, self._choice(name)) for name in CHOICE_FIELDS})
        values["category_id"] = self._pending_choices.get("category_id", self.category.category_id())
        values.update({name: self._context.get(name) for name in CONTEXT_FIELDS})
        return values

    def restore_draft(self) -> bool:
        draft = self.drafts.load()
        if draft:
            self.apply({key: draft.get(key) for key in (*TEXT_FIELDS, *MEMO_FIELDS, *CHOICE_FIELDS,
                                                          "category_id", *CONTEXT_FIELDS)})
        return bool(draft)

    def clear(self) -> None:
        """Empty every field, then put back the call's defaults."""
        for name in TEXT_FIELDS:
            getattr(self, name).clear()
        for name in MEMO_FIELDS:
            getattr(self, name).clear()
        for name in CHOICE_FIELDS:
            combo: QComboBox = getattr(self, name)
            combo.setCurrentIndex(0 if combo.count() else -1)
        self._pending_choices = {}
        self.category.clear()
        self._context = {}
        self.link_to(None, None)
        self.similar.hide()
        self.show_errors(None)
        self.apply(self._defaults)
        self.drafts.flush()

    def confirm_clear(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Clear the form"),
                          self.tr("Clear everything entered in the registration form?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setObjectName("confirmClearBox")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda result: self.clear() if result == QMessageBox.StandardButton.Yes else None)
        box.open()

    # -- address search and linking --------------------------------------------------------
    def search_similar(self) -> None:
        keyword = self.address.text().strip()
        if not keyword:
            self.show_errors(ValidationError("required", field="address"))
            return
        self.similar.search(keyword)

    def link_to(self, ticket_id: int | None, number: str | None) -> None:
        self._context["related_to"] = ticket_id
        self._context["related_number"] = number if ticket_id is not None else None
        self.related_label.setVisible(ticket_id is not None)
        self.unlink_button.setVisible(ticket_id is not None)
        self._retranslate_related()
        if hasattr(self, "drafts"):
            self.drafts.schedule()

    def related_to(self) -> int | None:
        return self._context.get("related_to")

    # -- submitting ------------------------------------------------------------------------
    def form(self) -> RegistrationForm:
        def text(value: str) -> str | None:
            return value.strip() or None

        call_time = self._context.get("call_time")
        call_id = self._context.get("call_id")
        return RegistrationForm(
            description=self.description.toPlainText().strip(),
            category_id=self.category.category_id(),
            source_channel=self._choice("source_channel") or "",
            urgency=self._choice("urgency") or "normal",
            contact_name=text(self.contact_name.text()),
            contact_phone=text(self.contact_phone.text()),
            caller_phone=self._context.get("caller_phone"),
            area_id=self._choice("area_id"),
            meter_no=text(self.meter_no.text()),
            customer_id=self._context.get("customer_id"),
            customer_name=text(self.customer_name.text()),
            address=text(self.address.text()),
            opinion=text(self.opinion.toPlainText()),
            call_id=call_id if isinstance(call_id, int) else None,
            call_time=datetime.fromisoformat(call_time) if isinstance(call_time, str) and call_time else None,
            related_to=self._context.get("related_to"),
        )

    def submit(self) -> None:
        if self._submitting:
            return
        self.show_errors(None)
        self.drafts.flush()  # whatever happens next, the text is on disk
        form = self.form()
        actor = self._actor
        self._submitting = True
        self.submit_button.setEnabled(False)
        self.message.setText(self.tr("Submitting…"))
        CollectionOp(self, op=lambda: self._services.tickets.register(actor, form), changes={"tickets"},
                     success=self._submitted).failure(self._failed).run_in_background()

    def _submitted(self, ref: TicketRef) -> None:
        self._submitting = False
        self.submit_button.setEnabled(True)
        self._last_number = ref.number
        self.clear()
        self._retranslate_result()
        self.submitted.emit(ref)

    def _failed(self, error: Exception) -> None:
        self._submitting = False
        self.submit_button.setEnabled(True)
        self.show_errors(error)

    def show_errors(self, error: Exception | None) -> None:
        """The error next to the field it names (if any) and in the message line; None clears."""
        for widget in self.errors:
            self._set_error(widget, None)
        if error is None:
            self.message.clear()
            self.message.setProperty("error", False)
            return
        text = error_message(error)
        self.message.setText(text)
        self.message.setProperty("error", True)
        self.message.style().polish(self.message)
        self._last_number = None
        self.last_ticket.hide()
        field = getattr(error, "field", None)
        widget = self.field_widgets.get(field) if isinstance(error, ValidationError) and field else None
        if widget is not None:
            self._set_error(widget, text)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def field_error(self, field: str) -> str:
        """The message shown next to `field` ("" when none), for tests and accessibility."""
        label = self.errors.get(self.field_widgets[field])
        return label.text() if label is not None and not label.isHidden() else ""

    def _set_error(self, widget: QWidget, text: str | None) -> None:
        label = self.errors.get(widget)
        if label is None:
            return
        label.setText(text or "")
        label.setVisible(bool(text))
        widget.setProperty("invalid", bool(text))
        widget.style().polish(widget)

    # -- language --------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.title.setText(self.tr("Service registration"))
        texts = {
            "source_channel": self.tr("&Source"), "urgency": self.tr("&Urgency"),
            "contact_name": self.tr("Con&tact"), "contact_phone": self.tr("Contact p&hone"),
            "category_id": self.tr("Cate&gory"), "customer_name": self.tr("&Customer name"),
            "meter_no": self.tr("Mete&r no."), "area_id": self.tr("&Area"), "address": self.tr("Addr&ess"),
            "description": self.tr("Descr&iption"), "opinion": self.tr("O&pinion"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.address.setPlaceholderText(self.tr("Where it happens; Find lists tickets at similar addresses"))
        self.description.setPlaceholderText(self.tr("What the customer reports or asks for"))
        self.search_button.setText(self.tr("&Find"))
        self.search_button.setToolTip(self.tr("List tickets whose address contains this text (possible duplicates)"))
        self.unlink_button.setText(self.tr("Remove link"))
        self.submit_button.setText(self.tr("Su&bmit"))
        self.submit_button.setToolTip(self.tr("Submit the ticket; the shortcut works anywhere in the form"))
        self.clear_button.setText(self.tr("C&lear"))
        self.clear_button.setToolTip(self.tr("Clear the form after a confirmation"))
        self._retranslate_related()
        self._retranslate_result()
        if self._reference.source_channels:
            self._fill_choices()

    def _retranslate_related(self) -> None:
        number = self._context.get("related_number") or ""
        self.related_label.setText(self.tr("Related to ticket %1").replace("%1", number))

    def _retranslate_result(self) -> None:
        if self._last_number:
            self.last_ticket.setText(self.tr("Submitted. Ticket no. %1").replace("%1", self._last_number))
            self.message.setText(self.tr("Ticket %1 was registered.").replace("%1", self._last_number))
        self.last_ticket.setVisible(bool(self._last_number))

    def last_ticket_number(self) -> str | None:
        return self._last_number

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page (or closing the window) saves the draft without waiting."""
        self.drafts.flush()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

