"""Bulk demo data at call-center scale: `agent-app --db URL demo --customers 1000000 --tickets 5000000`.

The organisation (a water group with two companies, their people, dispatch targets, providers and
engineers) is built through the services like the small demo; customers, their phone index,
tickets and their history are generated (`bulk_rows`) and written straight to the tables
(`bulk_writers`). On PostgreSQL two forked processes generate and write at once, each its half of
the customers and then its half of the years of tickets; SQLite takes one writer.

Every ticket is consistent with what the workflow would have produced: status and
status_category, numbers `YYYYMMDD-NNNNNN` per company and local day (and `ticket_counters` set
to the last number, so the next registration continues), category level 1/2 ids, registrar,
dispatcher, handler, due and closed times, and one history row per step (1–6), with `version`
equal to the number of history rows. Old tickets are mostly closed; recent ones are in every
state. Progress lines go to stderr. Deterministic for a given seed.
"""

from __future__ import annotations

import gc
import random
import time
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import select

from agent_app.services.database import create_db_engine
from agent_app.services.demo import content
from agent_app.services.demo import bulk_rows as rows
from agent_app.services.demo.bulk_rows import (
    CUSTOMER_COLUMNS, HISTORY_COLUMNS, LOCAL_OFFSET, PHONE_COLUMNS, TICKET_COLUMNS, BulkSummary, Clock, CompanyRefs,
    Person, say,
)
from agent_app.services.demo.bulk_writers import BULK_TABLES, PostgresWriter, SqliteWriter
from agent_app.services.demo.forked import can_fork, run_forked
from agent_app.services.demo.org import DEMO_PASSWORD, build_company
from agent_app.services.models import ServiceCategory, ServiceLevel, User
from agent_app.services.passwords import hash_password
from agent_app.services.users import NewUser, add_company, add_user
from agent_app.services.uow import UnitOfWorkFactory

COMPANIES = [("gz", "广州自来水公司", "020", 0.6), ("fs", "佛山水务公司", "0757", 0.4)]
EXTRA_HANDLERS = 24  # per company, besides the demo's people: handler filters are then selective
EXTRA_AGENTS = 8
DAYS = 730
PARTS = 2  # processes on PostgreSQL: the machines this runs on have two cores or more
FORK_FROM = 100_000  # rows below which one process is quicker than forking


def _organisation(uow_factory: UnitOfWorkFactory, today: date) -> list[CompanyRefs]:
    hashed = hash_password(DEMO_PASSWORD)
    refs: list[CompanyRefs] = []
    with uow_factory() as uow:
        s = uow.session
        group = add_company(s, "yh", "粤海水务集团", catalogue=False)
        for code, name, area, share in COMPANIES:
            demo = build_company(s, code, name, parent_id=group.id, area_code=area, today=today)
            ref = CompanyRefs(demo, area, share)
            for index in range(EXTRA_HANDLERS):
                dept = ("供水管网部", "营业部", "水表计量部", "工程部")[index % 4]
                add_user(s, demo.id, NewUser(account=f"{code}_h{index + 1:03d}", name=content.person_name(random.Random(index)),
                                             password=DEMO_PASSWORD, password_hash=hashed, roles=["handler"], post="维修员",
                                             department_id=demo.department_ids[dept]))
            for index in range(EXTRA_AGENTS):
                add_user(s, demo.id, NewUser(account=f"{code}_a{index + 1:03d}", name=content.person_name(random.Random(100 + index)),
                                             password=DEMO_PASSWORD, password_hash=hashed, roles=["agent"], post="热线坐席",
                                             department_id=demo.department_ids["客服中心"],
                                             agent_no=f"2{index:03d}", extension=f"82{index:02d}"))
            refs.append(ref)
        s.flush()
        for ref in refs:
            demo = ref.demo
            users = {u.account: u for u in s.scalars(select(User).where(User.company_id == demo.id))}

            def person(account: str) -> Person:
                u = users[account]
                return Person(u.id, u.name, u.mobile, u.department_id)

            ref.areas = [(area_id, name) for name, area_id in demo.area_ids.items()]
            ref.agents = [person(demo.accounts["agent"]), person(demo.accounts["agent2"])] + [
                person(f"{demo.code}_a{i + 1:03d}") for i in range(EXTRA_AGENTS)]
            ref.handlers = [person(demo.accounts["handler"]), person(demo.accounts["handler2"])] + [
                person(f"{demo.code}_h{i + 1:03d}") for i in range(EXTRA_HANDLERS)]
            ref.dispatcher = person(demo.accounts["dispatcher"])
            ref.callback = person(demo.accounts["callback"])
            ref.provider_admin = person(demo.accounts["provider"])
            ref.engineers = [(demo.engineer_ids[k], person(demo.accounts[k])) for k in ("engineer", "engineer3")]
            ref.targets = [(demo.target_ids[name], None) for name in ("供水管网部", "营业部", "水表计量部", "工程部")]
            ref.targets.append((demo.target_ids["张伟"], demo.user_ids["handler"]))
            levels = dict(s.execute(select(ServiceLevel.id, ServiceLevel.resolve_hours)
                                    .where(ServiceLevel.company_id == demo.id)).all())
            cats = {c.id: c for c in s.scalars(select(ServiceCategory).where(ServiceCategory.company_id == demo.id))}
            for c in cats.values():
                if not c.is_leaf or not c.enabled:
                    continue
                chain = [c]
                while chain[-1].parent_id is not None:
                    chain.append(cats[chain[-1].parent_id])
                by_level = {x.level: x.id for x in chain}
                hours = min(levels.get(c.service_level_id) or 72, 72)
                ref.leaves.append((c.id, c.name, by_level.get(1), by_level.get(2), c.service_level_id, hours))
            ref.leaves.sort()
        uow.commit()
    return refs


