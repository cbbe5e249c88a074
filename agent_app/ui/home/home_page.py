"""The home page: six figures for the chosen month and the per-area table beneath them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.reports.home import HomeStatistics
from agent_app.ui.home.area_model import SORT_ROLE, AreaModel, percent
from agent_app.ui.ops import QueryOp, runner


class FigureCard(QFrame):
    """One figure: a big number and its caption."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—", self)
        self.value.setObjectName("figureValue")
        self.value.setProperty("dataText", True)
        self.value.setStyleSheet("font-size: 26px; font-weight: 600; color: #1f5fa8;")
        self.caption = QLabel(self)
        self.caption.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)


class HomePage(QWidget):
    FIGURES = ("complaints", "government", "unfinished", "after_sales_rate", "complaint_rate", "answer_rate")

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001 - ui.session.Session
        super().__init__(parent)
        self._session = session
        self.month = QDateEdit(self)
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.setDate(QDate.currentDate())
        self.month.dateChanged.connect(self.reload)
        self.refresh = QPushButton(self)
        self.refresh.clicked.connect(self.reload)
        self.month_label = QLabel(self)
        self.month_label.setBuddy(self.month)
        bar = QHBoxLayout()
        bar.addWidget(self.month_label)
        bar.addWidget(self.month)
        bar.addWidget(self.refresh)
        bar.addStretch(1)
        self.cards = {name: FigureCard(self) for name in self.FIGURES}
        grid = QGridLayout()
        for index, name in enumerate(self.FIGURES):
            grid.addWidget(self.cards[name], 0, index)
        self.model = AreaModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table_title = QLabel(self)
        self.table_title.setStyleSheet("font-weight: 600;")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(grid)
        layout.addWidget(self.table_title)
        layout.addWidget(self.table, 1)
        self.statistics: HomeStatistics | None = None
        self._retranslate()
        runner().changed.connect(self._on_changed)
        self.reload()

    def reload(self) -> None:
        chosen = self.month.date()
        month = date(chosen.year(), chosen.month(), 1)
        services, actor = self._session.services, self._session.actor
        QueryOp(self, op=lambda: services.home.statistics(actor, month), success=self._show).run_in_background()

    def _on_changed(self, what: frozenset[str]) -> None:
        if "tickets" in what:
            self.reload()

    def _show(self, statistics: HomeStatistics) -> None:
        self.statistics = statistics
        c = statistics.company
        shown = {
            "complaints": str(c.complaints), "government": str(c.government), "unfinished": str(c.unfinished),
            "after_sales_rate": percent(c.after_sales_rate), "complaint_rate": percent(c.complaint_rate),
            "answer_rate": percent(statistics.answer_rate),
        }
        for name, text in shown.items():
            self.cards[name].value.setText(text)
        self.model.set_rows(statistics.areas)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.month_label.setText(self.tr("&Month"))
        self.refresh.setText(self.tr("Refresh"))
        self.table_title.setText(self.tr("Tickets by management area"))
        captions = {
            "complaints": self.tr("Complaints"), "government": self.tr("Government referrals"),
            "unfinished": self.tr("Unfinished tickets"), "after_sales_rate": self.tr("After-sales handled on time"),
            "complaint_rate": self.tr("Complaints handled on time"), "answer_rate": self.tr("Calls answered"),
        }
        for name, text in captions.items():
            self.cards[name].caption.setText(text)
        self.model.retranslate()
