"""坐席工作台: customer panel, service registration and service history side by side.

`screen_pop(number, extra)` is the one entry point for a call: the phone bar calls it while the
call rings. The number is shown at once; the lookup runs in a worker and fills the customer panel,
the form's caller fields and the history when it returns (a later pop wins over an earlier one).

The page starts as three empty cards; its panels (customer, form, history) are built one event-loop
turn each (`agent_app.ui.turns`), so that no single turn of the GUI thread is long (built and shown
together they were ~40 ms of the sign-in freeze, the form alone ~25 ms). Using a panel earlier (a
screen-pop at once, a test) builds it then.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSplitter, QVBoxLayout, QWidget

from agent_app.domain.errors import ValidationError
from agent_app.services.lookup import CustomerCard, ScreenPop
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import QueryOp, runner
from agent_app.ui.session import Session
from agent_app.ui.turns import later
from agent_app.ui.workbench.customer_panel import CustomerPanel
from agent_app.ui.workbench.dialogs import CustomerDetailDialog, MemoDialog, NoticesDialog
from agent_app.ui.workbench.history_panel import HistoryPanel
from agent_app.ui.workbench.new_customer_dialog import NewCustomerDialog
from agent_app.ui.workbench.reference import Reference, load_reference
from agent_app.ui.workbench.registration_form import RegistrationFormWidget

MY_PENDING_FOLDER = "my_pending"
log = logging.getLogger(__name__)

STYLE = """
#workbenchCard { background: #ffffff; border: 1px solid #d5dce4; border-radius: 6px; }
#workbenchCard QLabel#sectionTitle { font-size: 16px; font-weight: bold; color: #1d4f82; }
#workbenchCard QLabel#callerNumber { font-size: 18px; font-weight: bold; color: #1f2d3d; }
#workbenchCard QLabel#customerState, #workbenchCard QLabel#historyEmpty { color: #5b6b7b; }
#workbenchCard QLabel#lastTicket { font-size: 17px; font-weight: bold; color: #1e7a3c;
    background: #e8f5ec; border: 1px solid #b9e0c5; border-radius: 4px; padding: 4px 10px; }
