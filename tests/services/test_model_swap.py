"""Label through the API, retrain, promote, and watch a running worker switch versions."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from classifier.registry import BUILTIN_VERSION
from moderation.cli import main
from moderation.scoring import ensure_default_model
from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.processes import env_for, running_worker

pytestmark = [pytest.mark.integration, pytest.mark.slow]

CAMPAIGN = (
    "Earn {n}00 dollars a day with the Zentrix yield bot, my cousin did, see zentrix-yield.example"
)
ORDINARY = "I read the piece on the council budget twice; point {n} about bus routes is fair."


def cli(config: dict[str, Any], *args: str) -> str:
    result = CliRunner().invoke(main, list(args), env=env_for(config), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def post(app: Flask, key: str, content: str, n: int, wait: int = 0) -> dict[str, Any]:
    payload = comment_payload(content=content)
    payload["author"] = {"id": f"reader-{n}", "name": f"Reader {n}", "ip": f"192.0.2.{n % 250}"}
    query = f"?wait={wait}" if wait else ""
    response = app.test_client().post(f"/api/v1/comments{query}", json=payload, headers=auth(key))
    assert response.status_code in (200, 202), response.get_json()
    body: dict[str, Any] = response.get_json()
    return body


def decided_version(app: Flask, key: str, content: str, n: int) -> str:
    body = post(app, key, content, n, wait=5000)
    deadline = time.monotonic() + 30
    while body["status"] == "pending" and time.monotonic() < deadline:
        time.sleep(0.2)
        body = app.test_client().get(body["url"], headers=auth(key)).get_json()
    assert body["status"] != "pending"
    version: str = body["model_version"]
    return version


def test_retrain_promote_and_rollback_reach_a_running_worker(
    make_app: AppFactory, corpora_dir: Path, tmp_path: Path
) -> None:
    app = make_app("sqlite", MODEL_REFRESH_SECONDS=0.5, CORPORA_DIR=str(corpora_dir))
    config = dict(app.config)
    assert ensure_default_model(app) == BUILTIN_VERSION
    _, key = create_site(app)

    # Moderators' verdicts arrive as site feedback through the API.
    for n in range(30):
        spam = n % 2 == 0
        body = post(app, key, (CAMPAIGN if spam else ORDINARY).format(n=n), n)
        response = app.test_client().post(
            f"/api/v1/comments/{body['id']}/feedback",
            json={"label": "spam" if spam else "ham"},
            headers=auth(key),
        )
        assert response.status_code == 200

    # The base retrain learns only from sites the operator opted in (issue 18).
    cli(config, "models", "share-labels", "example", "--on")
    output = cli(config, "train", "--with-labels", "--max-per-corpus", "300", "--no-promote")
    assert "labels of sites [1]" in output
    candidate = output.split("saved model version ")[1].split()[0]
    assert "gate:" in output
    shown = json.loads(cli(config, "models", "show", candidate).split("\ncomparison report")[0])
    assert shown["metrics"]["gate"]["labels"]["recent"] == 6
    report = Path(config["MODEL_DIR"]) / "reports" / candidate
    assert (report / "comparison.md").exists() and (report / "base_roc_auc.png").exists()

    with running_worker(config, tmp_path / "worker.log"):
        assert decided_version(app, key, "A first ordinary comment about trams.", 100) == (
            BUILTIN_VERSION
        )
        cli(config, "models", "promote", candidate)
        time.sleep(1.5)  # processes re-read the active version every MODEL_REFRESH_SECONDS
        assert decided_version(app, key, "A second ordinary comment on trams.", 101) == candidate
        listed = json.loads(cli(config, "models", "list", "--json"))
        assert [row["version"] for row in listed if row["active"]] == [candidate]

        assert "rolled back" in cli(config, "models", "rollback")
        time.sleep(1.5)
        assert decided_version(app, key, "A third ordinary comment on trams.", 102) == (
            BUILTIN_VERSION
        )
