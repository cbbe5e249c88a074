"""pjsua2 conference-bridge ports that hand audio to and from the device threads.

pjsua2 calls these on its media thread, 50 times a second (20 ms frames). They only touch a
`DriftBuffer`, never Qt or other pjsua2 objects, so the media thread never waits on the device.
Exceptions are logged here: pjsua2 would print and swallow them and keep objects alive through
`sys.last_traceback` (FACTS.md).
"""

from __future__ import annotations

import logging

import numpy as np
import pjsua2 as pj

from agent_app.telephony.audio.drift_buffer import DriftBuffer

log = logging.getLogger(__name__)

FRAME_MS = 20


def audio_format(clock_rate: int) -> pj.MediaFormatAudio:
    fmt = pj.MediaFormatAudio()
    fmt.init(pj.PJMEDIA_FORMAT_PCM, clock_rate, 1, FRAME_MS * 1000, 16)
    return fmt


class CapturePort(pj.AudioMediaPort):
    """Source port: the headset microphone's samples, taken from the capture buffer."""

    def __init__(self, buffer: DriftBuffer) -> None:
        super().__init__()
        self._buffer = buffer
        self._samples = buffer.clock_rate * FRAME_MS // 1000

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:
        try:
            data = self._buffer.read(self._samples).tobytes()
            frame.type = pj.PJMEDIA_FRAME_TYPE_AUDIO
            frame.buf = pj.ByteVector(data)
            frame.size = len(data)
        except Exception:  # noqa: BLE001 - must not escape into pjsua2, see module docstring
            log.exception("capture frame failed")

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:
        """Nothing is played through the capture port."""


class PlaybackPort(pj.AudioMediaPort):
    """Sink port: the mixed call audio, queued for the headset speaker."""

    def __init__(self, buffer: DriftBuffer) -> None:
        super().__init__()
        self._buffer = buffer
        self._silence = np.zeros(buffer.clock_rate * FRAME_MS // 1000, dtype=np.int16)

    def onFrameReceived(self, frame: pj.MediaFrame) -> None:
        try:
            if frame.type == pj.PJMEDIA_FRAME_TYPE_AUDIO and frame.size:
                # tuple() is the fastest way out of SWIG's ByteVector (about 0.5 ms per 640 bytes)
                self._buffer.write(np.frombuffer(bytes(tuple(frame.buf)), dtype=np.int16))
            else:
                self._buffer.write(self._silence)  # keep the device fed at the bridge's pace
        except Exception:  # noqa: BLE001 - must not escape into pjsua2, see module docstring
            log.exception("playback frame failed")

    def onFrameRequested(self, frame: pj.MediaFrame) -> None:
        """The playback port is a pure sink: it transmits nothing into the bridge."""
        frame.type = pj.PJMEDIA_FRAME_TYPE_NONE
