"""The scheduled learning run in a real worker process, on an install without corpora: it adapts
the site with labels, and the same worker scores that site, and only that site, with it."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from moderation.cli import main
from moderation.db import get_db
from moderation.enqueue import enqueue
from moderation.scoring import ensure_default_model
from moderation.services.adaptation import active_adaptation
from moderation.tasknames import TaskNames
from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.processes import env_for, running_worker

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CAMPAIGN = (
    "Lost money to a fake broker? Quorvex Assets recovered ${n},250 for me in {d} days, "
    "write to claims@quorvex-assets.example and mention this article"
)
ORDINARY = "Point {n} of the council budget is fair, but bus line {d} needs more evening runs."


def post(app: Flask, key: str, content: str, n: int) -> dict[str, Any]:
    payload = comment_payload(content=content)
    payload["author"] = {"id": f"r{n}", "name": f"Reader {n}", "ip": f"192.0.2.{n % 250}"}
    response = app.test_client().post("/api/v1/comments", json=payload, headers=auth(key))
    assert response.status_code == 202, response.get_json()
    body: dict[str, Any] = response.get_json()
    return body


def decided(app: Flask, key: str, content: str, n: int) -> dict[str, Any]:
    body = post(app, key, content, n)
    deadline = time.monotonic() + 60
    while body["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
        body = app.test_client().get(body["url"], headers=auth(key)).get_json()
    assert body["status"] != "pending"
    return body


def test_the_scheduled_run_adapts_a_site_and_a_running_worker_uses_it(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app(
        "sqlite",
        MODEL_REFRESH_SECONDS=0.5,
        ENCODER_MODE="off",
        ADAPTATION_DIR=str(tmp_path / "sites"),
        CORPORA_DIR=None,  # a fresh install: no public corpora anywhere
    )
    config = dict(app.config)
    base = ensure_default_model(app)
    site_a, key_a = create_site(app, "a")
    _, key_b = create_site(app, "b")
    for n in range(30):
        content = (CAMPAIGN if n % 2 == 0 else ORDINARY).format(n=n, d=n % 23 + 2)
        body = post(app, key_a, content, n)
        response = app.test_client().post(
            f"/api/v1/comments/{body['id']}/feedback",
            json={"label": "spam" if n % 2 == 0 else "ham"},
            headers=auth(key_a),
        )
        assert response.status_code == 200

    with running_worker(config, tmp_path / "worker.log") as worker:
        before_a = decided(app, key_a, CAMPAIGN.format(n=500, d=7), 500)
        assert before_a["model_version"] == base

        # What the beat sends every RETRAIN_INTERVAL_HOURS, through the broker.
        assert enqueue(TaskNames.RETRAIN, app=app)
        deadline = time.monotonic() + 240
        version = None
        while version is None and time.monotonic() < deadline:
            time.sleep(0.5)
            with get_db(app).session() as session:
                version = active_adaptation(session, site_a)
        assert version is not None, worker.output()
        assert "learning run: adapting site_id=" in worker.output()

        # Within seconds (MODEL_REFRESH_SECONDS) the worker scores site A's comments with it,
        # site B's without.
        time.sleep(1.5)
        after_a = decided(app, key_a, CAMPAIGN.format(n=501, d=8), 501)
        assert after_a["model_version"] == version
        assert after_a["status"] == "rejected" and after_a["scores"]["spam"] >= 0.8
        on_b = decided(app, key_b, CAMPAIGN.format(n=501, d=8), 600)
        assert on_b["model_version"] == base
        assert on_b["scores"]["spam"] == before_b_score(app, key_b)

        # Switched off from the CLI, site A is scored by the base model again.
        result = CliRunner().invoke(
            main, ["models", "promote", "--site", "a", "none"], env=env_for(config)
        )
        assert result.exit_code == 0, result.output
        time.sleep(1.5)
        again = decided(app, key_a, CAMPAIGN.format(n=700, d=3), 700)
        assert again["model_version"] == base


def before_b_score(app: Flask, key: str) -> float:
    """What the base model gives the same text (site B has no adaptation)."""
    from classifier.registry import BUILTIN_VERSION, builtin_registry
    from classifier.types import CommentInput

    model = builtin_registry().load(BUILTIN_VERSION)
    model.encoder_mode = "off"
    item = CommentInput(CAMPAIGN.format(n=501, d=8), author_name="Reader 600")
    return round(model.score_one(item).scores["spam"], 4)
