"""A team's whole workbook as one JSON file: export, import (all or nothing), exact round trip."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ekokit.content.exercises import all_exercises
from ekokit.errors import TeamExists, UnknownExercise, WorkbookError
from ekokit.model import answers
from ekokit.model.teams import Team
from ekokit.store.database import Revision, Store

FORMAT = "ekokit-workbook"
VERSION = 1


class RevisionRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    revision: int = Field(ge=1)
    data: dict[str, Any]
    author: str = Field(default="", max_length=80)
    created_at: str


class Workbook(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str
    version: int
    team: Team
    created_at: str
    exercises: dict[str, list[RevisionRecord]]


def export_workbook(store: Store, slug: str) -> dict[str, Any]:
    """Every revision of every exercise of a team (history included), as JSON-ready data."""
    team = store.get_team(slug)
    exercises: dict[str, list[dict[str, Any]]] = {}
    for rev in store.history(slug):
        exercises.setdefault(rev.exercise_id, []).append(
            {"revision": rev.revision, "data": rev.data, "author": rev.author,
             "created_at": rev.created_at}
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "team": team.model_dump(mode="json"),
        "created_at": store.team_created_at(slug),
        "exercises": exercises,
    }


def dumps(workbook: dict[str, Any]) -> str:
    return json.dumps(workbook, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def parse_workbook(text: str | bytes) -> Workbook:
    """Parse and fully validate a workbook; raise WorkbookError with a readable reason."""
    try:
        raw = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise WorkbookError("not JSON", reason="not_json") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise WorkbookError("not an ekokit workbook", reason="foreign")
    if raw.get("version") != VERSION:
        raise WorkbookError("unsupported version", reason="version")
    try:
        book = Workbook.model_validate(raw)
    except ValidationError as exc:
        raise WorkbookError(str(exc), reason="invalid") from exc
    exercises = {c.id: c for c in all_exercises()}
    for exercise_id, records in book.exercises.items():
        if exercise_id not in exercises:
            raise WorkbookError(exercise_id, reason="unknown_exercise") from UnknownExercise(
                exercise_id
            )
        numbers = [r.revision for r in records]
        if numbers != list(range(1, len(numbers) + 1)):
            raise WorkbookError(exercise_id, reason="revisions")
        for record in records:
            try:
                answers.validate(exercises[exercise_id], record.data)
            except answers.AnswerInvalid as exc:
                raise WorkbookError(f"{exercise_id}: {exc}", reason="invalid") from exc
    return book


def import_workbook(store: Store, text: str | bytes, *, slug: str | None = None) -> Team:
    """Import a workbook as a new team (optionally under another slug). All or nothing."""
    book = parse_workbook(text)
    team = book.team if slug is None else book.team.model_copy(update={"slug": slug})
    if slug is not None:
        team = Team.model_validate(team.model_dump())
    if store.has_team(team.slug):
        raise TeamExists(team.slug, store.get_team(team.slug).name)
    revisions = [
        Revision(team.slug, exercise_id, r.revision, r.data, r.author, r.created_at)
        for exercise_id, records in book.exercises.items()
        for r in records
    ]
    with store.transaction() as conn:
        store.insert_raw(conn, team, book.created_at, revisions)
    return team


def import_file(store: Store, path: str | Path, *, slug: str | None = None) -> Team:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise WorkbookError(str(exc), reason="unreadable") from exc
    return import_workbook(store, data, slug=slug)
