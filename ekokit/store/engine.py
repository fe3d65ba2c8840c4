"""The database connection: one engine per URL, SQLite's pragmas (WAL, busy timeout, foreign
keys), a new store file private to its owner, and the driver's errors in the kit's words."""

from __future__ import annotations

import contextlib
import functools
import sqlite3

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError

from ekokit.errors import StoreDiskFull, StoreReadOnly, StoreUnavailable
from ekokit.paths import create_private_file
from ekokit.store.schema import metadata


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    with contextlib.suppress(sqlite3.OperationalError):  # read-only: no WAL, reading works
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


SQLITE_FULL = 13  # "database or disk is full"


def translate_error(exc: OperationalError) -> StoreUnavailable:
    """The store's own error for a driver's: read-only, disk full, or otherwise unavailable."""
    text = str(exc.orig).lower()
    if "readonly" in text or "read-only" in text:
        return StoreReadOnly(str(exc.orig))
    if getattr(exc.orig, "sqlite_errorcode", None) == SQLITE_FULL or "disk is full" in text:
        return StoreDiskFull(str(exc.orig))
    return StoreUnavailable(str(exc.orig))


@functools.cache
def engine_for(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///file:"):
        # a new store is its owner's alone: the file 0600 (SQLite gives its WAL and SHM the
        # same), new folders 0700; an existing file keeps the permissions it has
        path = url.removeprefix("sqlite:///").split("?", 1)[0]
        if path and path != ":memory:":
            create_private_file(path)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        metadata.create_all(engine)
    except OperationalError as exc:
        translated = translate_error(exc)
        if not isinstance(translated, StoreReadOnly):
            raise translated from exc
        # read-only store: tables must already exist; reading works, saving will say why not
    return engine
