"""The PBX feature-code monitoring method with real parts: the supervisor's softphone (SipEngine +
MonitorDesk + FeatureCodeControl, as the seat board drives it) dials the codes through Kamailio,
which hands every *22… number to a SIPp UAS standing in for Asterisk; the monitoring service on a
real database checks the request first and the session is audited from the supervisor's side."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from agent_app.services.actor import Actor
from agent_app.services.actors import actor_for_account
from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.org import DemoCompany
from agent_app.services.models import AuditLog
from agent_app.telephony.events import RegistrationChanged, RegistrationState
from agent_app.telephony.monitor import MonitorDesk, MonitorMode
from agent_app.ui.supervisor.feature_code_control import FeatureCodeControl
from tests.fixtures.companies import two_companies
from tests.telephony.conftest import USERS, Kamailio, Recorder, Sipp, agent_account, free_port

TEMPLATE = "*22{mode_digit}{extension}"
SEAT = "1001"


@dataclass
class Site:
    kamailio: Kamailio
    pbx: Sipp
    services: Services
    company: DemoCompany
    other_company: DemoCompany

    def dialled(self) -> list[str]:
        """The Request-URIs of the INVITEs the PBX received, in order."""
        return re.findall(r"^INVITE (sip:\S+) SIP/2\.0", self.pbx.messages(), flags=re.MULTILINE)

    def actor(self, company: DemoCompany, key: str) -> Actor:
        with self.services.uow() as uow:
            return actor_for_account(uow.session, company.accounts[key])

    def on_call(self, company: DemoCompany, extension: str) -> None:
        """The company's agent signed in to the hotline on `extension`, on a call."""
        agent = self.services.seats.hotline_login(self.actor(company, "agent"), "A01", extension)
        self.services.seats.change_state(agent, "on_call", call_number="13800138000", call_direction="in")


@pytest.fixture()
def site(tmp_path: Path, sqlite_url: str) -> Iterator[Site]:
    if not (shutil.which("kamailio") and shutil.which("sipp")):
        pytest.skip("kamailio and sipp are needed (apt-get install kamailio sip-tester)")
    pbx_port = free_port()
    kamailio = Kamailio(tmp_path, USERS, pbx=f"127.0.0.1:{pbx_port}")
    kamailio.start()
    (tmp_path / "pbx").mkdir()
    # three calls (one per mode) on the port Kamailio sends the codes to (later options win)
    pbx = Sipp(tmp_path / "pbx", "pbx_feature_code.xml", kamailio, options=("-m", "3", "-p", str(pbx_port)))
    a, b = two_companies(sqlite_url)
    services = Services(create_db_engine(sqlite_url))
    yield Site(kamailio, pbx, services, a, b)
    pbx.kill()
    services.close()
    kamailio.stop()


@pytest.fixture()
def supervisor_phone(engine, events: Recorder, site: Site, qapp) -> Iterator[tuple[FeatureCodeControl, Recorder]]:  # noqa: ANN001
    """The supervisor's softphone on extension 1002 in feature-code mode, as the softphone wires it."""
    engine.register(agent_account(site.kamailio, user="1002"))
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)
    desk = MonitorDesk(engine, lambda _request: False)
    control = FeatureCodeControl(desk, site.services.monitoring, site.actor(site.company, "supervisor"), TEMPLATE,
                                 run=lambda work: work())
    yield control, events


def audit(services: Services) -> list[tuple[str, int | None, str | None, bool, dict[str, Any]]]:
    with services.uow() as uow:
        rows = uow.session.scalars(select(AuditLog).where(AuditLog.action.like("monitor%")).order_by(AuditLog.id))
        return [(r.action, r.user_id, r.target_id, r.success, json.loads(r.detail or "{}")) for r in rows]


def test_each_mode_dials_its_code_through_the_pbx_and_the_session_is_audited(
        site: Site, supervisor_phone: tuple[FeatureCodeControl, Recorder]) -> None:
    control, events = supervisor_phone
    site.on_call(site.company, SEAT)
    shown: list[Any] = []
    control.changed.connect(shown.append)

    control.start(SEAT, "李明", MonitorMode.LISTEN)
    events.wait_until(lambda: control.current is not None and control.current.connected, what="the listen call")
    control.switch(MonitorMode.WHISPER)
    assert control.current is not None and control.current.mode is MonitorMode.WHISPER
    events.wait_until(lambda: control.current is not None and control.current.connected, what="the whisper call")
    control.switch(MonitorMode.BARGE)
    events.wait_until(lambda: control.current is not None and control.current.connected, what="the barge call")
    assert [m.mode for m in shown if m is not None and m.connected] == [
        MonitorMode.LISTEN, MonitorMode.WHISPER, MonitorMode.BARGE]
    control.stop()
    assert control.current is None
    events.wait_until(site.pbx.finished, what="the PBX's three calls to end")
    assert site.pbx.returncode == 0, site.pbx.report()

    domain = "hotline.test"
    assert site.dialled() == [f"sip:*221{SEAT}@{domain}", f"sip:*222{SEAT}@{domain}", f"sip:*223{SEAT}@{domain}"]
    supervisor_id, agent_id = site.company.user_ids["supervisor"], str(site.company.user_ids["agent"])
    rows = audit(site.services)
    assert [(action, who, whom, ok) for action, who, whom, ok, _ in rows] == [
        ("monitor_request", supervisor_id, agent_id, True),
        ("monitor_start", supervisor_id, agent_id, True),
        ("monitor_mode", supervisor_id, agent_id, True),
        ("monitor_mode", supervisor_id, agent_id, True),
        ("monitor_end", supervisor_id, agent_id, True),
    ]
    assert [row[4]["mode"] for row in rows] == ["listen", "listen", "whisper", "barge", "barge"]
    assert rows[-1][4]["start"] <= rows[-1][4]["end"]


def test_another_companys_seat_is_refused_before_anything_is_dialled(
        site: Site, supervisor_phone: tuple[FeatureCodeControl, Recorder]) -> None:
    control, events = supervisor_phone
    site.on_call(site.other_company, "1004")
    refused: list[str] = []
    failed: list[int] = []
    control.refused.connect(refused.append)
    control.failed.connect(failed.append)

    control.start("1004", "王芳", MonitorMode.LISTEN)
    events.pump(0.5)
    assert control.current is None and failed == [403]
    assert refused == ["坐席不存在或无权查看。"]
    assert site.kamailio.requests("INVITE", "1002") == 0 and site.dialled() == []


def test_a_colleague_without_the_monitor_permission_dials_nothing(site: Site, engine, events: Recorder,  # noqa: ANN001
                                                                   qapp) -> None:  # noqa: ANN001
    engine.register(agent_account(site.kamailio, user="1002"))
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)
    site.on_call(site.company, SEAT)
    control = FeatureCodeControl(MonitorDesk(engine, lambda _request: False), site.services.monitoring,
                                 site.actor(site.company, "agent2"), TEMPLATE, run=lambda work: work())
    refused: list[str] = []
    control.refused.connect(refused.append)
    control.start(SEAT, "李明", MonitorMode.BARGE)
    events.pump(0.5)
    assert control.current is None and refused == ["您不能监听该坐席，此次请求已记入安全日志。"]
    assert site.kamailio.requests("INVITE", "1002") == 0
    [(action, who, whom, ok, detail)] = audit(site.services)
    assert (action, who, whom, ok, detail["refused"]) == (
        "monitor_request", site.company.user_ids["agent2"], str(site.company.user_ids["agent"]), False,
        "not_a_supervisor")
