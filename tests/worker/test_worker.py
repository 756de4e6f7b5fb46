"""A comment goes in over HTTP and a real Celery worker process decides it, on both brokers."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import requests
from flask import Flask
from sqlalchemy import func, select, text

from moderation.db import get_db
from moderation.enqueue import celery_client
from moderation.tables import Comment, Decision
from moderation.tasknames import QueueNames, TaskNames
from tests.builders import auth, comment_payload, create_site
from tests.conftest import REDIS_URL, AppFactory
from tests.processes import WorkerProcess, http_server, running_worker

pytestmark = [pytest.mark.integration]

SPAM = (
    "BUY CHEAP VIAGRA NOW!!! Best online pharmacy, 90% off: http://bit.ly/cheap-pills "
    "http://tinyurl.com/pharma-deal http://cheap-meds.ru/buy Call +1-800-555-0199 today!"
)
ABUSE = "You are a pathetic idiot and a worthless piece of garbage. Shut up, moron."
CIVIL = (
    "The ceasefire talks deserve a chance. After the terrorist attack last month both "
    "governments have reasons to keep negotiating, even if I doubt the war ends this year."
)


@pytest.fixture(params=["embedded", pytest.param("redis", marks=pytest.mark.redis)])
def stack(
    request: pytest.FixtureRequest, make_app: AppFactory, tmp_path: Path
) -> Iterator[tuple[Flask, dict[str, Any]]]:
    """An app and a matching worker config: SQLite + embedded broker, or PostgreSQL + Redis."""
    if request.param == "embedded":
        app = make_app("sqlite")
    else:
        db = 1 + uuid.uuid4().int % 15
        client = redis.Redis.from_url(f"{REDIS_URL}/{db}")
        client.flushdb()
        app = make_app("postgres", BROKER_URL=f"{REDIS_URL}/{db}", BROKER_VISIBILITY_TIMEOUT=4)
    config = dict(app.config)
    yield app, config
    if request.param == "redis":
        client.flushdb()


def wait_decided(base: str, key: str, comment_id: str, timeout: float = 60) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        body: dict[str, Any] = requests.get(
            f"{base}/api/v1/comments/{comment_id}", headers=auth(key), timeout=10
        ).json()
        if body["status"] != "pending":
            return body
        time.sleep(0.1)
    raise AssertionError(f"comment {comment_id} still pending after {timeout}s")


def test_comments_are_scored_and_decided(
    stack: tuple[Flask, dict[str, Any]], tmp_path: Path
) -> None:
    app, config = stack
    _, key = create_site(app)
    with running_worker(config, tmp_path / "worker.log"), http_server(app) as base:
        decided = {}
        for name, content in (("spam", SPAM), ("abuse", ABUSE), ("civil", CIVIL)):
            payload = comment_payload(content=content)
            payload["author"]["id"] = f"reader-{name}"  # one author would trip flood control
            if name == "spam":
                payload["author"] = {"name": "Cheap Meds", "url": "http://cheap-meds.ru"}
            response = requests.post(
                f"{base}/api/v1/comments?wait=5000", json=payload, headers=auth(key), timeout=30
            )
            assert response.status_code in (200, 202)
            body = response.json()
            if response.status_code == 202:
                body = wait_decided(base, key, body["id"])
            decided[name] = body

    spam = decided["spam"]
    assert spam["status"] in ("rejected", "held")
    assert spam["reasons"][0]["code"] == "SPAM"
    assert spam["scores"]["spam"] >= 0.8
    assert spam["model_version"]

    abuse = decided["abuse"]
    assert abuse["status"] == "held"
    assert abuse["reasons"][0]["code"] == "TOXIC"
    assert any(span["attribute"] in ("insult", "toxicity") for span in abuse["spans"])

    civil = decided["civil"]
    assert civil["status"] == "approved", civil["reasons"]
    assert civil["reasons"][0]["code"] == "APPROVED"
    assert set(civil["scores"]) == {
        "spam",
        "toxicity",
        "severe_toxicity",
        "identity_attack",
        "insult",
        "profanity",
        "threat",
    }
    assert civil["decided_at"] is not None


def test_a_decided_comment_is_never_decided_twice(
    stack: tuple[Flask, dict[str, Any]], tmp_path: Path
) -> None:
    app, config = stack
    _, key = create_site(app)
    with running_worker(config, tmp_path / "worker.log") as worker:
        client = app.test_client()
        comment_id = client.post(
            "/api/v1/comments?wait=5000", json=comment_payload(), headers=auth(key)
        ).get_json()["id"]
        # The same task delivered three more times, as a broker may after a failure.
        with app.app_context():
            for _ in range(3):
                celery_client().send_task(
                    TaskNames.SCORE_COMMENT, args=[comment_id], queue=QueueNames.SCORING
                )
        deadline = time.monotonic() + 30
        while (
            worker.output().count("already-decided") + worker.output().count("already approved") < 3
            and time.monotonic() < deadline
        ):
            time.sleep(0.2)
    with get_db(app).session() as session:
        decisions = session.scalar(
            select(func.count()).select_from(Decision).where(Decision.comment_id == comment_id)
        )
    assert decisions == 1


# (content, name, e-mail, status) as a WordPress form submits them: an ordinary reader with
# digits in the address is published, abuse from a gmail address is held.
AS_SUBMITTED = [
    ("Thanks for this tutorial!", "David", "david1987@gmail.com", "approved"),
    ("Thanks for this tutorial!", "David P.", "david.p@gmail.com", "approved"),
    ("you are a worthless idiot and a liar", "Ann", "ann.k@gmail.com", "held"),
    ("All immigrants are criminals and should be deported.", "Bob", "bob77@gmail.com", "held"),
]


def test_comments_are_decided_as_submitted_with_ordinary_identities(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Name, e-mail, IP and user agent attached: the decision is the text's, not the author's."""
    app = make_app("sqlite")
    _, key = create_site(app)
    with running_worker(dict(app.config), tmp_path / "worker.log"), http_server(app) as base:
        for i, (content, name, email, expected) in enumerate(AS_SUBMITTED):
            payload = comment_payload(content=content)
            payload["article"]["id"] = f"article-{i}"
            payload["author"] |= {"id": f"reader-{i}", "name": name, "email": email}
            payload["author"]["ip"] = f"198.51.100.{10 + i}"
            response = requests.post(
                f"{base}/api/v1/comments?wait=5000", json=payload, headers=auth(key), timeout=30
            )
            body = response.json()
            if response.status_code == 202:
                body = wait_decided(base, key, body["id"])
            assert body["status"] == expected, (content, email, body["scores"])


