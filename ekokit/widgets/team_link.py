"""The "share with your team" link under the team's name. Its data attributes tell the page's
script (ekokit-page.js.j2) which team the page now works for, so the address carries it
(history.replaceState) and a reload opens the same team."""

from __future__ import annotations

import html
from urllib.parse import urlencode

import ipywidgets as w

from ekokit.content.i18n import Translator
from ekokit.model.access import KEY_PARAM
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape


def share_query(slug: str, key: str | None, params: dict[str, str]) -> str:
    """The team link's query string, as ``ekokit links`` prints it: the room token, the team,
    its key (public rooms) and the language of this page; never the facilitator key."""
    query = {"token": params["token"]} if params.get("token") else {}
    query["team"] = slug
    if key:
        query[KEY_PARAM] = key
    if params.get("lang"):
        query["lang"] = params["lang"]
    return "?" + urlencode(query)


def share_widget(tr: Translator, slug: str, key: str | None, params: dict[str, str]) -> w.HTML:
    href = share_query(slug, key, params)
    return html_widget(
        f'<p class="ek-share" data-ek-team="{esc(slug)}" data-ek-key="{esc(key or "")}">'
        f'{esc(tr("access.share"))} <a class="ek-share-link" href="{esc(href)}">{esc(href)}</a>'
        "</p>", "ek-share-box")
