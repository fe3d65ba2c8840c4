"""pyproject.toml and environment.yml list the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def _normalise(spec: str) -> tuple[str, str]:
    name, version = re.match(r"^([A-Za-z0-9_.\-]+)\s*(.*)$", spec.strip()).groups()
    return name.lower().replace("_", "-"), version.replace(" ", "")


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_normalise(s) for s in project["dependencies"]}
    wanted |= {_normalise(s) for s in project["optional-dependencies"]["test"]}
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    listed = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed |= {_normalise(s) for s in dep["pip"] if not s.startswith("-e")}
        elif not dep.startswith(("python", "pip")):
            listed.add(_normalise(dep))
    assert listed == wanted


def test_the_requires_python_matches():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert f"python{project['requires-python']}" in env["dependencies"]


def _warn_from(module: str) -> None:
    """A DeprecationWarning raised from code of ``module`` (as the warnings machinery sees a
    warning whose caller is in that module)."""
    import warnings

    warnings.warn_explicit("going away", DeprecationWarning, f"{module}.py", 1, module=module)


def test_a_deprecation_from_ekokits_own_modules_fails_the_tests_and_a_libraries_does_not():
    """pyproject's filterwarnings, as pytest applies it to this test."""
    import pytest

    with pytest.raises(DeprecationWarning, match="going away"):
        _warn_from("ekokit.charts.somewhere")
    with pytest.warns(DeprecationWarning, match="going away"):  # shown, not an error
        _warn_from("voila.somewhere")
