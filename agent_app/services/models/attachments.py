"""Attachments: metadata in one table, content (content-addressed by SHA-256) in another, so
that ticket queries never drag file bytes along and the same report uploaded twice is stored once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.services.models.base import Base, CompanyScoped, IdMixin, utcnow

MAX_ATTACHMENT_BYTES = 30 * 1024 * 1024


class AttachmentContent(Base):
    __tablename__ = "attachment_contents"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Attachment(IdMixin, CompanyScoped, Base):
    __tablename__ = "attachments"
    ticket_id: Mapped[int] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"), index=True)
    history_id: Mapped[int | None] = mapped_column(ForeignKey("ticket_history.id"))
    kind: Mapped[str] = mapped_column(String(24))  # service_report | inspection_report | acceptance_report | implementation_report | photo | other
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(ForeignKey("attachment_contents.sha256"))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(default=utcnow)
