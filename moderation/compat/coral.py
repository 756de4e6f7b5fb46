"""Coral's External Moderation Phase: Coral asks, before publishing, what to do with a comment.

Configure in Coral (Admin > Configure > Moderation > External moderation phase) the URL
``/coral/sites/<site id>/moderation-phase`` of this service and set the phase's signing secret
on the site here (``moderation integrations coral-secret SITE --secret ...``). Every request must
carry ``X-Coral-Signature: sha256=<hex>[,sha256=<hex>]``, the HMAC-SHA256 of the raw body.

The answer is ``204`` (no opinion) for a comment the policy approves, else Coral's
``{"status", "actions": [{"actionType": "FLAG", "reason": ...}]}``.
"""

from __future__ import annotations

import html
import logging
import re
from typing import Any

from flask import Blueprint, Response, jsonify, request

from moderation.compat import store
from moderation.db import get_session
from moderation.enums import CommentStatus
from moderation.errors import BadRequest, NotFound, Unauthorized, Unprocessable
from moderation.services.webhooks import coral_secret, verify_signature
from moderation.tables import Site

log = logging.getLogger(__name__)

bp = Blueprint("compat_coral", __name__)

SIGNATURE_HEADER = "X-Coral-Signature"
STAFF_ROLES = ("STAFF", "MODERATOR", "ADMIN")
_TAG = re.compile(r"<[^>]*>")


def _plain(body: str) -> str:
    """Coral may send the comment as HTML; the models read text."""
    text = re.sub(r"(?i)<br\s*/?>|</p>", "\n", body)
    return html.unescape(_TAG.sub("", text)).strip()


def _get(payload: dict[str, Any], name: str) -> dict[str, Any]:
    value = payload.get(name)
    return value if isinstance(value, dict) else {}


def _text(value: Any, limit: int = 2000) -> str:
    # NUL is never text (PostgreSQL refuses it, in JSON too): dropped, as from the comment.
    return value.replace("\x00", "")[:limit] if isinstance(value, str) else ""


@bp.post("/coral/sites/<int:site_id>/moderation-phase")
def moderation_phase(site_id: int) -> Response | tuple[str, int]:
    """Verify Coral's signature, score the comment, answer Coral's phase response or 204."""
    raw = request.get_data(cache=True)
    session = get_session()
    secret = coral_secret(session, site_id=site_id)
    site = session.get(Site, site_id)
    if site is None or secret is None:
        raise NotFound("no Coral moderation phase is configured for this site")
    if not verify_signature(request.headers.get(SIGNATURE_HEADER), raw, secret):
        raise Unauthorized(f"the {SIGNATURE_HEADER} header does not match the site's secret")
    payload = request.get_json(silent=True, force=True)
    if not isinstance(payload, dict):
        raise BadRequest("the body must be a JSON object")
    comment = _get(payload, "comment")
    body = comment.get("body")
    if not isinstance(body, str):
        raise Unprocessable("comment.body must be a string")
    author, story = _get(payload, "author"), _get(payload, "story")
    if author.get("role") in STAFF_ROLES:
        return "", 204
    text = _plain(body)
    if not text:
        return "", 204

    submission = store.Submission(
        content=text,
        author_name=_text(author.get("id"), 245) or "coral user",
        author_id=_text(author.get("id"), 255),
        article_id=_text(story.get("id"), 255),
        article_url=_text(story.get("url")),
        parent_id=_text(comment.get("parentID"), 255),
    ).cleaned()
    scored = store.score(submission, spans=True, site=site)
    stored, verdict = store.record_check(
        session,
        site=site,
        submission=submission,
        scored=scored,
        source="coral",
        event_type="coral.checked",
        event_data={"action": _text(payload.get("action"), 16)},
    )
    codes = [reason.get("code") for reason in verdict.reasons]
    actions: list[dict[str, str]] = []
    if "SPAM" in codes:
        actions.append({"actionType": "FLAG", "reason": "COMMENT_DETECTED_SPAM"})
    if "TOXIC" in codes:
        actions.append({"actionType": "FLAG", "reason": "COMMENT_DETECTED_TOXIC"})
    if verdict.status == CommentStatus.APPROVED:
        return "", 204
    if verdict.status == CommentStatus.REJECTED and verdict.discard:
        status = "REJECTED"
    elif actions:
        status = "SYSTEM_WITHHELD"
    else:
        status = "PREMOD"
    response = jsonify({"status": status, "actions": actions})
    response.headers["X-Moderation-Comment"] = stored.id
    return response
