"""高级查询: every condition of seed 004 §5.2.2 and seed 000 §3.3.8 over a copy of the current query."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from agent_app.domain.workflow.definitions import WORKFLOWS
from agent_app.services.queries import TicketQuery
from agent_app.ui.tickets.date_range import DateRange
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.query_bar import STATUS_CATEGORIES, fill_combo, select_data
from agent_app.ui.tickets.text import state_choices, type_text


class AdvancedQueryDialog(QDialog):
    def __init__(self, query: TicketQuery, lookups: Lookups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancedQuery")
        self.setWindowTitle(self.tr("Advanced search"))
        self._lookups = lookups
        self._query = dataclasses.replace(query)
        any_text = self.tr("All")

        def line(name: str) -> QLineEdit:
            edit = QLineEdit(objectName=name)
            edit.setClearButtonEnabled(True)
            return edit

        def combo(name: str, items: list[tuple[object, str]]) -> QComboBox:
            box = QComboBox(objectName=name)
            fill_combo(box, items, any_text)
            return box

        users = [(u.id, u.name) for u in lookups.users]
        categories = {"new": self.tr("Not started"), "open": self.tr("In progress"), "pending": self.tr("Waiting"),
                      "closed": self.tr("Finished")}
        states = [(c, categories[c]) for c in STATUS_CATEGORIES]
        states += [(code, label) for code, label in state_choices() if code not in STATUS_CATEGORIES]

        self.number = line("number")
        self.ticket_type = combo("ticketType", [(code, type_text(code)) for code in WORKFLOWS])
        self.dates = DateRange()
        self.address = line("address")
        self.description = line("description")
        self.source = combo("source", lookups.options("source_channel"))
        self.status = combo("status", states)
        self.handler = combo("handler", users)
        self.registrar = combo("registrar", users)
        self.dispatcher = combo("dispatcher", users)
        self.callback_result = combo("callbackResult", lookups.options("callback_result"))
        self.urgency = combo("urgency", lookups.options("urgency"))
        self.category1 = combo("category1", [(c.id, c.name) for c in lookups.categories_at(1)])
        self.category2 = combo("category2", [])
        self.category3 = combo("category3", [])
        self.related_number = line("relatedNumber")
        self.leftover = line("leftover")
        self.wechat_closed = combo("wechatClosed", [(True, self.tr("Yes")), (False, self.tr("No"))])
        self.caller_phone = line("callerPhone")
        self.customer_name = line("customerName")
        self.product_line = combo("productLine", lookups.options("product_line"))
        self.device_sn = line("deviceSn")
        self.engineer = combo("engineer", [(e.id, e.name) for e in lookups.engineers])
        self.area = combo("area", [(a.id, a.name) for a in lookups.areas])
        self.overdue = QCheckBox(self.tr("Overdue only"), objectName="overdue")
        self.category1.currentIndexChanged.connect(self._level1_changed)
        self.category2.currentIndexChanged.connect(self._level2_changed)

        fields: list[tuple[str, QWidget]] = [
            (self.tr("Ticket no."), self.number), (self.tr("Ticket type"), self.ticket_type),
            (self.tr("Registered"), self.dates), (self.tr("Status"), self.status),
            (self.tr("Address"), self.address), (self.tr("Description"), self.description),
            (self.tr("Source"), self.source), (self.tr("Urgency"), self.urgency),
            (self.tr("Category level 1"), self.category1), (self.tr("Category level 2"), self.category2),
            (self.tr("Category level 3"), self.category3), (self.tr("Area"), self.area),
            (self.tr("Handler"), self.handler), (self.tr("Registered by"), self.registrar),
            (self.tr("Dispatched by"), self.dispatcher), (self.tr("Callback result"), self.callback_result),
            (self.tr("Caller number"), self.caller_phone), (self.tr("Customer name"), self.customer_name),
            (self.tr("Related ticket no."), self.related_number), (self.tr("Outstanding issues"), self.leftover),
            (self.tr("WeChat hall ticket closed"), self.wechat_closed), (self.tr("Product line"), self.product_line),
            (self.tr("Device SN"), self.device_sn), (self.tr("Engineer"), self.engineer),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for index, (label_text, field) in enumerate(fields):
            row, pair = divmod(index, 2)
            label = QLabel(label_text)
            label.setBuddy(field if not isinstance(field, DateRange) else field.enabled)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(field, row, pair * 2 + 1)
        grid.addWidget(self.overdue, len(fields) // 2 + 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        buttons = QDialogButtonBox()
        self.search_button = buttons.addButton(self.tr("Search"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.search_button.setDefault(True)
        self.reset_button = QPushButton(self.tr("Reset"), objectName="resetAdvanced")
        self.reset_button.setAutoDefault(False)  # Enter searches
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(lambda: self._load(TicketQuery(folder=self._query.folder)))

        form = QFormLayout(self)
        form.addRow(grid)
        form.addRow(buttons)
        self.resize(820, 560)
        self._load(self._query)

    def _level1_changed(self) -> None:
        parent = self.category1.currentData()
        items = [(c.id, c.name) for c in self._lookups.categories_at(2, parent)] if parent else []
        fill_combo(self.category2, items, self.tr("All"))
        self._level2_changed()

    def _level2_changed(self) -> None:
        parent = self.category2.currentData()
        items = [(c.id, c.name) for c in self._lookups.categories_at(3, parent)] if parent else []
        fill_combo(self.category3, items, self.tr("All"))

    def _load(self, q: TicketQuery) -> None:
        self.number.setText(q.number or "")
        select_data(self.ticket_type, q.ticket_type)
        self.dates.load(q.registered_from, q.registered_to)
        self.address.setText(q.address or "")
        self.description.setText(q.description or "")
        select_data(self.source, q.source_channel)
        select_data(self.status, q.status)
        select_data(self.handler, q.handler_id)
        select_data(self.registrar, q.registrar_id)
        select_data(self.dispatcher, q.dispatcher_id)
        select_data(self.callback_result, q.callback_result)
        select_data(self.urgency, q.urgency)
        select_data(self.category1, q.category_l1_id)
        self._level1_changed()
        select_data(self.category2, q.category_l2_id)
        self._level2_changed()
        select_data(self.category3, q.category_id)
        self.related_number.setText(q.related_number or "")
        self.leftover.setText(q.leftover or "")
        select_data(self.wechat_closed, q.wechat_closed)
        self.caller_phone.setText(q.caller_phone or "")
        self.customer_name.setText(q.customer_name or "")
        select_data(self.product_line, q.product_line)
        self.device_sn.setText(q.device_sn or "")
        select_data(self.engineer, q.engineer_id)
        select_data(self.area, q.area_id)
        self.overdue.setChecked(bool(q.overdue))

    def query(self) -> TicketQuery:
        """The conditions entered, on the folder and sort order of the query the dialog was given."""
        start, end = self.dates.bounds()

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        return dataclasses.replace(
            self._query, number=text(self.number), ticket_type=self.ticket_type.currentData(),
            registered_from=start, registered_to=end, address=text(self.address),
            description=text(self.description), source_channel=self.source.currentData(),
            status=self.status.currentData(), handler_id=self.handler.currentData(),
            registrar_id=self.registrar.currentData(), dispatcher_id=self.dispatcher.currentData(),
            callback_result=self.callback_result.currentData(), urgency=self.urgency.currentData(),
            category_l1_id=self.category1.currentData(), category_l2_id=self.category2.currentData(),
            category_id=self.category3.currentData(), related_number=text(self.related_number),
            leftover=text(self.leftover), wechat_closed=self.wechat_closed.currentData(),
            caller_phone=text(self.caller_phone), customer_name=text(self.customer_name),
            product_line=self.product_line.currentData(), device_sn=text(self.device_sn),
            engineer_id=self.engineer.currentData(), area_id=self.area.currentData(),
            overdue=True if self.overdue.isChecked() else None,
        )
