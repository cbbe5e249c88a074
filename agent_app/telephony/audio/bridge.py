"""`DeviceAudioBridge`: the headset for a pjsua2 build that has no sound devices.

Two conference-bridge ports (capture, playback) on pjsua2's media thread, two `DriftBuffer`s, and
the device streams on their own Qt thread:

    headset mic → QAudioSource → capture DriftBuffer → CapturePort → (calls)
    (calls) → PlaybackPort → playback DriftBuffer → QAudioSink → headset speaker
    RingTone → QAudioSink → ringing device (opened only while ringing)

Delay bound: each DriftBuffer keeps its low-water mark at `target_ms` (default 20 ms) and never
holds more than `max_ms` (default 120 ms); see drift_buffer.py. The device buffers add
`device_buffer_ms` (default 20 ms) each, plus what the OS audio server keeps.
"""

from __future__ import annotations

from typing import TypeVar

import pjsua2 as pj

from agent_app.telephony.audio.devices import find_input, find_output
from agent_app.telephony.audio.device_streams import DeviceThread
from agent_app.telephony.audio.drift_buffer import DriftBuffer
from agent_app.telephony.audio.ports import CapturePort, PlaybackPort, audio_format
from agent_app.telephony.audio.ringer import RingTone

T = TypeVar("T")


class DeviceAudioBridge:
    """Same interface as `NullAudio`: start, stop, capture_media, playback_media (+ the ringer).

    Device names are the ones `list_devices()` reports; None is the system default. Call start()
    and stop() on the thread that runs pjsua2 (the ports are created there); the audio itself moves
    on pjsua2's media thread and the bridge's own device thread.
    """

    def __init__(
        self,
        capture_device: str | None,
        playback_device: str | None,
        ring_device: str | None,
        clock_rate: int = 16000,
        target_ms: float = 20.0,
        max_ms: float = 120.0,
        device_buffer_ms: int = 20,
    ) -> None:
        if clock_rate not in (8000, 16000):
            raise ValueError("clock_rate must be 8000 or 16000")
        self.capture_device = capture_device
        self.playback_device = playback_device
        self.ring_device = ring_device
        self.clock_rate = clock_rate
        self.capture_buffer = DriftBuffer(clock_rate, target_ms, max_ms)
        self.playback_buffer = DriftBuffer(clock_rate, target_ms, max_ms)
        self._device_buffer_ms = device_buffer_ms
        self._capture_port: CapturePort | None = None
        self._playback_port: PlaybackPort | None = None
        self._devices: DeviceThread | None = None

    def start(self, endpoint: pj.Endpoint) -> None:
        """Open the headset and add the two ports to the conference bridge.

        Raises AudioDeviceNotFound for an unknown device name and OSError if a device cannot be
        opened; nothing stays open then.
        """
        if self._devices is not None:
            raise RuntimeError("DeviceAudioBridge already started")
        # pjsua2 still needs a master clock for its bridge; the null device provides it.
        endpoint.audDevManager().setNullDev()
        mic, speaker = find_input(self.capture_device), find_output(self.playback_device)
        devices = DeviceThread(self.clock_rate, self._device_buffer_ms)
        try:
            devices.open("capture", mic, self.capture_buffer.write)
            devices.open("playback", speaker, self.playback_buffer.read)
        except Exception:
            devices.shutdown()
            raise
        fmt = audio_format(self.clock_rate)
        self._capture_port = CapturePort(self.capture_buffer)
        self._capture_port.createPort("headset-mic", fmt)
        self._playback_port = PlaybackPort(self.playback_buffer)
        self._playback_port.createPort("headset-speaker", fmt)
        self._devices = devices

    def stop(self) -> None:
        """Close the devices and remove the ports; call before the Endpoint's libDestroy."""
        if self._devices is not None:
            self._devices.shutdown()
            self._devices = None
        # Dropping the last reference destroys the port, which removes it from the bridge.
        self._capture_port = None
        self._playback_port = None

    def capture_media(self) -> pj.AudioMedia:
        """What the headset microphone says: startTransmit() it to a call's audio media."""
        return self._started(self._capture_port)

    def playback_media(self) -> pj.AudioMedia:
        """Where call audio goes to reach the headset speaker: call media.startTransmit(this)."""
        return self._started(self._playback_port)

    def play_ring(self) -> None:
        """Start the ring tone on the ringing device (restarts the cadence if already ringing)."""
        devices = self._started(self._devices)
        devices.open("ring", find_output(self.ring_device), RingTone(self.clock_rate).read)

    def stop_ring(self) -> None:
        """Stop the ring tone; the ringing device is released."""
        if self._devices is not None:
            self._devices.close("ring")

    @staticmethod
    def _started(thing: T | None) -> T:
        if thing is None:
            raise RuntimeError("DeviceAudioBridge.start() was not called")
        return thing
