"""Recording both sides of a call into one WAV file."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pjsua2 as pj


def recording_path(folder: Path, started_at: datetime, direction: str, remote: str) -> Path:
    safe_remote = re.sub(r"[^0-9A-Za-z+_-]", "_", remote) or "unknown"
    return folder / f"{started_at:%Y%m%dT%H%M%S%fZ}_{direction}_{safe_remote}.wav"


class CallRecorder:
    """An AudioMediaRecorder fed by the call's audio (remote side) and the capture device (agent).

    The conference slots of a call change after hold/resume, so `attach` runs on every media
    state change. pjsua2 writes the WAV header shortly after the recorder is destroyed.
    """

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._recorder: pj.AudioMediaRecorder | None = pj.AudioMediaRecorder()
        self._recorder.createRecorder(str(path))

    def attach(self, call_media: pj.AudioMedia, capture_media: pj.AudioMedia) -> None:
        if self._recorder is not None:
            call_media.startTransmit(self._recorder)
            capture_media.startTransmit(self._recorder)

    def close(self) -> None:
        self._recorder = None
