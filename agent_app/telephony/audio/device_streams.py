"""QAudioSource/QAudioSink in push mode on a dedicated Qt thread.

The streams live on their own `QThread` with its own event loop, so a busy GUI thread (a long
report query) cannot starve the headset. A 5 ms precise timer moves audio: it reads whatever the
microphone delivered into the capture `DriftBuffer`, and tops the speaker's (and the ringer's)
device buffer up from the playback `DriftBuffer`. Nothing here calls pjsua2, so this thread needs
no `libRegisterThread`.

Commands from the engine's thread (open, ring, close) are queued signals with
`BlockingQueuedConnection`: the caller waits until the device thread did it and gets its error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QIODevice, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtMultimedia import QAudioDevice, QAudioSink, QAudioSource, QtAudio

from agent_app.telephony.audio.formats import Converter, negotiate

log = logging.getLogger(__name__)

PUMP_INTERVAL_MS = 5


class OutputStream:
    """A speaker fed from `source(count) -> int16 samples at the bridge rate`."""

    def __init__(
        self, device: QAudioDevice, clock_rate: int, buffer_ms: int, source: Callable[[int], np.ndarray]
    ) -> None:
        fmt = negotiate(device, clock_rate)
        self._converter = Converter(clock_rate, fmt)
        self._source = source
        self._pending = b""
        self._sink = QAudioSink(device, fmt)
        self._sink.setBufferSize(fmt.bytesForDuration(buffer_ms * 1000))
        self._io: QIODevice = self._sink.start()
        if self._sink.error() != QtAudio.Error.NoError:
            raise OSError(f"cannot open audio output {device.description()!r}: {self._sink.error()}")

    def pump(self) -> None:
        _check(self._sink.error(), "output")
        # Only produce what the device can take now, so `_pending` stays below one device frame
        # plus one bridge block (the resampler's output length varies by a sample).
        count = self._converter.bridge_samples_for(self._sink.bytesFree() - len(self._pending))
        if count > 0:
            self._pending += self._converter.to_device(self._source(count))
        if self._pending:
            written = self._io.write(self._pending)
            if written > 0:
                self._pending = self._pending[written:]

    def close(self) -> None:
        self._sink.stop()


class InputStream:
    """A microphone whose samples go to `sink(int16 samples at the bridge rate)`."""

    def __init__(
        self, device: QAudioDevice, clock_rate: int, buffer_ms: int, sink: Callable[[np.ndarray], None]
    ) -> None:
        fmt = negotiate(device, clock_rate)
        self._converter = Converter(clock_rate, fmt)
        self._sink = sink
        self._source = QAudioSource(device, fmt)
        self._source.setBufferSize(fmt.bytesForDuration(buffer_ms * 1000))
        self._io: QIODevice = self._source.start()
        if self._source.error() != QtAudio.Error.NoError:
            raise OSError(f"cannot open audio input {device.description()!r}: {self._source.error()}")

    def pump(self) -> None:
        _check(self._source.error(), "input")
        data = bytes(self._io.readAll().data())
        if data:
            self._sink(self._converter.from_device(data))

    def close(self) -> None:
        self._source.stop()


def _check(error: QtAudio.Error, kind: str) -> None:
    """Underruns are normal in push mode; a device that went away (unplugged headset) is not."""
    if error in (QtAudio.Error.OpenError, QtAudio.Error.IOError, QtAudio.Error.FatalError):
        raise OSError(f"audio {kind} device failed: {error}")


@dataclass
class StreamSpec:
    """What to open: a device, and the callable that produces or consumes its samples."""

    device: QAudioDevice
    io: Callable


class DeviceWorker(QObject):
    """Owns the device streams; every method below runs on the device thread."""

    def __init__(self, clock_rate: int, buffer_ms: int) -> None:
        super().__init__()
        self._clock_rate = clock_rate
        self._buffer_ms = buffer_ms
        self._streams: dict[str, InputStream | OutputStream] = {}
        self._timer: QTimer | None = None
        self.error: Exception | None = None

    @Slot(str, object)
    def open(self, role: str, spec: StreamSpec) -> None:
        """role "capture" opens an input, anything else an output; replaces an open one."""
        self.error = None
        try:
            self.close(role)
            cls = InputStream if role == "capture" else OutputStream
            self._streams[role] = cls(spec.device, self._clock_rate, self._buffer_ms, spec.io)
            if self._timer is None:
                self._timer = QTimer(self)
                self._timer.setTimerType(Qt.TimerType.PreciseTimer)
                self._timer.timeout.connect(self._pump)
                self._timer.start(PUMP_INTERVAL_MS)
        except Exception as exc:  # noqa: BLE001 - handed back to the calling thread
            self.error = exc

    @Slot(str)
    def close(self, role: str) -> None:
        stream = self._streams.pop(role, None)
        if stream is not None:
            stream.close()

    @Slot()
    def close_all(self) -> None:
        for role in list(self._streams):
            self.close(role)
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _pump(self) -> None:
        for role, stream in list(self._streams.items()):
            try:
                stream.pump()
            except Exception:  # noqa: BLE001 - one broken device must not stop the others
                log.exception("audio %s stream failed; closing it", role)
                self.close(role)


class DeviceThread(QObject):
    """The engine-side handle: starts the thread and sends it commands, waiting for each."""

    _open = Signal(str, object)
    _close = Signal(str)
    _close_all = Signal()

    def __init__(self, clock_rate: int, buffer_ms: int) -> None:
        super().__init__()
        self._thread = QThread()
        self._thread.setObjectName("agent-desk-audio")
        self._worker = DeviceWorker(clock_rate, buffer_ms)
        self._worker.moveToThread(self._thread)
        blocking = Qt.ConnectionType.BlockingQueuedConnection
        self._open.connect(self._worker.open, blocking)
        self._close.connect(self._worker.close, blocking)
        self._close_all.connect(self._worker.close_all, blocking)
        self._thread.start(QThread.Priority.TimeCriticalPriority)

    def open(self, role: str, device: QAudioDevice, io: Callable) -> None:
        self._open.emit(role, StreamSpec(device, io))
        if self._worker.error is not None:
            raise self._worker.error

    def close(self, role: str) -> None:
        self._close.emit(role)

    def shutdown(self) -> None:
        self._close_all.emit()
        self._thread.quit()
        self._thread.wait()
