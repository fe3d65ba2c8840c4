"""The store as the kit made it up to 2026-12-08, before the schema had a version.

Every earlier kit made teams and revisions as here; the room table (the secret for team keys)
and the presence table came later and were added to old stores when they were opened. This
revision makes whichever of the four a store lacks, exactly as the kit of 2026-12-08 made them,
and leaves every row where it is. A store without any of them (an empty database) gets all four.

Revision ID: 0001
Revises:
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables() -> dict[str, list]:
    return {
        "teams": [
            sa.Column("slug", sa.String(64), primary_key=True),
            sa.Column("name", sa.String(120), nullable=False),
            sa.Column("phenomenon", sa.String(200), nullable=False),
            sa.Column("members", sa.Text, nullable=False),
            sa.Column("created_at", sa.String(32), nullable=False),
        ],
        "revisions": [
            sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column("team_slug", sa.String(64), sa.ForeignKey("teams.slug"), nullable=False),
            sa.Column("exercise_id", sa.String(64), nullable=False),
            sa.Column("revision", sa.Integer, nullable=False),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("author", sa.String(80), nullable=False),
            sa.Column("created_at", sa.String(32), nullable=False),
            sa.UniqueConstraint("team_slug", "exercise_id", "revision", name="uq_revision"),
        ],
        "room": [
            sa.Column("name", sa.String(64), primary_key=True),
            sa.Column("value", sa.Text, nullable=False),
        ],
        "presence": [
            sa.Column("page_id", sa.String(64), primary_key=True),
            sa.Column("team_slug", sa.String(64), nullable=False),
            sa.Column("session", sa.String(8), nullable=False),
            sa.Column("exercise_id", sa.String(64), nullable=False),
            sa.Column("last_seen", sa.String(32), nullable=False),
        ],
    }


def upgrade() -> None:
    have = set(sa.inspect(op.get_bind()).get_table_names())
    for name, columns in _tables().items():
        if name not in have:
            op.create_table(name, *columns)
            if name == "presence":
                op.create_index("ix_presence_last_seen", "presence", ["last_seen"])


def downgrade() -> None:
    raise NotImplementedError("the baseline is where a store's history starts")
