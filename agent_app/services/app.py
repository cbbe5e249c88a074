"""`Services`: the whole service layer bound to one database; what the desktop and CLI hold."""

from __future__ import annotations

from sqlalchemy import Engine

from agent_app.services.auth import AuthService
from agent_app.services.calls import CallService
from agent_app.services.catalog import CatalogService
from agent_app.services.clock import Clock, system_clock
from agent_app.services.customers import CustomerService
from agent_app.services.database import create_db_engine
from agent_app.services.events.postgres import bus_for
from agent_app.services.lookup import LookupService
from agent_app.services.monitoring import MonitoringService
from agent_app.services.notes import NoteService
from agent_app.services.queries import QueryService
from agent_app.services.reports.home import HomeReport
from agent_app.services.seats import SeatService
from agent_app.services.tickets.service import TicketService
from agent_app.services.uow import UnitOfWorkFactory
from agent_app.services.users import UserService


class Services:
    def __init__(self, engine: Engine, clock: Clock = system_clock) -> None:
        self.engine = engine
        self.uow = UnitOfWorkFactory(engine)
        self.clock = clock
        self.auth = AuthService(self.uow, clock)
        self.users = UserService(self.uow, clock)
        self.events = bus_for(engine)
        self.tickets = TicketService(self.uow, clock, self.events)
        self.lookup = LookupService(self.uow, clock)
        self.queries = QueryService(self.uow, clock)
        self.catalog = CatalogService(self.uow)
        self.customers = CustomerService(self.uow)
        self.calls = CallService(self.uow, clock, self.events)
        self.seats = SeatService(self.uow, clock, self.events)
        self.home = HomeReport(self.uow)
        self.monitoring = MonitoringService(self.uow, clock, self.events)
        self.notes = NoteService(self.uow, clock)

    @classmethod
    def open(cls, url: str | None = None, clock: Clock = system_clock) -> Services:
        """Services on `url` (None: $AGENT_APP_DB, the configured profile, else the embedded file)."""
        return cls(create_db_engine(url), clock)

    def ping(self) -> None:
        """A cheap round trip, for the status bar's connection state; raises when the database is gone."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")

    def close(self) -> None:
        self.events.close()
        self.engine.dispose()
