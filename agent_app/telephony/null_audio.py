"""Audio for machines without a headset (tests, servers): pjsua2's null sound device."""

from __future__ import annotations

import pjsua2 as pj


class NullAudio:
    """Same interface as the headset bridge in `audio/`: start, stop, capture and playback media."""

    def __init__(self) -> None:
        self._endpoint: pj.Endpoint | None = None

    def start(self, endpoint: pj.Endpoint) -> None:
        endpoint.audDevManager().setNullDev()
        self._endpoint = endpoint

    def stop(self) -> None:
        self._endpoint = None

    def capture_media(self) -> pj.AudioMedia:
        return self._manager().getCaptureDevMedia()

    def playback_media(self) -> pj.AudioMedia:
        return self._manager().getPlaybackDevMedia()

    def _manager(self) -> pj.AudDevManager:
        if self._endpoint is None:
            raise RuntimeError("NullAudio.start() was not called")
        return self._endpoint.audDevManager()
