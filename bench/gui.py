"""The GUI figures of issue 7 (step `gui` of `python -m bench`), each in fresh child processes on
a display (the one in $DISPLAY, else a private Xvfb):

- cold start: `python -m agent_app --db URL` launched again and again, from the launch to the
  sign-in window painted (the app's AGENT_APP_STARTUP_PROBE hook prints that moment and quits);
- sign-in → workbench ready, first of a process and again after sign-out (bench/gui_session.py);
- resident memory after sign-in, idle, and after scrolling the ticket list through 100 000 rows;
- screen-pop INVITE → customer card and history painted (bench/gui_screen_pop.py, Kamailio + SIPp);
- the GUI thread's longest stall during each of them (a 5 ms timer's gaps).
"""

from __future__ import annotations

import compileall
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.gui_common import REPO, STALL_LIMIT_MS, isolated_env, run_child
from bench.stats import Figure, summary

COLD_START_TARGET_MS = 2000.0
SIGN_IN_TARGET_MS = 1500.0
RSS_IDLE_TARGET_MB = 250.0
RSS_SCROLLED_TARGET_MB = 350.0
SCREEN_POP_TARGET_MS = 100.0
MARKER = "agent-desk-startup-probe sign-in-painted"


@contextlib.contextmanager
def display() -> Iterator[str]:
    """$DISPLAY if there is one, else a private Xvfb for the duration."""
    if os.environ.get("DISPLAY"):
        yield os.environ["DISPLAY"]
        return
    read, write = os.pipe()
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x900x24", "-nolisten", "tcp"],
                            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    os.environ["DISPLAY"] = f":{number}"
    try:
        yield os.environ["DISPLAY"]
    finally:
        del os.environ["DISPLAY"]
        xvfb.terminate()
        xvfb.wait(timeout=10)


def _stall_figure(name: str, label: str, stalls: list[float], note: str) -> Figure:
    value = summary(stalls)
    return Figure(name, label, "ms", value, None, f"never > {STALL_LIMIT_MS:.0f} ms",
                  bool(stalls) and value["max"] <= STALL_LIMIT_MS, note=note)


def cold_start(url: str, launches: int) -> list[float]:
    """ms from launching the real application to its sign-in window painted, per launch."""
    times = []
    for _ in range(launches):
        with tempfile.TemporaryDirectory(prefix="bench-cold-") as home:
            env = isolated_env(Path(home), AGENT_APP_STARTUP_PROBE="1")
            start = time.monotonic()
            done = subprocess.run([sys.executable, "-m", "agent_app", "--db", url], cwd=REPO, env=env,
                                  capture_output=True, text=True, timeout=120)
            line = next((x for x in done.stdout.splitlines() if x.startswith(MARKER)), None)
            if line is None:
                raise RuntimeError(f"no start-up probe line (rc {done.returncode}):\n{done.stderr[-3000:]}")
            times.append((float(line.split()[-1]) - start) * 1000.0)
    return times


def _session(url: str, args: list[str], timeout: float) -> dict:
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as home:
        result = run_child("bench.gui_session", ["--db", url, *args], isolated_env(Path(home)), timeout)
    if "error" in result:
        raise RuntimeError(f"gui_session failed: {result['error']}")
    return result


def _compile_the_app() -> None:
    """Bytecode for the application's modules, as an installed desktop has (the PyInstaller
    bundle ships it): where PYTHONDONTWRITEBYTECODE is set, every child would otherwise compile
    them from source, which is start-up time and GIL-holding work no user sees."""
    import agent_app

    compileall.compile_dir(Path(agent_app.__file__).parent, quiet=1)


