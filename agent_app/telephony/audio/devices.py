"""The operating system's audio devices, as QtMultimedia sees them.

Names are what the system shows the user (WASAPI endpoint names on Windows, PulseAudio/PipeWire
descriptions on Linux), so the settings dialog can store a name and find the same headset again.
A name matches a device's description first, then its id; `None` means the system default.
Qt Multimedia needs a `QCoreApplication` (the desktop's `QApplication`) before devices are listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtMultimedia import QAudioDevice, QMediaDevices


@dataclass(frozen=True)
class AudioDevice:
    """One device a setting can point at. `id` is stable per machine, `name` is for people."""

    id: str
    name: str
    is_input: bool
    is_output: bool
    is_default: bool


class AudioDeviceNotFound(LookupError):
    """The configured device is not present (unplugged headset, renamed device)."""

    def __init__(self, name: str, kind: str, available: list[str]) -> None:
        self.name = name
        self.kind = kind
        self.available = available
        super().__init__(f"no audio {kind} device named {name!r}; available: {', '.join(available) or 'none'}")


def _require_app() -> None:
    if QCoreApplication.instance() is None:
        raise RuntimeError("Qt Multimedia needs a QApplication/QCoreApplication before audio devices are used")


def _device_id(device: QAudioDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", "replace")


def list_devices() -> list[AudioDevice]:
    """Inputs then outputs; a device that is both (same id) is listed once with both flags."""
    _require_app()
    merged: dict[str, AudioDevice] = {}
    for device in [*QMediaDevices.audioInputs(), *QMediaDevices.audioOutputs()]:
        is_input = device.mode() == QAudioDevice.Mode.Input
        key = _device_id(device)
        seen = merged.get(key)
        merged[key] = AudioDevice(
            id=key,
            name=device.description(),
            is_input=is_input or (seen is not None and seen.is_input),
            is_output=not is_input or (seen is not None and seen.is_output),
            is_default=device.isDefault() or (seen is not None and seen.is_default),
        )
    return list(merged.values())


def find_input(name: str | None) -> QAudioDevice:
    """The microphone called `name` (description or id), or the default input for None."""
    _require_app()
    return _find(name, QMediaDevices.audioInputs(), QMediaDevices.defaultAudioInput(), "input")


def find_output(name: str | None) -> QAudioDevice:
    """The speaker called `name` (description or id), or the default output for None."""
    _require_app()
    return _find(name, QMediaDevices.audioOutputs(), QMediaDevices.defaultAudioOutput(), "output")


def _find(name: str | None, devices: list[QAudioDevice], default: QAudioDevice, kind: str) -> QAudioDevice:
    if name is None:
        if default.isNull():
            raise AudioDeviceNotFound("(system default)", kind, [d.description() for d in devices])
        return default
    for matches in (lambda d: d.description() == name, lambda d: _device_id(d) == name):
        for device in devices:
            if matches(device):
                return device
    raise AudioDeviceNotFound(name, kind, [d.description() for d in devices])
