"""Reports as downloads in the page: a button per format makes the file in the kernel and
offers it as a link holding the file itself (a data: address), so nothing is requested from any
host, in Voilà and JupyterLab alike. And the harvest comparisons as a section of the page."""

from __future__ import annotations

import base64
import html

import ipywidgets as w

from ekokit.content.i18n import Translator
from ekokit.errors import EkokitError
from ekokit.reports import default_name, make_report
from ekokit.reports.build import harvest
from ekokit.reports.to_html import harvest_html
from ekokit.store.database import Store
from ekokit.widgets.shared_models import button, hbox, vbox
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape
MIME = {"html": "text/html", "md": "text/markdown",
        "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
TEAM_FORMATS = ("html", "pptx", "xlsx", "md")
PROGRAMME_FORMATS = ("html", "xlsx")


class Downloads:
    """"Make the report" buttons; the made file appears as a link to save."""

    def __init__(self, store: Store, tr: Translator, *, team: str | None = None) -> None:
        self.store, self.tr, self.team = store, tr, team
        formats = TEAM_FORMATS if team else PROGRAMME_FORMATS
        buttons = []
        for fmt in formats:
            make = button(tr("downloads.make", format=tr(f"downloads.format_{fmt}")),
                          "ek-download-make", f"ek-download-{fmt}")
            make.on_click(lambda _b, f=fmt: self.make(f))
            buttons.append(make)
        self.link = html_widget("", "ek-download-link")
        heading = tr("downloads.team_heading" if team else "downloads.programme_heading")
        self.widget = vbox([html_widget(f"<h2>{esc(heading)}</h2>"), hbox(buttons), self.link],
                           "ek-downloads")

    def make(self, fmt: str) -> str:
        """Make the file and offer it; what the link says (or the error, in the page's words)."""
        lang = self.tr.lang
        try:
            data = make_report(self.store, fmt, lang, team=self.team, all_teams=not self.team)
        except EkokitError as exc:
            said = esc(self.tr(exc.key, **exc.params))
            self.link.value = f'<p class="ek-status-error" role="alert">{said}</p>'
            return said
        name = default_name(fmt, lang, self.team)
        href = f"data:{MIME[fmt]};base64,{base64.b64encode(data).decode('ascii')}"
        said = self.tr("downloads.ready", name=name, size=max(1, len(data) // 1024))
        self.link.value = (f'<p role="status"><a download="{esc(name)}" href="{href}">'
                           f"{esc(said)}</a></p>")
        return said


def harvest_section(store: Store, team: str, tr: Translator) -> w.HTML:
    """Session 1 against Session 4, from the team's latest answers, as the report shows it."""
    return html_widget(harvest_html(harvest(store.latest_answers(team), tr.lang), tr.lang),
                       "ek-harvest-section")
