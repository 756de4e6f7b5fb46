"""A site's policy: its settings and the decision they give a comment.

Two stages apply the rules; within each, rules run in this order.

At submission (``moderation.services.submission_rules``, synchronous, before anything is
stored or scored):

1. ``CLOSED``          the article is older than ``close_after_days``: refused (403), not stored.
2. ``FLOOD``           the same author (or, for authors without a site id, the same IP) commented
                       less than ``flood_seconds`` ago: refused (429 with Retry-After), not stored.
3. ``DUPLICATE``       the same author already posted the same text under the article: refused
                       (409), not stored.
4. ``BANNED``          an active ban on the author id, e-mail or IP: stored as rejected by "rules".
5. ``DISALLOWED_WORD`` a disallowed word in the author name, e-mail, URL, text, IP or user agent
                       (matched as WordPress does: case-insensitive substring): stored as rejected
                       by "rules". Such comments are not scored: the word decides, and scoring them
                       would only spend worker time.

After scoring (``decide`` below, run by the worker):

1. ``SPAM``            spam probability at or over the spam threshold: rejected (discarded at or
                       over the discard tier). Skipped for trusted authors.
2. ``TOXIC``           any toxicity attribute at or over its threshold: held. Applies to everyone.
3. ``PREMODERATED``    the site premoderates everything, or this article, or this author: held.
4. ``MODERATION_WORD`` a moderation word in any of the fields above: held. Skipped when trusted.
5. ``LINKS``           at least ``link_limit`` links in the text: held. Skipped when trusted.
6. ``NEW_AUTHOR``      the author has fewer approved comments than ``approvals_before_publish``:
                       held. Skipped when trusted.
7. ``TRUSTED``         a trusted author's comment that nothing above held: approved.
8. ``APPROVED``        nothing matched: approved.

Rejection outranks holding, which outranks approval; the first reason listed is the rule that
decided, and every reason that fired follows it, so a moderator sees a spam comment that was also
abusive. In **shadow mode** the decision is computed and shown the same way, but nothing is
rejected automatically: a comment that would have been rejected is held instead, and a
``SHADOW_MODE`` reason saying so comes first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from classifier import TOXICITY_ATTRIBUTES
from classifier.links import LINK_RE
from moderation.enums import CommentStatus, ReasonCode


def _default_thresholds() -> dict[str, float]:
    # Probabilities are calibrated, so a threshold is about the precision of what it flags.
    # Chosen on the corpora's dev part as submitted (each comment with an ordinary name and
    # e-mail, classifier.identities.as_submitted), model 20261201-102250-67f13e16; the model
    # card reports the test part. Spam at 0.80 rejects 0.46% of not-spam comments at
    # precision 0.89 (0.70: 0.66% at 0.85; 0.90 misses 3 points more spam); toxicity at 0.80
    # holds 2.1% of civil comments at precision 0.97. A rejection is final for the reader and
    # a hold only waits for a moderator, so spam stays high and the sub-attributes, which have
    # few positives and rarely reach 0.8, flag from where dev precision is 0.6-0.9
    # (identity_attack 0.82 at 0.50, insult 0.88 at 0.70, profanity 0.61 at 0.60; threat and
    # severe_toxicity have 12 and 2 dev positives, too few to tune on). Calibration error as
    # submitted is 0.02 for spam and toxicity on the test part.
    # Kept, not re-tuned, for 20261201-121505-452c6998 (the language-model stage blended in,
    # calibrated on the same dev part; toxicity ECE 0.012): on the pooled test parts they now
    # hold 84.9% of abusive comments (75.6% before) and 3.9% of civil ones (3.3% before).
    return {
        "spam": 0.80,
        "toxicity": 0.80,
        "severe_toxicity": 0.60,
        "identity_attack": 0.50,
        "insult": 0.70,
        "profanity": 0.60,
        "threat": 0.50,
    }


class SiteSettings(BaseModel):
    """Per-site settings with their defaults; a site stores only what it changed."""

    model_config = ConfigDict(extra="ignore")

    thresholds: dict[str, float] = Field(default_factory=_default_thresholds)
    spam_discard_threshold: float = Field(default=0.97, ge=0.0, le=1.0)
    link_limit: int = Field(default=2, ge=1, le=1000)
    moderation_words: list[str] = Field(default_factory=list)
    disallowed_words: list[str] = Field(default_factory=list)
    premoderate_all: bool = False
    premoderate_articles: list[str] = Field(default_factory=list)
    # None: comments never close.
    close_after_days: int | None = Field(default=None, ge=1, le=36500)
    # 0: a new commenter is published without review at once.
    approvals_before_publish: int = Field(default=0, ge=0, le=100)
    # 0: no flood control.
    flood_seconds: float = Field(default=15.0, ge=0.0, le=86400.0)
    reject_duplicates: bool = True
    shadow_mode: bool = False
    # Reader reports that move a published comment into the Reported queue.
    report_threshold: int = Field(default=3, ge=1, le=1000)

    @classmethod
    def for_site(cls, stored: dict[str, Any] | None) -> SiteSettings:
        stored = dict(stored or {})
        thresholds = _default_thresholds()
        thresholds.update(stored.pop("thresholds", None) or {})
        return cls(thresholds=thresholds, **stored)


# WordPress's way of counting links, with the TLDs the classifier knows (classifier.links).
_LINK = LINK_RE
_TAG = re.compile(r"<[^>]*>")


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


@dataclass(frozen=True)
class CommentFields:
    """The fields words are matched against, as WordPress's ``check_comment`` does."""

    author: str = ""
    email: str = ""
    url: str = ""
    content: str = ""
    ip: str = ""
    user_agent: str = ""


