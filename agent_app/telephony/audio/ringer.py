"""The ring tone an agent hears on the ringing device (often the PC speaker, not the headset).

450 Hz, the Chinese telephone tone frequency, in a double-ring cadence (0.4 s on, 0.2 s off,
0.4 s on, 2 s off) so that it is not mistaken for a ringback tone in the headset.
"""

from __future__ import annotations

import numpy as np

RING_FREQUENCY_HZ = 450.0
_CADENCE_S = ((0.4, True), (0.2, False), (0.4, True), (2.0, False))
_AMPLITUDE = 0.3


def ring_cycle(clock_rate: int) -> np.ndarray:
    """One full cadence as int16 samples, with 5 ms fades so the bursts do not click."""
    parts = []
    fade = int(clock_rate * 0.005)
    for seconds, on in _CADENCE_S:
        count = int(clock_rate * seconds)
        if not on:
            parts.append(np.zeros(count, dtype=np.float32))
            continue
        burst = np.sin(2 * np.pi * RING_FREQUENCY_HZ * np.arange(count) / clock_rate).astype(np.float32)
        ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
        burst[:fade] *= ramp
        burst[-fade:] *= ramp[::-1]
        parts.append(burst)
    return (np.concatenate(parts) * _AMPLITUDE * 32767).astype(np.int16)


class RingTone:
    """Endless ring tone: `read(count)` continues where the last read stopped."""

    def __init__(self, clock_rate: int) -> None:
        self._cycle = ring_cycle(clock_rate)
        self._pos = 0

    def read(self, count: int) -> np.ndarray:
        idx = (self._pos + np.arange(count)) % len(self._cycle)
        self._pos = (self._pos + count) % len(self._cycle)
        return self._cycle[idx]
