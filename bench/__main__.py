"""`python -m bench`: the data benchmarks of issue 7 on PostgreSQL and SQLite.

Full run (default): PostgreSQL database `bench_pg` on 127.0.0.1 with 1 M customers / 5 M tickets,
SQLite file with 200 k customers / 1 M tickets. A database that is missing or empty is created and
loaded with the bulk loader first (that load is the bulk-load figure); one already loaded is
reused and the load figure is taken from its earlier record in bench/results/.

    python -m bench                     # both databases, full size
    python -m bench --only postgresql   # one of them
    python -m bench --smoke             # a few thousand rows, a few probes, temporary databases
    python -m bench --smoke --db URL    # the smoke run on a given empty migrated database (the test)

Prints a table and writes bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy.engine import make_url

from agent_app.services.app import Services
from agent_app.services.database import create_db_engine
from agent_app.services.demo.bulk import load_bulk
from agent_app.services.migrate import upgrade_to_head
from bench import gui, suite
from bench.stats import Figure

RESULTS = Path(__file__).resolve().parent / "results"
PG_ADMIN = os.environ.get("AGENT_APP_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
FULL = {"postgresql": (1_000_000, 5_000_000), "sqlite": (200_000, 1_000_000)}
SMOKE = (2_000, 6_000)
LOAD_TARGET_S = {"postgresql": 300.0, "sqlite": None}


def _pg_url(name: str) -> str:
    return PG_ADMIN.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://", 1) + f"/{name}"


def _pg_admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(sql)


def _ticket_count(url: str) -> int:
    raw = suite.Raw(url)
    try:
        return int(raw.value("SELECT count(*) FROM tickets") or 0)
    except Exception:  # noqa: BLE001 - not migrated yet
        return 0
    finally:
        raw.close()


def _label(url: str) -> str:
    return "sqlite" if make_url(url).get_backend_name() == "sqlite" else "postgresql"


def _load(url: str, customers: int, tickets: int, record: Path | None) -> Figure:
    label = _label(url)
    engine = create_db_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    start = time.perf_counter()
    result = load_bulk(url, customers=customers, tickets=tickets)
    seconds = time.perf_counter() - start
    target = LOAD_TARGET_S[label]
    figure = Figure(f"bulk load {customers:,} customers + {tickets:,} tickets", label, "s",
                    {"median": round(seconds, 1), "p95": round(seconds, 1), "max": round(seconds, 1), "probes": 1},
                    None, f"<= {target:.0f} s" if target else "(issue: 200 k / 1 M for SQLite, no time target)",
                    (seconds <= target) if target else None,
                    note=f"{result.history:,} history rows, {result.phones:,} phone rows; phases "
                         + ", ".join(f"{k} {v:.0f} s" for k, v in result.phases.items()),
                    detail={"phases": result.phases})
    if record is not None:
        record.parent.mkdir(parents=True, exist_ok=True)
        record.write_text(json.dumps({**figure.as_json(), "date": _now()}, ensure_ascii=False, indent=1))
    return figure


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _machine(reference: bool = True) -> dict:
    info = {"platform": platform.platform(), "python": platform.python_version(), "cpus": os.cpu_count()}
    try:
        mem = next(line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        info["memory"] = mem.split(":", 1)[1].strip()
        info["load_average_at_start"] = os.getloadavg()
    except (OSError, StopIteration):
        pass
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text().splitlines()
        info["cpu"] = next(line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import sqlite3

    info["sqlite"] = sqlite3.sqlite_version
    if reference:  # a smoke run skips it (3–4 s)
        info["python_reference_ms"] = _python_reference_ms()
    return info


def _python_reference_ms() -> float:
    """How long this machine takes for a fixed pure-Python task (50 000 demo names, addresses and
    phone numbers; the best of five): machines differ, and the bulk load and the workflow clients
    are mostly Python, so figures from two machines compare only with this beside them."""
    from agent_app.services.demo import content

    best = float("inf")
    for _ in range(5):
        rng = random.Random(7)
        started = time.perf_counter()
        for _ in range(50_000):
            content.shown(content.mobile(rng), rng)
            content.address(rng, "天河区")
            content.person_name(rng)
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


STEPS = ("screen_pop", "lists", "search", "workflow_actions", "tree_counts", "gui")
DATA_STEPS = STEPS[:-1]


def run_database(url: str, probes: int, smoke: bool, sizes: tuple[int, int], figures: list[Figure],
                 load: bool = True, steps: tuple[str, ...] = STEPS, after_step=None) -> None:  # noqa: ANN001
    label = _label(url)
    record = None if smoke else RESULTS / f"load_{label}.json"
    if _ticket_count(url) == 0 and load:
        print(f"[bench] loading {label}: {sizes[0]:,} customers, {sizes[1]:,} tickets", file=sys.stderr, flush=True)
        figures.append(_load(url, sizes[0], sizes[1], record))
    elif record is not None and record.exists():
        data = json.loads(record.read_text())
        figures.append(Figure(data["name"], data["database"], data["unit"], data["value"], None, data["target"],
                              data["met"], note=data["note"] + f" (recorded {data.get('date', '?')})",
                              detail=data.get("detail", {})))
    services = Services(create_db_engine(url))
    raw = suite.Raw(url)
    try:
        company_id, code = raw.rows("SELECT id, code FROM companies WHERE code = 'gz'")[0]
        ctx = suite.Context(url, label, services, raw, probes, smoke, random.Random(7), company_id, code)
        for name in steps:
            print(f"[bench] {label}: {name}", file=sys.stderr, flush=True)
            if name == "gui":  # the desktop's figures, in child processes on a display (bench/gui.py)
                figures.extend(gui.run(url, label, smoke))
            else:
                figures.extend(getattr(suite, name)(ctx))
            if after_step is not None:
                after_step()
    finally:
        raw.close()
        services.close()


def table(figures: list[Figure]) -> str:
    head = f"{'figure':<48} {'db':<10} {'median':>9} {'p95':>9} {'max':>9} {'floor p95':>10} {'ratio':>6}  {'target':<28} met"
    lines = [head, "-" * len(head)]
    for f in figures:
        floor = f"{f.floor['p95']:.2f}" if f.floor else "-"
        ratio = f"{f.ratio:.1f}x" if f.ratio else "-"
        met = {True: "yes", False: "NO", None: "-"}[f.met]
        unit = "" if f.unit == "ms" or f.target.endswith(f" {f.unit}") else f" {f.unit}"
        lines.append(f"{f.name[:48]:<48} {f.database:<10} {f.value['median']:>9.2f} {f.value['p95']:>9.2f} "
                     f"{f.value['max']:>9.2f} {floor:>10} {ratio:>6}  {(f.target + unit)[:28]:<28} {met}")
        if f.note:
            lines.append(f"    {f.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="a few thousand rows and a few probes")
    parser.add_argument("--db", action="append", help="database URL (repeatable); default: bench_pg and a SQLite file")
    parser.add_argument("--only", choices=("postgresql", "sqlite"))
    parser.add_argument("--probes", type=int, default=None, help="probes per figure (default 240, smoke 6)")
    parser.add_argument("--sqlite-path", default=str(Path(tempfile.gettempdir()) / "agent-desk-bench.sqlite3"))
    parser.add_argument("--out", default=str(RESULTS / "latest.json"))
    parser.add_argument("--steps", default=",".join(STEPS), help="comma separated: " + ", ".join(STEPS))
    args = parser.parse_args(argv)
    steps = tuple(s.strip() for s in args.steps.split(",") if s.strip())
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        parser.error(f"unknown step {', '.join(unknown)} (the steps: {', '.join(STEPS)})")
    probes = args.probes or (6 if args.smoke else 240)
    cleanup: list[str] = []
    temp_dir = None
    if args.db:
        urls = args.db
    else:
        urls = []
        if args.only in (None, "postgresql"):
            name = f"bench_smoke_{uuid.uuid4().hex[:8]}" if args.smoke else "bench_pg"
            if args.smoke:
                _pg_admin(f'CREATE DATABASE "{name}"')
                cleanup.append(name)
            else:
                try:
                    _pg_admin(f'CREATE DATABASE "{name}"')
                except Exception:  # noqa: BLE001 - it exists: reuse it
                    pass
            urls.append(_pg_url(name))
        if args.only in (None, "sqlite"):
            if args.smoke:
                temp_dir = tempfile.TemporaryDirectory()
                urls.append(f"sqlite:///{Path(temp_dir.name) / 'smoke.sqlite3'}")
            else:
                urls.append(f"sqlite:///{args.sqlite_path}")
    figures: list[Figure] = []
    started = _now()
    machine = _machine(reference=not args.smoke)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)

    def write(finished: bool = False) -> None:  # after every step, so a long run keeps what it measured
        out.write_text(json.dumps({"date": started, "finished": _now() if finished else None, "smoke": args.smoke,
                                   "machine": machine, "probes_per_figure": probes,
                                   "figures": [f.as_json() for f in figures], "not_measured": NOT_MEASURED},
                                  ensure_ascii=False, indent=1, default=str))

    try:
        for url in urls:
            sizes = SMOKE if args.smoke else FULL[_label(url)]
            run_database(url, probes, args.smoke, sizes, figures, steps=steps, after_step=write)
    finally:
        for name in cleanup:
            _pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if temp_dir is not None:
            temp_dir.cleanup()
    print(table(figures))
    print(f"\nmachine: {machine.get('cpus')} cores, {machine.get('cpu', '?')}, "
          f"Python reference task {machine.get('python_reference_ms', '-')} ms")
    write(finished=True)
    print(f"\nwritten {out}")
    return 0


NOT_MEASURED: list[str] = []  # every figure of issue 7 is measured (the GUI ones by the `gui` step)

if __name__ == "__main__":
    raise SystemExit(main())
