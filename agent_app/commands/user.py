"""`agent-app user add`: add a user to a company."""

from __future__ import annotations

import argparse
import getpass
import sys

from agent_app.services.permissions import ROLES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="users")
    actions = parser.add_subparsers(dest="user_command", required=True)
    add = actions.add_parser("add", help="add a user to a company")
    add.add_argument("account")
    add.add_argument("--name", required=True)
    add.add_argument("--company", required=True, help="the company's code, e.g. gz")
    add.add_argument("--role", action="append", default=[], choices=sorted(ROLES), help="repeat for several roles")
    add.add_argument("--mobile")
    add.add_argument("--post")
    add.add_argument("--agent-no")
    add.add_argument("--extension")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=_add)


def _add(args: argparse.Namespace) -> int:
    from agent_app.services.app import Services
    from agent_app.services.users import NewUser

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
    services = Services.open(args.db)
    try:
        user_id = services.users.create_in_company(args.company, NewUser(
            account=args.account, name=args.name, password=password, roles=args.role, mobile=args.mobile,
            post=args.post, agent_no=args.agent_no, extension=args.extension))
    finally:
        services.close()
    print(f"user {args.account} added (id {user_id})")
    return 0
