"""pjsua2 prints and swallows exceptions raised in callbacks (and keeps objects alive through
`sys.last_traceback`); every callback body therefore runs inside `guarded`."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, Protocol, TypeVar

log = logging.getLogger(__name__)

F = TypeVar("F", bound=Callable[..., Any])


class ErrorSink(Protocol):
    def report_error(self, where: str, error: BaseException) -> None: ...


def guarded(method: F) -> F:
    """Wrap a callback method of an object that has an `_errors: ErrorSink` attribute."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001 - must never reach pjsua2
            where = f"{type(self).__name__}.{method.__name__}"
            log.exception("telephony callback %s failed", where)
            try:
                self._errors.report_error(where, error)
            except Exception:  # noqa: BLE001
                log.exception("reporting the error failed too")
            return None

    return wrapper  # type: ignore[return-value]
