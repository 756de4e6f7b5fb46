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
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from flask import Blueprint, Response, jsonify, request
from sqlalchemy import func, select
from werkzeug.exceptions import HTTPException

from moderation.compat import store
from moderation.db import get_session
from moderation.enums import CommentStatus, ReasonCode
from moderation.errors import Problem
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
STATUS_HEADER = "X-Moderation-Status"

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


@bp.errorhandler(Problem)
def _problem(error: Problem) -> Response:
    # A comment too long to score, and any other refusal: still Akismet's shape.
    return _text("invalid", error.status, {DEBUG_HEADER: error.detail})


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
    # NUL is never text (PostgreSQL refuses it in columns, JSON and lookups): dropped, as the
    # native API drops it from text.
    return {key.replace("\x00", ""): value.replace("\x00", "") for key, value in found.items()}


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
    site = site_for_key(get_session(), key, akismet=True)
    if site is None:
        raise Invalid(f'Invalid key "{_redact(key)}"')
    return site


def _redact(key: str) -> str:
    shown = key[:6]
    if not (shown.isascii() and shown.isprintable()):
        return "(with characters no key has)"  # never CR/LF or non-Latin-1 into a header
    return shown + "..." if len(key) > 6 else shown


_SLASHED = re.compile(r"\\(.?)", re.DOTALL)
#: The fields WordPress slashes before its ``preprocess_comment`` filter, where the Akismet
#: plugin's comment-check reads them.
SLASHED_FIELDS = ("comment_content", "comment_author", "comment_author_email", "comment_author_url")


def unslash(text: str) -> str:
    """PHP's ``stripslashes`` (WordPress's ``wp_unslash``): ``\\'`` -> ``'``, ``\\\\`` -> ``\\``."""
    return _SLASHED.sub(lambda m: "\0" if m.group(1) == "0" else m.group(1), text)


def _sent_slashed(params: Mapping[str, str]) -> bool:
    """Whether this is the Akismet plugin checking a new comment, which it sends slashed.

    On submission WordPress slashes the comment (``wp_slash``) before the plugin's filter sees it;
    a recheck (``recheck_reason``) reads the stored, unslashed row.
    """
    agent = request.headers.get("User-Agent", "")
    return "Akismet/" in agent and "WordPress/" in agent and not params.get("recheck_reason")


