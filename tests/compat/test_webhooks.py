"""Signed webhooks to a real HTTP receiver: signatures, rotation, order, retries and the log."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from unittest.mock import ANY

import pytest
import redis
from flask import Flask
from sqlalchemy import func, select

from moderation.cli_integrations import integrations_group, webhooks_group
from moderation.db import get_db
from moderation.enqueue import pending_tasks
from moderation.scoring import ensure_default_model
from moderation.services import events, webhooks
from moderation.tables import Site
from moderation.tables.integrations import WebhookDelivery
from moderation.tasknames import TaskNames
from tests.builders import auth, comment_payload, create_site
from tests.compat.receiver import Received, receiver
from tests.conftest import REDIS_URL, AppFactory
from tests.processes import running_worker

# The receivers listen on loopback, which webhooks may reach only when the operator allows it.
LOOPBACK = {"WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32"}

ABUSE = "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron."


def add_endpoint(app: Flask, site_id: int, url: str, events_: list[str] | None = None) -> str:
    with app.app_context(), get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        return webhooks.create_endpoint(session, site=site, url=url, events=events_).secret


def emit_one(app: Flask, site_id: int, event_type: str = "comment.moderated") -> list[str]:
    """Emit an event and commit, outside any worker; returns the delivery ids written."""
    with app.app_context(), get_db(app).session() as session:
        events.emit(session, site_id=site_id, event_type=event_type, data={"comment_id": "c1"})
        session.commit()
        return list(
            session.scalars(select(WebhookDelivery.id).order_by(WebhookDelivery.created_at))
        )


def deliveries(app: Flask) -> list[WebhookDelivery]:
    with get_db(app).session() as session:
        return list(session.scalars(select(WebhookDelivery).order_by(WebhookDelivery.created_at)))


def wait_delivered(app: Flask, count: int, timeout: float = 30) -> None:
    """The receiver answers before the worker records the attempt: wait for the rows."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(row.status == "delivered" for row in deliveries(app)) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"fewer than {count} deliveries recorded as delivered")


def envelope(request: Received) -> dict[str, object]:
    body: dict[str, object] = json.loads(request.body)
    return body


def test_a_delivery_is_signed_over_the_raw_body(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app)
    with receiver() as hook:
        secret = add_endpoint(app, site_id, hook.url)
        (delivery_id,) = emit_one(app, site_id)
        with app.app_context(), get_db(app).session() as session:
            attempt = webhooks.attempt_delivery(session, delivery_id=delivery_id)
        assert attempt.outcome == "delivered"
        (request,) = hook.requests
    assert webhooks.verify_signature(
        request.headers["X-Moderation-Signature"], request.body, secret
    )
    assert not webhooks.verify_signature(
        request.headers["X-Moderation-Signature"], request.body + b" ", secret
    )
    body = envelope(request)
    assert set(body) == {"id", "type", "time", "site_id", "data"}
    assert body["type"] == request.headers["X-Moderation-Event"] == "comment.moderated"
    assert body["data"] == {"comment_id": "c1"}
    assert request.headers["X-Moderation-Delivery"] == delivery_id
    assert request.headers["Content-Type"] == "application/json"


def test_during_rotation_both_secrets_sign(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app)
    with receiver() as hook:
        old = add_endpoint(app, site_id, hook.url)
        with get_db(app).session() as session:
            site = session.get(Site, site_id)
            assert site is not None
            (endpoint,) = webhooks.list_endpoints(session, site=site)
            new = webhooks.rotate_secret(session, site=site, endpoint_id=endpoint.id)
        (delivery_id,) = emit_one(app, site_id)
        with app.app_context(), get_db(app).session() as session:
            webhooks.attempt_delivery(session, delivery_id=delivery_id)
            site = session.get(Site, site_id)
            assert site is not None
            webhooks.rotate_secret(
                session, site=site, endpoint_id=endpoint.id, overlap=timedelta(0)
            )
        (request,) = hook.requests
    header = request.headers["X-Moderation-Signature"]
    assert header.count("sha256=") == 2
    assert webhooks.verify_signature(header, request.body, new)
    assert webhooks.verify_signature(header, request.body, old)
    assert not webhooks.verify_signature(header, request.body, "whsec_someone-else")


def test_failures_retry_with_backoff_then_give_up(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app)
    with receiver(script=[503] * webhooks.MAX_ATTEMPTS) as hook:
        add_endpoint(app, site_id, hook.url)
        (delivery_id,) = emit_one(app, site_id)
        waits = []
        with app.app_context(), get_db(app).session() as session:
            for _ in range(webhooks.MAX_ATTEMPTS):
                attempt = webhooks.attempt_delivery(session, delivery_id=delivery_id)
                waits.append(attempt.retry_in)
        assert attempt.outcome == "failed"
        assert len(hook.requests) == webhooks.MAX_ATTEMPTS
        assert len({r.body for r in hook.requests}) == 1  # the same bytes every time
    assert waits[:4] == [1.0, 3.0, 9.0, 27.0]
    (row,) = deliveries(app)
    assert (row.status, row.attempts, row.last_error) == (
        "failed",
        webhooks.MAX_ATTEMPTS,
        "HTTP 503",
    )
    assert webhooks.backoff_seconds(webhooks.MAX_ATTEMPTS) == webhooks.BACKOFF_MAX_SECONDS


