"""A site's policy: its settings and the decision they give a scored comment.

Rules run in this order, and the first reason in a decision is the one that decided it:

1. ``SPAM``   spam probability at or over the spam threshold: rejected (discard tier at or over
              the discard threshold).
2. ``TOXIC``  any toxicity attribute at or over its threshold: held for a moderator.
3. ``LINKS``  at least ``link_limit`` links in the content: held.
4. otherwise approved (reason ``APPROVED``).

Every reason that fired is listed, so a moderator sees a spam comment that was also abusive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

TOXICITY_ATTRIBUTES = (
    "toxicity",
    "severe_toxicity",
    "identity_attack",
    "insult",
    "profanity",
    "threat",
)


def _default_thresholds() -> dict[str, float]:
    return {
        "spam": 0.80,
        "toxicity": 0.80,
        "severe_toxicity": 0.60,
        "identity_attack": 0.70,
        "insult": 0.80,
        "profanity": 0.90,
        "threat": 0.70,
    }


class SiteSettings(BaseModel):
    """Per-site settings with their defaults; a site stores only what it changed."""

    model_config = ConfigDict(extra="ignore")

    thresholds: dict[str, float] = Field(default_factory=_default_thresholds)
    spam_discard_threshold: float = 0.97
    link_limit: int = 2

    @classmethod
    def for_site(cls, stored: dict[str, Any] | None) -> SiteSettings:
        stored = dict(stored or {})
        thresholds = _default_thresholds()
        thresholds.update(stored.pop("thresholds", None) or {})
        return cls(thresholds=thresholds, **stored)


# WordPress counts "http://", "https://" and protocol-relative "//" links; bare "www." and
# domain-looking words count too, since comment spam often omits the scheme.
_LINK = re.compile(
    r"(?:https?:)?//[^\s<>\"']+|\bwww\.[^\s<>\"']+"
    r"|\b[a-z0-9-]{2,63}\.(?:com|net|org|info|biz|ru|cn|xyz|top|io|co|ly|me|shop|online|site)\b",
    re.IGNORECASE,
)


def count_links(text: str) -> int:
    return len(_LINK.findall(text))


@dataclass
class Verdict:
    status: str
    reasons: list[dict[str, Any]] = field(default_factory=list)
    discard: bool = False


def _over(attribute: str, score: float, threshold: float) -> str:
    return f"{attribute} {score:.2f} is at or over the threshold {threshold:.2f}"


def decide(scores: dict[str, float], *, content: str, settings: SiteSettings) -> Verdict:
    """The decision the site's policy gives a comment with these scores."""
    reasons: list[dict[str, Any]] = []
    status = "approved"
    discard = False

    spam = scores.get("spam", 0.0)
    spam_threshold = settings.thresholds["spam"]
    if spam >= spam_threshold:
        status = "rejected"
        discard = spam >= settings.spam_discard_threshold
        detail = _over("spam", spam, spam_threshold)
        if discard:
            detail += f"; at or over the discard tier {settings.spam_discard_threshold:.2f}"
        reasons.append(
            {
                "code": "SPAM",
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
            if status == "approved":
                status = "held"
            reasons.append(
                {
                    "code": "TOXIC",
                    "detail": _over(attribute, score, threshold),
                    "attribute": attribute,
                    "score": round(score, 4),
                    "threshold": threshold,
                }
            )

    links = count_links(content)
    if links >= settings.link_limit:
        if status == "approved":
            status = "held"
        reasons.append(
            {
                "code": "LINKS",
                "detail": f"{links} links; comments with {settings.link_limit} or more are held",
                "links": links,
                "limit": settings.link_limit,
            }
        )

    if not reasons:
        reasons.append({"code": "APPROVED", "detail": "no threshold or rule matched; published"})
    return Verdict(status=status, reasons=reasons, discard=discard)
