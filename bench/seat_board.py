"""The seat board (坐席管理) on 200 seats: how long opening takes, and how it keeps up under churn.

    python3 bench/seat_board.py                       # a temporary SQLite database
    python3 bench/seat_board.py --db postgresql://…   # an empty migrated PostgreSQL database
    python3 bench/seat_board.py --seats 200 --seconds 20 --interval 3

Open: from creating the page to the first rows shown (the board's one round of queries plus the
model and the table), median and worst of a few openings.
Churn: every seat changes state every `--interval` seconds on average, from another `Services`
(its own connections: another desktop on PostgreSQL; the same process's bus on SQLite). Reported:
how long a change takes to show on the board (the issue asks under 1 s), how many reloads the
coalescing made of how many events, and the longest stall of the GUI event loop (a 10 ms timer's
lateness). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from agent_app.services.actors import actor_for_account  # noqa: E402
from agent_app.services.app import Services  # noqa: E402
from agent_app.services.database import create_db_engine  # noqa: E402
from agent_app.services.demo.org import build_company  # noqa: E402
from agent_app.services.migrate import upgrade_to_head  # noqa: E402
from agent_app.services.tickets.numbering import LOCAL_TZ  # noqa: E402
from agent_app.ui.ops import runner  # noqa: E402
from agent_app.ui.session import DatabaseLocation, Session  # noqa: E402
from agent_app.ui.style import apply_style  # noqa: E402
from agent_app.ui.supervisor.board_page import SeatBoardPage  # noqa: E402
from agent_app.ui.supervisor.demo_seats import add_seats, stage  # noqa: E402

STATES = (("ready", None), ("not_ready", "小休"), ("on_call", None), ("after_call_work", None), ("ringing", None))


def plan(seats: list, interval: float, seconds: float) -> list[tuple[int, str, str | None, float]]:
    """Random state changes: each seat about once per `interval` seconds, with their delays."""
    rng = random.Random(5)
    steps, elapsed = [], 0.0
    while elapsed < seconds:
        state, reason = rng.choice(STATES)
        delay = rng.expovariate(len(seats) / interval)
        steps.append((rng.choice(seats).user_id, state, reason, delay))
        elapsed += delay
    return steps


def change(services: Services, actor, state: str, reason: str | None) -> None:  # noqa: ANN001
    on_call = state == "on_call"
    services.seats.change_state(actor, state, reason, call_number="13800138000" if on_call else None,
                                call_direction="in" if on_call else None)


def churn_elsewhere(url: str, seats: list, interval: float, seconds: float, changes) -> None:  # noqa: ANN001
    """Another desktop: its own process and Services."""
    services = Services(create_db_engine(url))
    by_id = {a.user_id: a for a in seats}
    for user_id, state, reason, delay in plan(seats, interval, seconds):
        changes.put((user_id, state))
        change(services, by_id[user_id], state, reason)
        time.sleep(delay)
    changes.put(None)
    services.close()


def pump(app: QApplication, until, timeout: float = 30.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not until():
        if time.monotonic() > deadline:
            raise TimeoutError("the board did not get there in time")
        app.processEvents()
        time.sleep(0.001)


def open_board(app: QApplication, session: Session) -> tuple[float, SeatBoardPage]:
    started = time.perf_counter()
    page = SeatBoardPage(session)
    page.resize(1366, 700)
    page.show()
    pump(app, lambda: page.model.rowCount() > 0)
    app.processEvents()  # the table lays out the rows it shows
    return time.perf_counter() - started, page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an empty migrated database (default: a temporary SQLite file)")
    parser.add_argument("--seats", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--interval", type=float, default=3.0, help="mean seconds between one seat's changes")
    parser.add_argument("--openings", type=int, default=5)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    apply_style(app)  # the desktop's font and style sheet: painting costs what it costs there
    url = args.db
    if url is None:
        url = f"sqlite:///{tempfile.mkdtemp()}/seat-board.sqlite3"
        upgrade_to_head(create_db_engine(url))
    services = Services(create_db_engine(url))
    with services.uow() as uow:
        company = build_company(uow.session, "gz", "广州自来水公司",
                                today=datetime.now(timezone.utc).astimezone(LOCAL_TZ).date())
        uow.commit()
    seats = add_seats(services, company.id, args.seats - 3)  # + the demo company's 3 seats
    stage(services, seats, answered=False)
    with services.uow() as uow:
        supervisor = actor_for_account(uow.session, company.accounts["supervisor"])
    session = Session(services, supervisor, DatabaseLocation(url.startswith("sqlite"), url))

    openings = []
    for _ in range(args.openings):
        seconds, page = open_board(app, session)
        openings.append(seconds)
        page.close()
        page.deleteLater()
        app.processEvents()
    print(f"seats: {args.seats}, database: {url.split(':', 1)[0]}")
    print(f"open (page → rows shown): median {statistics.median(openings) * 1000:.0f} ms, "
          f"worst {max(openings) * 1000:.0f} ms over {len(openings)}")

    _, page = open_board(app, session)
    reloads = [0]
    page.reloaded.connect(lambda: reloads.__setitem__(0, reloads[0] + 1))
    pending: dict[int, tuple[str, float]] = {}  # user id → (state, when changed)
    lock = threading.Lock()
    latencies: list[float] = []
    events = [0]
    stop = threading.Event()
    # On PostgreSQL the changes come from another process (another desktop: own connections, own
    # GIL); on SQLite the bus is in-process, so they come from a thread of this one.
    changes = multiprocessing.get_context("spawn").Queue() if not url.startswith("sqlite") else None

    def note(user_id: int, state: str) -> None:
        with lock:
            pending[user_id] = (state, time.perf_counter())
        events[0] += 1

    def churn_here() -> None:
        by_id = {a.user_id: a for a in seats}
        for user_id, state, reason, delay in plan(seats, args.interval, args.seconds):
            if stop.wait(delay):
                return
            note(user_id, state)
            change(services, by_id[user_id], state, reason)

    def relay() -> None:  # the other process says what it changed, just before changing it
        assert changes is not None
        while (item := changes.get()) is not None:
            note(*item)

    worker = threading.Thread(target=churn_here if changes is None else relay, daemon=True)
    process = None
    if changes is not None:
        process = multiprocessing.get_context("spawn").Process(
            target=churn_elsewhere, args=(url, seats, args.interval, args.seconds, changes))

    def check() -> None:
        now = time.perf_counter()
        with lock:
            for user_id, (state, when) in list(pending.items()):
                row = page.model.seat(user_id)
                if row is not None and row.state == state:
                    latencies.append(now - when)
                    del pending[user_id]

    page.reloaded.connect(check)
    stall = [0.0]
    ticker = QElapsedTimer()
    ticker.start()
    timer = QTimer(interval=10)

    def tick() -> None:
        stall[0] = max(stall[0], ticker.restart() - 10)

    timer.timeout.connect(tick)
    timer.start()
    worker.start()
    if process is not None:
        process.start()
    end = time.monotonic() + args.seconds
    # the other process may lag behind its plan (each change is a transaction): the board keeps
    # running until it is done, or its last changes would be measured against a blocked GUI
    while time.monotonic() < end or (process is not None and process.is_alive()):
        app.processEvents()
        time.sleep(0.001)
    stop.set()
    if process is not None:
        process.join()
    worker.join()
    pump(app, lambda: runner().pending == 0)
    timer.stop()
    latencies.sort()
    print(f"churn: {events[0]} state changes in {args.seconds:.0f} s ({events[0] / args.seconds:.0f}/s), "
          f"{reloads[0]} board reloads")
    if latencies:
        p95 = latencies[int(len(latencies) * 0.95) - 1 if len(latencies) > 20 else -1]
        print(f"change → shown: median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
              f"worst {latencies[-1] * 1000:.0f} ms ({len(latencies)} seen; later changes of a seat replace earlier)")
    print(f"longest GUI event-loop stall: {stall[0]:.0f} ms")
    page.close()
    services.close()


if __name__ == "__main__":
    main()
