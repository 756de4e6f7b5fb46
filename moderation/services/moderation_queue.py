"""The moderation queues: tabs, filters, search, order and counts, always within a user's sites.

Tabs: ``held``; ``reported`` (published comments readers reported often enough, until a
moderator acts); ``approved``; ``rejected``. Orders: ``newest`` first, or ``priority``: most
reports first, then the highest score of the chosen attribute (toxicity unless the score filter
names another), then the longest waiting.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, and_, cast, func, or_, select
from sqlalchemy.orm import Session, aliased, selectinload

from classifier import ATTRIBUTES
from moderation.enums import CommentStatus
from moderation.errors import BadRequest
from moderation.request_guard import db_int
from moderation.tables import (
    Article,
    Author,
    AuthorFlag,
    AuthorNote,
    Comment,
    Decision,
    Report,
    ReportedComment,
    Score,
)

# The queue's tabs: three statuses, and "reported": approved comments with open reports.
REPORTED = "reported"
TABS = (CommentStatus.HELD, REPORTED, CommentStatus.APPROVED, CommentStatus.REJECTED)
ORDERS = ("newest", "priority")
PAGE_SIZE = 25
MAX_QUERY = 200
# A comment's language code, as stored (given by the site or detected).
LANGUAGE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class QueueFilter:
    tab: str = CommentStatus.HELD
    site_id: int | None = None
    article_id: int | None = None
    reason: str | None = None
    attribute: str = "toxicity"
    min_score: float | None = None
    max_score: float | None = None
    q: str | None = None
    order: str = "newest"
    language: str | None = None

    @classmethod
    def from_args(cls, args: Any) -> QueueFilter:
        """Parse query-string arguments; anything malformed is a 400."""

        def number(name: str, kind: Callable[[str], Any]) -> Any:
            raw = (args.get(name) or "").strip()
            if not raw:
                return None
            try:
                return kind(raw)
            except ValueError:
                raise BadRequest(f"{name} must be a number") from None

        tab = args.get("tab") or CommentStatus.HELD
        if tab not in TABS:
            raise BadRequest(f"tab must be one of {', '.join(TABS)}")
        order = args.get("order") or "newest"
        if order not in ORDERS:
            raise BadRequest(f"order must be one of {', '.join(ORDERS)}")
        attribute = args.get("attribute") or "toxicity"
        if attribute not in ATTRIBUTES:
            raise BadRequest(f"attribute must be one of {', '.join(ATTRIBUTES)}")
        min_score, max_score = number("min", float), number("max", float)
        for value in (min_score, max_score):
            if value is not None and not 0.0 <= value <= 1.0:
                raise BadRequest("scores are between 0 and 1")
        reason = (args.get("reason") or "").strip().upper() or None
        if reason is not None and not reason.replace("_", "").isalpha():
            raise BadRequest("reason must be a reason code such as TOXIC")
        language = (args.get("language") or "").strip() or None
        if language is not None and not LANGUAGE.fullmatch(language):
            raise BadRequest("language must be a language code such as en")
        q = (args.get("q") or "").strip() or None
        if q is not None and len(q) > MAX_QUERY:
            raise BadRequest(f"a search has at most {MAX_QUERY} characters")
        return cls(
            tab=tab,
            site_id=number("site", db_int),
            article_id=number("article", db_int),
            reason=reason,
            attribute=attribute,
            min_score=min_score,
            max_score=max_score,
            q=q,
            order=order,
            language=language,
        )

    def args(self, **changes: Any) -> dict[str, Any]:
        """The filter as query-string arguments (for links), with ``changes`` applied."""
        values: dict[str, Any] = {
            "tab": self.tab,
            "site": self.site_id,
            "article": self.article_id,
            "reason": self.reason,
            "attribute": self.attribute if self.attribute != "toxicity" else None,
            "min": self.min_score,
            "max": self.max_score,
            "q": self.q,
            "order": self.order if self.order != "newest" else None,
            "language": self.language,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in (None, "")}


def _latest(model: Any) -> Any:
    """A correlated subquery: the id of a comment's latest row of ``model``."""
    inner = aliased(model)
    return (
        select(func.max(inner.id))
        .where(inner.comment_id == Comment.id)
        .correlate(Comment)
        .scalar_subquery()
    )


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _base(site_ids: list[int], flt: QueueFilter, tab: str) -> Select[Any]:
    query = select(Comment).where(Comment.site_id.in_(site_ids))
    if flt.site_id is not None:
        query = query.where(Comment.site_id == flt.site_id)
    if tab == REPORTED:
        query = query.join(
            ReportedComment,
            and_(ReportedComment.comment_id == Comment.id, ReportedComment.resolved_at.is_(None)),
        ).where(Comment.status == CommentStatus.APPROVED)
    else:
        query = query.where(Comment.status == tab)
    if flt.article_id is not None:
        query = query.where(Comment.article_id == flt.article_id)
    if flt.language is not None:
        query = query.where(Comment.language == flt.language)
    if flt.q:
        pattern = f"%{_escape_like(flt.q.lower())}%"
        query = query.where(
            or_(
                func.lower(Comment.content).like(pattern, escape="\\"),
                func.lower(Comment.author_name).like(pattern, escape="\\"),
                func.lower(Comment.author_email).like(pattern, escape="\\"),
                Comment.author_ip.like(pattern, escape="\\"),
            )
        )
    if flt.reason:
        # Both backends render the JSON as `"code": "X"`; matching the text keeps it portable.
        query = query.join(Decision, Decision.id == _latest(Decision)).where(
            cast(Decision.reasons, String).like(f'%"code": "{flt.reason}"%')
        )
    if flt.min_score is not None or flt.max_score is not None or flt.order == "priority":
        score = Score.values[flt.attribute].as_float()
        join = query.outerjoin if flt.order == "priority" else query.join
        query = join(Score, Score.id == _latest(Score))
        if flt.min_score is not None:
            query = query.where(score >= flt.min_score)
        if flt.max_score is not None:
            query = query.where(score <= flt.max_score)
    return query


