"""Listen, whisper and barge through Kamailio with real parts only. The customers are SIPp: each
places its call through Kamailio and says a tone from a PCMU file, while its SDP points the agent's
RTP at a UDP socket of this test (`RtpEar`), which decodes it. The agents and the supervisor are
pjsua2 processes (monitor_peer.py) running the real SipEngine + MonitorDesk, each saying its own
tone and analysing its own ear with the same FFT (`tones.levels`). The agents' clients authorise
against a real database and write the audit log.

Two seats: 1001 (an agent of the supervisor's company, on a call with the 500 Hz customer) and 1004
(an agent of another company, on a call with the 650 Hz customer), which must hear nothing of the
session next door and whose client refuses the supervisor.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest
from sqlalchemy import select

from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany
from agent_app.services.models import AuditLog
from tests.fixtures.companies import two_companies
from tests.telephony.conftest import DOMAIN, USERS, Kamailio, Sipp
from tests.telephony.tones import RtpEar, can_hear_callers, free_media_port, tone, ulaw_encode

PEER = Path(__file__).parent / "monitor_peer.py"
AGENT, SUPERVISOR, OTHER_AGENT = "1001", "1002", "1004"
TONES = {"caller": 500, "agent": 900, "supervisor": 1400, "other_caller": 650, "other_agent": 1150}
HEARD, SILENT = 800.0, 150.0  # tone amplitude (of 16-bit full scale): clearly there / clearly not
CALLER_AMPLITUDE = 8000  # the SIPp customers' tone files (pjsua2's tone generator says about 9000)


class Peer:
    def __init__(self, kamailio: Kamailio, role: str, user: str, name: str, **extra: str) -> None:
        args = [sys.executable, str(PEER), "--role", role, "--user", user, "--password", USERS[user],
                "--proxy", kamailio.address, "--domain", DOMAIN, "--tone", str(TONES[name])]
        for key, value in extra.items():
            args += [f"--{key}", value]
        self.role = name
        self.log_path = kamailio.workdir / f"{name}.log"  # the peer's stderr, for a failing test's report
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


class Caller:
    """A SIPp customer calling `extension` through Kamailio and saying `TONES[name]`; the agent's
    RTP comes to `ear`. The call ends when the agent hangs up (SIPp then exits with 0)."""

    def __init__(self, kamailio: Kamailio, name: str, extension: str) -> None:
        self.role = name
        media_port = free_media_port()
        self.ear = RtpEar(media_port)
        workdir = kamailio.workdir / name
        workdir.mkdir()
        (workdir / "tone.ulaw").write_bytes(ulaw_encode(tone(TONES[name], 1.0, RtpEar.RATE, CALLER_AMPLITUDE)))
        self.sipp = Sipp(workdir, "caller_says_tone.xml", kamailio, extension,
                         options=("-timeout", "300s", "-mp", str(media_port)))

    def hears(self, seconds: float = 1.0) -> dict[int, float]:
        return self.ear.hears(seconds)

    def hung_up(self, timeout: float = 10.0) -> None:
        wait_until(self.sipp.finished, timeout, f"{self.role} (SIPp) to end")
        assert self.sipp.returncode == 0, self.sipp.report()

    def close(self) -> None:
        self.sipp.kill()
        self.ear.close()


class Ear(Protocol):
    role: str

    def hears(self, seconds: float = 1.0) -> dict[int, float]: ...


def settled(ear: Ear, expect: dict[int, bool], attempts: int = 6) -> dict[int, float]:
    """What `ear` hears, listened to again while the streams settle after a (re)wiring."""
    heard = ear.hears()
    for _ in range(attempts - 1):
        if all((heard[f] > HEARD) if on else (heard[f] < SILENT) for f, on in expect.items()):
            break
        heard = ear.hears()
    return heard


def assert_hears(ear: Ear, **expect: bool) -> None:
    """`ear` hears the tone of each party named True and not that of each named False."""
    wanted = {TONES[who]: on for who, on in expect.items()}
    heard = settled(ear, wanted)
    for frequency, on in wanted.items():
        if on:
            assert heard[frequency] > HEARD, f"{ear.role} should hear {frequency} Hz: {heard}"
        else:
            assert heard[frequency] < SILENT, f"{ear.role} should not hear {frequency} Hz: {heard}"


class Scene:
    """Seat 1001 (agent of `company`) and seat 1004 (agent of `other_company`), each on a call with
    a SIPp customer, and the supervisor's client on 1002."""

    def __init__(self, kamailio: Kamailio, url: str, company: DemoCompany, other_company: DemoCompany) -> None:
        self.url, self.company, self.other_company = url, company, other_company
        self.agent = Peer(kamailio, "agent", AGENT, "agent", db=url, account=company.accounts["agent"])
        self.other_agent = Peer(kamailio, "agent", OTHER_AGENT, "other_agent", db=url,
                                account=other_company.accounts["agent"])
        self.supervisor = Peer(kamailio, "supervisor", SUPERVISOR, "supervisor")
        self.peers = (self.agent, self.other_agent, self.supervisor)
        for peer in self.peers:
            peer.wait(ev="reg", state="registered")
        self.caller = Caller(kamailio, "caller", AGENT)
        self.other_caller = Caller(kamailio, "other_caller", OTHER_AGENT)
        self.agent.wait(ev="call", state="confirmed")
        self.other_agent.wait(ev="call", state="confirmed")

    def monitor(self, mode: str, supervisor_user_id: int, extension: str = AGENT) -> None:
        self.supervisor.send(cmd="monitor", to=extension, mode=mode, supervisor=supervisor_user_id)

    def assert_next_door_untouched(self) -> None:
        """Seat 1004 and its customer hear each other and nothing of seat 1001's session."""
        assert_hears(self.other_agent, other_caller=True, caller=False, agent=False, supervisor=False)
        assert_hears(self.other_caller, other_agent=True, caller=False, agent=False, supervisor=False)

    def close(self) -> None:
        for caller in (self.caller, self.other_caller):
            caller.close()
        for peer in self.peers:
            peer.close()


