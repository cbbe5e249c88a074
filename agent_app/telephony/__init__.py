"""The softphone engine: pjsua2 behind a small facade that reports plain event objects.

`SipEngine` (engine.py) is the entry point; `events.py` lists everything it reports;
`qt_adapter.py` turns those events into Qt signals for the UI. Nothing here imports Qt widgets.
"""
