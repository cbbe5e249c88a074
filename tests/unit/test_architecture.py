"""Imports point inward: ui → services/telephony → domain (DESIGN.md §2)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "agent_app"


def _imports(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update((str(path.relative_to(ROOT)), alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add((str(path.relative_to(ROOT)), node.module))
    return found


@pytest.mark.parametrize("package,forbidden", [
    ("domain", ("PySide6", "sqlalchemy", "pjsua2", "agent_app.services", "agent_app.ui", "agent_app.telephony")),
    ("services", ("PySide6", "pjsua2", "agent_app.ui", "agent_app.telephony")),
    ("telephony", ("PySide6.QtWidgets", "PySide6.QtGui", "agent_app.ui", "agent_app.services")),
])
def test_layers_import_only_inward(package, forbidden):
    offenders = sorted((where, module) for where, module in _imports(package)
                       if module.startswith(forbidden) and not where.startswith("telephony/audio/"))
    assert offenders == []
