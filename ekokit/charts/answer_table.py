"""An answer as a readable, escaped HTML table (conflict view, facilitator view, exports)."""

from __future__ import annotations

import html
from typing import Any

from ekokit.content.exercises import Exercise
from ekokit.content.i18n import Translator
from ekokit.model.fields import display_value


def answer_table_html(exercise: Exercise, data: dict[str, Any], lang: str) -> str:
    tr = Translator(lang)
    rows = "".join(
        f'<tr><th scope="row">{html.escape(exercise.field_text(tr.lang, spec.name).label)}</th>'
        f"<td>{html.escape(display_value(spec, data.get(spec.name), tr.lang) or '—')}</td></tr>"
        for spec in exercise.spec.fields
    )
    return f'<table class="ek-answer-table"><tbody>{rows}</tbody></table>'
