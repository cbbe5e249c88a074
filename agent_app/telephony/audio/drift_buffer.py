"""A bounded FIFO of 16-bit mono samples between two clocks that do not agree.

The headset runs on the sound card's crystal, pjsua2's conference bridge on the system timer. Two
clocks a few hundred ppm apart make a plain queue grow (the delay creeps up) or run dry (clicks).
`DriftBuffer` keeps the queued audio near `target_ms`:

* Slow drift: the fill level is smoothed over about half a second; when the smoothed level is
  more than `slack_ms` above (below) the target, one sample is dropped (repeated) in the next
  read, at most once per `adjust_every_ms` of audio read. With the defaults that is a speed change
  of at most 1/320 (0.3 %) at 16 kHz, inaudible, and it follows clock differences of up to
  3000 ppm; real sound cards are within about 100 ppm.
* Hard bound: the queue never holds more than `max_ms`. A write that would exceed it first drops
  the oldest audio down to the target (a stall of the reader, e.g. a frozen device, cannot build up
  a delay).
* Underrun: a read that finds too little is padded with silence and the buffer re-primes: it
  answers silence until `target_ms` is queued again.

Thread-safe: one writer thread and one reader thread (the device thread and pjsua2's media thread).
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np


@dataclass
class DriftStats:
    """Counters since creation, for logs and the benchmark."""

    dropped: int = 0  # samples thrown away (overflow or drift correction)
    inserted: int = 0  # samples made up (silence while priming / underrun, repeated samples)
    underruns: int = 0
    overflows: int = 0


class DriftBuffer:
    """Bounded jitter buffer with drop/insert drift correction; see the module docstring."""

    def __init__(
        self,
        clock_rate: int,
        target_ms: float = 40.0,
        max_ms: float = 120.0,
        slack_ms: float = 10.0,
        adjust_every_ms: float = 20.0,
    ) -> None:
        if not 0 < target_ms < max_ms:
            raise ValueError("need 0 < target_ms < max_ms")
        self.clock_rate = clock_rate
        self.target = int(clock_rate * target_ms / 1000)
        self.capacity = int(clock_rate * max_ms / 1000)
        self._slack = int(clock_rate * slack_ms / 1000)
        self._adjust_every = int(clock_rate * adjust_every_ms / 1000)
        self._data = np.zeros(0, dtype=np.int16)
        self._lock = threading.Lock()
        self._primed = False
        self._smoothed = 0.0
        self._since_adjust = 0
        self.stats = DriftStats()

    @property
    def fill(self) -> int:
        """Samples queued now."""
        with self._lock:
            return len(self._data)

    def write(self, samples: np.ndarray) -> None:
        """Queue samples (int16); drops the oldest audio if the hard bound would be exceeded."""
        with self._lock:
            data = np.concatenate((self._data, samples.astype(np.int16, copy=False)))
            if len(data) > self.capacity:
                excess = len(data) - self.target
                data = data[excess:]
                self.stats.dropped += excess
                self.stats.overflows += 1
                self._smoothed = float(len(data))
            self._data = data

    def read(self, count: int) -> np.ndarray:
        """Exactly `count` samples: queued audio, drift-corrected, padded with silence if short."""
        with self._lock:
            fill = len(self._data)
            self._smoothed += (fill - self._smoothed) * min(1.0, count / (self.clock_rate / 2))
            if not self._primed:
                if fill < self.target:
                    self.stats.inserted += count
                    return np.zeros(count, dtype=np.int16)
                self._primed = True
                self._smoothed = float(fill)
            if fill < count:
                out = np.zeros(count, dtype=np.int16)
                out[:fill] = self._data
                self._data = self._data[:0]
                self._primed = False
                self.stats.underruns += 1
                self.stats.inserted += count - fill
                return out
            take = count + self._drift_step(fill, count)
            out = self._data[:take]
            self._data = self._data[take:]
            return out if take == count else _stretch(out, count)

    def _drift_step(self, fill: int, count: int) -> int:
        """+1 to drop a sample, -1 to repeat one, 0 to pass through unchanged."""
        self._since_adjust += count
        if self._since_adjust < self._adjust_every or count < 2:
            return 0
        if self._smoothed > self.target + self._slack and fill > count:
            self._since_adjust = 0
            self.stats.dropped += 1
            return 1
        if self._smoothed < self.target - self._slack:
            self._since_adjust = 0
            self.stats.inserted += 1
            return -1
        return 0


def _stretch(samples: np.ndarray, count: int) -> np.ndarray:
    """Resample a short block to `count` samples by linear interpolation (one sample more/less)."""
    positions = np.linspace(0, len(samples) - 1, count)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
