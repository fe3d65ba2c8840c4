"""Backups of a running store: a consistent copy, made without stopping anyone's saves.

* SQLite: SQLite's online backup API copies the database in one step inside a read transaction,
  so the copy is the store as it stood at one moment (the WAL included); writers go on meanwhile.
  The copy is one self-contained file (no WAL beside it).
* PostgreSQL: ``pg_dump --format=custom``, which reads the whole database in one snapshot.

A backup file is private to its owner (0600). What a backup holds (its schema version, its teams
and their revision counts) is read back from the file itself, so that :mod:`ekokit.store.restore`
can check a restored store against it."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import make_url

from ekokit.errors import BackupError
from ekokit.paths import as_db_url, create_private_file
from ekokit.store.pgtools import MissingTool, pg_tool

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class Contents:
    """What a store or a backup holds: its schema version ("none" before versions), its teams
    with their revision counts, and its revisions in all."""

    version: str
    teams: dict[str, int] = field(default_factory=dict)  # slug: revisions

    @property
    def revisions(self) -> int:
        return sum(self.teams.values())


@dataclass(frozen=True)
class Backup:
    path: Path
    contents: Contents
    seconds: float


def is_sqlite_url(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path:
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError(url, reason="no_file")
    return Path(database)


def shown_url(url: str) -> str:
    """The store's URL as it may be shown: without its password."""
    return make_url(url).render_as_string(hide_password=True)


def libpq(url: str) -> tuple[str, dict[str, str]]:
    """A SQLAlchemy PostgreSQL URL as libpq's (for pg_dump and pg_restore) and the environment
    that carries its password (never on the command line, where ``ps`` shows it)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def default_name(url: str, now: dt.datetime | None = None) -> Path:
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%d-%H%M%S")
    return Path(f"ekokit-backup-{stamp}.{'sqlite' if is_sqlite_url(url) else 'dump'}")


def make_backup(url: str, output: str | Path | None = None) -> Backup:
    """Back up the store at ``url`` to ``output`` (default: ekokit-backup-<UTC time>.sqlite or
    .dump here). Never overwrites a file; a failed backup leaves no file behind."""
    url = as_db_url(url)
    path = Path(output) if output else default_name(url)
    if not create_private_file(path):
        raise BackupError(str(path), reason="exists", path=str(path))
    started = time.perf_counter()
    try:
        if is_sqlite_url(url):
            _sqlite_backup(sqlite_path(url), path)
        else:
            _pg_dump(url, path)
        contents = read_backup(path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return Backup(path, contents, time.perf_counter() - started)


def _sqlite_backup(source: Path, target: Path) -> None:
    if not source.is_file():
        raise BackupError(str(source), reason="no_store", path=str(source))
    src = sqlite3.connect(source, timeout=30)  # reads only; the writers' busy timeout
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)  # all pages in one step: one read transaction, one moment of the store
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
    finally:
        dst.close()
        src.close()


def run_tool(args: list[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    try:
        done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise BackupError(str(exc), reason="tool", error=str(exc)) from exc
    if done.returncode != 0:
        detail = " ".join(done.stderr.split())[:400]
        raise BackupError(detail, reason="tool", error=detail)
    return done


def tool_path(name: str) -> str:
    try:
        return pg_tool(name)
    except MissingTool as exc:
        raise BackupError(str(exc), reason="no_tool", tool=name) from exc


def _pg_dump(url: str, target: Path) -> None:
    dsn, env = libpq(url)
    run_tool([tool_path("pg_dump"), "--format=custom", "--no-owner", "--no-privileges",
          f"--file={target}", f"--dbname={dsn}"], env)


def read_backup(path: str | Path) -> Contents:
    """What a backup file holds, read from the file (and checked: an SQLite backup must pass
    SQLite's integrity check; a dump must be one pg_restore reads)."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise BackupError(str(exc), reason="unreadable", path=str(path)) from exc
    if head.startswith(SQLITE_MAGIC):
        return sqlite_contents(path)
    if head.startswith(PG_DUMP_MAGIC):
        return _dump_contents(path)
    raise BackupError(str(path), reason="foreign", path=str(path))


def sqlite_contents(path: Path) -> Contents:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        check = con.execute("PRAGMA integrity_check").fetchone()[0]
        if check != "ok" or con.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise BackupError(str(path), reason="damaged", path=str(path), error=check)
        tables = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        version = "none"
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else "none"
        teams = {slug: 0 for (slug,) in con.execute("SELECT slug FROM teams")}
        teams.update(con.execute("SELECT team_slug, count(*) FROM revisions GROUP BY team_slug"))
    except sqlite3.DatabaseError as exc:
        raise BackupError(str(exc), reason="damaged", path=str(path), error=str(exc)) from exc
    finally:
        con.close()
    return Contents(version, teams)


def _dump_contents(path: Path) -> Contents:
    """Read the dump's rows of teams, revisions and alembic_version as pg_restore writes them
    (COPY ... FROM stdin blocks, one row a line, tab between columns)."""
    args = [tool_path("pg_restore"), "--data-only", "--table=teams", "--table=revisions",
            "--table=alembic_version", "--file=-", str(path)]
    lines = run_tool(args).stdout.splitlines()
    teams: Counter[str] = Counter()
    version, table, column = "none", "", 0
    for line in lines:
        if table:
            if line == "\\.":
                table = ""
            elif table == "teams":
                teams[line.split("\t")[column]] += 0
            elif table == "revisions":
                teams[line.split("\t")[column]] += 1
            else:
                version = line.split("\t")[column]
        elif line.startswith("COPY "):
            name = line.split()[1].rsplit(".", 1)[-1]
            columns = line[line.index("(") + 1:line.index(")")].split(", ")
            table = name
            column = columns.index({"teams": "slug", "revisions": "team_slug"}.get(
                name, "version_num"))
    return Contents(version, dict(teams))
