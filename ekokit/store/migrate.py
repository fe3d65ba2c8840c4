"""Schema migrations: where a store stands (:func:`status`) and bringing it up to this kit's
schema (:func:`upgrade`), with Alembic and the revisions in ekokit/store/migrations/versions/.

A store made before the schema had a version (:data:`ekokit.store.engine.LEGACY`) is first
stamped at nothing and upgraded from there: the baseline revision makes only what it lacks.
Opening a store never migrates it (see :func:`ekokit.store.engine.open_engine`)."""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from ekokit.store.database import Store
from ekokit.store.engine import LEGACY, forget_checks, stored_version

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


@functools.cache
def _scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head() -> str:
    """The newest revision of the migrations (tests/test_migrations.py keeps it equal to
    ekokit.store.schema.SCHEMA_VERSION, which the kit checks without importing Alembic)."""
    return _scripts().get_current_head() or ""


def known_versions() -> list[str]:
    """Every revision this kit knows, oldest first."""
    return [script.revision for script in reversed(list(_scripts().walk_revisions()))]


@dataclass(frozen=True)
class Status:
    version: str | None  # None: an empty database; LEGACY: made before versions
    head: str
    pending: tuple[str, ...]  # the revisions an upgrade would apply, oldest first

    @property
    def state(self) -> str:
        """new, current, out_of_date or too_new (a newer kit's store)."""
        if self.version is None:
            return "new"
        if self.version == self.head:
            return "current"
        return "out_of_date" if self.version == LEGACY or self.pending else "too_new"


def status(url: str | None = None) -> Status:
    store = Store(url, check_schema=False)
    with store.engine.connect() as conn:
        version = stored_version(conn)
    known = known_versions()
    if version in (None, LEGACY):
        pending = tuple(known)
    elif version in known:
        pending = tuple(known[known.index(version) + 1:])
    else:
        pending = ()
    return Status(version, head(), pending)


@dataclass(frozen=True)
class Upgrade:
    before: Status
    after: Status
    seconds: float


def upgrade(url: str | None = None) -> Upgrade:
    """Migrate the store to this kit's schema, in one transaction (on PostgreSQL, whose DDL is
    transactional, all or nothing; on SQLite take a backup first, as the README says). A
    current store is left as it is; a newer kit's store raises StoreTooNew."""
    before = status(url)
    if before.state == "too_new":
        from ekokit.errors import StoreTooNew

        raise StoreTooNew(before.version or "", before.head)
    started = time.perf_counter()
    if before.state != "current":
        store = Store(url, check_schema=False)
        config = alembic_config()
        with store.engine.begin() as conn:
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
        store.engine.dispose()  # the next opening of the store reads the new schema
        forget_checks()
    return Upgrade(before, status(url), time.perf_counter() - started)

