"""The headset bridge carries real audio between PulseAudio devices and a pjsua2 call.

A far end (a second local pjsua2 account) calls the agent; the agent's call is wired to
`DeviceAudioBridge` exactly as the engine does it. We listen to the fake headset speaker, speak
into the fake headset microphone and check the frequency that comes out at the other side.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pjsua2 as pj
import pytest

pytest.register_assert_rewrite("tests.telephony.audio_fixtures")

from agent_app.telephony.audio import (  # noqa: E402
    AudioDeviceNotFound,
    DeviceAudioBridge,
    list_devices,
    prefer_narrowband_codecs,
)
from agent_app.telephony.audio.drift_buffer import DriftBuffer  # noqa: E402
from agent_app.telephony.audio.formats import Converter  # noqa: E402
from agent_app.telephony.audio.ringer import RING_FREQUENCY_HZ  # noqa: E402
from tests.telephony.audio_fixtures import (  # noqa: E402
    MIC_FEED,
    MIC_NAME,
    RATE,
    RINGER,
    RINGER_NAME,
    SPEAKER,
    SPEAKER_NAME,
    LoopCall,
    PulseServer,
    SipLoop,
    dominant_frequency,
    hears,
    read_wav,
    tone,
)

pytest_plugins = ["tests.telephony.audio_fixtures"]

FAR_TONE_HZ = 1000.0
MIC_TONE_HZ = 700.0
TOLERANCE_HZ = 15.0


class Conversation:
    """An answered call far → agent; the agent side is wired to the headset bridge."""

    def __init__(self, loop: SipLoop, bridge: DeviceAudioBridge, workdir: Path) -> None:
        self.loop = loop
        self.workdir = workdir
        self.tone = pj.ToneGenerator()
        self.tone.createToneGenerator(RATE, 1)
        desc = pj.ToneDesc()
        desc.freq1, desc.freq2, desc.on_msec, desc.off_msec = int(FAR_TONE_HZ), 0, 10000, 0
        tones = pj.ToneDescVector()
        tones.append(desc)
        self.tone.play(tones, True)
        self.recorder: pj.AudioMediaRecorder | None = None

        def wire_agent(call: LoopCall) -> None:
            media = loop.audio_media(call)
            media.startTransmit(bridge.playback_media())
            bridge.capture_media().startTransmit(media)

        def wire_far(call: LoopCall) -> None:
            self.tone.startTransmit(loop.audio_media(call))

        loop.accounts["agent"].on_media = wire_agent
        self.far: LoopCall | None = LoopCall(loop, loop.accounts["far"])
        self.far.on_media = wire_far
        self.far.makeCall(f"sip:agent@127.0.0.1:{loop.port}", pj.CallOpParam(True))
        loop.wait_until(lambda: len(loop.calls) == 2, what="incoming call")
        self.agent: LoopCall | None = loop.calls[1]
        loop.wait_until(
            lambda: self.far.getInfo().state == pj.PJSIP_INV_STATE_CONFIRMED, what="call confirmed"
        )
        loop.wait_until(lambda: bool(self.agent.getInfo().media), what="agent media")
        for call in (self.far, self.agent):
            assert call.error is None, call.error

    def far_end_hears(self, seconds: float) -> np.ndarray:
        """Record what reaches the far end for `seconds`."""
        path = self.workdir / "far.wav"
        self.recorder = pj.AudioMediaRecorder()
        self.recorder.createRecorder(str(path))
        self.loop.audio_media(self.far).startTransmit(self.recorder)
        self.loop.pump(seconds)
        self.recorder = None  # the WAV header is written when the recorder is deleted
        self.loop.pump(0.1)
        samples, rate = read_wav(path)
        assert rate == RATE
        return samples

    def close(self) -> None:
        self.far = self.agent = None
        self.loop.accounts["agent"].on_media = None
        self.loop.hangup_all()
        self.tone = None


@pytest.fixture(scope="module", params=[16000, 8000], ids=["16kHz", "8kHz"])
def bridge(request, pulse: PulseServer, qt_app, sip_loop: SipLoop) -> Iterator[DeviceAudioBridge]:
    """The bridge at both clock rates the engine may choose (pjsua2's bridge itself runs at 16 kHz)."""
    prefer_narrowband_codecs(sip_loop.ep)
    audio = DeviceAudioBridge(MIC_NAME, SPEAKER_NAME, RINGER_NAME, clock_rate=request.param)
    audio.start(sip_loop.ep)
    yield audio
    audio.stop()


@pytest.fixture(scope="module")
def conversation(bridge: DeviceAudioBridge, sip_loop: SipLoop, tmp_path_factory) -> Iterator[Conversation]:
    talk = Conversation(sip_loop, bridge, tmp_path_factory.mktemp("conversation"))
    yield talk
    talk.close()


# --- devices ------------------------------------------------------------------------------------


@pytest.mark.audio
def test_list_devices_offers_the_headset_and_ringer(pulse: PulseServer, qt_app) -> None:
    devices = {device.name: device for device in list_devices()}
    assert devices[MIC_NAME].is_input and not devices[MIC_NAME].is_output
    assert devices[SPEAKER_NAME].is_output and not devices[SPEAKER_NAME].is_input
    assert devices[RINGER_NAME].is_output
    assert devices[SPEAKER_NAME].is_default and devices[MIC_NAME].is_default
    assert not devices[RINGER_NAME].is_default


@pytest.mark.audio
def test_unknown_device_is_refused_and_nothing_stays_open(pulse: PulseServer, qt_app, sip_loop: SipLoop) -> None:
    audio = DeviceAudioBridge(MIC_NAME, "No Such Headset", None)
    with pytest.raises(AudioDeviceNotFound) as error:
        audio.start(sip_loop.ep)
    assert SPEAKER_NAME in error.value.available
    with pytest.raises(RuntimeError):
        audio.capture_media()


# --- call audio -----------------------------------------------------------------------------------


@pytest.mark.audio
def test_far_end_tone_reaches_the_headset_speaker(pulse: PulseServer, conversation: Conversation) -> None:
    heard = hears(lambda: pulse.record(f"{SPEAKER}.monitor", 0.5), FAR_TONE_HZ)
    assert np.abs(heard).max() > 1000, "the speaker stayed silent"
    assert dominant_frequency(heard, RATE) == pytest.approx(FAR_TONE_HZ, abs=TOLERANCE_HZ)


@pytest.mark.audio
def test_microphone_tone_reaches_the_far_end(pulse: PulseServer, conversation: Conversation) -> None:
    pulse.play(MIC_FEED, tone(MIC_TONE_HZ, 30.0))
    try:
        heard = hears(lambda: conversation.far_end_hears(0.5), MIC_TONE_HZ)
    finally:
        pulse.stop_players()
    assert np.abs(heard).max() > 1000, "the far end heard silence"
    assert dominant_frequency(heard, RATE) == pytest.approx(MIC_TONE_HZ, abs=TOLERANCE_HZ)


@pytest.mark.audio
def test_agent_does_not_hear_own_microphone(pulse: PulseServer, conversation: Conversation) -> None:
    """No sidetone or echo path: while the far end hears the mic, the speaker carries the far end."""
    pulse.play(MIC_FEED, tone(MIC_TONE_HZ, 30.0))
    try:
        far_end = hears(lambda: conversation.far_end_hears(0.5), MIC_TONE_HZ)
        speaker = pulse.record(f"{SPEAKER}.monitor", 0.5)
    finally:
        pulse.stop_players()
    assert dominant_frequency(far_end, RATE) == pytest.approx(MIC_TONE_HZ, abs=TOLERANCE_HZ)
    assert dominant_frequency(speaker, RATE) == pytest.approx(FAR_TONE_HZ, abs=TOLERANCE_HZ)


# --- ringer -----------------------------------------------------------------------------------------


@pytest.mark.audio
def test_ringer_rings_on_the_ring_device_only_until_stopped(pulse: PulseServer, bridge: DeviceAudioBridge) -> None:
    bridge.play_ring()
    try:
        # a 1 s slice may fall into the 2 s pause of the cadence; listening again finds a burst
        ringing = hears(lambda: pulse.record(f"{RINGER}.monitor", 1.0), RING_FREQUENCY_HZ)
    finally:
        bridge.stop_ring()
    assert dominant_frequency(ringing, RATE) == pytest.approx(RING_FREQUENCY_HZ, abs=TOLERANCE_HZ)
    after = pulse.record(f"{RINGER}.monitor", 0.5)
    assert np.abs(after).max() < 100, "the ring tone went on after stop_ring()"


# --- codecs -------------------------------------------------------------------------------------------


def test_g711_and_g722_come_before_speex(sip_loop: SipLoop) -> None:
    order = prefer_narrowband_codecs(sip_loop.ep)
    assert order[:3] == ["PCMA/8000/1", "PCMU/8000/1", "G722/16000/1"]
    assert all(codec.startswith(("speex", "iLBC", "GSM")) for codec in order[3:])


# --- drift (no devices needed) ------------------------------------------------------------------


def _run_clocks(buffer: DriftBuffer, write_rate: float, read_rate: float, seconds: float) -> list[int]:
    """Writer delivers 20 ms blocks at `write_rate`, reader takes 5 ms blocks at `read_rate`."""
    fills, written, read, t = [], 0.0, 0.0, 0.0
    frame = buffer.clock_rate // 50
    step = 0.001
    while t < seconds:
        t += step
        while written + frame <= write_rate * t:
            buffer.write(tone(440, frame / buffer.clock_rate, buffer.clock_rate))
            written += frame
        while read + frame / 4 <= read_rate * t:
            buffer.read(frame // 4)
            read += frame / 4
            fills.append(buffer.fill)
    return fills


@pytest.mark.parametrize("ppm", [-2000, -300, 300, 2000])
def test_clock_drift_does_not_grow_the_delay(ppm: int) -> None:
    buffer = DriftBuffer(RATE)
    fills = _run_clocks(buffer, RATE * (1 + ppm / 1e6), RATE, seconds=120)
    last_minute = np.array(fills[len(fills) // 2 :])
    # held at the target: the low-water mark within the slack, the mean within one 20 ms block
    assert abs(last_minute.min() - buffer.target) <= 0.005 * RATE + RATE // 200
    assert last_minute.max() <= buffer.target + 0.045 * RATE
    assert buffer.stats.underruns == 0 and buffer.stats.overflows == 0


def test_excess_delay_from_a_late_start_is_cut() -> None:
    buffer = DriftBuffer(RATE)
    buffer.write(tone(440, 0.1))  # the reader started 100 ms late
    fills = _run_clocks(buffer, RATE, RATE, seconds=3)
    assert max(fills[-100:]) <= buffer.target + 0.045 * RATE


def test_stalled_reader_cannot_build_up_delay() -> None:
    buffer = DriftBuffer(RATE)
    for _ in range(100):  # 2 s of audio and nobody reading
        buffer.write(tone(440, 0.02))
    assert buffer.fill <= buffer.capacity
    assert buffer.stats.overflows > 0


def test_underrun_is_padded_with_silence_then_reprimes() -> None:
    buffer = DriftBuffer(RATE, target_ms=20)
    buffer.write(tone(440, 0.05))
    assert buffer.read(320).any()
    assert buffer.read(640)[-160:].tolist() == [0] * 160  # only 30 ms were left
    buffer.write(tone(440, 0.02))
    assert not buffer.read(160).any()  # below the target again: silence until re-primed


# --- device formats (the WASAPI mix-format path; no devices needed) ------------------------------


@pytest.mark.parametrize("sample_format", ["Float", "Int16", "Int32"])
def test_a_device_that_insists_on_48k_stereo_gets_the_same_tone(sample_format: str) -> None:
    from PySide6.QtMultimedia import QAudioFormat

    device_format = QAudioFormat()
    device_format.setSampleRate(48000)
    device_format.setChannelCount(2)
    device_format.setSampleFormat(getattr(QAudioFormat.SampleFormat, sample_format))
    converter = Converter(RATE, device_format)
    assert not converter.passthrough
    blocks = np.split(tone(MIC_TONE_HZ, 1.0), 50)  # 20 ms blocks, like the device thread moves them
    device_bytes = [converter.to_device(block) for block in blocks]
    dtype = {"Float": np.float32, "Int16": np.int16, "Int32": np.int32}[sample_format]
    played = np.frombuffer(b"".join(device_bytes), dtype=dtype).reshape(-1, 2)
    assert abs(len(played) - 48000) <= 3
    assert dominant_frequency(played[:, 0], 48000) == pytest.approx(MIC_TONE_HZ, abs=2)
    assert dominant_frequency(played[:, 1], 48000) == pytest.approx(MIC_TONE_HZ, abs=2)
    captured = np.concatenate([converter.from_device(chunk) for chunk in device_bytes])
    assert abs(len(captured) - RATE) <= 3
    assert dominant_frequency(captured, RATE) == pytest.approx(MIC_TONE_HZ, abs=2)
    assert np.abs(captured).max() == pytest.approx(np.abs(blocks[0]).max(), rel=0.05)
