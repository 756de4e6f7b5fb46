"""CLI: a site's webhooks (add, list, remove, rotate-secret, deliveries) and integration secrets."""

from __future__ import annotations

import json

import click
from flask.cli import with_appcontext

from moderation.db import get_db
from moderation.errors import Problem
from moderation.services.events import EVENT_TYPES


def _fail(error: Problem) -> click.ClickException:
    return click.ClickException(error.detail)


@click.group("webhooks")
def webhooks_group() -> None:
    """Signed outbound webhooks of a site, and their delivery log."""


@webhooks_group.command("add")
@click.argument("site")
@click.argument("url")
@click.option(
    "--event",
    "events",
    multiple=True,
    type=click.Choice(EVENT_TYPES),
    help="Send only this event type (repeatable; default: every type).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def webhooks_add(site: str, url: str, events: tuple[str, ...], as_json: bool) -> None:
    """Add URL as a webhook of SITE (name or id); print its signing secret, once."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            issued = webhooks.create_endpoint(
                session, site=find_site(session, site), url=url, events=list(events)
            )
        except Problem as error:
            raise _fail(error) from error
        body = webhooks.serialize_endpoint(issued.endpoint) | {"secret": issued.secret}
    if as_json:
        click.echo(json.dumps(body))
        return
    click.echo(f"webhook id: {body['id']}")
    click.echo(f"url:        {body['url']}")
    click.echo(f"events:     {', '.join(body['events'])}")
    click.echo(f"secret:     {issued.secret}")
    click.echo("Store the secret now: it is not shown again (rotate-secret issues a new one).")


@webhooks_group.command("list")
@click.argument("site")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def webhooks_list(site: str, as_json: bool) -> None:
    """List the webhooks of SITE (never their secrets)."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            rows = webhooks.list_endpoints(session, site=find_site(session, site))
        except Problem as error:
            raise _fail(error) from error
        items = [webhooks.serialize_endpoint(row) for row in rows]
    if as_json:
        click.echo(json.dumps(items))
        return
    if not items:
        click.echo("no webhooks: moderation webhooks add SITE URL")
    for item in items:
        rotating = f"  (previous secret valid until {item['rotating_until']})"
        click.echo(
            f"{item['id']:>4}  {item['url']}  [{', '.join(item['events'])}]"
            + (rotating if item["rotating_until"] else "")
        )


@webhooks_group.command("remove")
@click.argument("site")
@click.argument("webhook_id", type=int)
@with_appcontext
def webhooks_remove(site: str, webhook_id: int) -> None:
    """Remove webhook WEBHOOK_ID of SITE, with its delivery log."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            webhooks.remove_endpoint(session, site=find_site(session, site), endpoint_id=webhook_id)
        except Problem as error:
            raise _fail(error) from error
    click.echo(f"removed webhook {webhook_id}")


@webhooks_group.command("rotate-secret")
@click.argument("site")
@click.argument("webhook_id", type=int)
@click.option(
    "--overlap-hours",
    type=float,
    default=24.0,
    show_default=True,
    help="Hours the old secret keeps signing too (0: stop at once).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def webhooks_rotate(site: str, webhook_id: int, overlap_hours: float, as_json: bool) -> None:
    """Issue a new secret for a webhook; requests carry both signatures during the overlap."""
    from datetime import timedelta

    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            secret = webhooks.rotate_secret(
                session,
                site=find_site(session, site),
                endpoint_id=webhook_id,
                overlap=timedelta(hours=max(overlap_hours, 0.0)),
            )
        except Problem as error:
            raise _fail(error) from error
    if as_json:
        click.echo(json.dumps({"id": webhook_id, "secret": secret}))
    else:
        click.echo(f"new secret for webhook {webhook_id} (shown once): {secret}")


@webhooks_group.command("deliveries")
@click.argument("site")
@click.option("--status", default=None, help="pending, retrying, delivered or failed.")
@click.option("--limit", type=click.IntRange(1, 1000), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def webhooks_deliveries(site: str, status: str | None, limit: int, as_json: bool) -> None:
    """The delivery log of SITE, newest first: status, attempts and last error."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            rows = webhooks.list_deliveries(
                session, site=find_site(session, site), status=status, limit=limit
            )
        except Problem as error:
            raise _fail(error) from error
        items = [webhooks.serialize_delivery(row) for row in rows]
    if as_json:
        click.echo(json.dumps(items))
        return
    if not items:
        click.echo("no deliveries yet")
    for item in items:
        last = f"  {item['last_error']}" if item["last_error"] else ""
        click.echo(
            f"{item['created_at'][:19]}  {item['event_type']:<22} {item['status']:<9} "
            f"attempts={item['attempts']}  -> {item['url']}{last}"
        )


@webhooks_group.command("redeliver")
@click.argument("site")
@click.argument("delivery_ids", nargs=-1)
@with_appcontext
def webhooks_redeliver(site: str, delivery_ids: tuple[str, ...]) -> None:
    """Send deliveries of SITE again: the ones named, or every failed one."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            ids = webhooks.redeliver(
                session, site=find_site(session, site), delivery_ids=list(delivery_ids) or None
            )
        except Problem as error:
            raise _fail(error) from error
    click.echo(f"{len(ids)} deliveries queued again")


@click.group("integrations")
def integrations_group() -> None:
    """Secrets of the integrations (Coral's external moderation phase)."""


@integrations_group.command("coral-secret")
@click.argument("site")
@click.option("--secret", default=None, help="Coral's phase signing secret (default: a new one).")
@with_appcontext
def coral_secret_command(site: str, secret: str | None) -> None:
    """Set the secret Coral signs SITE's moderation phase requests with, and print the URL path."""
    from moderation.services import webhooks
    from moderation.services.sites import find_site

    with get_db().session() as session:
        try:
            found = find_site(session, site)
        except Problem as error:
            raise _fail(error) from error
        value = webhooks.set_coral_secret(session, site=found, secret=secret)
        site_id = found.id
    if not secret:
        click.echo(f"secret (shown once; paste it into Coral): {value}")
    else:
        click.echo("secret set")
    click.echo(f"phase URL path: /coral/sites/{site_id}/moderation-phase")
