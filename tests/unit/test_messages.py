"""Every message code raised in the source exists in both languages."""

from __future__ import annotations

import re
from pathlib import Path

from agent_app.domain.messages import FIELD_LABELS, MESSAGES

ROOT = Path(__file__).resolve().parents[2] / "agent_app"
RAISED = re.compile(r"(?:Error|NotFound|PermissionDenied)\(\s*\"([a-z_]+)\"")
FIELDS = re.compile(r"field=\"([a-z_0-9]+)\"")


def _source() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in ROOT.rglob("*.py"))


def test_every_raised_code_has_both_languages():
    codes = set(RAISED.findall(_source()))
    assert codes, "the pattern found no codes"
    missing = sorted(codes - MESSAGES.keys())
    assert missing == []
    for code, (zh, en) in MESSAGES.items():
        assert zh and en and zh != en, code


def test_every_field_named_in_an_error_has_labels():
    missing = sorted(set(FIELDS.findall(_source())) - FIELD_LABELS.keys())
    assert missing == []