def test_the_worker_decides_with_the_blend_of_both_stages(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """A worker process scores with the shipped version's language-model stage, blended."""
    from classifier.registry import BUILTIN_VERSION, builtin_registry
    from classifier.types import CommentInput

    model = builtin_registry().load(BUILTIN_VERSION)
    assert model.encoder is not None
    content = "Shut up, nobody asked for your stupid opinion about the council."
    app = make_app("sqlite")
    _, key = create_site(app)
    with running_worker(dict(app.config), tmp_path / "worker.log"), http_server(app) as base:
        payload = comment_payload(content=content)
        payload["author"] |= {"name": "Grace Ho", "email": "grace.ho@example.org"}
        response = requests.post(
            f"{base}/api/v1/comments?wait=5000", json=payload, headers=auth(key), timeout=30
        )
        body = response.json()
        if response.status_code == 202:
            body = wait_decided(base, key, body["id"])
    item = CommentInput(content, "Grace Ho", "grace.ho@example.org")
    blended = model.score_one(item).scores
    model.encoder_mode = "off"
    linear = model.score_one(item).scores
    # The API gives scores to 4 decimals.
    assert body["scores"]["toxicity"] == pytest.approx(blended["toxicity"], abs=6e-5)
    assert abs(blended["toxicity"] - linear["toxicity"]) > 1e-3


@pytest.mark.redis
def test_a_task_is_delivered_again_when_its_worker_dies(
    make_app: AppFactory, tmp_path: Path
) -> None:
    """Acknowledged late: a worker killed mid-task leaves the task to the next worker."""
    db = 1 + uuid.uuid4().int % 15
    redis.Redis.from_url(f"{REDIS_URL}/{db}").flushdb()
    app = make_app("postgres", BROKER_URL=f"{REDIS_URL}/{db}", BROKER_VISIBILITY_TIMEOUT=3)
    config = dict(app.config)
    _, key = create_site(app)
    comment_id = (
        app.test_client()
        .post("/api/v1/comments", json=comment_payload(), headers=auth(key))
        .get_json()["id"]
    )

    # Hold the comment's row lock so the first worker blocks inside the task, then kill it.
    engine = get_db(app).engine
    with engine.connect() as blocker:
        transaction = blocker.begin()
        blocker.execute(
            text("SELECT id FROM comments WHERE id = :id FOR UPDATE"), {"id": comment_id}
        )
        first = WorkerProcess(config, tmp_path / "first.log")
        first.wait_ready()
        deadline = time.monotonic() + 30
        while "moderation.score_comment" not in first.output() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)  # it is now waiting on the lock
        first.kill()
        transaction.rollback()

    with get_db(app).session() as session:
        assert session.get(Comment, comment_id).status == "pending"  # type: ignore[union-attr]

    with running_worker(config, tmp_path / "second.log"):
        deadline = time.monotonic() + 60
        status = "pending"
        while status == "pending" and time.monotonic() < deadline:
            with get_db(app).session() as session:
                status = session.scalar(select(Comment.status).where(Comment.id == comment_id))
            time.sleep(0.2)
    assert status == "approved"