def _load_customers(writer, refs: list[CompanyRefs], total: int, clock: Clock, first_t: int, span: int,  # noqa: ANN001
                    seed: int, rng: random.Random, ids: dict[str, int], summary: BulkSummary, parts: int) -> None:
    """Customers and their phone rows; each ref.customers ends up holding its company's, in order."""
    columns = {"customers": CUSTOMER_COLUMNS, "customer_phones": PHONE_COLUMNS}
    slices = rows.customer_slices(refs, total, parts)
    if parts == 1:
        writer.write(rows.customers(slices[0], clock, first_t, span, rng, ids["customers"], ids["customer_phones"],
                                    summary), columns)
        return

    def part(k: int) -> tuple[int, int, dict[int, list[tuple]]]:
        mine = BulkSummary()
        writer.write(rows.customers(slices[k], clock, first_t, span, random.Random(seed * 17 + k), ids["customers"],
                                    ids["customer_phones"], mine), columns)
        return mine.customers, mine.phones, {ref.demo.id: ref.customers for ref in refs}

    for count, phones, made in run_forked(part, parts):  # in part order: each company's customers in order
        summary.customers += count
        summary.phones += phones
        for ref in refs:
            ref.customers.extend(made[ref.demo.id])


def _load_tickets(writer, refs: list[CompanyRefs], total: int, clock: Clock, first_t: int, now_t: int,  # noqa: ANN001
                  seed: int, rng: random.Random, ids: dict[str, int], summary: BulkSummary,
                  parts: int) -> list[tuple[int, str, int]]:
    """Tickets with their history; the ticket counters (company, day, last number) to store.

    In parts, each process takes a run of the years that starts at a local midnight, so no two
    processes number tickets of the same day."""
    columns = {"tickets": TICKET_COLUMNS, "ticket_history": HISTORY_COLUMNS}
    first_ids = (ids["tickets"], ids["ticket_history"])
    if parts == 1:
        writer.write(rows.tickets(refs, total, clock, first_t, now_t, rng, *first_ids, summary), columns)
        return [(ref.demo.id, day, last) for ref in refs for day, last in sorted(ref.counters.items())]
    step = (now_t - first_t) / total
    bounds = [(0, first_t)]
    for k in range(1, parts):
        t = first_t + (now_t - first_t) * k // parts
        midnight = t - (t + LOCAL_OFFSET) % 86400
        bounds.append((int((midnight - first_t) / step), midnight))
    bounds.append((total, now_t + 1))
    runs = [(bounds[k][0], bounds[k + 1][0], bounds[k][1], bounds[k + 1][1] - 1) for k in range(parts)]

    def part(k: int) -> tuple[int, int, dict[int, dict[str, int]]]:
        mine = BulkSummary()
        rng_k = random.Random(seed * 31 + runs[k][0])
        writer.write(rows.tickets(refs, total, clock, first_t, now_t, rng_k, *first_ids, mine, runs[k]), columns)
        return mine.tickets, mine.history, {ref.demo.id: ref.counters for ref in refs}

    merged: dict[int, dict[str, int]] = {}
    for count, history, counters in run_forked(part, parts):
        summary.tickets += count
        summary.history += history
        for company_id, days in counters.items():
            for day, last in days.items():
                if day in merged.setdefault(company_id, {}):
                    raise RuntimeError(f"ticket numbers of {day} made by two workers")
                merged[company_id][day] = last
    return [(company_id, day, last) for company_id, days in merged.items() for day, last in sorted(days.items())]


