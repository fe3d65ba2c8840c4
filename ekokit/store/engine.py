"""The database connection: one engine per URL, SQLite's pragmas (WAL, busy timeout, foreign
keys), a new store file private to its owner, the schema's version checked when a store is
opened, and the driver's errors in the kit's words."""

from __future__ import annotations

import contextlib
import functools
import sqlite3

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.exc import DBAPIError

from ekokit.errors import (
    StoreDiskFull,
    StoreOutOfDate,
    StoreReadOnly,
    StoreTooNew,
    StoreUnavailable,
)
from ekokit.paths import create_private_file
from ekokit.store.schema import (
    SCHEMA_VERSION,
    VERSION_TABLE,
    metadata,
    version_metadata,
    version_table,
)

LEGACY = "none"  # the version of a store made before the schema had one (kit of 2026-12-08)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    with contextlib.suppress(sqlite3.OperationalError):  # read-only: no WAL, reading works
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


# The key of the PostgreSQL advisory lock that orders revision ids by commit ("ekokit").
REVISION_LOCK = 0x656B6F6B6974


def take_revision_lock(conn: Connection) -> None:
    """Call just before inserting revisions, so that revision ids rise in commit order.

    A live page reads the revisions whose id is above the last it saw. SQLite has one writer at
    a time, which draws ids in commit order. PostgreSQL has many: without this, a save could
    draw id 7, a second save id 8 and commit first, and a page that has read 8 never reads 7.
    So a save takes the store's revision lock (a transaction-level advisory lock, released by
    the commit or rollback) before its insert draws an id: an id is drawn only when every save
    that drew one before has ended, and it commits (becomes visible) before the lock passes on.
    The lock covers the insert and the commit only; everything else a save does runs side by
    side. (Advisory locks are per database: each store has its own.) On PostgreSQL it also
    sends the NOTIFY that wakes live pages when the transaction commits (ekokit.store.notify)."""
    if conn.dialect.name == "postgresql":  # and wake the live pages when this commits
        conn.execute(text("SELECT pg_advisory_xact_lock(:key), pg_notify('ekokit_revisions', '')"),
                     {"key": REVISION_LOCK})


SQLITE_FULL = 13  # "database or disk is full"


def translate_error(exc: DBAPIError) -> StoreUnavailable:
    """The store's own error for a driver's: read-only, disk full, or otherwise unavailable."""
    text = str(exc.orig).lower()
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(str(exc.orig))
    if getattr(exc.orig, "sqlite_errorcode", None) == SQLITE_FULL or "disk is full" in text:
        return StoreDiskFull(str(exc.orig))
    return StoreUnavailable(str(exc.orig))


@functools.cache
def engine_for(url: str) -> Engine:
    """The engine of a store's URL (one per process), with nothing checked or created yet."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///file:"):
        # a new store is its owner's alone: the file 0600 (SQLite gives its WAL and SHM the
        # same), new folders 0700; an existing file keeps the permissions it has
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        if path and path != ":memory:":
            create_private_file(path)
    engine = create_engine(url, future=True, pool_pre_ping=url.startswith("postgresql"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def stored_version(conn: Connection) -> str | None:
    """The store's schema version: None for an empty database (no kit table), :data:`LEGACY`
    for a store made before the schema had a version, else the Alembic revision it is at."""
    tables = set(inspect(conn).get_table_names())
    if VERSION_TABLE in tables:
        version = conn.execute(select(version_table.c.version_num)).scalar()
        if version is not None:
            return version
    return LEGACY if tables & set(metadata.tables) else None


def _make_or_read(engine: Engine) -> str:
    """The store's version; a new store is made at the kit's schema and stamped so."""
    with engine.begin() as conn:
        version = stored_version(conn)
        if version is None:
            metadata.create_all(conn)
            version_metadata.create_all(conn)
            conn.execute(version_table.insert().values(version_num=SCHEMA_VERSION))
            version = SCHEMA_VERSION
    return version


@functools.cache
def _checked(url: str) -> bool:
    """Checked once per process and URL: a store only moves on by ``ekokit db upgrade``."""
    engine = engine_for(url)
    for attempt in range(3):  # two processes making the same new store: the loser reads
        try:
            version = _make_or_read(engine)
            break
        except DBAPIError as exc:
            translated = translate_error(exc)
            if attempt == 2 or isinstance(translated, StoreReadOnly):
                raise translated from exc
    if version == SCHEMA_VERSION:
        return True
    from ekokit.store.migrate import known_versions  # Alembic only when something is off

    if version == LEGACY or version in known_versions():
        raise StoreOutOfDate(version, SCHEMA_VERSION)
    raise StoreTooNew(version, SCHEMA_VERSION)


def forget_checks() -> None:
    """Check every store again when next opened (after ``ekokit db upgrade`` or a restore)."""
    _checked.cache_clear()


def open_engine(url: str) -> Engine:
    """The engine of a store whose schema is this kit's: a new store is made; one made by an
    earlier kit raises StoreOutOfDate (never altered here), one by a newer kit StoreTooNew."""
    engine = engine_for(url)
    try:
        _checked(url)
    except StoreReadOnly:  # read-only: reading works if the tables are there; saving says why
        pass
    return engine
