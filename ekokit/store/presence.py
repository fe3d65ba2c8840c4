"""Who has a page open now: each session page (its kernel) keeps one row up to date — its team,
the exercise it has open and when it was last seen. The facilitator reads the fresh rows.

Rows are not answers: they are written in place, and rows not seen for a day are removed when a
page starts. Times are ISO-8601 in UTC with milliseconds, so they compare as text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.exc import OperationalError

from ekokit.store.database import Store, now_iso
from ekokit.store.engine import translate_error
from ekokit.store.schema import presence_table

KEEP_FOR = dt.timedelta(days=1)  # rows older than this are removed when a page starts


@dataclass(frozen=True)
class Presence:
    page_id: str
    team: str
    session: str
    exercise_id: str  # "" when no exercise is open
    last_seen: str


def iso_before(seconds: float, now: str | None = None) -> str:
    """The ISO time ``seconds`` before ``now`` (default: the present), as the store writes it."""
    moment = dt.datetime.fromisoformat(now) if now else dt.datetime.now(dt.UTC)
    return (moment - dt.timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def mark_present(store: Store, page_id: str, team: str, session: str, exercise_id: str = "",
                 *, now: str | None = None, first: bool = False) -> None:
    """Upsert this page's row (update, else insert: the same on every SQL database). ``first``:
    the page has just started, and also clears rows not seen for a day."""
    p = presence_table
    values = {"team_slug": team[:64], "session": session[:8], "exercise_id": exercise_id[:64],
              "last_seen": now or now_iso()}
    with store.transaction() as conn:
        if first:
            old = iso_before(KEEP_FOR.total_seconds(), values["last_seen"])
            conn.execute(delete(p).where(p.c.last_seen < old))
        done = conn.execute(update(p).where(p.c.page_id == page_id).values(**values))
        if done.rowcount == 0:
            conn.execute(p.insert().values(page_id=page_id, **values))


def leave(store: Store, page_id: str) -> None:
    """The page is gone (its team changed, or its kernel stops): remove its row."""
    with store.transaction() as conn:
        conn.execute(delete(presence_table).where(presence_table.c.page_id == page_id))


def present(store: Store, since: str) -> list[Presence]:
    """Pages seen at or after ``since`` (an ISO time), newest first."""
    p = presence_table
    query = select(p).where(p.c.last_seen >= since).order_by(p.c.last_seen.desc())
    try:
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
    except OperationalError as exc:
        raise translate_error(exc) from exc
    return [Presence(r.page_id, r.team_slug, r.session, r.exercise_id, r.last_seen)
            for r in rows]
