"""The room as the facilitator sees it, without widgets: every team's progress in a session (its
own exercises and its homework counted apart, by the one rule of ``model.progress``), which
teams have a page open now and in which exercise, the exercise most teams are in, and every
team's newest answer to one exercise. :class:`RoomOverview` holds what was last read from the
store; the facilitator view renders it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ekokit.content.exercises import Exercise, all_exercises
from ekokit.model.progress import Tally, exercise_state, session_progress
from ekokit.model.teams import Team, is_demo_team, participating_teams
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


@dataclass(frozen=True)
class TeamAnswer:
    """One team's newest revision of one exercise (None: nothing saved)."""

    team: Team
    exercise: Exercise
    revision: Revision | None

    @property
    def damaged(self) -> bool:
        """The newest revision cannot be shown (checked when asked: a page that draws only new
        revisions asks only for those)."""
        return self.revision is not None and damage_of(self.exercise, self.revision) is not None


def answers_to(exercise: Exercise, teams: Sequence[Team], latest: Latest) -> list[TeamAnswer]:
    """Every team's newest revision of ``exercise``, in the order of ``teams``."""
    return [TeamAnswer(team, exercise, latest.get((team.slug, exercise.id))) for team in teams]


class RoomOverview:
    """What the facilitator's view shows, as last read from the store: the teams, every team's
    newest revisions and who is here. Each ``read_*`` is one look at the store."""

    def __init__(self, store: Store | None = None, lang: str = "fi") -> None:
        self.store = store if store is not None else Store()
        self.lang = lang  # an empty room shows the demo team in this language
        self.teams: list[Team] = participating_teams(self.store.teams(), lang)
        self.here = self._here()
        self.latest: Latest = {}

    def read_teams(self) -> list[Team]:
        """The room's teams: the demo teams are none of them (shown only in an empty room)."""
        self.teams = participating_teams(self.store.teams(), self.lang)
        return self.teams

    def _here(self) -> dict[str, tuple[str, ...]]:
        """Who is here: a demo team's page (self-study) is no team of the room either."""
        shown = {t.slug for t in self.teams}
        return {slug: ids for slug, ids in here_now(self.store).items()
                if not is_demo_team(slug) or slug in shown}

    def read_latest(self) -> Latest:
        self.latest = self.store.latest_all()
        return self.latest

    def read_here(self) -> dict[str, tuple[str, ...]]:
        self.here = self._here()
        return self.here

    def knows(self, slugs: Iterable[str]) -> bool:
        """Whether every team in ``slugs`` was among the teams read (else one was created)."""
        known = {t.slug for t in self.teams}
        return all(slug in known for slug in slugs)

    def progress(self, exercises: Sequence[Exercise]) -> list[TeamProgress]:
        return progress_by_team(self.store, exercises, latest=self.latest, teams=self.teams)

    def answers(self, exercise: Exercise) -> list[TeamAnswer]:
        return answers_to(exercise, self.teams, self.latest)
