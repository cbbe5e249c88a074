"""A bounded FIFO of 16-bit mono samples between two clocks that do not agree.

The headset runs on the sound card's crystal, pjsua2's conference bridge on the system timer. Two
clocks a few hundred ppm apart make a plain queue grow (the delay creeps up) or run dry (clicks).
Both sides also move audio in bursts (pjsua2 20 ms frames, the device its period), so the fill
level is a saw-tooth; what matters is its low-water mark, the audio that was never needed.

`DriftBuffer` holds the low-water mark (lowest fill after a read, over `window_ms`) at `target_ms`:

* Slow drift: low-water mark more than `slack_ms` above (below) the target → one sample is dropped
  (repeated, by stretching the block that is read) at most once per `adjust_every_ms` of audio.
  With the defaults that is at most 1/320 (0.3 %) at 16 kHz, inaudible, and follows clock
  differences up to 3000 ppm; real sound cards are within about 100 ppm.
* Excess: a low-water mark more than `cut_ms` above the target (after start-up, or a stall of
  the reader) is cut at once, oldest audio first: a short glitch instead of seconds of extra delay.
* Hard bound: the queue never holds more than `max_ms`. A write that would exceed it first drops
  the oldest audio down to the target.
* Underrun: a read that finds too little is padded with silence and the buffer re-primes: it
  answers silence until `target_ms` plus one read is queued again.

So the delay a DriftBuffer adds is about target + the writer's burst size, never more than `max_ms`.
Thread-safe: one writer thread and one reader thread (the device thread and pjsua2's media thread).
"""

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
        target_ms: float = 20.0,
        max_ms: float = 120.0,
        slack_ms: float = 5.0,
        cut_ms: float = 40.0,
        window_ms: float = 500.0,
        adjust_every_ms: float = 20.0,
    ) -> None:
        if not 0 < target_ms < max_ms:
            raise ValueError("need 0 < target_ms < max_ms")
        per_ms = clock_rate / 1000
        self.clock_rate = clock_rate
        self.target = int(target_ms * per_ms)
        self.capacity = int(max_ms * per_ms)
        self._slack = int(slack_ms * per_ms)
        self._cut = int(cut_ms * per_ms)
        self._window = int(window_ms * per_ms)
        self._adjust_every = int(adjust_every_ms * per_ms)
        self._data = np.zeros(0, dtype=np.int16)
        self._lock = threading.Lock()
        self._primed = False
        self._low: int | None = None  # low-water mark of the last full window
        self._window_low = 1 << 30
        self._window_read = 0
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
                self._low = None
            self._data = data

    def read(self, count: int) -> np.ndarray:
        """Exactly `count` samples: queued audio, drift-corrected, padded with silence if short."""
        with self._lock:
            fill = len(self._data)
            if not self._primed:
                if fill < self.target + count:
                    self.stats.inserted += count
                    return np.zeros(count, dtype=np.int16)
                self._primed = True
                self._restart_window()
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
            self._track_low(count)
            return out if take == count else _stretch(out, count)

    def _restart_window(self) -> None:
        self._low = None
        self._window_low = 1 << 30
        self._window_read = 0

    def _track_low(self, count: int) -> None:
        self._window_low = min(self._window_low, len(self._data))
        self._window_read += count
        if self._window_read >= self._window:
            self._low = self._window_low
            self._window_low = 1 << 30
            self._window_read = 0
            if self._low - self.target > self._cut:
                excess = self._low - self.target
                self._data = self._data[excess:]
                self.stats.dropped += excess
                self._low = self.target

    def _drift_step(self, fill: int, count: int) -> int:
        """+1 to drop a sample, -1 to repeat one, 0 to pass through unchanged."""
        self._since_adjust += count
        if self._low is None or self._since_adjust < self._adjust_every or count < 2:
            return 0
        if self._low > self.target + self._slack and fill > count:
            self._since_adjust = 0
            self._low -= 1
            self.stats.dropped += 1
            return 1
        if self._low < self.target - self._slack:
            self._since_adjust = 0
            self._low += 1
            self.stats.inserted += 1
            return -1
        return 0


def _stretch(samples: np.ndarray, count: int) -> np.ndarray:
    """Resample a short block to `count` samples by linear interpolation (one sample more/less)."""
    positions = np.linspace(0, len(samples) - 1, count)
    return np.interp(positions, np.arange(len(samples)), samples).astype(np.int16)
