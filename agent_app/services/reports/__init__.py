"""Statistics and reports (seed 004 §3 and §8)."""
