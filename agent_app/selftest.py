"""`agent-app --self-test`: does this installation have everything it needs at run time?

Meant for the frozen bundle after an install (IT, CI): it runs headless, prints one line per
check and exits non-zero naming the checks that failed. Each check runs even if an earlier one
failed.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO


def check_qt() -> str:
    """A QApplication on the offscreen platform, and Qt's own Chinese translation loads."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "agent-app"])
    translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator()
    if not translator.load(QLocale("zh_CN"), "qtbase", "_", translations):
        raise RuntimeError(f"qtbase_zh_CN.qm not found in {translations}")
    return f"PySide6 {pyside_version}, platform {app.platformName()}, translations in {translations}"


@contextlib.contextmanager
def _native_stdout_silenced() -> Iterator[None]:
    """pjlib logs to file descriptor 1 in libCreate, before its log level can be set."""
    if sys.stdout is not None:
        sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no standard output at all (a windowed program): nothing to silence
        yield
        return
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
            yield
            _flush_c_stdio()  # while fd 1 is still /dev/null, or the buffered lines appear later
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _flush_c_stdio() -> None:
    if sys.platform != "win32":
        ctypes.CDLL(None).fflush(None)


def check_pjsua2() -> str:
    """An endpoint with a UDP transport on 127.0.0.1, then destroyed without network traffic."""
    import pjsua2 as pj

    endpoint = pj.Endpoint()
    with _native_stdout_silenced():
        endpoint.libCreate()
    try:
        config = pj.EpConfig()
        config.uaConfig.threadCnt = 0
        config.uaConfig.mainThreadOnly = True
        config.logConfig.level = 0
        config.logConfig.consoleLevel = 0
        endpoint.libInit(config)
        transport_config = pj.TransportConfig()
        transport_config.boundAddress = "127.0.0.1"
        transport_config.port = 0
        transport_id = endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport_config)
        endpoint.libStart()
        local = endpoint.transportGetInfo(transport_id).localName
        version = endpoint.libVersion().full
    finally:
        endpoint.libDestroy(pj.PJSUA_DESTROY_NO_NETWORK)
    return f"pjsua2 {version}, UDP transport on {local}"


def check_database() -> str:
    """A temporary SQLite database migrated to head with the bundled Alembic migrations, and the
    PostgreSQL driver (psycopg with its libpq) for the shared mode."""
    import psycopg

    from agent_app.services.database import create_db_engine
    from agent_app.services.migrate import head_revision, is_at_head, upgrade_to_head

    with tempfile.TemporaryDirectory(prefix="agent-desk-selftest-") as folder:
        engine = create_db_engine(f"sqlite:///{Path(folder) / 'selftest.sqlite3'}")
        try:
            upgrade_to_head(engine)
            if not is_at_head(engine):
                raise RuntimeError("the database is not at the head revision after upgrading")
        finally:
            engine.dispose()
    return f"SQLite migrated to head ({head_revision()}); psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"


def check_keyring() -> str:
    """A keyring backend that keeps passwords exists (they are stored only there); nothing is written."""
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring
    from keyring.backends.null import Keyring as NullKeyring

    backend = keyring.get_keyring()
    if isinstance(backend, (FailKeyring, NullKeyring)):
        raise RuntimeError(f"no keyring backend available ({type(backend).__module__})")
    return f"backend {type(backend).__module__}.{type(backend).__name__}"


def check_audio() -> str:
    """The headset audio bridge's library: Qt Multimedia and the audio devices it sees."""
    from PySide6.QtWidgets import QApplication

    from agent_app.telephony.audio import list_devices

    app = QApplication.instance() or QApplication([])  # noqa: F841 - devices need the application object
    devices = list_devices()
    return f"Qt Multimedia, {sum(d.is_input for d in devices)} inputs, {sum(d.is_output for d in devices)} outputs"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("qt", check_qt),
    ("pjsua2", check_pjsua2),
    ("database", check_database),
    ("keyring", check_keyring),
    ("audio", check_audio),
)


def run_self_test(out: TextIO | None = None) -> int:
    """Run every check; 0 when all passed, 1 otherwise (the last line names the failures)."""
    out = out or sys.stdout
    failed = []
    for name, check in CHECKS:
        try:
            detail = check()
        except Exception as error:  # noqa: BLE001 - any failure is a finding, reported by name
            failed.append(name)
            print(f"FAIL {name}: {type(error).__name__}: {error}", file=out, flush=True)
        else:
            print(f"ok   {name}: {detail}", file=out, flush=True)
    if failed:
        print(f"self-test failed: {', '.join(failed)}", file=out, flush=True)
        return 1
    print("self-test passed", file=out, flush=True)
    return 0
