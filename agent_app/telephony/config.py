"""Settings of the SIP account and of the engine. The password is not here: see credentials.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Transport = Literal["udp", "tcp", "tls"]


@dataclass(frozen=True)
class AccountConfig:
    """One SIP line. `username` is the extension (分机号) the agent logs in with."""

    registrar: str  # host[:port], e.g. "pbx.example.com" or "10.0.0.5:5060"
    username: str
    domain: str
    transport: Transport = "udp"
    proxy: str | None = None  # host[:port] of an outbound proxy, or None
    auth_user: str | None = None  # defaults to username
    display_name: str = ""
    register_expires_s: int = 300

    @property
    def aor(self) -> str:
        return f"sip:{self.username}@{self.domain}"

    def id_uri(self) -> str:
        name = self.display_name.replace('"', "")
        return f'"{name}" <{self.aor}>' if name else f"<{self.aor}>"

    def registrar_uri(self) -> str:
        return _sip_uri(self.registrar, self.transport)

    def proxy_uri(self) -> str | None:
        return f"{_sip_uri(self.proxy, self.transport)};lr" if self.proxy else None

    def target_uri(self, number_or_uri: str) -> str:
        """A dialable URI from a number ("95598", "1002") or a full sip:/sips: URI."""
        if number_or_uri.startswith(("sip:", "sips:")):
            return number_or_uri
        return f"sip:{number_or_uri}@{self.domain}"


def _sip_uri(hostport: str, transport: Transport) -> str:
    if transport == "tls":
        return f"sips:{hostport}"
    return f"sip:{hostport};transport={transport}"


@dataclass(frozen=True)
class EngineConfig:
    """Engine-wide behaviour."""

    sip_port: int = 0  # 0: any free port
    # The pjsua2-python wheel is built with PJSUA_MAX_CALLS 4: larger values are silently capped.
    # 4 covers the customer's call, a consult call and a supervisor's monitor call.
    max_calls: int = 4
    ivr_header: str = "X-IVR-Trail"
    auto_answer: bool = False
    record_calls: bool = False
    recordings_dir: Path | None = None
    # Highest first. PCMA/PCMU and G722 above speex: speex/16000 first distorted a test tone.
    codec_priority: tuple[str, ...] = ("PCMA/8000", "PCMU/8000", "G722/16000")
    retry_delays_s: tuple[int, ...] = (2, 4, 8, 16, 32, 60)
    user_agent: str = "AgentDesk"
    log_level: int = 1
    tls_ca_file: str = ""
    extra_codecs_demoted: tuple[str, ...] = field(default=("speex/16000", "speex/8000", "speex/32000"))
