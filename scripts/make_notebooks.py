"""Write the thin notebooks from data: one per session in data/calendar.yaml (its title in every
language, the session app, the session's readings from ekokit.content.readings.CONCEPTS and its
quiz), plus the facilitator's. Notebooks are committed without outputs; run this after changing
the calendar, the concepts or the cell plan below:  python scripts/make_notebooks.py"""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf
from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator, languages
from ekokit.content.readings import concept_ids

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
FACILITATOR = "00_fasilitaattori.ipynb"


def session_cells(session: str) -> tuple[str, list[str]]:
    others = "  \n".join(f"*{Translator(code)('lang.name')}:* "
                          f"{Translator(code)(f'session.title_{session}')}"
                          for code in languages()[1:])
    markdown = (f"# {Translator(languages()[0])(f'session.title_{session}')}\n\n{others}\n\n"
                "*Run → Run All Cells*. "
                "`ekokit.language(\"en\")` before `ekokit.session(…)` switches to English.")
    # The app comes first: in a pre-warmed kernel it is prepared before a participant
    # arrives. The readings below it are folded; the quiz opens with a button.
    calls = ["import ekokit", f'ekokit.session("{session}")',
             *(f'ekokit.concept("{cid}")' for cid in concept_ids(session)),
             f'ekokit.quiz("{session}")']
    return markdown, calls


def facilitator_cells() -> tuple[str, list[str]]:
    titles = " · ".join(Translator(code)("facilitator.title") for code in languages())
    return f"# {titles}", ["import ekokit", "ekokit.facilitator()"]


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


if __name__ == "__main__":
    main()
