"""The closed sets of values the service stores and compares: statuses, deciders, reason codes.

Each member is a ``str``, so it is stored, compared and serialised exactly as the plain string.
"""

from __future__ import annotations

from enum import StrEnum


class CommentStatus(StrEnum):
    """Where a comment stands: ``pending`` until scored, then published, held or rejected."""

    PENDING = "pending"
    APPROVED = "approved"
    HELD = "held"
    REJECTED = "rejected"


class DeliveryStatus(StrEnum):
    """Where a webhook delivery stands."""

    PENDING = "pending"
    RETRYING = "retrying"
    DELIVERED = "delivered"
    FAILED = "failed"


class DecidedBy(StrEnum):
    """What gave a comment its status (``Decision.decided_by``)."""

    RULES = "rules"  # the synchronous rules at submission
    MODEL = "model"  # the worker's policy on the model's scores
    RECHECK = "recheck"  # the held queue re-scored with a newer model
    MODERATOR = "moderator"
    SITE = "site"  # the site's feedback through an API


class ReasonCode(StrEnum):
    """The ``code`` of a decision's reason (the rules' order: ``services.policy``'s docstring)."""

    BANNED = "BANNED"
    DISALLOWED_WORD = "DISALLOWED_WORD"
    SHADOW_MODE = "SHADOW_MODE"
    SPAM = "SPAM"
    TOXIC = "TOXIC"
    PREMODERATED = "PREMODERATED"
    MODERATION_WORD = "MODERATION_WORD"
    LINKS = "LINKS"
    NEW_AUTHOR = "NEW_AUTHOR"
    TRUSTED = "TRUSTED"
    APPROVED = "APPROVED"
    MODERATOR = "MODERATOR"
    FEEDBACK = "FEEDBACK"
    AKISMET_TEST_SPAM = "AKISMET_TEST_SPAM"
    AKISMET_TEST_HAM = "AKISMET_TEST_HAM"
