"""Sign-in: Argon2id passwords, lockout after five failures, every attempt in the audit log."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from agent_app.domain.errors import AuthError
from agent_app.services.models import AuditLog, User
from agent_app.services.demo.org import DEMO_PASSWORD


def _audit(world):
    with world.services.uow() as uow:
        return [(a.account, a.success) for a in uow.session.scalars(select(AuditLog).order_by(AuditLog.id))]


def test_sign_in_gives_the_actor_with_roles_and_permissions(world):
    actor = world.services.auth.sign_in("gz_agent", DEMO_PASSWORD)
    assert actor.name == "李晓燕" and actor.company_name == "广州自来水公司"
    assert actor.roles == {"agent"} and actor.can("menu:workbench") and not actor.can("menu:supervisor")
    assert actor.agent_no == "1001" and actor.extension == "8001"
    with world.services.uow() as uow:
        stored = uow.session.scalar(select(User.password_hash).where(User.account == "gz_agent"))
    assert stored.startswith("$argon2id$") and DEMO_PASSWORD not in stored


def test_wrong_password_and_unknown_account_say_the_same(world):
    for account in ("gz_agent", "nobody"):
        with pytest.raises(AuthError) as refused:
            world.services.auth.sign_in(account, "wrong-password")
        assert refused.value.message("zh_CN") == "账号或密码错误。"
    assert _audit(world) == [("gz_agent", False), ("nobody", False)]


def test_five_failures_lock_the_account_for_fifteen_minutes(world):
    for _ in range(4):
        with pytest.raises(AuthError):
            world.services.auth.sign_in("gz_agent", "nope")
    with pytest.raises(AuthError) as locked:
        world.services.auth.sign_in("gz_agent", "nope")
    assert locked.value.code == "account_locked"
    with pytest.raises(AuthError) as still:
        world.services.auth.sign_in("gz_agent", DEMO_PASSWORD)  # even the right password
    assert still.value.code == "account_locked" and "15 分钟" in still.value.message("zh_CN")
    world.clock.advance(minutes=15, seconds=1)
    assert world.services.auth.sign_in("gz_agent", DEMO_PASSWORD).account == "gz_agent"
    assert _audit(world)[-1] == ("gz_agent", True)


def test_a_disabled_account_cannot_sign_in(world):
    with world.services.uow() as uow:
        uow.session.scalars(select(User).where(User.account == "gz_agent")).one().disabled = True
        uow.commit()
    with pytest.raises(AuthError) as refused:
        world.services.auth.sign_in("gz_agent", DEMO_PASSWORD)
    assert refused.value.code == "account_disabled"
