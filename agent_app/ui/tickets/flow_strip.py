"""工单流程 (seed 004 §5.2.5.3): the nodes of the ticket's flow, done ones ticked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from agent_app.services.tickets.detail import Milestone
from agent_app.ui.tickets.text import milestone_text

DONE = "background: #e3f1e6; color: #1e7b34; border: 1px solid #9fd0aa; border-radius: 12px; padding: 4px 12px;"
TODO = "background: #f4f6f8; color: #8a96a3; border: 1px solid #d5dce4; border-radius: 12px; padding: 4px 12px;"


class FlowStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flowStrip")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 4)
        self.nodes: list[QLabel] = []
        self._milestones: list[Milestone] = []

    def show_milestones(self, milestones: list[Milestone]) -> None:
        self._milestones = list(milestones)
        while self._layout.count():
            item = self._layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.nodes = []
        for index, milestone in enumerate(milestones):
            if index:
                line = QLabel("──")
                line.setStyleSheet("color: #9fd0aa;" if milestone.done else "color: #c3ccd6;")
                self._layout.addWidget(line)
            node = QLabel(objectName=f"node_{milestone.action}")
            node.setAlignment(Qt.AlignmentFlag.AlignCenter)
            node.setStyleSheet(DONE if milestone.done else TODO)
            node.setProperty("done", milestone.done)
            self.nodes.append(node)
            self._layout.addWidget(node)
        self._layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        for node, milestone in zip(self.nodes, self._milestones):
            node.setText(("✔ " if milestone.done else "○ ") + milestone_text(milestone.action, milestone.label))
