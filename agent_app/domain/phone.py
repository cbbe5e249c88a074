"""Chinese phone numbers in whatever form people and switches write them, made comparable.

A caller may arrive as `+86 138-0013-8000`, `008613800138000`, `020-8333 1234`, `(020)83331234`
or just `83331234` on a local line. The canonical form is the national number with its trunk
prefix: `13800138000` for a mobile, `02083331234` for a landline (area code with its 0). A local
landline gets the company's default area code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent_app.domain.errors import ValidationError

_SEPARATORS = re.compile(r"[\s\-().·/]+")
_MOBILE = re.compile(r"1[3-9]\d{9}")
# Two-digit area codes (with the 0): 010 Beijing, 020-029. Everything else 0 + three digits.
_SHORT_AREA = re.compile(r"0(10|2\d)")
_SERVICE = re.compile(r"(400|800)\d{7}|95\d{3,6}|1\d{4}|12345")


@dataclass(frozen=True)
class PhoneNumber:
    canonical: str
    kind: str  # mobile | landline | service

    @property
    def display(self) -> str:
        c = self.canonical
        if self.kind == "mobile":
            return f"{c[:3]} {c[3:7]} {c[7:]}"
        if self.kind == "landline":
            split = 3 if _SHORT_AREA.match(c) else 4
            return f"{c[:split]}-{c[split:]}"
        return c


def normalize_phone(raw: str, default_area_code: str = "020", field: str = "phone") -> PhoneNumber:
    """The canonical number behind `raw`; `ValidationError("invalid_phone")` when there is none."""
    text = _SEPARATORS.sub("", (raw or "").strip())
    if text.startswith("+"):
        text = text[1:]
        if not text.startswith("86"):
            raise ValidationError("invalid_phone", field=field, value=raw)
        text = text[2:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("86") and len(text) in (12, 13) and not text.startswith("860"):
        text = text[2:]
    if not text.isdigit():
        raise ValidationError("invalid_phone", field=field, value=raw)
    if _MOBILE.fullmatch(text):
        return PhoneNumber(text, "mobile")
    if len(text) == 12 and text.startswith("01") and _MOBILE.fullmatch(text[1:]):
        return PhoneNumber(text[1:], "mobile")  # a mobile dialled from out of town with a 0
    if _SERVICE.fullmatch(text):
        return PhoneNumber(text, "service")
    if not text.startswith("0") and len(text) in (9, 10, 11) and _with_area(f"0{text}"):
        text = f"0{text}"  # area code without its trunk 0 (as after +86)
    if text.startswith("0"):
        if _with_area(text):
            return PhoneNumber(text, "landline")
        raise ValidationError("invalid_phone", field=field, value=raw)
    if len(text) in (7, 8) and text[0] not in "01":
        area = default_area_code if default_area_code.startswith("0") else f"0{default_area_code}"
        return PhoneNumber(area + text, "landline")
    raise ValidationError("invalid_phone", field=field, value=raw)


def _with_area(text: str) -> bool:
    """True when `text` is 0 + area code + a 7–8 digit local number that does not start with 0/1."""
    area_len = 3 if _SHORT_AREA.match(text) else 4
    local = text[area_len:]
    return len(local) in (7, 8) and local[0] not in "01" and text[1] != "0"


def try_normalize(raw: str | None, default_area_code: str = "020") -> PhoneNumber | None:
    if not raw:
        return None
    try:
        return normalize_phone(raw, default_area_code)
    except ValidationError:
        return None
