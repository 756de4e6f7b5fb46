"""Site feedback on a comment: missed spam, false positives, toxic or acceptable."""

from __future__ import annotations

from typing import Annotated

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from moderation.api.auth import current_site, require_site
from moderation.api.schemas import Actor, parse_body
from moderation.db import get_session
from moderation.services import comments as comment_service
from moderation.services.adaptation import admit_label
from moderation.services.labels import apply_feedback
from moderation.tables import LABELS

bp = Blueprint("api_feedback", __name__)


class FeedbackIn(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)

    # Checked against LABELS by the service (422), so a number is a 400; the document names them.
    label: Annotated[StrictStr, Field(json_schema_extra={"enum": list(LABELS)})]
    actor: Actor | None = None  # cleaned as text; within the column with its site: prefix


@bp.post("/comments/<comment_id>/feedback")
@require_site
def feedback(comment_id: str) -> Response:
    """Label a comment; the label overrides the model's decision and feeds retraining."""
    payload = parse_body(FeedbackIn, request.get_data(cache=False))
    site = current_site()
    session = get_session()
    comment = comment_service.get_comment(session, site=site, comment_id=comment_id)
    actor = f"site:{site.id}" + (f":{payload.actor}" if payload.actor else "")
    # One current label per comment (a repeat changes nothing), and at most
    # LABELS_PER_SITE_PER_HOUR labels an hour from one site (429 with Retry-After beyond).
    if admit_label(
        session,
        site_id=site.id,
        comment_id=comment.id,
        label=payload.label,
        limit_per_hour=int(current_app.config["LABELS_PER_SITE_PER_HOUR"]),
    ):
        apply_feedback(session, site=site, comment=comment, label=payload.label, actor=actor)
    session.expire_all()
    comment = comment_service.get_comment(session, site=site, comment_id=comment_id)
    url = url_for("api_comments.get_comment", comment_id=comment_id, _external=True)
    return jsonify(comment_service.serialize_comment(comment, url=url))
