"""The accessibility statement at ``/ekokit/accessibility?lang=…`` (saavutettavuusseloste,
tillgänglighetsutlåtande), after the model the supervising authority publishes: compliance status,
the known non-conformities with their WCAG 2.1 criteria, how the statement was made and when,
the feedback channel the facilitator gives in the calendar (``feedback_email``) and the
enforcement procedure. Its texts are in data/<lang>/ui/statement.yaml, its facts (dates, the
tests it cites, the authority's site) in data/accessibility.yaml; ``ekokit validate`` keeps the
two honest (:func:`ekokit.content.statement.statement_problems`). The page is one autoescaped
Jinja template with its CSS inline: it loads nothing from another host."""

from __future__ import annotations

from urllib.parse import urlencode

import jinja2

from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator, languages
from ekokit.content.statement import NON_CONFORMITIES, statement_facts
from ekokit.content.timefmt import local_date
from ekokit.server.landing import TEMPLATES, _environment

STATEMENT_PATH = "ekokit/accessibility"


def statement_href(base_url: str, lang: str) -> str:
    return f"{base_url}{STATEMENT_PATH}?{urlencode({'lang': lang})}"


def statement_html(lang: str | None, base_url: str = "/") -> str:
    tr = Translator(lang)
    facts = statement_facts()
    switches = [{"code": code, "href": statement_href(base_url, code),
                 "text": Translator(code)("lang.name"), "current": code == tr.lang}
                for code in languages()]
    problems = [{"text": tr(f"statement.problem_{name}"),
                 "criteria": tr(f"statement.problem_{name}_criteria")}
                for name in NON_CONFORMITIES]
    css = TEMPLATES.get_source(_environment(), "landing.css")[0]
    return _environment().get_template("statement.html.j2").render(
        lang=tr.lang, tr=tr, switches=switches, problems=problems,
        tests=sorted(facts.tests), published=local_date(facts.published),
        reviewed=local_date(facts.reviewed), authority_site=facts.authority_site,
        feedback_email=calendar().feedback_email, home=f"{base_url}?lang={tr.lang}",
        css=jinja2.filters.Markup(css),
        favicon=f"{base_url}voila/templates/ekokit/static/favicon.svg")
