"""The update check against a real HTTP server on 127.0.0.1: it answers or it returns None."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from agent_app.settings import load_settings, set_user_value
from agent_app.updates import UpdateInfo, check_configured, check_for_update, dismiss

SHA = "0123456789abcdef" * 4
MANIFEST = {"version": "0.10.0", "url": "https://updates.example.com/AgentDesk-0.10.0-Setup.exe",
            "sha256": SHA, "notes": "修复来电弹屏"}


class Server:
    """What the next request gets: a status, a body and an optional delay before answering."""

    def __init__(self) -> None:
        self.status = 200
        self.body: bytes = json.dumps(MANIFEST).encode()
        self.delay = 0.0
        self.release = threading.Event()  # ends a delay early so the server thread can stop
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                if outer.delay:
                    outer.release.wait(outer.delay)
                try:
                    self.send_response(outer.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(outer.body)))
                    self.end_headers()
                    self.wfile.write(outer.body)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *_args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/agent-desk.json"


@pytest.fixture()
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield srv
    srv.release.set()
    srv.httpd.shutdown()
    srv.httpd.server_close()


def test_newer_version_is_offered(server):
    info = check_for_update(server.url, current_version="0.9.1")
    assert info == UpdateInfo(MANIFEST["version"], MANIFEST["url"], SHA, "修复来电弹屏")


def test_same_or_older_version_is_not_offered(server):
    assert check_for_update(server.url, current_version="0.10.0") is None
    assert check_for_update(server.url, current_version="0.10.1") is None


def test_dismissed_version_is_not_offered_but_a_later_one_is(server):
    assert check_for_update(server.url, current_version="0.9.1", dismissed="0.10") is None
    server.body = json.dumps({**MANIFEST, "version": "0.11.0"}).encode()
    assert check_for_update(server.url, current_version="0.9.1", dismissed="0.10.0").version == "0.11.0"


def test_configured_url_and_dismissal_come_from_user_settings(server, data_home, monkeypatch, tmp_path):
    monkeypatch.setenv("AGENT_APP_MACHINE_CONFIG", str(tmp_path / "none.ini"))
    monkeypatch.setattr("agent_app.updates.__version__", "0.9.1")
    set_user_value("updates.url", server.url)
    assert check_configured().version == "0.10.0"
    dismiss("0.10.0")
    assert load_settings().get("updates.dismissed") == "0.10.0"
    assert check_configured() is None


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_server_down_gives_none_and_logs(caplog):
    with caplog.at_level(logging.WARNING, logger="agent_app.updates"):
        assert check_for_update(f"http://127.0.0.1:{_closed_port()}/x.json", "0.1.0", timeout=2) is None
    assert "update check" in caplog.text


def test_too_slow_server_times_out(server, caplog):
    server.delay = 30  # the manifest would be a valid update if the check waited for it
    with caplog.at_level(logging.WARNING, logger="agent_app.updates"):
        assert check_for_update(server.url, "0.1.0", timeout=0.5) is None
    assert "timed out" in caplog.text.lower()


@pytest.mark.parametrize("status", [404, 500])
def test_http_errors_give_none(server, status):
    server.status = status
    assert check_for_update(server.url, "0.1.0") is None


@pytest.mark.parametrize(
    "body",
    [b"<html>proxy login</html>", b"", b"\xff\xfe\x00garbage", b"[" * 50000 + b"]" * 50000,
     b'{"version": "0.10.0"', b"null"],
)
def test_garbage_body_gives_none(server, body):
    server.body = body
    assert check_for_update(server.url, "0.1.0") is None


@pytest.mark.parametrize(
    "manifest",
    [
        {**MANIFEST, "version": 10},
        {**MANIFEST, "version": "ten"},
        {**MANIFEST, "url": ["https://x"]},
        {**MANIFEST, "sha256": None},
        {k: v for k, v in MANIFEST.items() if k != "url"},
    ],
)
def test_wrong_types_give_none(server, manifest):
    server.body = json.dumps(manifest).encode()
    assert check_for_update(server.url, "0.1.0") is None
