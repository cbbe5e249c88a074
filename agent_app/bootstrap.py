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


def _configure_logging() -> None:
    """To stderr and to `<data folder>/logs/agent-desk.log` (a windowed program has no console;
    the UI tells users that details of unexpected errors are in this log)."""
    from logging.handlers import RotatingFileHandler

    from agent_app.paths import user_data_dir

    folder = user_data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    handlers: list[logging.Handler] = [
        RotatingFileHandler(folder / "agent-desk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    ]
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        handlers=handlers)


def open_services(url: str):  # noqa: ANN201 - Services, imported lazily
    """`Services` on `url`; an embedded SQLite file is brought to the current schema first, since
    it belongs to this desktop (a shared server is migrated by IT with `agent-app db upgrade`).
    Runs in a worker thread (the sign-in op)."""
    from agent_app.services.app import Services
    from agent_app.services.migrate import is_at_head, upgrade_to_head

    services = Services.open(url)
    if services.engine.dialect.name == "sqlite" and not is_at_head(services.engine):
        upgrade_to_head(services.engine)
    return services


def run_desktop(database_url: str | None = None, lang: str | None = None) -> int:
    """Start the desktop application; returns the process exit code."""
    from PySide6.QtWidgets import QApplication

    from agent_app.ui import app_settings, i18n
    from agent_app.ui.connector import Connector
    from agent_app.ui.desktop import Desktop
    from agent_app.ui.gc_guard import collect_on_gui_thread
    from agent_app.ui.startup_probe import install as install_startup_probe
    from agent_app.ui.style import apply_style

    _configure_logging()
    app = QApplication.instance() or QApplication(sys.argv)
    collect_on_gui_thread(app)
    app.setApplicationName("Agent Desk")
    app.setOrganizationName("AgentDesk")
    apply_style(app)
    i18n.set_language(lang or str(app_settings.settings().value(app_settings.LANGUAGE_KEY, "") or ""))

    desktop = Desktop(Connector(open_services), fixed_url=database_url or os.environ.get(ENV_VAR))
    install_startup_probe(desktop.sign_in_window)
    desktop.start()
    try:
        return int(app.exec())
    finally:
        desktop.shutdown()
        app_settings.flush()  # the window layout saved on closing
