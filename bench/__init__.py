"""Agent Desk benchmarks at call-center scale (`python -m bench`, see docs/performance.md)."""
