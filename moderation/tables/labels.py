"""Human labels (moderator decisions and site feedback) and the active model version."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from moderation.tables.base import Base, UTCDateTime, utcnow

LABELS = ("spam", "ham", "toxic", "acceptable")


class Label(Base):
    __tablename__ = "labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    comment_id: Mapped[str] = mapped_column(
        ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    label: Mapped[str] = mapped_column(String(16))
    # The model attribute the label speaks about: "spam" for spam and ham, the kind of toxicity
    # for toxic ("insult", "threat", ...; "toxicity" when no kind was said). None: the label's
    # default (acceptable: every toxicity attribute; rows from before migration 0008).
    attribute: Mapped[str | None] = mapped_column(String(32))
    # "moderator", "site" (API feedback), "akismet", "perspective".
    source: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str | None] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ModelActivation(Base):
    """Each time a model version became active; the latest row is the active version."""

    __tablename__ = "model_activations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(100))
    actor: Mapped[str | None] = mapped_column(String(255))
    note: Mapped[str | None] = mapped_column(String(500))
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
