"""Render the desktop's views to PNG files with demo data: `python -m agent_app.ui.screenshots`.

    python -m agent_app.ui.screenshots [--out screenshots] [--lang zh_CN en] [--size 1440x900]

Runs headless (Qt's offscreen platform and `QWidget.grab()`) unless a DISPLAY is set, in a
throwaway data folder with a fresh embedded database: never on the user's own data. Demo data comes
from `agent-app demo` when that command exists. Every page in the page registry that an
administrator may open is captured as `main_<page key>.<lang>.png`, so a new page is in the
screenshots as soon as it is registered; the sign-in window is captured empty, with the shared
database profile and with a wrong-password message.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

ADMIN_ACCOUNT = "screenshot"
ADMIN_PASSWORD = "screenshot-123"
COMPANY_CODE = "DEMO"


def _prepare_environment(home: Path) -> None:
    """Before Qt is imported: headless without a display, isolated configuration and data."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["AGENT_APP_HOME"] = str(home)
    os.environ["AGENT_APP_MACHINE_CONFIG"] = str(home / "machine.ini")
    os.environ.pop("AGENT_APP_DB", None)


def _load_demo(url: str) -> None:
    """Demo data through the `agent-app demo` command, when some engineer has provided it."""
    from agent_app import cli

    parser = cli.build_parser()
    commands = next((action.choices for action in parser._subparsers._group_actions), {})  # noqa: SLF001
    if "demo" in commands:
        cli.main(["--db", url, "demo"])


def _admin_actor(services):  # noqa: ANN001, ANN202 - Services → Actor
    """An administrator (every menu) of the demo company with the most tickets (not the group
    above the companies, which has none), created for the screenshots."""
    from sqlalchemy import func, select

    from agent_app.services.models import Company, Ticket
    from agent_app.services.users import NewUser

    with services.engine.connect() as connection:
        busiest = (select(Company.code).outerjoin(Ticket, Ticket.company_id == Company.id).group_by(Company.id)
                   .order_by(func.count(Ticket.id).desc(), Company.id).limit(1))
        code = connection.scalar(busiest)
    if code is None:
        services.users.create_company(COMPANY_CODE, "粤海水务演示公司")
        code = COMPANY_CODE
    services.users.create_in_company(code, NewUser(account=ADMIN_ACCOUNT, name="演示管理员",
                                                   password=ADMIN_PASSWORD, roles=["admin"]))
    return services.auth.sign_in(ADMIN_ACCOUNT, ADMIN_PASSWORD)


def _settle(app, seconds: float = 0.3) -> None:  # noqa: ANN001
    """Let the ops runner deliver every result and the widgets repaint."""
    from agent_app.ui.ops import runner

    deadline = time.monotonic() + 30
    while runner().pending and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def render(out: Path, languages: Sequence[str], size: tuple[int, int],
           log: Callable[[str], None] = print) -> list[Path]:
    """Render every view in every language into `out`; returns the files written."""
    from PySide6.QtWidgets import QApplication

    from agent_app.bootstrap import open_services
    from agent_app.ui import i18n
    from agent_app.ui.connector import Connector
    from agent_app.ui.main_window import MainWindow
    from agent_app.ui.pages import discover
    from agent_app.ui.session import DatabaseLocation, Session
    from agent_app.ui.sign_in import SignInWindow
    from agent_app.ui.style import apply_style

    app = QApplication.instance() or QApplication(["agent-desk-screenshots"])
    apply_style(app)
    out.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{Path(os.environ['AGENT_APP_HOME']) / 'screenshots.sqlite3'}"
    services = open_services(url)
    _load_demo(url)
    actor = _admin_actor(services)
    session = Session(services, actor, DatabaseLocation.from_url(url))
    connector = Connector(lambda _url: services)
    discover()
    written: list[Path] = []

    def save(widget, name: str) -> None:  # noqa: ANN001
        path = out / f"{name}.{lang}.png"
        widget.grab().save(str(path))
        written.append(path)
        log(f"wrote {path}")

    for lang in languages:
        i18n.set_language(lang)
        sign_in = SignInWindow(connector, fixed_url=None)
        sign_in.account.setText(ADMIN_ACCOUNT)
        sign_in.show()
        _settle(app)
        save(sign_in, "sign_in")
        sign_in.password.setText("wrong password")
        sign_in.submit()
        _settle(app)
        save(sign_in, "sign_in_error")
        sign_in.show_message("")
        sign_in.connection.setCurrentIndex(sign_in.connection.findData("shared"))
        sign_in.db_host.setText("db.example.com")
        sign_in.db_user.setText("agentdesk")
        _settle(app)
        save(sign_in, "sign_in_shared")
        sign_in.close()
        sign_in.deleteLater()

        window = MainWindow(session, ping_interval_ms=3_600_000)
        window.resize(*size)
        window.show()
        _settle(app)
        if not window.pages:
            save(window, "main_empty")
        for page in window.pages:
            window.open_page(page.key)
            _settle(app, 0.6)
            save(window, f"main_{page.key}")
        window.close()
        window.deleteLater()
        _settle(app, 0.1)
    services.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m agent_app.ui.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="folder for the PNG files")
    parser.add_argument("--lang", nargs="+", default=["zh_CN", "en"], help="languages to render")
    parser.add_argument("--size", default="1440x900", help="main window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    with tempfile.TemporaryDirectory(prefix="agent-desk-screenshots-") as home:
        _prepare_environment(Path(home))
        render(args.out.resolve(), args.lang, (width, height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
