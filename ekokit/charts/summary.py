"""``summary``: no figure, the answer's fields as a two-column table. Works for any card."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import Chart, field_label, msg, register
from ekokit.content.exercises import Exercise
from ekokit.model.fields import display_value


@register("summary")
def summary(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    answer = answer or {}
    table_rows, filled = [], 0
    for spec in exercise.spec.fields:
        text = display_value(spec, answer.get(spec.name), lang)
        filled += bool(text)
        table_rows.append((field_label(exercise, lang, spec.name), text or msg("empty_cell", lang)))
    columns = [msg("summary.col_field", lang), msg("summary.col_value", lang)]
    table = pd.DataFrame(table_rows, columns=columns)
    if not filled:
        return Chart(None, msg("no_data", lang), table)
    alt = msg("summary.alt", lang, filled=filled, total=len(exercise.spec.fields))
    return Chart(None, alt, table)
