"""Registration against a real Kamailio: success, wrong password, registrar restart."""

from __future__ import annotations

import pytest

from agent_app.telephony.config import EngineConfig
from agent_app.telephony.credentials import store_sip_password
from agent_app.telephony.engine import SipEngine
from agent_app.telephony.events import RegistrationChanged, RegistrationState

from .conftest import AGENT, DOMAIN, Kamailio, Recorder, agent_account

pytestmark = pytest.mark.telephony


def states(events: Recorder) -> list[RegistrationState]:
    return [e.state for e in events.of(RegistrationChanged)]


def test_registers_and_unregisters(engine: SipEngine, events: Recorder, kamailio: Kamailio) -> None:
    engine.register(agent_account(kamailio), agent_id="A0042")

    registered = events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)
    assert registered.aor == f"sip:{AGENT}@{DOMAIN}"
    assert registered.code == 200

    engine.unregister()
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.UNREGISTERED)
    assert engine.registration_state is RegistrationState.UNREGISTERED


def test_shutdown_logs_out_first(engine: SipEngine, events: Recorder, kamailio: Kamailio) -> None:
    engine.register(agent_account(kamailio))
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)

    engine.shutdown()

    last = events.of(RegistrationChanged)[-1]
    assert (last.state, last.code) == (RegistrationState.UNREGISTERED, 200)  # the registrar accepted it


@pytest.mark.parametrize("engine_config", [EngineConfig(retry_delays_s=(1, 2, 60))])
def test_wrong_password_fails_once_without_retrying(
    engine: SipEngine, events: Recorder, kamailio: Kamailio
) -> None:
    store_sip_password(AGENT, DOMAIN, "not-the-password")
    engine.register(agent_account(kamailio))

    failed = events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.FAILED)
    assert failed.code in (401, 403)
    # Longer than the first retry delay (1 s): a retrying engine would have sent more by now.
    events.pump(1.5)

    assert RegistrationState.RETRYING not in states(events)
    assert states(events).count(RegistrationState.FAILED) == 1
    # The first REGISTER is challenged, the second carries the wrong credentials: nothing after.
    assert kamailio.requests("REGISTER", AGENT) == 2


def test_missing_password_is_reported(engine: SipEngine, events: Recorder, kamailio: Kamailio, memory_keyring) -> None:
    memory_keyring.secrets.clear()
    engine.register(agent_account(kamailio))

    failed = events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.FAILED)
    assert "keyring" in failed.reason
    assert kamailio.requests("REGISTER", AGENT) == 0


@pytest.mark.parametrize("engine_config", [EngineConfig(retry_delays_s=(1, 2, 60))])
def test_registrar_restart_retries_then_registers_again(
    engine: SipEngine, events: Recorder, kamailio: Kamailio
) -> None:
    engine.register(agent_account(kamailio, transport="tcp"))
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED)
    mark = len(events.events)

    kamailio.stop()
    retrying = events.wait_for(
        RegistrationChanged, lambda e: e.state is RegistrationState.RETRYING, since=mark
    )
    assert retrying.next_attempt_at is not None and retrying.next_attempt_at > retrying.at
    kamailio.start()

    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED, since=mark, timeout=20)
    assert engine.registration_state is RegistrationState.REGISTERED


@pytest.mark.parametrize("engine_config", [EngineConfig(retry_delays_s=(1, 2, 60))])
def test_unreachable_registrar_is_retried_with_growing_delays(
    engine: SipEngine, events: Recorder, kamailio: Kamailio
) -> None:
    kamailio.stop()
    engine.register(agent_account(kamailio, transport="tcp"))

    first = events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.RETRYING)
    second = events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.RETRYING and e is not first)
    delays = [round((e.next_attempt_at - e.at).total_seconds()) for e in (first, second)]  # type: ignore[operator]
    assert delays == [1, 2]
    assert first.code is not None and first.code >= 400

    kamailio.start()
    events.wait_for(RegistrationChanged, lambda e: e.state is RegistrationState.REGISTERED, timeout=10)
