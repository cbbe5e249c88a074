"""Registers ticket management (工单管理) in the main window's navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from agent_app.ui.pages import Page


def _build(session, parent):  # noqa: ANN001, ANN202 - the registry's factory signature
    from agent_app.ui.tickets.tickets_page import TicketsPage

    return TicketsPage(session, parent)


PAGE = Page(
    key="tickets",
    permission="menu:tickets",
    title=QT_TRANSLATE_NOOP("Pages", "Tickets"),
    factory=_build,
    order=30,
)
