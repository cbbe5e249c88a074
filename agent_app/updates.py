"""Is there a newer Agent Desk? A small, failure-proof check against IT's update manifest.

The manifest (URL in the setting `updates.url`) is JSON:
`{"version": "0.2.0", "url": "https://…/AgentDesk-0.2.0-Setup.exe", "sha256": "<64 hex>", "notes": "…"}`.
`check_for_update` never raises: network errors, timeouts, HTTP errors and malformed manifests are
logged and give None, so the UI can call it without guarding. A version the user dismissed is not
offered again; a newer one is.
"""

from __future__ import annotations

import json
import logging
import re
import time
from dataclasses import dataclass

import requests

from agent_app import __version__
from agent_app.settings import SettingsError, load_settings, set_user_value

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 5.0
MAX_MANIFEST_BYTES = 64 * 1024
_VERSION = re.compile(r"^v?([0-9]+(?:\.[0-9]+)*)(?:[.-]?(a|b|rc)([0-9]+))?$")
_PRE_RANK = {"a": 0, "b": 1, "rc": 2}
_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")


@dataclass(frozen=True)
class UpdateInfo:
    version: str
    url: str
    sha256: str
    notes: str


def parse_version(text: str) -> tuple:
    """A sortable key for `1.2.3`, `v1.2`, `1.3.0rc1`; ValueError for anything else.

    Numeric parts compare as numbers (0.10.0 > 0.9.1), trailing zeros do not count (1.0 == 1.0.0)
    and a pre-release sorts before its release (1.0rc1 < 1.0).
    """
    match = _VERSION.match(text.strip())
    if not match:
        raise ValueError(f"not a version: {text!r}")
    release = [int(part) for part in match.group(1).split(".")]
    while len(release) > 1 and release[-1] == 0:
        release.pop()
    pre = (_PRE_RANK[match.group(2)], int(match.group(3))) if match.group(2) else (3, 0)
    return (tuple(release), pre)


def is_newer(candidate: str, current: str) -> bool:
    return parse_version(candidate) > parse_version(current)


def _manifest(data: object) -> UpdateInfo:
    """The manifest as an UpdateInfo; ValueError when a field is missing or of the wrong type."""
    if not isinstance(data, dict):
        raise ValueError("manifest is not a JSON object")
    fields = {}
    for name in ("version", "url", "sha256", "notes"):
        value = data.get(name, "" if name == "notes" else None)
        if not isinstance(value, str):
            raise ValueError(f"manifest field {name!r} is missing or not a string")
        fields[name] = value.strip()
    parse_version(fields["version"])
    if not fields["url"].startswith(("https://", "http://")):
        raise ValueError("manifest url is not an http(s) URL")
    if not _SHA256.match(fields["sha256"]):
        raise ValueError("manifest sha256 is not 64 hexadecimal digits")
    return UpdateInfo(**fields)


def _fetch(url: str, timeout: float) -> bytes:
    """The body, within `timeout` for connecting and for each read, and twice that in total
    (a server trickling bytes cannot hold the check forever)."""
    deadline = time.monotonic() + 2 * timeout
    with requests.get(url, timeout=timeout, stream=True, headers={"Accept": "application/json"}) as response:
        response.raise_for_status()
        body = b""
        for chunk in response.iter_content(8192):
            body += chunk
            if len(body) > MAX_MANIFEST_BYTES:
                raise ValueError(f"manifest larger than {MAX_MANIFEST_BYTES} bytes")
            if time.monotonic() > deadline:
                raise requests.Timeout(f"manifest not received within {2 * timeout:g} s")
        return body


def check_for_update(
    manifest_url: str,
    current_version: str = __version__,
    dismissed: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> UpdateInfo | None:
    """The offered update when it is newer than `current_version` and not `dismissed`, else None."""
    if not manifest_url:
        return None
    try:
        info = _manifest(json.loads(_fetch(manifest_url, timeout)))
    except (requests.RequestException, ValueError, RecursionError) as error:  # JSON, Unicode: ValueError
        log.warning("update check against %s failed: %s", manifest_url, error)
        return None
    try:
        if not is_newer(info.version, current_version):
            return None
        if dismissed and parse_version(dismissed) == parse_version(info.version):
            log.info("update %s was dismissed by the user", info.version)
            return None
    except ValueError as error:  # our own version or the stored dismissed one is malformed
        log.warning("update check: %s", error)
        return None
    return info


def check_configured(timeout: float = DEFAULT_TIMEOUT) -> UpdateInfo | None:
    """`check_for_update` with the URL and the dismissed version from the settings."""
    try:
        settings = load_settings()
    except SettingsError as error:
        log.warning("update check skipped: %s", error)
        return None
    return check_for_update(
        settings.get("updates.url"), __version__, settings.get("updates.dismissed") or None, timeout
    )


def dismiss(version: str) -> None:
    """Remember that the user does not want to be told about `version` again."""
    set_user_value("updates.dismissed", version)
