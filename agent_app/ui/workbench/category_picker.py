"""The three-level service category (服务分类) as three dependent combo boxes.

Choosing a level fills the next one; `category_id()` is the deepest chosen category, which may be
a branch: the registration service refuses anything but a leaf, and its message then appears next
to this picker.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from agent_app.services.catalog import CategoryNode

LEVELS = 3


class CategoryPicker(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._children: dict[int | None, list[CategoryNode]] = {}
        self._by_id: dict[int, CategoryNode] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.combos: list[QComboBox] = []
        for level in range(LEVELS):
            combo = QComboBox(self, objectName=f"categoryLevel{level + 1}")
            combo.setProperty("dataText", True)  # category names are data (Chinese only)
            combo.setMinimumContentsLength(6)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.currentIndexChanged.connect(lambda _index, level=level: self._chosen(level))
            layout.addWidget(combo, 1)
            self.combos.append(combo)
        self.setFocusProxy(self.combos[0])
        self._retranslate()

    def set_categories(self, categories: list[CategoryNode]) -> None:
        chosen = self.category_id()
        self._children = {}
        self._by_id = {node.id: node for node in categories}
        for node in categories:
            self._children.setdefault(node.parent_id, []).append(node)
        self._fill(0, None)
        self.set_category_id(chosen)

    def category_id(self) -> int | None:
        for combo in reversed(self.combos):
            value = combo.currentData()
            if value is not None:
                return int(value)
        return None

    def set_category_id(self, category_id: int | None) -> None:
        """Choose `category_id` and its ancestors; unknown ids (e.g. an old draft) clear the choice."""
        chain: list[int] = []
        node = self._by_id.get(category_id) if category_id is not None else None
        while node is not None:
            chain.insert(0, node.id)
            node = self._by_id.get(node.parent_id) if node.parent_id is not None else None
        for level, combo in enumerate(self.combos):
            index = combo.findData(chain[level]) if level < len(chain) else 0
            combo.setCurrentIndex(max(index, 0))

    def clear(self) -> None:
        self.combos[0].setCurrentIndex(0)

    def _fill(self, level: int, parent_id: int | None) -> None:
        combo = self.combos[level]
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self._prompt(), None)
        for node in self._children.get(parent_id, []) if (level == 0 or parent_id is not None) else []:
            combo.addItem(node.name, node.id)
        combo.setEnabled(combo.count() > 1)
        combo.blockSignals(False)
        if level + 1 < LEVELS:
            self._fill(level + 1, None)

    def _chosen(self, level: int) -> None:
        if level + 1 < LEVELS:
            self._fill(level + 1, self.combos[level].currentData())
        self.changed.emit()

    def _prompt(self) -> str:
        return self.tr("— choose —")

    def _retranslate(self) -> None:
        for combo in self.combos:
            if combo.count():
                combo.setItemText(0, self._prompt())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
