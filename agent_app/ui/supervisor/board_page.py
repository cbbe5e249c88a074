"""坐席管理: every seat of the supervisor's company, live, with seat management and monitoring.

Live updates: `services.events` delivers seat, call and monitor events on the bus's thread. They
are handed to the GUI thread through a queued signal and coalesced: a burst of events causes one
reload of the board (one round of queries) at most every RELOAD_MS. While the event bus is
disconnected the board says so (and the window's status bar), and it reloads when it is back.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_app.services.seats import SeatRow
from agent_app.telephony.monitor import MonitorMode
from agent_app.ui.ops import CollectionOp, QueryOp
from agent_app.ui.session import Session
from agent_app.ui.supervisor.board_model import ON_CALL, STATE_TEXT, Column, SeatBoardModel, tr
from agent_app.ui.supervisor.monitor_glue import MonitorControl, Monitoring

RELOAD_MS = 200
RETRY_MS = 5000  # after a failed load
TICK_MS = 1000
CELL_PADDING = 12  # px beside a column's widest text, so that the columns do not touch
LIVE_KINDS = ("seat_state", "call_ended", "monitor")
MODE_TEXT = {MonitorMode.LISTEN: QT_TRANSLATE_NOOP("SeatBoard", "Listen"),
             MonitorMode.WHISPER: QT_TRANSLATE_NOOP("SeatBoard", "Whisper"),
             MonitorMode.BARGE: QT_TRANSLATE_NOOP("SeatBoard", "Barge")}
_Index = QModelIndex | QPersistentModelIndex


class _EventInbox(QObject):
    """Lives on the GUI thread; `arrived` emitted from the bus thread is queued to it."""

    arrived = Signal(str, object)  # kind, payload


class GroupFilter(QSortFilterProxyModel):
    """Shows only the seats of one group (None: all). Sorting is the model's own (see
    board_model): the view's sort requests are passed on to it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._group: str | None = None
        self.setDynamicSortFilter(True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    @property
    def group(self) -> str | None:
        return self._group

    def set_group(self, group: str | None) -> None:
        self.beginFilterChange()
        self._group = group
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if self._group is None:
            return True
        model = self.sourceModel()
        assert isinstance(model, SeatBoardModel)
        return self._group in model.row_at(source_row).groups


class SeatBoardPage(QWidget):
    reloaded = Signal()  # tests wait on it

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seatBoardPage")
        self._session = session
        self._services = session.services
        self._actor = session.actor
        self._control: MonitorControl | None = None
        self._loading = False
        self._dirty = False
        self._bus_connected = True
        self._load_failing = False
        self._warning: str | None = None
        self.model = SeatBoardModel(self)
        self.proxy = GroupFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()
        self._inbox = _EventInbox(self)
        self._inbox.arrived.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._reload_timer = QTimer(self, singleShot=True, interval=RELOAD_MS)
        self._reload_timer.timeout.connect(self.reload)
        self._tick_timer = QTimer(self, interval=TICK_MS)
        self._tick_timer.timeout.connect(self._tick)
        self._tick_timer.start()
        inbox = self._inbox
        self._unsubscribe = self._services.events.subscribe(
            self._actor.company_id, lambda event: inbox.arrived.emit(event.kind, event.payload))
        self.destroyed.connect(self._unsubscribe)
        self.retranslate()
        self.reload()

    # ---- layout ----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.group_label = QLabel()
        self.group_combo = QComboBox(objectName="seatGroupFilter")
        self.group_combo.setMinimumContentsLength(8)
        self.group_combo.currentIndexChanged.connect(self._group_chosen)
        self.summary_label = QLabel(objectName="seatSummary")
        top.addWidget(self.group_label)
        top.addWidget(self.group_combo)
        top.addSpacing(16)
        top.addWidget(self.summary_label, 1)
        layout.addLayout(top)

        self.warning_label = QLabel(objectName="seatBoardWarning")
        self.warning_label.setStyleSheet("background:#fdecea;color:#b71c1c;padding:4px;border-radius:3px;")
        self.warning_label.hide()
        layout.addWidget(self.warning_label)

        self.monitor_strip = QFrame(objectName="monitorStrip")
        self.monitor_strip.setStyleSheet("#monitorStrip{background:#e3f2fd;border:1px solid #90caf9;border-radius:3px;}")
        strip = QHBoxLayout(self.monitor_strip)
        strip.setContentsMargins(8, 4, 8, 4)
        self.monitor_label = QLabel(objectName="monitorLabel")
        self.monitor_label.setStyleSheet("font-weight:bold;")
        strip.addWidget(self.monitor_label, 1)
        self.strip_mode_buttons: dict[MonitorMode, QPushButton] = {}
        for mode in MonitorMode:
            button = QPushButton(checkable=True)
            button.clicked.connect(lambda _checked=False, m=mode: self._switch(m))
            self.strip_mode_buttons[mode] = button
            strip.addWidget(button)
        self.stop_button = QPushButton(objectName="monitorStop")
        self.stop_button.clicked.connect(self._stop)
        strip.addWidget(self.stop_button)
        self.monitor_strip.hide()
        layout.addWidget(self.monitor_strip)

        self.table = QTableView(objectName="seatTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.AGENT_NO, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        # sized once, when the first seats arrive (`_size_columns`), then left to the supervisor:
        # ResizeToContents re-measured every cell on each tick and made the board take seconds
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self._sized = False
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.priority_label = QLabel()
        self.priority_spin = QSpinBox(objectName="seatPriority", minimum=1, maximum=9)
        self.priority_button = QPushButton(objectName="seatSetPriority")
        self.priority_button.clicked.connect(self._set_priority)
        self.enable_button = QPushButton(objectName="seatEnable")
        self.enable_button.clicked.connect(self._toggle_enabled)
        for widget in (self.priority_label, self.priority_spin, self.priority_button, self.enable_button):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        self.mode_buttons: dict[MonitorMode, QPushButton] = {}
        for mode in MonitorMode:
            button = QPushButton(objectName=f"seat{mode.value.title()}")
            button.clicked.connect(lambda _checked=False, m=mode: self._monitor(m))
            self.mode_buttons[mode] = button
            bottom.addWidget(button)
        layout.addLayout(bottom)
        self._update_buttons()

    # ---- data ------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the whole board again (one round of queries); a reload asked for while one is
        running happens right after it."""
        if self._loading:
            self._dirty = True
            return
        self._loading, self._dirty = True, False
        services, actor = self._services, self._actor
        QueryOp(self, op=lambda: services.seats.board(actor), success=self._show).failure(
            self._load_failed).run_in_background()

    def _show(self, rows: list[SeatRow]) -> None:
        self._loading = False
        self._load_failing = False
        self._update_warning()
        self.model.tick(datetime.now(timezone.utc))
        self.model.set_rows(rows)
        if not self._sized and rows:
            self._size_columns()
            self._sized = True
        self._refresh_groups()
        self._refresh_summary()
        self._update_buttons()
        self.reloaded.emit()
        if self._dirty:
            self._reload_timer.start()

    def _size_columns(self) -> None:
        """Each column as wide as its header and its widest text. The model's distinct texts are
        measured with the font directly: the view's own measuring asks the delegate and the style
        sheet for every cell, which was a third of opening the board on 200 seats."""
        header = self.table.horizontalHeader()
        metrics = self.table.fontMetrics()
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        for column in Column:
            widest = max((metrics.horizontalAdvance(text) for text in self.model.column_texts(column)), default=0)
            header.resizeSection(column, max(header.sectionSizeHint(column), widest + margin + CELL_PADDING))

    def _load_failed(self, error: Exception) -> None:
        self._loading = False
        self._load_failing = True
        self._update_warning()
        self._reload_timer.start(RETRY_MS)

    def _on_event(self, kind: str, payload: dict[str, Any]) -> None:
        if kind == "bus_state":
            self._bus_connected = bool(payload.get("connected"))
            self._update_warning()
            if self._bus_connected:  # catch up: what changed meanwhile sent no event we heard
                self.reload()
            return
        if kind in LIVE_KINDS and not self._reload_timer.isActive():
            self._reload_timer.start(RELOAD_MS)

    def _update_warning(self) -> None:
        """On the board and in the window's status bar: the live connection is lost (the board may
        be out of date), else the last load failed, else nothing."""
        if not self._bus_connected:
            text = self.tr("Connection to the database lost: seat states may be out of date. Reconnecting…")
        elif self._load_failing:
            text = self.tr("The seat board could not be loaded: the database does not answer.")
        else:
            text = None
        if text == self._warning:
            return
        shown, self._warning = self._warning, text
        self.warning_label.setVisible(text is not None)
        self.warning_label.setText(text or "")
        window = self.window()
        if not isinstance(window, QMainWindow):
            return
        if text:
            window.statusBar().showMessage(text)
        elif window.statusBar().currentMessage() == shown:  # never wipe another page's message
            window.statusBar().clearMessage()

    def _tick(self) -> None:
        self.model.tick(datetime.now(timezone.utc))

    def _refresh_groups(self) -> None:
        current = self.group_combo.currentData()
        groups = self.model.groups()
        if [self.group_combo.itemData(i) for i in range(1, self.group_combo.count())] == groups:
            return
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItem(self.tr("All groups"), None)
        for group in groups:
            self.group_combo.addItem(group, group)
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(current)))
        self.group_combo.blockSignals(False)

    def _group_chosen(self, _index: int) -> None:
        self.proxy.set_group(self.group_combo.currentData())
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        group = self.proxy.group
        rows = [row for row in self.model.rows() if group is None or group in row.groups]
        counts = {state: sum(1 for row in rows if row.state == state) for state in STATE_TEXT}
        parts = [f"{tr(text)} {counts[state]}" for state, text in STATE_TEXT.items() if counts[state]]
        self.summary_label.setText(self.tr("%n seat(s)", "", len(rows)) + ("：" + " · ".join(parts) if parts else ""))

    # ---- selection and actions -------------------------------------------------------------

    def selected(self) -> SeatRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def select_seat(self, user_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if self.model.row_at(self.proxy.mapToSource(index).row()).user_id == user_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        seat = self.selected()
        can_manage = self._actor.can("seat.manage") and seat is not None
        self.priority_spin.setEnabled(can_manage)
        self.priority_button.setEnabled(can_manage)
        self.enable_button.setEnabled(can_manage)
        if seat is not None:
            self.priority_spin.setValue(seat.priority)
        self.enable_button.setText(self.tr("Disable seat") if seat is None or seat.enabled else self.tr("Enable seat"))
        monitorable = (seat is not None and seat.state in ON_CALL and seat.state != "ringing"
                       and seat.user_id != self._actor.user_id and seat.extension is not None)
        for button in self.mode_buttons.values():
            button.setEnabled(bool(monitorable and self._control is not None and self._actor.can("seat.monitor")))
        if self._control is None:
            tip = self.tr("Monitoring needs the softphone to be signed in.")
        elif not monitorable:
            tip = self.tr("Select a seat that is on a call.")
        else:
            tip = ""
        for button in self.mode_buttons.values():
            button.setToolTip(tip)

    def _set_priority(self) -> None:
        self._manage(priority=self.priority_spin.value())

    def _toggle_enabled(self) -> None:
        seat = self.selected()
        if seat is not None:
            self._manage(enabled=not seat.enabled)

    def _manage(self, **change: Any) -> None:
        seat = self.selected()
        if seat is None:
            return
        services, actor = self._services, self._actor
        CollectionOp(self, op=lambda: services.seats.manage_seat(actor, seat.user_id, **change),
                     changes={"seats"}, success=lambda _none: self.reload()).run_in_background()

    # ---- monitoring ------------------------------------------------------------------------

    def set_monitor_control(self, control: MonitorControl | None) -> None:
        """The softphone's monitor control (None while the supervisor's phone is not signed in)."""
        self._control = control
        if control is not None:
            control.changed.connect(self.show_monitoring)
        self._update_buttons()

    def _monitor(self, mode: MonitorMode) -> None:
        seat = self.selected()
        if seat is None or self._control is None or seat.extension is None:
            return
        self._control.start(seat.extension, seat.name, mode)

    def _switch(self, mode: MonitorMode) -> None:
        if self._control is not None:
            self._control.switch(mode)

    def _stop(self) -> None:
        if self._control is not None:
            self._control.stop()

    def show_monitoring(self, monitoring: Monitoring | None) -> None:
        """The strip: whom the supervisor monitors, in which mode, with mode switch and stop."""
        self.monitor_strip.setVisible(monitoring is not None)
        if monitoring is None:
            return
        mode = tr(MODE_TEXT[monitoring.mode])
        text = self.tr("Monitoring %1 (%2)") if monitoring.connected else self.tr("Connecting to %1 (%2)…")
        self.monitor_label.setText(text.replace("%1", monitoring.agent_name).replace("%2", mode))
        for each, button in self.strip_mode_buttons.items():
            button.setChecked(each is monitoring.mode)  # the current mode is shown pressed and inert
            button.setEnabled(monitoring.connected and each is not monitoring.mode)

    # ---- language --------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.group_label.setText(self.tr("Group:"))
        if self.group_combo.count():
            self.group_combo.setItemText(0, self.tr("All groups"))
        self.priority_label.setText(self.tr("Priority:"))
        self.priority_button.setText(self.tr("Set priority"))
        self.stop_button.setText(self.tr("Stop"))
        for mode, button in self.mode_buttons.items():
            button.setText(tr(MODE_TEXT[mode]))
        for mode, button in self.strip_mode_buttons.items():
            button.setText(tr(MODE_TEXT[mode]))
        self.model.refresh_texts()
        self._refresh_summary()
        self._update_buttons()
        self._update_warning()
        if self._control is not None:
            self.show_monitoring(self._control.current)
