"""Files to upload with a form: each with the kind of document it is (报告类型)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.tickets.attachments import Upload
from agent_app.ui.tickets.text import attachment_kind_text

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class FileList(QWidget):
    def __init__(self, kinds: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kinds = kinds
        self.table = QTableWidget(0, 2, objectName="fileTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Kind")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(96)
        self.add_button = QPushButton(self.tr("Add file…"), objectName="addFile")
        self.remove_button = QPushButton(self.tr("Remove"), objectName="removeFile")
        self.add_button.clicked.connect(self._choose)
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _choose(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose files"))
        next_kind = self._kinds[min(self.table.rowCount(), len(self._kinds) - 1)]
        for path in paths:
            self.add_file(path, next_kind)

    def add_file(self, path: str, kind: str | None = None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(Path(path).name)
        item.setData(PATH_ROLE, path)
        item.setToolTip(path)
        self.table.setItem(row, 0, item)
        combo = QComboBox()
        for code in self._kinds:
            combo.addItem(attachment_kind_text(code), code)
        combo.setCurrentIndex(max(0, combo.findData(kind or self._kinds[0])))
        self.table.setCellWidget(row, 1, combo)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def chosen(self) -> list[tuple[str, str]]:
        """(path, kind) of every file."""
        return [(self.table.item(row, 0).data(PATH_ROLE), self.table.cellWidget(row, 1).currentData())
                for row in range(self.table.rowCount())]


def read_uploads(chosen: list[tuple[str, str]]) -> list[Upload]:
    """Worker side: read the files into uploads (the service checks size and kind)."""
    return [Upload(Path(path).name, Path(path).read_bytes(), kind) for path, kind in chosen]
