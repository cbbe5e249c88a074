"""The dial pad (拨号键盘): dial a number, or send DTMF digits during a call."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class KeypadDialog(QDialog):
    """In dial mode the number is returned on accept; in DTMF mode every key press is sent at once."""

    digit_pressed = Signal(str)

    def __init__(self, dtmf: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keypadDialog")
        self.dtmf = dtmf
        self.setWindowTitle(self.tr("Send DTMF") if dtmf else self.tr("Dial"))
        self.number_edit = QLineEdit(objectName="keypadNumber")
        self.number_edit.setPlaceholderText(self.tr("Number"))
        self.number_edit.setReadOnly(dtmf)
        grid = QGridLayout()
        self.key_buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(KEYS):
            button = QPushButton(key, objectName=f"key_{index}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.key_buttons[key] = button
        if dtmf:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
            self.call_button = buttons.addButton(self.tr("Call"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.call_button.setObjectName("keypadCall")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number_edit)
        layout.addLayout(grid)
        layout.addWidget(buttons)

    def press(self, key: str) -> None:
        self.number_edit.setText(self.number_edit.text() + key)
        if self.dtmf:
            self.digit_pressed.emit(key)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self.dtmf and event.text() in KEYS:
            self.press(event.text())
            return
        super().keyPressEvent(event)

    def number(self) -> str:
        return self.number_edit.text().strip()
