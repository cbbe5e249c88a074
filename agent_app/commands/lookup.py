"""`agent-app lookup PHONE [--json]`: who is calling, and their newest tickets."""

from __future__ import annotations

import argparse
import dataclasses
import json


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("lookup", help="the customers behind a phone number and their newest tickets")
    parser.add_argument("phone", help="in any common format: +86 138 0013 8000, 020-8333 1234, 83331234, …")
    parser.add_argument("--as", dest="account", default=None,
                        help="look up as this account (its company); default: the first administrator")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from agent_app.services.actors import actor_for_account
    from agent_app.services.app import Services

    services = Services.open(args.db)
    try:
        with services.uow() as uow:
            actor = actor_for_account(uow.session, args.account or _first_admin(uow.session))
        pop = services.lookup.by_phone(actor, args.phone)
    finally:
        services.close()
    if args.json:
        print(json.dumps(dataclasses.asdict(pop), ensure_ascii=False, indent=2, default=str))
        return 0
    print(f"{pop.display} ({pop.kind})")
    for customer in pop.customers:
        print(f"  {customer.user_no}  {customer.name}  {customer.address or ''}")
    if not pop.customers:
        print("  no customer with this number")
    for ticket in pop.tickets:
        print(f"  {ticket.number}  {ticket.status_label}  {ticket.category or ''}  {ticket.description}")
    return 0


def _first_admin(session) -> str:  # noqa: ANN001
    from sqlalchemy import select

    from agent_app.domain.errors import NotFound
    from agent_app.services.models import Role, User, UserRole

    account = session.scalar(select(User.account).join(UserRole, UserRole.user_id == User.id)
                             .join(Role, Role.id == UserRole.role_id).where(Role.code == "admin").order_by(User.id))
    if account is None:
        raise NotFound("not_found", what="user")
    return account
