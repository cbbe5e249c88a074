"""Build the Agent Desk bundle and its Windows installer; the same steps locally, in CI and in tests.

    python installer/build.py                         bundle (PyInstaller) + installer (makensis)
    python installer/build.py --sign ps1              … signed with sign.ps1 (Windows) or sign.sh
    python installer/build.py --bundle-only
    python installer/build.py --payload DIR --fast    installer around an existing folder, uncompressed

Outputs go to --out (default build/): `AgentDesk/` (the one-folder bundle) and
`AgentDesk-<version>-Setup.exe`. PyInstaller does not cross-compile: the bundle is for the platform
this runs on, so a real Windows installer is built on Windows (.github/workflows/windows.yml).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
NSIS_FALLBACKS = (Path(r"C:\Program Files (x86)\NSIS\makensis.exe"), Path(r"C:\Program Files\NSIS\makensis.exe"))


def project_version() -> str:
    """agent_app.__version__, read without importing the package (it may not be installed)."""
    text = (ROOT / "agent_app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in agent_app/__init__.py")
    return match.group(1)


def version_quad(version: str) -> str:
    """The four numbers Windows version resources need: 0.10.2rc1 -> 0.10.2.0."""
    numbers = re.match(r"[0-9]+(?:\.[0-9]+)*", version)
    if not numbers:
        raise SystemExit(f"version {version!r} does not start with a number")
    parts = numbers.group(0).split(".")[:4]
    return ".".join(parts + ["0"] * (4 - len(parts)))


def build_bundle(out: Path, work: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(out), "--workpath", str(work), str(HERE / "agent-desk.spec")],
        check=True,
    )
    return out / "AgentDesk"


def find_makensis() -> str:
    found = shutil.which("makensis") or next((str(p) for p in NSIS_FALLBACKS if p.is_file()), None)
    if not found:
        raise SystemExit("makensis not found: install NSIS (Debian: nsis; Windows: choco install nsis)")
    return found


def build_installer(payload: Path, out: Path, version: str, fast: bool, sign: str | None) -> Path:
    """makensis with warnings as errors; returns the installer's path."""
    defines = {
        "VERSION": version,
        "VERSION_QUAD": version_quad(version),
        "SOURCE_DIR": str(payload),
        "OUTPUT_DIR": str(out),
    }
    if fast:
        defines["COMPRESSOR"] = "off"
    if sign:
        defines["SIGN"] = sign
    command = [find_makensis(), "-WX", "-V2", "-INPUTCHARSET", "UTF8"]
    command += [f"-D{name}={value}" for name, value in defines.items()]
    command.append(str(HERE / "agent-desk.nsi"))
    subprocess.run(command, check=True)
    return out / f"AgentDesk-{version}-Setup.exe"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "build", help="output folder (default: build/)")
    parser.add_argument("--work", type=Path, help="PyInstaller's work folder (default: OUT/pyinstaller)")
    parser.add_argument("--bundle-only", action="store_true", help="stop after the PyInstaller bundle")
    parser.add_argument("--payload", type=Path, help="package this folder instead of building the bundle")
    parser.add_argument("--fast", action="store_true", help="no compression instead of solid LZMA (test builds)")
    parser.add_argument("--sign", choices=("sh", "ps1"), help="sign uninstaller and installer (see sign.sh)")
    parser.add_argument("--version", help="installer version (default: agent_app.__version__)")
    args = parser.parse_args(argv)

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    payload = args.payload.resolve() if args.payload else build_bundle(out, (args.work or out / "pyinstaller").resolve())
    if args.bundle_only:
        print(payload)
        return 0
    if args.sign == "sh" and not os.access(HERE / "sign.sh", os.X_OK):
        raise SystemExit("installer/sign.sh is not executable")
    print(build_installer(payload, out, args.version or project_version(), args.fast, args.sign))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
