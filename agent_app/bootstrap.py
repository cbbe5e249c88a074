"""The composition root of the desktop: settings → database → UI.

`run_desktop` builds the QApplication (style, language), the connector that opens `Services` for
a database URL, and the window flow (`agent_app.ui.desktop.Desktop`), then runs the event loop.
Which database: `--db` / `$AGENT_APP_DB` when given (the sign-in window then shows it and offers
no choice), otherwise the connection profile chosen in the sign-in window.
"""

from __future__ import annotations

import logging
import os
import sys

from agent_app.services.database import ENV_VAR


def run_desktop(database_url: str | None = None, lang: str | None = None) -> int:
    """Start the desktop application; returns the process exit code."""
    from PySide6.QtWidgets import QApplication

    from agent_app.services.app import Services
    from agent_app.ui import app_settings, i18n
    from agent_app.ui.connector import Connector
    from agent_app.ui.desktop import Desktop
    from agent_app.ui.style import apply_style

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Agent Desk")
    app.setOrganizationName("AgentDesk")
    apply_style(app)
    i18n.set_language(lang or str(app_settings.settings().value(app_settings.LANGUAGE_KEY, "") or ""))

    desktop = Desktop(Connector(Services.open), fixed_url=database_url or os.environ.get(ENV_VAR))
    desktop.start()
    try:
        return int(app.exec())
    finally:
        desktop.shutdown()
