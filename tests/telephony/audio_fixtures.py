"""Fixtures for the headset-bridge tests: a private PulseAudio with fake headset devices, a Qt
application, and a pjsua2 endpoint whose two local accounts call each other on 127.0.0.1.

Loaded as a pytest plugin by `test_audio_bridge.py` (`pytest_plugins`), so the telephony
`conftest.py` stays untouched.

Devices (all PulseAudio null sinks; Qt hides ".monitor" sources, so microphones are remapped):
    "Headset Speaker"   sink, its monitor is what the agent hears
    "Headset Mic"       source fed by the "Headset Mic Feed" sink (paplay a tone into the feed)
    "Ringer Speaker"    sink for the ring tone
"""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import tempfile
import time
import wave
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pjsua2 as pj
import pytest

SPEAKER, MIC, MIC_FEED, RINGER = "headset_spk", "headset_mic", "headset_mic_feed", "ringer_spk"
SPEAKER_NAME, MIC_NAME, RINGER_NAME = "Headset Speaker", "Headset Mic", "Ringer Speaker"
RATE = 16000


def hears(listen: Callable[[], np.ndarray], frequency: float, rate: int = RATE, attempts: int = 10) -> np.ndarray:
    """Listen in slices until `frequency` dominates one (streams start at their own pace under
    load); returns the last slice, which the caller asserts on."""
    heard = listen()
    for _ in range(attempts - 1):
        if np.abs(heard).max() > 1000 and abs(dominant_frequency(heard, rate) - frequency) < 15:
            break
        heard = listen()
    return heard


def dominant_frequency(samples: np.ndarray, rate: int) -> float:
    """The strongest frequency in `samples` (Hann window, 1 Hz resolution for a 1 s slice)."""
    x = samples.astype(np.float64)
    spectrum = np.abs(np.fft.rfft((x - x.mean()) * np.hanning(len(x))))
    return float(np.fft.rfftfreq(len(x), 1 / rate)[int(np.argmax(spectrum))])


def tone(frequency: float, seconds: float, rate: int = RATE, amplitude: float = 0.5) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * 32767 * np.sin(2 * np.pi * frequency * t)).astype(np.int16)


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(samples.astype(np.int16).tobytes())
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as wav:
        data = np.frombuffer(wav.readframes(wav.getnframes()), dtype=np.int16)
        return data.reshape(-1, wav.getnchannels())[:, 0], wav.getframerate()


@dataclass
class PulseServer:
    """A PulseAudio daemon private to the test session, reachable through `env`."""

    runtime: Path
    process: subprocess.Popen
    env: dict[str, str] = field(default_factory=dict)
    players: list[subprocess.Popen] = field(default_factory=list)
    keepalives: list[subprocess.Popen] = field(default_factory=list)

    def pactl(self, *args: str) -> str:
        return subprocess.run(["pactl", *args], env=self.env, check=True, capture_output=True, text=True).stdout

    def record(self, source: str, seconds: float, rate: int = RATE) -> np.ndarray:
        """`seconds` of 16-bit mono audio from `source` (a sink's ".monitor" works here)."""
        wanted = int(seconds * rate) * 2
        cmd = ["pacat", "--record", "-d", source, "--raw", "--format=s16le", f"--rate={rate}", "--channels=1",
               "--latency-msec=20"]
        with subprocess.Popen(cmd, env=self.env, stdout=subprocess.PIPE) as rec:
            assert rec.stdout is not None
            data = b""
            while len(data) < wanted:
                chunk = rec.stdout.read(wanted - len(data))
                if not chunk:
                    break
                data += chunk
            rec.terminate()
        return np.frombuffer(data, dtype=np.int16)

    def play(self, sink: str, samples: np.ndarray, rate: int = RATE) -> subprocess.Popen:
        """Start playing `samples` into `sink` in the background (stopped at teardown)."""
        path = write_wav(Path(tempfile.mkstemp(suffix=".wav", dir=self.runtime)[1]), samples, rate)
        player = subprocess.Popen(["paplay", "-d", sink, str(path)], env=self.env)
        self.players.append(player)
        return player

    def keep_running(self, sink: str) -> None:
        """Feed `sink` silence at 10 ms latency for the whole session.

        An idle null sink runs at 2 s latency, so a new stream would flow only after about 2 s;
        real sound cards do not behave like that. A low-latency silent client keeps it responsive.
        """
        cmd = ["pacat", "--playback", "-d", sink, "--raw", "--latency-msec=10"]
        self.keepalives.append(subprocess.Popen(cmd, env=self.env, stdin=open("/dev/zero", "rb")))  # noqa: SIM115

    def stop(self) -> None:
        self.stop_players()
        for keepalive in self.keepalives:
            keepalive.terminate()
            keepalive.wait()
        self.process.terminate()
        self.process.wait(timeout=10)

    def stop_players(self) -> None:
        for player in self.players:
            player.terminate()
            player.wait()
        self.players.clear()


