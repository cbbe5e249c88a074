"""The small form an action opens: its parameters (action_specs), OK and Cancel.

OK performs the action in a worker with `expected_version` = the version the detail showed. A
`ConflictError` (someone changed the ticket meanwhile) closes the form and is handed to the detail,
which says so and reloads; any other refusal is shown in the form, and what was typed stays.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agent_app.domain.errors import ConflictError, NotFound
from agent_app.services.queries import TicketQuery
from agent_app.services.tickets.detail import TicketDetail
from agent_app.services.tickets.numbering import LOCAL_TZ
from agent_app.ui.error_text import error_message
from agent_app.ui.ops import CollectionOp, QueryOp
from agent_app.ui.tickets.action_specs import CLOSE_REPORTS, CONTEXT, Param, file_kinds, params_for
from agent_app.ui.tickets.file_list import FileList, read_uploads
from agent_app.ui.tickets.lookups import Lookups
from agent_app.ui.tickets.text import action_text, attachment_kind_text, status_text
from agent_app.ui.tickets.tree import folders_for


def find_ticket_id(services: Any, actor: Any, number: str) -> int:
    """Worker side: the id of the ticket numbered `number` that this actor can see."""
    number = number.strip()
    for folder in folders_for(actor):
        if folder.startswith("kind:"):
            continue
        page = services.queries.page(actor, TicketQuery(folder=folder, number=number), limit=20)
        for row in page.rows:
            if row.number == number:
                return row.id
    raise NotFound("not_found", what="ticket")


def _local_now(hours: int = 0) -> QDateTime:
    moment = datetime.now(LOCAL_TZ).replace(second=0, microsecond=0) + timedelta(hours=hours)
    return QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)


def _aware(edit: QDateTimeEdit) -> datetime:
    """What the user typed is Shanghai time whatever the machine's zone; the services store UTC."""
    naive = datetime.combine(edit.date().toPython(), edit.time().toPython())
    return naive.replace(tzinfo=LOCAL_TZ)


