"""Helpers for the chart tests: a chart is a pure function of its answer, so each answer is drawn
once per test module and the module's tests share the chart.

Not a test module: imported by tests/test_charts*.py (with the fixture, which lets the figures
go when the module is done)."""

from __future__ import annotations

import json

import pytest
from ekokit.charts import CHARTS, Chart
from ekokit.content.exercises import Exercise
from ekokit.model import answers

_DRAWN: dict[tuple[str, str, str], Chart] = {}


def drawn(exercise: Exercise, data: dict, lang: str) -> Chart:
    """The exercise's chart of ``data`` (validated as the app saves it), drawn the first time."""
    key = (exercise.id, json.dumps(data, sort_keys=True, default=str), lang)
    if key not in _DRAWN:
        chart = CHARTS[exercise.spec.chart]
        _DRAWN[key] = chart(exercise, answers.validate(exercise, data), lang)
    return _DRAWN[key]


@pytest.fixture(autouse=True, scope="module")
def forget_drawn():
    yield
    _DRAWN.clear()
