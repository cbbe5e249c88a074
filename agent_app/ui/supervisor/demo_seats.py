"""Seats in every state for the seat-board screenshots, tests and benchmark: made through the
services (users with agent IDs in a group, then `seats.change_state`), like real desktops would."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from agent_app.services.actor import Actor
from agent_app.services.actors import load_actor
from agent_app.services.calls import CallInput
from agent_app.services.models import Group, GroupMember, User
from agent_app.services.passwords import hash_password
from agent_app.services.users import NewUser, add_user

NAMES = ("王芳", "刘强", "陈静", "杨洋", "赵磊", "黄敏", "周杰", "吴婷", "徐明", "孙丽", "马超", "朱琳")
# (state, reason, registration, call number, direction)
SCENES = (
    ("ready", None, "registered", None, None),
    ("on_call", None, "registered", "13800138000", "in"),
    ("not_ready", "小休", "registered", None, None),
    ("ringing", None, "registered", "02083331234", "in"),
    ("after_call_work", None, "registered", None, None),
    ("on_call", None, "registered", "13922224444", "out"),
    ("logged_out", None, "unregistered", None, None),
    ("ready", None, "registered", None, None),
    ("not_ready", "会议", "registered", None, None),
    ("dialing", None, "registered", "13711112222", "out"),
    ("ready", None, "retrying", None, None),
    ("on_call", None, "registered", "075586661234", "in"),
)


def add_seats(services, company_id: int, count: int, *, groups: tuple[str, ...] = ("热线一组", "热线二组"),
              first_agent_no: int = 3001) -> list[Actor]:  # noqa: ANN001 - a Services
    """`count` agents with agent IDs and extensions, spread over `groups` (created when missing)."""
    password_hash = hash_password("Demo@2026")
    with services.uow() as uow:
        s = uow.session
        group_ids = []
        for name in groups:
            group = s.scalars(select(Group).where(Group.company_id == company_id, Group.name == name)).first()
            if group is None:
                group = Group(company_id=company_id, name=name)
                s.add(group)
                s.flush()
            group_ids.append(group.id)
        users: list[User] = []
        for index in range(count):
            number = first_agent_no + index
            name = NAMES[index % len(NAMES)] + ("" if index < len(NAMES) else str(index // len(NAMES)))
            users.append(add_user(s, company_id, NewUser(
                account=f"seat{company_id}_{number}", name=name, password="", password_hash=password_hash,
                roles=["agent"], agent_no=str(number), extension=str(8100 + number % 1000))))
        s.flush()
        s.add_all(GroupMember(group_id=group_ids[index % len(group_ids)], user_id=user.id)
                  for index, user in enumerate(users))
        uow.commit()
        return [load_actor(s, user) for user in users]


def stage(services, actors: list[Actor], *, answered: bool = True) -> None:  # noqa: ANN001
    """Put each seat in the next scene (state, reason, registration, call) and give some of them
    answered calls today, the way their desktops would report it."""
    now = services.clock()
    for index, actor in enumerate(actors):
        state, reason, registration, number, direction = SCENES[index % len(SCENES)]
        services.seats.change_registration(actor, registration)
        services.seats.change_state(actor, state, reason, at=now - timedelta(seconds=37 * index + 5),
                                    call_number=number, call_direction=direction)
        for call in range(index % 4 if answered else 0):
            ring = now - timedelta(minutes=30 + 10 * call)
            services.calls.record(actor, CallInput("in", "13800000000", "95598", ring_at=ring,
                                                   answer_at=ring + timedelta(seconds=5),
                                                   end_at=ring + timedelta(minutes=3), hangup_by="remote"))
