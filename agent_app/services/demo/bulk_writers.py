"""The two ways the bulk demo stores its rows, each as fast as its database allows.

- PostgreSQL: binary `COPY … FROM STDIN` (psycopg `cursor.copy`), one connection per table, with
  the secondary indexes dropped and rebuilt afterwards on two connections, foreign-key triggers
  off for the loading sessions when the role may do so (`session_replication_role = replica`; the
  generated rows are consistent by construction), then `setval` on every sequence (COPY with
  explicit ids does not advance them), VACUUM (ANALYZE).
- SQLite: `executemany` in transactions of 200 000 rows, secondary indexes and the FTS5 triggers
  dropped during the load, then the FTS5 trigram index rebuilt in one pass, indexes re-created,
  ANALYZE.
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Iterator

from sqlalchemy.engine import make_url

from agent_app.services.demo.bulk_rows import say

BULK_TABLES = ("customers", "customer_phones", "tickets", "ticket_history")
SQLITE_BATCH = 200_000


def _short(statement: str) -> str:
    """`CREATE INDEX ix_name ON table …` → `index ix_name`; other statements as they are."""
    words = statement.split()
    return f"index {words[words.index('INDEX') + 1]}" if "INDEX" in words else statement


class PostgresWriter:
    def __init__(self, url: str) -> None:
        import psycopg

        self._psycopg = psycopg
        parsed = make_url(url)
        self.conninfo = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
        self.conn = psycopg.connect(self.conninfo, autocommit=True, prepare_threshold=None)
        self.conn.execute("SET synchronous_commit = off")
        self.conn.execute("SET maintenance_work_mem = '512MB'")
        try:
            self.conn.execute("SET session_replication_role = replica")  # no per-row FK triggers
            self.fk_off = True
        except psycopg.Error:
            self.fk_off = False
        self.index_defs: list[str] = []

    def max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def drop_indexes(self) -> None:
        rows = self.conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
            "AND i.tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
            "WHERE c.conname = i.indexname)", (list(BULK_TABLES),)).fetchall()
        for name, definition in rows:
            self.index_defs.append(definition)
            self.conn.execute(f'DROP INDEX "{name}"')

    def _binary_types(self, conn, table: str, columns: tuple[str, ...]) -> list[int]:  # noqa: ANN001
        """The type of every column for binary COPY, a `timestamptz` as `int8`: both travel as
        8 bytes, and the generator gives timestamps as microseconds since 2000 (`Clock.micros`)."""
        types = self._psycopg.postgres.types
        oids = dict(conn.execute(
            "SELECT attname, atttypid::int FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
            "AND NOT attisdropped", (table,)).fetchall())
        timestamptz, int8 = types["timestamptz"].oid, types["int8"].oid
        return [int8 if oids[c] == timestamptz else oids[c] for c in columns]

    def write(self, rows: Iterator[tuple[str, tuple]], columns: dict[str, tuple[str, ...]]) -> None:
        """Rows of several tables interleaved: one binary COPY per table, on its own connection.

        Binary, because text costs both sides: Python formatting every value (7 µs a ticket row,
        against 3) and the server parsing it back (10 µs, against 7.5)."""
        with contextlib.ExitStack() as stack:
            write_row = {}
            for table, cols in columns.items():
                # a connection of its own: write() also runs in forked processes, which must
                # never use the parent's
                c = stack.enter_context(self._psycopg.connect(self.conninfo, autocommit=False))
                types = self._binary_types(c, table, cols)
                c.execute("SET synchronous_commit = off")
                if self.fk_off:
                    c.execute("SET session_replication_role = replica")
                cursor = stack.enter_context(c.cursor())
                copy = stack.enter_context(cursor.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN (FORMAT BINARY)"))
                copy.set_types(types)
                write_row[table] = copy.write_row
            for table, row in rows:
                write_row[table](row)
        # leaving the stack ended every COPY (in reverse order) and committed each connection

    def counters(self, rows: list[tuple[int, str, int]]) -> None:
        with self.conn.cursor() as cur, cur.copy("COPY ticket_counters (company_id, day, last) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def finish(self, rows: dict[str, int]) -> None:
        """VACUUM (ANALYZE) the loaded tables and build their indexes on two connections (two
        cores), each taking the heaviest statement left from one queue: the vacuums first (on
        a table without indexes they only scan the heap), then the indexes by estimated cost
        (rows; a trigram GIN index costs several btrees), so neither connection is left with a
        long tail. `rows` is the number of rows written per table."""
        # VACUUM sets the visibility map: without it no index-only scan (the capped tree counts
        # and count(*) would visit the heap for every index entry after a COPY)
        work = [(float("inf"), f"VACUUM (ANALYZE) {table}") for table in BULK_TABLES]
        for definition in self.index_defs:
            table = next(t for t in BULK_TABLES if f" ON {t} " in definition or f".{t} " in definition)
            work.append((rows.get(table, 0) * (8 if "gin_trgm_ops" in definition else 1), definition))
        work.sort(key=lambda item: -item[0])
        pending = [statement for _cost, statement in reversed(work)]  # pop() takes the heaviest
        lock = threading.Lock()
        errors: list[BaseException] = []

        def build() -> None:
            try:
                with self._psycopg.connect(self.conninfo, autocommit=True) as c:
                    c.execute("SET maintenance_work_mem = '1GB'")
                    while not errors:
                        with lock:
                            if not pending:
                                return
                            statement = pending.pop()
                        t0 = time.perf_counter()
                        c.execute(statement)
                        say(f"{_short(statement)} ({time.perf_counter() - t0:.1f} s)")
            except BaseException as error:  # noqa: BLE001 - reported below
                errors.append(error)

        threads = [threading.Thread(target=build) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        if errors:
            raise errors[0]
        for table in BULK_TABLES:
            self.conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                              f"(SELECT coalesce(max(id), 1) FROM {table}))")
        self.conn.execute("SET session_replication_role = DEFAULT") if self.fk_off else None
        others = [name for (name,) in self.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND NOT tablename = ANY(%s)",
            (list(BULK_TABLES),))]
        self.conn.execute(f"ANALYZE {', '.join(others)}")  # the organisation's, written through the services

    def close(self) -> None:
        self.conn.close()


class SqliteWriter:
    def __init__(self, url: str) -> None:
        import sqlite3

        path = make_url(url).database
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=OFF", "foreign_keys=OFF", "cache_size=-1000000",
                       "temp_store=MEMORY"):
            self.conn.execute(f"PRAGMA {pragma}")
        self.saved: list[str] = []

    def max_id(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])

    def drop_indexes(self) -> None:
        rows = self.conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND "
            "((type = 'index' AND tbl_name IN (%s)) OR (type = 'trigger' AND name LIKE 'ticket_search_%%'))"
            % ",".join(f"'{t}'" for t in BULK_TABLES)).fetchall()
        for kind, name, sql in rows:
            self.saved.append(sql)
            self.conn.execute(f'DROP {kind.upper()} "{name}"')

    def write(self, rows: Iterator[tuple[str, tuple]], columns: dict[str, tuple[str, ...]]) -> None:
        statements = {t: f"INSERT INTO {t} ({', '.join(c)}) VALUES ({', '.join('?' * len(c))})"
                      for t, c in columns.items()}
        buffers: dict[str, list[tuple]] = {t: [] for t in columns}
        pending = 0
        self.conn.execute("BEGIN")
        for table, row in rows:
            buffers[table].append(row)
            pending += 1
            if pending >= SQLITE_BATCH:
                for t, buffer in buffers.items():
                    if buffer:
                        self.conn.executemany(statements[t], buffer)
                        buffer.clear()
                self.conn.execute("COMMIT")
                self.conn.execute("BEGIN")
                pending = 0
        for t, buffer in buffers.items():
            if buffer:
                self.conn.executemany(statements[t], buffer)
        self.conn.execute("COMMIT")

    def counters(self, rows: list[tuple[int, str, int]]) -> None:
        self.conn.execute("BEGIN")
        self.conn.executemany("INSERT INTO ticket_counters (company_id, day, last) VALUES (?, ?, ?)", rows)
        self.conn.execute("COMMIT")

    def finish(self, _rows: dict[str, int]) -> None:
        self.conn.execute("INSERT INTO ticket_search(ticket_search) VALUES ('rebuild')")
        for sql in self.saved:
            self.conn.execute(sql)
        self.conn.execute("PRAGMA analysis_limit = 0")  # full statistics: sampled ones misled the planner
        self.conn.execute("ANALYZE")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.conn.close()
