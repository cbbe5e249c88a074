"""Attachment uploads: checked (≤ 30 MB, not empty, a known kind), hashed, stored once."""

from __future__ import annotations

import hashlib
import mimetypes
from dataclasses import dataclass

from sqlalchemy.orm import Session

from agent_app.domain.errors import ValidationError
from agent_app.domain.workflow.guards import ATTACHMENT_LABELS_ZH
from agent_app.services.models import MAX_ATTACHMENT_BYTES, Attachment, AttachmentContent, Ticket


@dataclass(frozen=True)
class Upload:
    filename: str
    data: bytes
    kind: str = "other"
    content_type: str | None = None


def check_upload(upload: object) -> Upload:
    if not isinstance(upload, Upload) or not isinstance(upload.data, (bytes, bytearray)):
        raise ValidationError("wrong_type", field="file")
    name = (upload.filename or "").strip()
    if not name or len(name) > 200:
        raise ValidationError("required" if not name else "too_long", field="file", max=200)
    if upload.kind not in ATTACHMENT_LABELS_ZH:
        raise ValidationError("invalid_choice", field="file", value=upload.kind)
    if len(upload.data) == 0:
        raise ValidationError("attachment_empty", field="file", filename=name)
    if len(upload.data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError("attachment_too_large", field="file", filename=name,
                              limit_mb=MAX_ATTACHMENT_BYTES // (1024 * 1024))
    return upload


def store(session: Session, ticket: Ticket, upload: Upload, user_id: int, history_id: int | None) -> Attachment:
    digest = hashlib.sha256(upload.data).hexdigest()
    if session.get(AttachmentContent, digest) is None:
        session.add(AttachmentContent(sha256=digest, size=len(upload.data), data=bytes(upload.data)))
        session.flush()
    content_type = upload.content_type or mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
    attachment = Attachment(company_id=ticket.company_id, ticket_id=ticket.id, history_id=history_id, kind=upload.kind,
                            filename=upload.filename.strip(), content_type=content_type, size=len(upload.data),
                            sha256=digest, uploaded_by=user_id)
    session.add(attachment)
    return attachment