@pytest.fixture()
def scene(kamailio: Kamailio, sqlite_url: str) -> Iterator[Scene]:
    if not can_hear_callers():
        reason = "hearing the SIPp callers needs a raw socket (root or CAP_NET_RAW)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    built = Scene(kamailio, sqlite_url, *two_companies(sqlite_url))
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
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.agent, caller=True, supervisor=False)

    scene.monitor("listen", supervisor_id)
    scene.agent.wait(ev="monitor_started", side="agent", mode="listen")
    scene.supervisor.wait(ev="monitor_started", side="supervisor")
    assert not scene.agent.seen(ev="incoming")[1:], "a monitor call must not ring like a customer"
    assert_hears(scene.supervisor, caller=True, agent=True, other_caller=False, other_agent=False)
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.agent, caller=True, supervisor=False)
    scene.assert_next_door_untouched()

    scene.supervisor.send(cmd="switch", mode="whisper")
    scene.agent.wait(ev="monitor_mode", side="agent", mode="whisper")
    assert_hears(scene.agent, caller=True, supervisor=True)
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.supervisor, caller=True, agent=True, other_caller=False, other_agent=False)
    scene.assert_next_door_untouched()

    scene.supervisor.send(cmd="switch", mode="barge")
    scene.agent.wait(ev="monitor_mode", side="agent", mode="barge")
    assert_hears(scene.caller, agent=True, supervisor=True)
    assert_hears(scene.agent, caller=True, supervisor=True)
    assert_hears(scene.supervisor, caller=True, agent=True, other_caller=False, other_agent=False)
    scene.assert_next_door_untouched()

    scene.supervisor.send(cmd="stop")
    scene.agent.wait(ev="monitor_ended", side="agent")
    assert_hears(scene.caller, agent=True, supervisor=False)
    assert_hears(scene.agent, caller=True, supervisor=False)

    wait_until(lambda: any(row[0] == "monitor_end" for row in audit(scene.url)), 10, "the end row")
    rows = audit(scene.url)
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

    scene.agent.send(cmd="hangup")
    scene.caller.hung_up()  # the SIPp customer's scenario ran to its end: a real, whole call


@pytest.mark.parametrize(("requester", "seat"), [
    ("colleague", AGENT),  # an agent of the same company: no seat.monitor
    ("other_company_supervisor", AGENT),  # a forged header naming another company's supervisor
    ("supervisor", OTHER_AGENT),  # a supervisor calling the seat of another company's agent
])
def test_an_unauthorised_request_is_refused_with_403_and_logged(scene: Scene, requester: str, seat: str) -> None:
    user_id = {"colleague": scene.company.user_ids["agent2"],
               "other_company_supervisor": scene.other_company.user_ids["supervisor"],
               "supervisor": scene.company.user_ids["supervisor"]}[requester]
    agent, caller, agent_name, caller_name, seat_company = (
        (scene.agent, scene.caller, "agent", "caller", scene.company) if seat == AGENT
        else (scene.other_agent, scene.other_caller, "other_agent", "other_caller", scene.other_company))
    scene.monitor("listen", user_id, seat)
    agent.wait(ev="monitor_refused", code=403)
    ended = scene.supervisor.wait(ev="monitor_ended", side="supervisor")
    assert ended["code"] == 403
    assert not scene.supervisor.seen(ev="monitor_started")
    assert_hears(caller, **{agent_name: True, "supervisor": False})
    assert_hears(agent, **{caller_name: True, "supervisor": False})
    [(action, who, whom, ok, detail)] = audit(scene.url)
    # only a requester of the seat's own company is written as the "who" of the seat company's row
    expected_who = user_id if requester == "colleague" else None
    assert (action, who, whom, ok, detail["requested_by"]) == (
        "monitor_request", expected_who, str(seat_company.user_ids["agent"]), False, user_id)
