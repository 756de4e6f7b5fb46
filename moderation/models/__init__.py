"""SQLAlchemy models, one module per domain."""

from moderation.models.base import Base
from moderation.models.comments import (
    STATUSES,
    Article,
    Author,
    Comment,
    CommentEvent,
    Decision,
    Score,
)
from moderation.models.labels import LABELS, Label, ModelActivation
from moderation.models.sites import ApiKey, Site

__all__ = [
    "LABELS",
    "STATUSES",
    "ApiKey",
    "Article",
    "Author",
    "Base",
    "Comment",
    "CommentEvent",
    "Decision",
    "Label",
    "ModelActivation",
    "Score",
    "Site",
]
