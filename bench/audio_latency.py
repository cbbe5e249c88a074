"""How much delay the headset bridge adds: microphone device → bridge → pjsua2 → speaker device.

A private PulseAudio gets one stereo null sink, "bench_mix". Its left channel is the bench
microphone (a remapped source) and the bench speaker is a remapped sink that writes into its right
channel. A probe (50 ms chirp, 300 to 3400 Hz) played into the left channel therefore goes through
the bridge and comes back on the right channel, and one stereo recording of the mix's monitor holds
both, sample-aligned: the cross-correlation lag is the delay, device buffers and PulseAudio included.

Paths measured:
    devices   baseline without pjsua2: microphone stream → one DriftBuffer → speaker stream
              (what PulseAudio and Qt's device buffers cost on their own)
    loopback  capture port → playback port inside pjsua2's conference bridge
    call      through a real call on 127.0.0.1 (PCMA, pjsua2 jitter buffer) and back: the far end
              echoes what it receives

Run:  python3 bench/audio_latency.py [--probes 40] [--rate 16000 8000] [--target-ms 40]
The bridge's own share is loopback (or call) minus devices. Also prints the CPU time the bench
process used per second of audio (bridge, pjsua2 media thread and Qt device thread together).
Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent_app.telephony.audio import DeviceAudioBridge, prefer_narrowband_codecs  # noqa: E402
from agent_app.telephony.audio.device_streams import DeviceThread  # noqa: E402
from agent_app.telephony.audio.devices import find_input, find_output  # noqa: E402
from agent_app.telephony.audio.drift_buffer import DriftBuffer  # noqa: E402
from tests.telephony.audio_fixtures import LoopCall, PulseServer, SipLoop, null_sink, start_pulse  # noqa: E402

PROBE_RATE = 16000
PROBE_EVERY_S = 0.5
SEARCH_S = 0.45


def chirp(rate: int, seconds: float = 0.05) -> np.ndarray:
    t = np.arange(int(rate * seconds)) / rate
    f0, f1 = 300.0, 3400.0
    phase = 2 * np.pi * (f0 * t + (f1 - f0) * t**2 / (2 * seconds))
    return (0.5 * 32767 * np.sin(phase) * np.hanning(len(t))).astype(np.int16)


def build_devices(server: PulseServer) -> None:
    null_sink(server, "bench_mix", "Bench Mix", "channels=2", f"rate={PROBE_RATE}")
    server.keep_running("bench_mix")  # behave like a sound card, not like an idle null sink
    server.pactl("load-module", "module-remap-source", "master=bench_mix.monitor", "source_name=bench_mic",
                 "channels=1", "master_channel_map=front-left", "channel_map=mono", "remix=no",
                 "source_properties=device.description=BenchMic")
    server.pactl("load-module", "module-remap-sink", "master=bench_mix", "sink_name=bench_spk",
                 "channels=1", "master_channel_map=front-right", "channel_map=mono", "remix=no",
                 "sink_properties=device.description=BenchSpeaker")


class Recorder(threading.Thread):
    """Stereo recording of the mix's monitor until stop()."""

    def __init__(self, server: PulseServer) -> None:
        super().__init__(daemon=True)
        cmd = ["pacat", "--record", "-d", "bench_mix.monitor", "--raw", "--format=s16le",
               f"--rate={PROBE_RATE}", "--channels=2", "--latency-msec=20"]
        self._proc = subprocess.Popen(cmd, env=server.env, stdout=subprocess.PIPE)
        self._chunks: list[bytes] = []

    def run(self) -> None:
        assert self._proc.stdout is not None
        while chunk := self._proc.stdout.read(3200):
            self._chunks.append(chunk)

    def stop(self) -> np.ndarray:
        self._proc.terminate()
        self.join()
        data = b"".join(self._chunks)
        data = data[: len(data) - len(data) % 4]
        return np.frombuffer(data, dtype=np.int16).reshape(-1, 2)


def probe_file(path: Path, probes: int) -> Path:
    probe = chirp(PROBE_RATE)
    left = np.zeros(int(PROBE_RATE * (PROBE_EVERY_S * probes + 0.5)), dtype=np.int16)
    for k in range(probes):
        start = int(PROBE_RATE * (0.25 + k * PROBE_EVERY_S))
        left[start : start + len(probe)] = probe
    stereo = np.stack([left, np.zeros_like(left)], axis=1)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(PROBE_RATE)
        out.writeframes(stereo.tobytes())
    return path


def delays_ms(recording: np.ndarray) -> list[float]:
    """Per probe found on the left channel, the lag of its best match on the right channel."""
    probe = chirp(PROBE_RATE).astype(np.float64)
    left, right = recording[:, 0].astype(np.float64), recording[:, 1].astype(np.float64)
    match = np.abs(np.correlate(left, probe, "valid"))
    found, i = [], 0
    threshold = 0.5 * match.max()
    while i < len(match):
        if match[i] > threshold:
            peak = i + int(np.argmax(match[i : i + len(probe)]))
            found.append(peak)
            i = peak + int(PROBE_RATE * PROBE_EVERY_S / 2)
        else:
            i += 1
    result = []
    for onset in found:
        window = right[onset : onset + int(PROBE_RATE * SEARCH_S) + len(probe)]
        if len(window) <= len(probe):
            continue
        corr = np.abs(np.correlate(window, probe, "valid"))
        if corr.max() > 0.2 * match[onset]:  # an echo was heard, not just noise
            result.append(float(np.argmax(corr)) * 1000 / PROBE_RATE)
    return result


