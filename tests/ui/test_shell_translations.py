"""No untranslated string is left: the Chinese UI shows no English words, the English UI no Chinese.

Walks the visible texts of the sign-in window and the main window (with every registered page the
user may open, so that pages added by other folders are checked too). Widgets that show data rather
than UI text (user names, file paths, each language's own name) carry the property `dataText`.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMenu,
    QTabWidget,
    QWidget,
)

from agent_app.ui import i18n
from agent_app.ui.main_window import MainWindow
from agent_app.ui.ops import runner
from agent_app.ui.pages import discover
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.sign_in import SignInWindow
from tests.ui.conftest import PASSWORD

# Names that stay as they are in a Chinese UI.
KEEP_IN_CHINESE = {"PostgreSQL", "SQLite"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CJK = re.compile(r"[\u3400-\u9fff]")
TAG = re.compile(r"<[^>]+>")


def _is_data(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property("dataText"):
            return True
        widget = widget.parentWidget()
    return False


def _action_texts(actions: list[QAction]) -> list[str]:
    texts: list[str] = []
    for action in actions:
        if action.isSeparator() or not action.isVisible():
            continue
        if action.menu() is not None:
            texts.append(action.menu().title())
            texts.extend(_action_texts(action.menu().actions()))
        elif not action.property("dataText"):
            texts.append(action.text())
    return texts


def visible_texts(window: QWidget) -> list[str]:
    texts = [window.windowTitle()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) or _is_data(widget) or isinstance(widget, QMenu):
            continue
        if isinstance(widget, QLabel):
            texts.append(TAG.sub(" ", widget.text()))
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())  # the text itself is the user's
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        elif isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
        texts.append(widget.toolTip())
    if isinstance(window, QMainWindow):
        texts.extend(_action_texts(window.menuBar().actions()))
    return [text for text in texts if text and text.strip()]


def untranslated(texts: list[str], lang: str) -> list[str]:
    if lang == "en":
        return [text for text in texts if CJK.search(text)]
    return [text for text in texts if set(LATIN_WORD.findall(text)) - KEEP_IN_CHINESE]


def _sign_in_window(qtbot, connector) -> SignInWindow:
    window = SignInWindow(connector)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def _switch(qtbot, lang: str, window: QWidget) -> None:
    i18n.set_language(lang)
    expected = "系统(&S)" if lang == "zh_CN" else "&System"
    if isinstance(window, MainWindow):
        qtbot.waitUntil(lambda: window.system_menu.title() == expected)
    else:
        qtbot.wait(50)  # LanguageChange is posted: let the event loop deliver it


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_sign_in_window_is_fully_translated(qtbot, connector, lang):
    window = _sign_in_window(qtbot, connector)
    _switch(qtbot, lang, window)
    for mode in ("embedded", "shared"):
        window.connection.setCurrentIndex(window.connection.findData(mode))
        window.show_message("")
        texts = visible_texts(window)
        assert len(texts) > 8
        assert untranslated(texts, lang) == [], mode


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_main_window_is_fully_translated_with_every_registered_page(qtbot, services, make_user, lang):
    make_user("admin01", ["admin"])
    actor = services.auth.sign_in("admin01", PASSWORD)
    discover()
    window = MainWindow(Session(services, actor, DatabaseLocation(True, "/data/agent-desk.sqlite3")))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _switch(qtbot, lang, window)
    for page in window.pages:
        widget = window.open_page(page.key)
        built = getattr(widget, "panels_built", lambda: True)  # the workbench builds its panels turn by turn
        qtbot.waitUntil(lambda built=built: runner().pending == 0 and built(), timeout=10_000)
        problems = untranslated(visible_texts(window), lang)
        assert problems == [], f"page {page.key}: {problems}"
    assert untranslated(visible_texts(window), lang) == []


def test_every_tr_string_has_a_chinese_translation(tmp_path):
    """Also strings on widgets not shown above (dialogs, tooltips of other pages): lupdate over
    agent_app/ui into a copy of the catalogue must find nothing new or unfinished."""
    import os
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    catalogue = tmp_path / "agent_desk_zh_CN.ts"
    shutil.copyfile(root / "resources" / "translations" / "agent_desk_zh_CN.ts", catalogue)
    # the tool of the interpreter's environment (the venv, not necessarily on PATH), then PATH
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    lupdate = shutil.which("pyside6-lupdate", path=search)
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    subprocess.run([lupdate, "-extensions", "py", "-silent", "-no-obsolete", str(root / "agent_app" / "ui"),
                    "-ts", str(catalogue)], check=True, capture_output=True)
    unfinished = [
        f"{context.findtext('name')}: {message.findtext('source')}"
        for context in ET.parse(catalogue).getroot().iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") == "unfinished"
    ]
    assert unfinished == [], "run scripts/update-translations and translate these"
