"""The layer rule and the library bans are import-linter contracts (``.importlinter``, run by
``make check`` as ``lint-imports``). This proves the contracts catch what they are for: a copy of
the package with one breach of each contract planted is reported, breach by breach; the same copy
without them is not. One run of lint-imports each, on a copy in a temporary folder (the working
tree is never touched)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

# one planted module per contract: where, its text, the import reported, the contract broken
BREACHES = [
    ("content/_up.py", "import ekokit.store", "ekokit.store", "Layers, one way"),  # upwards
    ("kernel/_across.py", "from ekokit.server import app", "ekokit.server.app",
     "Layers, one way"),  # kernel | server: neither imports the other
    ("state/_draws.py", "import ekokit.charts", "ekokit.charts",
     "Layers, one way"),  # state | charts: neither imports the other
    ("_new_layer.py", "import ekokit.paths", None, "Layers, one way"),  # a module in no layer
    ("charts/_reads.py", "from ekokit.store import database", "ekokit.store.database",
     "Charts read no store"),
    ("model/_form.py", "import ipywidgets", "ipywidgets", "ipywidgets only in ekokit/widgets/"),
    ("widgets/_sql.py", "import sqlalchemy", "sqlalchemy", "SQLAlchemy only in ekokit/store/"),
    ("reports/_plot.py", "import matplotlib.pyplot", "matplotlib", "matplotlib and networkx only"),
    ("widgets/_sheet.py", "def later():\n    import openpyxl", "openpyxl",
     "python-pptx and openpyxl only"),  # an import inside a function counts too
    ("kernel/_lab.py", "import jupyterlab", "jupyterlab",
     "the Jupyter server, JupyterLab and qrcode only"),
    ("state/_web.py", "from tornado import web", "tornado", "Voilà and Tornado only"),
    ("server/_kernel.py", "import ipykernel", "ipykernel", "ipykernel only in ekokit/kernel/"),
]

def contracts() -> list[str]:
    return re.findall(r"^name = (.+)$", (ROOT / ".importlinter").read_text(encoding="utf-8"),
                      re.MULTILINE)


def lint_copy(tmp_path: Path, planted: list[tuple[str, str, str]]) -> tuple[int, str]:
    """lint-imports with the kit's own contracts on a copy of ekokit/ (with ``planted``)."""
    shutil.copytree(ROOT / "ekokit", tmp_path / "ekokit",
                    ignore=shutil.ignore_patterns("__pycache__", "share", "templates"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    for where, line, *_ in planted:
        (tmp_path / "ekokit" / where).write_text(line + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the copy, not the installed package
    result = subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    return result.returncode, " ".join((result.stdout + result.stderr).split())


def test_every_contract_is_planted_against():
    names = contracts()
    assert len(names) == 9
    assert {next(n for n in names if n.startswith(c)) for *_, c in BREACHES} == set(names)


def test_the_copy_without_a_breach_keeps_every_contract(tmp_path):
    code, output = lint_copy(tmp_path, [])
    assert code == 0, output
    assert "Contracts: 9 kept, 0 broken" in output


def test_each_breach_breaks_its_contract_and_is_named(tmp_path):
    code, output = lint_copy(tmp_path, BREACHES)
    assert code == 1, output
    assert "Contracts: 0 kept, 9 broken" in output
    for where, _line, imported, _contract in BREACHES:
        module = "ekokit." + where.removesuffix(".py").replace("/", ".")
        if imported is None:  # exhaustive: the layers must name every module of ekokit/
            listing = output.split("The following modules are not listed as layers:")[1]
            assert listing.split("(Since")[0].split() == ["-", module], output
            continue
        assert f"{module} -> {imported} (l." in output, (module, imported)

@pytest.mark.parametrize("folder", ["content", "model", "store", "state", "charts", "reports",
                                    "widgets", "kernel", "server"])
def test_no_layer_folder_keeps_a_ruff_toml_of_its_own(folder):
    """The contracts are the one place of the rule: no folder repeats it in a ruff.toml."""
    assert not (ROOT / "ekokit" / folder / "ruff.toml").exists()


def test_no_module_of_the_kit_is_over_350_lines():
    """One module, one job: a file past 350 lines is doing two (split it by job)."""
    package = Path(__file__).resolve().parent.parent / "ekokit"
    long = {str(p.relative_to(package)): n for p in package.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 350}
    assert long == {}


READ_BY_STATE = ("facilitator.py", "facilitator_html.py", "projector.py", "ecosystem.py")


def test_widgets_build_no_store_and_the_rooms_views_read_it_through_state():
    """A widget renders what ``state/`` read: none builds a ``Store()``, and the facilitator's,
    the projector's and the shared ecosystem's modules call no method of the store
    (``state/overview.py``, ``state/projector.py`` and ``state/ecosystem.py`` do)."""
    widgets = ROOT / "ekokit" / "widgets"
    builds = [p.name for p in widgets.glob("*.py") if "Store(" in p.read_text(encoding="utf-8")]
    reads = {name: found for name in READ_BY_STATE
             if (found := re.findall(r"\bstore\.\w+\(", (widgets / name).read_text(
                 encoding="utf-8")))}
    assert (builds, reads) == ([], {})
