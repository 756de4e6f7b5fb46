"""Native API: readers' reports of published comments, forwarded by the site."""

from __future__ import annotations

from typing import Annotated

from flask import Blueprint, Response, jsonify, request
from pydantic import Field

from moderation.api.auth import current_site, require_site
from moderation.api.schemas import ExternalId, Text, _Strict, parse_body
from moderation.db import get_session
from moderation.services.reports import report_comment

bp = Blueprint("api_reports", __name__)


class ReportIn(_Strict):
    reason: Annotated[Text, Field(min_length=1, max_length=500)]
    reporter_id: ExternalId | None = None


@bp.post("/comments/<comment_id>/reports")
@require_site
def create_report(comment_id: str) -> tuple[Response, int]:
    """Record a reader's report; enough reports move a published comment into Reported."""
    payload = parse_body(ReportIn, request.get_data(cache=False))
    outcome = report_comment(
        get_session(),
        site=current_site(),
        comment_id=comment_id,
        reason=payload.reason,
        reporter_id=payload.reporter_id,
    )
    body = {
        "comment_id": comment_id,
        "reports": outcome.count,
        "threshold": outcome.threshold,
        "in_reported_queue": outcome.reported,
    }
    return jsonify(body), 201
