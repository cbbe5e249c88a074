"""What the user reads when an operation fails.

An `AgentDeskError` carries its own text in both languages. A database that cannot be reached
(SQLAlchemy's `OperationalError` / `InterfaceError`) becomes the `database_unreachable` message; an
invalid configuration file shows what is wrong in it. Anything else is a bug: it is logged with its traceback and the
user sees a generic sentence instead of a Python exception.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from agent_app.domain.errors import AgentDeskError
from agent_app.settings import SettingsError
from agent_app.ui.i18n import current_language

log = logging.getLogger(__name__)


def is_connection_error(error: BaseException) -> bool:
    if isinstance(error, (ConnectionError, TimeoutError)):
        return True
    # Not imported at start-up (cold start): if SQLAlchemy is not loaded, no error can be one of its.
    exc = sys.modules.get("sqlalchemy.exc")
    return exc is not None and isinstance(error, (exc.OperationalError, exc.InterfaceError))


def _short_detail(error: BaseException) -> str:
    original = getattr(error, "orig", None) or error
    text = str(original).strip().splitlines()
    return text[0] if text else type(original).__name__


def error_message(error: BaseException) -> str:
    """The sentence to show for `error`, in the current UI language."""
    lang = current_language()
    if isinstance(error, AgentDeskError):
        return error.message(lang)
    if is_connection_error(error):
        return AgentDeskError("database_unreachable", detail=_short_detail(error)).message(lang)
    if isinstance(error, SettingsError):  # written for IT, in English, naming the file and key
        return QCoreApplication.translate("Errors", "The configuration is invalid: %1").replace("%1", str(error))
    log.error("operation failed", exc_info=(type(error), error, error.__traceback__))
    return QCoreApplication.translate(
        "Errors", "The operation failed because of an internal error. The details were written to the log."
    )


_parentless_boxes: set[QMessageBox] = set()


def show_error(parent: QWidget | None, error: BaseException) -> QMessageBox:
    """A window-modal warning with `error_message(error)`, opened without a nested event loop."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Agent Desk"),
                      error_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns it on the C++ side: keep it alive until it is closed
        _parentless_boxes.add(box)
        box.finished.connect(lambda _code: _parentless_boxes.discard(box))
    box.open()
    return box
