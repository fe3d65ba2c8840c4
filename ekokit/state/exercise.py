"""One team's work on one exercise, without widgets: what is saved, which revision an edit is
based on, and what a save did. The exercise view renders it; tests drive it directly.

A save ends in exactly one :class:`Outcome`: saved, unchanged, invalid (nothing stored, the
problems say where), conflict (a teammate saved first: nothing stored, their version is
attached), unavailable (the store cannot be written: nothing stored) or example (the worked
example team outside self-study: nothing stored)."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from typing import Any, Literal

from ekokit.content.exercises import Exercise
from ekokit.errors import StaleRevision, StoreUnavailable
from ekokit.model import answers
from ekokit.model.progress import State, exercise_state
from ekokit.model.teams import is_demo_team
from ekokit.store.database import Revision, Store

OutcomeKind = Literal["saved", "unchanged", "invalid", "conflict", "unavailable", "example"]
CatchUp = Literal["none", "applied", "offered"]
SELF_STUDY = "EKOKIT_SELF_STUDY"  # "1": the demo team takes saves (``ekokit serve --demo``)


def example_is_writable(store: Store) -> bool:
    """The worked example takes saves only in self-study: ``ekokit serve --demo``, or a store
    that holds no team but the demo teams. Otherwise its answers stay as every learner sees them."""
    if os.environ.get(SELF_STUDY) == "1":
        return True
    return all(is_demo_team(team.slug) for team in store.teams())


@dataclass(frozen=True)
class Damage:
    """A stored revision that cannot be shown as this exercise's answer: its text does not load
    (``not_json``) or does not fit the exercise's model (``invalid``, e.g. written by an older
    kit). ``raw`` is the stored text, kept for the team to copy from."""

    revision: int
    kind: Literal["not_json", "invalid"]
    raw: str


def damage_of(exercise: Exercise, revision: Revision | None) -> Damage | None:
    """What is wrong with a stored revision as an answer to ``exercise``; None if nothing."""
    if revision is None:
        return None
    if revision.raw is not None:
        return Damage(revision.revision, "not_json", revision.raw)
    try:
        answers.validate(exercise, revision.data)
    except answers.AnswerInvalid:
        text = json.dumps(revision.data, ensure_ascii=False, indent=2, sort_keys=True)
        return Damage(revision.revision, "invalid", text)
    return None


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    revision: Revision | None = None  # saved: the new one; conflict: the teammate's
    problems: list[answers.Problem] = field(default_factory=list)
    error: StoreUnavailable | None = None


class ExerciseState:
    """The saved state of one exercise for one team, and the only way to save it."""

    def __init__(self, exercise: Exercise, store: Store, team: str, *, author: str = "",
                 latest: Revision | None = None) -> None:
        self.exercise, self.store, self.team, self.author = exercise, store, team, author
        self.latest: Revision | None = latest
        self.offered: Revision | None = None  # a teammate's newer revision, not yet taken
        self._checked: tuple[Revision | None, Damage | None] | None = None

    # -- what is saved ---------------------------------------------------------------------
    @property
    def base_revision(self) -> int:
        """The revision an edit is based on (0: nothing saved yet)."""
        return self.latest.revision if self.latest else 0

    @property
    def damage(self) -> Damage | None:
        """Set when the newest stored revision cannot be shown (checked once per revision)."""
        if self._checked is None or self._checked[0] is not self.latest:
            self._checked = (self.latest, damage_of(self.exercise, self.latest))
        return self._checked[1]

    @property
    def saved(self) -> dict[str, Any] | None:
        """The newest saved answer; None when nothing is saved or it cannot be shown (then an
        edit starts empty and is saved as the next revision: the damaged one is kept)."""
        if self.latest is None or self.damage is not None:
            return None
        return self.latest.data

    @property
    def state(self) -> State:
        return exercise_state(self.exercise, self.saved)

    def missing(self) -> list[answers.Path]:
        return answers.missing_required(self.exercise, self.saved or {})

    def reload(self) -> Revision | None:
        """Read the newest revision from the store (a teammate may have saved)."""
        self.latest = self.store.latest(self.team, self.exercise.id)
        return self.latest

    # -- a teammate's save ---------------------------------------------------------------------
    def differs(self, edit: dict[str, Any]) -> bool:
        """Whether ``edit`` (what the form holds) is not what is saved: an unsaved edit. An edit
        that does not validate is one too (the form keeps what was typed)."""
        try:
            clean = answers.validate(self.exercise, edit)
        except answers.AnswerInvalid:
            return True
        saved = self.saved
        if saved is None:
            saved = answers.validate(self.exercise, answers.empty_answer(self.exercise))
        return clean != saved

    def catch_up(self, edit: dict[str, Any] | None = None, *, pending: bool = False) -> CatchUp:
        """A teammate may have saved: read the newest revision. Newer than the base and no
        unsaved edit here (``edit`` None or the same as saved, no save ``pending``): it becomes
        the base ("applied"). With an unsaved edit it is only kept aside in :attr:`offered`
        ("offered"): the edit stays, and a save stays refused until the team chooses."""
        newest = self.store.latest(self.team, self.exercise.id)
        if newest is None or newest.revision <= self.base_revision:
            return "none"
        if pending or (edit is not None and self.differs(edit)):
            self.offered = newest
            return "offered"
        self.latest, self.offered = newest, None
        return "applied"

    # -- saving ------------------------------------------------------------------------------
    def save(self, data: dict[str, Any]) -> Outcome:
        """Validate and append a revision based on :attr:`base_revision`."""
        try:
            clean = answers.validate(self.exercise, data)
        except answers.AnswerInvalid as exc:
            return Outcome("invalid", problems=exc.problems)
        if clean == self.saved:
            return Outcome("unchanged", self.latest)
        if is_demo_team(self.team) and not example_is_writable(self.store):
            return Outcome("example")
        try:
            revision = self.store.save(self.team, self.exercise.id, clean,
                                       base_revision=self.base_revision, author=self.author)
        except StaleRevision:
            return Outcome("conflict", self.store.latest(self.team, self.exercise.id))
        except StoreUnavailable as exc:
            return Outcome("unavailable", error=exc)
        self.latest, self.offered = revision, None
        return Outcome("saved", revision)

    def take_theirs(self) -> Revision | None:
        """Give up the unsaved edit: the newest saved revision becomes the base."""
        self.offered = None
        return self.reload()

    def keep_mine(self, data: dict[str, Any]) -> Outcome:
        """Save the edit as the newest revision, on top of the teammate's (kept in history)."""
        self.reload()
        return self.save(data)
