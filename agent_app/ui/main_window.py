"""The main window: phone bar slot at the top, left navigation of registered pages, status bar.

Pages come from the page registry (`agent_app.ui.pages`) filtered by the actor's menu permissions;
each page widget is built the first time it is opened. Layout (geometry, dock state, splitter, last
page) is remembered per account.

The window opens with an empty page area: its remembered (or first) page is built in a later turn
of the event loop (`agent_app.ui.turns`), so that building the window and building a heavy first
page (the workbench) are separate stretches of GUI-thread work, not one long freeze. A page the
user opens for the first time (a click in the navigation, Ctrl+1…9) is built the same way: the
navigation answers at once, the page is built in the next turn and shown (laid out, painted) in
the one after.
Code that asks for a page (`open_page`, e.g. the phone's screen-pop) gets it built at once.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QObject,
    QSignalBlocker,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from agent_app import __version__
from agent_app.ui import app_settings, i18n
from agent_app.ui.icons import app_icon, icon
from agent_app.ui.pages import Page, pages_for
from agent_app.ui.session import Session
from agent_app.ui.status_bar import CONNECTED_INTERVAL_MS, SessionStatusBar
from agent_app.ui.turns import later


class MainWindow(QMainWindow):
    signed_out = Signal()

    def __init__(self, session: Session, pages: list[Page] | None = None,
                 ping_interval_ms: int = CONNECTED_INTERVAL_MS, parent: QWidget | None = None) -> None:
        """`pages`: the registered pages to offer (default: all of them); the actor's permissions
        decide which of them appear."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.session = session
        self._pages = pages_for(session.actor) if pages is None else [
            page for page in pages if session.actor.can(page.permission)
        ]
        self._widgets: dict[str, QWidget] = {}
        self._monitor_control: QObject | None = None
        self._build(ping_interval_ms)
        self._build_menus()
        self.retranslate()
        self._restore_layout()

    # -- building --------------------------------------------------------------------------
    def _build(self, ping_interval_ms: int) -> None:
        self.phone_bar_slot = QWidget(objectName="phoneBarSlot")
        slot_layout = QVBoxLayout(self.phone_bar_slot)
        slot_layout.setContentsMargins(0, 0, 0, 0)
        self.phone_bar_slot.hide()

        self.navigation = QListWidget(objectName="navigation")
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setFrameShape(QListWidget.Shape.NoFrame)
        self.stack = QStackedWidget(objectName="pageStack")
        self.empty_state = QLabel(objectName="emptyState")
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setWordWrap(True)
        self.stack.addWidget(self.empty_state)
        self.page_placeholder = QWidget(objectName="pagePlaceholder")  # blank until the first page is built
        self.stack.addWidget(self.page_placeholder)
        if self._pages:
            self.stack.setCurrentWidget(self.page_placeholder)
        for page in self._pages:
            item = QListWidgetItem(icon(page.icon) if page.icon else QIcon(), "")
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._select_row)
        # Keyboard first: Ctrl+1 … Ctrl+9 open the pages in navigation order.
        for row, page in enumerate(self._pages[:9]):
            shortcut = QAction(self, shortcut=QKeySequence(f"Ctrl+{row + 1}"))
            shortcut.triggered.connect(lambda _checked=False, row=row: self.navigation.setCurrentRow(row))
            self.addAction(shortcut)
        self.navigation.setVisible(bool(self._pages))

        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setCollapsible(1, False)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([180, 1000])

        central = QWidget(objectName="central")
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.phone_bar_slot)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.status = SessionStatusBar(self.session, ping_interval_ms, self)
        self.setStatusBar(self.status)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.system_menu = bar.addMenu("")
        self.language_menu = self.system_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for code, native_name in i18n.LANGUAGES.items():
            action = QAction(native_name, self, checkable=True)
            action.setData(code)
            action.setProperty("dataText", True)  # each language is named in its own script
            action.setChecked(code == i18n.current_language())
            action.triggered.connect(lambda _checked=False, lang=code: self.switch_language(lang))
            self.language_group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        self.system_menu.addSeparator()
        self.sign_out_action = QAction(self, objectName="signOutAction")
        self.sign_out_action.triggered.connect(self.sign_out)
        self.system_menu.addAction(self.sign_out_action)
        self.quit_action = QAction(self, objectName="quitAction")
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.system_menu.addAction(self.quit_action)
        self.help_menu = bar.addMenu("")
        self.about_action = QAction(self, objectName="aboutAction")
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    # -- pages -----------------------------------------------------------------------------
    @property
    def pages(self) -> list[Page]:
        """The pages this user sees, in navigation order."""
        return list(self._pages)

    def open_page(self, key: str) -> QWidget | None:
        """Show the page `key` (building it the first time); None if this user has no such page."""
        for row, page in enumerate(self._pages):
            if page.key == key:
                self.navigation.setCurrentRow(row)  # shows it if built (`_select_row`)…
                if self.stack.currentWidget() is self.page_placeholder:  # …else build it now
                    self._show_row(row)
                return self._widgets.get(key)
        return None

    def current_page_key(self) -> str | None:
        row = self.navigation.currentRow()
        return self._pages[row].key if 0 <= row < len(self._pages) else None

    def _select_row(self, row: int) -> None:
        """The user chose a page: shown at once if built, else built in a later turn."""
        if 0 <= row < len(self._pages) and self._pages[row].key not in self._widgets:
            self.stack.setCurrentWidget(self.page_placeholder)
            later(self, self._open_selected_page)
            return
        self._show_row(row)

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self._pages):
            self.stack.setCurrentWidget(self.empty_state)
            return
        page = self._pages[row]
        self.stack.setCurrentWidget(self._widgets.get(page.key) or self._build_page(page))

    def _build_page(self, page: Page) -> QWidget:
        widget = page.factory(self.session, self.stack)
        widget.setObjectName(widget.objectName() or f"page_{page.key}")
        self._widgets[page.key] = widget
        self.stack.addWidget(widget)  # hidden until it is the stack's current widget
        self._route_page_requests(widget)
        return widget

    def set_monitor_control(self, control: QObject | None) -> None:
        """The softphone's listen/whisper/barge control for the seat board (None: no phone)."""
        self._monitor_control = control
        board = self._widgets.get("supervisor")
        if board is not None and hasattr(board, "set_monitor_control"):
            board.set_monitor_control(control)

    def _route_page_requests(self, widget: QWidget) -> None:
        """A page asking for another page (the workbench's "my pending tickets", a history row)."""
        if hasattr(widget, "set_monitor_control"):
            widget.set_monitor_control(self._monitor_control)
        if hasattr(widget, "open_tickets_requested"):
            widget.open_tickets_requested.connect(self.open_tickets)
        if hasattr(widget, "open_ticket_requested"):
            widget.open_ticket_requested.connect(self.open_ticket)

    def open_tickets(self, folder: str) -> None:
        page = self.open_page("tickets")
        if page is not None:
            page.open_folder(folder)

    def open_ticket(self, ticket_id: int) -> None:
        page = self.open_page("tickets")
        if page is not None:
            page.open_ticket(ticket_id)

    # -- phone bar -------------------------------------------------------------------------
    def set_phone_bar(self, widget: QWidget | None) -> None:
        """Put `widget` (the phone bar) at the top of the window, replacing any earlier one;
        None removes it."""
        layout = self.phone_bar_slot.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None and old is not widget:
                old.deleteLater()
        if widget is not None:
            layout.addWidget(widget)
        self.phone_bar_slot.setVisible(widget is not None)

    def phone_bar(self) -> QWidget | None:
        item = self.phone_bar_slot.layout().itemAt(0)
        return item.widget() if item is not None else None

    # -- actions ---------------------------------------------------------------------------
    def switch_language(self, lang: str) -> None:
        code = i18n.set_language(lang)
        app_settings.settings().set_value(app_settings.LANGUAGE_KEY, code)

    def sign_out(self) -> None:
        # The sign-in window appears first, so that closing this one is not the last window
        # closing (which would quit the application).
        self.signed_out.emit()
        self.close()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Agent Desk"),
            self.tr("<b>Agent Desk</b> %1<br>Customer service hotline for water and gas.").replace(
                "%1", __version__
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_layout()
        super().closeEvent(event)

    # -- layout per user -------------------------------------------------------------------
    def _key(self, name: str) -> str:
        return app_settings.user_key(self.session.actor.account, name)

    def _save_layout(self) -> None:
        app_settings.settings().set_values({
            self._key("window/geometry"): self.saveGeometry(),
            self._key("window/state"): self.saveState(),
            self._key("window/splitter"): self.splitter.saveState(),
            self._key("window/page"): self.current_page_key() or "",
        })

    def _restore_layout(self) -> None:
        store = app_settings.settings()
        geometry = store.value(self._key("window/geometry"))
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = store.value(self._key("window/state"))
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = store.value(self._key("window/splitter"))
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        last = str(store.value(self._key("window/page"), "") or "")
        keys = [page.key for page in self._pages]
        if keys:
            with QSignalBlocker(self.navigation):  # highlighted now, built in a later turn
                self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)
            later(self, self._open_selected_page)

    def _open_selected_page(self) -> None:
        """Build the highlighted page (unless the user or the code opened one meanwhile) and show
        it in the next turn: Qt lays out and paints a page right after the job that showed it,
        before any timer, so building and showing in one job would be one long freeze. The
        showing goes ahead of the jobs the page queued while it was built (its first queries):
        their workers would compete with the first paint for the GIL and the cores."""
        if self.stack.currentWidget() is not self.page_placeholder:
            return
        row = self.navigation.currentRow()
        if 0 <= row < len(self._pages) and self._pages[row].key not in self._widgets:
            self._build_page(self._pages[row])
        later(self, self._show_selected_page, first=True)

    def _show_selected_page(self) -> None:
        if self.stack.currentWidget() is self.page_placeholder:
            self._select_row(self.navigation.currentRow())

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agent Desk"))
        self.system_menu.setTitle(self.tr("&System"))
        self.language_menu.setTitle(self.tr("&Language"))
        for code, action in self.language_actions.items():
            action.setChecked(code == i18n.current_language())
        self.sign_out_action.setText(self.tr("Sign &out"))
        self.quit_action.setText(self.tr("&Quit"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("&About Agent Desk"))
        self.empty_state.setText(
            self.tr("No pages are available for your account. Ask an administrator for access.")
        )
        for row, page in enumerate(self._pages):
            self.navigation.item(row).setText(page.translated_title())
