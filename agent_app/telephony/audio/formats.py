"""Sample formats between the bridge (16-bit mono at the call clock rate) and a device.

PulseAudio accepts any format and converts itself. WASAPI in shared mode may refuse anything but
its mix format (typically 48 kHz stereo float) through `QAudioDevice.isFormatSupported`, so when the
device refuses the bridge format we open it in its preferred format and convert here: channel
mixdown/duplication, int16/int32/float samples, and a streaming linear-interpolation resampler
(good enough for the telephone voice band; it has no anti-alias filter, so it is only used when the
device insists).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtMultimedia import QAudioDevice, QAudioFormat

_SCALE = {QAudioFormat.SampleFormat.Int16: 32768.0, QAudioFormat.SampleFormat.Int32: 2147483648.0}
_DTYPE = {
    QAudioFormat.SampleFormat.Int16: np.int16,
    QAudioFormat.SampleFormat.Int32: np.int32,
    QAudioFormat.SampleFormat.Float: np.float32,
}


def bridge_format(clock_rate: int) -> QAudioFormat:
    """16-bit mono at `clock_rate`: what pjsua2's conference bridge speaks."""
    fmt = QAudioFormat()
    fmt.setSampleRate(clock_rate)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    return fmt


def negotiate(device: QAudioDevice, clock_rate: int) -> QAudioFormat:
    """The bridge format if the device takes it, else the device's own preferred format."""
    wanted = bridge_format(clock_rate)
    if device.isFormatSupported(wanted):
        return wanted
    preferred = device.preferredFormat()
    if preferred.sampleFormat() not in _DTYPE:
        raise ValueError(f"unsupported sample format {preferred.sampleFormat()} on {device.description()}")
    return preferred


class LinearResampler:
    """Streaming rate conversion by linear interpolation; keeps phase across blocks."""

    def __init__(self, in_rate: int, out_rate: int) -> None:
        self._step = in_rate / out_rate
        self._pos = 0.0
        self._prev = np.zeros(1, dtype=np.float32)

    def process(self, block: np.ndarray) -> np.ndarray:
        if self._step == 1.0:
            return block.astype(np.float32, copy=False)
        buf = np.concatenate((self._prev, block.astype(np.float32, copy=False)))
        end = len(buf) - 1
        positions = np.arange(self._pos, end, self._step)
        out = np.interp(positions, np.arange(len(buf)), buf).astype(np.float32)
        self._pos = (positions[-1] + self._step if len(positions) else self._pos) - end
        self._prev = buf[-1:]
        return out


class Converter:
    """Bridge samples (int16 mono) ↔ device bytes in the negotiated format."""

    def __init__(self, clock_rate: int, device_format: QAudioFormat) -> None:
        self.clock_rate = clock_rate
        self.device_rate = device_format.sampleRate()
        self.channels = device_format.channelCount()
        self.sample_format = device_format.sampleFormat()
        self.bytes_per_frame = device_format.bytesPerFrame()
        self._dtype = _DTYPE[self.sample_format]
        self._to_device = LinearResampler(clock_rate, self.device_rate)
        self._from_device = LinearResampler(self.device_rate, clock_rate)
        self.passthrough = (
            self.device_rate == clock_rate
            and self.channels == 1
            and self.sample_format == QAudioFormat.SampleFormat.Int16
        )

    def bridge_samples_for(self, device_bytes: int) -> int:
        """How many bridge samples fill about `device_bytes` of the device's buffer."""
        return int(device_bytes // self.bytes_per_frame * self.clock_rate / self.device_rate)

    def to_device(self, samples: np.ndarray) -> bytes:
        if self.passthrough:
            return samples.astype(np.int16, copy=False).tobytes()
        mono = self._to_device.process(samples.astype(np.float32) / 32768.0)
        frames = np.repeat(mono[:, None], self.channels, axis=1)
        if self.sample_format == QAudioFormat.SampleFormat.Float:
            return frames.astype(np.float32).tobytes()
        scale = _SCALE[self.sample_format]
        return np.clip(frames * scale, -scale, scale - 1).astype(self._dtype).tobytes()

    def from_device(self, data: bytes) -> np.ndarray:
        if self.passthrough:
            return np.frombuffer(data, dtype=np.int16)
        usable = len(data) - len(data) % self.bytes_per_frame
        frames = np.frombuffer(data[:usable], dtype=self._dtype).reshape(-1, self.channels)
        mono = frames.astype(np.float32).mean(axis=1)
        if self.sample_format != QAudioFormat.SampleFormat.Float:
            mono /= _SCALE[self.sample_format]
        out = self._from_device.process(mono)
        return np.clip(out * 32768.0, -32768, 32767).astype(np.int16)
