"""The webhook endpoints and delivery log of the calling site, for its admins (read-only)."""

from __future__ import annotations

from flask import Blueprint, Response, jsonify, request

from moderation.api.auth import current_site, require_site
from moderation.db import get_session
from moderation.errors import BadRequest
from moderation.request_guard import db_int
from moderation.services import webhooks

bp = Blueprint("compat_webhooks", __name__)


@bp.get("/webhooks")
@require_site
def list_endpoints() -> Response:
    """The site's webhook endpoints (never their secrets)."""
    rows = webhooks.list_endpoints(get_session(), site=current_site())
    return jsonify({"items": [webhooks.serialize_endpoint(row) for row in rows]})


@bp.get("/webhooks/deliveries")
@require_site
def list_deliveries() -> Response:
    """The site's delivery log, newest first: status, attempts, last error."""
    try:
        limit = int(request.args.get("limit", "50"))
        endpoint = request.args.get("endpoint_id")
        endpoint_id = db_int(endpoint) if endpoint else None
    except ValueError:
        raise BadRequest("limit and endpoint_id must be whole numbers") from None
    if not 1 <= limit <= 500:
        raise BadRequest("limit must be between 1 and 500")
    rows = webhooks.list_deliveries(
        get_session(),
        site=current_site(),
        status=request.args.get("status") or None,
        endpoint_id=endpoint_id,
        limit=limit,
    )
    return jsonify({"items": [webhooks.serialize_delivery(row) for row in rows]})
