"""``moderation users``: moderator and admin accounts, their sites and their sessions."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import click
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from moderation.db import get_db
from moderation.errors import Problem
from moderation.tables import Site, User

NO_TERMINAL = (
    "no terminal to ask for the password on: give it on standard input with --password-stdin "
    "(printf '%s\\n' \"$PASSWORD\" | moderation users {command} EMAIL ... --password-stdin)"
)
PROMPTS = 3


@click.group("users")
def users_group() -> None:
    """Create, list and manage moderator and admin accounts, their sites and their sessions."""


def _interactive() -> bool:
    return sys.stdin.isatty()


def _read_password(from_stdin: bool, *, command: str, email: str) -> str:
    """The password from standard input, or asked for (twice) on a terminal.

    On a terminal a password the policy refuses is asked for again; without a terminal and
    without ``--password-stdin`` the command fails with one line saying what to do.
    """
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not _interactive():
        raise click.ClickException(NO_TERMINAL.format(command=command))
    from moderation.services.accounts import validate_password

    for attempt in range(PROMPTS):
        password = str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
        try:
            validate_password(password, email=email)
        except Problem as error:
            if attempt == PROMPTS - 1:
                raise click.ClickException(error.detail) from error
            click.echo(f"{error.detail}; try another.", err=True)
        else:
            return password
    raise AssertionError("unreachable")


def _with_user(email: str, act: Callable[[Session, User], str]) -> None:
    """Find the account, run ``act`` in one session and print its line; a Problem is one line."""
    from moderation.services.accounts import find_user

    with get_db().session() as session:
        try:
            click.echo(act(session, find_user(session, email)))
        except Problem as error:
            raise click.ClickException(error.detail) from error


def _sites(session: Session, names: tuple[str, ...]) -> list[Site]:
    from moderation.services.sites import find_site

    return [find_site(session, name) for name in names]


def _names(sites: list[Site]) -> str:
    return ", ".join(site.name for site in sites) or "-"


@users_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["moderator", "admin"]), default="moderator")
@click.option("--site", "sites", multiple=True, help="A site (name or id) to moderate; repeatable.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_create(email: str, role: str, sites: tuple[str, ...], password_stdin: bool) -> None:
    """Create an account; the password is asked for, or read with --password-stdin.

    A moderator needs at least one --site (an admin sees every site). The password must meet
    the policy: at least 10 characters, not a common or leaked password, not easy to guess
    (docs/security.md).
    """
    from moderation.services.accounts import create_user, require_site

    if role == "moderator" and not sites:
        raise click.ClickException(
            "a moderator needs at least one site: add --site NAME (repeatable; "
            "`moderation sites list` shows them), or --role admin for an account that sees "
            "every site"
        )
    with get_db().session() as session:
        try:
            found = _sites(session, sites)
            require_site(role, found)
        except Problem as error:
            raise click.ClickException(error.detail) from error
    password = _read_password(password_stdin, command="create", email=email)
    with get_db().session() as session:
        try:
            found = _sites(session, sites)
            user = create_user(session, email=email, password=password, role=role, sites=found)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        names = "all sites" if role == "admin" else _names(found)
        click.echo(f"created {user.role} {user.email} (id {user.id}); sites: {names}")


def _user_row(session: Session, user: User) -> dict[str, object]:
    from moderation.services.accounts import sites_for

    return {
        "id": user.id,
        "email": user.email,
        "role": user.role,
        "sites": "all" if user.is_admin else [site.name for site in sites_for(session, user)],
        "state": "disabled" if user.disabled_at is not None else "enabled",
        "last_login_at": user.last_login_at.isoformat() if user.last_login_at else None,
    }


@users_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON array of the accounts.")
@with_appcontext
def users_list(as_json: bool) -> None:
    """List accounts with their roles, sites, state (enabled or disabled) and last log-in."""
    from moderation.services.accounts import list_users

    with get_db().session() as session:
        rows = [_user_row(session, user) for user in list_users(session)]
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        sites = row["sites"]
        names = (", ".join(sites) or "-") if isinstance(sites, list) else "all sites"
        last = str(row["last_login_at"] or "never")[:16].replace("T", " ")
        click.echo(
            f"{row['email']:<32} {row['role']:<10} {row['state']:<9} last log-in {last:<16}  "
            f"{names}"
        )


@users_group.command("add-site")
@click.argument("email")
@click.argument("sites", nargs=-1, required=True)
@with_appcontext
def users_add_site(email: str, sites: tuple[str, ...]) -> None:
    """Let a moderator moderate these sites (names or ids) too."""
    from moderation.services.accounts import add_sites, sites_for

    def act(session: Session, user: User) -> str:
        added = add_sites(session, user, _sites(session, sites))
        return f"{user.email}: added {_names(added)}; sites now: {_names(sites_for(session, user))}"

    _with_user(email, act)


@users_group.command("remove-site")
@click.argument("email")
@click.argument("sites", nargs=-1, required=True)
@with_appcontext
def users_remove_site(email: str, sites: tuple[str, ...]) -> None:
    """Stop a moderator moderating these sites; a moderator keeps at least one."""
    from moderation.services.accounts import remove_sites, sites_for

    def act(session: Session, user: User) -> str:
        removed = remove_sites(session, user, _sites(session, sites))
        return (
            f"{user.email}: removed {_names(removed)}; "
            f"sites now: {_names(sites_for(session, user))}"
        )

    _with_user(email, act)


@users_group.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_set_password(email: str, password_stdin: bool) -> None:
    """Give an account a new password (a reset); every session of the account ends."""
    from moderation.services.accounts import find_user, set_password

    with get_db().session() as session:
        try:
            find_user(session, email)
        except Problem as error:
            raise click.ClickException(error.detail) from error
    password = _read_password(password_stdin, command="set-password", email=email)

    def act(session: Session, user: User) -> str:
        ended = set_password(session, user, password)
        return f"new password for {user.email}; {ended} session(s) ended"

    _with_user(email, act)


@users_group.command("disable")
@click.argument("email")
@with_appcontext
def users_disable(email: str) -> None:
    """Stop an account from logging in, and end every session of it now."""
    from moderation.services.accounts import disable_user

    def act(session: Session, user: User) -> str:
        return f"disabled {user.email}; {disable_user(session, user)} session(s) ended"

    _with_user(email, act)


@users_group.command("enable")
@click.argument("email")
@with_appcontext
def users_enable(email: str) -> None:
    """Let a disabled account log in again."""
    from moderation.services.accounts import enable_user

    def act(session: Session, user: User) -> str:
        enable_user(session, user)
        return f"enabled {user.email}"

    _with_user(email, act)


@users_group.command("delete")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@with_appcontext
def users_delete(email: str, yes: bool) -> None:
    """Delete an account and end its sessions; its past actions stay in the history."""
    from moderation.services.accounts import delete_user, find_user

    with get_db().session() as session:
        try:
            find_user(session, email)
        except Problem as error:
            raise click.ClickException(error.detail) from error
    if not yes:
        if not _interactive():
            raise click.ClickException(
                f"no terminal to confirm on: add --yes to delete {email} without asking"
            )
        click.confirm(f"Delete {email}?", abort=True)

    def act(session: Session, user: User) -> str:
        return f"deleted {user.email}; {delete_user(session, user)} session(s) ended"

    _with_user(email, act)


@users_group.command("end-sessions")
@click.argument("email")
@with_appcontext
def users_end_sessions(email: str) -> None:
    """Log an account out everywhere (a lost laptop, a copied cookie)."""
    from moderation.services.accounts import end_all_sessions

    def act(session: Session, user: User) -> str:
        return f"{end_all_sessions(session, user)} session(s) of {user.email} ended"

    _with_user(email, act)
