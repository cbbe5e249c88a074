"""The benchmark suite runs end to end (tiny data, a few probes) on SQLite and PostgreSQL.

It asserts that every figure was produced and written, never how fast anything was: timings are
for `python -m bench` on a quiet machine (docs/performance.md)."""

from __future__ import annotations

import json

import shutil

import pytest

from bench.__main__ import DATA_STEPS, main


def test_bench_smoke_runs_and_writes_results(db_url, tmp_path):
    out = tmp_path / "latest.json"
    assert main(["--smoke", "--db", db_url, "--out", str(out), "--steps", ",".join(DATA_STEPS)]) == 0
    data = json.loads(out.read_text())
    assert data["smoke"] is True and data["machine"]["cpus"]
    names = {f["name"] for f in data["figures"]}
    expected = {"screen-pop data (by_phone)", "ticket list first page", "search address (first page)",
                "search description (first page)", "tree counts"}
    assert expected <= names
    assert any(name.startswith("next page by keyset") for name in names)
    assert any(name.startswith("bulk load") for name in names)
    if "postgresql" in db_url:
        action = next(f for f in data["figures"] if f["name"].startswith("workflow actions"))
        assert "version = history rows on every ticket: yes" in action["note"]
    for figure in data["figures"]:
        assert figure["value"]["probes"] >= 1
        assert {"median", "p95", "max"} <= set(figure["value"])
        assert "target" in figure and "met" in figure
        if figure["floor"] is not None:
            assert figure["floor"]["probes"] >= 1
    # the service returned the same rows as the raw SQL floor and the full scan
    by_name = {f["name"]: f for f in data["figures"]}
    assert "rows differ from floor: none" in by_name["ticket list first page"]["note"]
    assert "same rows as a full scan: yes" in by_name["search address (first page)"]["note"]
    assert "same rows as a full scan: yes" in by_name["search description (first page)"]["note"]
    assert by_name["screen-pop data (by_phone)"]["note"].startswith("0 of")
    assert "not_measured" in data


def test_bench_gui_smoke_produces_every_gui_figure(sqlite_url, tmp_path):
    """The GUI step on a tiny SQLite database: a few launches, sign-ins, 500 rows scrolled and five
    SIPp calls; each figure produced, none judged by its time."""
    if not all(shutil.which(tool) for tool in ("Xvfb", "kamailio", "sipp")):
        pytest.skip("Xvfb, kamailio and sipp are needed")
    out = tmp_path / "latest.json"
    assert main(["--smoke", "--db", sqlite_url, "--out", str(out), "--steps", "gui"]) == 0
    figures = {f["name"]: f for f in json.loads(out.read_text())["figures"]}
    expected = {"cold start to sign-in window painted", "sign-in -> workbench ready (first of a process)",
                "sign-in -> workbench ready (after sign-out)", "memory after sign-in, idle (RSS)",
                "memory after scrolling 500 tickets (RSS)", "screen-pop INVITE -> card and history painted",
                "GUI thread longest stall: sign-in", "GUI thread longest stall: scrolling",
                "GUI thread longest stall: screen-pops"}
    assert expected <= set(figures)
    for name in expected:
        assert figures[name]["value"]["probes"] >= 1 and figures[name]["met"] in (True, False)
    assert figures["screen-pop INVITE -> card and history painted"]["value"]["probes"] == 5
    assert "caller found 5 of 5" in figures["screen-pop INVITE -> card and history painted"]["note"]
