"""The exercise card as HTML (the valtiolla.fi card format): duration and what at once, the
rest (when, how, tip, strengths, weaknesses, sources) folded."""

from __future__ import annotations

import html

from ekokit.content.exercises import Exercise
from ekokit.content.i18n import Translator


def card_html(exercise: Exercise, tr: Translator) -> str:
    """The valtiolla.fi-style card (duration, what, when, how, tip, strengths, weaknesses); a
    reflection's is one line (what), its reading being right above it."""
    text = exercise.text(tr.lang)
    low, high = exercise.spec.duration_min
    esc = html.escape
    if exercise.is_reflection:  # the reading above is its card; its questions are the labels
        what = f'<p class="ek-what">{esc(text.what)}</p>'
        return f'<div class="ek-card ek-card-reflection">{what}</div>'

    def bullets(items: tuple[str, ...]) -> str:
        return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"

    facts = (f'<p class="ek-what">{esc(text.what)}</p>'
             f'<p class="ek-duration"><strong>{esc(tr("card.duration"))}:</strong> '
             f"{esc(tr('card.minutes', low=low, high=high))}</p>")
    parts = [f"<h4>{esc(tr('card.when'))}</h4>{bullets(text.when)}"]
    if text.materials:
        parts.append(f"<h4>{esc(tr('card.materials'))}</h4>{bullets(text.materials)}")
    steps = "".join(f"<li>{esc(s)}</li>" for s in text.steps)
    parts.append(f"<h4>{esc(tr('card.steps'))}</h4><ol>{steps}</ol>")
    if text.tip:
        parts.append(f"<h4>{esc(tr('card.tip'))}</h4><p>{esc(text.tip)}</p>")
    parts.append(f"<h4>{esc(tr('card.strengths'))}</h4>{bullets(text.strengths)}")
    parts.append(f"<h4>{esc(tr('card.weaknesses'))}</h4>{bullets(text.weaknesses)}")
    if text.note:
        parts.append(f'<p class="ek-note">{esc(text.note)}</p>')
    links = "".join(
        f'<li><a href="{esc(str(u))}" rel="noopener noreferrer" target="_blank">'
        f"{esc(str(u))}</a></li>"
        for u in exercise.spec.sources
    )
    parts.append(f"<h4>{esc(tr('card.sources'))}</h4><ul>{links}</ul>")
    return (f'<div class="ek-card">{facts}<details><summary>{esc(tr("card.summary"))}</summary>'
            + "".join(parts) + "</details></div>")
