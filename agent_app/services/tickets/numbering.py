"""Ticket numbers people read and say on the phone: `20261122-000123`, per company and day.

The counter row is bumped with one atomic INSERT … ON CONFLICT … RETURNING, so two desktops
registering at the same moment never get the same number.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from agent_app.services.models import TicketCounter

LOCAL_TZ = ZoneInfo("Asia/Shanghai")


def next_ticket_number(session: Session, company_id: int, now: datetime) -> str:
    day = now.astimezone(LOCAL_TZ).strftime("%Y%m%d")
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(TicketCounter)
        .values(company_id=company_id, day=day, last=1)
        .on_conflict_do_update(index_elements=["company_id", "day"], set_={"last": TicketCounter.last + 1})
        .returning(TicketCounter.last)
    )
    last = session.execute(statement).scalar_one()
    return f"{day}-{last:06d}"
