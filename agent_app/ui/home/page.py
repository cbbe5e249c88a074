"""Registers the home page (首页) in the main window's navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from agent_app.ui.pages import Page


def _build(session, parent):  # noqa: ANN001, ANN202 - the registry's factory signature
    from agent_app.ui.home.home_page import HomePage

    return HomePage(session, parent)


PAGE = Page(key="home", permission="menu:home", title=QT_TRANSLATE_NOOP("Pages", "Home"), factory=_build, order=10)