def _submission(params: Mapping[str, str], *, slashed: bool = False) -> store.Submission:
    permalink = params.get("permalink", "")
    fields = {name: params.get(name, "") for name in SLASHED_FIELDS}
    if slashed:
        fields = {name: unslash(value) for name, value in fields.items()}
    submission = store.Submission(
        content=fields["comment_content"],
        author_name=fields["comment_author"],
        author_email=fields["comment_author_email"],
        author_url=fields["comment_author_url"],
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
    submission = _submission(params, slashed=_sent_slashed(params))
    is_test = _flag(params.get("is_test"))
    recheck_reason = (params.get("recheck_reason") or "").strip()[:200]

    scored = store.score(submission, spans=True, site=site)
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
    # X-Moderation-Status is not part of Akismet: it lets a client that knows this service
    # (integrations/wordpress/moderation-akismet.php) hold a comment Akismet calls not spam.
    headers = {GUID_HEADER: comment.id, STATUS_HEADER: verdict.status}
    if spam and verdict.discard:
        headers[PRO_TIP_HEADER] = "discard"
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
    # WordPress sends feedback with the stored (unslashed) text, or with the slashed text it kept
    # from the check; either finds the comment, narrowed by who sent it.
    comment = store.find_comment(
        session,
        site=site,
        guid=(params.get("guid") or "").strip(),
        contents=(submission.content, unslash(submission.content)),
        # Names and addresses with a backslash of their own are rare: compare them unslashed.
        author_name=unslash(submission.author_name),
        author_email=unslash(submission.author_email),
        author_ip=submission.author_ip,
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
            _next_month(start)  # December 9999 has no next month
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


@dataclass(frozen=True)
class Tally:
    """A site's checks in a period: what they answered, and what feedback said of them."""

    calls: int
    spam: int
    missed_spam: int
    false_positives: int

    @property
    def ham(self) -> int:
        return self.calls - self.spam

    @property
    def accuracy(self) -> float:
        """Percent of checks whose answer no feedback contradicted (100 with no checks)."""
        if not self.calls:
            return 100.0
        return round(100.0 * (1 - (self.missed_spam + self.false_positives) / self.calls), 2)


def _tally(site: Site, start: datetime | None, end: datetime | None) -> Tally:
    """The site's checks from ``start`` to ``end`` (either open)."""
    session = get_session()
    window = [Comment.site_id == site.id, CommentEvent.type == CHECK_EVENT]
    if start is not None:
        window.append(CommentEvent.created_at >= start)
    if end is not None:
        window.append(CommentEvent.created_at < end)
    # What each check answered (the comment's status may have changed since, through feedback).
    answered: dict[str, bool] = {
        comment_id: (data or {}).get("status") == CommentStatus.REJECTED
        for comment_id, data in session.execute(
            select(CommentEvent.comment_id, CommentEvent.data)
            .join(Comment, Comment.id == CommentEvent.comment_id)
            .where(*window)
        )
    }
    missed = false_positives = 0
    for comment_id, label in session.execute(
        select(Label.comment_id, Label.label)
        .join(CommentEvent, CommentEvent.comment_id == Label.comment_id)
        .join(Comment, Comment.id == CommentEvent.comment_id)
        .where(Label.site_id == site.id, *window)
        .distinct()
    ):
        missed += label == "spam" and not answered.get(comment_id, False)
        false_positives += label == "ham" and answered.get(comment_id, False)
    return Tally(len(answered), sum(answered.values()), missed, false_positives)


@bp.get("/1.1/test")
@bp.post("/1.1/test")
def connectivity_test() -> Response:
    """The plugin's connectivity check: ``connected`` (no key needed)."""
    return _text("connected")


@bp.post("/1.1/get-subscription")
def get_subscription() -> Response:
    """The plugin's account card: a self-hosted site is always active and never limited."""
    site = _site(_params(), key_name="key", need_blog=False)
    return jsonify(
        {
            "status": "active",
            "account_name": site.name,
            "account_type": "self-hosted",
            "account_id": site.id,
            "next_billing_date": None,
            "limit_reached": False,
        }
    )


#: Periods of get-stats' ``from``: what the plugin asks for, and Akismet's others.
_STATS_PERIODS = {"6-months": 183, "60-days": 60, "90-days": 90, "all": None}


@bp.post("/1.1/get-stats")
def get_stats() -> Response:
    """The plugin's statistics: spam, ham, missed spam, false positives, accuracy."""
    params = _params()
    site = _site(params, key_name="key", need_blog=False)
    period = (params.get("from") or "all").strip()
    if period not in _STATS_PERIODS:
        raise Invalid(f'Invalid "from" value; use one of {", ".join(_STATS_PERIODS)}.')
    days = _STATS_PERIODS[period]
    tally = _tally(site, utcnow() - timedelta(days=days) if days else None, None)
    return jsonify(
        {
            "spam": tally.spam,
            "ham": tally.ham,
            "missed_spam": tally.missed_spam,
            "false_positives": tally.false_positives,
            "accuracy": tally.accuracy,
            # Akismet's estimate of moderators' time saved: 15 seconds a spam comment.
            "time_saved": tally.spam * 15,
        }
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
    tally = _tally(site, start, end)
    site_name = site.url or site.name
    row: dict[str, Any] = {
        "site": site_name,
        "api_calls": str(tally.calls),
        "spam": str(tally.spam),
        "ham": str(tally.ham),
        "missed_spam": str(tally.missed_spam),
        "false_positives": str(tally.false_positives),
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
