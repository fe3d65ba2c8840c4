"""An answer as a readable, escaped HTML table (conflict view, facilitator view, exports)."""

from __future__ import annotations

import html
from typing import Any

from ekokit.content.exercises import Exercise, FieldSpec
from ekokit.content.i18n import Translator


def display_value(spec: FieldSpec, value: Any, tr: Translator) -> str:
    """A field's value as plain text (not yet escaped)."""
    if value in (None, "", [], {}):
        return "—"
    vocab = spec.vocab or ""  # FieldSpec requires one for choice, multichoice and scores
    if spec.type == "choice":
        return tr.label(vocab, value)
    if spec.type == "multichoice":
        return ", ".join(tr.label(vocab, v) for v in value)
    if spec.type == "bool":
        return tr("form.yes") if value else tr("form.no")
    if spec.type == "textlist":
        return "; ".join(value)
    if spec.type == "scores":
        return ", ".join(f"{tr.label(vocab, k)} {v}" for k, v in value.items())
    if spec.type == "list":
        return " | ".join(
            ", ".join(display_value(s, row.get(s.name), tr) for s in spec.item if row.get(s.name))
            for row in value
        )
    return str(value)


def answer_table_html(exercise: Exercise, data: dict[str, Any], lang: str) -> str:
    tr = Translator(lang)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(exercise.field_text(tr.lang, spec.name).label)}</th>'
        f"<td>{html.escape(display_value(spec, data.get(spec.name), tr))}</td></tr>"
        for spec in exercise.spec.fields
    )
    return f'<table class="ek-answer-table"><tbody>{rows}</tbody></table>'
