"""Customers of the utility and every phone number they can call from."""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, Timestamps


class Customer(IdMixin, CompanyScoped, Timestamps, Base):
    __tablename__ = "customers"
    __table_args__ = (UniqueConstraint("company_id", "user_no"),)
    user_no: Mapped[str] = mapped_column(String(32))  # 用户编号
    customer_no: Mapped[str | None] = mapped_column(String(32))  # 客户编号
    name: Mapped[str] = mapped_column(String(100))
    customer_type: Mapped[str] = mapped_column(String(16), default="resident")  # dict customer_type
    mobile: Mapped[str | None] = mapped_column(String(32))  # as entered
    phone: Mapped[str | None] = mapped_column(String(32))
    other_phones: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(200))
    meter_no: Mapped[str | None] = mapped_column(String(32))
    area_id: Mapped[int | None] = mapped_column(ForeignKey("areas.id"))
    longitude: Mapped[float | None] = mapped_column(Float)
    latitude: Mapped[float | None] = mapped_column(Float)


class CustomerPhone(IdMixin, CompanyScoped, Base):
    """Every number of a customer in canonical form, so that a call finds them in one probe.

    Several customers may share a landline; the screen-pop then offers a choice.
    """

    __tablename__ = "customer_phones"
    __table_args__ = (
        UniqueConstraint("customer_id", "number"),
        Index("ix_customer_phones_lookup", "company_id", "number"),
    )
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"), index=True)
    number: Mapped[str] = mapped_column(String(32))  # canonical, see agent_app.domain.phone
    kind: Mapped[str] = mapped_column(String(10))  # mobile | landline | other
