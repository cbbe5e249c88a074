"""the ticket tree's counts from the indexes alone

- ix_tickets_open also carries status, current_handler_id, dispatch_target_id and ticket_type:
  "my pending" is an OR over them, which the planner now decides from the index entries of the
  open tickets instead of reading every open ticket's row (SQLite: 130 ms -> 15 ms for a handler
  on 1 M tickets).
- ix_ticket_history_actor also carries the action: the "my processed" count reads the distinct
  tickets of my non-registration steps from the index alone.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OPEN = sa.text("status_category <> 'closed'")
OPEN_COLUMNS = ['company_id', 'registered_at', 'id', 'status', 'current_handler_id', 'dispatch_target_id',
                'ticket_type']


def _refresh_sqlite_statistics() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("PRAGMA analysis_limit = 0")  # see 0002: sampled statistics misled the planner
        op.execute("ANALYZE tickets")
        op.execute("ANALYZE ticket_history")


def upgrade() -> None:
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_tickets_open')
        batch_op.create_index('ix_tickets_open', OPEN_COLUMNS, unique=False, postgresql_where=OPEN, sqlite_where=OPEN)
    with op.batch_alter_table('ticket_history', schema=None) as batch_op:
        batch_op.drop_index('ix_ticket_history_actor')
        batch_op.create_index('ix_ticket_history_actor', ['actor_id', 'ticket_id', 'action'], unique=False)
    _refresh_sqlite_statistics()


def downgrade() -> None:
    with op.batch_alter_table('ticket_history', schema=None) as batch_op:
        batch_op.drop_index('ix_ticket_history_actor')
        batch_op.create_index('ix_ticket_history_actor', ['actor_id', 'ticket_id'], unique=False)
    with op.batch_alter_table('tickets', schema=None) as batch_op:
        batch_op.drop_index('ix_tickets_open')
        batch_op.create_index('ix_tickets_open', ['company_id', 'registered_at', 'id'], unique=False,
                              postgresql_where=OPEN, sqlite_where=OPEN)
    _refresh_sqlite_statistics()
