"""Errors a user can read, in their own language.

A service raises an `AgentDeskError` with a message code and parameters; whoever shows it (the
desktop, the CLI) asks for the text in the user's language. The catalogue lives in
`agent_app.domain.messages` so that every message exists in Simplified Chinese and English.
"""

from __future__ import annotations

from typing import Any

from agent_app.domain.messages import render


class AgentDeskError(Exception):
    """Base of every error that is meant to be shown to a user."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        return render(self.code, lang, self.params)


class ValidationError(AgentDeskError):
    """Input is wrong; nothing was changed. `field` names the form field when there is one."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        self.field = field
        super().__init__(code, field=field, **params)


class NotFound(AgentDeskError):
    """The thing does not exist, or not for this user's company (we do not tell which)."""


class PermissionDenied(AgentDeskError):
    """The user may not do this."""


class ConflictError(AgentDeskError):
    """Someone else changed the record meanwhile; nothing was written."""


class WorkflowError(AgentDeskError):
    """The action is not allowed in the ticket's current state, or one of its guards failed."""


class AuthError(AgentDeskError):
    """Sign-in failed: wrong credentials, locked or disabled account."""
