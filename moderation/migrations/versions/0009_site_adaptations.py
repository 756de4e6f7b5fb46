"""per-site model adaptations: active adaptation per site, the site's label sharing

``site_model_activations``: each change of a site's active adaptation (the latest row per site
wins; a NULL version scores the site with the base model alone). ``site_training_settings``:
whether the base retrain may learn from a site's labels (off by default) and whether the
scheduled run adapts the site (on). An index on ``labels (site_id, created_at)`` for the
per-site label intake limit.

Revision ID: 0009
Revises: 0008
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import moderation.tables.base

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "site_model_activations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=100), nullable=True),
        sa.Column("actor", sa.String(length=255), nullable=True),
        sa.Column("note", sa.String(length=500), nullable=True),
        sa.Column(
            "activated_at", moderation.tables.base.UTCDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_site_model_activations_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_site_model_activations")),
    )
    with op.batch_alter_table("site_model_activations") as batch:
        batch.create_index(batch.f("ix_site_model_activations_site_id"), ["site_id"], unique=False)
    op.create_table(
        "site_training_settings",
        sa.Column("site_id", sa.Integer(), nullable=False),
        sa.Column("share_with_base", sa.Boolean(), nullable=False),
        sa.Column("adapt", sa.Boolean(), nullable=False),
        sa.Column("updated_at", moderation.tables.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["site_id"],
            ["sites.id"],
            name=op.f("fk_site_training_settings_site_id_sites"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("site_id", name=op.f("pk_site_training_settings")),
    )
    with op.batch_alter_table("labels") as batch:
        batch.create_index("ix_labels_site_id_created_at", ["site_id", "created_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("labels") as batch:
        batch.drop_index("ix_labels_site_id_created_at")
    op.drop_table("site_training_settings")
    with op.batch_alter_table("site_model_activations") as batch:
        batch.drop_index(batch.f("ix_site_model_activations_site_id"))
    op.drop_table("site_model_activations")