def run_probes(server: PulseServer, loop: SipLoop, probes: int, workdir: Path) -> tuple[list[float], float]:
    """Play the probes, return their delays and the CPU seconds used per second of audio."""
    loop.pump(1.0)  # let both streams and the buffers settle
    recorder = Recorder(server)
    recorder.start()
    player = subprocess.Popen(["paplay", "-d", "bench_mix", str(probe_file(workdir / "probe.wav", probes))],
                              env=server.env)
    wall, cpu = time.monotonic(), time.process_time()
    while player.poll() is None:
        loop.pump(0.1)
    load = (time.process_time() - cpu) / (time.monotonic() - wall)
    loop.pump(SEARCH_S + 0.2)
    return delays_ms(recorder.stop()), load


def measure(server: PulseServer, loop: SipLoop, mode: str, rate: int, target_ms: float, probes: int,
            workdir: Path) -> None:
    if mode == "devices":
        measure_devices(server, loop, rate, target_ms, probes, workdir)
        return
    bridge = DeviceAudioBridge("BenchMic", "BenchSpeaker", None, clock_rate=rate, target_ms=target_ms,
                               max_ms=max(120.0, 3 * target_ms))
    bridge.start(loop.ep)
    calls: list[LoopCall] = []
    try:
        if mode == "loopback":
            bridge.capture_media().startTransmit(bridge.playback_media())
        else:
            calls = start_echo_call(loop, bridge)
        found, load = run_probes(server, loop, probes, workdir)
    finally:
        calls.clear()
        loop.accounts["agent"].on_media = None
        loop.hangup_all()
        bridge.stop()
    report(mode, rate, target_ms, found, probes, load,
           f"capture buffer {stats(bridge.capture_buffer)}; playback buffer {stats(bridge.playback_buffer)}")


def measure_devices(server: PulseServer, loop: SipLoop, rate: int, target_ms: float, probes: int,
                    workdir: Path) -> None:
    buffer = DriftBuffer(rate, target_ms)
    devices = DeviceThread(rate, buffer_ms=20)
    try:
        devices.open("capture", find_input("BenchMic"), buffer.write)
        devices.open("playback", find_output("BenchSpeaker"), buffer.read)
        found, load = run_probes(server, loop, probes, workdir)
    finally:
        devices.shutdown()
    report("devices", rate, target_ms, found, probes, load, f"buffer {stats(buffer)}")


def stats(buffer: DriftBuffer) -> str:
    return f"underruns {buffer.stats.underruns}, overflows {buffer.stats.overflows}"


def start_echo_call(loop: SipLoop, bridge: DeviceAudioBridge) -> list[LoopCall]:
    import pjsua2 as pj

    def wire_agent(call: LoopCall) -> None:
        media = loop.audio_media(call)
        media.startTransmit(bridge.playback_media())
        bridge.capture_media().startTransmit(media)

    def echo(call: LoopCall) -> None:
        media = loop.audio_media(call)
        media.startTransmit(media)

    loop.accounts["agent"].on_media = wire_agent
    far = LoopCall(loop, loop.accounts["far"])
    far.on_media = echo
    far.makeCall(f"sip:agent@127.0.0.1:{loop.port}", pj.CallOpParam(True))
    loop.wait_until(lambda: far.getInfo().state == pj.PJSIP_INV_STATE_CONFIRMED, what="call confirmed")
    return [far]


def report(mode: str, rate: int, target_ms: float, found: list[float], probes: int, load: float,
           notes: str) -> None:
    label = f"{mode:8s} {rate:5d} Hz target {target_ms:3.0f} ms"
    if not found:
        print(f"{label}: no probe came back ({probes} sent)")
        return
    figures = np.array(found)
    print(f"{label}: {len(found)}/{probes} probes  median {np.median(figures):6.1f} ms  "
          f"p95 {np.percentile(figures, 95):6.1f} ms  max {figures.max():6.1f} ms  "
          f"CPU {100 * load:4.1f} %  ({notes})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probes", type=int, default=40)
    parser.add_argument("--rate", type=int, nargs="+", default=[16000, 8000])
    parser.add_argument("--target-ms", type=float, nargs="+", default=[20.0])
    parser.add_argument("--mode", nargs="+", default=["devices", "loopback", "call"],
                        choices=["devices", "loopback", "call"])
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="agent-desk-bench-"))
    server = start_pulse(workdir)
    try:
        build_devices(server)
        os.environ["PULSE_SERVER"] = server.env["PULSE_SERVER"]
        from PySide6.QtCore import QCoreApplication

        app = QCoreApplication.instance() or QCoreApplication([])  # noqa: F841 - Qt Multimedia needs it
        loop = SipLoop()
        prefer_narrowband_codecs(loop.ep)
        try:
            for mode in args.mode:
                for rate in args.rate:
                    for target in args.target_ms:
                        measure(server, loop, mode, rate, target, args.probes, workdir)
        finally:
            loop.destroy()
    finally:
        server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
