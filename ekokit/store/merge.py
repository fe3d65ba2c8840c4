"""Merging a team's workbook into a store that already has the team (homework done on another
machine coming home). Nothing is lost and nothing is overwritten:

* revisions the file shares with the store (same number, same answer) are already there;
* revisions the file has after that common history, where the store has none, are added with
  their numbers, answers, authors and times;
* where both sides went on after the common history, the store's revisions stay and the file's
  differing ones are appended after them as new revisions (answer, author and time kept), as
  the app's conflict view keeps both versions. A file revision whose answer the store already
  has after the common history is not added twice, so merging the same file again adds nothing;
* time runs one way: a file that goes on from the common history with a revision dated before
  that history's last revision is refused whole (a wrong clock, or an edited file), so a
  revision from 2001 never follows the one from 2023 it was written after. (Within one file a
  kept-both revision may be older than the one before it: it was written in parallel.)

The whole file is checked first (:func:`ekokit.store.workbook.parse_workbook`) and the merge is
stored in one transaction: all or nothing."""

from __future__ import annotations

import json
from dataclasses import dataclass

from ekokit.errors import StaleRevision, WorkbookError
from ekokit.model.stamps import moment
from ekokit.model.teams import Team
from ekokit.store.database import Revision, Store
from ekokit.store.workbook import RevisionRecord, parse_workbook, read_limited


@dataclass(frozen=True)
class ExerciseMerge:
    """What a merge did to one exercise. ``kept_both``: the file's differing revisions appended
    after the store's own, numbered ``first``..``last``."""

    exercise_id: str
    added: int = 0
    already: int = 0
    kept_both: int = 0
    first: int = 0
    last: int = 0

    @property
    def outcome(self) -> str:
        return "both" if self.kept_both else "added" if self.added else "already"


@dataclass(frozen=True)
class MergeReport:
    team: Team
    created: bool  # the store did not have the team: it was created from the file
    exercises: tuple[ExerciseMerge, ...]

    def total(self, what: str) -> int:
        return sum(getattr(e, what) for e in self.exercises)


def _key(data: dict) -> str:
    """An answer as comparable text (a set of these finds one among thousands at once)."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def plan_exercise(slug: str, exercise_id: str, mine: list[Revision],
                  theirs: list[RevisionRecord]) -> tuple[list[Revision], ExerciseMerge]:
    """The revisions to add to the store's ``mine`` from the file's ``theirs``, and the count."""
    common = 0
    while common < min(len(mine), len(theirs)) and mine[common].data == theirs[common].data:
        common += 1
    rest = theirs[common:]
    if common:  # what goes on from the common history was written after it, on any clock
        since = moment(mine[common - 1].created_at)
        for record in rest:
            if moment(record.created_at) < since:
                raise WorkbookError(exercise_id, reason="time_order", exercise=exercise_id,
                                    revision=record.revision)
    if common == len(mine):  # the store has nothing after the common history: add in order
        new = [Revision(slug, exercise_id, r.revision, r.data, r.author, r.created_at)
               for r in rest]
        return new, ExerciseMerge(exercise_id, added=len(new), already=common)
    own = {_key(r.data) for r in mine[common:]}
    number = mine[-1].revision
    new, already = [], common
    for record in rest:
        if _key(record.data) in own:
            already += 1
            continue
        number += 1
        new.append(Revision(slug, exercise_id, number, record.data, record.author,
                            record.created_at))
    if not new:
        return [], ExerciseMerge(exercise_id, already=already)
    return new, ExerciseMerge(exercise_id, already=already, kept_both=len(new),
                              first=new[0].revision, last=new[-1].revision)


def merge_workbook(store: Store, text: str | bytes, *, slug: str | None = None) -> MergeReport:
    """Add what the file's team has and the store lacks (see the module). All or nothing."""
    book = parse_workbook(text)
    team = book.team if slug is None else Team.model_validate(
        {**book.team.model_dump(), "slug": slug})
    created = not store.has_team(team.slug)
    if not created:
        team = store.get_team(team.slug)  # the store's profile stays as it is
    history: dict[str, list[Revision]] = {}
    for revision in ([] if created else store.history(team.slug)):
        history.setdefault(revision.exercise_id, []).append(revision)
    added: list[Revision] = []
    report = []
    for exercise_id, records in sorted(book.exercises.items()):
        if not records:
            continue
        new, outcome = plan_exercise(team.slug, exercise_id, history.get(exercise_id, []),
                                     records)
        added.extend(new)
        report.append(outcome)
    try:
        store.append_revisions(team.slug, added,
                               new_team=(team, book.created_at) if created else None)
    except StaleRevision as exc:  # a teammate saved while merging: nothing was merged
        raise WorkbookError("the store changed while merging", reason="changed") from exc
    return MergeReport(team, created, tuple(report))


def merge_file(store: Store, path: str, *, slug: str | None = None) -> MergeReport:
    return merge_workbook(store, read_limited(path), slug=slug)
