"""Akismet-compatible API: verify-key, comment-check, submit-spam/ham, usage-limit, key-sites.

Follows Akismet's published behaviour, so WordPress and Akismet clients work unchanged once
pointed here: form-encoded (or JSON) bodies, the site key as ``api_key`` (``key`` for verify-key)
and the site URL as ``blog``; unknown parameters ignored; plain-text bodies with no trailing
newline; HTTP 200 with ``invalid`` and an ``X-akismet-debug-help`` header for a bad key or a
missing field. A check is stored as a decided comment whose id is the ``X-akismet-guid``.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from flask import Blueprint, Response, jsonify, request
from sqlalchemy import func, select
from werkzeug.exceptions import HTTPException

from moderation.compat import store
from moderation.db import get_session
from moderation.enums import CommentStatus, ReasonCode
from moderation.services.policy import Verdict
from moderation.services.sites import site_for_key
from moderation.tables import Comment, CommentEvent, Label, Site
from moderation.tables.base import utcnow

log = logging.getLogger(__name__)

bp = Blueprint("compat_akismet", __name__)

SUBMISSION_THANKS = "Thanks for making the web a better place."
DEBUG_HEADER = "X-akismet-debug-help"
PRO_TIP_HEADER = "X-akismet-pro-tip"
GUID_HEADER = "X-akismet-guid"

# Akismet's documented test values.
GUARANTEED_SPAM_AUTHORS = ("akismet-guaranteed-spam", "viagra-test-123")
GUARANTEED_SPAM_EMAIL = "akismet-guaranteed-spam@example.com"

KEY_HOST_SUFFIX = ".rest.akismet.com"

CHECK_EVENT = "akismet.checked"
RECHECK_EVENT = "akismet.rechecked"


class Invalid(Exception):
    """Answered as ``invalid`` with the reason in the debug header."""

    def __init__(self, reason: str, status: int = 200) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


def _text(body: str, status: int = 200, headers: Mapping[str, str] | None = None) -> Response:
    response = Response(body, status=status, content_type="text/plain; charset=utf-8")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


@bp.errorhandler(Invalid)
def _invalid(error: Invalid) -> Response:
    return _text("invalid", error.status, {DEBUG_HEADER: error.reason})


@bp.errorhandler(HTTPException)
def _http_error(error: HTTPException) -> Response:
    # Too large, unreadable: still Akismet's shape, with the real status.
    status = error.code or 400
    return _text("invalid", status, {DEBUG_HEADER: error.description or error.name})


def _params() -> dict[str, str]:
    """Query string, then the form or JSON body (the body wins); values as text."""
    found: dict[str, str] = dict(request.args.items())
    if request.is_json:
        body = request.get_json(silent=True)
        if not isinstance(body, dict):
            raise Invalid("The request body is not a JSON object.", 400)
        for key, value in body.items():
            if value is None:
                continue
            found[str(key)] = value if isinstance(value, str) else _scalar(value)
    else:
        found.update(request.form.items())
    return found


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _flag(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true")


def _site(params: Mapping[str, str], key_name: str = "api_key", *, need_blog: bool = True) -> Site:
    key = (params.get(key_name) or "").strip()
    if not key:
        bearer = request.headers.get("Authorization", "")
        scheme, _, value = bearer.partition(" ")
        key = value.strip() if scheme.lower() == "bearer" else ""
    if not key:
        # The WordPress plugin names the key only in its host, <key>.rest.akismet.com, and a
        # forwarding filter may keep that Host header.
        # The raw header: keys are case-sensitive, and the parsed host is lowercased.
        host = (request.headers.get("Host") or "").split(":")[0]
        if host.lower().endswith(KEY_HOST_SUFFIX) and len(host) > len(KEY_HOST_SUFFIX):
            key = host[: -len(KEY_HOST_SUFFIX)]
    if not key:
        raise Invalid(f'Empty "{key_name}" value')
    blog = (params.get("blog") or "").strip()
    if not blog and need_blog:
        raise Invalid('Empty "blog" value')
    site = site_for_key(get_session(), key)
    if site is None:
        raise Invalid(f'Invalid key "{_redact(key)}"')
    return site


def _redact(key: str) -> str:
    return key[:6] + "..." if len(key) > 6 else key


def _submission(params: Mapping[str, str]) -> store.Submission:
    permalink = params.get("permalink", "")
    submission = store.Submission(
        content=params.get("comment_content", ""),
        author_name=params.get("comment_author", ""),
        author_email=params.get("comment_author_email", ""),
        author_url=params.get("comment_author_url", ""),
        author_ip=params.get("user_ip", ""),
        user_agent=params.get("user_agent", ""),
        referrer=params.get("referrer", ""),
        article_id=permalink,
        article_url=permalink or params.get("blog", ""),
    )
    return submission.cleaned()


def _test_verdict(params: Mapping[str, str]) -> Verdict | None:
    """Akismet's documented test values, which decide regardless of the text."""
    author = params.get("comment_author", "").strip().lower()
    email = params.get("comment_author_email", "").strip().lower()
    if author in GUARANTEED_SPAM_AUTHORS or email == GUARANTEED_SPAM_EMAIL:
        detail = "Akismet test value: guaranteed spam"
        return Verdict(
            status=CommentStatus.REJECTED,
            reasons=[{"code": ReasonCode.AKISMET_TEST_SPAM, "detail": detail}],
        )
    if params.get("user_role", "").strip().lower() == "administrator":
        detail = "Akismet test value: user_role=administrator is never spam"
        return Verdict(
            status=CommentStatus.APPROVED,
            reasons=[{"code": ReasonCode.AKISMET_TEST_HAM, "detail": detail}],
        )
    return None


