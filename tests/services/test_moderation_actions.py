"""Moderator actions (issue 17, items 1, 2, 7): the reason that follows why a comment was held,
labels with their attribute (read by retraining), approve-and-trust, edit-then-approve, notes,
and an undo that says what it undoes and why it cannot."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import create_engine, select, text

from moderation.db import get_db
from moderation.enums import CommentStatus
from moderation.errors import BadRequest, NotFound
from moderation.migrate import upgrade
from moderation.services import moderation_actions as actions
from moderation.services import webhooks
from moderation.services.labels import latest_labels
from moderation.services.policy import SiteSettings, decide
from moderation.services.retraining import weighted_examples
from moderation.tables import (
    AuthorFlag,
    Comment,
    CommentEvent,
    Decision,
    Label,
    ModeratorAction,
    Score,
    Site,
)
from moderation.tables.integrations import WebhookDelivery
from tests.builders import auth, create_site
from tests.conftest import AppFactory
from tests.web.support import CIVIL_SCORES, decide_comment, held_comment, submit

MOD = "mod@example.org"
TOXICITY = ("toxicity", "severe_toxicity", "identity_attack", "insult", "profanity", "threat")


def as_decided(scores: dict[str, float], content: str = "words", **settings: Any) -> Comment:
    """A comment (not stored) with the policy's real decision on these scores."""
    values = {**CIVIL_SCORES, **scores}
    verdict = decide(values, content=content, settings=SiteSettings(**settings))
    return Comment(
        content=content,
        scores=[Score(model_version="m", values=values, spans=[])],
        decisions=[Decision(status=verdict.status, reasons=verdict.reasons, decided_by="model")],
    )


@pytest.mark.parametrize(
    ("scores", "content", "settings", "reason"),
    [
        ({"toxicity": 0.91, "insult": 0.93}, "words", {}, "insult"),
        ({"toxicity": 0.91}, "words", {}, "abusive"),
        ({"toxicity": 0.85, "threat": 0.7, "insult": 0.75}, "words", {}, "insult"),
        ({"toxicity": 0.85, "threat": 0.9, "insult": 0.75}, "words", {}, "threat"),
        ({"identity_attack": 0.6}, "words", {}, "hate_speech"),
        ({"severe_toxicity": 0.7}, "words", {}, "severe_toxicity"),
        ({"profanity": 0.7}, "words", {}, "profanity"),
        ({"spam": 0.95, "insult": 0.9}, "words", {"shadow_mode": True}, "spam"),
        ({}, "see http://a.example and http://b.example", {}, "spam"),
        ({}, "buy bitcoin now", {"moderation_words": ["bitcoin"]}, "moderation_word"),
        ({"spam": 0.4}, "words", {"premoderate_all": True}, "spam"),
        ({"insult": 0.5}, "words", {"premoderate_all": True}, "insult"),
    ],
)
def test_the_reason_offered_follows_why_the_comment_was_held(
    scores: dict[str, float], content: str, settings: dict[str, Any], reason: str
) -> None:
    comment = as_decided(scores, content, **settings)
    assert comment.latest_decision is not None
    assert comment.latest_decision.status == CommentStatus.HELD
    assert actions.suggested_reason(comment) == reason


def test_without_scores_or_reasons_spam_is_offered() -> None:
    assert actions.suggested_reason(Comment(content="x", scores=[], decisions=[])) == "spam"


def labels_of(app: Flask, comment_id: str) -> list[tuple[str, str | None, str, str | None]]:
    with get_db(app).session() as session:
        rows = session.execute(
            select(Label.label, Label.attribute, Label.source, Label.actor)
            .where(Label.comment_id == comment_id)
            .order_by(Label.id)
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]


def act(app: Flask, comment_ids: list[str], action: str, **kwargs: Any) -> ModeratorAction:
    with app.app_context(), get_db(app).session() as session:
        site_ids = list(session.scalars(select(Site.id)))
        return actions.moderate(
            session, actor=MOD, site_ids=site_ids, comment_ids=comment_ids, action=action, **kwargs
        )


def summary(app: Flask, action_id: int) -> actions.ActionSummary:
    with get_db(app).session() as session:
        found = actions.summarize(session, actor=MOD, action_id=action_id)
        assert found is not None
        return found


