"""What the compatibility APIs share: scoring in the web process and storing what they decided.

A check (Akismet comment-check, Coral's moderation phase) is stored as a comment already decided,
with its scores, decision and history, in one transaction; its id is the check's guid. Feedback
(Akismet submit-spam/ham, Perspective suggestscore) becomes a label on the stored comment, or on
a comment recorded from the feedback when no check matches.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from flask import current_app, g
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.exceptions import ServiceUnavailable, TooManyRequests

from classifier.types import CommentInput
from moderation.api.schemas import MAX_CONTENT, clean_text
from moderation.enums import CommentStatus, DecidedBy, ReasonCode
from moderation.errors import UNAVAILABLE_RETRY_AFTER, Unprocessable
from moderation.scoring import model_provider
from moderation.services import adaptation, labels, submission_rules
from moderation.services.comments import (
    comment_language,
    get_or_create_article,
    get_or_create_author,
)
from moderation.services.decisions import (
    announce_decided,
    decided_event,
    decision_context,
    fields_of_comment,
    record_decision,
)
from moderation.services.policy import SiteSettings, Verdict, decide
from moderation.services.types import ArticleData, AuthorData, HistoryEvent, ScoreData
from moderation.tables import Author, Comment, Site
from moderation.tables.base import new_id, utcnow

log = logging.getLogger(__name__)

# Column limits of the comments table; compatibility clients send whatever they have.
_LIMITS = {"author_name": 245, "author_email": 100, "author_url": 200, "author_ip": 100}


@dataclass(frozen=True)
class Submission:
    """A comment as a compatibility API received it (every field optional but the content)."""

    content: str
    author_name: str = ""
    author_email: str = ""
    author_url: str = ""
    author_id: str = ""
    author_ip: str = ""
    user_agent: str = ""
    referrer: str = ""
    article_id: str = ""
    article_url: str = ""
    article_title: str = ""
    parent_id: str = ""
    external_id: str = ""
    # The language the API was given or already detected; detected from the content when empty.
    language: str = ""

    def cleaned(self) -> Submission:
        """Every field as the native API stores text: NFC, no NUL (PostgreSQL refuses it)."""
        return Submission(**{name: clean_text(value) for name, value in asdict(self).items()})

    def model_input(self) -> CommentInput:
        return CommentInput(
            text=self.content,
            author_name=self.author_name,
            author_email=self.author_email,
            author_url=self.author_url,
        )


class ContentTooLong(Unprocessable):
    """A comment longer than the native API accepts (WordPress's own limit)."""

    code = "content_too_long"


def check_content(content: str) -> None:
    """The native API's limit on a comment's text, for every API that scores one."""
    if len(content) > MAX_CONTENT:
        raise ContentTooLong(
            f"The comment is {len(content)} characters long; the limit is {MAX_CONTENT}."
        )


def _gevent_hub() -> Any:
    """gevent's hub when this process runs under gunicorn's gevent worker, else None."""
    try:
        from gevent import monkey
    except ImportError:  # pragma: no cover - gevent is a dependency
        return None
    if not monkey.is_module_patched("socket"):
        return None
    from gevent import get_hub

    return get_hub()


def _within_budget(work: Any) -> Any:
    """Run ``work()``, in gevent's thread pool under the time budget when served by gevent.

    The event loop keeps serving other requests while a comment is scored (ONNX Runtime and
    the tokenizer release the GIL). Over SYNC_SCORE_BUDGET_SECONDS the request is answered 503
    with Retry-After; the comment text is bounded (``check_content``), so this is rare.
    """
    hub = _gevent_hub()
    if hub is None:
        return work()
    from gevent import Timeout

    budget = float(current_app.config["SYNC_SCORE_BUDGET_SECONDS"])
    pending = hub.threadpool.spawn(work)
    try:
        return pending.get(timeout=budget)
    except Timeout:
        log.warning("scoring took longer than its budget of %.1fs; answered 503", budget)
        g.retry_after = UNAVAILABLE_RETRY_AFTER
        raise ServiceUnavailable(
            f"Scoring took longer than {budget:g} seconds; retry later.",
            retry_after=UNAVAILABLE_RETRY_AFTER,
        ) from None


def score(submission: Submission, *, spans: bool = False, site: Site | None = None) -> ScoreData:
    """Score in the web process with the site's model (loaded once per process).

    The active base model, with ``site``'s adaptation on top when it has one.
    """
    check_content(submission.content)
    model = model_provider().get(site_id=site.id if site is not None else None)
    item = submission.model_input()
    result = _within_budget(lambda: model.score_one(item, spans=spans))
    return ScoreData(
        model_version=model.version,
        scores={name: round(float(value), 4) for name, value in result.scores.items()},
        spans=[
            {"begin": s.begin, "end": s.end, "attribute": s.attribute, "score": round(s.score, 4)}
            for s in result.spans
        ],
    )


def span_probabilities(
    text: str, spans: list[dict[str, Any]], *, site: Site | None = None
) -> list[float]:
    """The probability of each span's own text for its attribute (one batch through the model)."""
    if not spans:
        return []
    model = model_provider().get(site_id=site.id if site is not None else None)
    results = model.score([CommentInput(text=text[s["begin"] : s["end"]]) for s in spans])
    return [
        round(float(result.scores.get(span["attribute"], 0.0)), 4)
        for span, result in zip(spans, results, strict=True)
    ]


def _rules_verdict(
    session: Session, site: Site, comment: Comment, author: Author, settings: SiteSettings
) -> Verdict | None:
    """The site's synchronous rules that reject whatever the scores (bans, disallowed words).

    Flood control, duplicates and closed articles refuse a native submission; a checking API
    has to answer, so they do not apply here.
    """
    return submission_rules.rejection_by_rules(
        session,
        site_id=site.id,
        author=author,
        email=comment.author_email,
        ip=comment.author_ip,
        fields=fields_of_comment(comment),
        settings=settings,
    )


def _clip(value: str, limit: int) -> str | None:
    value = value.strip()
    return value[:limit] if value else None


def _article_and_author(session: Session, site: Site, submission: Submission) -> tuple[Any, Any]:
    article_url = submission.article_url or submission.article_id or (site.url or "unknown")
    article = get_or_create_article(
        session,
        site,
        ArticleData(
            id=(submission.article_id or article_url)[:255],
            url=article_url[:2000],
            title=submission.article_title[:1000],
        ),
    )
    author = get_or_create_author(
        session,
        site,
        AuthorData(
            name=(submission.author_name or "anonymous")[:245],
            id=_clip(submission.author_id, 255),
            email=_clip(submission.author_email, 100),
        ),
    )
    return article, author


def _comment_row(
    site: Site, submission: Submission, article: Any, author: Any, *, status: str
) -> Comment:
    """A comment not yet in the session (foreign keys set by id, so nothing cascades in)."""
    now = utcnow()
    return Comment(
        id=new_id(),
        site_id=site.id,
        article_id=article.id,
        author_id=author.id,
        external_id=_clip(submission.external_id, 255),
        parent_id=_clip(submission.parent_id, 255),
        content=submission.content,
        author_name=(submission.author_name or "anonymous")[:245],
        author_email=_clip(submission.author_email, _LIMITS["author_email"]),
        author_url=_clip(submission.author_url, _LIMITS["author_url"]),
        author_ip=_clip(submission.author_ip, _LIMITS["author_ip"]),
        user_agent=_clip(submission.user_agent, 500),
        referrer=_clip(submission.referrer, 2000),
        language=comment_language(submission.content, submission.language[:16] or None),
        status=status,
        discard=False,
        created_at=now,
        decided_at=now,
    )


def _new_comment(session: Session, site: Site, submission: Submission, *, status: str) -> Comment:
    article, author = _article_and_author(session, site, submission)
    comment = _comment_row(site, submission, article, author, status=status)
    session.add(comment)
    # Rows below refer to it by id only (labels have no relationship), so insert it first.
    session.flush()
    return comment


def record_check(
    session: Session,
    *,
    site: Site,
    submission: Submission,
    scored: ScoreData,
    source: str,
    event_type: str,
    event_data: dict[str, Any] | None = None,
    override: Verdict | None = None,
) -> tuple[Comment, Verdict]:
    """Decide a checked comment as the worker would and store it; emit its events; commit.

    The decision is ``override`` when given (a protocol's test values), else the site's rules
    (bans, disallowed words), else the policy on the scores with the author's standing (trusted,
    premoderated, approvals so far), exactly as for a comment of the native API.
    """
    article, author = _article_and_author(session, site, submission)
    comment = _comment_row(site, submission, article, author, status=CommentStatus.PENDING)
    # Decide before adding the comment: on SQLite the write lock is then held only for the
    # inserts and the commit, not for the queries that decide.
    settings = SiteSettings.for_site(site.settings)
    decided_by = DecidedBy.RULES
    verdict = override or _rules_verdict(session, site, comment, author, settings)
    if verdict is None:
        context = decision_context(session, comment)
        verdict = decide(scored.scores, content=comment.content, settings=settings, context=context)
        decided_by = DecidedBy.MODEL
    comment.status, comment.discard = verdict.status, verdict.discard
    session.add(comment)
    session.flush()
    checked = HistoryEvent(
        event_type,
        source,
        {**(event_data or {}), "status": verdict.status, "discard": verdict.discard},
    )
    record_decision(
        session,
        comment=comment,
        verdict=verdict,
        decided_by=decided_by,
        score=scored,
        history=[checked, decided_event(verdict, by=decided_by, actor=source)],
        outbound=announce_decided(verdict),
        at=comment.created_at,
    )
    session.commit()
    log.info(
        "%s check stored comment_id=%s site_id=%s status=%s",
        source,
        comment.id,
        site.id,
        verdict.status,
    )
    return comment, verdict


def _admit(session: Session, site: Site, comment: Comment | None, label: str) -> bool:
    """The label intake check; over the limit a 429 each compatibility API answers its way."""
    try:
        return adaptation.admit_label(
            session,
            site_id=site.id,
            comment_id=comment.id if comment is not None else "",
            label=label,
            limit_per_hour=int(current_app.config["LABELS_PER_SITE_PER_HOUR"]),
        )
    except adaptation.LabelsRateLimited as error:
        g.retry_after = error.extra["retry_after"]
        raise TooManyRequests(error.detail, retry_after=error.extra["retry_after"]) from None


#: Comments with the same text weighed against each other when feedback names no guid.
FEEDBACK_CANDIDATES = 50


def find_comment(
    session: Session,
    *,
    site: Site,
    guid: str = "",
    external_id: str = "",
    contents: Sequence[str] = (),
    author_name: str = "",
    author_email: str = "",
    author_ip: str = "",
) -> Comment | None:
    """The stored comment feedback refers to: by guid, by external id, else by its text.

    By text: any of ``contents`` (a client may send the text in more than one form), and of the
    site's comments with that text the one whose author name, e-mail and address agree most,
    the newest first.
    """
    if guid:
        comment = session.get(Comment, guid)
        if comment is not None and comment.site_id == site.id:
            return comment
    if external_id:
        found = session.scalar(
            select(Comment).where(Comment.site_id == site.id, Comment.external_id == external_id)
        )
        if found is not None:
            return found
    texts = sorted({text for text in contents if text})
    if not texts:
        return None
    candidates = session.scalars(
        select(Comment)
        .where(Comment.site_id == site.id, Comment.content.in_(texts))
        .order_by(Comment.created_at.desc())
        .limit(FEEDBACK_CANDIDATES)
    )
    wanted = (author_name[:245], author_email, author_ip)

    def agreement(comment: Comment) -> int:
        have = (comment.author_name or "", comment.author_email or "", comment.author_ip or "")
        return sum(1 for w, h in zip(wanted, have, strict=True) if w and w == h)

    # max() keeps the first of equals: the newest.
    return max(candidates, key=agreement, default=None)


def record_label(
    session: Session,
    *,
    site: Site,
    comment: Comment | None,
    submission: Submission,
    label: str,
    source: str,
) -> Comment:
    """Site feedback through a compatibility API; commit.

    On a stored comment it is the site's feedback (``labels.apply_feedback``): the label, and the
    status it implies. Without one, the comment is recorded from the feedback with that status.
    A label the comment already has changes nothing; over the site's hourly label limit the
    request is refused with 429 in the API's own shape (``adaptation.admit_label``).
    """
    actor = f"{source}:site:{site.id}"
    admitted = _admit(session, site, comment, label)
    if comment is not None:
        if not admitted:
            log.info("feedback repeated comment_id=%s label=%s: unchanged", comment.id, label)
            return comment
        return labels.apply_feedback(session, site=site, comment=comment, label=label, actor=actor)
    status = labels.LABEL_STATUS[label]
    comment = _new_comment(session, site, submission, status=status)
    reason = {
        "code": ReasonCode.FEEDBACK,
        "detail": f"the site labelled this comment {label} ({source})",
    }
    labels.record_label(session, comment=comment, label=label, source="site", actor=actor)
    # Recorded from the feedback, the comment was never announced: no outbound events.
    record_decision(
        session,
        comment=comment,
        verdict=Verdict(status=status, reasons=[reason]),
        decided_by=DecidedBy.SITE,
        actor=actor,
        history=[HistoryEvent("feedback", actor, {"label": label})],
        outbound=[],
        at=comment.created_at,
    )
    session.commit()
    log.info("feedback stored comment_id=%s label=%s source=%s", comment.id, label, source)
    return comment