def test_readyz_reports_database_broker_and_model(
    stack: tuple[Flask, dict[str, Any]],
) -> None:
    app, _ = stack
    body = app.test_client().get("/readyz")
    assert body.status_code == 200, body.get_json()
    checks = body.get_json()["checks"]
    assert checks["database"]["ok"] and checks["broker"]["ok"] and checks["model"]["ok"]
    assert checks["model"]["version"]


def test_readyz_fails_when_the_broker_is_down(make_app: AppFactory) -> None:
    app = make_app("sqlite", BROKER_URL="redis://127.0.0.1:1/0")
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert response.get_json()["checks"]["broker"]["ok"] is False


def test_a_broker_outage_loses_no_comment(make_app: AppFactory, tmp_path: Path) -> None:
    """Submitting while the broker is down stores the comment; the sweep sends it later."""
    down = make_app("sqlite", BROKER_URL="redis://127.0.0.1:1/0")
    _, key = create_site(down)
    response = down.test_client().post(
        "/api/v1/comments", json=comment_payload(), headers=auth(key)
    )
    assert response.status_code == 202
    comment_id = response.get_json()["id"]

    up_config = dict(down.config) | {
        "BROKER_URL": f"sqla+sqlite:///{tmp_path / 'broker-up.sqlite'}",
        "PENDING_SWEEP_SECONDS": 1,
    }
    up = make_app("sqlite", **{k: up_config[k] for k in ("DATABASE_URL", "BROKER_URL")})
    with running_worker(up_config, tmp_path / "worker.log", "--beat"):
        with up.app_context():
            celery_client().send_task(TaskNames.SWEEP_PENDING, args=[0.0], queue=QueueNames.SCORING)
        deadline = time.monotonic() + 60
        status = "pending"
        while status == "pending" and time.monotonic() < deadline:
            with get_db(up).session() as session:
                status = session.scalar(select(Comment.status).where(Comment.id == comment_id))
            time.sleep(0.2)
    assert status == "approved"
