"""Waking live pages on PostgreSQL: every transaction that stores revisions sends a NOTIFY on
:data:`CHANNEL` (delivered when it commits; many in one transaction arrive as one), and a page
holds a :class:`ChangeListener`, a connection of its own that LISTENs, whose socket the page's
event loop watches. A page then looks at the store when something was stored, not only on its
timer; the timer's look stays as the fallback (a notification is lost if the listening
connection drops). SQLite has no such thing: :func:`listen` gives None and pages poll."""

from __future__ import annotations

import logging

from ekokit.store.database import Store

CHANNEL = "ekokit_revisions"  # the same name in engine.take_revision_lock's pg_notify
log = logging.getLogger("ekokit.live")


class ChangeListener:
    """A LISTENing connection to the store's PostgreSQL database, outside the engine's pool."""

    def __init__(self, store: Store) -> None:
        dialect, url = store.engine.dialect, store.engine.url
        args, kwargs = dialect.create_connect_args(url)
        self.errors = dialect.loaded_dbapi.Error  # psycopg's, without importing it here
        self.connection = dialect.loaded_dbapi.connect(*args, **kwargs)
        self.connection.autocommit = True
        self.connection.execute(f"LISTEN {CHANNEL}")

    def fileno(self) -> int:
        """The socket to watch (readable when a notification may have come)."""
        return self.connection.pgconn.socket

    def drain(self) -> int:
        """Read what came; how many notifications. Raises OSError when the connection is gone."""
        pgconn = self.connection.pgconn
        try:
            pgconn.consume_input()
        except self.errors as exc:  # the server went away
            raise OSError(str(exc)) from exc
        count = 0
        while pgconn.notifies() is not None:
            count += 1
        return count

    def close(self) -> None:
        try:
            self.connection.close()
        except self.errors as exc:  # already gone: nothing to free
            log.info("listener not closed cleanly: %s", exc)


def listen(store: Store) -> ChangeListener | None:
    """A listener for the store's new revisions, or None where there is none (SQLite) or it
    cannot be had now (the page then polls, as always)."""
    if store.engine.dialect.name != "postgresql":
        return None
    try:
        return ChangeListener(store)
    except store.engine.dialect.loaded_dbapi.Error as exc:  # e.g. no connection to spare
        log.info("no listener, polling only: %s", exc)
        return None
