"""Charts: pure functions from an answer to a figure, its text alternative and a table.

``render(card, answer, lang)`` looks up ``card.spec.chart`` in :data:`CHARTS`; each chart module
registers itself with ``@register("<name>")``. HTML output lives in :mod:`ekokit.charts.html`."""

from __future__ import annotations

import logging
from typing import Any

from ekokit.cards import Card
from ekokit.charts import (  # noqa: F401  (imported so that they register)
    impact_chain,
    lifecycle,
    meetings,
    motivation_matrix,
    network_map,
    power_interest,
    radar,
    ring_map,
    summary,
)
from ekokit.charts._base import CHARTS, Chart, ChartFn, register

__all__ = ["CHARTS", "Chart", "ChartFn", "register", "render"]

log = logging.getLogger(__name__)


def render(card: Card, answer: dict[str, Any] | None, lang: str) -> Chart:
    """The card's chart for this answer. An unknown chart name is a programming error (KeyError);
    a chart that fails on odd data falls back to the summary table rather than break the page."""
    name = card.spec.chart
    try:
        fn = CHARTS[name]
    except KeyError:
        known = ", ".join(sorted(CHARTS))
        raise KeyError(f"exercise {card.id!r} names chart {name!r}, which is not registered "
                       f"in ekokit.charts (known: {known})") from None
    try:
        return fn(card, answer or {}, lang)
    except Exception:  # a drawing bug must not take the exercise down
        log.exception("chart %s failed for %s; showing the summary table", name, card.id)
        return CHARTS["summary"](card, answer or {}, lang)
