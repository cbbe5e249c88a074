"""The Qt bridge delivers engine events as signals while the Qt event loop runs."""

from __future__ import annotations

import pytest

from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import RegistrationChanged, RegistrationState
from agent_app.telephony.qt_adapter import EngineBridge

from .conftest import Kamailio, agent_account

pytestmark = pytest.mark.telephony


def test_registration_arrives_as_a_signal(qtbot, engine: SipEngine, kamailio: Kamailio) -> None:
    bridge = EngineBridge(engine)
    bridge.start()
    seen: list[object] = []
    bridge.event.connect(seen.append)

    engine.register(agent_account(kamailio))
    qtbot.waitUntil(
        lambda: any(isinstance(e, RegistrationChanged) and e.state is RegistrationState.REGISTERED for e in seen),
        timeout=5000,
    )
    bridge.stop()
