"""`python -m agent_app` runs the same command line as `agent-app`."""

from agent_app.cli import main

raise SystemExit(main())
