"""Per-site model adaptations: which one is active for a site, and what a site shares."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from moderation.tables.base import Base, UTCDateTime, utcnow
from moderation.tables.labels import Label


class SiteModelActivation(Base):
    """Each time a site's adaptation changed; the site's latest row is its active adaptation.

    ``version`` None: the site is scored by the base model alone (adaptation switched off).
    """

    __tablename__ = "site_model_activations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    site_id: Mapped[int] = mapped_column(ForeignKey("sites.id", ondelete="CASCADE"), index=True)
    version: Mapped[str | None] = mapped_column(String(100))
    actor: Mapped[str | None] = mapped_column(String(255))
    note: Mapped[str | None] = mapped_column(String(500))
    activated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class SiteTrainingSettings(Base):
    """What the operator decided about a site's labels (absent row: the defaults)."""

    __tablename__ = "site_training_settings"

    site_id: Mapped[int] = mapped_column(
        ForeignKey("sites.id", ondelete="CASCADE"), primary_key=True
    )
    # The base retrain (moderation train --with-labels) learns from this site's labels.
    share_with_base: Mapped[bool] = mapped_column(Boolean, default=False)
    # The scheduled run adapts this site's model to its labels.
    adapt: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str | None] = mapped_column(String(255))


# Label intake counts a site's recent labels (per-site rate limit).
Index("ix_labels_site_id_created_at", Label.site_id, Label.created_at)
