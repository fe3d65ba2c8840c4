"""Checks of the worked example (the demo teams): in Finnish in data/examples/demo_team/ and
translated in data/<lang>/examples/demo_team/, one folder per language the kit speaks. Each
covers every exercise, each latest answer validates and is complete, and a translation is the
Finnish answers with only the people's text in another language."""

from __future__ import annotations

from typing import Any

from ekokit.errors import WorkbookError
from ekokit.validate._base import Content, Problems, one_line

TEXT_TYPES = ("text", "longtext", "textlist")


def _demo_languages(content: Content) -> list[str]:
    """Every language with a demo team or a UI catalogue, Finnish first."""
    from ekokit.content.example import SOURCE_LANG
    from ekokit.model.teams import DEMO_TEAMS

    others = sorted((set(DEMO_TEAMS) | set(content.languages)) - {SOURCE_LANG})
    return [SOURCE_LANG, *others]


def _where(content: Content, lang: str) -> str:
    from ekokit.content.example import example_folder

    return content.rel(example_folder(lang, content.data))


def example_covers(content: Content) -> Problems:
    """Every language has demo answers (examples/demo_team/ in Finnish, <lang>/examples/
    demo_team/ in the others) and a demo team, with an answer for every exercise, and only for
    exercises."""
    from ekokit.content.example import TEAM_FILE, example_exercise_ids, example_folder
    from ekokit.model.teams import DEMO_TEAMS

    found = []
    for lang in _demo_languages(content):
        folder, where = example_folder(lang, content.data), _where(content, lang)
        if lang not in DEMO_TEAMS:
            found.append(f"{where}: no demo team for {lang!r} in ekokit.model.teams.DEMO_TEAMS")
        if not (folder / TEAM_FILE).exists():
            found.append(f"{where}/{TEAM_FILE}: missing (every language has the demo team's "
                         "answers)")
            continue
        have = example_exercise_ids(folder)
        found += [f"{where}/{eid}.yaml: missing (every exercise has a demo answer)"
                  for eid in sorted(content.exercise_ids - have)]
        found += [f"{where}/{eid}.yaml: not an exercise"
                  for eid in sorted(have - content.exercise_ids)]
    return found


def example_answers(content: Content) -> Problems:
    """Each language's demo answers load, and each exercise's latest demo answer validates and is
    complete (every required field filled)."""
    from ekokit.content.example import TEAM_FILE, example_folder, example_workbook

    found = []
    for lang in _demo_languages(content):
        folder, where = example_folder(lang, content.data), _where(content, lang)
        if not (folder / TEAM_FILE).exists():
            continue  # example_covers reports it
        try:
            book = example_workbook(folder)
        except WorkbookError as exc:
            found.append(f"{where}: {one_line(exc)}")
            continue
        for eid, records in book["exercises"].items():
            exercise = content.exercises.get(eid)
            if exercise is None or not content.vocabularies_known(exercise.spec):
                continue  # exercises_load or vocabularies_exist reports it
            problem = _latest_problem(exercise, records)
            if problem:
                found.append(f"{where}/{eid}.yaml: revision {len(records)}: {problem}")
    return found


def _latest_problem(exercise: Any, records: list[dict[str, Any]]) -> str:
    """What is wrong with the latest demo answer (invalid, or a required field empty); ""."""
    from ekokit.model import answers

    try:
        data = answers.validate(exercise, records[-1]["data"])
    except answers.AnswerInvalid as exc:
        return str(exc)
    missing = [".".join(map(str, p)) for p in answers.missing_required(exercise, data)]
    return f"required fields empty: {missing}" if missing else ""


def example_translations(content: Content) -> Problems:
    """A translated demo team is the Finnish one in another language: its own slug (DEMO_TEAMS),
    the same members, and per exercise the same revisions (author, time) whose answers differ
    only in the text people wrote. Choices, numbers, dates and the shape of lists are the
    Finnish ones, and a text is filled exactly where the Finnish one is."""
    from ekokit.content.example import SOURCE_LANG, TEAM_FILE, example_folder, example_workbook
    from ekokit.model.teams import DEMO_TEAMS

    source_folder = example_folder(SOURCE_LANG, content.data)
    try:
        source = example_workbook(source_folder)
    except WorkbookError:
        return []  # example_answers reports it
    found = []
    for lang in _demo_languages(content)[1:]:
        folder, where = example_folder(lang, content.data), _where(content, lang)
        if not (folder / TEAM_FILE).exists():
            continue  # example_covers reports it
        try:
            book = example_workbook(folder)
        except WorkbookError:
            continue  # example_answers reports it
        team, fi_team = book["team"], source["team"]
        if lang in DEMO_TEAMS and team.get("slug") != DEMO_TEAMS[lang]:
            found.append(f"{where}/{TEAM_FILE}: team.slug is {team.get('slug')!r}, not the "
                         f"demo team's {DEMO_TEAMS[lang]!r}")
        if list(team.get("members", ())) != list(fi_team.get("members", ())):
            found.append(f"{where}/{TEAM_FILE}: team.members differ from the Finnish demo team's")
        for eid, records in book["exercises"].items():
            exercise = content.exercises.get(eid)
            theirs = source["exercises"].get(eid)
            if exercise is None or theirs is None or not content.vocabularies_known(exercise.spec):
                continue  # example_covers, exercises_load or vocabularies_exist reports it
            if _latest_problem(exercise, records) or _latest_problem(exercise, theirs):
                continue  # example_answers reports it
            at = f"{where}/{eid}.yaml"
            if len(records) != len(theirs):
                found.append(f"{at}: {len(records)} revisions, the Finnish has {len(theirs)}")
                continue
            for number, (mine, fi) in enumerate(zip(records, theirs, strict=True), start=1):
                if (mine["author"], mine["created_at"]) != (fi["author"], fi["created_at"]):
                    found.append(f"{at}: revision {number}: author or created_at differs from "
                                 "the Finnish")
                for path in _differences(exercise.spec.fields, mine["data"], fi["data"]):
                    found.append(f"{at}: revision {number}: {path} is not the Finnish answer's "
                                 "(only text is translated)")
    return found


def _differences(fields: Any, mine: Any, theirs: Any, prefix: str = "") -> list[str]:
    """The field paths where ``mine`` is not ``theirs`` in more than its text."""
    if not isinstance(mine, dict) or not isinstance(theirs, dict):
        return [prefix or "data"] if mine != theirs else []
    spec = {f.name: f for f in fields}
    out = []
    for key in sorted(set(mine) | set(theirs)):
        path = f"{prefix}{key}"
        if key not in mine or key not in theirs:
            out.append(path)
            continue
        a, b, field = mine[key], theirs[key], spec.get(key)
        if field is None or field.type not in (*TEXT_TYPES, "list"):
            if a != b:
                out.append(path)
        elif field.type == "list":
            if not isinstance(a, list) or not isinstance(b, list) or len(a) != len(b):
                out.append(path)
            else:
                for index, (x, y) in enumerate(zip(a, b, strict=True)):
                    out += _differences(field.item, x, y, f"{path}.{index}.")
        elif field.type == "textlist":
            if not _same_shape(a, b):
                out.append(path)
        elif _filled(a) != _filled(b):
            out.append(path)
    return out


def _filled(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _same_shape(mine: Any, theirs: Any) -> bool:
    """Two text lists with as many items, filled at the same places."""
    if not isinstance(mine, list) or not isinstance(theirs, list) or len(mine) != len(theirs):
        return False
    return all(_filled(a) == _filled(b) for a, b in zip(mine, theirs, strict=True))