#workbenchCard QLabel[fieldError="true"] { color: #a3261b; }
#workbenchCard QLabel#formMessage[error="true"] { color: #a3261b; }
#workbenchCard QLabel#relatedLabel { color: #1d4f82; }
#workbenchCard [invalid="true"] { border: 1px solid #a3261b; }
#workbenchCard QPushButton[suggested="true"] { border-color: #2f6fb0; color: #2f6fb0; font-weight: bold; }
"""


def _card() -> QFrame:
    frame = QFrame(objectName="workbenchCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(0, 0, 0, 0)
    return frame


def _history_refresh_failed(error: Exception) -> None:
    """A background refresh: the history already shown stays; a message box here would interrupt the call."""
    log.warning("the service history could not be refreshed: %s", error_message(error))


def _trail_text(trail: Any) -> str | None:
    if not trail:
        return None
    if isinstance(trail, str):
        return trail
    return " → ".join(str(step) for step in trail)


class WorkbenchPage(QWidget):
    open_tickets_requested = Signal(str)  # a folder of the tickets page, e.g. "my_pending"
    open_ticket_requested = Signal(int)  # a ticket id

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workbenchPage")
        self.setStyleSheet(STYLE)
        self.session = session
        self._services = session.services
        self._actor = session.actor
        self._reference = Reference()
        self._reference_ready = False
        self._pop_serial = 0
        self._number: str | None = None  # as the softphone gave it
        self._pop: ScreenPop | None = None  # the last lookup's answer
        self._call_defaults: dict[str, Any] = {}  # what the call implies for the form

        self._customer_panel: CustomerPanel | None = None
        self._form: RegistrationFormWidget | None = None
        self._history: HistoryPanel | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self, objectName="workbenchSplitter")
        self.splitter.setChildrenCollapsible(False)
        self._cards = [_card(), _card(), _card()]  # customer, form, history
        for card, stretch in zip(self._cards, (0, 2, 1)):
            self.splitter.addWidget(card)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([310, 600, 470])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.splitter)
        runner().changed.connect(self._data_changed)
        self._load_reference()
        later(self, self._build_next_panel)

    # -- the panels, one turn each ---------------------------------------------------------
    @property
    def customer_panel(self) -> CustomerPanel:
        return self._customer_panel if self._customer_panel is not None else self._add_customer_panel()

    @property
    def form(self) -> RegistrationFormWidget:
        form = self._form if self._form is not None else self._add_form()
        if not self._form_placed():
            self._place(form, 1)
        return form

    @property
    def history(self) -> HistoryPanel:
        return self._history if self._history is not None else self._add_history()

    def panels_built(self) -> bool:
        """All three panels exist (they come one turn each after the page)."""
        return None not in (self._customer_panel, self._form, self._history) and self._form_placed()

    def _form_placed(self) -> bool:
        return self._form is not None and self._form.parentWidget() is self._cards[1]

    def _build_next_panel(self) -> None:
        """The first panel not built yet, in reading order; the next one in the following turn."""
        if self._customer_panel is None:
            self._add_customer_panel()
        elif self._form is None:
            self._add_form()  # the largest panel: built in this turn, placed and shown in the next
        elif not self._form_placed():
            self._place(self._form, 1)
        elif self._history is None:
            self._add_history()
        if not self.panels_built():
            later(self, self._build_next_panel)

    def _place(self, panel: QWidget, card: int) -> None:
        """Shown in the same turn: its polish and layout belong to this turn's work, not the next."""
        self._cards[card].layout().addWidget(panel)
        panel.show()

    def _add_customer_panel(self) -> CustomerPanel:
        panel = self._customer_panel = CustomerPanel(self)
        panel.customer_chosen.connect(self._customer_chosen)
        panel.new_customer_requested.connect(self.new_customer)
        panel.memo_requested.connect(self.open_memo)
        panel.my_pending_requested.connect(lambda: self.open_tickets_requested.emit(MY_PENDING_FOLDER))
        panel.notices_requested.connect(self.open_notices)
        panel.details_requested.connect(self.open_customer_details)
        if self._reference_ready:
            panel.set_reference(self._reference)
        self._place(panel, 0)
        return panel

    def _add_form(self) -> RegistrationFormWidget:
        form = self._form = RegistrationFormWidget(self._services, self._actor, self)
        if self._reference_ready:
            form.set_reference(self._reference)
        form.restore_draft()
        return form

    def _add_history(self) -> HistoryPanel:
        history = self._history = HistoryPanel(self)
        history.open_ticket_requested.connect(self.open_ticket_requested)
        self._place(history, 2)
        return history

    # -- reference data ---------------------------------------------------------------------
    def _load_reference(self) -> None:
        actor = self._actor
        QueryOp(self, op=lambda: load_reference(self._services, actor), success=self._reference_loaded) \
            .run_in_background()

    def _reference_loaded(self, reference: Reference) -> None:
        self._reference = reference
        self._reference_ready = True
        if self._customer_panel is not None:  # a panel built later gets it then
            self._customer_panel.set_reference(reference)
        if self._form is not None:
            self._form.set_reference(reference)

    # -- the call --------------------------------------------------------------------------
    def screen_pop(self, number: str, extra: dict) -> None:
        """A call from `number` (any common format). `extra` may carry `ivr_trail` (text or list of
        steps), `call_id` (the call record's id) and `call_time` (datetime or ISO text)."""
        self._pop_serial += 1
        serial = self._pop_serial
        self._number = number
        self._pop = None
        call_time = extra.get("call_time")
        self._call_defaults = {
            "source_channel": "hotline", "contact_phone": number, "caller_phone": number,
            "call_id": extra.get("call_id") if isinstance(extra.get("call_id"), int) else None,
            "call_time": call_time.isoformat() if isinstance(call_time, datetime) else (call_time or None),
        }
        if not self._reference.categories:  # the first load failed (database down at start): try again
            self._load_reference()
        self.customer_panel.show_caller(number, _trail_text(extra.get("ivr_trail")))
        self._customer_chosen(None)
        self.history.clear()
        actor = self._actor
        QueryOp(self, op=lambda: self._services.lookup.by_phone(actor, number),
                success=lambda pop: self._popped(serial, pop)) \
            .failure(lambda error: self._pop_failed(serial, error)).run_in_background()

    def attach_call_record(self, call_id: int | None, call_time: datetime) -> None:
        """The current call's record, written while its caller was already shown: a ticket
        registered from now on links to it (the phone calls this only for the current call)."""
        record = {"call_id": call_id, "call_time": call_time.isoformat()}
        self._call_defaults.update(record)
        self.form.add_defaults(record)

    def _popped(self, serial: int, pop: ScreenPop) -> None:
        if serial != self._pop_serial:
            return  # a newer call arrived meanwhile
        self._pop = pop
        self.customer_panel.show_caller(pop.display, self.customer_panel.ivr_trail.text() or None)
        self._call_defaults["contact_phone"] = pop.display
        self.customer_panel.show_customers(pop.customers)
        self.history.show_rows(pop.tickets)

    def _pop_failed(self, serial: int, error: Exception) -> None:
        if serial != self._pop_serial:
            return
        if isinstance(error, ValidationError):  # e.g. "anonymous": not a number to call back or file
            self._call_defaults.update(caller_phone=None, contact_phone="")
            self.customer_panel.show_invalid_number()
            self._customer_chosen(None)
        else:
            self.customer_panel.state_message.setText(error_message(error))
            self.customer_panel.state_message.show()

    def _customer_chosen(self, card: CustomerCard | None) -> None:
        values: dict[str, Any] = dict(self._call_defaults)
        values.update({
            "customer_id": card.id if card else None, "contact_name": card.name if card else "",
            "customer_name": card.name if card else "", "area_id": card.area_id if card else None,
            "meter_no": (card.meter_no or "") if card else "", "address": (card.address or "") if card else "",
        })
        self.form.set_defaults(values)
        if card is not None and self._pop is not None and len(self._pop.customers) > 1:
            self._refresh_history()

    def _data_changed(self, changes: Iterable[str]) -> None:
        if "tickets" in changes and self._number is not None:
            self._refresh_history()

    def _refresh_history(self) -> None:
        """The caller's history again (after a submit, or when one of several customers was chosen)."""
        serial, number, actor = self._pop_serial, self._number, self._actor
        customer = self.customer_panel.current_customer()
        shared = self._pop is not None and len(self._pop.customers) > 1

        def load() -> list:
            if customer is not None and shared:
                return self._services.lookup.history_of_customer(actor, customer.id)
            return self._services.lookup.by_phone(actor, number).tickets

        QueryOp(self, op=load, success=lambda rows: self.history.show_rows(rows) if serial == self._pop_serial
                else None).failure(_history_refresh_failed).run_in_background()

    # -- the customer panel's buttons -------------------------------------------------------
    def new_customer(self) -> None:
        number = self._pop.number if self._pop else (self._number or "")
        kind = self._pop.kind if self._pop else "mobile"
        dialog = NewCustomerDialog(self._services, self._actor, self._reference, number, kind, self)
        dialog.created.connect(lambda _customer_id: self._number and self.screen_pop(
            self._number, {"ivr_trail": self.customer_panel.ivr_trail.text() or None,
                           "call_id": self._call_defaults.get("call_id"),
                           "call_time": self._call_defaults.get("call_time")}))
        dialog.open()

    def open_memo(self) -> None:
        customer = self.customer_panel.current_customer()
        MemoDialog(self._services, self._actor, customer.id if customer else None, self).open()

    def open_notices(self) -> None:
        NoticesDialog(self._services, self._actor, self).open()

    def open_customer_details(self) -> None:
        customer = self.customer_panel.current_customer()
        if customer is not None:
            CustomerDetailDialog(self._services, self._actor, customer.id, self._reference, self).open()
