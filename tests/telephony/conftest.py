"""Real SIP peers on 127.0.0.1 for the telephony tests: Kamailio, SIPp and pjsua2 itself.

Ports are picked free at run time. Kamailio runs in the foreground per test (ready in
milliseconds) so that its log only holds that test's requests.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest

from agent_app.telephony.config import AccountConfig, EngineConfig
from agent_app.telephony.credentials import store_sip_password
from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import RegistrationChanged, RegistrationState
from agent_app.telephony.null_audio import NullAudio

PEERS = Path(__file__).parent / "peers"
DOMAIN = "hotline.test"
USERS = {"1001": "agent-1001-secret", "1002": "peer-1002-secret", "1003": "peer-1003-secret",
         "1004": "agent-1004-secret"}
AGENT = "1001"

E = TypeVar("E")

def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port")


class Kamailio:
    """A registrar + proxy with digest auth (htable users), started in the foreground. Numbers of
    the PBX's feature codes (`FEATURE_PREFIX`) go to `pbx` (a SIPp UAS standing in for Asterisk)."""

    def __init__(self, workdir: Path, users: dict[str, str], pbx: str = "127.0.0.1:9") -> None:
        self.port = free_port()
        self.workdir = workdir
        self.log_path = workdir / "kamailio.log"
        users_block = "\n".join(f'    $sht(users=>{user}) = "{password}";' for user, password in users.items())
        cfg = (PEERS / "kamailio.cfg").read_text()
        cfg = cfg.replace("@PORT@", str(self.port)).replace("@DOMAIN@", DOMAIN).replace("@USERS@", users_block)
        cfg = cfg.replace("@PBX@", pbx)
        self.cfg_path = workdir / "kamailio.cfg"
        self.cfg_path.write_text(cfg)
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> None:
        rundir = self.workdir / "run"
        rundir.mkdir(exist_ok=True)
        log = self.log_path.open("ab")
        self._process = subprocess.Popen(
            ["kamailio", "-f", str(self.cfg_path), "-DD", "-E", "-Y", str(rundir), "-m", "32", "-M", "8"],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stop() can end the children too
        )
        deadline = time.monotonic() + 5
        while not self._listening():
            if self._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"kamailio did not start:\n{self.log()}")
            time.sleep(0.01)

    def stop(self) -> None:
        """Kill it and its children at once: SIGTERM sometimes took over 10 s, and the location
        table is in memory anyway (a restart forgets every registration, as a crash would)."""
        if self._process is not None and self._process.poll() is None:
            os.killpg(self._process.pid, signal.SIGKILL)
            self._process.wait(timeout=5)
        self._process = None

    def _listening(self) -> bool:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def requests(self, method: str, from_user: str) -> int:
        """How many `method` requests from `from_user` reached Kamailio (its xlog lines)."""
        marker = f"AGENTDESK-REQ {method} from=sip:{from_user}@"
        return sum(1 for line in self.log().splitlines() if marker in line)


@pytest.fixture()
def kamailio(tmp_path: Path) -> Iterator[Kamailio]:
    if not (shutil.which("kamailio") and shutil.which("sipp")):
        pytest.skip("kamailio and sipp are needed (apt-get install kamailio sip-tester)")
    server = Kamailio(tmp_path, USERS)
    server.start()
    yield server
    server.stop()


@dataclass
class Recorder:
    """Collects an engine's events and waits for them while polling the engine."""

    engine: SipEngine
    events: list[Any] = field(default_factory=list)

    def __call__(self, event: Any) -> None:
        self.events.append(event)

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.engine.poll()
            time.sleep(0.005)

    def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0, what: str = "condition") -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {what}; events: {self.events}")
            self.engine.poll()
            time.sleep(0.005)

    def wait_for(
        self, kind: type[E], where: Callable[[E], bool] = lambda e: True, timeout: float = 10.0, since: int = 0
    ) -> E:
        found: list[E] = []

        def seen() -> bool:
            found.extend(e for e in self.events[since:] if isinstance(e, kind) and where(e))
            return bool(found)

        self.wait_until(seen, timeout, kind.__name__)
        return found[0]

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]


def agent_account(kamailio: Kamailio, transport: str = "udp", user: str = AGENT, **extra: Any) -> AccountConfig:
    return AccountConfig(
        registrar=kamailio.address,
        proxy=kamailio.address,
        transport=transport,  # type: ignore[arg-type]
        username=user,
        domain=DOMAIN,
        display_name=f"Agent {user}",
        **extra,
    )


@pytest.fixture()
def sip_passwords() -> None:
    for user, password in USERS.items():
        store_sip_password(user, DOMAIN, password)


@pytest.fixture()
def engine_config(tmp_path: Path) -> EngineConfig:
    return EngineConfig(record_calls=True, recordings_dir=tmp_path / "recordings")


