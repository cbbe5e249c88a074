"""The release pipeline on Linux: frozen bundle, its self-test, NSIS installer, Authenticode signature.

The Windows bundle can only be built on Windows (.github/workflows/windows.yml); here the Linux
bundle proves the spec collects everything, and it also serves as the installer's payload. When
wine64 is installed, a signed installer around a small stand-in payload is also installed,
upgraded and uninstalled silently under Wine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from agent_app import __version__
from agent_app.settings import effective_database_url, load_settings, set_password

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
BUILD = [sys.executable, str(REPO / "installer" / "build.py")]
CHECKS = ("qt", "pjsua2", "database", "keyring", "audio")
WINE = shutil.which("wine64") or next((p for p in ("/usr/lib/wine/wine64",) if os.path.exists(p)), None)

# A keyring backend the frozen program loads through keyring's own config file (keyringrc.cfg):
# CI has no Secret Service, and the bundle must not carry a test backend.
KEYRING_BACKEND = '''
from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    priority = 1
    secrets = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)
'''


def _run(command: list, **kwargs) -> subprocess.CompletedProcess:
    kwargs.setdefault("check", True)
    return subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600, **kwargs)


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("release")


@pytest.fixture(scope="module")
def bundle(out) -> Path:
    _run([*BUILD, "--bundle-only", "--out", out])
    return out / "AgentDesk"


def _frozen_env(tmp: Path, with_keyring: bool) -> dict:
    config_home = tmp / "xdg"
    if with_keyring:
        (config_home / "python_keyring").mkdir(parents=True)
        (tmp / "kr").mkdir()
        (tmp / "kr" / "memkeyring.py").write_text(KEYRING_BACKEND, encoding="utf-8")
        (config_home / "python_keyring" / "keyringrc.cfg").write_text(
            f"[backend]\ndefault-keyring = memkeyring.MemoryKeyring\nkeyring-path = {tmp / 'kr'}\n", encoding="utf-8")
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(config_home),
        "AGENT_APP_HOME": str(tmp / "home"),
        "AGENT_APP_MACHINE_CONFIG": str(tmp / "machine.ini"),
    }


def test_frozen_self_test_passes(bundle, tmp_path):
    result = _run([bundle / "agent-app", "--self-test"], env=_frozen_env(tmp_path, with_keyring=True), check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"ok   {name}" for name in CHECKS] + ["self-test passed"]
    assert f"{bundle}/_internal" in lines[0]  # Qt's translations come from the bundle, not site-packages


def test_frozen_self_test_names_what_failed(bundle, tmp_path):
    result = _run([bundle / "agent-app", "--self-test"], env=_frozen_env(tmp_path, with_keyring=False), check=False)
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "self-test failed: keyring"


def test_frozen_config_command_reads_the_machine_file(bundle, tmp_path):
    env = _frozen_env(tmp_path, with_keyring=True)
    Path(env["AGENT_APP_MACHINE_CONFIG"]).write_text("[sip]\nregistrar = sip:pbx.example.com\n", encoding="utf-8")
    _run([bundle / "agent-app", "config", "set", "sip.user", "8001"], env=env)
    shown = _run([bundle / "agent-app", "config"], env=env).stdout
    assert "sip:pbx.example.com" in shown and "[machine]" in shown and "[user]" in shown
    assert "password: (not set)" in shown


@pytest.fixture(scope="module")
def test_ca(out) -> dict:
    """A throwaway CA and a code-signing certificate it issued (PKCS#12 with a password)."""
    ca = out / "ca"
    ca.mkdir()
    openssl = ["openssl"]
    _run([*openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca / "ca.key", "-out", ca / "ca.crt",
          "-days", "2", "-subj", "/CN=Agent Desk Test CA", "-addext", "basicConstraints=critical,CA:TRUE",
          "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
    _run([*openssl, "req", "-newkey", "rsa:2048", "-nodes", "-keyout", ca / "cs.key", "-out", ca / "cs.csr",
          "-subj", "/CN=Agent Desk Test Signing"])
    (ca / "ext").write_text("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                            "extendedKeyUsage=codeSigning\n", encoding="ascii")
    _run([*openssl, "x509", "-req", "-in", ca / "cs.csr", "-CA", ca / "ca.crt", "-CAkey", ca / "ca.key",
          "-CAcreateserial", "-out", ca / "cs.crt", "-days", "2", "-extfile", ca / "ext"])
    _run([*openssl, "pkcs12", "-export", "-inkey", ca / "cs.key", "-in", ca / "cs.crt", "-certfile", ca / "ca.crt",
          "-out", ca / "cs.pfx", "-passout", "pass:t3st-pw"])
    _run([*openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", ca / "other.key",
          "-out", ca / "other.crt", "-days", "2", "-subj", "/CN=Some Other CA"])
    env = {**os.environ, "AGENTDESK_SIGN_PFX": str(ca / "cs.pfx"), "AGENTDESK_SIGN_PASSWORD": "t3st-pw"}
    env.pop("AGENTDESK_TIMESTAMP_URL", None)  # no time-stamping server here
    return {"ca": ca / "ca.crt", "other_ca": ca / "other.crt", "env": env}


def _verify(exe: Path, ca: Path) -> subprocess.CompletedProcess:
    return _run(["osslsigncode", "verify", "-CAfile", ca, "-in", exe], check=False)


def test_signed_installer_of_the_bundle(bundle, out, test_ca):
    result = _run([*BUILD, "--payload", bundle, "--out", out / "setup", "--fast", "--sign", "sh"], env=test_ca["env"])
    installer = Path(result.stdout.strip().splitlines()[-1])
    assert installer == out / "setup" / f"AgentDesk-{__version__}-Setup.exe"
    assert "warning" not in (result.stdout + result.stderr).lower()
    assert installer.stat().st_size > 50_000_000  # the bundle is inside

    verified = _verify(installer, test_ca["ca"])
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "Signature verification: ok" in verified.stdout
    assert "sha256" in verified.stdout.lower()
    assert _verify(installer, test_ca["other_ca"]).returncode != 0

    tampered = out / "tampered.exe"
    data = bytearray(installer.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    assert _verify(tampered, test_ca["ca"]).returncode != 0


# ----------------------------------------------------------------------------- under Wine

class Wine:
    """A fresh 64-bit Wine prefix; `c` is its C: drive."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all", "WINEDLLOVERRIDES": "mscoree,mshtml="}
        self.c = prefix / "drive_c"
        _run([WINE, "wineboot", "-i"], env=self.env)
        self.wait()

    def run(self, *args, check: bool = True) -> subprocess.CompletedProcess:
        result = _run([WINE, *args], env=self.env, check=check)
        self.wait()  # an uninstaller re-launches itself from %TEMP% and returns at once
        return result

    def wait(self) -> None:
        _run([Path(WINE).with_name("wineserver"), "-w"], env=self.env)

    def uninstall_key(self) -> str:
        key = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\AgentDesk"
        return self.run("reg", "query", key, check=False).stdout

    def local_app_data(self) -> Path:
        return next((self.c / "users").glob("*/AppData/Local"))


def _stand_in_payload(folder: Path, marker: str) -> Path:
    (folder / "_internal").mkdir(parents=True)
    for exe in ("agent-app.exe", "AgentDesk.exe"):
        (folder / exe).write_bytes(b"MZ stand-in " + marker.encode())
    (folder / "_internal" / f"only-in-{marker}.txt").write_text(marker, encoding="ascii")
    return folder


@pytest.fixture(scope="module")
def wine(out) -> Wine:
    if WINE is None:
        pytest.skip("wine64 is not installed (Debian package wine64)")
    return Wine(out / "wine")


@pytest.fixture(scope="module")
def stand_in_installers(out, test_ca) -> dict[str, str]:
    """Signed installers of versions 0.1.0 and 0.2.0 around tiny stand-in payloads."""
    builds = {}
    for version in ("0.1.0", "0.2.0"):
        payload = _stand_in_payload(out / f"payload-{version}", version)
        result = _run([*BUILD, "--payload", payload, "--out", out / version, "--fast", "--sign", "sh",
                       "--version", version], env=test_ca["env"])
        builds[version] = result.stdout.strip().splitlines()[-1]
    return builds


def test_silent_install_upgrade_uninstall_under_wine(wine, stand_in_installers, tmp_path, test_ca, monkeypatch):
    builds = stand_in_installers
    (tmp_path / "site.ini").write_text("[sip]\ndomain = hotline.example\ntransport = udp\n", encoding="utf-8")

    wine.run(builds["0.1.0"], "/S", "/DESKTOP=1",
             "/DBURL=postgresql://agent@db.example.com:6543/agentdesk?sslmode=require",
             "/SIPREGISTRAR=sip:pbx.example.com", "/SIPTRANSPORT=tls",
             "/PROVISION=Z:" + str(tmp_path / "site.ini").replace("/", "\\"),
             "/UPDATEURL=https://updates.example.com/agent desk.json")
    app = wine.c / "Program Files" / "Agent Desk"
    machine_ini = wine.c / "ProgramData" / "AgentDesk" / "agent-desk.ini"
    assert (app / "AgentDesk.exe").is_file() and (app / "_internal" / "only-in-0.1.0.txt").is_file()
    assert (wine.c / "ProgramData/Microsoft/Windows/Start Menu/Programs/Agent Desk.lnk").is_file()
    assert (wine.c / "users/Public/Desktop/Agent Desk.lnk").is_file()
    assert _verify(app / "uninstall.exe", test_ca["ca"]).returncode == 0  # signed by !uninstfinalize
    key = wine.uninstall_key()
    for expected in ("DisplayVersion    REG_SZ    0.1.0", "Publisher", "EstimatedSize",
                     r'UninstallString    REG_SZ    "C:\Program Files\Agent Desk\uninstall.exe"'):
        assert expected in key

    # The machine file the installer wrote is what the program reads: the provisioning file first,
    # then the parameters on top of it.
    monkeypatch.setenv("AGENT_APP_MACHINE_CONFIG", str(machine_ini))
    monkeypatch.setenv("AGENT_APP_HOME", str(tmp_path / "user"))
    settings = load_settings()
    assert {key: settings.get(key) for key in ("sip.domain", "sip.transport", "sip.registrar", "updates.url")} == {
        "sip.domain": "hotline.example", "sip.transport": "tls", "sip.registrar": "sip:pbx.example.com",
        "updates.url": "https://updates.example.com/agent desk.json"}
    set_password("db", "agent", "from-keyring")
    url = make_url(effective_database_url())
    assert (url.username, url.password, url.host, url.port, url.database, url.query["sslmode"]) == (
        "agent", "from-keyring", "db.example.com", 6543, "agentdesk", "require")

    # Upgrade without parameters: new files, the old bundle's files gone, configuration and data kept.
    user_data = wine.local_app_data() / "AgentDesk" / "AgentDesk"
    user_data.mkdir(parents=True)
    (user_data / "agent-desk.sqlite3").write_bytes(b"user data")
    ini_before = machine_ini.read_bytes()
    wine.run(builds["0.2.0"], "/S")
    assert "DisplayVersion    REG_SZ    0.2.0" in wine.uninstall_key()
    assert (app / "_internal" / "only-in-0.2.0.txt").is_file()
    assert not (app / "_internal" / "only-in-0.1.0.txt").exists()
    assert machine_ini.read_bytes() == ini_before
    assert (wine.c / "users/Public/Desktop/Agent Desk.lnk").is_file()

    # Uninstall keeps users' data and the machine configuration unless asked.
    wine.run(app / "uninstall.exe", "/S")
    assert not app.exists()
    assert "DisplayVersion" not in wine.uninstall_key()
    assert not (wine.c / "users/Public/Desktop/Agent Desk.lnk").exists()
    assert (user_data / "agent-desk.sqlite3").is_file() and machine_ini.is_file()

    wine.run(builds["0.2.0"], "/S")
    wine.run(app / "uninstall.exe", "/S", "/PURGE=1")
    assert not (user_data / "agent-desk.sqlite3").exists()
    assert not machine_ini.exists()


def test_bad_silent_parameters_abort_before_installing(wine, stand_in_installers):
    app = wine.c / "Program Files" / "Agent Desk"
    for bad in ("/DBURL=postgresql://agent:secret@db.example.com/agentdesk", "/DBURL=mysql://db/x",
                "/SIPTRANSPORT=sctp", r"/PROVISION=C:\nowhere\site.ini"):
        assert wine.run(stand_in_installers["0.1.0"], "/S", bad, check=False).returncode == 2, bad
        assert not app.exists(), bad
