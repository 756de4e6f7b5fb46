"""Labels from site feedback, the latest label winning, the promotion gate, recheck."""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from classifier.types import CommentInput
from moderation.db import get_db
from moderation.scoring import model_provider
from moderation.services.decisions import record_model_decision
from moderation.services.labels import latest_labels
from moderation.services.recheck import recheck_held
from moderation.services.retraining import gate
from moderation.tables import Comment, CommentEvent, Label, Site
from tests.builders import auth, comment_payload, create_site


def submit(client: FlaskClient, key: str, content: str, n: int) -> str:
    payload = comment_payload(content=content)
    payload["author"] = {"id": f"r{n}", "name": f"Reader {n}", "ip": f"198.51.100.{n}"}
    response = client.post("/api/v1/comments", json=payload, headers=auth(key))
    assert response.status_code == 202, response.get_json()
    comment_id: str = response.get_json()["id"]
    return comment_id


def test_feedback_labels_and_overrides_the_model(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    comment_id = submit(client, key, "Great article, thanks for the reporting.", 1)
    response = client.post(
        f"/api/v1/comments/{comment_id}/feedback", json={"label": "spam"}, headers=auth(key)
    )
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "rejected"
    assert body["decided_by"] == "site"

    # The model's task arrives later: a human decision is never overridden by the model.
    with get_db(app).session() as session:
        assert (
            record_model_decision(
                session,
                comment_id=comment_id,
                model_version="v",
                scores={"spam": 0.01},
                spans=[],
            )
            is None
        )
        labels = list(session.scalars(select(Label.label).where(Label.comment_id == comment_id)))
        assert labels == ["spam"]
        events = list(
            session.scalars(select(CommentEvent.type).where(CommentEvent.comment_id == comment_id))
        )
        assert events == ["submitted", "feedback", "decided"]


def test_the_latest_label_wins(app: Flask, client: FlaskClient) -> None:
    _, key = create_site(app)
    comment_id = submit(client, key, "Visit my page for cheap watches", 1)
    for label in ("spam", "ham"):
        client.post(
            f"/api/v1/comments/{comment_id}/feedback", json={"label": label}, headers=auth(key)
        )
    with get_db(app).session() as session:
        labels = latest_labels(session)
    assert len(labels) == 1
    assert labels[0].example.labels == {"spam": 0}
    status = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key)).get_json()
    assert status["status"] == "approved"


def test_feedback_errors(app: Flask, client: FlaskClient) -> None:
    _, key_a = create_site(app, "a")
    _, key_b = create_site(app, "b")
    comment_id = submit(client, key_a, "A perfectly ordinary comment.", 1)
    url = f"/api/v1/comments/{comment_id}/feedback"
    assert client.post(url, json={"label": "meh"}, headers=auth(key_a)).status_code == 422
    assert client.post(url, json={"label": 3}, headers=auth(key_a)).status_code == 400
    assert client.post(url, json={"label": "spam"}, headers=auth(key_b)).status_code == 404
    assert client.post(url, json={"label": "spam"}).status_code == 401


def comparison(
    recent_active: float | None,
    recent_candidate: float | None,
    base_active: float,
    base_cand: float,
) -> dict[str, Any]:
    return {
        "recent": {
            "active": {"mean_brier": recent_active},
            "candidate": {"mean_brier": recent_candidate},
        },
        "base": {
            "active": {"mean_roc_auc": base_active},
            "candidate": {"mean_roc_auc": base_cand},
        },
    }


@pytest.mark.parametrize(
    ("values", "promote"),
    [
        ((0.20, 0.10, 0.95, 0.95), True),
        ((0.20, 0.10, 0.95, 0.945), True),  # within the tolerance
        ((0.20, 0.10, 0.95, 0.93), False),  # falls on the base split
        ((0.10, 0.10, 0.95, 0.96), False),  # no improvement on recent labels
        ((None, None, 0.95, 0.96), False),  # nothing held out
    ],
)
def test_the_promotion_gate(values: tuple[Any, ...], promote: bool) -> None:
    ok, reason = gate(comparison(*values), tolerance=0.01)
    assert ok is promote, reason


def test_recheck_rescores_held_comments_and_records_changes(
    app: Flask, client: FlaskClient
) -> None:
    site_id, key = create_site(app)
    linked = submit(
        client,
        key,
        "Good piece. The full report is at https://www.gov.uk/report and the data at "
        "https://www.ons.gov.uk/data if anyone wants to check the figures.",
        1,
    )
    civil = submit(client, key, "I disagree with the minister, but the article is fair.", 2)
    with app.app_context():
        model = model_provider().get()
        for comment_id in (linked, civil):
            with get_db(app).session() as session:
                comment = session.get(Comment, comment_id)
                assert comment is not None
                scored = model.score_one(CommentInput(text=comment.content))
                session.rollback()
                record_model_decision(
                    session,
                    comment_id=comment_id,
                    model_version=model.version,
                    scores=scored.scores,
                    spans=[],
                )
        with get_db(app).session() as session:
            assert session.get(Comment, linked).status == "held"  # type: ignore[union-attr]
            site = session.get(Site, site_id)
            assert site is not None
            site.settings = {"link_limit": 10}
            session.commit()
            outcome = recheck_held(session, model, actor="test")
        assert (outcome.checked, outcome.changed) == (1, 1)
        with get_db(app).session() as session:
            comment = session.get(Comment, linked)
            assert comment is not None and comment.status == "approved"
            assert comment.events[-1].type == "rechecked"
            assert comment.events[-1].data["from"] == "held"
            assert comment.decisions[-1].decided_by == "recheck"
