"""`agent-app config`: the effective configuration, user-level changes and stored passwords.

    agent-app config                      every setting with its origin (machine / user / default)
    agent-app config set KEY VALUE        a user-level override, e.g. `config set sip.user 8001`
    agent-app config unset KEY            drop a user-level override
    agent-app config set-password db|sip  store a password in the keyring (stdin or prompt)

Passwords are never printed: only whether the keyring holds one.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from keyring.errors import KeyringError

from agent_app.settings import (
    SERVICES,
    SettingsError,
    load_settings,
    password_status,
    set_password,
    set_user_value,
)

PASSWORD_USER_KEYS = {"db": "database.user", "sip": "sip.user"}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("config", help="show or change the configuration")
    parser.set_defaults(handler=show)
    actions = parser.add_subparsers(dest="config_action", metavar="ACTION")
    set_parser = actions.add_parser("set", help="set a user-level value")
    set_parser.add_argument("key")
    set_parser.add_argument("value")
    set_parser.set_defaults(handler=set_value)
    unset_parser = actions.add_parser("unset", help="remove a user-level value")
    unset_parser.add_argument("key")
    unset_parser.set_defaults(handler=unset_value)
    password_parser = actions.add_parser("set-password", help="store the db or sip password in the keyring")
    password_parser.add_argument("kind", choices=sorted(SERVICES))
    password_parser.set_defaults(handler=set_password_command)


def _fail(message: str) -> int:
    print(f"agent-app config: {message}", file=sys.stderr)
    return 2


def show(_args: argparse.Namespace) -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        return _fail(str(error))
    machine, user = settings.machine_path, settings.user_path
    print(f"# machine file: {machine}{'' if machine.is_file() else ' (missing)'}")
    print(f"# user file:    {user}{'' if user.is_file() else ' (missing)'}")
    width = max(len(value.key) for value in settings.values())
    for value in settings.values():
        print(f"{value.key:<{width}} = {value.value:<30} [{value.origin}]")
        for kind, user_key in PASSWORD_USER_KEYS.items():
            if value.key == user_key:
                label = user_key.split(".")[0] + ".password"
                print(f"{label:<{width}}   password: {password_status(kind, value.value)}")
    return 0


def set_value(args: argparse.Namespace) -> int:
    try:
        path = set_user_value(args.key, args.value)
    except SettingsError as error:
        return _fail(str(error))
    print(f"{args.key} = {args.value.strip()} (in {path})")
    return 0


def unset_value(args: argparse.Namespace) -> int:
    try:
        path = set_user_value(args.key, None)
    except SettingsError as error:
        return _fail(str(error))
    print(f"{args.key}: user value removed (in {path})")
    return 0


def _read_password() -> str:
    if sys.stdin.isatty():
        return getpass.getpass("Password: ")
    return sys.stdin.readline().rstrip("\r\n")


def set_password_command(args: argparse.Namespace) -> int:
    user_key = PASSWORD_USER_KEYS[args.kind]
    try:
        username = load_settings().get(user_key)
    except SettingsError as error:
        return _fail(str(error))
    if not username:
        return _fail(f"{user_key} is not set; set it first (agent-app config set {user_key} NAME)")
    password = _read_password()
    if not password:
        return _fail("empty password, nothing stored")
    try:
        set_password(args.kind, username, password)
    except KeyringError as error:
        return _fail(f"no usable keyring: {error}")
    print(f"password for {username} stored in keyring service {SERVICES[args.kind]!r}")
    return 0
