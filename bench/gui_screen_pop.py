"""Child process of the GUI benchmark: screen-pop from a real INVITE to the painted workbench.

    python -m bench.gui_screen_pop --db URL --calls 240

Kamailio on 127.0.0.1 (the registrar/proxy of tests/telephony) and SIPp as the caller
(bench/peers/screen_pop_caller.xml): one call at a time, each from the mobile number of another
demo customer of 广州自来水公司 (an injection file), ringing ~0.9 s and then given up (CANCEL),
so the pjsua2 endpoint never holds more than one call. The desktop is the real one
(`run_desktop`): the agent gz_agent signs in, logs in to the hotline on extension 1001 and is
ready, as at a desk.

Measured per call: from the engine's incoming-call callback (the INVITE reached the softphone:
`SipEngine.on_incoming_call` is entered) to the workbench's customer card (the name field) and its
service history table both painted after the lookup's answer arrived (`WorkbenchPage._popped`).
The stall watchdog runs all along. Prints one BENCH-RESULT line.
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.gui_common import PaintClock, StallWatchdog, emit_result, pump, use_memory_keyring, wait_until
from bench.gui_session import PASSWORD, _top_level

PEERS = Path(__file__).resolve().parent / "peers"
AGENT_ID = "A0042"


def caller_numbers(url: str, count: int, seed: int = 7) -> list[str]:
    """Mobile numbers of `count` different customers of the demo company gz, as dialled digits."""
    from bench.suite import Raw

    raw = Raw(url)
    try:
        company_id = raw.rows("SELECT id FROM companies WHERE code = 'gz'")[0][0]
        top = raw.value("SELECT max(id) FROM customers WHERE company_id = %s" if "postgresql" in url
                        else "SELECT max(id) FROM customers WHERE company_id = ?", (company_id,))
        rng = random.Random(seed)
        ids = rng.sample(range(1, int(top) + 1), min(int(top), count * 3))
        marks = ",".join(str(i) for i in ids)
        rows = raw.rows(f"SELECT id, mobile FROM customers WHERE id IN ({marks}) AND mobile IS NOT NULL")
    finally:
        raw.close()
    numbers = []
    for _id, mobile in rows:
        digits = re.sub(r"[^\d+]", "", mobile)
        if digits and digits not in numbers:
            numbers.append(digits)
    rng.shuffle(numbers)
    return numbers[:count]


class PopProbe:
    """Stamps each call's INVITE and its pop painted."""

    def __init__(self, engine, workbench) -> None:  # noqa: ANN001 - SipEngine, WorkbenchPage
        self.times: list[float] = []
        self.found = 0  # pops whose lookup found the caller
        self._invite: float | None = None
        self._arrived = False
        self._card = PaintClock(workbench.customer_panel.values["name"])
        self._history = PaintClock(workbench.history.table.viewport())
        self._marks = (0, 0)
        incoming, popped = engine.on_incoming_call, workbench._popped  # noqa: SLF001

        def on_incoming_call(*args) -> None:  # noqa: ANN002
            self._invite = time.perf_counter()
            self._arrived = False
            incoming(*args)

        def on_popped(serial, pop) -> None:  # noqa: ANN001
            popped(serial, pop)
            if self._invite is not None and not self._arrived:
                self._arrived = True
                self.found += bool(pop.customers)
                self._marks = (self._card.paints, self._history.paints)
                workbench.customer_panel.values["name"].update()  # an unchanged name would not repaint
                workbench.history.table.viewport().update()

        engine.on_incoming_call = on_incoming_call
        workbench._popped = on_popped  # noqa: SLF001 - looked up by the lookup's callback at call time

    def check(self) -> None:
        """Called often: a call whose card and history were both painted after the data is done."""
        if self._invite is None or not self._arrived:
            return
        if self._card.paints > self._marks[0] and self._history.paints > self._marks[1]:
            self.times.append((max(self._card.last, self._history.last) - self._invite) * 1000.0)
            self._invite = None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui_screen_pop")
    parser.add_argument("--db", required=True)
    parser.add_argument("--calls", type=int, default=240)
    parser.add_argument("--account", default="gz_agent")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from agent_app.settings import set_user_value
    from agent_app.telephony.credentials import store_sip_password
    from agent_app.ui import app_settings
    from tests.telephony.conftest import AGENT, DOMAIN, USERS, Kamailio, free_port

    work = Path(tempfile.mkdtemp(prefix="bench-screen-pop-"))
    numbers = caller_numbers(args.db, args.calls)
    (work / "numbers.csv").write_text("SEQUENTIAL\n" + "".join(f"{n};\n" for n in numbers))
    kamailio = Kamailio(work, USERS)
    kamailio.start()
    use_memory_keyring()
    store_sip_password(AGENT, DOMAIN, USERS[AGENT])
    for key, value in (("sip.registrar", f"sip:{kamailio.address}"), ("sip.proxy", f"sip:{kamailio.address};lr"),
                       ("sip.domain", DOMAIN), ("sip.transport", "udp")):
        set_user_value(key, value)
    app_settings.settings().set_value(app_settings.user_key(args.account, "window/page"), "workbench")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    watchdog = StallWatchdog()
    result: dict = {"numbers": len(numbers)}
    sipp: subprocess.Popen | None = None

    def drive() -> None:
        nonlocal sipp
        try:
            from agent_app.ui.phone.softphone import Softphone

            wait_until(lambda: _top_level("signInWindow") is not None, 30, "the sign-in window")
            window = _top_level("signInWindow")
            window.account.setText(args.account)
            window.password.setText(PASSWORD)
            window.sign_in_button.click()
            wait_until(lambda: _top_level("mainWindow") is not None, 30, "the main window")
            main_window = _top_level("mainWindow")
            # the phone starts one event-loop turn after the window
            wait_until(lambda: bool(main_window.findChildren(Softphone)), 15, "the softphone")
            softphone = main_window.findChildren(Softphone)[0]
            bar = softphone.bar
            bar.login(AGENT_ID, AGENT)
            wait_until(lambda: bar.logged_in, 15, "the hotline login")
            bar.set_ready()
            workbench = main_window.open_page("workbench")
            probe = PopProbe(softphone.engine, workbench)
            pump(1.0)
            watchdog.start()
            watchdog.mark("calls")
            sipp = subprocess.Popen(
                ["sipp", kamailio.address, "-sf", str(PEERS / "screen_pop_caller.xml"), "-s", AGENT,
                 "-i", "127.0.0.1", "-p", str(free_port()), "-inf", str(work / "numbers.csv"),
                 "-m", str(len(numbers)), "-l", "1", "-r", "5", "-timeout", "900s", "-nostdin",
                 "-set", "domain", DOMAIN, "-trace_err"],
                cwd=work, stdout=(work / "sipp.out").open("wb"), stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            last = time.monotonic()
            while sipp.poll() is None or probe._invite is not None:  # noqa: SLF001
                pump(0.01)
                before = len(probe.times)
                probe.check()
                if len(probe.times) != before:
                    last = time.monotonic()
                    if len(probe.times) % 50 == 0:
                        print(f"[gui_screen_pop] {len(probe.times)} pops", file=sys.stderr, flush=True)
                if time.monotonic() - last > 30:
                    raise TimeoutError("no screen-pop for 30 s")
            pump(1.0)
            watchdog.mark("end")
            result.update(pops_ms=[round(t, 2) for t in probe.times], found=probe.found, sipp_rc=sipp.returncode)
        except Exception as error:  # noqa: BLE001 - reported to the parent
            import traceback

            result["error"] = f"{error}\n{traceback.format_exc()}"
        finally:
            watchdog.stop()
            result["stalls_ms"] = watchdog.phases
            result["stalls_over_50ms"] = watchdog.over_limit
            if sipp is not None and sipp.poll() is None:
                sipp.kill()
                sipp.wait()
            app.closeAllWindows()
            app.quit()

    QTimer.singleShot(0, drive)
    from agent_app.bootstrap import run_desktop

    try:
        run_desktop(args.db)
    finally:
        kamailio.stop()
    emit_result(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