class ActionForm(QDialog):
    performed = Signal(object)  # the TicketRef after the action
    conflict = Signal(object)  # the ConflictError

    def __init__(self, services: Any, actor: Any, detail: TicketDetail, action: str, lookups: Lookups,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"actionForm_{action}")
        self._services = services
        self._actor = actor
        self._detail = detail
        self.action = action
        self._lookups = lookups
        ticket_type = detail.ticket["ticket_type"]
        self.setWindowTitle(f"{action_text(action)} — {detail.ticket['number']}")
        self.params = params_for(action, ticket_type)
        self.fields: dict[str, QWidget] = {}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for param in self.params:
            field = self._field(param, ticket_type)
            self.fields[param.name] = field
            label = QCoreApplication.translate(CONTEXT, param.label)
            form.addRow(QLabel(f"{label}{' *' if param.required else ''}"), field)
        if action == "close_order":
            needed = "、".join(attachment_kind_text(k) for k in CLOSE_REPORTS.get(ticket_type, ()))
            form.addRow(QLabel(self.tr("Reports needed: %1").replace("%1", needed), objectName="reportsHint"))

        self.error = QLabel(objectName="formError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b;")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(action_text(action))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        heading = QLabel(f"{action_text(action)} · {detail.ticket['number']} · "
                         f"{status_text(ticket_type, detail.ticket['status'])}", objectName="formHeading")
        heading.setStyleSheet("font-weight: bold;")
        heading.setProperty("dataText", True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    # -- fields ------------------------------------------------------------------------------
    def _field(self, param: Param, ticket_type: str) -> QWidget:
        if param.kind == "text":
            edit = QPlainTextEdit(objectName=param.name)
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
            return edit
        if param.kind in ("line", "ticket"):
            edit = QLineEdit(objectName=param.name)
            if param.name == "handler_name":  # left empty, the service records the signed-in user
                edit.setPlaceholderText(self._actor.name)
            return edit
        if param.kind == "int":
            return QSpinBox(objectName=param.name, minimum=param.low, maximum=param.high, value=param.default)
        if param.kind == "datetime":
            edit = QDateTimeEdit(_local_now(param.offset_hours), objectName=param.name, calendarPopup=True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            return edit
        if param.kind == "files":
            files = FileList(file_kinds(self.action, ticket_type))
            files.setObjectName(param.name)
            return files
        combo = QComboBox(objectName=param.name)
        self._fill_choice(combo, param.source or "")
        return combo

    def _fill_choice(self, combo: QComboBox, source: str) -> None:
        """Choices start at "choose…" (no value), so that a required one is never picked silently."""
        if source.startswith("dict:"):
            combo.addItem(self.tr("Choose…"), None)
            for code, name in self._lookups.options(source[5:]):
                combo.addItem(name, code)
            return
        services, actor = self._services, self._actor
        loaders: dict[str, Callable[[], list]] = {
            "targets": lambda: services.catalog.dispatch_targets(actor),
            "engineers": lambda: services.catalog.engineers(actor, self._detail.ticket.get("provider_id") or 0),
        }
        combo.setEnabled(False)
        combo.addItem(self.tr("Loading…"), None)

        def show(items: list) -> None:
            combo.clear()
            combo.addItem(self.tr("Choose…"), None)
            for item in items:
                combo.addItem(item.name, item.id)
            combo.setEnabled(True)

        QueryOp(self, op=loaders[source], success=show).run_in_background()

    def choose(self, name: str, data: object) -> None:
        """Pick the choice whose data is `data` (tests, keyboard users via the combo itself)."""
        combo = self.fields[name]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(data))

    def set_text(self, name: str, text: str) -> None:
        field = self.fields[name]
        if isinstance(field, QPlainTextEdit):
            field.setPlainText(text)
        elif isinstance(field, QLineEdit):
            field.setText(text)

    def values(self) -> dict[str, Any]:
        """What the user entered; empty optional fields are left out."""
        values: dict[str, Any] = {}
        for param in self.params:
            field = self.fields[param.name]
            if isinstance(field, QPlainTextEdit):
                value: Any = field.toPlainText().strip() or None
            elif isinstance(field, QLineEdit):
                value = field.text().strip() or None
            elif isinstance(field, QSpinBox):
                value = field.value()
            elif isinstance(field, QDateTimeEdit):
                value = _aware(field)
            elif isinstance(field, FileList):
                value = field.chosen() or None
            else:
                value = field.currentData() if isinstance(field, QComboBox) else None
            if value is not None:
                values[param.name] = value
        return values

    # -- performing --------------------------------------------------------------------------
    def submit(self) -> None:
        values = self.values()
        missing = [QCoreApplication.translate(CONTEXT, p.label) for p in self.params
                   if p.required and p.name not in values]
        if missing:
            self.error.setText(self.tr("Please fill in: %1").replace("%1", "、".join(missing)))
            self.error.show()
            return
        ticket_fields = [p.name for p in self.params if p.kind == "ticket"]
        services, actor, detail, action = self._services, self._actor, self._detail, self.action

        def work() -> Any:
            params = dict(values)
            for name in ticket_fields:
                if params.get(name):
                    params[name] = find_ticket_id(services, actor, params[name])
            if params.get("attachments"):
                params["attachments"] = read_uploads(params["attachments"])
            return services.tickets.perform(actor, detail.id, action, expected_version=detail.version, **params)

        self.ok.setEnabled(False)
        self.error.hide()
        CollectionOp(self, op=work, changes={"tickets"}, success=self._succeeded).failure(
            self._failed).run_in_background()

    def _succeeded(self, ref: Any) -> None:
        self.performed.emit(ref)
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.ok.setEnabled(True)
        if isinstance(error, ConflictError):
            self.conflict.emit(error)
            self.reject()
            return
        self.error.setText(error_message(error))
        self.error.show()
