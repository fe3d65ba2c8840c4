"""What a page shows in place of what its address does not open (a public room)."""

from __future__ import annotations

import html

import ipywidgets as w

from ekokit.content.i18n import Translator
from ekokit.widgets.shared_models import html as html_widget

Refusal = w.HTML  # what ekokit.facilitator() shows instead of every team


def refusal(lang: str | None) -> w.HTML:
    """The facilitator's view asked for without the facilitator key: a clear message, and
    nothing of any team."""
    tr = Translator(lang)
    return html_widget(f'<p class="ek-status-error" role="alert" lang="{tr.lang}">'
                       f'{html.escape(tr("access.facilitator_only"))}</p>', "ek-access-refused")
