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
    Ban,
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


def arrived_since(
    session: Session, *, site_ids: list[int], flt: QueueFilter, since: datetime
) -> int:
    """How many comments entered the filter's queue tab (held or reported) after ``since``."""
    if not site_ids or flt.tab not in (CommentStatus.HELD, REPORTED):
        return 0
    query = _base(site_ids, flt, flt.tab)
    if flt.tab == REPORTED:
        query = query.where(ReportedComment.entered_at > since)
    else:
        query = query.where(Comment.decided_at > since)
    return session.scalar(select(func.count()).select_from(query.subquery())) or 0


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


# --- The context of a card (issue 17: thread, bans, marked text), loaded for a page at once ---

#: Earlier replies to the same parent shown with a card (the newest of them, oldest first).
THREAD_EARLIER = 3
#: Replies to the comment itself shown on its history page.
THREAD_REPLIES = 10
# Siblings fetched per thread before the per-card cut (a thread's newest replies).
_THREAD_WINDOW = 50
# A span's strength relative to the strongest span of its attribute in the same comment.
STRONG, MEDIUM = 0.67, 0.34


@dataclass(frozen=True)
class Mark:
    """A piece of a comment's text: the model span covering it, and whether it is a link or a
    site's moderation (or disallowed) word."""

    text: str
    span: dict[str, Any] | None = None
    link: bool = False
    word: str | None = None


@dataclass
class CardContext:
    """What a card shows around the comment; every comment in it is of the card's own site."""

    parent: Comment | None = None
    # The comment names a parent this service never stored (or one of another site).
    parent_missing: bool = False
    earlier: list[Comment] | None = None
    replies: list[Comment] | None = None
    bans: list[Ban] | None = None
    marks: list[Mark] | None = None


def _human(attribute: str) -> str:
    return attribute.replace("_", " ")


def describe_spans(spans: list[dict[str, Any]], values: dict[str, float]) -> list[dict[str, Any]]:
    """Copies of ``spans`` with ``strength`` (strong/medium/weak), ``share`` (of the marked
    evidence of its attribute, 0..1) and a readable ``label``.

    Span scores are unbounded contributions (linear stage) or probabilities (language-model
    stage); neither reads well alone, so each span is compared with the others of its attribute.
    """
    best: dict[str, float] = {}
    total: dict[str, float] = {}
    for span in spans:
        name, score = span.get("attribute") or "", max(float(span.get("score") or 0.0), 0.0)
        best[name] = max(best.get(name, 0.0), score)
        total[name] = total.get(name, 0.0) + score
    described = []
    for span in spans:
        name, score = span.get("attribute") or "", max(float(span.get("score") or 0.0), 0.0)
        ratio = score / best[name] if best.get(name) else 1.0
        share = score / total[name] if total.get(name) else 1.0
        strength = "strong" if ratio >= STRONG else "medium" if ratio >= MEDIUM else "weak"
        label = f"{strength} signal of {_human(name)}"
        if share < 0.995:
            label += f" ({round(share * 100)}% of the marked {_human(name)} evidence)"
        if name in values:
            label += f"; the comment's {_human(name)} score is {values[name]:.2f}"
        described.append({**span, "strength": strength, "share": share, "label": label})
    return described


def mark_text(text: str, spans: list[dict[str, Any]], words: list[str] | None = None) -> list[Mark]:
    """Split ``text`` into pieces marked with their model span, link and moderation word.

    Pieces are plain text; the template escapes each one (nothing here produces markup).
    Overlapping model spans: the one starting first wins (as ``highlight``).
    """
    n = len(text)
    span_at: list[dict[str, Any] | None] = [None] * n
    for segment_begin, (segment, span) in _offsets(highlight(text, spans)):
        if span is not None:
            for i in range(segment_begin, segment_begin + len(segment)):
                span_at[i] = span
    link_at = [False] * n
    for match in _link_pattern().finditer(text):
        for i in range(match.start(), match.end()):
            link_at[i] = True
    word_at: list[str | None] = [None] * n
    for raw in words or []:
        word = raw.strip()
        if not word:
            continue
        for match in re.finditer(re.escape(word), text, re.IGNORECASE):
            for i in range(match.start(), match.end()):
                word_at[i] = word_at[i] or word
    marks: list[Mark] = []
    start = 0
    for i in range(1, n + 1):
        if i == n or (span_at[i], link_at[i], word_at[i]) != (
            span_at[start],
            link_at[start],
            word_at[start],
        ):
            marks.append(Mark(text[start:i], span_at[start], link_at[start], word_at[start]))
            start = i
    return marks


def _offsets(
    segments: list[tuple[str, dict[str, Any] | None]],
) -> list[tuple[int, tuple[str, dict[str, Any] | None]]]:
    out, position = [], 0
    for segment in segments:
        out.append((position, segment))
        position += len(segment[0])
    return out


def _link_pattern() -> re.Pattern[str]:
    from classifier.links import LINK_RE  # the pattern the LINKS rule counts with

    return LINK_RE


