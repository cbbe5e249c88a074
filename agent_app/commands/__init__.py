"""Sub-commands of `agent-app`, one module each (see `agent_app.cli`)."""
