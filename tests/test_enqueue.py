"""enqueue_on_commit: tasks reach the broker only when the app's session commits."""

from __future__ import annotations

from typing import Any

from flask import Flask
from kombu.simple import SimpleQueue
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from moderation.db import get_db
from moderation.enqueue import celery_client, enqueue_on_commit, pending_tasks
from moderation.services import events, webhooks
from moderation.tables import Site
from moderation.tasknames import QueueNames, TaskNames
from tests.builders import create_site
from tests.conftest import AppFactory


def queued(app: Flask, queue: str) -> list[dict[str, Any]]:
    """Take every message waiting in ``queue`` on the app's (embedded) broker."""
    messages = []
    with celery_client(app).connection_for_write() as connection:
        simple = SimpleQueue(connection, queue)
        while True:
            try:
                message = simple.get(timeout=0.5)
            except simple.Empty:
                break
            messages.append({"task": message.headers["task"], "args": message.payload[0]})
            message.ack()
        simple.close()
    return messages


def test_a_task_is_sent_when_the_transaction_commits(make_app: AppFactory) -> None:
    app = make_app("sqlite")
    with app.app_context(), get_db(app).session() as session:
        enqueue_on_commit(session, TaskNames.SCORE_COMMENT, "c1")
        assert queued(app, QueueNames.SCORING) == []
        session.commit()
        assert pending_tasks(session) == []
    assert queued(app, QueueNames.SCORING) == [{"task": TaskNames.SCORE_COMMENT, "args": ["c1"]}]


def test_a_rollback_drops_the_task(make_app: AppFactory) -> None:
    app = make_app("sqlite")
    with app.app_context(), get_db(app).session() as session:
        enqueue_on_commit(session, TaskNames.SCORE_COMMENT, "c1")
        session.rollback()
        assert pending_tasks(session) == []
        session.commit()
    assert queued(app, QueueNames.SCORING) == []


def test_the_hooks_belong_to_the_apps_session_factory(make_app: AppFactory) -> None:
    """A session made elsewhere (not by the app's factory) sends nothing when it commits."""
    app = make_app("sqlite")
    other = sessionmaker(get_db(app).engine)()
    with app.app_context():
        enqueue_on_commit(other, TaskNames.SCORE_COMMENT, "c1")
        other.commit()
        other.close()
    assert queued(app, QueueNames.SCORING) == []


def test_a_submitted_comment_is_sent_to_be_scored_after_its_commit(
    make_app: AppFactory,
) -> None:
    from tests.builders import auth, comment_payload

    app = make_app("sqlite")
    _, key = create_site(app)
    response = app.test_client().post("/api/v1/comments", json=comment_payload(), headers=auth(key))
    assert response.status_code == 202
    comment_id = response.get_json()["id"]
    assert queued(app, QueueNames.SCORING) == [
        {"task": TaskNames.SCORE_COMMENT, "args": [comment_id]}
    ]


def test_deliveries_are_batched_per_endpoint_and_per_transaction(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False)
    site_id, _ = create_site(app)
    with get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        webhooks.create_endpoint(session, site=site, url="https://hooks.example/a")
        webhooks.create_endpoint(session, site=site, url="https://hooks.example/b")
    with app.app_context(), get_db(app).session() as session:
        for event_type in ("comment.decided", "comment.entered_queue"):
            events.emit(session, site_id=site_id, event_type=event_type, data={"comment_id": "c1"})
        first = pending_tasks(session)
        # One task per endpoint, each carrying both of its deliveries in order.
        assert [name for name, _ in first] == [TaskNames.DELIVER_WEBHOOK] * 2
        assert all(len(args[0]) == 2 for _, args in first)
        session.commit()
        events.emit(session, site_id=site_id, event_type="comment.moderated", data={})
        second = pending_tasks(session)
        # The next transaction starts its own batches.
        assert [len(args[0]) for _, args in second] == [1, 1]
        session.commit()
        ids = set(session.scalars(select(webhooks.WebhookDelivery.id)))
    sent = {delivery for _, args in first + second for delivery in args[0]}
    assert sent == ids
