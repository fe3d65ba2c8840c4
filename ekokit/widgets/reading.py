"""Concept texts on the page: Markdown rendered to HTML, folded under a "read" summary so the
exercises stay near the top, with an estimated reading time."""

from __future__ import annotations

import html
import math

import ipywidgets as w
import mistune

from ekokit.content.i18n import Translator
from ekokit.content.readings import concept
from ekokit.widgets.shared_models import html as html_widget

WORDS_PER_MINUTE = 150
_markdown = mistune.create_markdown(escape=True)
Reading = w.HTML  # what ekokit.concept() returns


def concept_html(concept_id: str, lang: str) -> str:
    tr = Translator(lang)
    text = concept(concept_id, tr.lang)
    first, _, rest = text.strip().partition("\n")
    title = first.lstrip("#").strip()
    minutes = max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))
    summary = html.escape(tr("reading.summary", title=title, minutes=minutes))
    return (f'<details class="ek-concept ek-concept-{concept_id}"><summary>{summary}</summary>'
            f"<h2>{html.escape(title)}</h2>{_markdown(rest)}</details>")


def concept_widget(concept_id: str, lang: str) -> w.HTML:
    return html_widget(concept_html(concept_id, lang), "ek-reading")
