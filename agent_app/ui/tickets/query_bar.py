"""快速查询: 登记时间, 发生地址, 描述, 来源渠道, 状态 with 查询, 高级查询 and 重置."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from agent_app.services.queries import TicketQuery
from agent_app.ui.tickets.date_range import DateRange
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.text import state_choices

STATUS_CATEGORIES = ("new", "open", "pending", "closed")


def fill_combo(combo: QComboBox, items: list[tuple[object, str]], any_text: str) -> None:
    """Replace the items, first "any" (data None); keep the chosen value if it is still offered."""
    kept = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(any_text, None)
    for value, text in items:
        combo.addItem(text, value)
    index = combo.findData(kept) if kept is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value) if value is not None else 0
    combo.setCurrentIndex(max(index, 0))


class QueryBar(QWidget):
    search = Signal()
    advanced = Signal()
    reset = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketQueryBar")
        self._lookups = Lookups()
        self.dates_label = QLabel()
        self.dates = DateRange()
        self.address_label = QLabel()
        self.address = QLineEdit(objectName="quickAddress")
        self.description_label = QLabel()
        self.description = QLineEdit(objectName="quickDescription")
        self.source_label = QLabel()
        self.source = QComboBox(objectName="quickSource")
        self.status_label = QLabel()
        self.status = QComboBox(objectName="quickStatus")
        self.search_button = QPushButton(objectName="searchButton")
        self.search_button.setDefault(True)
        self.advanced_button = QPushButton(objectName="advancedButton")
        self.reset_button = QPushButton(objectName="resetButton")
        for edit in (self.address, self.description):
            edit.setClearButtonEnabled(True)
            edit.returnPressed.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.advanced_button.clicked.connect(self.advanced)
        self.reset_button.clicked.connect(self.reset)

        # two lines, so that the bar fits a 1366-pixel screen next to the tree
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        pairs = ((self.dates_label, self.dates, 0, 0), (self.address_label, self.address, 0, 2),
                 (self.description_label, self.description, 0, 4), (self.source_label, self.source, 1, 0),
                 (self.status_label, self.status, 1, 2))
        for label, field, row, column in pairs:
            label.setBuddy(field if field is not self.dates else self.dates.enabled)
            layout.addWidget(label, row, column)
            layout.addWidget(field, row, column + 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.search_button)
        buttons.addWidget(self.advanced_button)
        buttons.addWidget(self.reset_button)
        layout.addLayout(buttons, 1, 4, 1, 2)
        layout.setColumnStretch(3, 1)
        layout.setColumnStretch(5, 1)
        self.retranslate()

    def set_lookups(self, lookups: Lookups) -> None:
        self._lookups = lookups
        self._fill_choices()

    def _fill_choices(self) -> None:
        fill_combo(self.source, list(self._lookups.options("source_channel")), self.tr("All"))
        categories = {"new": self.tr("Not started"), "open": self.tr("In progress"), "pending": self.tr("Waiting"),
                      "closed": self.tr("Finished")}
        states = [(code, label) for code, label in state_choices() if code not in STATUS_CATEGORIES]
        fill_combo(self.status, [*((c, categories[c]) for c in STATUS_CATEGORIES), *states], self.tr("All"))

    def apply_to(self, query: TicketQuery) -> TicketQuery:
        """`query` with the quick conditions of this bar."""
        start, end = self.dates.bounds()
        return dataclasses.replace(
            query, registered_from=start, registered_to=end,
            address=self.address.text().strip() or None, description=self.description.text().strip() or None,
            source_channel=self.source.currentData(), status=self.status.currentData(),
        )

    def load(self, query: TicketQuery) -> None:
        """Show the quick conditions of `query` (after the advanced dialog set them)."""
        self.dates.load(query.registered_from, query.registered_to)
        self.address.setText(query.address or "")
        self.description.setText(query.description or "")
        select_data(self.source, query.source_channel)
        select_data(self.status, query.status)

    def clear(self) -> None:
        self.load(TicketQuery())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.dates_label.setText(self.tr("Registered"))
        self.address_label.setText(self.tr("Address"))
        self.address.setPlaceholderText(self.tr("part of the address"))
        self.description_label.setText(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("words in the description"))
        self.source_label.setText(self.tr("Source"))
        self.status_label.setText(self.tr("Status"))
        self.search_button.setText(self.tr("Search"))
        self.advanced_button.setText(self.tr("Advanced…"))
        self.reset_button.setText(self.tr("Reset"))
        self._fill_choices()
