"""The data figures of issue 7, each measured through the services and against its floor: the raw
indexed SQL (DB-API, no ORM) that returns the same rows, timed in the same run."""

from __future__ import annotations

import multiprocessing
import random
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from sqlalchemy.engine import make_url

from agent_app.domain.errors import ConflictError
from agent_app.domain.phone import normalize_phone
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo import content
from agent_app.services.queries import TicketQuery
from bench.stats import Figure, summary, timed

HISTORY_LIMIT = 20
PAGE = 50


class Raw:
    """A DB-API connection for the floors: `?` placeholders on both databases."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.dialect = "sqlite" if parsed.get_backend_name() == "sqlite" else "postgresql"
        if self.dialect == "sqlite":
            self.conn = sqlite3.connect(parsed.database, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
        else:
            import psycopg

            info = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
            self.conn = psycopg.connect(info, autocommit=True, prepare_threshold=None)

    def rows(self, sql: str, params: tuple | list = ()) -> list[tuple]:
        if self.dialect == "postgresql":
            sql = sql.replace("?", "%s")
        cur = self.conn.execute(sql, tuple(params))
        result = cur.fetchall()
        cur.close()
        return result

    def value(self, sql: str, params: tuple | list = ()) -> Any:
        rows = self.rows(sql, params)
        return rows[0][0] if rows else None

    def close(self) -> None:
        self.conn.close()


@dataclass
class Context:
    url: str
    label: str  # sqlite | postgresql
    services: Services
    raw: Raw
    probes: int
    smoke: bool
    rng: random.Random
    company_id: int
    code: str

    def actor(self, key: str):  # noqa: ANN201
        with self.services.uow() as uow:
            return actor_for_account(uow.session, f"{self.code}_{key}")


def _measure(ctx: Context, calls: list[Callable[[], Any]], warmup: int = 3) -> list[float]:
    for fn in calls[:warmup]:
        fn()
    return [timed(fn)[0] for fn in calls]


def _pairs(ctx: Context, cases: list[tuple[Callable[[], Any], Callable[[], Any]]]) -> tuple[list[float], list[float]]:
    """Service and floor of each case, interleaved so both see the same cache and machine load."""
    for service, floor in cases[:3]:
        service(), floor()
    service_times, floor_times = [], []
    for service, floor in cases:
        service_times.append(timed(service)[0])
        floor_times.append(timed(floor)[0])
    return service_times, floor_times


def _cycle(items: list, n: int) -> list:
    return [items[i % len(items)] for i in range(n)]


# --- screen-pop ------------------------------------------------------------------------------

def screen_pop(ctx: Context) -> list[Figure]:
    agent = ctx.actor("agent")
    top = ctx.raw.value("SELECT max(id) FROM customer_phones")
    numbers: list[str] = []
    tries = 0
    while len(numbers) < min(ctx.probes, 400) and tries < 20 * ctx.probes:
        tries += 1
        row = ctx.raw.rows("SELECT number FROM customer_phones WHERE id = ? AND company_id = ?",
                           (ctx.rng.randint(1, top), ctx.company_id))
        if row:
            numbers.append(row[0][0])
    area = ctx.raw.value("SELECT area_code FROM companies WHERE id = ?", (ctx.company_id,))
    shown = [content.shown(n, ctx.rng) for n in numbers]

    def floor_for(raw_number: str) -> Callable[[], Any]:
        def run() -> tuple[list, list]:
            canonical = normalize_phone(raw_number, area).canonical
            customers = ctx.raw.rows(
                "SELECT c.id, c.user_no, c.customer_no, c.name, c.customer_type, c.mobile, c.phone, c.address, "
                "c.meter_no, c.area_id, a.name FROM customer_phones p JOIN customers c ON c.id = p.customer_id "
                "LEFT JOIN areas a ON a.id = c.area_id WHERE p.company_id = ? AND p.number = ? ORDER BY c.id",
                (ctx.company_id, canonical))
            ids = [c[0] for c in customers]
            marks = ",".join("?" * len(ids))
            by_customer = f"SELECT t.id, t.registered_at FROM tickets t WHERE t.customer_id IN ({marks}) AND " \
                          f"t.company_id = ? ORDER BY t.registered_at DESC, t.id DESC LIMIT {HISTORY_LIMIT}"
            by_caller = "SELECT t.id, t.registered_at FROM tickets t WHERE t.company_id = ? AND " \
                        f"t.caller_phone_key = ? ORDER BY t.registered_at DESC, t.id DESC LIMIT {HISTORY_LIMIT}"
            sql = (f"SELECT t.id, t.number, t.registered_at, t.ticket_type, t.status, s.name, t.description, "
                   f"t.address FROM tickets t LEFT JOIN service_categories s ON s.id = t.category_id WHERE t.id IN ("
                   f"SELECT id FROM ({by_caller}) a" + (f" UNION SELECT id FROM ({by_customer}) b" if ids else "")
                   + f") ORDER BY t.registered_at DESC, t.id DESC LIMIT {HISTORY_LIMIT}")
            params = [ctx.company_id, canonical] + ((ids + [ctx.company_id]) if ids else [])
            return customers, ctx.raw.rows(sql, params)
        return run

    cases = [(lambda n=n: ctx.services.lookup.by_phone(agent, n), floor_for(n)) for n in _cycle(shown, ctx.probes)]
    # same rows?
    mismatches = 0
    for n in shown[:50]:
        pop = ctx.services.lookup.by_phone(agent, n)
        customers, tickets = floor_for(n)()
        if [c.id for c in pop.customers] != [c[0] for c in customers] or [t.id for t in pop.tickets] != [t[0] for t in tickets]:
            mismatches += 1
    service, floor = _pairs(ctx, cases)
    s, f = summary(service), summary(floor)
    return [Figure("screen-pop data (by_phone)", ctx.label, "ms", s, f, "p95 within 5 ms of floor",
                   s["p95"] - f["p95"] <= 5.0, note=f"{mismatches} of {min(50, len(shown))} checked pops differ from the floor",
                   detail={"sample_numbers": len(shown)})]


# --- ticket lists ----------------------------------------------------------------------------

def _refs(ctx: Context) -> dict[str, Any]:
    r = ctx.raw
    c = ctx.company_id
    ids = {row[0]: row[1] for row in r.rows("SELECT account, id FROM users WHERE company_id = ?", (c,))}
    kinds = {row[0]: row[1] for row in r.rows(
        "SELECT kind, id FROM service_categories WHERE company_id = ? AND level = 1", (c,))}
    leaf = r.value("SELECT category_id FROM tickets WHERE company_id = ? AND category_id IS NOT NULL "
                   "ORDER BY id DESC LIMIT 1", (c,))
    l2 = r.value("SELECT category_l2_id FROM tickets WHERE company_id = ? AND category_l2_id IS NOT NULL "
                 "ORDER BY id LIMIT 1", (c,))
    latest = r.value("SELECT max(registered_at) FROM tickets WHERE company_id = ?", (c,))
    if isinstance(latest, str):
        latest = datetime.fromisoformat(latest.replace(" ", "T")[:19]).replace(tzinfo=timezone.utc)
    number = r.value("SELECT number FROM tickets WHERE company_id = ? ORDER BY id LIMIT 1 OFFSET ?",
                     (c, max(0, r.value("SELECT count(*) FROM (SELECT 1 FROM tickets WHERE company_id = ? LIMIT 100000) x",
                                        (c,)) // 2)))
    dept = r.value("SELECT department_id FROM users WHERE id = ?", (ids[f"{ctx.code}_handler"],))
    targets = [row[0] for row in r.rows(
        "SELECT id FROM dispatch_targets WHERE company_id = ? AND (user_id = ? OR department_id = ?)",
        (c, ids[f"{ctx.code}_handler"], dept))]
    return {"users": ids, "kinds": kinds, "leaf": leaf, "l2": l2, "latest": latest, "number": number,
            "handler_targets": targets}


def _ts(ctx: Context, value: datetime) -> Any:
    if ctx.raw.dialect == "sqlite":
        return value.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def list_cases(ctx: Context, refs: dict[str, Any]) -> list[tuple[str, str, TicketQuery, str, list]]:
    """(label, actor key, query, floor WHERE, floor params): a spread of conditions a desk uses."""
    u, code = refs["users"], ctx.code
    latest: datetime = refs["latest"]
    month_ago, year_ago = latest - timedelta(days=30), latest - timedelta(days=365)
    handler, agent, dispatcher = u[f"{code}_handler"], u[f"{code}_agent"], u[f"{code}_dispatcher"]
    extra_handler = u.get(f"{code}_h003", handler)
    like = "ILIKE" if ctx.raw.dialect == "postgresql" else "LIKE"
    targets = refs["handler_targets"] or [-1]
    tmarks = ",".join("?" * len(targets))
    cases = [
        ("all", "supervisor", TicketQuery(), "1=1", []),
        ("status open", "supervisor", TicketQuery(status="open"), "t.status_category = ?", ["open"]),
        ("closed + critical", "supervisor", TicketQuery(status="closed", urgency="critical"),
         "t.status_category = ? AND t.urgency = ?", ["closed", "critical"]),
        ("kind complaint folder", "supervisor", TicketQuery(folder="kind:complaint"),
         "t.category_l1_id = ?", [refs["kinds"].get("complaint", -1)]),
        ("category level 2", "supervisor", TicketQuery(category_l2_id=refs["l2"]), "t.category_l2_id = ?", [refs["l2"]]),
        ("category leaf", "supervisor", TicketQuery(category_id=refs["leaf"]), "t.category_id = ?", [refs["leaf"]]),
        ("last 30 days + wechat", "supervisor", TicketQuery(registered_from=month_ago, source_channel="wechat"),
         "t.registered_at >= ? AND t.source_channel = ?", [_ts(ctx, month_ago), "wechat"]),
        ("a month a year ago, closed", "supervisor",
         TicketQuery(registered_from=year_ago, registered_to=year_ago + timedelta(days=30), status="closed"),
         "t.status_category = ? AND t.registered_at >= ? AND t.registered_at < ?",
         ["closed", _ts(ctx, year_ago), _ts(ctx, year_ago + timedelta(days=30))]),
        ("registrar", "supervisor", TicketQuery(registrar_id=agent), "t.registrar_id = ?", [agent]),
        ("final handler's closed work: dispatcher", "supervisor", TicketQuery(dispatcher_id=dispatcher, status="closed"),
         "t.dispatcher_id = ? AND t.status_category = ?", [dispatcher, "closed"]),
        ("current handler", "supervisor", TicketQuery(handler_id=extra_handler), "t.current_handler_id = ?", [extra_handler]),
        ("repair processing", "supervisor", TicketQuery(ticket_type="repair", status="processing"),
         "t.ticket_type = ? AND t.status = ?", ["repair", "processing"]),
        ("number", "supervisor", TicketQuery(number=refs["number"]), "t.number = ?", [refs["number"]]),
        ("customer name 王", "supervisor", TicketQuery(customer_name="王"), f"t.customer_name {like} ?", ["%王%"]),
        ("overdue", "supervisor", TicketQuery(overdue=True),
         "t.due_at IS NOT NULL AND ((t.closed_at IS NULL AND t.due_at < ?) OR t.closed_at > t.due_at)",
         [_ts(ctx, datetime.now(timezone.utc))]),
        ("my pending (handler)", "handler", TicketQuery(folder="my_pending"),
         f"t.status_category <> 'closed' AND (t.current_handler_id = ? OR (t.status = 'dispatched' AND "
         f"t.dispatch_target_id IN ({tmarks})))", [handler, *targets]),
        ("my pending (dispatcher)", "dispatcher", TicketQuery(folder="my_pending"),
         "t.status_category <> 'closed' AND (t.current_handler_id = ? OR (t.ticket_type = 'hotline' AND "
         "t.status = 'registered' AND t.current_handler_id IS NULL))", [dispatcher]),
        ("my applications (agent)", "agent", TicketQuery(folder="my_applications"), "t.registrar_id = ?", [agent]),
        ("my processed (handler)", "handler", TicketQuery(folder="my_processed"),
         "EXISTS (SELECT 1 FROM ticket_history h WHERE h.ticket_id = t.id AND h.actor_id = ? AND h.action <> 'register')",
         [handler]),
    ]
    return cases


FLOOR_SELECT = (
    "SELECT t.id, t.version, t.number, t.ticket_type, t.registered_at, leaf.name, t.status, t.caller_phone, co.name, "
    "t.urgency, hd.name, t.address, t.due_at, t.extend_count, t.urge_count, t.leftover, t.callback_result, "
    "t.source_channel, t.description, fh.name, rg.name, dp.name, t.contact_name, t.contact_phone, t.product_line, "
    "t.device_sn, en.name, t.closed_at FROM tickets t JOIN companies co ON co.id = t.company_id "
    "LEFT JOIN service_categories leaf ON leaf.id = t.category_id LEFT JOIN users hd ON hd.id = t.current_handler_id "
    "LEFT JOIN users fh ON fh.id = t.final_handler_id LEFT JOIN users rg ON rg.id = t.registrar_id "
    "LEFT JOIN users dp ON dp.id = t.dispatcher_id LEFT JOIN engineers en ON en.id = t.engineer_id "
)


def _floor_page(ctx: Context, where: str, params: list, after: tuple | None = None, limit: int = PAGE):
    sql = FLOOR_SELECT + f"WHERE t.company_id = ? AND ({where})"
    args = [ctx.company_id, *params]
    if after is not None:
        sql += " AND (t.registered_at, t.id) < (?, ?)"
        args += [_ts(ctx, after[0]) if isinstance(after[0], datetime) else after[0], after[1]]
    sql += f" ORDER BY t.registered_at DESC, t.id DESC LIMIT {limit + 1}"
    return lambda: ctx.raw.rows(sql, args)


def lists(ctx: Context) -> list[Figure]:
    refs = _refs(ctx)
    cases = list_cases(ctx, refs)
    actors = {key: ctx.actor(key) for key in {c[1] for c in cases}}
    mismatches: list[str] = []
    per_case: dict[str, dict] = {}
    pairs = []
    for label, key, query, where, params in cases:
        service = (lambda a=actors[key], q=query: ctx.services.queries.page(a, q, limit=PAGE))
        floor = _floor_page(ctx, where, params)
        if [r.id for r in service().rows] != [row[0] for row in floor()[:PAGE]]:
            mismatches.append(label)
        pairs.append((label, service, floor))
    rounds = max(1, -(-ctx.probes // len(pairs)))
    all_s, all_f = [], []
    for label, service, floor in pairs:
        s, f = _pairs(ctx, [(service, floor)] * (rounds + 3))
        s, f = s[3:], f[3:]
        all_s += s
        all_f += f
        per_case[label] = {"service": summary(s), "floor": summary(f)}
    figures = [Figure("ticket list first page", ctx.label, "ms", summary(all_s), summary(all_f), "p95 <= 50 ms",
                      summary(all_s)["p95"] <= 50.0,
                      note=f"{len(cases)} condition combinations; rows differ from floor: {mismatches or 'none'}",
                      detail={"cases": per_case})]
    figures.append(deep_pages(ctx, actors["supervisor"], refs))
    return figures


def deep_pages(ctx: Context, supervisor, refs: dict[str, Any]) -> Figure:  # noqa: ANN001
    depth = 200 if ctx.smoke else 100_000
    cases = [("all", TicketQuery(), "1=1", []), ("closed", TicketQuery(status="closed"), "t.status_category = ?", ["closed"]),
             ("kind complaint", TicketQuery(folder="kind:complaint"), "t.category_l1_id = ?",
              [refs["kinds"].get("complaint", -1)])]
    pairs, mismatches, per_case = [], [], {}
    for label, query, where, params in cases:
        sql = (f"SELECT t.registered_at, t.id FROM tickets t WHERE t.company_id = ? AND ({where}) "
               f"ORDER BY t.registered_at DESC, t.id DESC LIMIT 1 OFFSET ?")
        row = ctx.raw.rows(sql, [ctx.company_id, *params, depth])
        if not row:
            continue
        at, ticket_id = row[0]
        if isinstance(at, str):
            at = datetime.fromisoformat(at.replace(" ", "T")).replace(tzinfo=timezone.utc)
        cursor = (at, ticket_id)
        service = (lambda q=query, cur=cursor: ctx.services.queries.page(supervisor, q, after=cur, limit=PAGE))
        floor = _floor_page(ctx, where, params, after=cursor)
        if [r.id for r in service().rows] != [x[0] for x in floor()[:PAGE]]:
            mismatches.append(label)
        pairs.append((label, service, floor))
    rounds = max(1, -(-ctx.probes // max(1, len(pairs))))
    all_s, all_f = [], []
    for label, service, floor in pairs:
        s, f = _pairs(ctx, [(service, floor)] * (rounds + 3))
        all_s += s[3:]
        all_f += f[3:]
        per_case[label] = {"service": summary(s[3:]), "floor": summary(f[3:])}
    s = summary(all_s)
    return Figure(f"next page by keyset at depth {depth:,}", ctx.label, "ms", s, summary(all_f), "p95 <= 20 ms",
                  s["p95"] <= 20.0, note=f"rows differ from floor: {mismatches or 'none'}", detail={"cases": per_case})


# --- Chinese substring search ----------------------------------------------------------------

ADDRESS_KEYWORDS = ["科技园路1", "金碧花园", "天河路12号", "翠湖雅居", "白云大道8", "骏景", "五羊新城3"]
DESCRIPTION_KEYWORDS = ["热水器无法启动", "水表玻璃破裂", "阶梯水价", "路面塌陷", "漏水", "投诉营业厅"]


def search(ctx: Context) -> list[Figure]:
    supervisor = ctx.actor("supervisor")
    like = "ILIKE" if ctx.raw.dialect == "postgresql" else "LIKE"
    figures = []
    for column, keywords in (("address", ADDRESS_KEYWORDS), ("description", DESCRIPTION_KEYWORDS)):
        pairs, mismatches, per_kw = [], [], {}
        for kw in keywords:
            query = TicketQuery(**{column: kw})
            if ctx.raw.dialect == "sqlite" and len(kw) >= 3:
                where = f"t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search.{column} LIKE ?)"
            else:
                where = f"t.{column} {like} ?"
            floor = _floor_page(ctx, where, [f"%{kw}%"])
            service = (lambda q=query: ctx.services.queries.page(supervisor, q, limit=PAGE))
            # the same rows as a full scan (instr/strpos use no index)?
            scan_fn = "instr" if ctx.raw.dialect == "sqlite" else "strpos"
            scan = ctx.raw.rows(f"SELECT t.id FROM tickets t WHERE t.company_id = ? AND {scan_fn}(t.{column}, ?) > 0 "
                                f"ORDER BY t.registered_at DESC, t.id DESC LIMIT {PAGE}", (ctx.company_id, kw))
            got = [r.id for r in service().rows]
            if got != [r[0] for r in scan]:
                mismatches.append(kw)
            per_kw[kw] = {"rows": len(got)}
            pairs.append((kw, service, floor))
        rounds = max(1, -(-ctx.probes // len(pairs)))
        all_s, all_f = [], []
        for kw, service, floor in pairs:
            s, f = _pairs(ctx, [(service, floor)] * (rounds + 2))
            all_s += s[2:]
            all_f += f[2:]
            per_kw[kw].update(service=summary(s[2:]), floor=summary(f[2:]))
        s = summary(all_s)
        figures.append(Figure(f"search {column} (first page)", ctx.label, "ms", s, summary(all_f), "p95 <= 50 ms",
                              s["p95"] <= 50.0,
                              note=f"same rows as a full scan: {'yes' if not mismatches else 'NO for ' + ', '.join(mismatches)}",
                              detail={"keywords": per_kw}))
    return figures


# --- tree counts -----------------------------------------------------------------------------

def tree_counts(ctx: Context) -> list[Figure]:
    actors = [ctx.actor(k) for k in ("agent", "handler", "dispatcher", "supervisor")]
    calls = [(lambda a=a: ctx.services.queries.tree_counts(a)) for a in _cycle(actors, ctx.probes)]
    times = _measure(ctx, calls)
    s = summary(times)
    sample = ctx.services.queries.tree_counts(actors[-1])
    return [Figure("tree counts", ctx.label, "ms", s, None, "p95 <= 200 ms", s["p95"] <= 200.0,
                   note="agent, handler, dispatcher, supervisor in turn", detail={"supervisor_counts": sample})]


# --- concurrent workflow actions (PostgreSQL) ------------------------------------------------

def _action_worker(url: str, code: str, ticket_ids: list[int], seconds: float, seed: int, out) -> None:  # noqa: ANN001
    services = Services(create_db_engine(url))
    rng = random.Random(seed)
    with services.uow() as uow:
        actor = actor_for_account(uow.session, f"{code}_agent")
    raw = Raw(url)
    done = conflicts = 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        # as at a desk: the ticket is shown at its current version, then acted on; another
        # client acting on it in between is a real race, caught as a conflict
        tid = rng.choice(ticket_ids)
        version = raw.value("SELECT version FROM tickets WHERE id = ?", (tid,))
        try:
            services.tickets.perform(actor, tid, "urge", version, opinion="客户来电催促")
            done += 1
        except ConflictError:
            conflicts += 1
    raw.close()
    services.close()
    out.put((done, conflicts))


def workflow_actions(ctx: Context, clients: int = 8) -> list[Figure]:
    if ctx.raw.dialect != "postgresql":
        return []
    hot = [r[0] for r in ctx.raw.rows(
        "SELECT id FROM tickets WHERE company_id = ? AND ticket_type = 'hotline' AND status IN ('dispatched', "
        "'processing') ORDER BY id DESC LIMIT 400", (ctx.company_id,))]
    if not hot:
        return []
    before = {r[0]: r[1] for r in ctx.raw.rows(
        f"SELECT id, urge_count FROM tickets WHERE id IN ({','.join('?' * len(hot))})", hot)}
    seconds = 2.0 if ctx.smoke else 20.0
    mp = multiprocessing.get_context("spawn")
    out = mp.Queue()
    procs = [mp.Process(target=_action_worker, args=(ctx.url, ctx.code, hot, seconds, i, out)) for i in range(clients)]
    for p in procs:
        p.start()
    results = [out.get() for _ in procs]
    for p in procs:
        p.join()
    done = sum(r[0] for r in results)
    conflicts = sum(r[1] for r in results)
    rate = done / seconds
    marks = ",".join("?" * len(hot))
    lost = ctx.raw.rows(
        f"SELECT t.id FROM tickets t WHERE t.id IN ({marks}) AND t.version <> "
        f"(SELECT count(*) FROM ticket_history h WHERE h.ticket_id = t.id)", hot)
    urges = ctx.raw.value(f"SELECT sum(urge_count) FROM tickets WHERE id IN ({marks})", hot) - sum(before.values())
    ok = not lost and urges == done
    return [Figure(f"workflow actions, {clients} PostgreSQL clients", ctx.label, "actions/s",
                   {"median": round(rate, 1), "p95": round(rate, 1), "max": round(rate, 1), "probes": done}, None,
                   ">= 500/s, no lost update", rate >= 500 and ok,
                   note=(f"{done} urges committed, {conflicts} conflicts caught (races between reading a ticket "
                         f"and acting on it), {len(hot)} hot tickets; "
                         f"version = history rows on every ticket: {'yes' if not lost else 'NO (' + str(len(lost)) + ')'}; "
                         f"urge_count grew by exactly the committed urges: {'yes' if urges == done else 'NO'}"))]
