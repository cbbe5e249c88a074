"""Reading what pjsua2 hands over as text: the headers of a SIP message and name-addr values."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .events import Headers

# RFC 3261 compact header names that matter for caller identity.
_COMPACT = {"f": "From", "t": "To", "m": "Contact", "i": "Call-ID"}
_NAME_ADDR = re.compile(r'^\s*(?:"(?P<quoted>(?:[^"\\]|\\.)*)"|(?P<token>[^<]*?))\s*<(?P<uri>[^>]*)>')


@dataclass(frozen=True)
class Party:
    number: str
    display_name: str


def parse_headers(whole_msg: str) -> Headers:
    """The header lines of a SIP message, in order, with folded lines joined."""
    head = whole_msg.replace("\r\n", "\n").split("\n\n", 1)[0]
    lines = head.split("\n")[1:]  # skip the request / status line
    headers: list[tuple[str, str]] = []
    for line in lines:
        if line[:1] in (" ", "\t") and headers:
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}")
        elif ":" in line:
            name, value = line.split(":", 1)
            name = name.strip()
            headers.append((_COMPACT.get(name.lower(), name), value.strip()))
    return tuple(headers)


def header(headers: Headers, name: str) -> str | None:
    wanted = name.lower()
    return next((value for key, value in headers if key.lower() == wanted), None)


def parse_party(value: str) -> Party:
    """Number and display name from a From / P-Asserted-Identity / remote URI value."""
    match = _NAME_ADDR.match(value)
    if match:
        name = match.group("quoted")
        name = name.replace('\\"', '"') if name is not None else (match.group("token") or "").strip()
        uri = match.group("uri")
    else:
        # A bare URI; P-Asserted-Identity may list a sip: and a tel: identity, the first will do.
        name, uri = "", value.split(",", 1)[0].split(";", 1)[0].strip()
    return Party(number=_user_part(uri), display_name=name)


def caller_identity(headers: Headers) -> Party:
    """P-Asserted-Identity when present (the network vouches for it), else From."""
    for name in ("P-Asserted-Identity", "From"):
        value = header(headers, name)
        if value:
            party = parse_party(value)
            if party.number:
                return party
    return Party(number="", display_name="")


def _user_part(uri: str) -> str:
    uri = uri.strip()
    for scheme in ("sips:", "sip:", "tel:"):
        if uri.lower().startswith(scheme):
            uri = uri[len(scheme):]
            break
    user = uri.split("@", 1)[0] if "@" in uri else uri
    return user.split(";", 1)[0]