def list_queue(
    session: Session, *, site_ids: list[int], flt: QueueFilter, page: int = 1
) -> tuple[list[Comment], int]:
    """A page of the tab's comments and how many match in all."""
    if not site_ids:
        return [], 0
    query = _base(site_ids, flt, flt.tab)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    if flt.order == "priority":
        reports = (
            select(func.count(Report.id)).where(Report.comment_id == Comment.id).scalar_subquery()
        )
        score = func.coalesce(Score.values[flt.attribute].as_float(), 0.0)
        query = query.order_by(reports.desc(), score.desc(), Comment.created_at.asc())
    else:
        query = query.order_by(Comment.created_at.desc(), Comment.id.desc())
    query = query.options(
        selectinload(Comment.scores),
        selectinload(Comment.decisions),
        selectinload(Comment.article),
        selectinload(Comment.author),
    )
    rows = list(session.scalars(query.limit(PAGE_SIZE).offset((max(page, 1) - 1) * PAGE_SIZE)))
    return rows, total


def matching_ids(session: Session, *, site_ids: list[int], flt: QueueFilter) -> list[str]:
    """Ids of every comment the filter matches (for 'select all matching')."""
    if not site_ids:
        return []
    query = _base(site_ids, flt, flt.tab).with_only_columns(Comment.id)
    return list(session.scalars(query))


def counts(session: Session, *, site_ids: list[int], flt: QueueFilter) -> dict[str, int]:
    """How many comments each tab holds under the filter."""
    if not site_ids:
        return dict.fromkeys(TABS, 0)
    return {
        tab: session.scalar(select(func.count()).select_from(_base(site_ids, flt, tab).subquery()))
        or 0
        for tab in TABS
    }


@dataclass(frozen=True)
class AuthorHistory:
    approved: int
    rejected: int
    first_seen: datetime | None
    trusted: bool = False
    premoderated: bool = False
    notes: int = 0