def _unavailable(reason: str) -> None:
    """No PulseAudio: a failure in CI (the audio tests must run there), a skip on a dev machine."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"PulseAudio test devices unavailable: {reason}")
    pytest.skip(f"PulseAudio test devices unavailable: {reason}")


def _properties(kind: str, description: str) -> str:
    """A module argument setting a description with spaces (module args, then proplist quoting)."""
    return f"""{kind}_properties='device.description=\"{description}\"'"""


def _die_with_parent() -> None:
    """Linux: SIGTERM the daemon when the test process dies (an aborted run skips teardown)."""
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def start_pulse(runtime: Path) -> PulseServer:
    """A PulseAudio daemon with no devices, private to `runtime` (also used by bench/)."""
    socket = runtime / "native"
    env = {**os.environ, "HOME": str(runtime), "XDG_RUNTIME_DIR": str(runtime),
           "PULSE_RUNTIME_PATH": str(runtime), "PULSE_SERVER": f"unix:{socket}"}
    env.pop("PULSE_SINK", None)
    env.pop("PULSE_SOURCE", None)
    # -n: no default.pa (no hardware probing); root needs --system=false to run as a user daemon.
    cmd = ["pulseaudio", "-n", "--daemonize=no", "--system=false", "--exit-idle-time=-1",
           "--disallow-exit", "--realtime=no", "--high-priority=no", "--log-target=stderr",
           "--log-level=error", f"--load=module-native-protocol-unix auth-anonymous=1 socket={socket}"]
    log = open(runtime / "pulseaudio.log", "wb")  # noqa: SIM115 - lives as long as the daemon
    process = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT, preexec_fn=_die_with_parent)
    server = PulseServer(runtime, process, env)
    for _ in range(200):
        if process.poll() is not None:
            raise RuntimeError((runtime / "pulseaudio.log").read_text(errors="replace"))
        if socket.exists() and subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode == 0:
            return server
        time.sleep(0.025)
    server.stop()
    raise RuntimeError("pulseaudio did not answer within 5 s")


def null_sink(server: PulseServer, sink: str, description: str, *args: str) -> None:
    server.pactl("load-module", "module-null-sink", f"sink_name={sink}", _properties("sink", description), *args)


def _create_headset(server: PulseServer) -> None:
    for sink, name in ((SPEAKER, SPEAKER_NAME), (MIC_FEED, "Headset Mic Feed"), (RINGER, RINGER_NAME)):
        null_sink(server, sink, name)
        server.keep_running(sink)
    server.pactl("load-module", "module-remap-source", f"master={MIC_FEED}.monitor", f"source_name={MIC}",
                 _properties("source", MIC_NAME))
    server.pactl("set-default-sink", SPEAKER)
    server.pactl("set-default-source", MIC)


@pytest.fixture(scope="session")
def pulse() -> Iterator[PulseServer]:
    """The private PulseAudio; this process's PULSE_SERVER points at it (Qt reads it at first use)."""
    if not (shutil.which("pulseaudio") and shutil.which("pactl") and shutil.which("pacat")):
        _unavailable("apt-get install pulseaudio pulseaudio-utils")
    runtime = Path(tempfile.mkdtemp(prefix="agent-desk-pulse-"))
    try:
        server = start_pulse(runtime)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        _unavailable(str(exc))
    try:
        _create_headset(server)
    except subprocess.CalledProcessError as exc:
        server.stop()
        _unavailable(f"{exc}: {exc.stderr}")
    saved = os.environ.get("PULSE_SERVER")
    os.environ["PULSE_SERVER"] = server.env["PULSE_SERVER"]
    yield server
    server.stop()
    if saved is None:
        os.environ.pop("PULSE_SERVER", None)
    else:
        os.environ["PULSE_SERVER"] = saved
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(scope="session")
def qt_app(pulse: PulseServer):
    """Qt Multimedia needs an application object; a QApplication so that pytest-qt can reuse it."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


class LoopCall(pj.Call):
    """A Call that keeps itself referenced in its loop; `on_media` runs on every media change."""

    def __init__(self, loop: SipLoop, account: pj.Account, call_id: int = -1) -> None:
        super().__init__(account, call_id)
        self.on_media: Callable[[LoopCall], None] | None = None
        self.error: Exception | None = None
        loop.calls.append(self)

    def onCallMediaState(self, prm: pj.OnCallMediaStateParam) -> None:
        try:
            if self.on_media is not None and self.getInfo().media:
                self.on_media(self)
        except Exception as exc:  # noqa: BLE001 - pjsua2 would print and swallow it
            self.error = exc


class LoopAccount(pj.Account):
    """Answers every incoming call at once and hands it `on_media`."""

    def __init__(self, loop: SipLoop) -> None:
        super().__init__()
        self.loop = loop
        self.on_media: Callable[[LoopCall], None] | None = None

    def onIncomingCall(self, prm: pj.OnIncomingCallParam) -> None:
        call = LoopCall(self.loop, self, prm.callId)
        call.on_media = self.on_media
        answer = pj.CallOpParam()
        answer.statusCode = 200
        call.answer(answer)


class SipLoop:
    """One pjsua2 Endpoint, two accounts ("agent", "far") and a UDP transport on 127.0.0.1.

    pjsua2 runs like in the desktop: `threadCnt = 0`, `mainThreadOnly = True`, events pumped by the
    test thread; the conference bridge is clocked by the null sound device's media thread.
    """

    def __init__(self) -> None:
        self.ep = pj.Endpoint()
        self.ep.libCreate()
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = True
        config.logConfig.level = 1
        config.logConfig.consoleLevel = 1
        config.medConfig.clockRate = RATE
        config.medConfig.noVad = True
        self.ep.libInit(config)
        transport = pj.TransportConfig()
        transport.boundAddress = "127.0.0.1"
        transport.port = 0
        tid = self.ep.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
        self.port = self.ep.transportGetInfo(tid).localName.split(":")[-1]
        self.ep.libStart()
        self.ep.audDevManager().setNullDev()
        self.calls: list[LoopCall] = []
        self.accounts = {user: self._account(user) for user in ("agent", "far")}

    def _account(self, user: str) -> LoopAccount:
        config = pj.AccountConfig()
        config.idUri = f"sip:{user}@127.0.0.1:{self.port}"
        config.regConfig.registerOnAdd = False
        account = LoopAccount(self)
        account.create(config)
        return account

    @staticmethod
    def audio_media(call: LoopCall) -> pj.AudioMedia:
        return call.getAudioMedia(-1)

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            self.ep.libHandleEvents(10)

    def wait_until(self, condition: Callable[[], bool], timeout: float = 10.0, what: str = "condition") -> None:
        end = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > end:
                raise AssertionError(f"timed out waiting for {what}")
            self.ep.libHandleEvents(10)

    def hangup_all(self) -> None:
        for call in self.calls:
            if call.isActive():
                call.hangup(pj.CallOpParam())
        self.pump(0.2)
        self.calls.clear()
        gc.collect()  # Call objects must be gone while the library still exists

    def destroy(self) -> None:
        self.hangup_all()
        for account in self.accounts.values():
            account.shutdown()
        self.accounts.clear()
        gc.collect()
        self.ep.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)


@pytest.fixture(scope="module")
def sip_loop() -> Iterator[SipLoop]:
    loop = SipLoop()
    yield loop
    loop.destroy()