@bp.post("/1.1/verify-key")
def verify_key() -> Response:
    """``valid`` for a current key of a site (and a blog URL), else ``invalid``."""
    params = _params()
    try:
        _site(params, key_name="key")
    except Invalid as error:
        return _text("invalid", 200, {DEBUG_HEADER: error.reason})
    return _text("valid")


@bp.post("/1.1/comment-check")
def comment_check() -> Response:
    """Score and decide now; ``true`` (spam, maybe with the discard tip) or ``false``."""
    params = _params()
    site = _site(params)
    if not (params.get("user_ip") or "").strip():
        raise Invalid("Missing required field: user_ip.")
    submission = _submission(params)
    is_test = _flag(params.get("is_test"))
    recheck_reason = (params.get("recheck_reason") or "").strip()[:200]

    scored = store.score(submission, spans=True)
    event_data: dict[str, Any] = {
        "is_test": is_test,
        "comment_type": params.get("comment_type", ""),
    }
    if recheck_reason:
        event_data["recheck_reason"] = recheck_reason
    # Akismet's test values decide first; then the site's rules and policy, as for any comment.
    test_verdict = _test_verdict(params)
    if test_verdict is not None:
        event_data["test_value"] = True
    comment, verdict = store.record_check(
        get_session(),
        site=site,
        submission=submission,
        scored=scored,
        source="akismet",
        event_type=RECHECK_EVENT if recheck_reason else CHECK_EVENT,
        event_data=event_data,
        override=test_verdict,
    )
    spam = verdict.status == CommentStatus.REJECTED
    headers = {GUID_HEADER: comment.id}
    if spam and verdict.discard:
        headers[PRO_TIP_HEADER] = "discard"
    if verdict.status == CommentStatus.HELD:
        # Not part of Akismet: lets a client that knows this service hold the comment.
        headers["X-Moderation-Status"] = CommentStatus.HELD
    return _text("true" if spam else "false", headers=headers)


def _feedback(label: str) -> Response:
    params = _params()
    site = _site(params)
    if not (params.get("user_ip") or "").strip():
        raise Invalid("Missing required field: user_ip.")
    if _flag(params.get("is_test")):
        # Test submissions have no training effect: nothing is stored.
        return _text(SUBMISSION_THANKS)
    submission = _submission(params)
    session = get_session()
    comment = store.find_comment(
        session,
        site=site,
        guid=(params.get("guid") or "").strip(),
        content=submission.content,
        author_name=submission.author_name,
    )
    if comment is None and not submission.content:
        raise Invalid("Missing required field: comment_content (or the guid of a check).")
    store.record_label(
        session,
        site=site,
        comment=comment,
        submission=submission,
        label=label,
        source="akismet",
    )
    return _text(SUBMISSION_THANKS)


@bp.post("/1.1/submit-spam")
def submit_spam() -> Response:
    """Missed spam: a ``spam`` label on the stored check (or on a new record)."""
    return _feedback("spam")


@bp.post("/1.1/submit-ham")
def submit_ham() -> Response:
    """A false positive: a ``ham`` label on the stored check (or on a new record)."""
    return _feedback("ham")


