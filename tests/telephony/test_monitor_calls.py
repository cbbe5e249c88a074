"""Listen, whisper and barge through Kamailio with three separate pjsua2 processes (monitor_peer.py):
a caller saying 500 Hz, the agent 900 Hz, the supervisor 1400 Hz. Each side's ear is analysed by
FFT; the agent's client authorises against a real database and writes the audit log."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany, build_company
from agent_app.services.models import AuditLog
from agent_app.services.tickets.numbering import LOCAL_TZ
from tests.telephony.conftest import DOMAIN, USERS, Kamailio

PEER = Path(__file__).parent / "monitor_peer.py"
CALLER, AGENT, SUPERVISOR = "1003", "1001", "1002"
TONES = {CALLER: 500, AGENT: 900, SUPERVISOR: 1400}
HEARD, SILENT = 800.0, 150.0  # tone amplitude (of 16-bit full scale): clearly there / clearly not


class Peer:
    def __init__(self, kamailio: Kamailio, role: str, user: str, **extra: str) -> None:
        args = [sys.executable, str(PEER), "--role", role, "--user", user, "--password", USERS[user],
                "--proxy", kamailio.address, "--domain", DOMAIN, "--tone", str(TONES[user])]
        for key, value in extra.items():
            args += [f"--{key}", value]
        self.role = role
        self.log_path = kamailio.workdir / f"{role}.log"  # the peer's stderr, for a failing test's report
        self._process = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self.log_path.open("wb"), text=True, cwd=Path(__file__).parents[2])
        self.events: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith("{"):
                self.events.append(json.loads(line))

    def send(self, **command: Any) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(command) + "\n")
        self._process.stdin.flush()

    def seen(self, **match: Any) -> list[dict[str, Any]]:
        return [e for e in list(self.events) if all(e.get(k) == v for k, v in match.items())]

    def wait(self, timeout: float = 15.0, **match: Any) -> dict[str, Any]:
        wait_until(lambda: bool(self.seen(**match)), timeout,
                   f"{self.role}: {match} in {self.events[-5:]}\n{self.log_path.read_text(errors='replace')[-2000:]}")
        return self.seen(**match)[-1]

    def hears(self, seconds: float = 1.0) -> dict[int, float]:
        before = len(self.seen(ev="heard"))
        self.send(cmd="hear", seconds=seconds)
        wait_until(lambda: len(self.seen(ev="heard")) > before, seconds + 10, f"{self.role} to listen")
        return {int(f): level for f, level in self.seen(ev="heard")[-1]["levels"].items()}

    def close(self) -> None:
        if self._process.poll() is None:
            self.send(cmd="quit")
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


def settled(peer: Peer, expect: dict[int, bool], attempts: int = 6) -> dict[int, float]:
    """What `peer` hears, listened to again while the streams settle after a (re)wiring."""
    heard = peer.hears()
    for _ in range(attempts - 1):
        if all((heard[f] > HEARD) if on else (heard[f] < SILENT) for f, on in expect.items()):
            break
        heard = peer.hears()
    return heard


def assert_hears(peer: Peer, **expect: bool) -> None:
    wanted = {TONES[{"caller": CALLER, "agent": AGENT, "supervisor": SUPERVISOR}[who]]: on for who, on in expect.items()}
    heard = settled(peer, wanted)
    for frequency, on in wanted.items():
        if on:
            assert heard[frequency] > HEARD, f"{peer.role} should hear {frequency} Hz: {heard}"
        else:
            assert heard[frequency] < SILENT, f"{peer.role} should not hear {frequency} Hz: {heard}"


class Scene:
    def __init__(self, kamailio: Kamailio, db: str, company: DemoCompany) -> None:
        self.company = company
        self.agent = Peer(kamailio, "agent", AGENT, db=db, account=company.accounts["agent"])
        self.supervisor = Peer(kamailio, "supervisor", SUPERVISOR)
        self.caller = Peer(kamailio, "caller", CALLER)
        for peer in (self.agent, self.supervisor, self.caller):
            peer.wait(ev="reg", state="registered")

    def customer_call(self) -> None:
        self.caller.send(cmd="dial", to=AGENT)
        self.agent.wait(ev="call", state="confirmed")
        self.caller.wait(ev="call", state="confirmed")

    def monitor(self, mode: str, supervisor_user_id: int) -> None:
        self.supervisor.send(cmd="monitor", to=AGENT, mode=mode, supervisor=supervisor_user_id)

    def close(self) -> None:
        for peer in (self.caller, self.supervisor, self.agent):
            peer.close()


@pytest.fixture()
def scene(kamailio: Kamailio, sqlite_url: str) -> Iterator[Scene]:
    services = Services(create_db_engine(sqlite_url))
    with services.uow() as uow:
        a = build_company(uow.session, "gz", "广州自来水公司", today=datetime.now(timezone.utc).astimezone(LOCAL_TZ).date())
        b = build_company(uow.session, "fs", "佛山水务公司", today=datetime.now(timezone.utc).astimezone(LOCAL_TZ).date())
        uow.commit()
    services.close()
    built = Scene(kamailio, sqlite_url, a)
    built.other_company = b  # type: ignore[attr-defined]
    built.url = sqlite_url  # type: ignore[attr-defined]
    yield built
    built.close()


def audit(url: str) -> list[tuple[str, int | None, str | None, bool, dict[str, Any]]]:
    services = Services(create_db_engine(url))
    try:
        with services.uow() as uow:
            rows = uow.session.scalars(select(AuditLog).where(AuditLog.action.like("monitor%")).order_by(AuditLog.id))
            return [(r.action, r.user_id, r.target_id, r.success, json.loads(r.detail or "{}")) for r in rows]
    finally:
        services.close()


def test_listen_whisper_barge_each_side_hears_what_its_mode_allows(scene: Scene) -> None:
    supervisor_id = scene.company.user_ids["supervisor"]
    scene.customer_call()
    assert_hears(scene.caller, agent=True, supervisor=False)

    scene.monitor("listen", supervisor_id)
    scene.agent.wait(ev="monitor_started", side="agent", mode="listen")
    scene.supervisor.wait(ev="monitor_started", side="supervisor")
    assert not scene.agent.seen(ev="incoming")[1:], "a monitor call must not ring like a customer"
    assert_hears(scene.supervisor, caller=True, agent=True)
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.agent, caller=True, supervisor=False)

    scene.supervisor.send(cmd="switch", mode="whisper")
    scene.agent.wait(ev="monitor_mode", side="agent", mode="whisper")
    assert_hears(scene.agent, caller=True, supervisor=True)
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.supervisor, caller=True, agent=True)

    scene.supervisor.send(cmd="switch", mode="barge")
    scene.agent.wait(ev="monitor_mode", side="agent", mode="barge")
    assert_hears(scene.caller, agent=True, supervisor=True)
    assert_hears(scene.agent, caller=True, supervisor=True)
    assert_hears(scene.supervisor, caller=True, agent=True)

    scene.supervisor.send(cmd="stop")
    scene.agent.wait(ev="monitor_ended", side="agent")
    assert_hears(scene.caller, agent=True, supervisor=False)

    wait_until(lambda: any(row[0] == "monitor_end" for row in audit(scene.url)), 10, "the end row")  # type: ignore[attr-defined]
    rows = audit(scene.url)  # type: ignore[attr-defined]
    agent_id = str(scene.company.user_ids["agent"])
    assert [(action, who, whom, ok) for action, who, whom, ok, _ in rows] == [
        ("monitor_request", supervisor_id, agent_id, True),
        ("monitor_start", supervisor_id, agent_id, True),
        ("monitor_mode", supervisor_id, agent_id, True),
        ("monitor_mode", supervisor_id, agent_id, True),
        ("monitor_end", supervisor_id, agent_id, True),
    ]
    end = rows[-1][4]
    assert end["mode"] == "barge" and end["start"] <= end["end"]


@pytest.mark.parametrize("requester", ["colleague", "other_company_supervisor"])
def test_an_unauthorised_request_is_refused_with_403_and_logged(scene: Scene, requester: str) -> None:
    user_id = (scene.company.user_ids["agent2"] if requester == "colleague"
               else scene.other_company.user_ids["supervisor"])  # type: ignore[attr-defined]
    scene.customer_call()
    scene.monitor("listen", user_id)
    scene.agent.wait(ev="monitor_refused", code=403)
    ended = scene.supervisor.wait(ev="monitor_ended", side="supervisor")
    assert ended["code"] == 403
    assert not scene.supervisor.seen(ev="monitor_started")
    assert_hears(scene.caller, agent=True, supervisor=False)
    [(action, _who, whom, ok, detail)] = audit(scene.url)  # type: ignore[attr-defined]
    assert (action, whom, ok, detail["requested_by"]) == (
        "monitor_request", str(scene.company.user_ids["agent"]), False, user_id)
