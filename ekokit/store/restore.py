"""Restoring a backup (:mod:`ekokit.store.backup`) into an empty store, and checking it.

* An SQLite backup into an SQLite store: SQLite's backup API, page for page.
* A pg_dump file into a PostgreSQL store: ``pg_restore`` in one transaction.
* An SQLite backup into a PostgreSQL store (moving a room to PostgreSQL): the schema is made at
  the backup's own version by the migrations, and every row is copied, in one transaction.

Refused when the store holds any team or revision: a restore never mixes two stores. Afterwards
the store is checked against the backup: the database's own integrity, the schema version,
every team, and each team's revision count. A restored store older than the kit then needs
``ekokit db upgrade``, like any other."""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, MetaData, Table, create_engine, func, inspect, select, text
from sqlalchemy.exc import DBAPIError

from ekokit.errors import BackupError
from ekokit.paths import as_db_url, create_private_file
from ekokit.store.backup import (
    PG_DUMP_MAGIC,
    SQLITE_MAGIC,
    Contents,
    is_sqlite_url,
    libpq,
    read_backup,
    run_tool,
    sqlite_contents,
    sqlite_path,
    tool_path,
)
from ekokit.store.database import Store
from ekokit.store.engine import LEGACY, forget_checks, stored_version, translate_error
from ekokit.store.schema import SCHEMA_VERSION

# The tables a store holds, parents first (presence rows are who has a page open: not restored).
COPIED = ("teams", "revisions", "room")
KIT_TABLES = ("presence", "revisions", "room", "teams", "alembic_version")


@dataclass(frozen=True)
class Restored:
    contents: Contents
    seconds: float

    @property
    def current(self) -> bool:
        """The restored store is at this kit's schema (else: ``ekokit db upgrade``)."""
        return self.contents.version == SCHEMA_VERSION


def restore_backup(path: str | Path, url: str | Path) -> Restored:
    """Bring the backup at ``path`` back into the empty store at ``url``, then check it."""
    path, url = Path(path), as_db_url(str(url))
    expected = read_backup(path)
    started = time.perf_counter()
    store = Store(url, check_schema=False)
    try:
        with store.engine.begin() as conn:
            _require_empty(conn)
        with path.open("rb") as fh:
            kind = fh.read(16)
        if kind.startswith(SQLITE_MAGIC) and is_sqlite_url(url):
            store.engine.dispose()
            _sqlite_restore(path, sqlite_path(url))
        elif kind.startswith(SQLITE_MAGIC):
            _copy_rows(path, store, expected.version)
        elif kind.startswith(PG_DUMP_MAGIC) and not is_sqlite_url(url):
            _pg_restore(path, url)
        else:
            raise BackupError(str(path), reason="dump_into_sqlite", path=str(path))
    except DBAPIError as exc:
        raise translate_error(exc) from exc
    finally:
        store.engine.dispose()
        forget_checks()
    found = store_contents(url)
    if found != expected:
        raise BackupError(f"{found} != {expected}", reason="mismatch", path=str(path),
                          found=found.revisions, expected=expected.revisions)
    return Restored(found, time.perf_counter() - started)


def _require_empty(conn: Connection) -> None:
    if stored_version(conn) is None:
        return
    tables = set(inspect(conn).get_table_names())
    held = sum(conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
               for name in ("teams", "revisions") if name in tables)
    if held:
        raise BackupError("the store is not empty", reason="not_empty")


def _sqlite_restore(backup: Path, target: Path) -> None:
    create_private_file(target)
    src = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()


def _pg_restore(backup: Path, url: str) -> None:
    dsn, env = libpq(url)
    run_tool([tool_path("pg_restore"), "--no-owner", "--no-privileges", "--single-transaction",
          "--exit-on-error", "--clean", "--if-exists", f"--dbname={dsn}", str(backup)], env)


def _copy_rows(backup: Path, store: Store, version: str) -> None:
    """An SQLite backup into PostgreSQL: the schema at the backup's version (by the migrations:
    "none", a store from before versions, is the baseline without its stamp), then its rows."""
    from alembic import command

    from ekokit.store.migrate import alembic_config

    source = create_engine(f"sqlite:///{backup.resolve().as_uri()}?mode=ro&uri=true")
    config = alembic_config()
    try:
        with store.engine.begin() as conn, source.connect() as src:
            for name in KIT_TABLES:  # empty (checked): made again at the backup's version
                conn.execute(text(f"DROP TABLE IF EXISTS {name} CASCADE"))
            config.attributes["connection"] = conn
            command.upgrade(config, "0001" if version == LEGACY else version)
            if version == LEGACY:
                command.stamp(config, "base")
            for name in COPIED:
                source_table = Table(name, MetaData(), autoload_with=src)
                target_table = Table(name, MetaData(), autoload_with=conn)
                rows = src.execute(select(source_table)).mappings()
                while batch := rows.fetchmany(2000):
                    conn.execute(target_table.insert(), [dict(row) for row in batch])
            conn.execute(text("SELECT setval(pg_get_serial_sequence('revisions', 'id'), "
                              "COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM revisions"))
    finally:
        source.dispose()


def store_contents(url: str) -> Contents:
    """What the store at ``url`` holds, after checking its integrity (SQLite's own check; on
    PostgreSQL, that no revision lacks its team: the constraints were checked as rows came)."""
    url = as_db_url(url)
    if is_sqlite_url(url):
        return sqlite_contents(sqlite_path(url))
    store = Store(url, check_schema=False)
    from ekokit.store.schema import revisions_table as r
    from ekokit.store.schema import teams_table as t

    try:
        with store.engine.connect() as conn:
            version = stored_version(conn) or LEGACY
            orphans = conn.execute(
                select(func.count()).select_from(r.outerjoin(t, r.c.team_slug == t.c.slug))
                .where(t.c.slug.is_(None))).scalar_one()
            if orphans:
                raise BackupError(f"{orphans} revisions without a team", reason="damaged",
                                  path=url, error=f"{orphans}")
            teams = {slug: 0 for slug in conn.execute(select(t.c.slug)).scalars()}
            counted = conn.execute(select(r.c.team_slug, func.count()).group_by(r.c.team_slug))
            teams.update((slug, count) for slug, count in counted)
    finally:
        store.engine.dispose()
    return Contents(version, teams)
