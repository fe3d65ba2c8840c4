"""Write the thin session notebooks (narrative via ekokit.concept, one-line calls). Run once
after changing the cell lists below; the notebooks are committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat as nbf

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

SESSIONS = {
    "01_ekosysteemit.ipynb": (
        ("# Tapaaminen 1 · Session 1: Ekosysteemit / Ecosystems\n\n"
         "Suomeksi oletuksena; *in English:* `?lang=en` in the address, or "
         "`ekokit.language(\"en\")` below."),
        # The app comes first: in a pre-warmed kernel it is prepared before a participant
        # arrives. The readings below it are folded; the quiz opens with a button.
        ["import ekokit", 'ekokit.session("1")', 'ekokit.concept("ecosystem")',
         'ekokit.concept("impact")', 'ekokit.concept("phenomenon_administration")',
         'ekokit.quiz("1")'],
    ),
}

FACILITATOR = (
    "# Fasilitaattori · Facilitator\n\nKaikki tiimit yhdellä silmäyksellä / all teams at once.",
    ["import ekokit", "ekokit.widgets.facilitator()"],
)


def notebook(title: str, calls: list[str]) -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    nb.cells = [nbf.v4.new_markdown_cell(title)] + [nbf.v4.new_code_cell(c) for c in calls]
    for index, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{index}"
    return nb


def main() -> None:
    for name, (title, calls) in SESSIONS.items():
        nbf.write(notebook(title, calls), NOTEBOOKS / name)
    nbf.write(notebook(*FACILITATOR), NOTEBOOKS / "00_fasilitaattori.ipynb")


if __name__ == "__main__":
    main()