def run(url: str, label: str, smoke: bool) -> list[Figure]:
    launches, cycles, scroll, calls = (2, 2, 500, 5) if smoke else (25, 10, 100_000, 240)
    sessions = 2 if smoke else 20
    figures: list[Figure] = []
    _compile_the_app()
    with display():
        print(f"[bench] {label}: gui cold start x{launches}", file=sys.stderr, flush=True)
        times = cold_start(url, launches)
        value = summary(times)
        figures.append(Figure("cold start to sign-in window painted", label, "ms", value, None,
                              f"<= {COLD_START_TARGET_MS:.0f} ms", value["p95"] <= COLD_START_TARGET_MS,
                              note=f"{launches} separate launches of `python -m agent_app --db URL` (fresh data "
                                   "folder each), launch to the first paint of the sign-in window"))

        print(f"[bench] {label}: gui sign-in x{sessions} processes x{cycles + 1}", file=sys.stderr, flush=True)
        runs = [_session(url, ["--cycles", str(cycles)], 600) for _ in range(sessions)]
        first = [r["first_sign_in_ms"] for r in runs]
        again = [t for r in runs for t in r["sign_in_ms"]]
        for name, values, how in (
                ("sign-in -> workbench ready (first of a process)", first,
                 f"{sessions} processes; 登录 pressed 2 s after the sign-in window appeared (typing)"),
                ("sign-in -> workbench ready (after sign-out)", again, f"{len(again)} sign-ins, {cycles} per process")):
            value = summary(values)
            figures.append(Figure(name, label, "ms", value, None, f"<= {SIGN_IN_TARGET_MS:.0f} ms",
                                  value["p95"] <= SIGN_IN_TARGET_MS,
                                  note=how + "; until the workbench is shown with its reference data loaded and "
                                             "painted; softphone started (SIP line configured)"))
        rss = summary([r["rss_idle_mb"] for r in runs])
        figures.append(Figure("memory after sign-in, idle (RSS)", label, "MB", rss, None,
                              f"<= {RSS_IDLE_TARGET_MB:.0f} MB", rss["max"] <= RSS_IDLE_TARGET_MB,
                              note=f"VmRSS 3 s after the workbench was ready, gz_agent, {sessions} processes"))
        figures.append(_stall_figure("GUI thread longest stall: sign-in", label,
                                     [max(r["stalls_ms"].values()) for r in runs],
                                     "per process: the longest gap of a 5 ms timer from the first sign-in to the "
                                     "end; " + _worst_phases(runs)))

        print(f"[bench] {label}: gui scroll {scroll:,} tickets", file=sys.stderr, flush=True)
        scrolled = _session(url, ["--account", "gz_supervisor", "--scroll", str(scroll)], 1800)
        rss = summary([scrolled["rss_after_scroll_mb"]])
        figures.append(Figure(f"memory after scrolling {scroll:,} tickets (RSS)", label, "MB", rss, None,
                              f"<= {RSS_SCROLLED_TARGET_MB:.0f} MB", rss["max"] <= RSS_SCROLLED_TARGET_MB,
                              note=f"gz_supervisor, 工单管理 → all tickets, {scrolled['scroll']['rows']:,} rows in "
                                   f"{scrolled['scroll']['fetches']} keyset pages ({scrolled['scroll']['seconds']} s); "
                                   f"idle before: {scrolled['rss_idle_mb']} MB"))
        figures.append(_stall_figure("GUI thread longest stall: scrolling", label,
                                     [scrolled["stalls_ms"].get("scroll", 0.0)],
                                     f"{scrolled['stalls_over_50ms'].get('scroll', 0)} gaps over 50 ms while "
                                     "scrolling"))

        print(f"[bench] {label}: gui screen-pop x{calls}", file=sys.stderr, flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-pop-") as home:
            pops = run_child("bench.gui_screen_pop", ["--db", url, "--calls", str(calls)],
                             isolated_env(Path(home)), 3600)
        if "error" in pops:
            raise RuntimeError(f"gui_screen_pop failed: {pops['error']}")
        value = summary(pops["pops_ms"])
        figures.append(Figure("screen-pop INVITE -> card and history painted", label, "ms", value, None,
                              f"p95 <= {SCREEN_POP_TARGET_MS:.0f} ms", value["p95"] <= SCREEN_POP_TARGET_MS,
                              note=f"Kamailio + SIPp, one call at a time, {pops['numbers']} different customers' "
                                   f"mobiles; caller found {pops['found']} of {len(pops['pops_ms'])}"))
        figures.append(_stall_figure("GUI thread longest stall: screen-pops", label,
                                     [pops["stalls_ms"].get("calls", 0.0)],
                                     f"{pops['stalls_over_50ms'].get('calls', 0)} gaps over 50 ms during the calls"))
    return figures


def _worst_phases(runs: list[dict]) -> str:
    worst: dict[str, float] = {}
    for r in runs:
        for phase, gap in r["stalls_ms"].items():
            worst[phase] = max(worst.get(phase, 0.0), gap)
    return "worst by phase: " + ", ".join(f"{k} {v:.0f} ms" for k, v in worst.items())
