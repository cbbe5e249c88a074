"""Which list columns a user sees, and in what order: remembered per account in the UI settings.

Stored as the column names (not header state bytes), so that a release adding a column keeps every
user's choice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHeaderView

from agent_app.ui import app_settings
from agent_app.ui.tickets.columns import DEFAULT_COLUMNS, PROVIDER_COLUMNS, WIDTHS, Column, header

KEY = "tickets/columns"


def defaults(actor: Any) -> list[Column]:
    """The columns a user starts with: work-order columns for a service provider's people."""
    return list(PROVIDER_COLUMNS if actor.provider_id is not None else DEFAULT_COLUMNS)


def load(actor: Any) -> list[Column]:
    stored = app_settings.settings().value(app_settings.user_key(actor.account, KEY))
    if isinstance(stored, str):
        stored = [name for name in stored.split(",") if name]
    if not stored:
        return defaults(actor)
    columns = [Column[name] for name in stored if name in Column.__members__]
    return list(dict.fromkeys(columns)) or defaults(actor)


def save(account: str, columns: list[Column]) -> None:
    app_settings.settings().set_value(app_settings.user_key(account, KEY), ",".join(c.name for c in columns))


def apply(header_view: QHeaderView, columns: list[Column]) -> None:
    """Show exactly `columns`, left to right; hide the others."""
    for column in Column:
        header_view.setSectionHidden(column, column not in columns)
    for visual, column in enumerate(columns):
        current = header_view.visualIndex(column)
        if current != visual:
            header_view.moveSection(current, visual)


def shown(header_view: QHeaderView) -> list[Column]:
    """The visible columns in their visual order (after the user dragged headers around)."""
    logical = [header_view.logicalIndex(visual) for visual in range(header_view.count())]
    return [Column(index) for index in logical if not header_view.isSectionHidden(index)]


def fit_widths(header_view: QHeaderView) -> None:
    """Starting widths, wide enough for each header's text in the current language."""
    metrics = header_view.fontMetrics()
    for column, width in WIDTHS.items():
        header_view.resizeSection(column, max(width, metrics.horizontalAdvance(header(column)) + 30))
