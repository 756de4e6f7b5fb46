"""record_decision, the one writer of decisions, and the layering around it."""

from __future__ import annotations

import ast
from pathlib import Path

from flask import Flask
from sqlalchemy import func, select

from moderation.db import get_db
from moderation.enums import CommentStatus, DecidedBy, ReasonCode
from moderation.services import webhooks
from moderation.services.decisions import announce_decided, decided_event, record_decision
from moderation.services.policy import Verdict
from moderation.services.types import HistoryEvent, ScoreData
from moderation.tables import Comment, CommentEvent, Decision, Score, Site
from moderation.tables.integrations import WebhookDelivery
from tests.builders import auth, comment_payload, create_site
from tests.conftest import ROOT, AppFactory

HELD = Verdict(
    status=CommentStatus.HELD, reasons=[{"code": ReasonCode.TOXIC, "detail": "toxicity 0.91"}]
)


def pending_comment(app: Flask) -> str:
    """Builder: a pending comment on a site with one webhook endpoint."""
    site_id, key = create_site(app)
    with get_db(app).session() as session:
        site = session.get(Site, site_id)
        assert site is not None
        webhooks.create_endpoint(session, site=site, url="https://hooks.example/hook")
    response = app.test_client().post("/api/v1/comments", json=comment_payload(), headers=auth(key))
    assert response.status_code == 202
    comment_id: str = response.get_json()["id"]
    return comment_id


def record(app: Flask, comment_id: str, *, commit: bool, **overrides: object) -> Decision | None:
    with app.app_context(), get_db(app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        arguments: dict[str, object] = {
            "comment": comment,
            "verdict": HELD,
            "decided_by": DecidedBy.MODEL,
            "score": ScoreData(model_version="m1", scores={"toxicity": 0.91}),
            "history": [decided_event(HELD, by=DecidedBy.MODEL, actor="model:m1")],
            "outbound": announce_decided(HELD),
        }
        arguments.update(overrides)
        decision = record_decision(session, **arguments)  # type: ignore[arg-type]
        if commit:
            session.commit()
        else:
            session.rollback()
        return decision


def counts(app: Flask, comment_id: str) -> dict[str, int]:
    with get_db(app).session() as session:

        def count(model: type, *where: object) -> int:
            return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

        return {
            "scores": count(Score, Score.comment_id == comment_id),
            "decisions": count(Decision, Decision.comment_id == comment_id),
            "decided_events": count(
                CommentEvent, CommentEvent.comment_id == comment_id, CommentEvent.type == "decided"
            ),
            "deliveries": count(WebhookDelivery),
        }


def test_everything_is_written_in_the_callers_transaction(make_app: AppFactory) -> None:
    app = make_app("sqlite", ENQUEUE=False)
    comment_id = pending_comment(app)
    record(app, comment_id, commit=False)
    nothing = {"scores": 0, "decisions": 0, "decided_events": 0, "deliveries": 0}
    assert counts(app, comment_id) == nothing

    decision = record(app, comment_id, commit=True)
    assert decision is not None
    # Decided and entered the held queue: two outbound events for the one endpoint.
    assert counts(app, comment_id) == {
        "scores": 1,
        "decisions": 1,
        "decided_events": 1,
        "deliveries": 2,
    }
    with get_db(app).session() as session:
        comment = session.get(Comment, comment_id)
        assert comment is not None
        assert comment.status == "held"
        assert comment.latest_decision is not None
        assert comment.latest_decision.decided_by == "model"
        assert comment.latest_decision.model_version == "m1"
        assert comment.latest_decision.reasons == [{"code": "TOXIC", "detail": "toxicity 0.91"}]
        types = [event.type for event in comment.events]
        assert types == ["submitted", "decided"]
        kinds = sorted(row.event_type for row in session.scalars(select(WebhookDelivery)))
        assert kinds == ["comment.decided", "comment.entered_queue"]


def test_a_claim_on_a_status_the_comment_no_longer_has_writes_nothing(
    make_app: AppFactory,
) -> None:
    app = make_app("sqlite", ENQUEUE=False)
    comment_id = pending_comment(app)
    assert record(app, comment_id, commit=True, expect_status=CommentStatus.PENDING) is not None
    again = record(
        app,
        comment_id,
        commit=True,
        expect_status=CommentStatus.PENDING,
        history=[HistoryEvent("decided", "model:m2", {})],
    )
    assert again is None
    assert counts(app, comment_id)["decisions"] == 1


def _python_files(*packages: str) -> list[Path]:
    return sorted(path for package in packages for path in (ROOT / package).rglob("*.py"))


def test_decisions_and_scores_are_built_only_by_the_decision_writer() -> None:
    builders = set()
    for path in _python_files("moderation", "worker"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("Decision", "Score")
            ):
                builders.add(path.relative_to(ROOT).as_posix())
    assert builders == {"moderation/services/decisions.py"}


def _imports(path: Path) -> set[str]:
    """The moderation.services modules a file imports (anywhere in it)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "moderation.services":
                found |= {f"moderation.services.{alias.name}" for alias in node.names}
            elif node.module.startswith("moderation.services."):
                found.add(node.module)
    return found


def test_the_services_import_no_cycle() -> None:
    folder = ROOT / "moderation" / "services"
    graph = {
        f"moderation.services.{path.stem}": _imports(path)
        for path in folder.glob("*.py")
        if path.stem != "__init__"
    }

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for name in graph.get(start, set()):
            if name == goal or (name not in seen and reaches(name, goal, seen | {name})):
                return True
        return False

    cycles = sorted(name for name in graph if reaches(name, name, {name}))
    assert cycles == []
