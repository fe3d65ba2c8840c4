"""The store: SQLAlchemy Core over SQLite (default) or PostgreSQL (psycopg).

Answers are append-only: every save is a new revision row; nothing is updated in place. A save
names the revision it was based on; if someone saved in between, it is refused (StaleRevision).

Revision ids rise in the order their saves commit, on either database (see
:func:`ekokit.store.engine.take_revision_lock`), so a live page reading "ids above the last one
I saw" (:meth:`Store.changes_since`) never misses one."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError

from ekokit.errors import (
    ExerciseFull,
    StaleRevision,
    TeamExists,
    UnknownTeam,
)
from ekokit.model.teams import Team, name_key
from ekokit.paths import as_db_url, default_db_url
from ekokit.store.engine import engine_for, open_engine, take_revision_lock, translate_error
from ekokit.store.records import Change, Revision
from ekokit.store.schema import revisions_table, room_table, teams_table

# The most revisions the store keeps for one exercise of one team: far above any team's (a busy
# programme is a few hundred), and exactly what an import takes (ekokit.store.workbook), so that
# a team's export always imports again.
MAX_REVISIONS_PER_EXERCISE = 100_000


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Store:
    """All reads and writes of teams and answers. Notebooks never use it directly."""

    def __init__(self, url: str | None = None, *, check_schema: bool = True) -> None:
        """Open the store at ``url`` (default: $EKOKIT_DB or the workspace's file). A new store
        is made; one made by an earlier kit raises StoreOutOfDate, unless ``check_schema`` is
        False (``ekokit db``, backups: they read a store of any version)."""
        self.url = as_db_url(url) if url else default_db_url()
        self.engine: Engine = open_engine(self.url) if check_schema else engine_for(self.url)

    # -- plumbing ---------------------------------------------------------------------------
    @contextmanager
    def _write(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except OperationalError as exc:
            raise translate_error(exc) from exc

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except OperationalError as exc:
            raise translate_error(exc) from exc

    # -- teams ------------------------------------------------------------------------------
    def create_team(self, team: Team) -> Team:
        """Create a team; refuse (TeamExists, naming the existing team) when its slug is taken
        or another team has the same name, case and accents aside: no silent duplicates."""
        row = {**_team_row(team), "created_at": now_iso()}
        key = name_key(team.name)
        try:
            with self._write() as conn:
                for slug, name in conn.execute(select(teams_table.c.slug, teams_table.c.name)):
                    if slug == team.slug or name_key(name) == key:
                        raise TeamExists(slug, name)
                conn.execute(teams_table.insert().values(**row))
        except IntegrityError as exc:  # a concurrent creator took the slug first
            raise TeamExists(team.slug, self.get_team(team.slug).name) from exc
        return team

    def update_team(self, team: Team) -> Team:
        with self._write() as conn:
            done = conn.execute(
                teams_table.update().where(teams_table.c.slug == team.slug)
                .values(**_team_row(team))
            )
            if done.rowcount == 0:
                raise UnknownTeam(team.slug)
        return team

    def get_team(self, slug: str) -> Team:
        with self._read() as conn:
            row = conn.execute(select(teams_table).where(teams_table.c.slug == slug)).first()
        if row is None:
            raise UnknownTeam(slug)
        return _team(row)

    def teams(self) -> list[Team]:
        with self._read() as conn:
            rows = conn.execute(select(teams_table).order_by(teams_table.c.name)).all()
        return [_team(r) for r in rows]

    def has_team(self, slug: str) -> bool:
        try:
            self.get_team(slug)
        except UnknownTeam:
            return False
        return True

    # -- answers ----------------------------------------------------------------------------
    def latest(self, team: str, exercise_id: str) -> Revision | None:
        r = revisions_table
        with self._read() as conn:
            row = conn.execute(
                select(r)
                .where(r.c.team_slug == team, r.c.exercise_id == exercise_id)
                .order_by(r.c.revision.desc())
                .limit(1)
            ).first()
        return _revision(row) if row else None

    def latest_all(self, team: str | None = None) -> dict[tuple[str, str], Revision]:
        """The newest revision of every (team, exercise), for one team or all teams."""
        r = revisions_table
        grouped = (
            select(r.c.team_slug, r.c.exercise_id, func.max(r.c.revision).label("rev"))
            .group_by(r.c.team_slug, r.c.exercise_id)
        )
        if team is not None:
            grouped = grouped.where(r.c.team_slug == team)
        newest = grouped.subquery()
        query = select(r).join(
            newest,
            (r.c.team_slug == newest.c.team_slug)
            & (r.c.exercise_id == newest.c.exercise_id)
            & (r.c.revision == newest.c.rev),
        )
        with self._read() as conn:
            rows = conn.execute(query).all()
        return {(row.team_slug, row.exercise_id): _revision(row) for row in rows}

    def latest_answers(self, team: str) -> dict[str, dict[str, Any]]:
        """A team's newest answer to every exercise it has saved: {exercise id: data}."""
        return {exercise: rev.data for (_team, exercise), rev in self.latest_all(team).items()}

    def newest_change(self) -> int:
        """The id of the newest stored revision (0: none); where a live page starts watching."""
        with self._read() as conn:
            return conn.execute(select(func.max(revisions_table.c.id))).scalar() or 0

    def changes_since(self, after: int, limit: int = 500) -> list[Change]:
        """Revisions stored after row id ``after``, oldest first, without their answers. One
        range search on the primary key: when nothing is new it reads nothing but the index."""
        r = revisions_table
        query = (select(r.c.id, r.c.team_slug, r.c.exercise_id, r.c.revision, r.c.author,
                        r.c.created_at)
                 .where(r.c.id > after).order_by(r.c.id).limit(limit))
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [Change(row.id, row.team_slug, row.exercise_id, row.revision, row.author or "",
                       str(row.created_at or "")) for row in rows]

    def history(self, team: str, exercise_id: str | None = None) -> list[Revision]:
        r = revisions_table
        query = select(r).where(r.c.team_slug == team)
        if exercise_id is not None:
            query = query.where(r.c.exercise_id == exercise_id)
        with self._read() as conn:
            rows = conn.execute(query.order_by(r.c.exercise_id, r.c.revision)).all()
        return [_revision(row) for row in rows]

    def save(
        self,
        team: str,
        exercise_id: str,
        data: dict[str, Any],
        *,
        base_revision: int | None,
        author: str = "",
    ) -> Revision:
        """Append a revision. ``base_revision`` is the revision the editor started from (None or
        0 for none); if a newer one is stored, raise StaleRevision and store nothing."""
        base = base_revision or 0
        payload = json.dumps(data, ensure_ascii=False, sort_keys=True)
        stamp = now_iso()
        r = revisions_table
        try:
            with self._write() as conn:
                known = select(teams_table.c.slug).where(teams_table.c.slug == team)
                if conn.execute(known).first() is None:
                    raise UnknownTeam(team)
                current = conn.execute(
                    select(func.max(r.c.revision)).where(
                        r.c.team_slug == team, r.c.exercise_id == exercise_id
                    )
                ).scalar() or 0
                if current != base:
                    raise StaleRevision(current, base_revision)
                if current >= MAX_REVISIONS_PER_EXERCISE:
                    raise ExerciseFull(exercise_id, MAX_REVISIONS_PER_EXERCISE)
                take_revision_lock(conn)
                conn.execute(
                    r.insert().values(
                        team_slug=team, exercise_id=exercise_id, revision=base + 1,
                        data=payload, author=author[:80], created_at=stamp,
                    )
                )
        except IntegrityError as exc:  # a concurrent writer took the same revision number
            latest = self.latest(team, exercise_id)
            raise StaleRevision(latest.revision if latest else base + 1, base_revision) from exc
        return Revision(team, exercise_id, base + 1, json.loads(payload), author[:80], stamp)

    def insert_raw(self, conn: Connection, team: Team, created_at: str,
                   revisions: list[Revision]) -> None:
        """Bulk insert for imports, inside the caller's transaction (see ekokit.store.workbook)."""
        conn.execute(teams_table.insert().values(**_team_row(team), created_at=created_at))
        self._insert_revisions(conn, team.slug, revisions)

    def append_revisions(self, slug: str, revisions: list[Revision], *,
                         new_team: tuple[Team, str] | None = None) -> None:
        """Add revisions (numbered by the caller) in one transaction, creating ``new_team`` (the
        team and its created_at) first if given. All or nothing: if any number is taken
        meanwhile (a teammate saved), StaleRevision and nothing is stored; beyond what the
        store keeps for an exercise, ExerciseFull."""
        for rev in revisions:
            if rev.revision > MAX_REVISIONS_PER_EXERCISE:
                raise ExerciseFull(rev.exercise_id, MAX_REVISIONS_PER_EXERCISE)
        try:
            with self._write() as conn:
                if new_team is not None:
                    self.insert_raw(conn, new_team[0], new_team[1], revisions)
                else:
                    self._insert_revisions(conn, slug, revisions)
        except IntegrityError as exc:
            raise StaleRevision(0, None) from exc

    @staticmethod
    def _insert_revisions(conn: Connection, slug: str, revisions: list[Revision]) -> None:
        if revisions:
            take_revision_lock(conn)
            conn.execute(revisions_table.insert(), [
                {"team_slug": slug, "exercise_id": rev.exercise_id, "revision": rev.revision,
                 "data": json.dumps(rev.data, ensure_ascii=False, sort_keys=True),
                 "author": rev.author, "created_at": rev.created_at}
                for rev in revisions
            ])

    def team_created_at(self, slug: str) -> str:
        with self._read() as conn:
            value = conn.execute(
                select(teams_table.c.created_at).where(teams_table.c.slug == slug)
            ).scalar()
        if value is None:
            raise UnknownTeam(slug)
        return value

    def room_value(self, name: str, make: Callable[[], str]) -> str:
        """The room's value ``name`` (e.g. its secret for team keys), made by ``make`` and kept
        the first time it is asked for; every later call, in any process, gets the same."""
        query = select(room_table.c.value).where(room_table.c.name == name)
        with self._read() as conn:
            value = conn.execute(query).scalar()
        if value is not None:
            return value
        try:
            with self._write() as conn:
                conn.execute(room_table.insert().values(name=name, value=make()))
        except IntegrityError:  # another process made it first: theirs is the one
            pass
        with self._read() as conn:
            return conn.execute(query).scalar_one()

    def stored_room_value(self, name: str) -> str | None:
        """The room's value ``name``, None when it was never set."""
        with self._read() as conn:
            return conn.execute(
                select(room_table.c.value).where(room_table.c.name == name)).scalar()

    def set_room_value(self, name: str, value: str) -> None:
        """Keep ``value`` as the room's ``name``, replacing an earlier one (one transaction)."""
        with self._write() as conn:
            conn.execute(room_table.delete().where(room_table.c.name == name))
            conn.execute(room_table.insert().values(name=name, value=value))

    def transaction(self):
        """A write transaction for multi-row operations that must be all-or-nothing."""
        return self._write()


def _team_row(team: Team) -> dict[str, Any]:
    return {
        "slug": team.slug,
        "name": team.name,
        "phenomenon": team.phenomenon,
        "members": json.dumps(list(team.members), ensure_ascii=False),
    }


def _team(row) -> Team:
    """A stored team as it is: it was checked when written, and a row written before a check
    existed (a control character in a name) must still load, not break every page."""
    try:
        members = tuple(str(m) for m in json.loads(row.members))
    except (ValueError, TypeError):
        members = ()
    return Team.model_construct(slug=row.slug, name=row.name, phenomenon=row.phenomenon or "",
                                members=members)


def _revision(row) -> Revision:
    """A stored row as a Revision; one that does not load (damaged, or from a foreign writer)
    still is one, with its text in ``raw``, so it never breaks the page that lists it."""
    try:
        data = json.loads(row.data)
    except (ValueError, TypeError, RecursionError):
        data = None
    raw = None if isinstance(data, dict) else str(row.data)
    return Revision(row.team_slug, row.exercise_id, row.revision,
                    data if isinstance(data, dict) else {}, row.author or "",
                    str(row.created_at or ""), raw)


def open_store(url: str | None = None) -> Store:
    return Store(url)
