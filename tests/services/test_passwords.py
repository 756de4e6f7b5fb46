"""The password policy: every path that sets a password refuses common and guessable ones."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from flask import Flask

from moderation.db import get_db
from moderation.errors import BadRequest
from moderation.services import accounts
from moderation.services.passwords import WeakPassword, check_password, common_passwords
from tests.processes import ROOT, env_for
from tests.web.support import PASSWORD

CLI = (sys.executable, "-m", "moderation.cli", "users")


@pytest.mark.parametrize(
    "password",
    [
        "password12",  # the example
        "Password12",
        "pass word12",
        "1234567890",
        "qwertyuiop",
        "iloveyou12",
        "sunshine2024",  # a common word and a year
        "aaaaaaaaaaaa",
        "abcdefghijkl",
        "mod@example.org",  # the account's own address
        "a" * 200,  # long, and a repeat all the same
    ],
)
def test_common_and_guessable_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPassword):
        check_password(password, email="mod@example.org")


@pytest.mark.parametrize(
    "password",
    [
        PASSWORD,
        "wrong password!",
        "Tr0ub4dor&3 gleaming",
        "violet-kettle-harbour-91",
        "öğretmen çınar kışı",
    ],
)
def test_strong_passwords_are_accepted(password: str) -> None:
    check_password(password, email="mod@example.org")


def test_length_still_counts() -> None:
    with pytest.raises(WeakPassword, match="10 to 1024 characters"):
        check_password("x7#Kq!2v")
    with pytest.raises(WeakPassword, match="10 to 1024 characters"):
        check_password("violet kettle " * 80)


def test_the_list_ships_with_the_library_and_needs_no_network(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    common_passwords.cache_clear()

    def no_network(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the password policy tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    listed = common_passwords()
    assert len(listed) >= 30_000
    assert {"password", "password12", "123456", "letmein"} <= listed
    with pytest.raises(WeakPassword, match="common, leaked"):
        check_password("password12")


def test_create_and_set_password_apply_the_policy(app: Flask) -> None:
    with get_db(app).session() as session:
        with pytest.raises(BadRequest, match="common, leaked"):
            accounts.create_user(
                session, email="mod@example.org", password="password12", role="moderator"
            )
        user = accounts.create_user(
            session, email="mod@example.org", password=PASSWORD, role="moderator"
        )
        before = user.password_hash
        with pytest.raises(BadRequest, match="too easy to guess"):
            accounts.set_password(session, user, "sunshine2024")
        assert user.password_hash == before
        accounts.set_password(session, user, "violet-kettle-harbour-91")
        assert accounts.authenticate(
            session, email="mod@example.org", password="violet-kettle-harbour-91"
        )


def _cli(app: Flask, *args: str, password: str) -> subprocess.CompletedProcess[str]:
    config = {name: app.config[name] for name in ("DATA_DIR", "DATABASE_URL", "SECRET_KEY")}
    return subprocess.run(
        [*CLI, *args, "--password-stdin"],
        input=password + "\n",
        capture_output=True,
        text=True,
        env=env_for(config),
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_the_cli_refuses_a_common_password_on_create_and_reset(make_app: object) -> None:
    app: Flask = make_app("sqlite")  # type: ignore[operator]
    refused = _cli(app, "create", "mod@example.org", "--role", "admin", password="password12")
    assert refused.returncode != 0
    assert "common, leaked" in refused.stderr
    created = _cli(app, "create", "mod@example.org", "--role", "admin", password=PASSWORD)
    assert created.returncode == 0, created.stderr
    weak = _cli(app, "set-password", "mod@example.org", password="qwertyuiop12")
    assert weak.returncode != 0
    assert "common, leaked" in weak.stderr
    reset = _cli(app, "set-password", "mod@example.org", password="violet-kettle-harbour-91")
    assert reset.returncode == 0, reset.stderr
    with get_db(app).session() as session:
        assert accounts.authenticate(
            session, email="mod@example.org", password="violet-kettle-harbour-91"
        )
