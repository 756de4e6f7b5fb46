"""The data classes the services pass between each other (no behaviour, no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class ArticleData:
    id: str
    url: str
    title: str
    published_at: datetime | None = None


@dataclass(frozen=True)
class AuthorData:
    name: str
    id: str | None = None
    email: str | None = None
    url: str | None = None
    ip: str | None = None
    user_agent: str | None = None


@dataclass(frozen=True)
class CommentData:
    """A comment as submitted through the native API."""

    article: ArticleData
    author: AuthorData
    content: str
    parent_id: str | None = None
    referrer: str | None = None
    external_id: str | None = None
    # The site's own code for the comment's language; detected from the content when None.
    language: str | None = None


@dataclass
class ScoreData:
    """A model version's scores for a text, with spans when asked."""

    model_version: str
    scores: dict[str, float]
    spans: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEvent:
    """One line of a comment's history (a ``CommentEvent`` row), written with a decision."""

    type: str
    actor: str | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class OutboundEvent:
    """A webhook event about the decided comment; its ``comment_id`` is added when emitted."""

    type: str
    data: dict[str, Any] = field(default_factory=dict)
