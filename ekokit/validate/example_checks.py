"""Checks of the worked example team (data/examples/demo_team/): it covers every exercise, and
each latest answer validates and is complete."""

from __future__ import annotations

from ekokit.errors import WorkbookError
from ekokit.validate._base import Content, Problems, one_line


def example_covers(content: Content) -> Problems:
    """The worked example (examples/demo_team/) has an answer for every exercise, and only for
    exercises."""
    from ekokit.content.example import example_exercise_ids

    have = example_exercise_ids(content.data / "examples" / "demo_team")
    return ([f"examples/demo_team/{eid}.yaml: missing (every exercise has a demo answer)"
             for eid in sorted(content.exercise_ids - have)]
            + [f"examples/demo_team/{eid}.yaml: not an exercise"
               for eid in sorted(have - content.exercise_ids)])


def example_answers(content: Content) -> Problems:
    """The worked example loads, and each exercise's latest demo answer validates and is
    complete (every required field filled)."""
    from ekokit.content.example import example_workbook
    from ekokit.model import answers

    try:
        book = example_workbook(content.data / "examples" / "demo_team")
    except WorkbookError as exc:
        return [f"examples/demo_team: {one_line(exc)}"]
    found = []
    for eid, records in book["exercises"].items():
        exercise = content.exercises.get(eid)
        if exercise is None or not content.vocabularies_known(exercise.spec):
            continue  # exercises_load or vocabularies_exist reports it
        where = f"examples/demo_team/{eid}.yaml: revision {len(records)}"
        try:
            data = answers.validate(exercise, records[-1]["data"])
        except answers.AnswerInvalid as exc:
            found.append(f"{where}: {exc}")
            continue
        missing = [".".join(map(str, p)) for p in answers.missing_required(exercise, data)]
        if missing:
            found.append(f"{where}: required fields empty: {missing}")
    return found
