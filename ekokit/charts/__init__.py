"""Charts: pure functions from an answer to a figure, its text alternative and a table.

``render(exercise, answer, lang)`` looks up ``exercise.spec.chart`` in :data:`CHARTS`; each chart
module registers itself with ``@register("<name>")``. HTML output lives in
:mod:`ekokit.charts.html`."""

from __future__ import annotations

import importlib
import logging
import pkgutil
from typing import Any

from ekokit.charts._base import CHARTS, READS, Chart, ChartFn, register
from ekokit.content.exercises import Exercise

__all__ = ["CHARTS", "READS", "Chart", "ChartFn", "register", "render"]

# Every chart module in this folder registers itself on import: no hand-kept list.
for _module in pkgutil.iter_modules(__path__):
    if not _module.name.startswith("_") and _module.name != "html":
        importlib.import_module(f"{__name__}.{_module.name}")

log = logging.getLogger(__name__)


def render(exercise: Exercise, answer: dict[str, Any] | None, lang: str) -> Chart:
    """The card's chart for this answer. An unknown chart name is a programming error (KeyError);
    a chart that fails on odd data falls back to the summary table rather than break the page."""
    name = exercise.spec.chart
    try:
        fn = CHARTS[name]
    except KeyError:
        known = ", ".join(sorted(CHARTS))
        raise KeyError(f"exercise {exercise.id!r} names chart {name!r}, which is not registered "
                       f"in ekokit.charts (known: {known})") from None
    try:
        return fn(exercise, answer or {}, lang)
    except Exception:  # a drawing bug must not take the exercise down
        log.exception("chart %s failed for %s; showing the summary table", name, exercise.id)
        return CHARTS["summary"](exercise, answer or {}, lang)