def _month_start(month: str | None = None) -> datetime:
    if month:
        try:
            start = datetime.strptime(month, "%Y-%m").replace(tzinfo=UTC)
        except ValueError:
            raise Invalid('Invalid "month" value; use YYYY-MM.') from None
        return start
    now = utcnow()
    return datetime(now.year, now.month, 1, tzinfo=UTC)


def _next_month(start: datetime) -> datetime:
    return (
        start.replace(year=start.year + 1, month=1)
        if start.month == 12
        else start.replace(month=start.month + 1)
    )


def _calls(site: Site, start: datetime, end: datetime) -> int:
    return (
        get_session().scalar(
            select(func.count())
            .select_from(CommentEvent)
            .join(Comment, Comment.id == CommentEvent.comment_id)
            .where(
                Comment.site_id == site.id,
                CommentEvent.type == CHECK_EVENT,
                CommentEvent.created_at >= start,
                CommentEvent.created_at < end,
            )
        )
        or 0
    )


@bp.get("/1.2/usage-limit")
@bp.post("/1.2/usage-limit")
def usage_limit() -> Response:
    """This month's comment-check calls; a self-hosted service has no limit."""
    params = _params()
    site = _site(params, need_blog=False)
    start = _month_start()
    usage = _calls(site, start, _next_month(start))
    return jsonify({"limit": "none", "usage": usage, "percentage": "0.00", "throttled": False})


@bp.get("/1.2/key-sites")
@bp.post("/1.2/key-sites")
def key_sites() -> Response:
    """The key's site with its month of calls, spam, ham, missed spam and false positives."""
    params = _params()
    site = _site(params, need_blog=False)
    start = _month_start(params.get("month"))
    end = _next_month(start)
    session = get_session()
    # What each check answered (the comment's status may have changed since, through feedback).
    answered: dict[str, bool] = {
        comment_id: (data or {}).get("status") == CommentStatus.REJECTED
        for comment_id, data in session.execute(
            select(CommentEvent.comment_id, CommentEvent.data)
            .join(Comment, Comment.id == CommentEvent.comment_id)
            .where(
                Comment.site_id == site.id,
                CommentEvent.type == CHECK_EVENT,
                CommentEvent.created_at >= start,
                CommentEvent.created_at < end,
            )
        )
    }
    calls = len(answered)
    spam = sum(answered.values())
    missed = false_positives = 0
    for comment_id, label in session.execute(
        select(Label.comment_id, Label.label)
        .join(CommentEvent, CommentEvent.comment_id == Label.comment_id)
        .where(
            Label.site_id == site.id,
            CommentEvent.type == CHECK_EVENT,
            CommentEvent.created_at >= start,
            CommentEvent.created_at < end,
        )
    ):
        missed += label == "spam" and not answered.get(comment_id, False)
        false_positives += label == "ham" and answered.get(comment_id, False)
    site_name = site.url or site.name
    row: dict[str, Any] = {
        "site": site_name,
        "api_calls": str(calls),
        "spam": str(spam),
        "ham": str(calls - spam),
        "missed_spam": str(missed),
        "false_positives": str(false_positives),
        "is_revoked": False,
    }
    url_filter = (params.get("filter") or "").strip()
    rows = [row] if not url_filter or url_filter in site_name else []
    try:
        limit = max(0, int(params.get("limit") or 500))
        offset = max(0, int(params.get("offset") or 0))
    except ValueError:
        raise Invalid('"limit" and "offset" must be whole numbers.') from None
    page = rows[offset : offset + limit]
    month = start.strftime("%Y-%m")
    if params.get("format") == "csv":
        out = io.StringIO()
        out.write(
            f"Active sites for {site.name} during {month} "
            f"(limit:{limit}, offset: {offset}, total: {len(rows)})\n"
        )
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "Site",
                "Total API Calls",
                "Spam",
                "Ham",
                "Missed Spam",
                "False Positives",
                "Is Revoked",
            ]
        )
        for item in page:
            writer.writerow(
                [
                    item["site"],
                    item["api_calls"],
                    item["spam"],
                    item["ham"],
                    item["missed_spam"],
                    item["false_positives"],
                    "false",
                ]
            )
        return _text(out.getvalue().rstrip("\n"))
    return jsonify({month: page, "limit": limit, "offset": offset, "total": len(rows)})
