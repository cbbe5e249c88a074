"""Codec order for calls from the agent's softphone.

pjsua2's default order puts speex/16000 first, and speex distorted a plain test tone (FACTS.md);
PBXes and carriers speak G.711 everywhere anyway. A-law first (the Chinese and European network
law), then µ-law, then G.722 for wideband peers; every other codec stays enabled below them.
"""

from __future__ import annotations

import pjsua2 as pj

PREFERRED = ("PCMA/8000", "PCMU/8000", "G722/16000")
_TOP_PRIORITY = 255
_OTHERS_MAX = 125  # below the preferred three, still enabled (0 would disable)


def prefer_narrowband_codecs(endpoint: pj.Endpoint) -> list[str]:
    """Put PCMA, PCMU and G.722 above speex and the rest; returns codec ids, best first."""
    for info in endpoint.codecEnum2():
        codec_id = info.codecId
        rank = next((i for i, prefix in enumerate(PREFERRED) if codec_id.startswith(prefix)), None)
        if rank is not None:
            endpoint.codecSetPriority(codec_id, _TOP_PRIORITY - rank)
        elif info.priority > _OTHERS_MAX:
            endpoint.codecSetPriority(codec_id, _OTHERS_MAX)
    ordered = sorted(endpoint.codecEnum2(), key=lambda info: -info.priority)
    return [info.codecId for info in ordered if info.priority > 0]
