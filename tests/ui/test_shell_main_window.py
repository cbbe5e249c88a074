"""The main window: navigation per permission, page registry, phone bar slot, connection state,
language switching at run time and the layout remembered per user."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from agent_app.services.actor import Actor
from agent_app.services.events.bus import InProcessBus
from agent_app.ui import i18n
from agent_app.ui.main_window import MainWindow
from agent_app.ui.ops import runner
from agent_app.ui.pages import Page, pages_for, register, registered, unregister
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.turns import later

built: list[str] = []


def _factory(key: str):
    def build(session: Session, parent: QWidget | None) -> QWidget:
        built.append(key)
        return QLabel(key, parent)

    return build


PAGES = [
    Page("home", "menu:home", QT_TRANSLATE_NOOP("Pages", "Home"), _factory("home"), order=10),
    Page("workbench", "menu:workbench", QT_TRANSLATE_NOOP("Pages", "Agent workbench"), _factory("workbench"), 20),
    Page("tickets", "menu:tickets", QT_TRANSLATE_NOOP("Pages", "Tickets"), _factory("tickets"), 30),
    Page("supervisor", "menu:supervisor", QT_TRANSLATE_NOOP("Pages", "Seat monitor"), _factory("supervisor"), 40),
]


class FakeServices:
    """Only what the shell itself calls: the connection ping, the event bus."""

    def __init__(self) -> None:
        self.up = True
        self.pings = 0
        self.events = InProcessBus()

    def ping(self) -> None:
        self.pings += 1
        if not self.up:
            raise ConnectionError("server closed the connection")


def _session(permissions: set[str], account: str = "agent01") -> Session:
    actor = Actor(user_id=1, company_id=1, account=account, name="张三", permissions=frozenset(permissions),
                  company_name="粤海水务")
    return Session(FakeServices(), actor, DatabaseLocation(True, "/data/agent-desk.sqlite3"))


def _window(qtbot, session: Session, pages=PAGES, **kwargs) -> MainWindow:
    window = MainWindow(session, pages=pages, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _nav_keys(window: MainWindow) -> list[str]:
    return [page.key for page in window.pages]


def test_navigation_follows_the_menu_permissions(qtbot):
    agent = _window(qtbot, _session({"menu:home", "menu:workbench", "menu:tickets"}))
    assert _nav_keys(agent) == ["home", "workbench", "tickets"]
    first = agent.navigation.item(0).text()
    assert first == QCoreApplication.translate("Pages", "Home")  # whichever language is installed

    handler = _window(qtbot, _session({"menu:home", "menu:tickets"}, account="handler01"))
    assert _nav_keys(handler) == ["home", "tickets"]


def test_pages_are_built_when_first_opened_and_unregistered_pages_are_absent(qtbot):
    built.clear()
    window = _window(qtbot, _session({"menu:home", "menu:workbench", "menu:tickets", "menu:supervisor"}),
                     pages=PAGES[:2])
    assert _nav_keys(window) == ["home", "workbench"]  # no tickets page registered: no entry
    qtbot.waitUntil(lambda: built == ["home"])  # the first page opens; the others wait until chosen
    page = window.open_page("workbench")
    assert isinstance(page, QLabel) and window.stack.currentWidget() is page
    window.open_page("home")
    window.open_page("workbench")
    assert built == ["home", "workbench"]
    assert window.open_page("tickets") is None
    # Ctrl+1 opens the first page. (The offscreen platform does not always activate a window, so
    # the action behind the shortcut is triggered rather than the key sent.)
    ctrl_1 = next(a for a in window.actions() if a.shortcut() == QKeySequence("Ctrl+1"))
    ctrl_1.trigger()
    assert window.current_page_key() == "home"


def test_a_page_chosen_in_the_navigation_is_built_in_the_next_turn(qtbot):
    """The navigation answers a click at once; a page not opened before is built in a later turn
    of the event loop (then painted in the next), so the GUI thread never does both in one go."""
    built.clear()
    window = _window(qtbot, _session({"menu:home", "menu:workbench"}), pages=PAGES[:2])
    qtbot.waitUntil(lambda: built == ["home"])
    home = window.stack.currentWidget()
    window.navigation.setCurrentRow(1)  # as a click does
    assert built == ["home"] and window.stack.currentWidget() is window.page_placeholder
    qtbot.waitUntil(lambda: isinstance(window.stack.currentWidget(), QLabel))
    assert window.current_page_key() == "workbench" and built == ["home", "workbench"]
    window.navigation.setCurrentRow(0)  # built before: shown at once
    assert window.stack.currentWidget() is home


def test_the_window_shows_before_its_first_page_which_then_opens_by_itself(qtbot):
    """The window and its first page (the workbench: ~100 ms) are built in separate turns of the
    event loop, so the GUI thread never freezes for both at once."""
    built.clear()
    window = MainWindow(_session({"menu:home", "menu:workbench"}), pages=PAGES)
    qtbot.addWidget(window)
    window.show()
    assert built == [] and window.navigation.currentRow() == 0  # highlighted, not built yet
    assert window.stack.currentWidget() is window.page_placeholder  # blank, not "no pages available"
    assert window.navigation.count() == 2 and window.status.user_label.text() == "张三 (agent01)"
    qtbot.waitUntil(lambda: built == ["home"])
    assert window.current_page_key() == "home" and window.stack.currentWidget() is window.open_page("home")


def test_a_page_asked_for_before_the_first_page_turn_is_built_at_once_and_stays(qtbot):
    """The phone's screen-pop may ask for the workbench before the first page's turn came."""
    built.clear()
    window = MainWindow(_session({"menu:home", "menu:workbench"}), pages=PAGES)
    qtbot.addWidget(window)
    page = window.open_page("workbench")
    assert isinstance(page, QLabel) and built == ["workbench"] and window.stack.currentWidget() is page
    window.show()
    turned: list[bool] = []
    later(window, lambda: turned.append(True))  # queued after the window's first page
    qtbot.waitUntil(lambda: turned == [True])
    assert window.current_page_key() == "workbench" and built == ["workbench"]


def test_without_any_page_the_window_says_so(qtbot):
    window = _window(qtbot, _session(set()))
    assert not window.navigation.isVisible()
    assert window.stack.currentWidget() is window.empty_state
    assert "管理员" in window.empty_state.text()


def test_the_registry_orders_and_filters_pages():
    before = {page.key for page in registered()}
    try:
        register(Page("zz_test_late", "menu:home", "Late", _factory("late"), order=999))
        register(Page("zz_test_admin", "menu:admin", "Admin", _factory("admin"), order=1))
        actor = _session({"menu:home"}).actor
        keys = [page.key for page in pages_for(actor)]
        assert "zz_test_admin" not in keys and keys[-1] == "zz_test_late"
    finally:
        unregister("zz_test_late")
        unregister("zz_test_admin")
    assert {page.key for page in registered()} == before


def test_phone_bar_slot(qtbot):
    window = _window(qtbot, _session({"menu:home"}))
    assert not window.phone_bar_slot.isVisible()
    bar = QLabel("phone bar")
    window.set_phone_bar(bar)
    assert window.phone_bar() is bar and window.phone_bar_slot.isVisible()
    # The bar sits above the navigation and the pages.
    assert bar.mapTo(window, bar.rect().bottomLeft()).y() <= window.splitter.mapTo(window, window.splitter.rect().topLeft()).y()
    window.set_phone_bar(None)
    assert window.phone_bar() is None and not window.phone_bar_slot.isVisible()


def test_connection_state_follows_the_ping(qtbot):
    session = _session({"menu:home"})
    window = _window(qtbot, session, ping_interval_ms=50)
    assert window.status.connection_label.text() == "已连接"
    session.services.up = False
    qtbot.waitUntil(lambda: window.status.connection_label.text() == "连接中断", timeout=5000)
    assert window.status.connection_label.property("state") == "down"
    session.services.up = True
    qtbot.waitUntil(lambda: window.status.connection_label.text() == "已连接", timeout=5000)
    assert session.services.pings >= 2


def test_the_event_bus_losing_its_connection_shows_at_once(qtbot):
    """No waiting for the next round of pings (30 s by default): the bus's news triggers one."""
    session = _session({"menu:home"})
    window = _window(qtbot, session, ping_interval_ms=3_600_000)
    assert window.status.connection_label.text() == "已连接"
    session.services.up = False
    session.services.events.publish(1, "bus_state", {"connected": False})
    qtbot.waitUntil(lambda: window.status.connection_label.text() == "连接中断", timeout=5000)
    session.services.up = True
    session.services.events.publish(1, "bus_state", {"connected": True})
    qtbot.waitUntil(lambda: window.status.connection_label.text() == "已连接", timeout=5000)


