"""``summary``: no figure, the answer's fields as a two-column table. Works for any card."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import Chart, field_label, msg, register, vlabel, yes_no
from ekokit.content.exercises import Exercise, FieldSpec


def display(spec: FieldSpec, value: Any, lang: str) -> str:
    """A top-level field's value as one line of text; '' when empty."""
    if value is None or value == "" or value == [] or value == {}:
        return ""
    vocab = spec.vocab or ""  # FieldSpec requires one for choice, multichoice and scores
    if spec.type == "choice":
        return vlabel(vocab, value, lang)
    if spec.type == "multichoice":
        return ", ".join(vlabel(vocab, v, lang) for v in value)
    if spec.type == "bool":
        return yes_no(value, lang)
    if spec.type == "textlist":
        return "; ".join(str(v) for v in value if str(v).strip())
    if spec.type == "list":
        count = len(value) if isinstance(value, list) else 0
        return msg("summary.rows_one" if count == 1 else "summary.rows", lang, count=count)
    if spec.type == "scores" and isinstance(value, dict):
        return ", ".join(f"{vlabel(vocab, k, lang)} {v}" for k, v in value.items())
    return str(value).strip()


@register("summary")
def summary(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    answer = answer or {}
    table_rows, filled = [], 0
    for spec in exercise.spec.fields:
        text = display(spec, answer.get(spec.name), lang)
        filled += bool(text)
        table_rows.append((field_label(exercise, lang, spec.name), text or msg("empty_cell", lang)))
    columns = [msg("summary.col_field", lang), msg("summary.col_value", lang)]
    table = pd.DataFrame(table_rows, columns=columns)
    if not filled:
        return Chart(None, msg("no_data", lang), table)
    alt = msg("summary.alt", lang, filled=filled, total=len(exercise.spec.fields))
    return Chart(None, alt, table)
