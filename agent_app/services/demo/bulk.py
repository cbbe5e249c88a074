"""Bulk demo data at call-center scale: `agent-app --db URL demo --customers 1000000 --tickets 5000000`.

The organisation (a water group with two companies, their people, dispatch targets, providers and
engineers) is built through the services like the small demo; customers, their phone index,
tickets and their history are generated here and written straight to the tables:

- PostgreSQL: `COPY … FROM STDIN` (psycopg `cursor.copy`) with the secondary indexes dropped and
  rebuilt afterwards, foreign-key triggers off for the session when the role may do so
  (`session_replication_role = replica`; the generated rows are consistent by construction),
  then `setval` on every sequence (COPY with explicit ids does not advance them) and VACUUM (ANALYZE).
- SQLite: `executemany` in transactions of 200 000 rows, secondary indexes and the FTS5 triggers
  dropped during the load, then the FTS5 trigram index rebuilt in one pass, indexes re-created,
  ANALYZE.

Every ticket is consistent with what the workflow would have produced: status and
status_category, numbers `YYYYMMDD-NNNNNN` per company and local day (and `ticket_counters` set
to the last number, so the next registration continues), category level 1/2 ids, registrar,
dispatcher, handler, due and closed times, and one history row per step (1–6), with `version`
equal to the number of history rows. Old tickets are mostly closed; recent ones are in every
state. Progress lines go to stderr. Deterministic for a given seed.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import random
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterator

from sqlalchemy import select
from sqlalchemy.engine import make_url

from agent_app.domain.phone import normalize_phone
from agent_app.services.database import create_db_engine
from agent_app.services.demo import content
from agent_app.services.demo.org import DEMO_PASSWORD, DemoCompany, build_company
from agent_app.services.models import ServiceCategory, ServiceLevel, User
from agent_app.services.passwords import hash_password
from agent_app.services.tickets.effects import URGENCY_HOURS
from agent_app.services.users import NewUser, add_company, add_user
from agent_app.services.uow import UnitOfWorkFactory

COMPANIES = [("gz", "广州自来水公司", "020", 0.6), ("fs", "佛山水务公司", "0757", 0.4)]
EXTRA_HANDLERS = 24  # per company, besides the demo's people: handler filters are then selective
EXTRA_AGENTS = 8
DAYS = 730
LOCAL_OFFSET = 8 * 3600  # Asia/Shanghai has no daylight saving time
SQLITE_BATCH = 200_000
COPY_CHUNK = 20_000

# hotline paths after registration (same vocabulary as the small demo); weights for recent tickets
HOTLINE_PATHS: list[tuple[str, ...]] = [
    (), ("dispatch",), ("dispatch", "accept"), ("dispatch", "accept", "urge"), ("dispatch", "accept", "extend"),
    ("dispatch", "accept", "handle"), ("dispatch", "accept", "handle", "callback"),
    ("dispatch", "accept", "handle", "callback", "close"), ("dispatch", "accept", "return"), ("close_on_call",),
]
HOTLINE_CLOSED = [("dispatch", "accept", "handle", "callback", "close")] * 6 + [("close_on_call",)] * 3 + [
    ("dispatch", "urge", "accept", "handle", "callback", "close")]
ORDER_PATHS: list[tuple[str, ...]] = [
    (), ("assign",), ("assign", "process"), ("assign", "process", "work_log"),
    ("assign", "process", "work_log", "suspend"),
]
ORDER_CLOSED = [("assign", "process", "work_log", "close_order"), ("assign", "process", "close_order")]

HOTLINE_NEXT = {"dispatch": "dispatched", "accept": "processing", "handle": "handled", "callback": "visited",
                "close": "closed", "return": "registered", "close_on_call": "closed"}
ORDER_NEXT = {"assign": "assigned", "process": "processing", "suspend": "suspended", "close_order": "closed"}
CATEGORY = {"registered": "new", "unprocessed": "new", "dispatched": "open", "assigned": "open", "processing": "open",
            "handled": "pending", "visited": "pending", "suspended": "pending", "closed": "closed"}
OPINIONS = {
    "dispatch": "请按时处理", "handle": "已派员现场处理完毕", "return": "非本部门职责，退回重新派单",
    "close_on_call": "已在电话中解答", "extend": "需协调施工许可", "urge": "客户来电催促", "suspend": "等待备件到货",
    "close_order": "更换通讯模块",
}
SOURCES = ["hotline"] * 12 + ["wechat", "wechat", "gov_12345", "web", "counter"]
URGENCIES = ["normal"] * 10 + ["urgent", "urgent", "critical"]
ORDER_TEXT = ["智能水表通讯离线", "管网压力监测点数据异常", "泵站设备例行巡检", "远传水表数据跳变", "加压泵房设备异响"]

CUSTOMER_COLUMNS = ("id", "company_id", "user_no", "customer_no", "name", "customer_type", "mobile", "phone",
                    "address", "meter_no", "area_id", "created_at", "updated_at")
PHONE_COLUMNS = ("id", "company_id", "customer_id", "number", "kind")
TICKET_COLUMNS = (
    "id", "company_id", "number", "ticket_type", "status", "status_category", "version", "source_channel",
    "category_id", "category_l1_id", "category_l2_id", "urgency", "service_level_id", "area_id", "customer_id",
    "customer_name", "caller_phone", "caller_phone_key", "contact_name", "contact_phone", "meter_no", "address",
    "description", "opinion", "call_time", "registered_at", "registrar_id", "department_id", "dispatcher_id",
    "dispatch_target_id", "current_handler_id", "final_handler_id", "deadline_hours", "due_at", "dispatched_at",
    "accepted_at", "handled_at", "callback_at", "closed_at", "extend_count", "urge_count", "return_count",
    "callback_result", "satisfaction", "handling_result", "wechat_closed", "product_line", "device_sn",
    "provider_id", "engineer_id", "root_cause", "cause_description", "solution", "visit_time", "completion_time",
)
HISTORY_COLUMNS = ("id", "company_id", "ticket_id", "at", "action", "actor_id", "actor_name", "actor_phone",
                   "from_status", "to_status", "opinion", "elapsed_seconds")
BULK_TABLES = ("customers", "customer_phones", "tickets", "ticket_history")


def _say(message: str) -> None:
    print(f"[bulk {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Person:
    id: int
    name: str
    mobile: str | None
    department_id: int | None


@dataclass
class CompanyRefs:
    demo: DemoCompany
    area_code: str
    share: float
    areas: list[tuple[int, str]] = field(default_factory=list)
    leaves: list[tuple[int, str, int | None, int | None, int | None, int]] = field(default_factory=list)
    agents: list[Person] = field(default_factory=list)
    handlers: list[Person] = field(default_factory=list)
    targets: list[tuple[int, int | None]] = field(default_factory=list)  # (target id, user id)
    dispatcher: Person | None = None
    callback: Person | None = None
    provider_admin: Person | None = None
    engineers: list[tuple[int, Person]] = field(default_factory=list)  # (engineer id, user)
    customers: list[tuple] = field(default_factory=list)  # (id, name, address, area_id, meter_no, shown, key)
    counters: dict[str, int] = field(default_factory=dict)


@dataclass
class BulkSummary:
    customers: int = 0
    phones: int = 0
    tickets: int = 0
    history: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)


# --- the organisation, through the services ----------------------------------------------------

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


# --- generation ------------------------------------------------------------------------------

class Clock:
    """Fast timestamp text for epoch seconds: cached day strings and a table of HH:MM:SS."""

    def __init__(self, sqlite: bool, first_day: date, days: int) -> None:
        self._suffix = ".000000" if sqlite else "+00"
        self._epoch0 = int(datetime(first_day.year, first_day.month, first_day.day, tzinfo=timezone.utc).timestamp())
        self._days = [(first_day + timedelta(days=d)).isoformat() + " " for d in range(days + 3)]
        self._local_days = [(first_day + timedelta(days=d)).strftime("%Y%m%d") for d in range(days + 3)]
        self._hms = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]

    def text(self, t: int) -> str:
        d, s = divmod(t - self._epoch0, 86400)
        return self._days[d] + self._hms[s] + self._suffix

    def local_day(self, t: int) -> str:
        return self._local_days[(t + LOCAL_OFFSET - self._epoch0) // 86400]


def _customers(refs: list[CompanyRefs], total: int, clock: Clock, first_t: int, span: int, rng: random.Random,
               start_id: int, start_phone_id: int, summary: BulkSummary) -> Iterator[tuple[str, tuple]]:
    """('customers', row) and ('customer_phones', row) tuples; fills ref.customers for the tickets."""
    cid, pid = start_id, start_phone_id
    r = rng.random
    for ref in refs:
        count = int(total * ref.share) if ref is not refs[-1] else total - summary.customers
        demo, area_code = ref.demo, ref.area_code
        shared_line: str | None = None
        for index in range(count):
            area_id, district = ref.areas[int(r() * len(ref.areas))]
            business = index % 9 == 0
            # households 1 and 2 of every ten share the landline of household 0 (families, offices)
            if index % 10 in (1, 2) and shared_line:
                line = shared_line
            else:
                line = content.landline(rng, area_code)
                shared_line = line if index % 10 == 0 else shared_line
            mob = content.mobile(rng)
            name = content.business_name(rng) if business else content.person_name(rng)
            address = content.address(rng, district)
            created = clock.text(first_t + int(r() * span))
            mobile_shown = content.shown(mob, rng)
            line_shown = content.shown(line, rng)
            has_mobile = business is False or r() < 0.5
            yield "customers", (cid, demo.id, f"{demo.code.upper()}{index + 1:08d}", f"KH{demo.id:02d}{index + 1:07d}",
                                name, "business" if business else "resident", mobile_shown if has_mobile else None,
                                line_shown, address, f"SB{demo.id:02d}{index:07d}", area_id, created, created)
            line_key = normalize_phone(line_shown, area_code).canonical
            if has_mobile:
                yield "customer_phones", (pid, demo.id, cid, mob, "mobile")
                pid += 1
            yield "customer_phones", (pid, demo.id, cid, line_key, "landline")
            pid += 1
            shown_key = (mobile_shown, mob) if has_mobile else (line_shown, line_key)
            ref.customers.append((cid, name, address, area_id, f"SB{demo.id:02d}{index:07d}", shown_key[0],
                                  shown_key[1]))
            cid += 1
            summary.customers += 1
            if summary.customers % 200_000 == 0:
                _say(f"customers {summary.customers:,}")
    summary.phones = pid - start_phone_id


def _tickets(refs: list[CompanyRefs], total: int, clock: Clock, first_t: int, now_t: int, rng: random.Random,
             start_id: int, start_history_id: int, sqlite: bool, summary: BulkSummary,
             part: tuple[int, int, int, int] | None = None) -> Iterator[tuple[str, tuple]]:
    """('tickets', row) and ('ticket_history', row) tuples, in registration order.

    `part` = (first index, end index, earliest time, latest time) generates one slice of the whole set (a
    worker process); slices meet at a local midnight, so ticket numbers never collide."""
    true, false = (1, 0) if sqlite else ("t", "f")
    r = rng.random
    text = clock.text
    span = now_t - first_t
    step = span / max(total, 1)
    begin, end, earliest, latest = part or (0, total, first_t, now_t)
    tid, hid = start_id + begin, start_history_id + begin * 6
    cut = refs[0].share
    for index in range(begin, end):
        ref = refs[0] if r() < cut else refs[1]
        demo = ref.demo
        t = max(earliest, min(first_t + int(index * step + r() * step * 0.9), latest))
        age = now_t - t
        kind_roll = r()
        ticket_type = ("hotline" if kind_roll < 0.85 else "repair" if kind_roll < 0.92
                       else "inspection" if kind_roll < 0.97 else "installation")
        day = clock.local_day(t)
        seq = ref.counters.get(day, 0) + 1
        ref.counters[day] = seq
        number = f"{day}-{seq:06d}"
        # the caller: a known customer (a few callers call often), or an unknown one
        customer = None
        if r() < 0.85 and ref.customers:
            customer = ref.customers[int(len(ref.customers) * r() ** 1.6)]
        if customer is not None:
            customer_id, customer_name, address, area_id, meter_no, shown, key = customer
        else:
            mob = content.mobile(rng)
            area_id, district = ref.areas[int(r() * len(ref.areas))]
            customer_id, customer_name, meter_no = None, None, None
            address, shown, key = content.address(rng, district), mob, mob
        agent = ref.agents[int(r() * len(ref.agents))]
        urgency = URGENCIES[int(r() * len(URGENCIES))]
        hours_budget = age / 3600
        old = age > 20 * 86400
        # state: old tickets are mostly closed, recent ones anywhere on their path
        if ticket_type == "hotline":
            leaf = ref.leaves[int(r() * len(ref.leaves))]
            if old and r() < 0.97:
                path = HOTLINE_CLOSED[int(r() * len(HOTLINE_CLOSED))]
            else:
                path = HOTLINE_PATHS[int(r() * len(HOTLINE_PATHS))]
            description = content.description(rng, leaf[1])
            source = SOURCES[int(r() * len(SOURCES))]
            state = "registered"
        else:
            leaf = ref.leaves[int(r() * len(ref.leaves))] if r() < 0.3 else None
            if old and r() < 0.95:
                path = ORDER_CLOSED[int(r() * len(ORDER_CLOSED))]
            else:
                path = ORDER_PATHS[int(r() * len(ORDER_PATHS))]
            if ticket_type == "installation" and path and path[0] == "assign":
                path = path[1:]  # installation orders arrive assigned
            description = ORDER_TEXT[int(r() * len(ORDER_TEXT))]
            source = "staff"
            state = "assigned" if ticket_type == "installation" else "unprocessed"
        # walk the path: times, actors, columns
        history = [(t, "register", agent, None, state, None)]
        dispatcher_id = target_id = handler_id = final_id = None
        dispatched = accepted = handled = called = closed = due = None
        deadline = None
        urge = extend = returned = 0
        callback_result = satisfaction = opinion = handling = None
        engineer_id = provider_id = product_line = device_sn = root_cause = cause = solution = None
        visit = completion = None
        at = t
        gap_max = max(1.0, min(20.0, hours_budget / (len(path) + 1)))
        if ticket_type != "hotline":
            provider_id = ref.demo.provider_id
            product_line = "smart_meter" if r() < 0.6 else "pipe_network"
            device_sn = f"SN{demo.id:02d}{tid % 10_000_000:07d}"
            if ticket_type == "installation":
                engineer_id, eng = ref.engineers[0]
                handler_id = eng.id
                dispatched = t
        for action in path:
            at += int(3600 * (0.2 + r() * (gap_max - 0.2)))
            if at > now_t:
                at = now_t - 60
            before = state
            if ticket_type == "hotline":
                if action == "dispatch":
                    actor = ref.dispatcher
                    target_id, target_user = ref.targets[int(r() * len(ref.targets))]
                    dispatcher_id, dispatched, handler_id = actor.id, at, target_user
                    deadline = min(leaf[5], URGENCY_HOURS.get(urgency, 72))
                    due = at + deadline * 3600
                elif action == "accept":
                    actor = ref.handlers[int(r() * len(ref.handlers))] if handler_id is None else next(
                        (h for h in ref.handlers if h.id == handler_id), ref.handlers[0])
                    handler_id, accepted = actor.id, at
                elif action == "handle":
                    actor = next((h for h in ref.handlers if h.id == handler_id), ref.handlers[0])
                    opinion = handling = OPINIONS["handle"]
                    handled, final_id, handler_id = at, actor.id, None
                elif action == "callback":
                    actor = ref.callback
                    # "basically_satisfied" does not fit tickets.callback_result VARCHAR(16) on PostgreSQL (schema bug, reported)
                    callback_result = "satisfied" if r() < 0.9 else "unsatisfied"
                    satisfaction, called = (5 if r() < 0.6 else 4), at
                elif action == "close":
                    actor = ref.callback
                    closed, handler_id = at, None
                elif action == "close_on_call":
                    actor = agent
                    closed, opinion = at, OPINIONS["close_on_call"]
                elif action == "return":
                    actor = next((h for h in ref.handlers if h.id == handler_id), ref.handlers[0])
                    returned += 1
                    handler_id, target_id, accepted = dispatcher_id, None, None
                elif action == "urge":
                    actor = agent
                    urge += 1
                else:  # extend, approved at once for the demo
                    actor = next((h for h in ref.handlers if h.id == handler_id), ref.handlers[0])
                    extend += 1
                    if due is not None:
                        due += 3 * 86400
                state = HOTLINE_NEXT.get(action, state)
            else:
                if action == "assign":
                    actor = ref.provider_admin
                    engineer_id, eng = ref.engineers[int(r() * len(ref.engineers))]
                    handler_id, dispatched, dispatcher_id = eng.id, at, actor.id
                else:
                    actor = next((e for _, e in ref.engineers if e.id == handler_id), ref.engineers[0][1])
                    if action == "close_order":
                        root_cause, cause, solution = "meter_fault", "通讯模块损坏", OPINIONS["close_order"]
                        visit, completion, handled, final_id = at - 3 * 3600, at, at, actor.id
                        closed = at
                state = ORDER_NEXT.get(action, state)
            history.append((at, action, actor, before, state, OPINIONS.get(action)))
        version = len(history)
        yield "tickets", (
            tid, demo.id, number, ticket_type, state, CATEGORY[state], version, source,
            leaf[0] if leaf else None, leaf[2] if leaf else None, leaf[3] if leaf else None, urgency,
            leaf[4] if leaf else None, area_id, customer_id, customer_name, shown if ticket_type == "hotline" else None,
            key, customer_name, shown, meter_no, address, description, opinion,
            text(t - 60) if source == "hotline" else None, text(t), agent.id, agent.department_id, dispatcher_id,
            target_id, handler_id, final_id, deadline, text(due) if due else None,
            text(dispatched) if dispatched else None, text(accepted) if accepted else None,
            text(handled) if handled else None, text(called) if called else None, text(closed) if closed else None,
            extend, urge, returned, callback_result, satisfaction, handling, false, product_line, device_sn,
            provider_id, engineer_id, root_cause, cause, solution, text(visit) if visit else None,
            text(completion) if completion else None,
        )
        last = t
        for at, action, actor, before, after, note in history:
            yield "ticket_history", (hid, demo.id, tid, text(at), action, actor.id, actor.name, actor.mobile,
                                     before, after, note, at - last)
            last = at
            hid += 1
        summary.history += len(history)
        tid += 1
        summary.tickets += 1
        if summary.tickets % 500_000 == 0:
            _say(f"tickets {summary.tickets:,} (history {summary.history:,})")


# --- writers ---------------------------------------------------------------------------------

def _copy_line(row: tuple) -> str:
    return "\t".join(["\\N" if v is None else str(v) for v in row])  # str() of a str is the str itself


class _PostgresWriter:
    def __init__(self, url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        parsed = make_url(url)
        self.conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
        self.conn = psycopg.connect(self.conninfo, autocommit=True, prepare_threshold=None)
        self.conn.execute("SET synchronous_commit = off")
        self.conn.execute("SET maintenance_work_mem = '512MB'")
        try:
            self.conn.execute("SET session_replication_role = replica")  # no per-row FK triggers
            self.fk_off = True
        except psycopg.Error:
            self.fk_off = False
        self.index_defs: list[str] = []

    def max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def drop_indexes(self) -> None:
        rows = self.conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(BULK_TABLES),)).fetchall()
        for name, definition in rows:
            self.index_defs.append(definition)
            self.conn.execute(f'DROP INDEX "{name}"')

    def write(self, rows: Iterator[tuple[str, tuple]], columns: dict[str, tuple[str, ...]]) -> None:
        """Rows of several tables interleaved: one COPY per table, on its own connection."""
        with contextlib.ExitStack() as stack:
            copies, buffers, conns = {}, {}, []
            for table, cols in columns.items():
                c = stack.enter_context(self._psycopg.connect(self.conninfo, autocommit=False))
                conns.append(c)
                c.execute("SET synchronous_commit = off")
                if self.fk_off:
                    c.execute("SET session_replication_role = replica")
                cursor = stack.enter_context(c.cursor())
                copies[table] = stack.enter_context(cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN"))
                buffers[table] = []
            for table, row in rows:
                buffer = buffers[table]
                buffer.append(_copy_line(row))
                if len(buffer) >= COPY_CHUNK:
                    buffer.append("")
                    copies[table].write("\n".join(buffer))
                    buffer.clear()
            for table, buffer in buffers.items():
                if buffer:
                    buffer.append("")
                    copies[table].write("\n".join(buffer))
        # leaving the stack ended every COPY (in reverse order) and committed each connection

    def counters(self, rows: list[tuple[int, str, int]]) -> None:
        with self.conn.cursor() as cur, cur.copy("COPY ticket_counters (company_id, day, last) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self, rows: dict[str, int]) -> None:
        """VACUUM (ANALYZE) the loaded tables and build their indexes on two connections (two
        cores), each taking the heaviest statement left from one queue: the vacuums first (on
        a table without indexes they only scan the heap), then the indexes by estimated cost
        (rows; a trigram GIN index costs several btrees), so neither connection is left with a
        long tail. `rows` is the number of rows written per table."""
        # VACUUM sets the visibility map: without it no index-only scan (the capped tree counts
        # and count(*) would visit the heap for every index entry after a COPY)
        work = [(float("inf"), f"VACUUM (ANALYZE) {table}") for table in BULK_TABLES]
        for definition in self.index_defs:
            table = next(t for t in BULK_TABLES if f" ON {t} " in definition or f".{t} " in definition)
            work.append((rows.get(table, 0) * (8 if "gin_trgm_ops" in definition else 1), definition))
        work.sort(key=lambda item: -item[0])
        pending = [statement for _cost, statement in reversed(work)]  # pop() takes the heaviest
        lock = threading.Lock()
        errors: list[BaseException] = []

        def build() -> None:
            try:
                with self._psycopg.connect(self.conninfo, autocommit=True) as c:
                    c.execute("SET maintenance_work_mem = '1GB'")
                    while not errors:
                        with lock:
                            if not pending:
                                return
                            statement = pending.pop()
                        c.execute(statement)
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=build) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        if errors:
            raise errors[0]
        for table in BULK_TABLES:
            self.conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT coalesce(max(id), 1) FROM {table}))")
        self.conn.execute("SET session_replication_role = DEFAULT") if self.fk_off else None
        others = [name for (name,) in self.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT tablename = ANY(%s)",
            (list(BULK_TABLES),))]
        self.conn.execute(f"ANALYZE {', '.join(others)}")  # the organisation's, written through the services

    def close(self) -> None:
        self.conn.close()


class _SqliteWriter:
    def __init__(self, url: str) -> None:
        import sqlite3

        path = make_url(url).database
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-1000000",
                       "temp_store=MEMORY"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.saved: list[str] = []

    def max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def drop_indexes(self) -> None:
        rows = self.conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "((type = 'index' AND tbl_name IN (%s)) OR (type = 'trigger' AND name LIKE 'ticket_search_%%'))"
            % ",".join(f"'{t}'" for t in BULK_TABLES)).fetchall()
        for kind, name, sql in rows:
            self.saved.append(sql)
            self.conn.execute(f'DROP {kind.upper()} "{name}"')

    def write(self, rows: Iterator[tuple[str, tuple]], columns: dict[str, tuple[str, ...]]) -> None:
        statements = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
                      for t, c in columns.items()}
        buffers: dict[str, list[tuple]] = {t: [] for t in columns}
        pending = 0
        self.conn.execute("BEGIN")
        for table, row in rows:
            buffers[table].append(row)
            pending += 1
            if pending >= SQLITE_BATCH:
                for t, buffer in buffers.items():
                    if buffer:
                        self.conn.executemany(statements[t], buffer)
                        buffer.clear()
                self.conn.execute("COMMIT")
                self.conn.execute("BEGIN")
                pending = 0
        for t, buffer in buffers.items():
            if buffer:
                self.conn.executemany(statements[t], buffer)
        self.conn.execute("COMMIT")

    def counters(self, rows: list[tuple[int, str, int]]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany("INSERT INTO ticket_counters (company_id, day, last) VALUES (?, ?, ?)", rows)
        self.conn.execute("COMMIT")

    def finish(self, _rows: dict[str, int]) -> None:
        self.conn.execute("INSERT INTO ticket_search(ticket_search) VALUES ('rebuild')")
        for sql in self.saved:
            self.conn.execute(sql)
        self.conn.execute("PRAGMA analysis_limit = 0")  # full statistics: sampled ones misled the planner
        self.conn.execute("ANALYZE")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()


def _worker(writer, args, seed: int, part: tuple[int, int, int, int], results) -> None:  # noqa: ANN001
    # A forked child must never close the parent's connection (that would end its session): it
    # leaves with os._exit, without running finalizers.
    code = 1
    try:
        summary = BulkSummary()
        refs = args[0]
        for ref in refs:
            ref.counters = {}
        writer.write(_tickets(*args[:5], random.Random(seed * 31 + part[0]), *args[5:], summary, part),
                     {"tickets": TICKET_COLUMNS, "ticket_history": HISTORY_COLUMNS})
        results.put((summary.tickets, summary.history, {ref.demo.id: ref.counters for ref in refs}))
        results.close()
        results.join_thread()
        code = 0
    except BaseException as error:  # noqa: BLE001
        print(f"bulk worker {part}: {error!r}", file=sys.stderr, flush=True)
        results.put((0, 0, {}))
        results.close()
        results.join_thread()
    finally:
        os._exit(code)


def _tickets_in_workers(writer, args, seed: int, summary: BulkSummary) -> list[tuple[int, str, int]]:  # noqa: ANN001
    """Two processes (fork: they share the generated customers), each COPYing half of the years."""
    refs, total, _clock, first_t, now_t = args[:5]
    step = (now_t - first_t) / total
    middle = first_t + (now_t - first_t) // 2
    boundary = middle - (middle + LOCAL_OFFSET) % 86400  # a local midnight
    split = int((boundary - first_t) / step)
    parts = [(0, split, first_t, boundary - 1), (split, total, boundary, now_t)]
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [context.Process(target=_worker, args=(writer, args, seed, part, results)) for part in parts]
    for w in workers:
        w.start()
    merged: dict[int, dict[str, int]] = {}
    for _ in workers:
        tickets, history, counters = results.get()
        summary.tickets += tickets
        summary.history += history
        for company_id, days in counters.items():
            for day, last in days.items():
                previous = merged.setdefault(company_id, {}).get(day)
                if previous is not None:
                    raise RuntimeError(f"ticket numbers of {day} made by two workers")
                merged[company_id][day] = last
    for w in workers:
        w.join()
        if w.exitcode != 0:
            raise RuntimeError(f"bulk worker failed with exit code {w.exitcode}")
    return [(company_id, day, last) for company_id, days in merged.items() for day, last in sorted(days.items())]


# --- entry point -----------------------------------------------------------------------------

def load_bulk(url: str | None, customers: int = 1_000_000, tickets: int = 5_000_000, *, seed: int = 2026,
              days: int = DAYS, now: datetime | None = None, progress: Callable[[str], None] | None = None) -> BulkSummary:
    """Load the demo organisation, `customers` customers and `tickets` tickets with history into an
    empty, migrated database (the `demo` command migrates and checks emptiness first)."""
    say = progress or _say
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
    say(f"organisation: {len(refs)} companies ({summary.phases['organisation']:.1f} s)")
    writer = _SqliteWriter(real_url) if sqlite else _PostgresWriter(real_url)
    gc_was_enabled = gc.isenabled()
    gc.disable()  # millions of long-lived tuples: the cyclic collector would rescan them over and over
    try:
        rng = random.Random(seed)
        clock = Clock(sqlite, first_day, days + 90)
        ids = {t: writer.max_id(t) + 1 for t in BULK_TABLES}
        writer.drop_indexes()
        t0 = time.perf_counter()
        writer.write(_customers(refs, customers, clock, first_t, now_t - first_t, rng, ids["customers"],
                                ids["customer_phones"], summary),
                     {"customers": CUSTOMER_COLUMNS, "customer_phones": PHONE_COLUMNS})
        summary.phases["customers"] = time.perf_counter() - t0
        say(f"customers: {summary.customers:,} with {summary.phones:,} phone rows "
            f"({summary.phases['customers']:.1f} s)")
        t0 = time.perf_counter()
        args = (refs, tickets, clock, first_t, now_t, ids["tickets"], ids["ticket_history"], sqlite)
        if sqlite or tickets < 200_000 or "fork" not in multiprocessing.get_all_start_methods():
            writer.write(_tickets(*args[:5], rng, *args[5:], summary),
                         {"tickets": TICKET_COLUMNS, "ticket_history": HISTORY_COLUMNS})
            counters = [(ref.demo.id, day, last) for ref in refs for day, last in sorted(ref.counters.items())]
        else:
            counters = _tickets_in_workers(writer, args, seed, summary)
        writer.counters(counters)
        summary.phases["tickets"] = time.perf_counter() - t0
        say(f"tickets: {summary.tickets:,} with {summary.history:,} history rows ({summary.phases['tickets']:.1f} s)")
        t0 = time.perf_counter()
        say("building indexes, search index, statistics")
        writer.finish({"customers": summary.customers, "customer_phones": summary.phones,
                       "tickets": summary.tickets, "ticket_history": summary.history})
        summary.phases["indexes"] = time.perf_counter() - t0
    finally:
        writer.close()
        if gc_was_enabled:
            gc.enable()
    summary.seconds = time.perf_counter() - started
    say(f"done in {summary.seconds:.1f} s (indexes {summary.phases['indexes']:.1f} s)")
    return summary
