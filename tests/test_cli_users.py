"""``moderation users``: accounts, their sites, their state and their sessions from the CLI.

Through the real app factory on a real SQLite database; the prompt tests run the installed
``moderation`` command in a real pseudo-terminal, and without one.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from select import select as readable

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import create_engine, func, select

from moderation.cli import main
from moderation.migrate import upgrade
from moderation.services import accounts
from moderation.tables.accounts import UserSession

PASSWORD = "correct horse battery"
MODERATION = Path(sys.executable).with_name("moderation")
POLICY = accounts.SessionPolicy(idle=timedelta(hours=1), lifetime=timedelta(hours=8))


def _env(tmp_path: Path) -> dict[str, str]:
    return {
        "MODERATION_DATA_DIR": str(tmp_path),
        "MODERATION_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite'}",
    }


def invoke(tmp_path: Path, *args: str, stdin: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=_env(tmp_path), input=stdin)


def ok(tmp_path: Path, *args: str, stdin: str | None = None) -> str:
    result = invoke(tmp_path, *args, stdin=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def fails(tmp_path: Path, *args: str, stdin: str | None = None) -> str:
    """The one error line of a command that must fail cleanly (exit 1, no traceback)."""
    result = invoke(tmp_path, *args, stdin=stdin)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    return lines[0]


@pytest.fixture
def cli(tmp_path: Path) -> Path:
    """A migrated database with the sites alpha and beta and an admin."""
    upgrade(f"sqlite:///{tmp_path / 'cli.sqlite'}")
    ok(tmp_path, "sites", "create", "alpha")
    ok(tmp_path, "sites", "create", "beta")
    ok(
        tmp_path,
        "users",
        "create",
        "boss@example.org",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    return tmp_path


def listed(tmp_path: Path) -> dict[str, dict[str, object]]:
    rows = json.loads(ok(tmp_path, "users", "list", "--json"))
    return {row["email"]: row for row in rows}


def sessions_of(tmp_path: Path, email: str, start: int = 0) -> int:
    """Start ``start`` sessions of the account, then count its live session rows."""
    from sqlalchemy.orm import Session

    engine = create_engine(f"sqlite:///{tmp_path / 'cli.sqlite'}")
    try:
        with Session(engine) as session:
            user = accounts.find_user(session, email)
            for _ in range(start):
                accounts.start_session(session, user, policy=POLICY)
            return int(
                session.scalar(
                    select(func.count(UserSession.id)).where(UserSession.user_id == user.id)
                )
                or 0
            )
    except Exception:
        return -1
    finally:
        engine.dispose()


def test_a_moderator_without_a_site_is_refused_with_a_hint(cli: Path) -> None:
    line = fails(cli, "users", "create", "mod@example.org", "--password-stdin", stdin=PASSWORD)
    assert "needs at least one site" in line and "--site" in line and "--role admin" in line
    line = fails(
        cli,
        "users",
        "create",
        "mod@example.org",
        "--site",
        "gamma",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert "no site 'gamma'" in line
    assert "mod@example.org" not in listed(cli)


def test_create_list_add_and_remove_sites(cli: Path) -> None:
    out = ok(
        cli,
        "users",
        "create",
        "Mod@Example.org",
        "--site",
        "alpha",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert "created moderator mod@example.org" in out and "sites: alpha" in out
    row = listed(cli)["mod@example.org"]
    assert row["sites"] == ["alpha"] and row["state"] == "enabled" and row["role"] == "moderator"
    assert listed(cli)["boss@example.org"]["sites"] == "all"

    assert "sites now: alpha, beta" in ok(cli, "users", "add-site", "mod@example.org", "beta")
    # Adding again changes nothing; a site id works as well as a name.
    assert "added -" in ok(cli, "users", "add-site", "mod@example.org", "2")
    assert listed(cli)["mod@example.org"]["sites"] == ["alpha", "beta"]
    assert "sites now: beta" in ok(cli, "users", "remove-site", "mod@example.org", "alpha")

    # The last site stays: a moderator with no site would see nothing.
    line = fails(cli, "users", "remove-site", "mod@example.org", "beta")
    assert "no site left" in line and "disable or delete" in line
    assert listed(cli)["mod@example.org"]["sites"] == ["beta"]
    assert "every site" in fails(cli, "users", "add-site", "boss@example.org", "alpha")
    assert "no user 'nobody@example.org'" in fails(
        cli, "users", "add-site", "nobody@example.org", "alpha"
    )

    text = ok(cli, "users", "list")
    assert "mod@example.org" in text and "enabled" in text and "beta" in text
    assert "all sites" in text and "never" in text


def test_disable_enable_and_delete_end_the_sessions(cli: Path) -> None:
    ok(
        cli,
        "users",
        "create",
        "mod@example.org",
        "--site",
        "alpha",
        "--password-stdin",
        stdin=PASSWORD,
    )
    assert sessions_of(cli, "mod@example.org", start=2) == 2
    assert "2 session(s) ended" in ok(cli, "users", "disable", "mod@example.org")
    assert sessions_of(cli, "mod@example.org") == 0
    assert listed(cli)["mod@example.org"]["state"] == "disabled"
    assert "(disabled)" not in ok(cli, "users", "list")  # the state has its own column
    assert "disabled" in ok(cli, "users", "list")
    ok(cli, "users", "enable", "mod@example.org")
    assert listed(cli)["mod@example.org"]["state"] == "enabled"

    sessions_of(cli, "mod@example.org", start=1)
    # Without a terminal, deleting needs --yes.
    assert "--yes" in fails(cli, "users", "delete", "mod@example.org")
    assert "1 session(s) ended" in ok(cli, "users", "delete", "mod@example.org", "--yes")
    assert "mod@example.org" not in listed(cli)
    assert sessions_of(cli, "mod@example.org") == -1  # no such user any more


def test_the_last_admin_can_be_neither_disabled_nor_deleted(cli: Path) -> None:
    assert "last admin" in fails(cli, "users", "disable", "boss@example.org")
    assert "last admin" in fails(cli, "users", "delete", "boss@example.org", "--yes")
    ok(
        cli,
        "users",
        "create",
        "second@example.org",
        "--role",
        "admin",
        "--password-stdin",
        stdin=PASSWORD,
    )
    ok(cli, "users", "disable", "second@example.org")
    # A disabled admin does not count: boss is still the last one who can log in.
    assert "last admin" in fails(cli, "users", "delete", "boss@example.org", "--yes")
    ok(cli, "users", "enable", "second@example.org")
    ok(cli, "users", "disable", "boss@example.org")
    ok(cli, "users", "delete", "boss@example.org", "--yes")
    assert list(listed(cli)) == ["second@example.org"]


def test_set_password_ends_the_sessions_and_keeps_the_policy(cli: Path) -> None:
    assert sessions_of(cli, "boss@example.org", start=1) == 1
    assert "10 to 1024 characters" in fails(
        cli, "users", "set-password", "boss@example.org", "--password-stdin", stdin="short\n"
    )
    out = ok(
        cli,
        "users",
        "set-password",
        "boss@example.org",
        "--password-stdin",
        stdin="another long passphrase\n",
    )
    assert "1 session(s) ended" in out


def test_without_a_terminal_and_without_password_stdin_one_line_says_what_to_do(
    cli: Path,
) -> None:
    for args in (
        ("users", "create", "mod@example.org", "--site", "alpha"),
        ("users", "set-password", "boss@example.org"),
    ):
        line = fails(cli, *args)
        assert "no terminal" in line and "--password-stdin" in line, line

    # The installed command, stdin not a terminal (a pipe from /dev/null, as in a script).
    done = subprocess.run(
        [str(MODERATION), "users", "create", "mod@example.org", "--site", "alpha"],
        env={**os.environ, **_env(cli)},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "--password-stdin" in done.stderr
    assert "Aborted" not in done.stderr + done.stdout


def _on_terminal(tmp_path: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run ``moderation`` in a real pseudo-terminal, typing each answer after a prompt."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec the installed command with the test's database
        os.execve(MODERATION, [str(MODERATION), *args], {**os.environ, **_env(tmp_path)})  # noqa: S606
    output = b""
    answered_at = 0
    deadline = time.monotonic() + 60
    pending = list(answers)
    try:
        while time.monotonic() < deadline:
            if not readable([fd], [], [], 1)[0]:
                continue
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
            # Answer a prompt once it is shown (the hidden prompt flushes what was typed ahead).
            if pending and output[answered_at:].rstrip().endswith((b":", b"]")):
                os.write(fd, pending.pop(0).encode() + b"\r")
                answered_at = len(output)
        else:
            os.kill(pid, 9)
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_on_a_terminal_the_password_is_asked_for_twice_and_again_when_too_weak(
    cli: Path,
) -> None:
    code, output = _on_terminal(
        cli,
        ["users", "create", "mod@example.org", "--site", "alpha"],
        ["password", "password", PASSWORD, PASSWORD],
    )
    assert code == 0, output
    assert output.count("Password:") == 2 and output.count("Repeat for confirmation:") == 2
    assert "try another" in output and "created moderator mod@example.org" in output
    assert PASSWORD not in output  # hidden input
    assert listed(cli)["mod@example.org"]["sites"] == ["alpha"]

    code, output = _on_terminal(cli, ["users", "delete", "mod@example.org"], ["y"])
    assert code == 0 and "deleted mod@example.org" in output, output
