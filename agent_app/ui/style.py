"""The look: Fusion style, a CJK-capable font list at 14 px, and resources/styles/agent_desk.qss."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from agent_app.paths import resources_dir
from agent_app.ui.icons import app_icon

# Windows' Chinese UI font first, then what Linux desktops (and the test machines) have.
FONT_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                 "PingFang SC", "Segoe UI", "sans-serif"]
BASE_FONT_PX = 14


def apply_style(app: QApplication) -> None:
    # The style sheet names its images `icons:<file>`.
    QDir.addSearchPath("icons", str(resources_dir() / "icons"))
    app.setStyle("Fusion")
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPixelSize(BASE_FONT_PX)
    app.setFont(font)
    app.setWindowIcon(app_icon())
    app.setStyleSheet((resources_dir() / "styles" / "agent_desk.qss").read_text(encoding="utf-8"))
