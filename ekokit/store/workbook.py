"""A team's whole workbook as one JSON file: export, import (all or nothing), exact round trip.

An import is checked whole before anything is stored, and refused with one reason: the file's
size (read no further than the limit), the nesting depth of its JSON (json's linear scanner ends
a file nested past Python's recursion limit at once; the parsed tree is then walked without
recursion, so every check takes time in line with the file's size), the number of revisions per
exercise, the times (:mod:`ekokit.model.stamps`), the team's fields and every answer against its
exercise.

The limits follow what the store holds, so that a team's export always imports again: an
exercise takes as many revisions as the store keeps for one
(:data:`ekokit.store.database.MAX_REVISIONS_PER_EXERCISE`), and there is no limit in all beyond
the file's size, which bounds the memory a hostile file can take."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ekokit.content.exercises import all_exercises
from ekokit.errors import DamagedRevision, TeamExists, UnknownExercise, WorkbookError
from ekokit.model import answers
from ekokit.model.stamps import Stamp
from ekokit.model.teams import Author, Team, visible
from ekokit.store.database import MAX_REVISIONS_PER_EXERCISE, Revision, Store

FORMAT = "ekokit-workbook"
VERSION = 1

# A full season of a busy team is a few MB; 10,000 revisions of the largest answer ~50 MB.
MAX_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 64  # a workbook nests about 8 deep


class RevisionRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    revision: int = Field(ge=1)
    data: dict[str, Any]
    author: Author = ""
    created_at: Stamp


class Workbook(BaseModel):
    model_config = ConfigDict(extra="forbid")
    format: str
    version: int
    team: Team
    created_at: Stamp
    exercises: dict[str, list[RevisionRecord]]


def export_workbook(store: Store, slug: str) -> dict[str, Any]:
    """Every revision of every exercise of a team (history included), as JSON-ready data."""
    team = store.get_team(slug)
    exercises: dict[str, list[dict[str, Any]]] = {}
    for rev in store.history(slug):
        if rev.raw is not None:  # never an export that silently drops what a row holds
            raise DamagedRevision(slug, rev.exercise_id, rev.revision)
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


def json_depth(value: Any) -> int:
    """How deep the arrays and objects of parsed JSON nest, walked without recursion: the time
    grows with the size of the tree, never with its square (a scan of the raw text with a
    regular expression for strings took 48 s for a hostile 117 KB file)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children: Any = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".rstrip("0").rstrip(".")


def _check_size(size: int) -> None:
    if size > MAX_BYTES:
        raise WorkbookError(f"{size} bytes", reason="too_large", size=_megabytes(size),
                            limit=_megabytes(MAX_BYTES))


def _where(loc: tuple[Any, ...]) -> str:
    """A pydantic location as a path into the file: exercises.s1_phenomenon[0].created_at"""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return visible(text)[:120]


def _check_counts(raw: dict[str, Any]) -> None:
    exercises = raw.get("exercises")
    if not isinstance(exercises, dict):
        return  # the model says what is wrong
    for exercise_id, records in exercises.items():
        count = len(records) if isinstance(records, list) else 0
        if count > MAX_REVISIONS_PER_EXERCISE:
            raise WorkbookError(exercise_id, reason="too_many_revisions",
                                exercise=visible(str(exercise_id))[:64], count=count,
                                limit=MAX_REVISIONS_PER_EXERCISE)


def parse_workbook(text: str | bytes) -> Workbook:
    """Parse and fully validate a workbook; raise WorkbookError with a readable reason."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    _check_size(len(data))
    try:  # json's scanner is linear; nesting past Python's recursion limit ends it at once
        raw = json.loads(data)
    except RecursionError as exc:
        raise WorkbookError("too deep", reason="too_deep", limit=MAX_DEPTH) from exc
    except (ValueError, UnicodeDecodeError) as exc:
        raise WorkbookError("not JSON", reason="not_json") from exc
    if json_depth(raw) > MAX_DEPTH:  # before any model walks it
        raise WorkbookError("too deep", reason="too_deep", limit=MAX_DEPTH)
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise WorkbookError("not an ekokit workbook", reason="foreign")
    if raw.get("version") != VERSION:
        raise WorkbookError("unsupported version", reason="version")
    _check_counts(raw)
    try:
        book = Workbook.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = _where(tuple(err["loc"]))
        if err["type"] == "ekokit_time":
            raise WorkbookError(str(exc), reason="bad_time", where=where,
                                value=visible(str(err.get("input", "")))[:40]) from exc
        raise WorkbookError(str(exc), reason="invalid_at", where=where) from exc
    exercises = {c.id: c for c in all_exercises()}
    for exercise_id, records in book.exercises.items():
        if exercise_id not in exercises:
            raise WorkbookError(exercise_id, reason="unknown_exercise",
                                exercise=visible(exercise_id)[:64]) from UnknownExercise(
                exercise_id
            )
        numbers = [r.revision for r in records]
        if numbers != list(range(1, len(numbers) + 1)):
            raise WorkbookError(exercise_id, reason="revisions", exercise=exercise_id)
        for record in records:
            try:
                answers.validate(exercises[exercise_id], record.data)
            except answers.AnswerInvalid as exc:
                field = ".".join(map(str, exc.problems[0].path)) if exc.problems else ""
                raise WorkbookError(f"{exercise_id}: {exc}", reason="invalid_answer",
                                    exercise=exercise_id, revision=record.revision,
                                    where=visible(field)[:120]) from exc
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


def read_limited(path: str | Path) -> bytes:
    """A workbook file's bytes, refused by its size before it is read (and never read past the
    limit, should it grow meanwhile)."""
    try:
        with Path(path).open("rb") as fh:
            _check_size(os.fstat(fh.fileno()).st_size)
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise WorkbookError(str(exc), reason="unreadable") from exc
    _check_size(len(data))
    return data


def import_file(store: Store, path: str | Path, *, slug: str | None = None) -> Team:
    return import_workbook(store, read_limited(path), slug=slug)
