"""Live events between desktops: in process (embedded) or over PostgreSQL LISTEN/NOTIFY (shared)."""
