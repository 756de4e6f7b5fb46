"""SQLAlchemy models, one module per domain."""

from moderation.models.accounts import ROLES, Membership, User
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
from moderation.models.integrations import SiteIntegration, WebhookDelivery, WebhookEndpoint
from moderation.models.labels import LABELS, Label, ModelActivation
from moderation.models.moderation import (
    BAN_KINDS,
    AuthorFlag,
    AuthorNote,
    Ban,
    ModeratorAction,
    Report,
    ReportedComment,
)
from moderation.models.sites import ApiKey, Site

__all__ = [
    "BAN_KINDS",
    "LABELS",
    "ROLES",
    "STATUSES",
    "ApiKey",
    "Article",
    "Author",
    "AuthorFlag",
    "AuthorNote",
    "Ban",
    "Base",
    "Comment",
    "CommentEvent",
    "Decision",
    "Label",
    "Membership",
    "ModelActivation",
    "ModeratorAction",
    "Report",
    "ReportedComment",
    "Score",
    "Site",
    "SiteIntegration",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
]
