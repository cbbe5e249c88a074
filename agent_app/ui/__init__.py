"""The PySide6 desktop: the shell (sign-in, main window, ops runner) and the feature folders."""
