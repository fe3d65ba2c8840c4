"""The landing page at ``/``: the programme's sessions, live or coming, in the chosen language.
The page is a Jinja template (templates/landing.html.j2, autoescaped) with its CSS in a file."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

import jinja2

from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator, languages
from ekokit.content.notebooks import FACILITATOR_NOTEBOOK, PROJECTOR_NOTEBOOK, live_notebooks
from ekokit.content.timefmt import local_date
from ekokit.model.teams import demo_team

TEMPLATES = jinja2.PackageLoader("ekokit.server", "templates")


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=TEMPLATES, autoescape=True, trim_blocks=True,
                              lstrip_blocks=True)


def landing_html(lang: str | None, base_url: str = "/", *, public: bool = False) -> str:
    """The landing page; a public room's does not link the facilitator view (its key does)."""
    tr = Translator(lang)
    live = live_notebooks()
    sessions = []
    for when in calendar().sessions:
        page = f"{base_url}voila/render/{when.notebook}?"
        is_live = when.notebook in live
        sessions.append({
            "title": tr(f"session.title_{when.id}"),
            "when": tr("session.when", date=local_date(when.date), start=when.start,
                       end=when.end),
            "href": page + urlencode({"lang": tr.lang}) if is_live else None,
            "demo_href": page + urlencode({"lang": tr.lang, "team": demo_team(tr.lang)}),
        })
    switches = [{"code": code, "href": f"{base_url}?lang={code}",
                 "text": Translator(code)("lang.name"), "current": code == tr.lang}
                for code in languages()]
    facilitator = (f"{base_url}voila/render/{FACILITATOR_NOTEBOOK}?lang={tr.lang}"
                   if FACILITATOR_NOTEBOOK in live and not public else None)
    projector = (f"{base_url}voila/render/{PROJECTOR_NOTEBOOK}?lang={tr.lang}"
                 if PROJECTOR_NOTEBOOK in live and not public else None)
    css = TEMPLATES.get_source(_environment(), "landing.css")[0]
    return _environment().get_template("landing.html.j2").render(
        lang=tr.lang, tr=tr, sessions=sessions, switches=switches,
        facilitator_href=facilitator, projector_href=projector, css=jinja2.filters.Markup(css),
        statement_href=f"{base_url}ekokit/accessibility?{urlencode({'lang': tr.lang})}",
        favicon=f"{base_url}voila/templates/ekokit/static/favicon.svg")
