"""The store's tables: teams, revisions (append-only: one row per save), the room's own values
(its secret for team keys) and presence (which pages are open now). ``metadata.create_all`` adds
a table an older store lacks."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

teams_table = Table(
    "teams",
    metadata,
    Column("slug", String(64), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("phenomenon", String(200), nullable=False, default=""),
    Column("members", Text, nullable=False, default="[]"),
    Column("created_at", String(32), nullable=False),
)

revisions_table = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("team_slug", String(64), ForeignKey("teams.slug"), nullable=False),
    Column("exercise_id", String(64), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("data", Text, nullable=False),
    Column("author", String(80), nullable=False, default=""),
    Column("created_at", String(32), nullable=False),
    UniqueConstraint("team_slug", "exercise_id", "revision", name="uq_revision"),
)

room_table = Table(
    "room",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

# Who has a page open now: one row per page (a kernel), refreshed every few seconds. Not an
# answer: rows are upserted in place and old ones removed. create_all adds it to old stores.
presence_table = Table(
    "presence",
    metadata,
    Column("page_id", String(64), primary_key=True),
    Column("team_slug", String(64), nullable=False),
    Column("session", String(8), nullable=False, default=""),
    Column("exercise_id", String(64), nullable=False, default=""),
    Column("last_seen", String(32), nullable=False, index=True),
)
