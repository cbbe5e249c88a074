"""翻页设置: page size, jump to page N, the total from `count` and where the list is scrolled to."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QWidget


class Pager(QWidget):
    page_size_changed = Signal(int)
    jump = Signal(int)  # the 1-based page to show

    def __init__(self, page_size: int = 50, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketPager")
        self._total: int | None = None
        self._page = 1
        self.summary = QLabel(objectName="pagerSummary")
        self.size_label = QLabel()
        self.size = QSpinBox(objectName="pageSize", minimum=10, maximum=500, singleStep=10, value=page_size)
        self.size.setKeyboardTracking(False)
        self.size.valueChanged.connect(self.page_size_changed)
        self.page_label = QLabel()
        self.page = QSpinBox(objectName="pageNumber", minimum=1, maximum=1)
        self.go = QPushButton(objectName="jumpButton")
        self.go.clicked.connect(lambda: self.jump.emit(self.page.value()))
        self.page.editingFinished.connect(lambda: self.page.hasFocus() and self.jump.emit(self.page.value()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        layout.addWidget(self.size_label)
        layout.addWidget(self.size)
        layout.addSpacing(16)
        layout.addWidget(self.page_label)
        layout.addWidget(self.page)
        layout.addWidget(self.go)
        self.retranslate()

    @property
    def page_size(self) -> int:
        return self.size.value()

    def pages(self) -> int:
        return max(1, math.ceil((self._total or 0) / self.page_size))

    def set_total(self, total: int | None) -> None:
        self._total = total
        self.page.setMaximum(self.pages())
        self._show()

    def set_position(self, first_row: int) -> None:
        """`first_row`: the absolute row at the top of the view (offset + visible row)."""
        self._page = first_row // self.page_size + 1
        self._show()

    def _show(self) -> None:
        if self._total is None:
            self.summary.setText(self.tr("Counting…"))
            return
        self.summary.setText(self.tr("%1 tickets, page %2 of %3").replace("%1", str(self._total))
                             .replace("%2", str(min(self._page, self.pages()))).replace("%3", str(self.pages())))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.size_label.setText(self.tr("Rows per page"))
        self.page_label.setText(self.tr("Go to page"))
        self.go.setText(self.tr("Go"))
        self._show()
