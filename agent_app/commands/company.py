"""`agent-app company add`: a new tenant with its built-in roles and service catalogue (first run)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("company", help="companies (tenants)")
    actions = parser.add_subparsers(dest="company_command", required=True)
    add = actions.add_parser("add", help="add a company with the built-in roles and a water utility's catalogue")
    add.add_argument("code", help="a short code, e.g. gz")
    add.add_argument("name", help="e.g. 广州自来水公司")
    add.add_argument("--area-code", default="020", help="telephone area code of its city (default 020)")
    add.set_defaults(handler=_add)


def _add(args: argparse.Namespace) -> int:
    from agent_app.services.app import Services

    services = Services.open(args.db)
    try:
        company_id = services.users.create_company(args.code, args.name, area_code=args.area_code)
    finally:
        services.close()
    print(f"company {args.code} added (id {company_id}); add its first administrator with "
          f"`agent-app user add ACCOUNT --name NAME --company {args.code} --role admin`")
    return 0
