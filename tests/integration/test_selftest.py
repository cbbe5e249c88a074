"""`agent-app --self-test` from the source tree, in a child process (pjsua2 allows one endpoint)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHECKS = ("qt", "pjsua2", "database", "keyring", "audio")


def _self_test(tmp_path: Path, keyring_backend: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        "AGENT_APP_HOME": str(tmp_path),
        "PYTHON_KEYRING_BACKEND": keyring_backend,
    }
    return subprocess.run(
        [sys.executable, "-m", "agent_app", "--self-test"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120,
    )


def test_self_test_passes_with_a_keyring(tmp_path):
    result = _self_test(tmp_path, "tests.fixtures.keyring_memory.MemoryKeyring")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [f"ok   {name}" for name in CHECKS]
    assert lines[-1] == "self-test passed"


@pytest.mark.parametrize("backend", ["keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"])
def test_self_test_names_the_failed_check(tmp_path, backend):
    result = _self_test(tmp_path, backend)
    assert result.returncode == 1
    assert "FAIL keyring: " in result.stdout
    assert result.stdout.splitlines()[-1] == "self-test failed: keyring"
    assert "ok   database: " in result.stdout  # the other checks still ran