@pytest.fixture()
def engine(engine_config: EngineConfig, sip_passwords: None) -> Iterator[SipEngine]:
    sip = SipEngine(engine_config, NullAudio())
    sip.start()
    yield sip
    sip.shutdown(unregister_timeout_s=0)  # Kamailio may be gone already


@pytest.fixture()
def events(engine: SipEngine) -> Recorder:
    recorder = Recorder(engine)
    engine.subscribe(recorder)
    return recorder


@pytest.fixture()
def registered(engine: SipEngine, events: Recorder, kamailio: Kamailio) -> SipEngine:
    """The agent's extension 1001 registered with Kamailio over UDP."""
    engine.register(agent_account(kamailio), agent_id="A0042")
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)
    return engine


class Sipp:
    """One SIPp run of a scenario file from peers/, in the background while the test polls."""

    def __init__(self, workdir: Path, scenario: str, kamailio: Kamailio, service: str = AGENT,
                 options: Sequence[str] = (), **keys: str) -> None:
        """`options` come after the defaults, so they override them (e.g. a longer -timeout)."""
        self.port = free_port()
        self.workdir = workdir
        args = [
            "sipp", kamailio.address, "-sf", str(PEERS / scenario), "-s", service,
            "-i", "127.0.0.1", "-p", str(self.port), "-m", "1", "-timeout", "30s",
            "-timeout_error", "-trace_err", "-trace_msg", "-nostdin",
            "-set", "domain", DOMAIN,
        ]  # fmt: skip
        for key, value in keys.items():
            args += ["-set", key, value]
        args += options
        self.output = workdir / f"sipp-{scenario}.out"
        self._process = subprocess.Popen(
            args, cwd=workdir, stdout=self.output.open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )

    def finished(self) -> bool:
        return self._process.poll() is not None

    @property
    def returncode(self) -> int | None:
        return self._process.poll()

    def messages(self) -> str:
        return "\n".join(p.read_text(errors="replace") for p in self.workdir.glob("*_messages.log"))

    def report(self) -> str:
        errors = "\n".join(p.read_text(errors="replace") for p in self.workdir.glob("*_errors.log"))
        return f"{self.output.read_text(errors='replace')[-3000:]}\n{errors}"

    def kill(self) -> None:
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()


@pytest.fixture()
def sipp(tmp_path: Path, kamailio: Kamailio) -> Iterator[Callable[..., Sipp]]:
    runs: list[Sipp] = []

    def run(scenario: str, service: str = AGENT, **keys: str) -> Sipp:
        workdir = tmp_path / f"sipp{len(runs)}"
        workdir.mkdir()
        runs.append(Sipp(workdir, scenario, kamailio, service, **keys))
        return runs[-1]

    yield run
    for run_ in runs:
        run_.kill()


def wait_sipp(events: Recorder, run: Sipp, timeout: float = 15.0) -> None:
    """Poll the engine until SIPp exits, then check that its scenario passed."""
    events.wait_until(run.finished, timeout, "SIPp to finish")
    assert run.returncode == 0, run.report()



class PhoneProcess:
    """Other people's phones: registered pjsua2 accounts in a separate process (peers/pjsua_phone.py)."""

    def __init__(self, kamailio: Kamailio, users: list[str]) -> None:
        accounts = [f"{user}:{USERS[user]}" for user in users]
        self._process = subprocess.Popen(
            [sys.executable, str(PEERS / "pjsua_phone.py"), kamailio.address, DOMAIN, *accounts],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        self.events: list[dict[str, Any]] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            if line.startswith("{"):
                self.events.append(json.loads(line))

    def send(self, command: str) -> None:
        assert self._process.stdin is not None
        self._process.stdin.write(command + "\n")
        self._process.stdin.flush()

    def dial(self, user: str, uri: str) -> None:
        self.send(f"dial {user} {uri}")

    def seen(self, **match: Any) -> list[dict[str, Any]]:
        return [e for e in list(self.events) if all(e.get(k) == v for k, v in match.items())]

    def registered(self, user: str) -> bool:
        return any(e["code"] == 200 and e["expires"] > 0 for e in self.seen(ev="reg", user=user))

    def close(self) -> None:
        if self._process.poll() is None:
            self.send("quit")
            try:
                self._process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()


@pytest.fixture()
def phones(events: Recorder, kamailio: Kamailio) -> Iterator[PhoneProcess]:
    """Registered phones 1002 (the customer) and 1003 (a colleague), auto-answering."""
    process = PhoneProcess(kamailio, ["1002", "1003"])
    events.wait_until(lambda: process.registered("1002") and process.registered("1003"), what="the phones")
    yield process
    process.close()
