"""The agent's own settings dialogs (phone and audio)."""
