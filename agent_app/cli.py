"""The `agent-app` command line.

Each sub-command lives in its own module under `agent_app.commands` and exposes
`register(subparsers)`, which adds its parser and sets `handler`: a function taking the parsed
arguments and returning the exit code. Without a sub-command the desktop application starts.
A command module imports the services inside its handler, not at the top: building this parser
must not load SQLAlchemy and the models, which the desktop's cold start does not need.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from typing import Sequence

from agent_app import __version__, commands
from agent_app.domain.errors import AgentDeskError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="agent-app", description="Agent Desk hotline desktop")
    parser.add_argument("--version", action="version", version=f"Agent Desk {__version__}")
    parser.add_argument("--db", help="database URL (default: $AGENT_APP_DB, else the embedded SQLite file)")
    parser.add_argument("--lang", default=None, help="zh_CN (default) or en, for messages")
    parser.add_argument("--self-test", action="store_true", help="check this installation headless and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from agent_app.selftest import run_self_test

        return run_self_test()
    handler = getattr(args, "handler", None)
    if handler is None:
        from agent_app.commands.gui import run_gui

        return run_gui(args)
    try:
        return int(handler(args) or 0)
    except AgentDeskError as error:
        print(error.message(args.lang or "zh_CN"), file=sys.stderr)
        return 2