def load_bulk(url: str | None, customers: int = 1_000_000, tickets: int = 5_000_000, *, seed: int = 2026,
              days: int = DAYS, now: datetime | None = None, progress: Callable[[str], None] | None = None,
              processes: int | None = None) -> BulkSummary:
    """Load the demo organisation, `customers` customers and `tickets` tickets with history into an
    empty, migrated database (the `demo` command migrates and checks emptiness first).

    `processes`: how many forked processes generate and write on PostgreSQL (default: two, for a
    hundred thousand rows or more). SQLite has one writer."""
    report = progress or say
    started = time.perf_counter()
    summary = BulkSummary()
    engine = create_db_engine(url)
    sqlite = engine.dialect.name == "sqlite"
    real_url = engine.url.render_as_string(hide_password=False)
    now = now or datetime.now(timezone.utc)
    now_t = int(now.timestamp())
    first_t = now_t - days * 86400
    first_day = datetime.fromtimestamp(first_t, timezone.utc).date() - timedelta(days=1)
    try:
        refs = _organisation(UnitOfWorkFactory(engine), now.date())
    finally:
        engine.dispose()
    summary.phases["organisation"] = time.perf_counter() - started
    report(f"organisation: {len(refs)} companies ({summary.phases['organisation']:.1f} s)")
    writer = SqliteWriter(real_url) if sqlite else PostgresWriter(real_url)

    def parts(count: int) -> int:
        if sqlite or not can_fork():
            return 1
        return processes if processes is not None else PARTS if count >= FORK_FROM else 1

    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of long-lived tuples: the cyclic collector would rescan them over and over
    try:
        rng = random.Random(seed)
        clock = Clock(sqlite, first_day, days + 90)
        ids = {t: writer.max_id(t) + 1 for t in BULK_TABLES}
        writer.drop_indexes()
        t0 = time.perf_counter()
        _load_customers(writer, refs, customers, clock, first_t, now_t - first_t, seed, rng, ids, summary,
                        parts(customers))
        summary.phases["customers"] = time.perf_counter() - t0
        report(f"customers: {summary.customers:,} with {summary.phones:,} phone rows "
               f"({summary.phases['customers']:.1f} s)")
        t0 = time.perf_counter()
        counters = _load_tickets(writer, refs, tickets, clock, first_t, now_t, seed, rng, ids, summary, parts(tickets))
        writer.counters(counters)
        summary.phases["tickets"] = time.perf_counter() - t0
        report(f"tickets: {summary.tickets:,} with {summary.history:,} history rows "
               f"({summary.phases['tickets']:.1f} s)")
        t0 = time.perf_counter()
        report("building indexes, search index, statistics")
        writer.finish({"customers": summary.customers, "customer_phones": summary.phones,
                       "tickets": summary.tickets, "ticket_history": summary.history})
        summary.phases["indexes"] = time.perf_counter() - t0
    finally:
        writer.close()
        if gc_was_enabled:
            gc.enable()
    summary.seconds = time.perf_counter() - started
    report(f"done in {summary.seconds:.1f} s (indexes {summary.phases['indexes']:.1f} s)")
    return summary
