"""The room as the facilitator sees it, without widgets: every team's progress in a session (its
own exercises and its homework counted apart, by the one rule of ``model.progress``), which
teams have a page open now and in which exercise, and the exercise most teams are in."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ekokit.content.exercises import Exercise, all_exercises
from ekokit.model.progress import Tally, exercise_state, session_progress
from ekokit.model.teams import Team
from ekokit.state.exercise import damage_of
from ekokit.state.live import HERE_WITHIN
from ekokit.store.database import Revision, Store
from ekokit.store.presence import iso_before, present

Latest = dict[tuple[str, str], Revision]


def cell(exercise: Exercise, revision: Revision | None) -> str:
    """"done" | "started" | "open" | "damaged" (the newest revision cannot be read)."""
    if revision is not None and damage_of(exercise, revision) is not None:
        return "damaged"  # flagged, never a failing page
    return exercise_state(exercise, revision.data if revision else None)


def progress_matrix(store: Store, latest: Latest | None = None) -> dict[str, dict[str, str]]:
    """{team slug: {exercise id: "done" | "started" | "open" | "damaged"}} from the latest
    revisions, over every exercise of the programme."""
    latest = store.latest_all() if latest is None else latest
    exercises = all_exercises()
    return {team.slug: {e.id: cell(e, latest.get((team.slug, e.id))) for e in exercises}
            for team in store.teams()}


@dataclass(frozen=True)
class TeamProgress:
    """One team's row for a session: each exercise's state, the session's own exercises and
    its homework counted apart, and the newest save among them (ISO time, "" for none)."""

    team: Team
    cells: dict[str, str]
    session: Tally
    homework: Tally
    last_saved: str


def progress_by_team(store: Store, exercises: Sequence[Exercise], *,
                  latest: Latest | None = None,
                  teams: Sequence[Team] | None = None) -> list[TeamProgress]:
    latest = store.latest_all() if latest is None else latest
    rows = []
    for team in store.teams() if teams is None else teams:
        revisions = {e.id: latest.get((team.slug, e.id)) for e in exercises}
        cells = {e.id: cell(e, revisions[e.id]) for e in exercises}
        answers = {i: r.data for i, r in revisions.items()
                   if r is not None and cells[i] != "damaged"}
        progress = session_progress(exercises, answers)
        stamps = [r.created_at for r in revisions.values() if r is not None]
        rows.append(TeamProgress(team, cells, progress.session, progress.homework,
                                 max(stamps, default="")))
    return rows


def here_now(store: Store, *, now: str | None = None,
             within: float = HERE_WITHIN) -> dict[str, tuple[str, ...]]:
    """{team slug: the exercises its open pages are in} for every team with a page seen in
    the last ``within`` seconds (a team on its page with no exercise open: an empty tuple)."""
    here: dict[str, list[str]] = {}
    for row in present(store, iso_before(within, now)):
        open_in = here.setdefault(row.team, [])
        if row.exercise_id and row.exercise_id not in open_in:
            open_in.append(row.exercise_id)
    return {team: tuple(sorted(ids)) for team, ids in here.items()}


def busiest_exercise(here: dict[str, tuple[str, ...]], among: Iterable[str]) -> str | None:
    """The exercise most teams here are in (a team counts once per exercise); a tie goes to
    the one first in ``among``; None when no team is in any of them."""
    order = list(among)
    counts = Counter(e for ids in here.values() for e in set(ids) if e in order)
    if not counts:
        return None
    return max(order, key=lambda e: (counts.get(e, 0), -order.index(e)))
