"""Registers the seat board (坐席管理) in the main window's navigation."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from agent_app.ui.pages import Page


def _build(session, parent):  # noqa: ANN001, ANN202 - the registry's factory signature
    from agent_app.ui.supervisor.board_page import SeatBoardPage

    return SeatBoardPage(session, parent)


PAGE = Page(
    key="supervisor",
    permission="menu:supervisor",
    title=QT_TRANSLATE_NOOP("Pages", "Seat board"),
    factory=_build,
    order=40,
)
