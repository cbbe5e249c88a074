"""Ticket lists: every query condition of seed 004 §5.2.1–5.2.2 and seed 000 §3.3.8, the folders
of the ticket tree with their counts, and keyset paging that costs the same at any depth.

At call-center scale (5 M tickets, docs/performance.md):
- lists select the columns they show, never the whole ORM entity, and the joined aliases are
  built once at import;
- the open-ticket folders say `status_category <> 'closed'` as a literal so both databases can
  use the partial index of open tickets (migrations 0002, 0003);
- a category-kind folder compares `category_l1_id` with the company's level-1 ids (cached),
  not through a join;
- a ticket number (or its date prefix) also bounds `registered_at`, which it implies;
- the ticket tree counts with a cap (`TREE_COUNT_CAP`: a folder with more shows the cap,
  "10000+"), each count one short index walk.
"""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, exists, func, literal_column, or_, select, text
from sqlalchemy.orm import Session, aliased

from agent_app.domain.errors import PermissionDenied, ValidationError
from agent_app.domain.workflow import workflow_for
from agent_app.services import keyset
from agent_app.services.actor import Actor
from agent_app.services.clock import Clock
from agent_app.services.models import (
    Company,
    DispatchTarget,
    Engineer,
    ServiceCategory,
    Ticket,
    TicketHistory,
    TicketLink,
    User,
)
from agent_app.services.recent_walk import newest_matches, text_terms
from agent_app.services.search import contains
from agent_app.services.tickets.access import visible
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.services.uow import UnitOfWorkFactory

MAX_PAGE = 500
TREE_COUNT_CAP = 10_000  # tree counts stop here: the tree shows "10000+"
KIND_CACHE_TTL = 300.0  # seconds the company's level-1 category ids per kind are reused
_NUMBER_PREFIX = re.compile(r"(\d{8})(-\d{0,6})?")
_CLOSED = literal_column("'closed'")  # a literal, so the partial index of open tickets applies

FOLDERS = ("my_pending", "my_processed", "my_applications", "all")
CATEGORY_KINDS = ("consult", "business", "fault", "complaint", "other")


@dataclass
class TicketQuery:
    """Every condition is optional; text conditions match substrings (模糊查询)."""

    folder: str = "all"  # my_pending | my_processed | my_applications | all | kind:<category kind>
    number: str | None = None
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    address: str | None = None
    description: str | None = None
    source_channel: str | None = None
    status: str | None = None  # a state code, or a category: new / open / pending / closed
    handler_id: int | None = None  # 处理人 (current)
    registrar_id: int | None = None
    dispatcher_id: int | None = None
    callback_result: str | None = None
    urgency: str | None = None
    category_l1_id: int | None = None
    category_l2_id: int | None = None
    category_id: int | None = None  # level 3
    related_number: str | None = None  # 关联单号
    leftover: str | None = None  # 遗留事项
    wechat_closed: bool | None = None  # 结束微厅工单
    caller_phone: str | None = None
    ticket_type: str | None = None
    customer_name: str | None = None
    product_line: str | None = None
    device_sn: str | None = None
    engineer_id: int | None = None
    area_id: int | None = None
    overdue: bool | None = None
    sort: str = "registered_at"
    descending: bool = True

    def is_empty(self) -> bool:
        defaults = TicketQuery()
        return all(getattr(self, f.name) == getattr(defaults, f.name) for f in fields(self) if f.name != "folder")


@dataclass(frozen=True)
class TicketRow:
    """One line of the ticket list: the columns of seed 004 §5.2."""

    id: int
    version: int
    number: str
    ticket_type: str
    registered_at: datetime
    category: str | None
    status: str
    status_label: str
    caller_phone: str | None
    company: str
    urgency: str
    current_handler: str | None
    address: str | None
    due_at: datetime | None
    extend_count: int
    urge_count: int
    overdue_days: int
    leftover: str | None
    callback_result: str | None
    source_channel: str
    description: str
    final_handler: str | None
    registrar: str | None
    dispatcher: str | None
    contact_name: str | None
    contact_phone: str | None
    product_line: str | None
    device_sn: str | None
    engineer: str | None


