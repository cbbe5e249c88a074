"""Tones for the monitoring tests: how loud each test frequency is in a stretch of audio, G.711
μ-law both ways, and an "ear" for a SIPp caller (a copy of the RTP sent to it, decoded).

Used by the test process and by the pjsua2 peers (monitor_peer.py), so that every ear is judged
by the same FFT.
"""

from __future__ import annotations

import socket
import struct
import threading
import time

import numpy as np

FREQUENCIES = (500, 650, 900, 1150, 1400)
PCMU = 0
_BIAS, _CLIP = 0x84, 32635


def levels(samples: np.ndarray, rate: int) -> dict[str, float]:
    """The amplitude (of 16-bit full scale) of each test tone in `samples` (Hann-windowed FFT,
    peak within ±10 Hz); all 0 for less than a quarter of a second."""
    if len(samples) < rate // 4:
        return {str(f): 0.0 for f in FREQUENCIES}
    x = samples.astype(np.float64)
    window = np.hanning(len(x))
    spectrum = np.abs(np.fft.rfft((x - x.mean()) * window)) * 2 / window.sum()
    freqs = np.fft.rfftfreq(len(x), 1 / rate)
    return {str(f): float(spectrum[(freqs > f - 10) & (freqs < f + 10)].max()) for f in FREQUENCIES}


def tone(frequency: float, seconds: float, rate: int, amplitude: float) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * frequency * t)).astype(np.int16)


def ulaw_encode(samples: np.ndarray) -> bytes:
    """16-bit linear → G.711 μ-law (ITU-T G.711, as pjmedia and SIPp's files use it)."""
    x = samples.astype(np.int32)
    sign = np.where(x < 0, 0x80, 0)
    magnitude = np.minimum(np.abs(x), _CLIP) + _BIAS
    exponent = np.floor(np.log2(magnitude)).astype(np.int32) - 7
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return (~(sign | (exponent << 4) | mantissa) & 0xFF).astype(np.uint8).tobytes()


def ulaw_decode(data: bytes) -> np.ndarray:
    u = ~np.frombuffer(data, dtype=np.uint8).astype(np.int32) & 0xFF
    exponent, mantissa = (u >> 4) & 0x07, u & 0x0F
    magnitude = (((mantissa << 3) + _BIAS) << exponent) - _BIAS
    return np.where(u & 0x80, -magnitude, magnitude).astype(np.int16)


def rtp_payload(packet: bytes) -> tuple[int, bytes] | None:
    """(payload type, payload) of an RTP packet; None for anything else (RTCP, junk)."""
    if len(packet) < 12 or packet[0] >> 6 != 2:
        return None
    csrc_count, has_extension, payload_type = packet[0] & 0x0F, packet[0] & 0x10, packet[1] & 0x7F
    offset = 12 + 4 * csrc_count
    if has_extension and len(packet) >= offset + 4:
        offset += 4 + 4 * struct.unpack_from("!H", packet, offset + 2)[0]
    end = len(packet) - (packet[-1] if packet[0] & 0x20 else 0)  # padding
    return payload_type, packet[offset:end]


class RtpEar:
    """What a SIPp caller hears: a copy of the PCMU packets sent to its media port, decoded.

    SIPp owns that port and sends its tone from it (symmetric RTP, as pjmedia expects: a peer whose
    RTP comes from elsewhere than its SDP says is ignored or re-latched), and it does not keep
    what it receives. Linux hands every raw UDP socket a copy of each UDP datagram to its address,
    so this ear reads the datagrams to `port` on 127.0.0.1 from one (needs CAP_NET_RAW).
    """

    RATE = 8000

    def __init__(self, port: int) -> None:
        self.port = port
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP)
        self._socket.bind(("127.0.0.1", 0))
        self._socket.settimeout(0.2)
        self._lock = threading.Lock()
        self._chunks: list[np.ndarray] = []
        self._running = True
        self._thread = threading.Thread(target=self._receive, daemon=True)
        self._thread.start()

    def _receive(self) -> None:
        while self._running:
            try:
                datagram = self._socket.recv(4096)
            except OSError:  # timeout (checks _running) or closed
                continue
            header = (datagram[0] & 0x0F) * 4  # IPv4 header, then UDP's 8 bytes
            if struct.unpack_from("!H", datagram, header + 2)[0] != self.port:
                continue
            rtp = rtp_payload(datagram[header + 8:])
            if rtp is None or rtp[0] != PCMU:
                continue
            with self._lock:
                self._chunks.append(ulaw_decode(rtp[1]))
                del self._chunks[:-250]

    def hears(self, seconds: float = 1.0) -> dict[int, float]:
        """The tone levels of the next `seconds` of what is sent to the caller."""
        with self._lock:
            self._chunks.clear()
        time.sleep(seconds)
        with self._lock:
            samples = np.concatenate(self._chunks) if self._chunks else np.zeros(0, dtype=np.int16)
        return {int(f): level for f, level in levels(samples, self.RATE).items()}

    def close(self) -> None:
        self._running = False
        self._thread.join(timeout=2)
        self._socket.close()


def can_hear_callers() -> bool:
    """May this process open the raw socket an RtpEar needs (root, or CAP_NET_RAW)?"""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_UDP).close()
    except PermissionError:
        return False
    return True


def free_media_port() -> int:
    """An even UDP port on 127.0.0.1 free with the one two above it (SIPp binds both: audio, video)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as audio:
            audio.bind(("127.0.0.1", 0))
            port = audio.getsockname()[1]
            if port % 2 or port > 65533:
                continue
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as video:
                try:
                    video.bind(("127.0.0.1", port + 2))
                except OSError:
                    continue
            return port
    raise RuntimeError("no free media port")
