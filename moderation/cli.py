"""The ``moderation`` command: Flask's CLI group built on the app factory, plus ours."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click
from flask import Flask, current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlalchemy.exc import DBAPIError

from moderation import create_app
from moderation.cli_evaluate import evaluate_command
from moderation.cli_integrations import integrations_group, webhooks_group
from moderation.cli_model_versions import (
    models_group,
    recheck_command,
    score_command,
    train_command,
)
from moderation.cli_users import users_group
from moderation.db import get_db
from moderation.errors import Problem


def _app() -> Flask:
    app = create_app()
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        # Return the pooled connections when the command ends, however it ends.
        ctx.call_on_close(get_db(app).engine.dispose)
    return app


def _no_schema(error: DBAPIError) -> bool:
    """Whether a database error says the tables are not there (SQLite or PostgreSQL)."""
    return "no such table" in str(error.orig) or getattr(error.orig, "sqlstate", "") == "42P01"


class _Group(FlaskGroup):
    """FlaskGroup that turns "the database has no tables yet" into one clear line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DBAPIError as error:
            if not _no_schema(error):
                raise
            raise click.ClickException(
                "the database has no tables yet: run `moderation setup` (or `moderation "
                "migrate`) first"
            ) from error


@click.group(cls=_Group, create_app=_app, add_version_option=False)
def main() -> None:
    """Comment moderation service: sites, models, web server and workers."""


def _fail(error: Problem) -> None:
    raise click.ClickException(error.detail)


# --- database --------------------------------------------------------------------------------


@main.command("migrate")
@with_appcontext
def migrate_command() -> None:
    """Apply database migrations up to the newest."""
    from moderation.migrate import upgrade

    upgrade(current_app.config["DATABASE_URL"])
    click.echo("database is up to date")


@main.command("setup")
@click.option("--demo-site", default=None, help="Create this site unless it exists; print its key.")
@click.option("--demo-url", default="http://localhost", show_default=True)
@with_appcontext
def setup_command(demo_site: str | None, demo_url: str) -> None:
    """Migrate, put the shipped model in place and activate it, optionally create a demo site."""
    from moderation import broker
    from moderation.migrate import upgrade
    from moderation.scoring import ensure_default_model
    from moderation.services.sites import create_site, find_site
    from moderation.tasknames import QueueNames

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    upgrade(app.config["DATABASE_URL"])
    if broker.is_embedded(app.config["BROKER_URL"]):
        # The embedded broker's tables and queues exist before any process of `serve` starts.
        broker.prepare(app.config["BROKER_URL"], QueueNames.all())
    version = ensure_default_model(app)
    click.echo(f"database ready; active model {version}")
    if demo_site:
        with get_db().session() as session:
            try:
                existing = find_site(session, demo_site)
            except Problem:
                existing = None
            if existing is not None:
                click.echo(
                    f"site {existing.name!r} (id {existing.id}) exists; its key was shown when it "
                    f"was created (new key: moderation sites rotate-key {existing.name})"
                )
                return
            issued = create_site(session, name=demo_site, url=demo_url)
            click.echo(f"created site {issued.site.name!r} (id {issued.site.id})")
            click.echo(f"API key (shown once): {issued.api_key}")
            click.echo(f"Akismet key (shown once): {issued.akismet_key}")


# --- sites -----------------------------------------------------------------------------------


@main.group("sites")
def sites_group() -> None:
    """Create and list sites, rotate their API keys."""


