"""Version comparison and manifest validation of the update check (no network)."""

from __future__ import annotations

import pytest

from agent_app.updates import _manifest, is_newer, parse_version

SHA = "ab" * 32


@pytest.mark.parametrize(
    ("candidate", "current", "newer"),
    [
        ("0.10.0", "0.9.1", True),
        ("0.9.1", "0.10.0", False),
        ("1.0", "1.0.0", False),
        ("1.0.0", "1.0", False),
        ("1.0.1", "1.0", True),
        ("v2.0.0", "1.99.99", True),
        ("1.0.0rc1", "1.0.0", False),
        ("1.0.0", "1.0.0rc1", True),
        ("1.0.0rc2", "1.0.0b3", True),
    ],
)
def test_versions_compare_numerically(candidate, current, newer):
    assert is_newer(candidate, current) is newer


@pytest.mark.parametrize("text", ["", "latest", "1..2", "1.0-beta", "1.0.0.dev1", "١.٢"])
def test_malformed_versions_are_refused(text):
    with pytest.raises(ValueError):
        parse_version(text)


def test_manifest_notes_are_optional():
    info = _manifest({"version": "0.2.0", "url": "https://example.com/a.exe", "sha256": SHA})
    assert (info.version, info.notes) == ("0.2.0", "")


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"version": 2, "url": "https://example.com/a.exe", "sha256": SHA},
        {"version": "0.2.0", "url": None, "sha256": SHA},
        {"version": "0.2.0", "url": "file:///c:/evil.exe", "sha256": SHA},
        {"version": "0.2.0", "url": "https://example.com/a.exe", "sha256": "abc"},
        {"version": "0.2.0", "url": "https://example.com/a.exe", "sha256": SHA, "notes": ["x"]},
    ],
)
def test_manifest_with_wrong_types_is_refused(data):
    with pytest.raises(ValueError):
        _manifest(data)
