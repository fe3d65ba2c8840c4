"""Write the thin notebooks from data: one per session in data/calendar.yaml (its title in every
language, the session app, the session's readings from ekokit.content.readings.CONCEPTS and its
quiz), plus the facilitator's and the projector's. Notebooks are committed without outputs; run
this after changing the calendar, the concepts or the cell plan below:
python scripts/make_notebooks.py"""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf
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


def notebook(markdown: str, calls: list[str]) -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(markdown)] + [nbf.v4.new_code_cell(c) for c in calls]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index}"
    return nb


def main() -> None:
    for when in calendar().sessions:
        nbf.write(notebook(*session_cells(when.id)), NOTEBOOKS / when.notebook)
    nbf.write(notebook(*facilitator_cells()), NOTEBOOKS / FACILITATOR)
    nbf.write(notebook(*projector_cells()), NOTEBOOKS / PROJECTOR)


if __name__ == "__main__":
    main()
