"""The column chooser (列表自定义): tick the columns to show and drag them into order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_app.ui.tickets.columns import Column, header

COLUMN_ROLE = Qt.ItemDataRole.UserRole + 1


class ColumnChooser(QDialog):
    def __init__(self, shown: list[Column], defaults: list[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnChooser")
        self.setWindowTitle(self.tr("Columns"))
        self.resize(340, 560)
        hint = QLabel(self.tr("Tick the columns to show; drag them or use the buttons to change their order."))
        hint.setWordWrap(True)
        self.list = QListWidget(objectName="columnList")
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._fill(shown)

        self.up = QPushButton(self.tr("Move up"), objectName="moveUp")
        self.down = QPushButton(self.tr("Move down"), objectName="moveDown")
        self.defaults = QPushButton(self.tr("Defaults"), objectName="defaultColumns")
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.defaults.clicked.connect(lambda: self._fill(defaults))
        side = QVBoxLayout()
        for button in (self.up, self.down, self.defaults):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.list, 1)
        middle.addLayout(side)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addWidget(buttons)

    def _fill(self, shown: list[Column]) -> None:
        self.list.clear()
        for column in [*shown, *(c for c in Column if c not in shown)]:
            item = QListWidgetItem(header(column))
            item.setData(COLUMN_ROLE, int(column))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsDropEnabled)
            item.setCheckState(Qt.CheckState.Checked if column in shown else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def set_checked(self, column: Column, checked: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(COLUMN_ROLE) == int(column):
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[Column]:
        """The ticked columns in list order (at least the ticket number)."""
        items = [self.list.item(row) for row in range(self.list.count())]
        columns = [Column(i.data(COLUMN_ROLE)) for i in items if i.checkState() == Qt.CheckState.Checked]
        return columns or [Column.NUMBER]
