"""Headset audio for the softphone: pjsua2's conference bridge ↔ the system's audio devices.

The PyPI pjsua2 build has no sound devices, so `DeviceAudioBridge` adds two conference ports
(microphone, speaker) and moves their audio to and from real devices; `list_devices()` offers the
choices for the settings dialog; `prefer_narrowband_codecs()` fixes pjsua2's codec order.

Why QtMultimedia (QAudioSource/QAudioSink) and not PortAudio through `sounddevice`
(measured on Debian 12 with PulseAudio 16.1 null sinks, 16 kHz mono, November 2026):

* Device choice. Through PortAudio on Linux every PulseAudio device hides behind ALSA's "pulse"
  and "default" PCMs: `sounddevice` listed only those two, so a headset could only be chosen by
  setting the process-wide PULSE_SINK / PULSE_SOURCE variables before opening a stream. Qt lists
  each PulseAudio sink/source (and WASAPI endpoint on Windows) with the name the user knows and
  opens it directly. Agents pick headset and ringer separately, so this decided it.
* Robustness. A PortAudio duplex stream through the ALSA pulse plugin failed after 20 ms
  (poll error, repeated "underrun occurred"); separate input and output streams worked. Qt's
  push-mode streams ran without underruns. (Both were slow to start on an idle null sink, which
  runs at 2 s latency: a property of the test sink, not of either library.)
* Latency. Loopback (write to a null sink → read its remapped monitor): PortAudio 62 ms;
  Qt 72 to 83 ms with 20 ms device buffers (90 to 100 ms with 40 ms). Qt costs about 15 ms more,
  which is acceptable for a phone call.
* Dependencies. QtMultimedia is in PySide6-Addons, which the desktop installs anyway (QtCharts);
  `sounddevice` and the libportaudio2 system package are not needed for audio.

Qt Multimedia needs the desktop's QApplication to exist before devices are listed or opened.
"""

from agent_app.telephony.audio.bridge import DeviceAudioBridge
from agent_app.telephony.audio.codecs import prefer_narrowband_codecs
from agent_app.telephony.audio.devices import AudioDevice, AudioDeviceNotFound, list_devices

__all__ = [
    "AudioDevice",
    "AudioDeviceNotFound",
    "DeviceAudioBridge",
    "list_devices",
    "prefer_narrowband_codecs",
]
