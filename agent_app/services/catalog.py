"""What forms offer: service categories, dictionaries, areas, dispatch targets, engineers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select

from agent_app.services.actor import Actor
from agent_app.services.models import (
    Area,
    Certification,
    DictItem,
    DispatchTarget,
    Engineer,
    ServiceCategory,
    ServiceProvider,
    User,
)
from agent_app.services.uow import UnitOfWorkFactory


@dataclass(frozen=True)
class CategoryNode:
    id: int
    parent_id: int | None
    level: int
    name: str
    kind: str
    is_leaf: bool


@dataclass(frozen=True)
class Choice:
    code: str
    name: str
    name_en: str | None


@dataclass(frozen=True)
class Named:
    id: int
    name: str


class CatalogService:
    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def categories(self, actor: Actor) -> list[CategoryNode]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(ServiceCategory).where(
                ServiceCategory.company_id == actor.company_id, ServiceCategory.enabled.is_(True))
                .order_by(ServiceCategory.level, ServiceCategory.sort, ServiceCategory.id))
            return [CategoryNode(c.id, c.parent_id, c.level, c.name, c.kind, c.is_leaf) for c in rows]

    def choices(self, actor: Actor, kind: str) -> list[Choice]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(DictItem).where(
                DictItem.kind == kind, DictItem.enabled.is_(True),
                or_(DictItem.company_id.is_(None), DictItem.company_id == actor.company_id))
                .order_by(DictItem.sort, DictItem.id))
            return [Choice(d.code, d.name, d.name_en) for d in rows]

    def areas(self, actor: Actor) -> list[Named]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(Area).where(Area.company_id == actor.company_id).order_by(Area.code))
            return [Named(a.id, a.name) for a in rows]

    def dispatch_targets(self, actor: Actor) -> list[Named]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(DispatchTarget).where(
                DispatchTarget.company_id == actor.company_id, DispatchTarget.enabled.is_(True))
                .order_by(DispatchTarget.id))
            return [Named(t.id, t.name) for t in rows]

    def providers(self, actor: Actor) -> list[Named]:
        with self._uow() as uow:
            statement = select(ServiceProvider).where(ServiceProvider.company_id == actor.company_id)
            if actor.provider_id is not None:
                statement = statement.where(ServiceProvider.id == actor.provider_id)
            return [Named(p.id, p.name) for p in uow.session.scalars(statement.order_by(ServiceProvider.id))]

    def engineers(self, actor: Actor, provider_id: int) -> list[Named]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(Engineer).where(
                Engineer.company_id == actor.company_id, Engineer.provider_id == provider_id).order_by(Engineer.id))
            return [Named(e.id, e.name) for e in rows]

    def certified_engineers(self, actor: Actor, provider_id: int, product_line: str, day: date) -> list[Named]:
        """The provider's engineers certified for `product_line` on `day`: the only ones a work
        order of that line may be assigned to (seed 000 §3.3.1)."""
        with self._uow() as uow:
            rows = uow.session.scalars(
                select(Engineer).join(Certification, Certification.engineer_id == Engineer.id)
                .where(Engineer.company_id == actor.company_id, Engineer.provider_id == provider_id,
                       Certification.product_line == product_line, Certification.valid_from <= day,
                       Certification.valid_to >= day)
                .distinct().order_by(Engineer.id))
            return [Named(e.id, e.name) for e in rows]

    def users(self, actor: Actor) -> list[Named]:
        with self._uow() as uow:
            rows = uow.session.scalars(select(User).where(User.company_id == actor.company_id).order_by(User.id))
            return [Named(u.id, u.name) for u in rows]
