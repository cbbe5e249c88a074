"""`agent-app` with no sub-command (or `agent-app gui`): the desktop application."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("gui", help="start the desktop application (the default)")
    parser.set_defaults(handler=run_gui)


def run_gui(args: argparse.Namespace) -> int:
    from agent_app.bootstrap import run_desktop

    return run_desktop(database_url=getattr(args, "db", None), lang=getattr(args, "lang", None))
