"""登入热线: agent ID (工号) and extension (分机号), prefilled with the last ones used."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget


class HotlineLoginDialog(QDialog):
    def __init__(self, agent_id: str = "", extension: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hotlineLoginDialog")
        self.setWindowTitle(self.tr("Log in to the hotline"))
        self.agent_id_edit = QLineEdit(agent_id, objectName="agentIdEdit")
        self.extension_edit = QLineEdit(extension, objectName="extensionEdit")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.login_button = buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Agent ID"), self.agent_id_edit)
        form.addRow(self.tr("Extension"), self.extension_edit)
        form.addRow(buttons)
        self.agent_id_edit.textChanged.connect(self._update)
        self.extension_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.login_button.setEnabled(bool(self.agent_id() and self.extension()))

    def agent_id(self) -> str:
        return self.agent_id_edit.text().strip()

    def extension(self) -> str:
        return self.extension_edit.text().strip()
