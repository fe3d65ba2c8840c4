"""The one progress rule: an exercise is open (nothing saved), started (saved, a required field
still empty) or done. A session's progress counts its own exercises and its homework apart, the
same way on the team's page and in the facilitator view. A reading's questions (a reflection,
``kind: reflection``) are among the session's own exercises: they stand on the page with them,
and the facilitator's matrix lists them with the session's, so both count them alike."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ekokit.content.exercises import Exercise
from ekokit.model.answers import is_complete

State = Literal["open", "started", "done"]
STATES: tuple[State, ...] = ("done", "started", "open")


def exercise_state(exercise: Exercise, data: Mapping[str, Any] | None) -> State:
    if not data:
        return "open"
    return "done" if is_complete(exercise, dict(data)) else "started"


@dataclass(frozen=True)
class Tally:
    """How many exercises of a group are done, started and open."""

    done: int = 0
    started: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.done + self.started + self.open

    def as_params(self) -> dict[str, int]:
        return {"done": self.done, "started": self.started, "open": self.open,
                "total": self.total}


def tally(exercises: Iterable[Exercise], answers: Mapping[str, Mapping[str, Any]]) -> Tally:
    """Count the states of ``exercises`` from a team's latest answers ({exercise id: data})."""
    counts = {"done": 0, "started": 0, "open": 0}
    for exercise in exercises:
        counts[exercise_state(exercise, answers.get(exercise.id))] += 1
    return Tally(**counts)


@dataclass(frozen=True)
class SessionProgress:
    """A session's own exercises and its homework, counted apart."""

    session: Tally
    homework: Tally


def session_progress(exercises: Iterable[Exercise],
                     answers: Mapping[str, Mapping[str, Any]]) -> SessionProgress:
    listed = list(exercises)
    own = [e for e in listed if not e.is_homework]
    homework = [e for e in listed if e.is_homework]
    return SessionProgress(tally(own, answers), tally(homework, answers))