def suggested(app: Flask, comment_id: str) -> str:
    with get_db(app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        return actions.suggested_reason(comment)


@pytest.fixture
def served_app(make_app: AppFactory, db_kind: str) -> tuple[Flask, str]:
    app = make_app(db_kind, ENQUEUE=False)
    site_id, key = create_site(app, "alpha")
    with get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        webhooks.create_endpoint(session, site=site, url="https://hooks.example/hook")
    return app, key


INSULT = "You are a complete idiot if you believe this ceasefire will hold, honestly."


def test_reject_as_held_labels_the_kind_and_retraining_reads_it(
    served_app: tuple[Flask, str],
) -> None:
    app, key = served_app
    client = app.test_client()
    insult = held_comment(app, client, key, content=INSULT)
    civil = held_comment(app, client, key, content="A fair point, idiot or not.")
    assert suggested(app, insult) == "insult"

    record = act(app, [insult], "reject", reason_code=suggested(app, insult))
    assert labels_of(app, insult) == [("toxic", "insult", "moderator", MOD)]
    found = summary(app, record.id)
    assert found.text == "Rejected as insult"
    assert found.excerpt == "You are a complete idiot if you believe…"
    assert 25 <= found.seconds_left <= 30 and not found.undone
    act(app, [civil], "approve")
    assert labels_of(app, civil) == [
        ("ham", "spam", "moderator", MOD),
        ("acceptable", None, "moderator", MOD),
    ]

    with get_db(app).session() as session:
        examples = {item.example.text: item for item in latest_labels(session)}
    # The kind is a training target; an approval's two labels are one word, both kept.
    assert examples[INSULT].example.labels == {"toxicity": 1, "insult": 1}
    assert examples["A fair point, idiot or not."].example.labels == {
        "spam": 0,
        **dict.fromkeys(TOXICITY, 0),
    }
    weighted = weighted_examples(list(examples.values()), site_id=None)
    assert {e.text: e.labels.get("insult") for e in weighted}[INSULT] == 1

    # The comment.moderated event carries the reason it was rejected for.
    with get_db(app).session() as session:
        bodies = [
            json.loads(body)
            for body in session.scalars(
                select(WebhookDelivery.body).where(
                    WebhookDelivery.event_type == "comment.moderated"
                )
            )
        ]
    assert {b["data"]["comment_id"]: b["data"].get("reason_code") for b in bodies} == {
        insult: "insult",
        civil: None,
    }


def test_bulk_reject_as_held_gives_each_comment_its_own_reason(
    served_app: tuple[Flask, str],
) -> None:
    app, key = served_app
    client = app.test_client()
    spam = held_comment(
        app, client, key, content="Cheap pills at http://a.example http://b.example", scores={}
    )
    threat = held_comment(
        app, client, key, content="Watch your back.", scores={"toxicity": 0.9, "threat": 0.8}
    )
    record = act(app, [spam, threat], "reject", reason_code=actions.AUTO)
    assert labels_of(app, spam) == [("spam", "spam", "moderator", MOD)]
    assert labels_of(app, threat) == [("toxic", "threat", "moderator", MOD)]
    assert [item["reason_code"] for item in record.items] == ["spam", "threat"]
    found = summary(app, record.id)
    assert found.text == "Rejected 2 comments as spam, threat"
    assert found.count == 2
    with get_db(app).session() as session:
        comment = session.get(Comment, threat)
        assert comment is not None and comment.latest_decision is not None
        assert comment.latest_decision.reasons[0]["detail"] == "rejected as threat"


def test_approve_and_trust_the_author_then_undo(served_app: tuple[Flask, str]) -> None:
    app, key = served_app
    client = app.test_client()
    author = {"id": "ada", "name": "Ada", "email": "ada@example.org"}
    first = held_comment(app, client, key, content="First remark, idiot.", author=author)
    record = act(app, [first], "approve", trust_author=True)
    with get_db(app).session() as session:
        comment = session.get(Comment, first)
        assert comment is not None
        flag = session.get(AuthorFlag, comment.author_id)
        assert flag is not None and flag.trusted and flag.updated_by == MOD
        author_id = comment.author_id
    assert summary(app, record.id).text == "Approved and trusted the author"
    # The next comment of the author with links is approved (trusted), as the policy says.
    from tests.web.support import update_settings

    update_settings(app, "alpha", flood_seconds=0)
    later = submit(client, key, author=author, content="see http://x.example http://y.example")
    assert decide_comment(app, later.get_json()["id"]) == "approved"

    with get_db(app).session() as session:
        actions.undo(session, actor=MOD, action_id=record.id)
    with get_db(app).session() as session:
        assert session.get(AuthorFlag, author_id) is None
        comment = session.get(Comment, first)
        assert comment is not None and comment.status == CommentStatus.HELD

    # A premoderated author trusted, then undone: premoderated again.
    with get_db(app).session() as session:
        session.add(AuthorFlag(author_id=author_id, trusted=False, premoderated=True))
        session.commit()
    second = act(app, [first], "approve", trust_author=True)
    with get_db(app).session() as session:
        actions.undo(session, actor=MOD, action_id=second.id)
    with get_db(app).session() as session:
        flag = session.get(AuthorFlag, author_id)
        assert flag is not None and flag.premoderated and not flag.trusted


def test_edit_then_approve_keeps_the_original_and_publishes_the_edit(
    served_app: tuple[Flask, str],
) -> None:
    app, key = served_app
    client = app.test_client()
    original = "A fair point, but the minister is an idiot."
    comment_id = held_comment(app, client, key, content=original)
    edited = "A fair point, but the minister is [removed by a moderator]."
    record = act(app, [comment_id], "approve", content=f"  {edited}\r\n")
    assert summary(app, record.id).text == "Edited and approved"
    body = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key)).get_json()
    assert body["content"] == edited
    assert body["status"] == "approved"
    with get_db(app).session() as session:
        events = list(
            session.scalars(
                select(CommentEvent)
                .where(CommentEvent.comment_id == comment_id)
                .order_by(CommentEvent.id)
            )
        )
        assert [e.type for e in events] == ["submitted", "scored", "decided", "edited", "moderated"]
        assert events[3].data == {"original": original, "content": edited}
        assert events[3].actor == MOD
        assert events[4].data["edited"] is True
        moderated = [
            json.loads(b)["data"]
            for b in session.scalars(
                select(WebhookDelivery.body).where(
                    WebhookDelivery.event_type == "comment.moderated"
                )
            )
        ]
    assert moderated[-1]["content"] == edited and moderated[-1]["edited"] is True
    assert labels_of(app, comment_id)[0][0] == "ham"
    with get_db(app).session() as session:
        assert latest_labels(session)[0].example.text == edited

    with get_db(app).session() as session:
        actions.undo(session, actor=MOD, action_id=record.id)
    body = client.get(f"/api/v1/comments/{comment_id}", headers=auth(key)).get_json()
    assert body["content"] == original and body["status"] == "held"

    for bad in ("   ", "x" * 70_000):
        with pytest.raises(BadRequest):
            act(app, [comment_id], "approve", content=bad)
    with pytest.raises(BadRequest):
        act(app, [comment_id], "reject", reason_code="spam", content="other text")
    other = held_comment(app, client, key)
    with pytest.raises(BadRequest, match="one comment at a time"):
        act(app, [comment_id, other], "approve", content="same text for both")


