"""Caller identity and headers as read from the raw INVITE."""

from __future__ import annotations

from agent_app.telephony.sip_message import caller_identity, header, parse_headers, parse_party

INVITE = (
    "INVITE sip:1001@hotline.test SIP/2.0\r\n"
    "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1\r\n"
    'f: "Caller" <sip:13800138000@hotline.test>;tag=abc\r\n'
    'P-Asserted-Identity: "Li, Si" <sip:13912345678@hotline.test>, <tel:+8613912345678>\r\n'
    "X-IVR-Trail: welcome>billing\r\n"
    " >agent\r\n"
    "Content-Length: 3\r\n"
    "\r\n"
    "v=0"
)


def test_headers_keep_order_expand_compact_names_and_join_folded_lines() -> None:
    headers = parse_headers(INVITE)
    assert [name for name, _ in headers] == ["Via", "From", "P-Asserted-Identity", "X-IVR-Trail", "Content-Length"]
    assert header(headers, "x-ivr-trail") == "welcome>billing >agent"
    assert header(headers, "v") is None  # the body is not a header


def test_p_asserted_identity_wins_over_from() -> None:
    party = caller_identity(parse_headers(INVITE))
    assert (party.number, party.display_name) == ("13912345678", "Li, Si")


def test_from_is_used_without_p_asserted_identity() -> None:
    message = INVITE.replace("P-Asserted-Identity", "X-Other")
    party = caller_identity(parse_headers(message))
    assert (party.number, party.display_name) == ("13800138000", "Caller")


def test_party_forms() -> None:
    assert parse_party("<tel:+8613912345678>").number == "+8613912345678"
    assert parse_party("sip:95598@hotline.test;user=phone").number == "95598"
    assert parse_party('"张三" <sip:1002@hotline.test>').display_name == "张三"
    assert parse_party("Zhang San <sips:1003@hotline.test>").display_name == "Zhang San"