@dataclass(frozen=True)
class DecisionContext:
    """What the policy knows besides the scores: who wrote it, where, and the author's standing."""

    fields: CommentFields | None = None
    article_id: str | None = None
    trusted: bool = False
    premoderated: bool = False
    approved_count: int = 0


def match_words(words: Iterable[str], fields: CommentFields) -> tuple[str, str] | None:
    """The first ``(word, field)`` where a word occurs, case-insensitively, or None."""
    values = {
        "author": fields.author,
        "email": fields.email,
        "url": fields.url,
        "content": fields.content,
        "ip": fields.ip,
        "user_agent": fields.user_agent,
    }
    stripped = _TAG.sub("", fields.content)
    for raw in words:
        word = raw.strip()
        if not word:
            continue
        pattern = re.compile(re.escape(word), re.IGNORECASE)
        for name, value in values.items():
            if value and pattern.search(value):
                return word, name
        if pattern.search(stripped):
            return word, "content"
    return None


@dataclass
class Verdict:
    status: str
    reasons: list[dict[str, Any]] = field(default_factory=list)
    discard: bool = False


def _over(attribute: str, score: float, threshold: float) -> str:
    return f"{attribute} {score:.2f} is at or over the threshold {threshold:.2f}"


def apply_shadow_mode(verdict: Verdict, settings: SiteSettings) -> Verdict:
    """In shadow mode a rejection becomes a hold, with the reason first; otherwise unchanged."""
    if not settings.shadow_mode or verdict.status != CommentStatus.REJECTED:
        return verdict
    first = verdict.reasons[0]["code"] if verdict.reasons else "?"
    shadow = {
        "code": ReasonCode.SHADOW_MODE,
        "detail": f"shadow mode: would have been rejected ({first}); held for a moderator instead",
        "would_be": CommentStatus.REJECTED,
    }
    return Verdict(status=CommentStatus.HELD, reasons=[shadow, *verdict.reasons], discard=False)


def decide(
    scores: dict[str, float],
    *,
    content: str,
    settings: SiteSettings,
    context: DecisionContext | None = None,
) -> Verdict:
    """The decision the site's policy gives a scored comment (rule order: module docstring)."""
    context = context or DecisionContext()
    fields = context.fields or CommentFields(content=content)
    rejects: list[dict[str, Any]] = []
    holds: list[dict[str, Any]] = []
    discard = False

    spam = scores.get("spam", 0.0)
    spam_threshold = settings.thresholds["spam"]
    if spam >= spam_threshold and not context.trusted:
        discard = spam >= settings.spam_discard_threshold
        detail = _over("spam", spam, spam_threshold)
        if discard:
            detail += f"; at or over the discard tier {settings.spam_discard_threshold:.2f}"
        rejects.append(
            {
                "code": ReasonCode.SPAM,
                "detail": detail,
                "attribute": "spam",
                "score": round(spam, 4),
                "threshold": spam_threshold,
                "discard": discard,
            }
        )

    for attribute in TOXICITY_ATTRIBUTES:
        score = scores.get(attribute, 0.0)
        threshold = settings.thresholds[attribute]
        if score >= threshold:
            holds.append(
                {
                    "code": ReasonCode.TOXIC,
                    "detail": _over(attribute, score, threshold),
                    "attribute": attribute,
                    "score": round(score, 4),
                    "threshold": threshold,
                }
            )

    if settings.premoderate_all:
        holds.append(
            {"code": ReasonCode.PREMODERATED, "detail": "the site premoderates every comment"}
        )
    elif context.article_id is not None and context.article_id in settings.premoderate_articles:
        holds.append(
            {
                "code": ReasonCode.PREMODERATED,
                "detail": f"article {context.article_id} is premoderated",
                "article": context.article_id,
            }
        )
    if context.premoderated:
        holds.append(
            {"code": ReasonCode.PREMODERATED, "detail": "the author is always premoderated"}
        )

    if not context.trusted:
        matched = match_words(settings.moderation_words, fields)
        if matched is not None:
            word, where = matched
            holds.append(
                {
                    "code": ReasonCode.MODERATION_WORD,
                    "detail": f"moderation word {word!r} in the {where.replace('_', ' ')}",
                    "word": word,
                    "field": where,
                }
            )

        links = count_links(content)
        if links >= settings.link_limit:
            holds.append(
                {
                    "code": ReasonCode.LINKS,
                    "detail": (
                        f"{links} links; comments with {settings.link_limit} or more are held"
                    ),
                    "links": links,
                    "limit": settings.link_limit,
                }
            )

        needed = settings.approvals_before_publish
        if needed and context.approved_count < needed:
            holds.append(
                {
                    "code": ReasonCode.NEW_AUTHOR,
                    "detail": (
                        f"the author has {context.approved_count} approved comments; "
                        f"{needed} are needed before publishing without review"
                    ),
                    "approved": context.approved_count,
                    "needed": needed,
                }
            )

    if rejects:
        verdict = Verdict(status=CommentStatus.REJECTED, reasons=rejects + holds, discard=discard)
    elif holds:
        verdict = Verdict(status=CommentStatus.HELD, reasons=holds)
    elif context.trusted:
        verdict = Verdict(
            status=CommentStatus.APPROVED,
            reasons=[
                {"code": ReasonCode.TRUSTED, "detail": "trusted author: approved unless toxic"}
            ],
        )
    else:
        verdict = Verdict(
            status=CommentStatus.APPROVED,
            reasons=[
                {"code": ReasonCode.APPROVED, "detail": "no threshold or rule matched; published"}
            ],
        )
    return apply_shadow_mode(verdict, settings)
