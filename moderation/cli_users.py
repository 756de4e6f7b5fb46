"""``moderation users``: moderator and admin accounts."""

from __future__ import annotations

import sys

import click
from flask.cli import with_appcontext

from moderation.db import get_db
from moderation.errors import Problem


@click.group("users")
def users_group() -> None:
    """Create and list moderator and admin accounts."""


@users_group.command("create")
@click.argument("email")
@click.option("--role", type=click.Choice(["moderator", "admin"]), default="moderator")
@click.option("--site", "sites", multiple=True, help="A site (name or id) to moderate; repeatable.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def users_create(email: str, role: str, sites: tuple[str, ...], password_stdin: bool) -> None:
    """Create an account; the password is prompted for, or read with --password-stdin."""
    from moderation.services.accounts import create_user
    from moderation.services.sites import find_site

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
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
            click.echo(f"{user.email:<32} {user.role:<10} {names}")
