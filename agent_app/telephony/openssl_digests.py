"""Make MD5 digest authentication work with the Linux pjsua2-python wheel.

pjsip 2.15 asks OpenSSL for the digest algorithm (EVP_get_digestbyname("MD5")) when it answers a
401 challenge. The wheel vendors OpenSSL 1.0.2, whose digest table stays empty until someone calls
OpenSSL_add_all_digests(), and pjsip never does: every REGISTER then fails with PJ_ENOTSUP
("The algorithm (MD5) referenced by algorithm_type is not supported"). Calling it once on the
vendored libcrypto fixes that. Builds without a vendored OpenSSL 1.0.x need nothing.
"""

from __future__ import annotations

import ctypes
from pathlib import Path

import pjsua2


def load_openssl_digests() -> bool:
    """Fill OpenSSL's digest table in the libcrypto that pjsua2 uses; True when one was found."""
    libs = Path(pjsua2.__file__).resolve().parent.parent / "pjsua2_python.libs"
    candidates = sorted(libs.glob("libcrypto-*.so.1.0*")) if libs.is_dir() else []
    for candidate in candidates:
        library = ctypes.CDLL(str(candidate))
        library.OpenSSL_add_all_digests()
        return True
    return False
