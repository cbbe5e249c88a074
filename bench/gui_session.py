"""Child process of the GUI benchmark: the real desktop (`agent_app.bootstrap.run_desktop`) driven
like a user, with the stall watchdog running all along.

    python -m bench.gui_session --db URL --account gz_agent [--cycles 20] [--scroll 100000]

1. The first sign-in of the process: from pressing 登录 (after the sign-in window was shown and
   `--typing` seconds for typing, as a user would) to the workbench shown with its data loaded
   and painted. The softphone starts as it would at a desk with a SIP line configured (the line
   registers only on the hotline login, so no registrar is needed here).
2. Resident memory after sign-in, idle (`--idle` seconds after the workbench was ready).
3. `--cycles` more sign-out → sign-in → workbench ready (the warm figure).
4. With `--scroll N`: the tickets page, folder "all tickets", scrolled to the end until N rows
   were fetched page by page as the view asks for them; resident memory afterwards.

Prints one BENCH-RESULT line (see bench/gui_common.py). Needs a display (Xvfb).
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.gui_common import PaintClock, StallWatchdog, emit_result, pump, rss_mb, use_memory_keyring, wait_until

PASSWORD = "Demo@2026"


def _top_level(name: str):  # noqa: ANN202 - a QWidget or None
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def _workbench_ready(main) -> bool:  # noqa: ANN001 - MainWindow
    page = main._widgets.get("workbench")  # noqa: SLF001 - a benchmark looks inside
    return (page is not None and main.current_page_key() == "workbench" and page.isVisible()
            and page.panels_built()  # the panels come one event-loop turn each
            and bool(page._reference.categories))  # noqa: SLF001 - the reference data has arrived


def sign_in_once(account: str, typing_s: float, watchdog: StallWatchdog) -> float:
    """ms from pressing 登录 to the workbench ready and painted."""
    window = None
    wait_until(lambda: _top_level("signInWindow") is not None, 30, "the sign-in window")
    window = _top_level("signInWindow")
    pump(typing_s)
    window.account.setText(account)
    window.password.setText(PASSWORD)
    watchdog.mark("sign-in")
    start = time.perf_counter()
    window.sign_in_button.click()
    wait_until(lambda: _top_level("mainWindow") is not None, 30, "the main window")
    main = _top_level("mainWindow")
    wait_until(lambda: _workbench_ready(main), 30, "the workbench's data")
    clock = PaintClock(main)
    loaded = time.perf_counter()
    main.update()  # if nothing changed since the data arrived there is no paint to wait for
    wait_until(lambda: clock.paints > 0, 10, "the workbench painted")
    watchdog.mark("idle")
    return (max(clock.last, loaded) - start) * 1000.0


def sign_out() -> None:
    main = _top_level("mainWindow")
    main.sign_out()
    wait_until(lambda: _top_level("signInWindow") is not None, 30, "the sign-in window again")


def scroll_tickets(rows: int, watchdog: StallWatchdog) -> dict:
    """Open 工单管理 → all tickets and scroll down until `rows` rows were fetched."""
    from agent_app.ui.ops import runner

    main = _top_level("mainWindow")
    watchdog.mark("scroll")
    main.navigation.setCurrentRow([p.key for p in main.pages].index("tickets"))  # a click on 工单管理
    wait_until(lambda: main.stack.currentWidget() is not main.page_placeholder, 30, "the tickets page")
    page = main.open_page("tickets")  # built by now: the page itself
    wait_until(lambda: "all" in page.tree.folders, 30, "the ticket tree")
    page.open_folder("all")
    model, view = page.model, page.view
    start = time.perf_counter()
    wait_until(lambda: model.rowCount() > 0, 60, "the first page")
    fetches = 0
    while model.rowCount() < rows:
        before = model.rowCount()
        view.scrollToBottom()  # as a user drags to the end: the view asks the model (fetchMore)
        wait_until(lambda: model.rowCount() > before or not (model.loading or model.canFetchMore()), 60,
                   "the next page")
        if model.rowCount() == before:
            break  # the end of the folder
        fetches += 1
        if fetches % 200 == 0:
            print(f"[gui_session] {model.rowCount()} rows, {time.perf_counter() - start:.0f} s", file=sys.stderr,
                  flush=True)
    seconds = time.perf_counter() - start
    wait_until(lambda: runner().pending == 0, 60, "the ops")
    pump(1.0)
    watchdog.mark("after-scroll")
    return {"rows": model.rowCount(), "fetches": fetches, "seconds": round(seconds, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_session")
    parser.add_argument("--db", required=True)
    parser.add_argument("--account", default="gz_agent")
    parser.add_argument("--typing", type=float, default=2.0, help="seconds between the window shown and 登录")
    parser.add_argument("--idle", type=float, default=3.0, help="seconds idle before the memory reading")
    parser.add_argument("--cycles", type=int, default=0, help="further sign-out/sign-in cycles")
    parser.add_argument("--scroll", type=int, default=0, help="scroll the ticket list through this many rows")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from agent_app.settings import set_user_value
    from agent_app.ui import app_settings

    use_memory_keyring()
    set_user_value("sip.registrar", "sip:127.0.0.1:5999")  # a SIP line configured: the softphone starts
    # the agent's last page: the workbench (a desk's everyday start)
    app_settings.settings().set_value(app_settings.user_key(args.account, "window/page"), "workbench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    watchdog = StallWatchdog()
    result: dict = {}

    def drive() -> None:
        try:
            watchdog.start()
            result["first_sign_in_ms"] = round(sign_in_once(args.account, args.typing, watchdog), 2)
            pump(args.idle)
            result["rss_idle_mb"] = round(rss_mb(), 1)
            warm = []
            for _ in range(args.cycles):
                sign_out()
                warm.append(round(sign_in_once(args.account, 0.2, watchdog), 2))
            result["sign_in_ms"] = warm
            if args.scroll:
                result["scroll"] = scroll_tickets(args.scroll, watchdog)
                result["rss_after_scroll_mb"] = round(rss_mb(), 1)
        except Exception as error:  # noqa: BLE001 - reported to the parent
            import traceback

            result["error"] = f"{error}\n{traceback.format_exc()}"
        finally:
            watchdog.stop()
            result["stalls_ms"] = watchdog.phases
            result["stalls_over_50ms"] = watchdog.over_limit
            app.closeAllWindows()
            app.quit()

    QTimer.singleShot(0, drive)
    from agent_app.bootstrap import run_desktop

    run_desktop(args.db)
    emit_result(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
