"""`agent-app db upgrade`: create or migrate the database to the current schema."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("db", help="database schema")
    actions = parser.add_subparsers(dest="db_command", required=True)
    upgrade = actions.add_parser("upgrade", help="create or migrate the database to the current schema")
    upgrade.set_defaults(handler=_upgrade)
    status = actions.add_parser("status", help="show the schema revision")
    status.set_defaults(handler=_status)


def _upgrade(args: argparse.Namespace) -> int:
    from agent_app.services.database import create_db_engine, resolve_url
    from agent_app.services.migrate import current_revision, upgrade_to_head

    engine = create_db_engine(args.db)
    upgrade_to_head(engine)
    print(f"{_safe(resolve_url(args.db))}: schema at {current_revision(engine)}")
    engine.dispose()
    return 0


def _status(args: argparse.Namespace) -> int:
    from agent_app.services.database import create_db_engine, resolve_url
    from agent_app.services.migrate import current_revision, head_revision

    engine = create_db_engine(args.db)
    current = current_revision(engine)
    print(f"{_safe(resolve_url(args.db))}: schema at {current or '(empty)'}, head {head_revision()}")
    engine.dispose()
    return 0 if current == head_revision() else 1


def _safe(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