def author_histories(session: Session, author_ids: list[int]) -> dict[int, AuthorHistory]:
    """Each author's approved and rejected counts, first-seen time, standing and notes."""
    if not author_ids:
        return {}
    rows = session.execute(
        select(Comment.author_id, Comment.status, func.count())
        .where(Comment.author_id.in_(author_ids))
        .group_by(Comment.author_id, Comment.status)
    )
    tally: dict[int, dict[str, int]] = {}
    for author_id, status, count in rows:
        tally.setdefault(author_id, {})[status] = count
    seen: dict[int, datetime] = {}
    for author_id, first_seen in session.execute(
        select(Author.id, Author.first_seen).where(Author.id.in_(author_ids))
    ):
        seen[author_id] = first_seen
    flags = {
        flag.author_id: flag
        for flag in session.scalars(select(AuthorFlag).where(AuthorFlag.author_id.in_(author_ids)))
    }
    notes: dict[int, int] = {}
    for author_id, count in session.execute(
        select(AuthorNote.author_id, func.count())
        .where(AuthorNote.author_id.in_(author_ids))
        .group_by(AuthorNote.author_id)
    ):
        notes[author_id] = count
    histories = {}
    for author_id in author_ids:
        flag = flags.get(author_id)
        histories[author_id] = AuthorHistory(
            approved=tally.get(author_id, {}).get(CommentStatus.APPROVED, 0),
            rejected=tally.get(author_id, {}).get(CommentStatus.REJECTED, 0),
            first_seen=seen.get(author_id),
            trusted=bool(flag and flag.trusted),
            premoderated=bool(flag and flag.premoderated),
            notes=notes.get(author_id, 0),
        )
    return histories


def report_reasons(session: Session, comment_ids: list[str]) -> dict[str, list[str]]:
    """The readers' report reasons of each comment, oldest first."""
    if not comment_ids:
        return {}
    rows = session.execute(
        select(Report.comment_id, Report.reason)
        .where(Report.comment_id.in_(comment_ids))
        .order_by(Report.id)
    )
    found: dict[str, list[str]] = {}
    for comment_id, reason in rows:
        found.setdefault(comment_id, []).append(reason)
    return found


def articles_for(session: Session, site_ids: list[int], limit: int = 200) -> list[Article]:
    """Recent articles of the sites, for the article filter."""
    if not site_ids:
        return []
    return list(
        session.scalars(
            select(Article)
            .where(Article.site_id.in_(site_ids))
            .order_by(Article.created_at.desc())
            .limit(limit)
        )
    )


def languages_for(session: Session, site_ids: list[int]) -> list[str]:
    """The languages of the sites' comments, for the language filter (sorted)."""
    if not site_ids:
        return []
    return list(
        session.scalars(
            select(Comment.language)
            .where(Comment.site_id.in_(site_ids), Comment.language.is_not(None))
            .distinct()
            .order_by(Comment.language)
        )
    )


def explaining_spans(comment: Comment) -> list[dict[str, Any]]:
    """The spans that explain the model's decision: those of the attributes its reasons name.

    Without such reasons (an approved comment), the spans of attributes scored 0.5 or more.
    """
    score = comment.latest_score
    if score is None:
        return []
    model_decisions = [d for d in comment.decisions if d.decided_by == "model"]
    reasons = model_decisions[-1].reasons if model_decisions else []
    fired = {r.get("attribute") for r in reasons if r.get("attribute")}
    if not fired:
        fired = {name for name, value in (score.values or {}).items() if value >= 0.5}
    return [span for span in score.spans or [] if span.get("attribute") in fired]


def highlight(text: str, spans: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any] | None]]:
    """Split text into segments, each with the explaining span covering it (or None).

    Overlapping spans: the one starting first wins. Offsets outside the text are ignored.
    """
    segments: list[tuple[str, dict[str, Any] | None]] = []
    position = 0
    ordered = sorted(
        (
            s
            for s in spans
            if isinstance(s.get("begin"), int)
            and isinstance(s.get("end"), int)
            and 0 <= s["begin"] < s["end"] <= len(text)
        ),
        key=lambda s: (s["begin"], -s["end"]),
    )
    for span in ordered:
        begin, end = span["begin"], span["end"]
        if begin < position:
            continue
        if begin > position:
            segments.append((text[position:begin], None))
        segments.append((text[begin:end], span))
        position = end
    if position < len(text):
        segments.append((text[position:], None))
    return segments
