"""Entry point of the frozen bundle: the same command line as `agent-app`."""

from agent_app.cli import main

raise SystemExit(main())