def test_a_note_without_rejecting(served_app: tuple[Flask, str]) -> None:
    app, key = served_app
    comment_id = held_comment(app, app.test_client(), key)
    with get_db(app).session() as session:
        site_ids = list(session.scalars(select(Site.id)))
        actions.add_note(
            session,
            actor=MOD,
            site_ids=site_ids,
            comment_id=comment_id,
            body=" Asked the desk about this one. ",
        )
        notes = actions.notes_of(session, [comment_id])[comment_id]
        assert [(n.actor, n.data) for n in notes] == [
            (MOD, {"note": "Asked the desk about this one."})
        ]
        comment = session.get(Comment, comment_id)
        assert comment is not None and comment.status == CommentStatus.HELD
        for body in ("", "  ", "x" * (actions.MAX_NOTE + 1)):
            with pytest.raises(BadRequest):
                actions.add_note(
                    session, actor=MOD, site_ids=site_ids, comment_id=comment_id, body=body
                )
        with pytest.raises(NotFound):
            actions.add_note(session, actor=MOD, site_ids=[], comment_id=comment_id, body="x")
    assert labels_of(app, comment_id) == []


def test_undo_says_why_it_cannot(served_app: tuple[Flask, str]) -> None:
    app, key = served_app
    client = app.test_client()
    comment_id = held_comment(app, client, key)
    record = act(app, [comment_id], "reject", reason_code="insult")
    with get_db(app).session() as session:
        actions.undo(session, actor=MOD, action_id=record.id)
        with pytest.raises(actions.UndoRefused) as refused:
            actions.undo(session, actor=MOD, action_id=record.id)
        assert refused.value.why == "already" and refused.value.status == 409
        with pytest.raises(NotFound):
            actions.undo(session, actor="someone@else.example", action_id=record.id)
    assert summary(app, record.id).undone

    late = act(app, [comment_id], "approve")
    with get_db(app).session() as session:
        stored = session.get(ModeratorAction, late.id)
        assert stored is not None
        stored.created_at = stored.created_at - timedelta(seconds=actions.UNDO_SECONDS + 1)
        session.commit()
    assert summary(app, late.id).seconds_left == 0
    with get_db(app).session() as session:
        with pytest.raises(actions.UndoRefused) as refused:
            actions.undo(session, actor=MOD, action_id=late.id)
        assert refused.value.why == "late"

    changed = act(app, [comment_id], "reject", reason_code="spam")
    act(app, [comment_id], "approve")
    with get_db(app).session() as session:
        with pytest.raises(actions.UndoRefused) as refused:
            actions.undo(session, actor=MOD, action_id=changed.id)
        assert refused.value.why == "changed"
        assert (
            actions.summarize(session, actor="someone@else.example", action_id=changed.id) is None
        )


def test_migration_0008_gives_older_labels_their_attribute(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.sqlite'}"
    upgrade(url, "0007")
    engine = create_engine(url)
    with engine.begin() as connection:
        # SQLite does not enforce the foreign keys here: the label rows alone are enough.
        for n, label in enumerate(("spam", "ham", "toxic", "acceptable"), start=1):
            connection.execute(
                text(
                    "INSERT INTO labels (id, site_id, comment_id, label, source, created_at)"
                    " VALUES (:id, 1, 'c1', :label, 'moderator', '2026-01-01 00:00:00')"
                ),
                {"id": n, "label": label},
            )
    upgrade(url, "0008")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT label, attribute FROM labels ORDER BY id")).all()
    engine.dispose()
    assert [tuple(r) for r in rows] == [
        ("spam", "spam"),
        ("ham", "spam"),
        ("toxic", "toxicity"),
        ("acceptable", None),
    ]
