"""Write the thin notebooks from data: one per session in data/calendar.yaml (its title in every
language, the session app, the session's readings from ekokit.content.readings.CONCEPTS and its
quiz), plus the facilitator's and the projector's. Notebooks are committed without outputs; run
this after changing the calendar, the concepts or the cell plan below:
python scripts/make_notebooks.py

The notebooks are made as plain JSON in nbformat 4.5's layout, so that tests/test_notebooks_made.py
can compare them with the committed files without importing nbformat (whose JSON-schema
validator takes seconds to load); :func:`main` validates them with nbformat before writing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ekokit.content.calendar import calendar
from ekokit.content.exercises import find_exercise
from ekokit.content.i18n import Translator, languages
from ekokit.content.notebooks import FACILITATOR_NOTEBOOK as FACILITATOR
from ekokit.content.notebooks import PROJECTOR_NOTEBOOK as PROJECTOR
from ekokit.content.plan import notebook_plan
from ekokit.model.harvest import AFTER

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def session_cells(session: str) -> tuple[str, list[str]]:
    """The title and how homework works (in every language, from the catalogue), then the app,
    each reading followed by its exercises, the quiz and the homework (data/notebooks.yaml)."""
    first = Translator(languages()[0])
    others = "  \n".join(f"*{Translator(code)('lang.name')}:* "
                          f"{Translator(code)(f'session.title_{session}')}"
                          for code in languages()[1:])
    howto = "\n\n".join(f"**{Translator(code)('notebook.howto_heading')}** "
                         f"{Translator(code)('notebook.howto')}" for code in languages())
    markdown = f"# {first(f'session.title_{session}')}\n\n{others}\n\n{howto}"
    # The app comes first: in a pre-warmed kernel it is prepared before a participant arrives.
    calls = ["import ekokit", f'ekokit.session("{session}")']
    for step in notebook_plan()[session]:
        ids = ", ".join(f'"{exercise}"' for exercise in step.exercises)
        calls += [f'ekokit.concept("{step.reading}")', f"ekokit.exercises({ids})"]
    if session == find_exercise(AFTER).session:  # the harvest: Session 1 against this one
        calls.append("ekokit.harvest()")
    calls += [f'ekokit.quiz("{session}")', "ekokit.homework()"]
    return markdown, calls


def facilitator_cells() -> tuple[str, list[str]]:
    titles = " · ".join(Translator(code)("facilitator.title") for code in languages())
    return f"# {titles}", ["import ekokit", "ekokit.facilitator()"]


def projector_cells() -> tuple[str, list[str]]:
    titles = " · ".join(Translator(code)("projector.title") for code in languages())
    return f"# {titles}", ["import ekokit", "ekokit.projector()"]


def _lines(text: str) -> list[str]:
    """A cell's source as nbformat stores it: a list of lines, each but the last with its
    newline."""
    return text.splitlines(keepends=True)


def notebook(markdown: str, calls: list[str]) -> dict[str, Any]:
    """A notebook of one markdown cell and one code cell per call, without outputs (nbformat
    4.5: every cell has an id)."""
    cells: list[dict[str, Any]] = [{"cell_type": "markdown", "metadata": {},
                                    "source": _lines(markdown)}]
    cells += [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
               "source": _lines(call)} for call in calls]
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index}"
    return {"cells": cells,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                        "language": "python"},
                         "language_info": {"name": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def notebooks() -> dict[str, dict[str, Any]]:
    """Every notebook of the kit by its file name: the sessions', the facilitator's, the
    projector's."""
    made = {when.notebook: notebook(*session_cells(when.id)) for when in calendar().sessions}
    made[FACILITATOR] = notebook(*facilitator_cells())
    made[PROJECTOR] = notebook(*projector_cells())
    return made


def file_text(nb: dict[str, Any]) -> str:
    """The notebook's file as nbformat writes it (keys sorted, one space of indent, UTF-8 text
    as is, a newline at the end)."""
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def main() -> None:
    import nbformat  # only to check the notebooks before they are written

    for name, nb in notebooks().items():
        nbformat.validate(nbformat.from_dict(nb))
        (NOTEBOOKS / name).write_text(file_text(nb), encoding="utf-8")


if __name__ == "__main__":
    main()
