"""Which database, and an engine for it.

Embedded default: a SQLite file in the user's data folder, WAL mode, foreign keys on.
Shared mode: PostgreSQL through psycopg 3. `--db URL` or `AGENT_APP_DB` choose; otherwise the
embedded file.
"""

from __future__ import annotations

import os
import time
from typing import TYPE_CHECKING, Any

from agent_app.paths import user_data_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine

ENV_VAR = "AGENT_APP_DB"
# A pooled PostgreSQL connection unused for this long is pinged before it is handed out.
IDLE_PING_SECONDS = 2.0


def embedded_url() -> str:
    return f"sqlite:///{user_data_dir() / 'agent-desk.sqlite3'}"


def resolve_url(explicit: str | None = None) -> str:
    """The database URL to use: explicit, then $AGENT_APP_DB, then the configured shared profile
    (agent_app.settings: machine and user ini, password from the keyring), then the embedded file."""
    from agent_app.settings import effective_database_url

    url = explicit or os.environ.get(ENV_VAR) or effective_database_url() or embedded_url()
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        # psycopg 3 is the driver we ship; plain URLs would ask for psycopg2.
        url = "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def create_db_engine(url: str | None = None, **kwargs) -> Engine:
    """An engine with the settings Agent Desk needs on either database. SQLAlchemy is imported
    here, not at the top: the sign-in window resolves URLs and must not wait for it (cold start)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url

    url = resolve_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 5}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    connect_args = {
        # psycopg prepares after 5 runs and PostgreSQL may then pick a generic plan that is
        # 50x slower for keyset pages (FACTS.md): never on its own. (None would also refuse
        # the statements marked for preparation, see _execute_prepared.)
        "prepare_threshold": 2**31 - 1,
        "connect_timeout": 5,
        "application_name": "agent-desk",
        # A desktop's statements are short index walks. When the planner cannot estimate a
        # filter (a substring, an OR of folders) it prices the walk high and then JIT-compiles
        # it (70 ms for a 5 ms query) or splits it over parallel workers (their start-up costs
        # more than the walk, and a site's server has a hundred desktops to serve): neither.
        "options": "-c jit=off -c max_parallel_workers_per_gather=0",
    }
    engine = create_engine(url, connect_args=connect_args, **kwargs)
    event.listen(engine, "do_execute", _execute_prepared)
    event.listen(engine, "checkin", _note_checkin)
    event.listen(engine, "checkout", _ping_if_idle)
    return engine


def _execute_prepared(cursor: Any, statement: str, parameters: Any, context: Any) -> bool:
    """Run statements marked `execution_options(prepare=True)` as server-side prepared
    statements: PostgreSQL then parses and plans them once per connection instead of on every
    run. Only the statements of every workflow action are marked (lookups by primary key, whose
    generic plan is the custom one); automatic preparation stays off (see `create_db_engine`)."""
    if context is not None and context.execution_options.get("prepare"):
        cursor.execute(statement, parameters, prepare=True)
        return True
    return False


def _note_checkin(_dbapi_connection: Any, record: Any) -> None:
    record.info["checked_in_at"] = time.monotonic()


def _ping_if_idle(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
    """Check a connection that sat idle in the pool before it is used: the server may have
    restarted or dropped it meanwhile. SQLAlchemy's `pool_pre_ping` pings on every checkout, one
    round trip more per service call; a connection used again within seconds (a burst of
    workflow actions, a page of the list after the next) was fine a moment ago. Raising
    DisconnectionError makes the pool discard the connection and hand out a new one."""
    from sqlalchemy.exc import DisconnectionError

    last = record.info.get("checked_in_at")
    if last is not None and time.monotonic() - last < IDLE_PING_SECONDS:
        return
    try:
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        finally:
            cursor.close()
        dbapi_connection.rollback()
    except Exception as error:  # noqa: BLE001 - any failure means the connection is unusable
        raise DisconnectionError(str(error)) from error
