"""Small input checks shared by the services; each raises a ValidationError naming the field."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from agent_app.domain.errors import ValidationError


def text(value: Any, field: str, *, max_len: int, required: bool = False) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError("required", field=field)
        return None
    if not isinstance(value, str):
        raise ValidationError("wrong_type", field=field)
    value = value.strip()
    if len(value) > max_len:
        raise ValidationError("too_long", field=field, max=max_len)
    return value


def optional_id(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("wrong_type", field=field)
    return value


def moment(value: Any, field: str, *, required: bool = False) -> datetime | None:
    if value is None:
        if required:
            raise ValidationError("required", field=field)
        return None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError("wrong_type", field=field)
    return value
