"""`agent-app demo`: load demo data (and print the demo users with their passwords)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="load demo data: a water group, its people, customers and tickets")
    parser.add_argument("--if-empty", action="store_true", help="do nothing when the database already has data")
    parser.add_argument("--customers", type=int, default=None,
                        help="bulk mode: this many customers (e.g. 1000000) instead of the small demo")
    parser.add_argument("--tickets", type=int, default=None, help="bulk mode: this many tickets with their history")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agent_app.services.app import Services
    from agent_app.services.database import create_db_engine
    from agent_app.services.demo.loader import credentials, is_empty, load_demo
    from agent_app.services.migrate import upgrade_to_head

    engine = create_db_engine(args.db)
    upgrade_to_head(engine)
    services = Services(engine)
    empty = is_empty(services)
    services.close()
    if not empty:
        if args.if_empty:
            print("The database already has data; demo not loaded.")
            return 0
        print("The database already has data: use an empty database for the demo.")
        return 1
    if args.customers or args.tickets:
        from agent_app.services.demo.bulk import load_bulk

        load_bulk(args.db, customers=args.customers or 0, tickets=args.tickets or 0)
        return 0
    summary = load_demo(args.db)
    print(f"Demo loaded: {len(summary.companies)} companies, {summary.customers} customers, "
          f"{summary.tickets} tickets.")
    print("Demo callers to try: " + ", ".join(summary.sample_phones))
    print(f"{'account':<20} {'password':<12} who")
    for account, who, password in credentials(summary):
        print(f"{account:<20} {password:<12} {who}")
    return 0
