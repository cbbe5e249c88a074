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
