"""Shared test set-up: headless Qt, a throwaway data folder, an in-memory keyring, databases.

The database fixtures live in `tests/fixtures/databases.py` (SQLite and PostgreSQL, the same tests
on both).
"""

from __future__ import annotations

import os
import tempfile

# Qt must be headless before anything imports it, or pytest aborts without a DISPLAY (FACTS.md).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("AGENT_APP_HOME", tempfile.mkdtemp(prefix="agent-desk-home-"))

import gc  # noqa: E402

import pytest  # noqa: E402

pytest_plugins = ["tests.fixtures.databases", "tests.fixtures.keyring_memory"]


@pytest.fixture()
def data_home(tmp_path, monkeypatch):
    """A fresh per-user data folder for one test."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("AGENT_APP_HOME", str(home))
    return home


@pytest.fixture(autouse=True, scope="session")
def _collect_garbage_on_the_main_thread():
    """As the desktop does (agent_app/ui/gc_guard.py): no automatic collection, which could run on
    an ops worker and destroy Qt objects there; instead a collection after every test."""
    gc.disable()
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def _collect_after_each_test():
    yield
    gc.collect()


@pytest.fixture()
def pg_cluster():
    """A private PostgreSQL server (tests/pg_cluster.py), started, that the test may stop and start;
    removed afterwards. Skipped where no server binaries are installed."""
    from tests.pg_cluster import PgCluster, server_bin

    if server_bin() is None:
        if os.environ.get("AGENT_APP_REQUIRE_POSTGRES"):
            pytest.fail("PostgreSQL is required but no server binaries are under /usr/lib/postgresql")
        pytest.skip("no PostgreSQL server binaries under /usr/lib/postgresql")
    cluster = PgCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.destroy()
