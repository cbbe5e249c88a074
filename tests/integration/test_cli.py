"""The command line as IT and the README use it: db upgrade, demo, lookup --json, user add."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _cli(*args: str, db: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "AGENT_APP_DB": db}
    return subprocess.run([sys.executable, "-m", "agent_app", *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=300)


@pytest.mark.slow
def test_demo_then_lookup_prints_the_customer_and_tickets(tmp_path):
    db = f"sqlite:///{tmp_path / 'demo.sqlite3'}"
    demo = _cli("demo", db=db)
    assert demo.returncode == 0, demo.stderr
    assert "gz_agent" in demo.stdout and "Demo@2026" in demo.stdout
    phone = demo.stdout.split("Demo callers to try: ")[1].split(",")[0].strip()
    lookup = _cli("lookup", phone, "--json", db=db)
    assert lookup.returncode == 0, lookup.stderr
    pop = json.loads(lookup.stdout)
    assert len(pop["customers"]) >= 1 and pop["customers"][0]["name"]
    assert pop["tickets"] and pop["tickets"][0]["number"].count("-") == 1
    again = _cli("demo", "--if-empty", db=db)
    assert again.returncode == 0 and "already has data" in again.stdout


def test_first_run_company_and_administrator(tmp_path):
    db = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert _cli("db", "upgrade", db=db).returncode == 0
    status = _cli("db", "status", db=db)
    assert status.returncode == 0 and "head" in status.stdout
    missing = _cli("user", "add", "wang", "--name", "王五", "--company", "nowhere", "--role", "agent",
                   "--password-stdin", db=db, stdin="Secret@123\n")
    assert missing.returncode == 2 and "水司不存在" in missing.stderr
    assert _cli("company", "add", "sz", "深圳水务", "--area-code", "0755", db=db).returncode == 0
    added = _cli("user", "add", "sz_admin", "--name", "管理员", "--company", "sz", "--role", "admin",
                 "--password-stdin", db=db, stdin="Secret@123\n")
    assert added.returncode == 0, added.stderr
    from agent_app.services.app import Services

    services = Services.open(db)
    actor = services.auth.sign_in("sz_admin", "Secret@123")
    assert actor.can("menu:admin") and services.catalog.categories(actor)
    services.close()


def test_lookup_refuses_a_malformed_number(tmp_path):
    db = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    _cli("db", "upgrade", db=db)
    from agent_app.services.app import Services
    from agent_app.services.demo.org import build_company

    services = Services.open(db)
    with services.uow() as uow:
        build_company(uow.session, "gz", "广州自来水公司")
        uow.commit()
    services.close()
    result = _cli("lookup", "not-a-number", db=db)
    assert result.returncode == 2 and "不是有效的电话号码" in result.stderr
    added = _cli("user", "add", "gz_new", "--name", "王五", "--company", "gz", "--role", "agent",
                 "--password-stdin", db=db, stdin="Secret@123\n")
    assert added.returncode == 0, added.stderr
