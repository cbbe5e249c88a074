"""The sign-in window: account, password, remember me, connection profile, language."""

from agent_app.ui.sign_in.window import SignInWindow

__all__ = ["SignInWindow"]