@sites_group.command("create")
@click.argument("name")
@click.option("--url", "site_url", default=None, help="The site's address.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def sites_create(name: str, site_url: str | None, as_json: bool) -> None:
    """Create a site and print its id and a new API key, once."""
    from moderation.services.sites import create_site

    with get_db().session() as session:
        try:
            issued = create_site(session, name=name, url=site_url)
        except Problem as error:
            _fail(error)
        site = issued.site
        if as_json:
            body = {
                "id": site.id,
                "name": site.name,
                "url": site.url,
                "api_key": issued.api_key,
                "akismet_key": issued.akismet_key,
            }
            click.echo(json.dumps(body))
        else:
            click.echo(f"site id:      {site.id}")
            click.echo(f"name:         {site.name}")
            click.echo(f"url:          {site.url or '-'}")
            click.echo(f"API key:      {issued.api_key}")
            click.echo(f"Akismet key:  {issued.akismet_key}  (for the WordPress Akismet plugin)")
            click.echo(
                "Store the keys now: they are kept only as hashes and cannot be shown again."
            )


@sites_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def sites_list(as_json: bool) -> None:
    """List sites."""
    from moderation.services.sites import list_sites

    with get_db().session() as session:
        rows = [
            {
                "id": site.id,
                "name": site.name,
                "url": site.url,
                "keys": sum(1 for key in site.keys if key.revoked_at is None),
                "created_at": site.created_at.isoformat(),
            }
            for site in list_sites(session)
        ]
    if as_json:
        click.echo(json.dumps(rows))
        return
    if not rows:
        click.echo("no sites yet: moderation sites create NAME")
        return
    click.echo(f"{'id':>4}  {'name':<24} {'keys':>4}  url")
    for row in rows:
        click.echo(f"{row['id']:>4}  {row['name']:<24} {row['keys']:>4}  {row['url'] or '-'}")


@sites_group.command("rotate-key")
@click.argument("site")
@click.option("--keep-old", is_flag=True, help="Leave the current keys working too.")
@click.option(
    "--akismet", is_flag=True, help="The Akismet key (12 hexadecimal characters) instead."
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def sites_rotate_key(site: str, keep_old: bool, akismet: bool, as_json: bool) -> None:
    """Issue a new key for SITE (name or id); earlier keys of that kind stop working unless
    --keep-old."""
    from moderation.services.sites import KeyKind, find_site, rotate_key

    kind = KeyKind.AKISMET if akismet else KeyKind.API
    field = "akismet_key" if akismet else "api_key"
    with get_db().session() as session:
        try:
            found = find_site(session, site)
        except Problem as error:
            _fail(error)
        key = rotate_key(session, found, keep_old=keep_old, kind=kind)
        if as_json:
            click.echo(json.dumps({"id": found.id, "name": found.name, field: key}))
        else:
            label = "Akismet key" if akismet else "API key"
            click.echo(f"new {label} for {found.name!r} (shown once): {key}")
            if not keep_old:
                click.echo("earlier keys are revoked")


# --- processes -------------------------------------------------------------------------------


@main.command("worker", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--beat", is_flag=True, help="Also run the periodic scheduler in this worker.")
@click.option("--concurrency", "-c", type=int, default=None, help="Worker processes.")
@click.option("--queues", "-Q", default=None, help="Comma-separated queues (default: all of them).")
@click.argument("celery_args", nargs=-1, type=click.UNPROCESSED)
@with_appcontext
def worker_command(
    beat: bool, concurrency: int | None, queues: str | None, celery_args: tuple[str, ...]
) -> None:
    """Run a Celery worker (extra arguments go to ``celery worker``)."""
    from moderation.tasknames import QueueNames
    from worker.celery_app import create_celery

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    celery = create_celery(app)
    argv = [
        "worker",
        "--loglevel",
        app.config["LOG_LEVEL"],
        "-Q",
        queues or ",".join(QueueNames.all()),
    ]
    if concurrency:
        argv += ["--concurrency", str(concurrency)]
    if beat:
        # The scheduler keeps its state under the data folder; without it, beat dies at start
        # and the pending sweep never runs.
        data_dir = Path(app.config["DATA_DIR"])
        data_dir.mkdir(parents=True, exist_ok=True)
        argv += ["--beat", "--schedule", str(data_dir / "celerybeat-schedule")]
    celery.worker_main([*argv, *celery_args])


SHUTDOWN_GRACE_SECONDS = 25.0


def _group_alive(pgid: int) -> bool:
    """Whether a process of group ``pgid`` is still running (zombies awaiting a reaper are not)."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # a member exists but is no longer ours to signal
        return True
    proc = Path("/proc")
    if not proc.is_dir():
        return True
    for stat in proc.glob("[0-9]*/stat"):
        try:
            # "pid (comm) state ppid pgrp ...": comm may hold spaces, so split after ")".
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


def _stop_process_groups(procs: list[subprocess.Popen[Any]], grace: float) -> None:
    """Ask each child to stop, wait up to `grace` seconds for its whole group, then SIGKILL.

    SIGTERM goes to the group leaders only: gunicorn's master and Celery's main process each
    shut their own workers down gracefully, finishing the task in hand. Returns only when no
    process of any group is left, so `serve` never exits leaving a pool process behind.
    """
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        for proc in procs:
            proc.poll()  # reap the group leaders as they exit
        if not any(_group_alive(proc.pid) for proc in procs):
            for proc in procs:
                proc.wait()  # a leader that died since its poll above: reap it
            return
        time.sleep(0.1)
    for proc in procs:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
    for proc in procs:
        proc.wait()
    # SIGKILL cannot be ignored; this only waits for the kernel to finish the job.
    deadline = time.monotonic() + 10
    while any(_group_alive(proc.pid) for proc in procs) and time.monotonic() < deadline:
        time.sleep(0.05)


@main.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option(
    "--port",
    type=int,
    default=lambda: int(os.environ.get("PORT", "8000")),
    help="Port (default: $PORT or 8000).",
)
@click.option("--web-workers", type=int, default=2, show_default=True)
@click.option("--worker-concurrency", type=int, default=1, show_default=True)
@with_appcontext
def serve_command(host: str, port: int, web_workers: int, worker_concurrency: int) -> None:
    """Run the web server (gunicorn) and Celery workers; Ctrl-C stops them all.

    Scoring has a worker of its own (with the scheduler), so a slow webhook receiver or a long
    retraining on the other worker never delays a decision.
    """
    from moderation.tasknames import QueueNames

    procs: list[subprocess.Popen[Any]] = []
    commands = [
        [
            sys.executable,
            "-m",
            "gunicorn",
            # The production settings (gevent worker, bounded reads, keys kept out of the log).
            "--config",
            "python:moderation.server",
            "--bind",
            f"{host}:{port}",
            "--workers",
            str(web_workers),
            "moderation:create_app()",
        ],
        [
            sys.executable,
            "-m",
            "moderation.cli",
            "worker",
            "--beat",
            "-Q",
            QueueNames.SCORING,
            "--concurrency",
            str(worker_concurrency),
            "-n",
            "scoring@%h",
        ],
        [
            sys.executable,
            "-m",
            "moderation.cli",
            "worker",
            "-Q",
            f"{QueueNames.EVENTS},{QueueNames.TRAINING}",
            "--concurrency",
            "1",
            "-n",
            "events@%h",
        ],
    ]
    stopping = False

    def stop(*_args: Any) -> None:
        nonlocal stopping
        stopping = True

    names = ["web server", "scoring worker", "events worker"]
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    for command in commands:
        procs.append(_start_child(command))
    click.echo(f"serving on http://{host}:{port}  (Ctrl-C stops the web server and the workers)")
    gave_up = False
    try:
        gave_up = _supervise(procs, commands, names, lambda: stopping)
    finally:
        _stop_process_groups(procs, grace=SHUTDOWN_GRACE_SECONDS)
    if gave_up:
        raise SystemExit(1)


# A child that exits is started again after 1, 2, 4 ... (at most 30) seconds; one that keeps
# exiting within RESTART_WINDOW_SECONDS of its start, MAX_QUICK_EXITS times in a row, stops serve.
RESTART_WINDOW_SECONDS = 60.0
MAX_QUICK_EXITS = 5


def _start_child(command: list[str]) -> subprocess.Popen[Any]:
    # Each child leads a process group of its own, so stopping it reaches the processes it
    # forks too (gunicorn's workers, Celery's pool), and a straggler can be killed with them.
    return subprocess.Popen(command, process_group=0)  # noqa: S603 (our own modules)


def _supervise(
    procs: list[subprocess.Popen[Any]],
    commands: list[list[str]],
    names: list[str],
    stopping: Any,
) -> bool:
    """Run until ``stopping()``, starting again each child that exits; True when serve gave up.

    A worker that dies (an unrecoverable broker error at start-up, SIGKILL, out of memory) is
    started again with a message, so accepted comments keep being decided; the web server too.
    """
    started = [time.monotonic()] * len(procs)
    quick_exits = [0] * len(procs)
    restart_at: dict[int, float] = {}
    while not stopping():
        now = time.monotonic()
        for index, proc in enumerate(procs):
            if index in restart_at:
                if now >= restart_at[index]:
                    del restart_at[index]
                    procs[index] = _start_child(commands[index])
                    started[index] = now
                continue
            code = proc.poll()
            if code is None:
                continue
            # What the child forked (a pool process) goes with it.
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(proc.pid, signal.SIGKILL)
            quick = now - started[index] < RESTART_WINDOW_SECONDS
            quick_exits[index] = quick_exits[index] + 1 if quick else 1
            if quick_exits[index] >= MAX_QUICK_EXITS:
                click.echo(
                    f"moderation serve: the {names[index]} exited with status {code} "
                    f"{quick_exits[index]} times in a row, each within "
                    f"{RESTART_WINDOW_SECONDS:g} s of starting; stopping everything (its output "
                    "above says why)",
                    err=True,
                )
                return True
            delay = min(2.0 ** (quick_exits[index] - 1), 30.0)
            click.echo(
                f"moderation serve: the {names[index]} exited with status {code}; starting it "
                f"again in {delay:g} s",
                err=True,
            )
            restart_at[index] = now + delay
        time.sleep(0.2)
    return False


# --- accounts --------------------------------------------------------------------------------

main.add_command(users_group)

for _command in (models_group, recheck_command, score_command, train_command):
    main.add_command(_command)
main.add_command(evaluate_command)

# --- integrations ----------------------------------------------------------------------------

main.add_command(webhooks_group)
main.add_command(integrations_group)


if __name__ == "__main__":
    main()
