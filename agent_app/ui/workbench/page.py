"""Registers the seat workbench (坐席工作台) in the main window's navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from agent_app.ui.pages import Page


def _build(session, parent):  # noqa: ANN001, ANN202 - the registry's factory signature
    from agent_app.ui.workbench.workbench_page import WorkbenchPage

    return WorkbenchPage(session, parent)


PAGE = Page(
    key="workbench",
    permission="menu:workbench",
    title=QT_TRANSLATE_NOOP("Pages", "Agent workbench"),
    factory=_build,
    order=20,
)
