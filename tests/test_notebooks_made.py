"""The committed notebooks are exactly what ``scripts/make_notebooks.py`` makes from the data (the
calendar, the cell plan, the catalogues): after a change there, run the script and commit."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_script():
    spec = importlib.util.spec_from_file_location("make_notebooks",
                                                  ROOT / "scripts" / "make_notebooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_notebooks_are_the_scripts_output():
    script = load_script()
    made = script.notebooks()  # made in memory: nothing is written into notebooks/
    committed = {path.name for path in (ROOT / "notebooks").glob("*.ipynb")}
    assert committed == set(made), "run python scripts/make_notebooks.py and commit notebooks/"
    stale = [name for name, nb in sorted(made.items())
             if (ROOT / "notebooks" / name).read_text(encoding="utf-8") != script.file_text(nb)]
    assert stale == [], "run python scripts/make_notebooks.py and commit notebooks/"
