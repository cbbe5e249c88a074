"""The rows of the bulk demo: customers with their phone numbers, tickets with their history.

Generated, not written through the services: at 5 million tickets the workflow engine would take
hours. Every ticket is what the workflow would have produced (see `tickets`); deterministic for a
given random.Random. The writers (`bulk_writers`) store the rows; `bulk` runs the whole load.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import Callable, Iterator

from agent_app.services.demo import content
from agent_app.services.demo.org import DemoCompany
from agent_app.services.tickets.effects import URGENCY_HOURS

LOCAL_OFFSET = 8 * 3600  # Asia/Shanghai has no daylight saving time


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


def say(message: str) -> None:
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



POSTGRES_EPOCH = 946_684_800  # 2000-01-01 00:00 UTC in Unix seconds


class Clock:
    """Timestamps for epoch seconds, as each writer stores them (`stamp`), and local days.

    SQLite: text, from cached day strings and a table of HH:MM:SS. PostgreSQL (binary COPY): the
    microseconds since 2000-01-01 UTC, which is how a `timestamptz` travels in binary."""

    def __init__(self, sqlite: bool, first_day: date, days: int) -> None:
        self.stamp: Callable[[int], str | int] = self.text if sqlite else self.micros
        self._epoch0 = int(datetime(first_day.year, first_day.month, first_day.day, tzinfo=timezone.utc).timestamp())
        self._days = [(first_day + timedelta(days=d)).isoformat() + " " for d in range(days + 3)]
        self._local_days = [(first_day + timedelta(days=d)).strftime("%Y%m%d") for d in range(days + 3)]
        self._hms = [f"{h:02d}:{m:02d}:{s:02d}" for h in range(24) for m in range(60) for s in range(60)]

    def text(self, t: int) -> str:
        d, s = divmod(t - self._epoch0, 86400)
        return self._days[d] + self._hms[s] + ".000000"

    @staticmethod
    def micros(t: int) -> int:
        return (t - POSTGRES_EPOCH) * 1_000_000

    def local_day(self, t: int) -> str:
        return self._local_days[(t + LOCAL_OFFSET - self._epoch0) // 86400]


CustomerSlice = tuple[CompanyRefs, int, int, int]  # (company, first index, end index, customers before it)


def customer_slices(refs: list[CompanyRefs], total: int, parts: int) -> list[list[CustomerSlice]]:
    """`total` customers shared by the companies, each company's cut into `parts` runs (one per
    writer process). Runs start at a multiple of ten, so no household group of ten is split."""
    counts = [int(total * ref.share) for ref in refs[:-1]]
    counts.append(total - sum(counts))
    slices: list[list[CustomerSlice]] = [[] for _ in range(parts)]
    before = 0
    for ref, count in zip(refs, counts):
        cuts = [count * k // parts // 10 * 10 for k in range(parts)] + [count]
        for k in range(parts):
            slices[k].append((ref, cuts[k], cuts[k + 1], before + cuts[k]))
        before += count
    return slices


def customers(slices: list[CustomerSlice], clock: Clock, first_t: int, span: int, rng: random.Random,
              start_id: int, start_phone_id: int, summary: BulkSummary) -> Iterator[tuple[str, tuple]]:
    """('customers', row) and ('customer_phones', row) tuples; fills each ref.customers (the callers
    of the tickets) with its slice. Ids follow the position among all customers: a customer's id is
    `start_id` + its position, its phone rows `start_phone_id` + 2 × position (+ 1), whichever
    process writes it."""
    r = rng.random
    for ref, first, end, before in slices:
        demo, area_code = ref.demo, ref.area_code
        cid = start_id + before
        pid = start_phone_id + 2 * before
        shared_line = ""
        for index in range(first, end):
            area_id, district = ref.areas[int(r() * len(ref.areas))]
            business = index % 9 == 0
            # households 1 and 2 of every ten share the landline of household 0 (families, offices);
            # a landline's canonical form (the phone index, the tickets' caller key) is area code + number
            if index % 10 in (1, 2):
                line = shared_line
            else:
                line = content.landline(rng, area_code)
                if index % 10 == 0:
                    shared_line = line
            mob = content.mobile(rng)
            name = content.business_name(rng) if business else content.person_name(rng)
            address = content.address(rng, district)
            created = clock.stamp(first_t + int(r() * span))
            mobile_shown = content.shown(mob, rng)
            line_shown = content.shown(line, rng)
            has_mobile = business is False or r() < 0.5
            meter_no = f"SB{demo.id:02d}{index:07d}"
            yield "customers", (cid, demo.id, f"{demo.code.upper()}{index + 1:08d}", f"KH{demo.id:02d}{index + 1:07d}",
                                name, "business" if business else "resident", mobile_shown if has_mobile else None,
                                line_shown, address, meter_no, area_id, created, created)
            if has_mobile:
                yield "customer_phones", (pid, demo.id, cid, mob, "mobile")
                summary.phones += 1
            yield "customer_phones", (pid + 1, demo.id, cid, line, "landline")
            summary.phones += 1
            if has_mobile:
                ref.customers.append((cid, name, address, area_id, meter_no, mobile_shown, mob))
            else:
                ref.customers.append((cid, name, address, area_id, meter_no, line_shown, line))
            cid += 1
            pid += 2
            summary.customers += 1
            if summary.customers % 200_000 == 0:
                say(f"customers {summary.customers:,}")


def tickets(refs: list[CompanyRefs], total: int, clock: Clock, first_t: int, now_t: int, rng: random.Random,
             start_id: int, start_history_id: int, summary: BulkSummary,
             part: tuple[int, int, int, int] | None = None) -> Iterator[tuple[str, tuple]]:
    """('tickets', row) and ('ticket_history', row) tuples, in registration order.

    `part` = (first index, end index, earliest time, latest time) generates one slice of the whole set (a
    worker process); slices meet at a local midnight, so ticket numbers never collide."""
    r = rng.random
    text = clock.stamp
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
            extend, urge, returned, callback_result, satisfaction, handling, False, product_line, device_sn,
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
            say(f"tickets {summary.tickets:,} (history {summary.history:,})")

