"""Per-site adaptation in the service: a site learns from its labels alone, other sites never
change, label intake is deduplicated and limited, and the CLI promotes and rolls back per site."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import func, select

from classifier.adaptation import AdaptedModel
from classifier.types import CommentInput
from moderation.cli import main
from moderation.db import get_db
from moderation.scoring import ensure_default_model, model_provider
from moderation.services.adaptation import (
    active_adaptation,
    adapt_site,
    anchor_cache,
    rollback_adaptation,
    set_training_settings,
    shared_site_ids,
    sites_to_adapt,
)
from moderation.tables import Label
from tests.builders import auth, comment_payload, create_site
from tests.conftest import AppFactory
from tests.processes import env_for

CAMPAIGN = (
    "Lost money to a fake broker? Quorvex Assets recovered ${n},250 for me in {d} days, "
    "write to claims@quorvex-assets.example and mention this article"
)
ORDINARY = "Point {n} of the council budget is fair, but bus line {d} needs more evening runs."


def texts(template: str, start: int, count: int) -> list[str]:
    return [template.format(n=n, d=n % 23 + 2) for n in range(start, start + count)]


def submit(app: Flask, key: str, content: str, n: int) -> str:
    payload = comment_payload(content=content)
    payload["author"] = {"id": f"r{n}", "name": f"Reader {n}", "ip": f"198.51.100.{n % 250}"}
    response = app.test_client().post("/api/v1/comments", json=payload, headers=auth(key))
    assert response.status_code == 202, response.get_json()
    comment_id: str = response.get_json()["id"]
    return comment_id


def label(app: Flask, key: str, comment_id: str, value: str) -> Any:
    return app.test_client().post(
        f"/api/v1/comments/{comment_id}/feedback", json={"label": value}, headers=auth(key)
    )


def label_many(app: Flask, key: str, pairs: list[tuple[str, str]], start: int = 0) -> None:
    for n, (content, value) in enumerate(pairs, start=start):
        response = label(app, key, submit(app, key, content, n), value)
        assert response.status_code == 200, response.get_json()


def spam_scores(model: Any, contents: list[str]) -> list[float]:
    return [r.scores["spam"] for r in model.score([CommentInput(t) for t in contents])]


@pytest.fixture
def fast_app(make_app: AppFactory, tmp_path: Any) -> Flask:
    # The linear stage alone: spam is the linear stage's in every mode, and it is faster.
    app = make_app(
        "sqlite",
        ENCODER_MODE="off",
        ENQUEUE=False,
        MODEL_REFRESH_SECONDS=0,
        ADAPTATION_DIR=str(tmp_path / "sites"),
    )
    ensure_default_model(app)
    return app


def adapt(app: Flask, site_id: int, **kwargs: Any) -> Any:
    with app.app_context(), get_db(app).session() as session:
        provider = model_provider()
        assert provider.adaptations is not None
        return adapt_site(
            session,
            site_id=site_id,
            base=provider.get(),
            store=provider.adaptations,
            cache_dir=anchor_cache(app.config),
            **kwargs,
        )


def test_a_site_learns_its_campaign_and_other_sites_never_change(fast_app: Flask) -> None:
    app = fast_app
    site_a, key_a = create_site(app, "a")
    site_b, _ = create_site(app, "b")
    pairs = [(t, "spam") for t in texts(CAMPAIGN, 0, 25)]
    pairs += [(t, "ham") for t in texts(ORDINARY, 0, 25)]
    label_many(app, key_a, [p for pair in zip(pairs[:25], pairs[25:], strict=True) for p in pair])

    outcome = adapt(app, site_a)
    assert outcome.promoted, outcome.reason
    assert outcome.version.startswith(f"{outcome.version.split('+')[0]}+site{site_a}-")
    report = outcome.report
    assert report["labels"]["counts"] == {"spam:no": 25, "spam:yes": 25}
    assert report["labels"]["holdout"] == 10
    gate = report["gate"]
    assert gate["holdout"]["candidate"]["mean_brier"] < gate["holdout"]["base"]["mean_brier"]
    assert gate["anchors"]["per_attribute"]["spam"]["worse"] <= 3

    unseen = texts(CAMPAIGN, 100, 30)
    ordinary = texts(ORDINARY, 100, 30)
    with app.app_context():
        provider = model_provider()
        base = provider.get()
        on_a, on_b = provider.get(site_id=site_a), provider.get(site_id=site_b)
        assert isinstance(on_a, AdaptedModel) and on_a.version == outcome.version
        assert on_b is base  # a site without an adaptation: the base model itself
        before = spam_scores(base, unseen)
        caught = [p >= 0.8 for p in spam_scores(on_a, unseen)]
        assert sum(caught) / len(caught) >= 0.9, (before, caught)
        assert max(spam_scores(on_a, ordinary)) < 0.5
        assert spam_scores(on_b, unseen) == before

        # Rolled back, site A is scored by the base model again.
        with get_db(app).session() as session:
            earlier, current = rollback_adaptation(session, site_a, actor="test")
            assert (earlier, current) == (None, outcome.version)
        assert provider.get(site_id=site_a) is base


def test_fabricated_labels_from_one_site_leave_the_others_alone(fast_app: Flask) -> None:
    app = fast_app
    site_a, key_a = create_site(app, "a")
    site_b, key_b = create_site(app, "b")
    # Site B learned the campaign is spam; site A's key claims it is ham, 30 times.
    label_many(
        app,
        key_b,
        [(t, "spam") for t in texts(CAMPAIGN, 0, 15)]
        + [(t, "ham") for t in texts(ORDINARY, 0, 15)],
    )
    assert adapt(app, site_b).promoted
    with app.app_context():
        provider = model_provider()
        b_before = spam_scores(provider.get(site_id=site_b), texts(CAMPAIGN, 200, 20))
    label_many(app, key_a, [(t, "ham") for t in texts(CAMPAIGN, 300, 30)], start=1000)
    outcome = adapt(app, site_a)
    with app.app_context():
        provider = model_provider()
        b_after = spam_scores(provider.get(site_id=site_b), texts(CAMPAIGN, 200, 20))
        with get_db(app).session() as session:
            assert shared_site_ids(session) == set()  # nobody opted in: the base stays
            assert active_adaptation(session, site_a) == (
                outcome.version if outcome.promoted else None
            )
    assert b_after == b_before


def test_too_few_labels_and_the_scheduled_choice(fast_app: Flask) -> None:
    app = fast_app
    site_a, key_a = create_site(app, "a")
    label_many(app, key_a, [(t, "spam") for t in texts(CAMPAIGN, 0, 5)])
    skipped = adapt(app, site_a)
    assert skipped.version is None and "fewer than 20" in skipped.reason

    label_many(app, key_a, [(t, "ham") for t in texts(ORDINARY, 0, 20)], start=10)
    with app.app_context(), get_db(app).session() as session:
        provider = model_provider()
        store, base = provider.adaptations, provider.get().version
        assert store is not None
        choose = {"store": store, "base_version": base, "min_labels": 20, "min_new_labels": 10}
        assert [s for s, _ in sites_to_adapt(session, **choose)] == [site_a]
    assert adapt(app, site_a).version is not None
    with app.app_context(), get_db(app).session() as session:
        assert sites_to_adapt(session, **choose) == []
    label_many(app, key_a, [(t, "spam") for t in texts(CAMPAIGN, 50, 10)], start=100)
    with app.app_context(), get_db(app).session() as session:
        assert [s for s, _ in sites_to_adapt(session, **choose)] == [site_a]
        set_training_settings(session, site_a, adapt=False, actor="test")
        assert sites_to_adapt(session, **choose) == []


@pytest.mark.parametrize("db", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_label_intake_one_current_label_and_a_limit_per_site(make_app: AppFactory, db: str) -> None:
    app = make_app(db, ENQUEUE=False, LABELS_PER_SITE_PER_HOUR=4)
    _, key_a = create_site(app, "a")
    _, key_b = create_site(app, "b")
    first = submit(app, key_a, "A comment about the tram timetable.", 1)
    for _ in range(3):
        assert label(app, key_a, first, "spam").status_code == 200
    assert label(app, key_a, first, "ham").status_code == 200
    with get_db(app).session() as session:
        rows = list(session.scalars(select(Label.label).where(Label.comment_id == first)))
    assert rows == ["spam", "ham"]  # repeats are not stored again

    for n in range(2):
        other = submit(app, key_a, f"Another comment, number {n}, on the trams.", 10 + n)
        assert label(app, key_a, other, "spam").status_code == 200
    flood = submit(app, key_a, "One comment too many for this hour.", 20)
    refused = label(app, key_a, flood, "spam")
    assert refused.status_code == 429
    assert refused.headers["Content-Type"] == "application/problem+json"
    assert refused.get_json()["code"] == "rate_limited"
    assert 1 <= int(refused.headers["Retry-After"]) <= 3600
    assert client_status(app, key_a, flood) == "pending"  # nothing changed

    # Another site's budget is its own.
    other_site = submit(app, key_b, "Site B's reader on the trams.", 30)
    assert label(app, key_b, other_site, "spam").status_code == 200
    with get_db(app).session() as session:
        assert session.scalar(select(func.count()).select_from(Label)) == 5

    # Akismet's and Perspective's feedback count against the same budget, in their shapes.
    akismet = app.test_client().post(
        "/1.1/submit-spam",
        data={"api_key": key_a, "blog": "https://news.example", "user_ip": "192.0.2.1",
              "comment_content": "Yet another one for the hour."},
    )  # fmt: skip
    assert akismet.status_code == 429
    perspective = app.test_client().post(
        f"/v1alpha1/comments:suggestscore?key={key_a}",
        json={
            "comment": {"text": "And one more through Perspective."},
            "attributeScores": {"SPAM": {"summaryScore": {"value": 1}}},
        },
    )
    assert perspective.status_code == 429
    assert "error" in perspective.get_json()


def client_status(app: Flask, key: str, comment_id: str) -> str:
    body = app.test_client().get(f"/api/v1/comments/{comment_id}", headers=auth(key)).get_json()
    status: str = body["status"]
    return status


def test_cli_adapts_lists_promotes_and_rolls_back_per_site(fast_app: Flask) -> None:
    app = fast_app
    site_a, key_a = create_site(app, "a")
    pairs = [(t, "spam") for t in texts(CAMPAIGN, 0, 12)] + [
        (t, "ham") for t in texts(ORDINARY, 0, 12)
    ]
    label_many(app, key_a, pairs)
    env = env_for(dict(app.config))

    def cli(*args: str) -> str:
        result = CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    output = cli("models", "adapt", "--site", "a")
    assert f"site {site_a}: saved adaptation" in output and "gate:" in output
    listed = json.loads(cli("models", "sites", "--json"))
    row = next(r for r in listed if r["site_id"] == site_a)
    version = row["versions"][0]["version"]
    assert row["share_with_base"] is False
    if row["active"] is None:
        cli("models", "promote", "--site", "a", version)
    assert "rolled back" in cli("models", "rollback", "--site", "a")
    cli("models", "promote", "--site", "a", version)
    assert json.loads(cli("models", "sites", "--json"))[0]["active"] == version
    assert "base model alone" in cli("models", "promote", "--site", "a", "none")
    bad = CliRunner().invoke(main, ["models", "promote", "--site", "a", "nope"], env=env)
    assert bad.exit_code != 0 and "no adaptation" in bad.output
    assert "shared with" in cli("models", "share-labels", "a", "--on")
    with get_db(app).session() as session:
        assert shared_site_ids(session) == {site_a}
    assert "rechecked 0 held comments" in cli("recheck", "--site", "a")
