"""The landing page at ``/``: the programme's sessions, live or coming, in the chosen language."""

from __future__ import annotations

import html
from urllib.parse import urlencode

from ekokit.content.calendar import calendar
from ekokit.content.i18n import Translator, languages
from ekokit.content.timefmt import local_date
from ekokit.model.teams import DEMO_TEAM
from ekokit.paths import notebooks_dir

esc = html.escape
FACILITATOR_NOTEBOOK = "00_fasilitaattori.ipynb"


def live_notebooks() -> set[str]:
    """Sessions whose notebook exists are live; the others are shown as coming."""
    return {p.name for p in notebooks_dir().glob("*.ipynb")}


def landing_html(lang: str | None, base_url: str = "/", *, css: str = "") -> str:
    tr = Translator(lang)
    live = live_notebooks()
    items = []
    for when in calendar().sessions:
        title = esc(tr(f"session.title_{when.id}"))
        date = esc(tr("session.when", date=local_date(when.date), start=when.start, end=when.end))
        if when.notebook in live:
            query = urlencode({"lang": tr.lang})
            href = esc(f"{base_url}voila/render/{when.notebook}?{query}")
            demo = esc(f"{base_url}voila/render/{when.notebook}?"
                       + urlencode({"lang": tr.lang, "team": DEMO_TEAM}))
            action = (f'<a class="ek-open" href="{href}">{esc(tr("app.landing_live"))}: {title}</a>'
                      f' · <a href="{demo}">{esc(tr("app.landing_demo"))}</a>')
            state = ""
        else:
            action = f"<span>{title}</span>"
            state = f' <span class="ek-coming">({esc(tr("app.landing_coming"))})</span>'
        items.append(f"<li>{action}{state}<br><span class=\"ek-when\">{date}</span></li>")
    switch = " ".join(
        f'<a href="{esc(base_url)}?lang={code}" lang="{code}" hreflang="{code}">'
        f"{esc(Translator(code)('lang.switch_to'))}</a>"
        for code in languages() if code != tr.lang
    )
    facilitator = ""
    if FACILITATOR_NOTEBOOK in live:
        href = esc(f"{base_url}voila/render/{FACILITATOR_NOTEBOOK}?lang={tr.lang}")
        facilitator = f'<p><a href="{href}">{esc(tr("app.landing_facilitator"))}</a></p>'
    return f"""<!DOCTYPE html>
<html lang="{tr.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(tr("app.landing_title"))}</title><style>{css}</style></head>
<body><header><p class="ek-lang-switch">{switch}</p><p>{esc(tr("app.programme"))}</p></header>
<main><h1>{esc(tr("app.landing_title"))}</h1><p>{esc(tr("app.landing_intro"))}</p>
<h2>{esc(tr("app.landing_sessions"))}</h2><ol class="ek-sessions">{''.join(items)}</ol>
{facilitator}</main></body></html>"""


LANDING_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:52rem;margin:2rem auto;
padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}
a{color:#00507a} a:focus{outline:3px solid #b35900;outline-offset:2px}
.ek-sessions li{margin:.8rem 0}.ek-when{color:#4a4a4a}.ek-coming{color:#4a4a4a;font-style:italic}
.ek-lang-switch{text-align:right}
"""
