"""Tickets: registration, workflow actions, attachments and the detail view."""
