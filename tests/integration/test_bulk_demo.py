"""The bulk demo loader: what it writes is what the workflow would have written, the same on both databases.

SQLite gets its rows as text, PostgreSQL through binary COPY (timestamps as microseconds since
2000); loading the same seed into both and reading the rows back through the models shows both
encodings store the same tickets, history and customers."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import func, select

from agent_app.services.database import create_db_engine
from agent_app.services.demo.bulk import load_bulk
from agent_app.services.models import Customer, Ticket, TicketCounter, TicketHistory

NOW = datetime(2026, 11, 24, 6, 30, tzinfo=timezone.utc)
COMPARED = {
    Ticket: ("id", "company_id", "number", "ticket_type", "status", "status_category", "version", "customer_id",
             "caller_phone_key", "address", "description", "registered_at", "call_time", "due_at", "closed_at",
             "wechat_closed", "urge_count", "satisfaction", "current_handler_id"),
    TicketHistory: ("id", "ticket_id", "at", "action", "actor_id", "actor_name", "from_status", "to_status",
                    "elapsed_seconds"),
    Customer: ("id", "company_id", "customer_no", "name", "mobile", "phone", "address", "created_at"),
}


def _rows(url: str) -> dict[type, list[tuple]]:
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return {model: [tuple(row) for row in connection.execute(
                select(*(getattr(model, name) for name in names)).order_by(model.id))]
                for model, names in COMPARED.items()}
    finally:
        engine.dispose()


def test_the_same_seed_loads_the_same_rows_into_sqlite_and_postgresql(sqlite_url, postgres_url):
    for url in (sqlite_url, postgres_url):
        summary = load_bulk(url, customers=300, tickets=2000, seed=7, days=60, now=NOW, progress=lambda _: None)
        assert (summary.customers, summary.tickets) == (300, 2000)
    sqlite_rows, postgres_rows = _rows(sqlite_url), _rows(postgres_url)
    for model in COMPARED:
        assert sqlite_rows[model] == postgres_rows[model], model.__name__

    tickets = postgres_rows[Ticket]
    first_registered = min(row[11] for row in tickets)
    assert first_registered.tzinfo is not None and NOW.timestamp() - first_registered.timestamp() <= 61 * 86400
    assert max(row[11] for row in tickets) <= NOW
    closed = [row for row in tickets if row[5] == "closed"]
    assert closed and all(row[14] is not None and row[14] >= row[11] for row in closed)
    assert not any(row[15] for row in tickets)  # wechat_closed, a boolean, false throughout


def test_every_ticket_carries_its_history_and_the_next_number_continues(postgres_url):
    load_bulk(postgres_url, customers=200, tickets=1500, seed=3, days=30, now=NOW, progress=lambda _: None)
    engine = create_db_engine(postgres_url)
    try:
        with engine.connect() as connection:
            steps = dict(connection.execute(select(TicketHistory.ticket_id, func.count()).group_by(TicketHistory.ticket_id)).all())
            versions = dict(connection.execute(select(Ticket.id, Ticket.version)).all())
            assert versions == steps  # one history row per step, version = steps
            numbers = connection.execute(select(Ticket.company_id, Ticket.number)).all()
            assert len(set(numbers)) == len(numbers)
            for company_id, day, last in connection.execute(select(TicketCounter.company_id, TicketCounter.day,
                                                                   TicketCounter.last)):
                assert (company_id, f"{day}-{last:06d}") in set(numbers)
    finally:
        engine.dispose()


def test_two_processes_write_one_consistent_set(postgres_url):
    """What the big PostgreSQL load does (two forked processes for customers, two for tickets), small."""
    summary = load_bulk(postgres_url, customers=400, tickets=3000, seed=5, days=90, now=NOW, progress=lambda _: None,
                        processes=2)
    engine = create_db_engine(postgres_url)
    try:
        with engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Customer)) == summary.customers == 400
            assert connection.scalar(select(func.count()).select_from(Ticket)) == summary.tickets == 3000
            assert connection.scalar(select(func.count()).select_from(TicketHistory)) == summary.history
            steps = dict(connection.execute(select(TicketHistory.ticket_id, func.count())
                                            .group_by(TicketHistory.ticket_id)).all())
            assert dict(connection.execute(select(Ticket.id, Ticket.version)).all()) == steps
            # each known caller's name is the customer's (the parent got both processes' customers)
            names = dict(connection.execute(select(Customer.id, Customer.name)).all())
            callers = connection.execute(select(Ticket.customer_id, Ticket.customer_name)
                                         .where(Ticket.customer_id.is_not(None))).all()
            assert callers and all(names[cid] == name for cid, name in callers)
            numbers = connection.execute(select(Ticket.company_id, Ticket.number)).all()
            assert len(set(numbers)) == len(numbers)
            # the customers of both processes call: each company's second half too
            called = {cid for cid, _ in callers}
            for low, high in connection.execute(select(func.min(Customer.id), func.max(Customer.id))
                                                .group_by(Customer.company_id)).all():
                assert any((low + high) / 2 < cid <= high for cid in called)
    finally:
        engine.dispose()
