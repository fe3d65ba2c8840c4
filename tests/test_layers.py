"""The layer rule is enforced by ruff: a module in a layer folder that imports a layer above it, or
a library of another layer, is reported (TID251, from the folder's ruff.toml); importing a layer
below it, or its own library, is not. Each case is a one-line file given to ruff on stdin with a
file name inside the folder, so ruff reads the folder's own configuration."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")

LAYERS = ("content", "model", "store", "state", "charts", "reports", "widgets", "server")
TOP = ("validate", "cli")  # above every layer, with the notebook API (tested at the end)
MODULE = {
    "content": "ekokit.content.exercises",
    "model": "ekokit.model.answers",
    "store": "ekokit.store.database",
    "state": "ekokit.state.exercise",
    "charts": "ekokit.charts.html",
    "reports": "ekokit.reports.model",
    "widgets": "ekokit.widgets.form",
    "server": "ekokit.server.app",
    "validate": "ekokit.validate",
    "cli": "ekokit.cli",
}
UNDER_ALL = ("ekokit.errors", "ekokit.paths")
LIBRARIES = {
    "store": ("sqlalchemy",),
    "charts": ("matplotlib.pyplot", "networkx"),
    "reports": ("pptx", "openpyxl"),
    "widgets": ("ipywidgets",),
    "server": ("voila.app", "tornado.web", "jupyter_server.serverapp", "jupyterlab.labapp",
               "qrcode"),
}
ALL_LIBRARIES = tuple(lib for libs in LIBRARIES.values() for lib in libs)


def imports(module: str) -> list[str]:
    """Both spellings of importing ``module``."""
    parent, _, name = module.rpartition(".")
    return [f"import {module}", f"from {parent} import {name}"] if parent else [f"import {module}"]


def banned_cases() -> list[tuple[str, str]]:
    cases = []
    for index, layer in enumerate(LAYERS):
        for upper in (*LAYERS[index + 1:], *TOP):
            cases += [(layer, line) for line in imports(MODULE[upper])]
        cases += [(layer, f"import {lib}") for lib in ALL_LIBRARIES
                  if lib not in LIBRARIES.get(layer, ())]
    # validate/ has no ruff.toml of its own: the root's bans on the libraries reach it.
    cases += [("validate", f"import {lib}") for lib in ALL_LIBRARIES]
    return cases


def allowed_cases() -> list[tuple[str, str]]:
    cases = []
    for index, layer in enumerate(LAYERS):
        for lower in (*UNDER_ALL, *(MODULE[below] for below in LAYERS[:index])):
            cases += [(layer, line) for line in imports(lower)]
        cases += [(layer, f"import {lib}") for lib in LIBRARIES.get(layer, ())]
    cases += [("validate", line) for layer in LAYERS for line in imports(MODULE[layer])]
    return cases


def reported(folder: str, line: str) -> list[str]:
    """The ruff codes reported for the one-line file ``ekokit/<folder>/_probe.py``."""
    result = subprocess.run(
        [str(RUFF), "check", "--no-fix", "--output-format", "json", "--stdin-filename",
         str(ROOT / "ekokit" / folder / "_probe.py"), "-"],
        input=line + "\n", capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode in (0, 1), result.stderr
    return [d["code"] for d in json.loads(result.stdout)]


def test_every_layer_folder_has_its_ruff_toml_and_no_other_does():
    have = {path.parent.name for path in (ROOT / "ekokit").glob("*/ruff.toml")}
    assert have == {*LAYERS, "kernel"}  # kernel/ sits beside server/ (its own process)


@pytest.mark.parametrize(("folder", "line"), banned_cases())
def test_an_import_upwards_or_of_another_layers_library_is_reported(folder, line):
    assert "TID251" in reported(folder, line)


@pytest.mark.parametrize(("folder", "line"), allowed_cases())
def test_an_import_downwards_or_of_the_layers_own_library_is_not(folder, line):
    assert "TID251" not in reported(folder, line)


@pytest.mark.parametrize("folder", LAYERS)
def test_the_notebook_api_is_above_every_layer(folder):
    assert "TID251" in reported(folder, "import ekokit.notebook")


def test_no_module_of_the_kit_is_over_350_lines():
    """One module, one job: a file past 350 lines is doing two (split it by job)."""
    package = Path(__file__).resolve().parent.parent / "ekokit"
    long = {str(p.relative_to(package)): n for p in package.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 350}
    assert long == {}
