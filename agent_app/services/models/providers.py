"""Service providers (服务商), their engineers and the engineers' certifications."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin


class ServiceProvider(IdMixin, CompanyScoped, Base):
    __tablename__ = "service_providers"
    __table_args__ = (UniqueConstraint("company_id", "name"),)
    name: Mapped[str] = mapped_column(String(100))
    contact_name: Mapped[str | None] = mapped_column(String(64))
    contact_phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(120))


class Engineer(IdMixin, CompanyScoped, Base):
    """An engineer of a provider; signs in as the linked user."""

    __tablename__ = "engineers"
    provider_id: Mapped[int] = mapped_column(ForeignKey("service_providers.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(120))


class Certification(IdMixin, Base):
    """An engineer may be assigned work orders of a product line only while certified for it."""

    __tablename__ = "certifications"
    __table_args__ = (UniqueConstraint("engineer_id", "product_line", "valid_from"),)
    engineer_id: Mapped[int] = mapped_column(ForeignKey("engineers.id", ondelete="CASCADE"), index=True)
    product_line: Mapped[str] = mapped_column(String(32))  # dict product_line
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date] = mapped_column(Date)
