"""The sign-in window.

Signing in opens the database (first time for a URL) and checks the password in a worker through
the ops runner; a wrong password, a locked or disabled account and an unreachable database show
their message in the window, which stays usable. On success `signed_in(Session)` is emitted.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_app.domain.errors import AuthError
from agent_app.services.database import resolve_url
from agent_app.settings import SettingsError
from agent_app.ui import app_settings, i18n
from agent_app.ui.connector import Connector
from agent_app.ui.error_text import error_message
from agent_app.ui.icons import app_icon
from agent_app.ui.ops import QueryOp
from agent_app.ui.session import DatabaseLocation, Session
from agent_app.ui.sign_in import credentials
from agent_app.ui.sign_in.profile import (
    EMBEDDED,
    SHARED,
    ConnectionProfile,
    database_url,
    load_db_password,
    load_profile,
    save_db_password,
    save_profile,
)


class SignInWindow(QWidget):
    signed_in = Signal(object)  # Session

    def __init__(self, connector: Connector, fixed_url: str | None = None, parent: QWidget | None = None) -> None:
        """`fixed_url`: the database given on the command line; the profile choice is then hidden."""
        super().__init__(parent)
        self.setObjectName("signInWindow")
        self.setWindowIcon(app_icon())
        self._connector = connector
        self._fixed_url = fixed_url
        self._busy = False
        self._build()
        self._load_remembered()
        self.retranslate()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        self.logo = QLabel()
        self.logo.setPixmap(app_icon().pixmap(48, 48))
        self.title = QLabel(objectName="signInTitle")
        self.subtitle = QLabel(objectName="signInSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title)
        heading.addWidget(self.subtitle)
        header = QHBoxLayout()
        header.setSpacing(12)
        header.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        header.addLayout(heading, 1)

        self.account = QLineEdit(objectName="account")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(objectName="remember")
        self.connection = QComboBox(objectName="connection")
        self.connection.addItem("", EMBEDDED)
        self.connection.addItem("", SHARED)
        self.fixed_database = QLabel(objectName="fixedDatabase")
        self.fixed_database.setProperty("dataText", True)
        self.language = QComboBox(objectName="language")
        for code, native_name in i18n.LANGUAGES.items():
            self.language.addItem(native_name, code)
        self.language.setProperty("dataText", True)  # each language is named in its own script

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.form.setHorizontalSpacing(12)
        self.form.setVerticalSpacing(10)
        self.account_label = QLabel()
        self.password_label = QLabel()
        self.connection_label = QLabel()
        self.language_label = QLabel()
        self.form.addRow(self.account_label, self.account)
        self.form.addRow(self.password_label, self.password)
        self.form.addRow("", self.remember)
        if self._fixed_url is None:
            self.form.addRow(self.connection_label, self.connection)
        else:
            self.form.addRow(self.connection_label, self.fixed_database)
            self.connection.hide()

        self.db_host = QLineEdit(objectName="dbHost")
        # A line edit, not a spin box: a port is typed, never stepped through.
        self.db_port = QLineEdit(objectName="dbPort")
        self.db_port.setValidator(QIntValidator(1, 65535, self.db_port))
        self.db_name = QLineEdit(objectName="dbName")
        self.db_user = QLineEdit(objectName="dbUser")
        self.db_password = QLineEdit(objectName="dbPassword")
        self.db_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.db_host_label, self.db_port_label, self.db_name_label = QLabel(), QLabel(), QLabel()
        self.db_user_label, self.db_password_label = QLabel(), QLabel()
        self.shared_fields = (self.db_host, self.db_port, self.db_name, self.db_user, self.db_password)
        for label, field in zip((self.db_host_label, self.db_port_label, self.db_name_label,
                                 self.db_user_label, self.db_password_label), self.shared_fields):
            self.form.addRow(label, field)
        self.form.addRow(self.language_label, self.language)

        self.message = QLabel(objectName="signInMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("dataText", True)  # a service message, already in the UI language
        self.message.hide()

        self.sign_in_button = QPushButton(objectName="signInButton")
        self.sign_in_button.setDefault(True)
        self.quit_button = QPushButton(objectName="quitButton")
        self.quit_button.setProperty("flat", True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_in_button)

        card = QWidget(objectName="signInCard")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(32, 28, 32, 24)
        card_layout.setSpacing(18)
        card_layout.addLayout(header)
        card_layout.addLayout(self.form)
        card_layout.addWidget(self.message)
        card_layout.addLayout(buttons)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)

        self.account.returnPressed.connect(self.password.setFocus)
        for field in (self.password, self.db_host, self.db_port, self.db_name, self.db_user, self.db_password):
            field.returnPressed.connect(self.submit)
        self.sign_in_button.clicked.connect(self.submit)
        self.quit_button.clicked.connect(self.close)
        self.connection.currentIndexChanged.connect(self._show_profile_fields)
        self.language.currentIndexChanged.connect(self._change_language)
        self.setFixedWidth(460)

    # -- remembered state ------------------------------------------------------------------
    def _load_remembered(self) -> None:
        account, remember = credentials.last_account()
        self.account.setText(account)
        self.remember.setChecked(remember)
        try:
            profile = load_profile()
        except SettingsError as error:
            profile = ConnectionProfile()
            self.show_message(error_message(error))
        self.connection.setCurrentIndex(max(0, self.connection.findData(profile.mode)))
        self.db_host.setText(profile.host)
        self.db_port.setText(str(profile.port))
        self.db_name.setText(profile.database)
        self.db_user.setText(profile.user)
        self._show_profile_fields()
        if self._fixed_url is not None:
            self.fixed_database.setText(DatabaseLocation.from_url(resolve_url(self._fixed_url)).where)
        if account and remember:
            QueryOp(self, op=lambda: credentials.load_password(account),
                    success=lambda secret: self._prefill(self.password, account, secret)).run_in_background()
        if profile.mode == SHARED:
            QueryOp(self, op=lambda: load_db_password(profile),
                    success=lambda secret: self._prefill(self.db_password, account, secret)).run_in_background()
        (self.password if account else self.account).setFocus()

    def _prefill(self, field: QLineEdit, account: str, secret: str) -> None:
        # The user may have started typing meanwhile: never overwrite what they typed.
        if secret and not field.text() and self.account.text() == account:
            field.setText(secret)

    def _profile(self) -> ConnectionProfile:
        return ConnectionProfile(
            mode=str(self.connection.currentData()),
            host=self.db_host.text().strip(),
            port=int(self.db_port.text() or 5432),
            database=self.db_name.text().strip(),
            user=self.db_user.text().strip(),
        )

    def _show_profile_fields(self) -> None:
        shared = self._fixed_url is None and self.connection.currentData() == SHARED
        for field in self.shared_fields:
            self.form.setRowVisible(field, shared)
        self.adjustSize()

    def _change_language(self) -> None:
        code = i18n.set_language(self.language.currentData())
        app_settings.settings().set_value(app_settings.LANGUAGE_KEY, code)

    # -- signing in ------------------------------------------------------------------------
    def submit(self) -> None:
        if self._busy:
            return
        account = self.account.text().strip()
        password = self.password.text()
        if not account or not password:
            self.show_message(self.tr("Please enter your account and password."))
            (self.password if account else self.account).setFocus()
            return
        remember = self.remember.isChecked()
        profile = self._profile()
        db_password = self.db_password.text()
        fixed_url = self._fixed_url
        connector = self._connector
        if fixed_url is None:
            if profile.mode == SHARED and not profile.host:
                self.show_message(self.tr("Please enter the database server."))
                self.db_host.setFocus()
                return
            try:
                save_profile(profile)
            except SettingsError as error:
                self.show_message(error_message(error))
                return

        def work() -> Session:
            url = fixed_url
            if fixed_url is None:
                if profile.mode == SHARED:
                    save_db_password(profile, db_password)
                url = database_url()
            services = connector.services_for(url)
            actor = services.auth.sign_in(account, password)
            if remember:
                credentials.remember(account, password)
            else:
                credentials.forget(account)
            return Session(services=services, actor=actor, database=DatabaseLocation.from_url(resolve_url(url)))

        self._set_busy(True)
        self.show_message("")
        QueryOp(self, op=work, success=self._succeeded).failure(self._failed).run_in_background()

    def _succeeded(self, session: Session) -> None:
        self._set_busy(False)
        credentials.save_last_account(session.actor.account, self.remember.isChecked())
        if not self.remember.isChecked():
            self.password.clear()
        self.signed_in.emit(session)

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.show_message(error_message(error))
        if isinstance(error, AuthError) and error.code == "bad_credentials":
            self.password.setFocus()
            self.password.selectAll()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.account, self.password, self.remember, self.connection, self.language,
                       self.sign_in_button, *self.shared_fields):
            widget.setEnabled(not busy)
        self.retranslate()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.adjustSize()

    def reset_for_sign_out(self) -> None:
        """Back from a signed-in session: clear the password unless it is remembered."""
        self.show_message("")
        if not self.remember.isChecked():
            self.password.clear()
        self.password.setFocus()

    # -- language --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Agent Desk - Sign in"))
        self.title.setText(self.tr("Agent Desk"))
        self.subtitle.setText(self.tr("Customer service hotline for water and gas"))
        self.account_label.setText(self.tr("Account"))
        self.password_label.setText(self.tr("Password"))
        self.account.setPlaceholderText(self.tr("Your account"))
        self.password.setPlaceholderText(self.tr("Your password"))
        self.remember.setText(self.tr("Remember my password"))
        self.connection_label.setText(self.tr("Database"))
        self.connection.setItemText(0, self.tr("Embedded database"))
        self.connection.setItemText(1, self.tr("Shared database (PostgreSQL)"))
        self.db_host_label.setText(self.tr("Server"))
        self.db_port_label.setText(self.tr("Port"))
        self.db_name_label.setText(self.tr("Database name"))
        self.db_user_label.setText(self.tr("Database user"))
        self.db_password_label.setText(self.tr("Database password"))
        self.language_label.setText(self.tr("Language"))
        self.sign_in_button.setText(self.tr("Signing in…") if self._busy else self.tr("Sign in"))
        self.quit_button.setText(self.tr("Quit"))
        self.language.blockSignals(True)  # the language may have been switched in the main window
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        self.language.blockSignals(False)
