"""The page registry: what the main window's left navigation offers.

A feature folder adds its page without touching the main window: give the folder a module
`page.py` with a module-level `PAGE` (or a list `PAGES`), for example
`agent_app/ui/workbench/page.py`:

    from PySide6.QtCore import QT_TRANSLATE_NOOP
    from agent_app.ui.pages import Page

    PAGE = Page(
        key="workbench",
        permission="menu:workbench",
        title=QT_TRANSLATE_NOOP("Pages", "Agent workbench"),
        factory=lambda session, parent: WorkbenchPage(session, parent),
        order=20,
    )

`discover()` imports every `agent_app/ui/<folder>/page.py`. The title is the English source text
in the "Pages" translation context (so `scripts/update-translations` picks it up); the window shows
it translated. The factory runs the first time the user opens the page, on the GUI thread: it must
build widgets only and load its data through the ops runner. A page that is not registered is
simply absent from the navigation.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from agent_app.ui.session import Session

log = logging.getLogger(__name__)

TITLE_CONTEXT = "Pages"


@dataclass(frozen=True)
class Page:
    key: str
    permission: str
    title: str  # English source text, translated in the "Pages" context
    factory: Callable[["Session", QWidget | None], QWidget]
    order: int = 100
    icon: str | None = None  # file name under resources/icons, optional

    def translated_title(self) -> str:
        return QCoreApplication.translate(TITLE_CONTEXT, self.title)


_registry: dict[str, Page] = {}


def register(page: Page) -> Page:
    """Add (or replace, by key) a page."""
    _registry[page.key] = page
    return page


def unregister(key: str) -> None:
    _registry.pop(key, None)


def registered() -> list[Page]:
    """Every registered page in navigation order."""
    return sorted(_registry.values(), key=lambda page: (page.order, page.key))


def pages_for(actor) -> list[Page]:  # noqa: ANN001 - any object with can(permission)
    """The pages this actor may open, in navigation order."""
    return [page for page in registered() if actor.can(page.permission)]


def discover() -> list[Page]:
    """Import `page.py` of every feature folder under agent_app.ui and register what it declares.

    A folder whose page module fails to import is logged and left out: one broken page must not
    keep every user out of the application.
    """
    import agent_app.ui as ui_package

    for info in pkgutil.iter_modules(ui_package.__path__):
        if not info.ispkg:
            continue
        name = f"{ui_package.__name__}.{info.name}.page"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                log.exception("page module %s could not be imported", name)
            continue
        except Exception:  # noqa: BLE001 - see the docstring
            log.exception("page module %s could not be imported", name)
            continue
        declared = list(getattr(module, "PAGES", ()))
        if hasattr(module, "PAGE"):
            declared.append(module.PAGE)
        for page in declared:
            register(page)
    return registered()