def test_an_unreachable_endpoint_is_logged(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, key = create_site(app)
    with receiver() as hook:
        dead_url = hook.url
    add_endpoint(app, site_id, dead_url)
    (delivery_id,) = emit_one(app, site_id)
    with app.app_context(), get_db(app).session() as session:
        assert webhooks.attempt_delivery(session, delivery_id=delivery_id).outcome == "retry"
    log = app.test_client().get("/api/v1/webhooks/deliveries", headers=auth(key)).get_json()
    (item,) = log["items"]
    assert item["status"] == "retrying"
    assert item["attempts"] == 1
    # The log says only that much: it must not work as a port scanner.
    assert item["last_error"] == "connection failed"


def test_nothing_is_recorded_when_the_transaction_rolls_back(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app)
    add_endpoint(app, site_id, "http://127.0.0.1:9/never")
    with app.app_context(), get_db(app).session() as session:
        events.emit(session, site_id=site_id, event_type="comment.decided", data={})
        assert pending_tasks(session) == [(TaskNames.DELIVER_WEBHOOK, (ANY,))]
        session.rollback()
        assert pending_tasks(session) == []
    assert deliveries(app) == []


def test_only_subscribed_events_are_recorded(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app)
    add_endpoint(app, site_id, "http://127.0.0.1:9/a", ["comment.entered_queue"])
    emit_one(app, site_id, "comment.decided")
    assert deliveries(app) == []
    with pytest.raises(ValueError, match="unknown event type"):
        emit_one(app, site_id, "comment.exploded")


def test_the_log_is_per_site_and_shows_no_secrets(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_a, key_a = create_site(app, "a")
    _, key_b = create_site(app, "b")
    secret = add_endpoint(app, site_a, "http://127.0.0.1:9/a")
    emit_one(app, site_a)
    client = app.test_client()
    assert len(client.get("/api/v1/webhooks/deliveries", headers=auth(key_a)).json["items"]) == 1
    assert client.get("/api/v1/webhooks/deliveries", headers=auth(key_b)).json["items"] == []
    listing = client.get("/api/v1/webhooks", headers=auth(key_a))
    assert secret not in listing.get_data(as_text=True)
    assert listing.json["items"][0]["url"] == "http://127.0.0.1:9/a"
    assert client.get("/api/v1/webhooks/deliveries").status_code == 401
    bad = client.get("/api/v1/webhooks/deliveries?status=lost", headers=auth(key_a))
    assert bad.status_code == 422
    assert bad.mimetype == "application/problem+json"


def test_the_cli_manages_webhooks_and_shows_the_log(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(app, "daily")
    runner = app.test_cli_runner()
    added = runner.invoke(webhooks_group, ["add", "daily", "https://hooks.example/x", "--json"])
    assert added.exit_code == 0, added.output
    body = json.loads(added.output)
    assert body["secret"].startswith("whsec_")
    listed = runner.invoke(webhooks_group, ["list", "daily"])
    assert "https://hooks.example/x" in listed.output and body["secret"] not in listed.output
    rotated = runner.invoke(webhooks_group, ["rotate-secret", "daily", str(body["id"]), "--json"])
    assert json.loads(rotated.output)["secret"] != body["secret"]
    emit_one(app, site_id)
    log = runner.invoke(webhooks_group, ["deliveries", "daily", "--json"])
    assert json.loads(log.output)[0]["status"] == "pending"
    delivery_id = json.loads(log.output)[0]["id"]
    with get_db(app).session() as session:
        row = session.get(WebhookDelivery, delivery_id)
        assert row is not None
        row.status, row.attempts = "failed", webhooks.MAX_ATTEMPTS
        session.commit()
    again = runner.invoke(webhooks_group, ["redeliver", "daily"])
    assert again.exit_code == 0 and "1 deliveries queued again" in again.output
    (row,) = deliveries(app)
    assert (row.status, row.attempts) == ("pending", 0)
    missing = runner.invoke(webhooks_group, ["redeliver", "daily", "nope"])
    assert missing.exit_code != 0 and "no delivery nope" in missing.output
    bad = runner.invoke(webhooks_group, ["add", "daily", "ftp://nope"])
    assert bad.exit_code != 0 and "http" in bad.output
    metadata = runner.invoke(webhooks_group, ["add", "daily", "http://169.254.169.254/latest"])
    assert metadata.exit_code != 0 and "may not receive webhooks" in metadata.output
    removed = runner.invoke(webhooks_group, ["remove", "daily", str(body["id"])])
    assert removed.exit_code == 0
    assert deliveries(app) == []
    coral = runner.invoke(integrations_group, ["coral-secret", "daily", "--secret", "s3cret"])
    assert coral.exit_code == 0 and f"/coral/sites/{site_id}/moderation-phase" in coral.output


@pytest.fixture(params=["embedded", pytest.param("redis", marks=pytest.mark.redis)])
def stack_app(request: pytest.FixtureRequest, make_app: AppFactory) -> Iterator[Flask]:
    """SQLite with the embedded broker, or PostgreSQL with Redis."""
    if request.param == "embedded":
        yield make_app("sqlite", **LOOPBACK)
        return
    db = 1 + uuid.uuid4().int % 15
    broker = redis.Redis.from_url(f"{REDIS_URL}/{db}")
    broker.flushdb()
    yield make_app("postgres", BROKER_URL=f"{REDIS_URL}/{db}", **LOOPBACK)
    broker.flushdb()


@pytest.mark.integration
def test_a_real_worker_delivers_in_order_and_retries(stack_app: Flask, tmp_path: Path) -> None:
    """A held comment gives comment.decided then comment.entered_queue; the receiver fails twice."""
    app = stack_app
    ensure_default_model(app)
    site_id, key = create_site(app)
    with receiver(script=[500, 500]) as hook:
        secret = add_endpoint(app, site_id, hook.url)
        with running_worker(dict(app.config), tmp_path / "worker.log"):
            started = time.monotonic()
            response = app.test_client().post(
                "/api/v1/comments?wait=5000",
                json=comment_payload(content=ABUSE, external_id="wp-4711"),
                headers=auth(key),
            )
            assert response.status_code in (200, 202)
            received = hook.wait_for(4, timeout=60)
            elapsed = time.monotonic() - started
            wait_delivered(app, 2)
        comment_id = response.get_json()["id"]

    assert [r.answered for r in received] == [500, 500, 200, 200]
    for request in received:
        assert webhooks.verify_signature(
            request.headers["X-Moderation-Signature"], request.body, secret
        )
    delivered = [envelope(r) for r in received if r.answered == 200]
    assert [e["type"] for e in delivered] == ["comment.decided", "comment.entered_queue"]
    for event in delivered:
        assert event["data"]["comment_id"] == comment_id  # type: ignore[index]
        assert event["data"]["external_id"] == "wp-4711"  # type: ignore[index]
    # The first event failed twice: waits of 1 s and 3 s, and the second was held back behind it.
    assert elapsed >= 4.0
    assert received[0].body == received[1].body == received[2].body

    log = app.test_client().get("/api/v1/webhooks/deliveries", headers=auth(key)).get_json()
    by_type = {item["event_type"]: item for item in log["items"]}
    assert by_type["comment.decided"]["status"] == "delivered"
    assert by_type["comment.decided"]["attempts"] == 3
    assert by_type["comment.decided"]["last_error"] == "HTTP 500"
    assert by_type["comment.entered_queue"]["attempts"] == 1
    with get_db(app).session() as session:
        assert session.scalar(select(func.count()).select_from(WebhookDelivery)) == 2


@pytest.mark.integration
def test_a_hanging_receiver_does_not_delay_scoring(make_app: AppFactory, tmp_path: Path) -> None:
    """With the events queue on its own worker, comments are decided while deliveries hang."""
    app = make_app("sqlite", **LOOPBACK)
    ensure_default_model(app)
    site_id, key = create_site(app)
    config = dict(app.config)
    with receiver(delay=8.0) as hook:
        add_endpoint(app, site_id, hook.url)
        with (
            running_worker(config, tmp_path / "scoring.log", "-Q", "scoring"),
            running_worker(config, tmp_path / "events.log", "-Q", "events"),
        ):
            client = app.test_client()
            statuses = []
            for number in range(3):
                payload = comment_payload(
                    content=f"{ABUSE} ({number})",
                    external_id=f"c{number}",
                    # Different readers: the site's flood control would refuse one reader's burst.
                    author={"id": f"reader-{number}", "name": f"Reader {number}"},
                )
                started = time.monotonic()
                response = client.post(
                    "/api/v1/comments?wait=5000", json=payload, headers=auth(key)
                )
                statuses.append((response.get_json()["status"], time.monotonic() - started))
            hook.wait_for(1, timeout=30)
    assert [status for status, _ in statuses] == ["held", "held", "held"]
    # Three deliveries queued behind an 8 s receiver, and every decision came within the wait.
    assert all(seconds < 5.0 for _, seconds in statuses)


@pytest.mark.integration
def test_the_sweep_sends_deliveries_whose_task_was_lost(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Deliveries committed while nothing could be enqueued go out with the webhook sweep."""
    offline = make_app("sqlite", ENQUEUE=False, **LOOPBACK)
    site_id, _ = create_site(offline)
    with receiver() as hook:
        secret = add_endpoint(offline, site_id, hook.url)
        emit_one(offline, site_id)
        with running_worker(dict(offline.config), tmp_path / "worker.log"):
            with offline.app_context():
                from moderation.enqueue import celery_client
                from moderation.tasknames import QueueNames, TaskNames

                celery_client().send_task(
                    TaskNames.SWEEP_WEBHOOKS, args=[0.0], queue=QueueNames.EVENTS
                )
            (request,) = hook.wait_for(1, timeout=60)
            wait_delivered(offline, 1)
    assert webhooks.verify_signature(
        request.headers["X-Moderation-Signature"], request.body, secret
    )
    (row,) = deliveries(offline)
    assert row.status == "delivered"