@dataclass(frozen=True)
class Page:
    rows: list[TicketRow]
    next_cursor: tuple[Any, int] | None  # pass as `after` for the next page


SORTABLE = {
    "registered_at": Ticket.registered_at,
    "number": Ticket.number,
    "status": Ticket.status,
    "urgency": Ticket.urgency,
    "urge_count": Ticket.urge_count,
    "extend_count": Ticket.extend_count,
}


def overdue_days(due_at: datetime | None, closed_at: datetime | None, now: datetime) -> int:
    """逾期天数: started days past the deadline (until closing, or until now while open)."""
    if due_at is None:
        return 0
    late = ((closed_at or now) - due_at).total_seconds()
    return max(0, math.ceil(late / 86400))


class QueryService:
    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock
        self._kinds: dict[int, tuple[float, dict[str, list[int]]]] = {}
        self._kinds_lock = threading.Lock()

    def _kind_ids(self, company_id: int) -> dict[str, list[int]]:
        """The company's level-1 category ids per kind (they change only when an admin edits the tree)."""
        now = time.monotonic()
        cached = self._kinds.get(company_id)
        if cached is not None and now - cached[0] < KIND_CACHE_TTL:
            return cached[1]
        with self._uow.engine.connect() as connection:
            rows = connection.execute(select(ServiceCategory.kind, ServiceCategory.id).where(
                ServiceCategory.company_id == company_id, ServiceCategory.level == 1)
                .order_by(ServiceCategory.id)).all()
        kinds: dict[str, list[int]] = {}
        for kind, category_id in rows:
            kinds.setdefault(kind, []).append(category_id)
        with self._kinds_lock:
            self._kinds[company_id] = (now, kinds)
        return kinds

    # --- conditions -------------------------------------------------------------------------

    def _folder(self, actor: Actor, folder: str, counting: bool = False) -> list[Any]:
        me = actor.user_id
        if folder == "all":
            if not actor.can("ticket.view_all") and actor.provider_id is None:
                raise PermissionDenied("permission_denied", permission="查看所有工单")
            return []
        if folder == "my_applications":
            return [Ticket.registrar_id == me]
        if folder == "my_processed":
            # the newest tickets, each probed for my history rows (one index probe each); the
            # uncorrelated guard (evaluated once, ix_ticket_history_actor) ends at once for
            # someone who never acted, where the walk would read every ticket to find none
            mine = [exists().where(TicketHistory.ticket_id == Ticket.id, TicketHistory.actor_id == me,
                                   TicketHistory.action != "register")]
            if counting:
                mine.insert(0, exists().where(TicketHistory.actor_id == me, TicketHistory.action != "register"))
            return mine
        if folder == "my_pending":
            mine = [Ticket.current_handler_id == me]
            targets = select(DispatchTarget.id).where(DispatchTarget.company_id == actor.company_id, or_(
                DispatchTarget.user_id == me,
                and_(DispatchTarget.department_id.is_not(None), DispatchTarget.department_id == actor.department_id),
                DispatchTarget.group_id.in_(actor.group_ids or [-1])))
            mine.append(and_(Ticket.status == "dispatched", Ticket.dispatch_target_id.in_(targets)))
            if actor.can("ticket.dispatch"):
                mine.append(and_(Ticket.ticket_type == "hotline", Ticket.status == "registered",
                                 Ticket.current_handler_id.is_(None)))
            if actor.can("ticket.callback"):
                mine.append(and_(Ticket.ticket_type == "hotline", Ticket.status.in_(("handled", "visited"))))
            if actor.can("workorder.assign"):
                mine.append(Ticket.status == "unprocessed")
            return [Ticket.status_category != _CLOSED, or_(*mine)]
        if folder.startswith("kind:") and folder[5:] in CATEGORY_KINDS:
            if not actor.can("ticket.view_all"):
                raise PermissionDenied("permission_denied", permission="查看所有工单")
            ids = self._kind_ids(actor.company_id).get(folder[5:], [])
            if len(ids) == 1:
                return [Ticket.category_l1_id == ids[0]]
            return [Ticket.category_l1_id.in_(ids or [-1])]
        raise ValidationError("invalid_choice", field="folder", value=folder)

    def _conditions(self, session: Session, actor: Actor, q: TicketQuery, counting: bool = False) -> list[Any]:
        c = self._folder(actor, q.folder, counting)
        equal = {
            "source_channel": Ticket.source_channel, "handler_id": Ticket.current_handler_id,
            "registrar_id": Ticket.registrar_id, "dispatcher_id": Ticket.dispatcher_id,
            "callback_result": Ticket.callback_result, "urgency": Ticket.urgency,
            "category_l1_id": Ticket.category_l1_id, "category_l2_id": Ticket.category_l2_id,
            "category_id": Ticket.category_id, "ticket_type": Ticket.ticket_type,
            "product_line": Ticket.product_line, "engineer_id": Ticket.engineer_id, "area_id": Ticket.area_id,
            "wechat_closed": Ticket.wechat_closed,
        }
        for name, column in equal.items():
            value = getattr(q, name)
            if value is not None and value != "":
                c.append(column == value)
        if q.status:
            if q.status in ("new", "open", "pending", "closed"):
                c.append(Ticket.status_category == q.status)
            else:
                c.append(Ticket.status == q.status)
        if q.registered_from:
            c.append(Ticket.registered_at >= q.registered_from)
        if q.registered_to:
            c.append(Ticket.registered_at < q.registered_to)
        if q.number:
            c.extend(_number_conditions(q.number.strip()))
        for name in ("address", "description"):
            keyword = (getattr(q, name) or "").strip()
            if keyword:
                c.append(contains(session, name, keyword))
        if q.leftover:
            c.append(Ticket.leftover.contains(q.leftover.strip(), autoescape=True))
        if q.customer_name:
            c.append(Ticket.customer_name.contains(q.customer_name.strip(), autoescape=True))
        if q.device_sn:
            c.append(Ticket.device_sn.contains(q.device_sn.strip(), autoescape=True))
        if q.caller_phone:
            digits = "".join(ch for ch in q.caller_phone if ch.isdigit())
            if digits:
                c.append(or_(Ticket.caller_phone_key.contains(digits), Ticket.contact_phone.contains(digits)))
        if q.related_number:
            other = aliased(Ticket)
            c.append(exists().where(TicketLink.ticket_id == Ticket.id, TicketLink.other_id == other.id,
                                    other.number.contains(q.related_number.strip(), autoescape=True)))
        if q.overdue is True:
            c.append(and_(Ticket.due_at.is_not(None), or_(
                and_(Ticket.closed_at.is_(None), Ticket.due_at < self._clock()), Ticket.closed_at > Ticket.due_at)))
        return c

    # --- lists ------------------------------------------------------------------------------

    def _select(self) -> Select:
        return select(*_LIST_COLUMNS).select_from(_LIST_FROM)

    def page(self, actor: Actor, query: TicketQuery, after: tuple[Any, int] | None = None, limit: int = 50,
             offset: int = 0) -> Page:
        """One page of tickets. `after` (the previous page's `next_cursor`) pages by keyset;
        `offset` serves a jump to page N (costlier at depth).

        Two steps: the page's keys are found from the tickets alone (no joins: the planner sees a
        plain ordered walk, index-only where the folder's columns are in an index, e.g. "my
        pending" on ix_tickets_open: 380 ms -> 0.5 ms on 5 M tickets), then its rows are read
        with the names they show by primary key."""
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
            raise ValidationError("page_size_range", field="page_size", max=MAX_PAGE)
        sort_column = SORTABLE.get(query.sort)
        if sort_column is None:
            raise ValidationError("invalid_choice", field="sort", value=query.sort)
        now = self._clock()
        with self._uow() as uow:
            found = None
            terms = text_terms(query.address, query.description)
            if terms and not (offset and after is None):
                rest = self._conditions(uow.session, actor, replace(query, address=None, description=None))
                found = newest_matches(uow.session, actor, rest, terms, sort_column, query.descending, after, limit)
            if found is None:
                keys = visible(actor, select(sort_column.label("sort_key"), Ticket.id)).where(
                    *self._conditions(uow.session, actor, query))
                keys = keyset.after(keys, sort_column, Ticket.id, after, query.descending)
                keys = keyset.in_order(keys, sort_column, Ticket.id, query.descending).limit(limit + 1)
                if offset and after is None:
                    keys = keys.offset(offset)
                found = uow.session.execute(keys).all()
            rows = self._rows(uow.session, [k.id for k in found[:limit]], now)
            next_cursor = (found[limit - 1].sort_key, found[limit - 1].id) if len(found) > limit else None
        return Page(rows, next_cursor)

    def count(self, actor: Actor, query: TicketQuery, cap: int | None = None) -> int:
        """How many tickets match; with `cap`, counting stops there (the result is then at most `cap`)."""
        with self._uow() as uow:
            return self._count(uow.session, actor, query, cap)

    def _count(self, session, actor: Actor, query: TicketQuery, cap: int | None) -> int:  # noqa: ANN001
        if query.folder == "my_processed" and query.is_empty() and actor.provider_id is None:
            return self._count_processed(session, actor, cap)
        conditions = self._conditions(session, actor, query, counting=True)
        if cap is None:
            statement = visible(actor, select(func.count(Ticket.id))).where(*conditions)
        else:
            capped = visible(actor, select(Ticket.id)).where(*conditions).limit(cap).subquery()
            statement = select(func.count()).select_from(capped)
        return int(session.scalar(statement) or 0)

    @staticmethod
    def _count_processed(session, actor: Actor, cap: int | None) -> int:  # noqa: ANN001
        """"My processed" counted from my history steps (ix_ticket_history_actor, index only), not
        by probing the history of every ticket of the company, which costs most for the people
        who processed least. Same tickets as the folder's list: my non-registration steps, on
        tickets of my company."""
        mine = (select(TicketHistory.ticket_id).distinct()
                .join(Ticket, Ticket.id == TicketHistory.ticket_id)
                .where(TicketHistory.actor_id == actor.user_id, TicketHistory.action != "register",
                       Ticket.company_id == actor.company_id))
        if cap is not None:
            mine = mine.limit(cap)
        return int(session.scalar(select(func.count()).select_from(mine.subquery())) or 0)

    def similar_by_address(self, actor: Actor, keyword: str, limit: int = 20) -> list[TicketRow]:
        """Tickets at addresses containing `keyword`, newest first: possible duplicates while
        registering (any user who may register sees them, not only those who see all tickets)."""
        if not actor.can("ticket.register") and not actor.can("ticket.view_all"):
            raise PermissionDenied("permission_denied", permission="服务登记")
        keyword = (keyword or "").strip()
        if not keyword:
            raise ValidationError("required", field="address")
        now = self._clock()
        limit = min(limit, 100)
        with self._uow() as uow:
            found = newest_matches(uow.session, actor, [], [("address", keyword)], Ticket.registered_at, True, None,
                                   limit)
            if found is None:
                found = uow.session.execute(
                    visible(actor, select(Ticket.id)).where(contains(uow.session, "address", keyword))
                    .order_by(Ticket.registered_at.desc(), Ticket.id.desc()).limit(limit)).all()
            return self._rows(uow.session, [k.id for k in found[:limit]], now)

    def tree_counts(self, actor: Actor) -> dict[str, int]:
        """Counts for the ticket tree: my folders always; all and per category kind with ticket.view_all.

        Each count stops at TREE_COUNT_CAP (the tree shows "10000+"), so the tree costs a few
        short index walks in one transaction, not a pass over millions of tickets."""
        counts: dict[str, int] = {}
        folders = ["my_pending", "my_processed", "my_applications"]
        if actor.can("ticket.view_all") or actor.provider_id is not None:
            folders.append("all")
        if actor.can("ticket.view_all"):
            folders += [f"kind:{kind}" for kind in CATEGORY_KINDS]
        with self._uow() as uow:
            for folder in folders:
                counts[folder] = self._count(uow.session, actor, TicketQuery(folder=folder), TREE_COUNT_CAP)
        return counts

    def _rows(self, session: Session, ids: list[int], now: datetime) -> list[TicketRow]:
        """The list rows of these tickets, in this order, with the names they show."""
        if not ids:
            return []
        _keep_join_order(session)
        by_id = {r.id: r for r in session.execute(self._select().where(Ticket.id.in_(ids)))}
        return [self._row(by_id[i], now) for i in ids]

    @staticmethod
    def _row(r: Any, now: datetime) -> TicketRow:
        return TicketRow(
            id=r.id, version=r.version, number=r.number, ticket_type=r.ticket_type, registered_at=r.registered_at,
            category=r.category, status=r.status, status_label=workflow_for(r.ticket_type).state(r.status).zh,
            caller_phone=r.caller_phone, company=r.company, urgency=r.urgency, current_handler=r.handler,
            address=r.address, due_at=r.due_at, extend_count=r.extend_count, urge_count=r.urge_count,
            overdue_days=overdue_days(r.due_at, r.closed_at, now), leftover=r.leftover,
            callback_result=r.callback_result, source_channel=r.source_channel, description=r.description,
            final_handler=r.final, registrar=r.registrar, dispatcher=r.dispatcher, contact_name=r.contact_name,
            contact_phone=r.contact_phone, product_line=r.product_line, device_sn=r.device_sn, engineer=r.engineer,
        )


