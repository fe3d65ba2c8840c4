"""The store's tables: teams, revisions (append-only: one row per save), and the room's own
values (its secret for team keys). ``metadata.create_all`` adds a table an older store lacks."""

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
