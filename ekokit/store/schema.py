"""The store's tables: teams, revisions (append-only: one row per save), the room's own values
(its secret for team keys) and presence (which pages are open now), and the schema's version.

A new store is made from these tables at :data:`SCHEMA_VERSION`; a store made by an earlier kit
is brought up to date only by ``ekokit db upgrade`` (the Alembic migrations in
ekokit/store/migrations/, whose newest revision is :data:`SCHEMA_VERSION`)."""

from __future__ import annotations

from sqlalchemy import (
    Column,
    ForeignKey,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
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
# answer: rows are upserted in place and old ones removed.
presence_table = Table(
    "presence",
    metadata,
    Column("page_id", String(64), primary_key=True),
    Column("team_slug", String(64), nullable=False),
    Column("session", String(8), nullable=False, default=""),
    Column("exercise_id", String(64), nullable=False, default=""),
    Column("last_seen", String(32), nullable=False, index=True),
)

# The schema's version: the newest Alembic revision (ekokit/store/migrations/versions/); a test
# keeps the two equal. Alembic's own table, written by the kit when it makes a new store.
SCHEMA_VERSION = "0001"
VERSION_TABLE = "alembic_version"
version_metadata = MetaData()
version_table = Table(
    VERSION_TABLE,
    version_metadata,
    Column("version_num", String(32), nullable=False),
    PrimaryKeyConstraint("version_num", name=f"{VERSION_TABLE}_pkc"),
)
