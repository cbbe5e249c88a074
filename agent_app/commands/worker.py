"""`agent-app worker`: a headless process for the timed work of a shared database."""

from __future__ import annotations

import argparse
import logging
import signal
import threading


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("worker", help="run the timed work (suspension ends, …) without a desktop")
    parser.add_argument("--tick", type=float, default=5.0, help="seconds between checks")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agent_app.services.app import Services
    from agent_app.services.scheduler import Scheduler

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    services = Services.open(args.db)
    scheduler = Scheduler(services)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    scheduler.start(args.tick)
    stopped.wait()
    scheduler.stop()
    services.close()
    return 0
