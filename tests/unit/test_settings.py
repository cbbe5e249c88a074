"""Machine and user configuration files, origins, validation and the database profile."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from agent_app.cli import main
from agent_app.services.database import resolve_url
from agent_app.settings import (
    SettingsError,
    effective_database_url,
    load_settings,
    set_password,
    set_user_value,
    user_config_path,
)


@pytest.fixture()
def machine_ini(tmp_path, monkeypatch, data_home) -> Path:
    """The machine-wide file's path (not created); the user file is in the per-test data_home."""
    path = tmp_path / "machine" / "agent-desk.ini"
    path.parent.mkdir()
    monkeypatch.setenv("AGENT_APP_MACHINE_CONFIG", str(path))
    monkeypatch.delenv("AGENT_APP_DB", raising=False)
    return path


SHARED = """\
[database]
mode = shared
host = db.example.com
port = 6543
user = agent
sslmode = require

[sip]
registrar = sip:pbx.example.com
transport = tls
"""


def test_defaults_without_files(machine_ini):
    settings = load_settings()
    assert settings.get("database.mode") == "embedded"
    assert settings.get("database.port") == "5432"
    assert settings.origin("sip.transport") == "default"
    assert effective_database_url(settings) is None


def test_machine_then_user_layers_with_origins(machine_ini, data_home):
    machine_ini.write_text(SHARED, encoding="utf-8")
    set_user_value("sip.transport", "tcp")
    set_user_value("sip.user", "8001")
    settings = load_settings()
    assert (settings.get("database.host"), settings.origin("database.host")) == ("db.example.com", "machine")
    assert (settings.get("sip.transport"), settings.origin("sip.transport")) == ("tcp", "user")
    assert (settings.get("sip.user"), settings.origin("sip.user")) == ("8001", "user")
    assert (settings.get("sip.domain"), settings.origin("sip.domain")) == ("", "default")
    assert user_config_path() == data_home / "agent-desk.ini"


def test_unset_user_value_falls_back_to_machine(machine_ini):
    machine_ini.write_text(SHARED, encoding="utf-8")
    set_user_value("sip.transport", "udp")
    set_user_value("sip.transport", None)
    assert load_settings().origin("sip.transport") == "machine"


def test_windows_written_file_utf16_with_bom_is_read(machine_ini):
    machine_ini.write_bytes(SHARED.encode("utf-16"))
    assert load_settings().get("sip.registrar") == "sip:pbx.example.com"


def test_percent_signs_are_not_interpolated(machine_ini):
    set_user_value("updates.url", "https://updates.example.com/agent%20desk.json")
    assert load_settings().get("updates.url") == "https://updates.example.com/agent%20desk.json"


def test_invalid_value_in_file_names_file_and_key(machine_ini):
    machine_ini.write_text("[sip]\ntransport = carrier-pigeon\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"agent-desk\.ini.*sip\.transport"):
        load_settings()


def test_unknown_keys_are_ignored_in_files_and_refused_when_set(machine_ini):
    machine_ini.write_text("[future]\nthing = 1\n[database]\nport = 5433\n", encoding="utf-8")
    assert load_settings().get("database.port") == "5433"
    with pytest.raises(SettingsError, match="unknown setting"):
        set_user_value("database.password", "secret")
    for bad_port in ("70000", "", "５４３２"):
        with pytest.raises(SettingsError, match="port"):
            set_user_value("database.port", bad_port)


def test_shared_profile_url_carries_keyring_password(machine_ini):
    machine_ini.write_text(SHARED, encoding="utf-8")
    set_password("db", "agent", "p@ss:w/rd%")
    url = make_url(effective_database_url())
    assert url.drivername == "postgresql+psycopg"
    assert (url.username, url.password, url.host, url.port, url.database) == (
        "agent", "p@ss:w/rd%", "db.example.com", 6543, "agentdesk")
    assert url.query == {"sslmode": "require"}


def test_shared_profile_without_password_has_none(machine_ini):
    machine_ini.write_text(SHARED, encoding="utf-8")
    assert make_url(effective_database_url()).password is None


def test_shared_mode_without_host_is_an_error(machine_ini):
    machine_ini.write_text("[database]\nmode = shared\n", encoding="utf-8")
    with pytest.raises(SettingsError, match="database.host"):
        effective_database_url()


def test_resolve_url_order(machine_ini, monkeypatch):
    machine_ini.write_text(SHARED, encoding="utf-8")
    assert make_url(resolve_url()).host == "db.example.com"
    monkeypatch.setenv("AGENT_APP_DB", "postgresql://other@env.example/x")
    assert resolve_url() == "postgresql+psycopg://other@env.example/x"
    assert resolve_url("sqlite:///explicit.db") == "sqlite:///explicit.db"
    monkeypatch.delenv("AGENT_APP_DB")
    machine_ini.write_text("[database]\nmode = embedded\nhost = ignored\n", encoding="utf-8")
    assert resolve_url().startswith("sqlite:///")


def test_config_command_shows_origins_and_never_a_secret(machine_ini, memory_keyring, capsys):
    machine_ini.write_text(SHARED, encoding="utf-8")
    assert main(["config", "set", "sip.user", "8001"]) == 0
    set_password("db", "agent", "hunter2-secret")
    capsys.readouterr()
    assert main(["config"]) == 0
    out = capsys.readouterr().out
    assert "hunter2-secret" not in out
    lines = {line.split()[0]: line for line in out.splitlines() if not line.startswith("#")}
    assert lines["database.host"].endswith("[machine]")
    assert lines["sip.user"].endswith("[user]")
    assert lines["sip.domain"].endswith("[default]")
    assert "password: (in keyring)" in lines["database.password"]
    assert "password: (not set)" in lines["sip.password"]


def test_config_set_password_reads_stdin(machine_ini, memory_keyring, monkeypatch, capsys):
    machine_ini.write_text(SHARED, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    assert main(["config", "set-password", "db"]) == 0
    assert memory_keyring.get_password("AgentDesk DB", "agent") == "s3cret"
    assert "s3cret" not in capsys.readouterr().out
    assert main(["config", "set-password", "sip"]) == 2  # sip.user is not set
    assert "sip.user" in capsys.readouterr().err


def test_config_set_refuses_bad_values(machine_ini, capsys):
    assert main(["config", "set", "sip.transport", "smoke"]) == 2
    assert "udp, tcp, tls" in capsys.readouterr().err
    assert not user_config_path().exists()