def _keep_join_order(session: Session) -> None:
    """PostgreSQL: plan the list's joins in the order written (this transaction only).

    The list walks the tickets and looks up seven names by primary key (category, company,
    handlers, registrar, dispatcher, engineer). Searching the orders of that 8-way join took the
    planner 20-35 ms for a page that runs in 1-3 ms; as written it is already the best order."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_JOIN_ORDER_AS_WRITTEN)


_JOIN_ORDER_AS_WRITTEN = text("SET LOCAL join_collapse_limit = 1")


def _number_conditions(text: str) -> list[Any]:
    """`number` contains `text`. Numbers are `YYYYMMDD-NNNNNN` of the local registration day, so a
    whole number is an equality and a date prefix also bounds `registered_at` (an index range)."""
    conditions: list[Any] = []
    match = _NUMBER_PREFIX.fullmatch(text)
    if match is not None:
        try:
            day = datetime.strptime(match.group(1), "%Y%m%d").replace(tzinfo=LOCAL_TZ)
        except ValueError:
            day = None
        if day is not None:
            if len(text) == 15:
                return [Ticket.number == text]
            conditions += [Ticket.registered_at >= day - timedelta(days=1),
                           Ticket.registered_at < day + timedelta(days=2)]
    conditions.append(Ticket.number.contains(text, autoescape=True))
    return conditions


_HANDLER, _FINAL, _REGISTRAR, _DISPATCHER = (aliased(User, name=n) for n in ("handler_u", "final_u", "registrar_u",
                                                                             "dispatcher_u"))
_LEAF = aliased(ServiceCategory, name="leaf")
_LIST_COLUMNS = (
    Ticket.id, Ticket.version, Ticket.number, Ticket.ticket_type, Ticket.registered_at, Ticket.status,
    Ticket.urgency, Ticket.caller_phone, Ticket.address, Ticket.due_at, Ticket.closed_at, Ticket.extend_count,
    Ticket.urge_count, Ticket.leftover, Ticket.callback_result, Ticket.source_channel, Ticket.description,
    Ticket.contact_name, Ticket.contact_phone, Ticket.product_line, Ticket.device_sn,
    _LEAF.name.label("category"), Company.name.label("company"), _HANDLER.name.label("handler"),
    _FINAL.name.label("final"), _REGISTRAR.name.label("registrar"), _DISPATCHER.name.label("dispatcher"),
    Engineer.name.label("engineer"),
)
_LIST_FROM = (
    Ticket.__table__.join(Company, Company.id == Ticket.company_id)
    .outerjoin(_LEAF, _LEAF.id == Ticket.category_id)
    .outerjoin(_HANDLER, _HANDLER.id == Ticket.current_handler_id)
    .outerjoin(_FINAL, _FINAL.id == Ticket.final_handler_id)
    .outerjoin(_REGISTRAR, _REGISTRAR.id == Ticket.registrar_id)
    .outerjoin(_DISPATCHER, _DISPATCHER.id == Ticket.dispatcher_id)
    .outerjoin(Engineer, Engineer.id == Ticket.engineer_id)
)
