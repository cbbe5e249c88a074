"""转接: a target number, then blind transfer or a consult call first."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class TransferChoice(enum.Enum):
    BLIND = "blind"
    CONSULT = "consult"


class TransferDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferDialog")
        self.setWindowTitle(self.tr("Transfer"))
        self.choice: TransferChoice | None = None
        self.target_edit = QLineEdit(objectName="transferTarget")
        self.target_edit.setPlaceholderText(self.tr("Number or extension"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.blind_button = buttons.addButton(self.tr("Transfer now"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.consult_button = buttons.addButton(self.tr("Consult first"), QDialogButtonBox.ButtonRole.ActionRole)
        self.blind_button.clicked.connect(lambda: self._choose(TransferChoice.BLIND))
        self.consult_button.clicked.connect(lambda: self._choose(TransferChoice.CONSULT))
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Transfer to"), self.target_edit)
        form.addRow(buttons)
        self.target_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        enabled = bool(self.target())
        self.blind_button.setEnabled(enabled)
        self.consult_button.setEnabled(enabled)

    def _choose(self, choice: TransferChoice) -> None:
        self.choice = choice
        self.accept()

    def target(self) -> str:
        return self.target_edit.text().strip()