def card_context(
    session: Session, comments: list[Comment], *, replies: bool = False
) -> dict[str, CardContext]:
    """Each comment's parent, earlier replies to that parent, active bans on its author and
    marked text, in a fixed number of queries for the whole page (no query per card).

    A parent or sibling is looked up in the comment's own site only. ``replies`` adds the replies
    to each comment (its history page).
    """
    from moderation.services.policy import SiteSettings
    from moderation.tables import Site

    contexts = {comment.id: CardContext(earlier=[], replies=[], bans=[]) for comment in comments}
    if not comments:
        return contexts
    site_ids = sorted({c.site_id for c in comments})
    wanted = {(c.site_id, c.parent_id) for c in comments if c.parent_id}

    # Parents: by the site's id for them (external_id), or by this service's id.
    parents: dict[tuple[int, str], Comment] = {}
    if wanted:
        keys = sorted({parent for _, parent in wanted})
        for found in session.scalars(
            select(Comment).where(
                Comment.site_id.in_(site_ids),
                or_(Comment.external_id.in_(keys), Comment.id.in_(keys)),
            )
        ):
            for key in (found.id, found.external_id):
                # The site's own id wins over a coincidence with this service's ids.
                if (
                    key
                    and (found.site_id, key) in wanted
                    and (key == found.external_id or (found.site_id, key) not in parents)
                ):
                    parents[(found.site_id, key)] = found

    # Earlier replies to the same parent: each thread's newest replies, cut per card below.
    siblings: dict[tuple[int, str], list[Comment]] = {}
    if wanted:
        keys = sorted({parent for _, parent in wanted})
        rank = (
            func.row_number()
            .over(
                partition_by=(Comment.site_id, Comment.parent_id),
                order_by=(Comment.created_at.desc(), Comment.id.desc()),
            )
            .label("rank")
        )
        inner = (
            select(Comment.id, rank)
            .where(Comment.site_id.in_(site_ids), Comment.parent_id.in_(keys))
            .subquery()
        )
        rows = session.scalars(
            select(Comment)
            .join(inner, inner.c.id == Comment.id)
            .where(inner.c.rank <= _THREAD_WINDOW)
            .order_by(Comment.created_at, Comment.id)
        )
        for row in rows:
            if (row.site_id, row.parent_id) in wanted and row.parent_id:
                siblings.setdefault((row.site_id, row.parent_id), []).append(row)

    children: dict[tuple[int, str], list[Comment]] = {}
    if replies:
        own = {key for c in comments for key in (c.id, c.external_id) if key}
        for row in session.scalars(
            select(Comment)
            .where(Comment.site_id.in_(site_ids), Comment.parent_id.in_(sorted(own)))
            .order_by(Comment.created_at, Comment.id)
            .limit(THREAD_REPLIES * len(comments) * 2)
        ):
            if row.parent_id:
                children.setdefault((row.site_id, row.parent_id), []).append(row)

    bans = _active_bans(session, comments)
    words: dict[int, list[str]] = {}
    for site in session.scalars(select(Site).where(Site.id.in_(site_ids))):
        settings = SiteSettings.for_site(site.settings)
        words[site.id] = [*settings.moderation_words, *settings.disallowed_words]

    for comment in comments:
        context = contexts[comment.id]
        if comment.parent_id:
            thread_key = (comment.site_id, comment.parent_id)
            parent = parents.get(thread_key)
            context.parent = parent if parent is not None and parent.id != comment.id else None
            context.parent_missing = context.parent is None
            context.earlier = [
                s
                for s in siblings.get(thread_key, [])
                if s.id != comment.id and (s.created_at, s.id) < (comment.created_at, comment.id)
            ][-THREAD_EARLIER:]
        if replies:
            by_id: dict[str, Comment] = {}
            for own_key in (comment.id, comment.external_id):
                for child in children.get((comment.site_id, own_key or ""), []):
                    by_id[child.id] = child
            context.replies = sorted(by_id.values(), key=lambda c: (c.created_at, c.id))[
                :THREAD_REPLIES
            ]
        context.bans = bans.get(comment.id, [])
        values = comment.latest_score.values if comment.latest_score else {}
        context.marks = mark_text(
            comment.content,
            describe_spans(explaining_spans(comment), values or {}),
            words.get(comment.site_id),
        )
    return contexts


def _active_bans(session: Session, comments: list[Comment]) -> dict[str, list[Ban]]:
    """The unexpired, unlifted bans of each comment's site on its author id, e-mail or IP."""
    from moderation.tables.base import utcnow

    def keys(comment: Comment) -> set[tuple[str, str]]:
        author = comment.author
        found = set()
        if author.external_id:
            found.add(("author", author.external_id))
        for email in (author.email, comment.author_email):
            if email:
                found.add(("email", email.strip().lower()))
        if comment.author_ip:
            found.add(("ip", comment.author_ip.strip()))
        return found

    wanted = {c.id: keys(c) for c in comments}
    values = sorted({value for pairs in wanted.values() for _, value in pairs})
    if not values:
        return {}
    now = utcnow()
    active = list(
        session.scalars(
            select(Ban)
            .where(
                Ban.site_id.in_(sorted({c.site_id for c in comments})),
                Ban.value.in_(values),
                Ban.lifted_at.is_(None),
                or_(Ban.expires_at.is_(None), Ban.expires_at > now),
            )
            .order_by(Ban.created_at.desc(), Ban.id.desc())
        )
    )
    return {
        c.id: [b for b in active if b.site_id == c.site_id and (b.kind, b.value) in wanted[c.id]]
        for c in comments
    }
