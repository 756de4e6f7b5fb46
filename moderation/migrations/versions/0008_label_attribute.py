"""the attribute a label speaks about (spam, or which kind of toxicity)

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("labels") as batch:
        batch.add_column(sa.Column("attribute", sa.String(length=32), nullable=True))
    # What the older rows meant: spam and ham speak about spam, toxic about toxicity in general.
    op.execute("UPDATE labels SET attribute = 'spam' WHERE label IN ('spam', 'ham')")
    op.execute("UPDATE labels SET attribute = 'toxicity' WHERE label = 'toxic'")


def downgrade() -> None:
    with op.batch_alter_table("labels") as batch:
        batch.drop_column("attribute")
