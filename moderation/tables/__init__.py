"""SQLAlchemy models, one module per domain."""

from moderation.tables.accounts import ROLES, Membership, User
from moderation.tables.adaptations import SiteModelActivation, SiteTrainingSettings
from moderation.tables.base import Base
from moderation.tables.comments import (
    STATUSES,
    Article,
    Author,
    Comment,
    CommentEvent,
    Decision,
    Score,
)
from moderation.tables.integrations import SiteIntegration, WebhookDelivery, WebhookEndpoint
from moderation.tables.labels import LABELS, Label, ModelActivation
from moderation.tables.moderation import (
    BAN_KINDS,
    AuthorFlag,
    AuthorNote,
    Ban,
    ModeratorAction,
    Report,
    ReportedComment,
)
from moderation.tables.sites import ApiKey, Site

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
    "SiteModelActivation",
    "SiteTrainingSettings",
    "User",
    "WebhookDelivery",
    "WebhookEndpoint",
]
