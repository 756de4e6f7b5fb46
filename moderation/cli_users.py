"""``moderation users``: moderator and admin accounts."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from moderation.db import get_db
from moderation.errors import Problem


@click.group("users")
def users_group() -> None:
    """Create, list and manage moderator and admin accounts and their sessions."""


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))


@users_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["moderator", "admin"]), default="moderator")
@click.option("--site", "sites", multiple=True, help="A site (name or id) to moderate; repeatable.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_create(email: str, role: str, sites: tuple[str, ...], password_stdin: bool) -> None:
    """Create an account; the password is prompted for, or read with --password-stdin.

    The password must meet the policy: at least 10 characters, not a common or leaked
    password, not easy to guess (docs/security.md).
    """
    from moderation.services.accounts import create_user
    from moderation.services.sites import find_site

    password = _read_password(password_stdin)
    with get_db().session() as session:
        try:
            found = [find_site(session, name) for name in sites]
            user = create_user(session, email=email, password=password, role=role, sites=found)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        names = ", ".join(site.name for site in found) or ("all sites" if role == "admin" else "-")
        click.echo(f"created {user.role} {user.email} (id {user.id}); sites: {names}")


@users_group.command("list")
@with_appcontext
def users_list() -> None:
    """List accounts with their roles and sites."""
    from moderation.services.accounts import list_users, sites_for

    with get_db().session() as session:
        for user in list_users(session):
            names = ", ".join(site.name for site in sites_for(session, user)) or "-"
            state = " (disabled)" if user.disabled_at is not None else ""
            click.echo(f"{user.email:<32} {user.role:<10} {names}{state}")


@users_group.command("set-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_set_password(email: str, password_stdin: bool) -> None:
    """Give an account a new password (a reset); every session of the account ends."""
    from moderation.services.accounts import find_user, set_password

    password = _read_password(password_stdin)
    with get_db().session() as session:
        try:
            user = find_user(session, email)
            ended = set_password(session, user, password)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        click.echo(f"new password for {user.email}; {ended} session(s) ended")


@users_group.command("disable")
@click.argument("email")
@with_appcontext
def users_disable(email: str) -> None:
    """Stop an account from logging in, and end every session of it now."""
    from moderation.services.accounts import disable_user, find_user

    with get_db().session() as session:
        try:
            user = find_user(session, email)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        ended = disable_user(session, user)
        click.echo(f"disabled {user.email}; {ended} session(s) ended")


@users_group.command("enable")
@click.argument("email")
@with_appcontext
def users_enable(email: str) -> None:
    """Let a disabled account log in again."""
    from moderation.services.accounts import enable_user, find_user

    with get_db().session() as session:
        try:
            user = find_user(session, email)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        enable_user(session, user)
        click.echo(f"enabled {user.email}")


@users_group.command("end-sessions")
@click.argument("email")
@with_appcontext
def users_end_sessions(email: str) -> None:
    """Log an account out everywhere (a lost laptop, a copied cookie)."""
    from moderation.services.accounts import end_all_sessions, find_user

    with get_db().session() as session:
        try:
            user = find_user(session, email)
        except Problem as error:
            raise click.ClickException(error.detail) from error
        ended = end_all_sessions(session, user)
        click.echo(f"{ended} session(s) of {user.email} ended")