def test_language_switch_retranslates_at_run_time(qtbot):
    window = _window(qtbot, _session({"menu:home", "menu:workbench"}))
    assert window.system_menu.title() == "系统(&S)"
    assert window.status.database_kind_label.text() == "嵌入式数据库"

    window.language_actions["en"].trigger()
    assert i18n.current_language() == "en"
    # Qt posts QEvent.LanguageChange to every widget: it arrives through the event loop.
    qtbot.waitUntil(lambda: window.system_menu.title() == "&System")
    assert window.sign_out_action.text() == "Sign &out"
    assert window.status.connection_label.text() == "Connected"
    assert window.status.database_kind_label.text() == "Embedded database"
    assert window.language_actions["en"].isChecked()

    window.language_actions["zh_CN"].trigger()
    qtbot.waitUntil(lambda: window.system_menu.title() == "系统(&S)")
    assert window.status.connection_label.text() == "已连接"


def test_layout_is_remembered_per_user(qtbot):
    first = _window(qtbot, _session({"menu:home", "menu:workbench"}, account="agent01"))
    first.resize(640, 480)  # within the offscreen screen (800 x 600), which bounds restored geometry
    first.open_page("workbench")
    first.splitter.setSizes([260, 740])
    first.close()

    again = _window(qtbot, _session({"menu:home", "menu:workbench"}, account="agent01"))
    assert (again.size().width(), again.size().height()) == (640, 480)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is not again.page_placeholder)  # built a turn later
    assert again.current_page_key() == "workbench" and again.stack.currentWidget() is again.open_page("workbench")
    assert abs(again.splitter.sizes()[0] - 260) <= 2

    other = _window(qtbot, _session({"menu:home", "menu:workbench"}, account="agent02"))
    assert other.size().width() != 640
    qtbot.waitUntil(lambda: other.stack.currentWidget() is not other.page_placeholder)
    assert other.current_page_key() == "home" and other.stack.currentWidget() is other.open_page("home")
    qtbot.waitUntil(lambda: runner().pending == 0)
