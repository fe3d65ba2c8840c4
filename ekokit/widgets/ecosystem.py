"""The shared ecosystem ("out of silos") for the facilitator view and the projector, drawn: the
network of teams and the actors two or more of them named, its table, and the list of those
actors with the teams and the spellings they used (so a missing alias is easy to spot). What the
room's teams share is read by ``ekokit.state.ecosystem``."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from urllib.parse import urlencode

import ipywidgets as w

from ekokit.charts._base import Chart
from ekokit.charts.html import DPI, chart_html
from ekokit.charts.shared_network import shared_network
from ekokit.content.i18n import Translator
from ekokit.content.notebooks import PROJECTOR_NOTEBOOK
from ekokit.model.actors import SharedActor
from ekokit.model.teams import Team, listed_name
from ekokit.state.ecosystem import room_ecosystem
from ekokit.store.database import Store
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape


def ecosystem_chart(teams: Sequence[Team], shared: Sequence[SharedActor], tr: Translator
                    ) -> Chart:
    shown = [(t.slug, listed_name(t, tr("team.example_mark"))) for t in teams]
    return shared_network(shown, shared, tr.lang)


def actor_list_html(teams: Sequence[Team], shared: Sequence[SharedActor], tr: Translator) -> str:
    """The shared actors as a list: name, the teams that named it, the spellings (escaped)."""
    if not shared:
        return ""
    names = {t.slug: listed_name(t, tr("team.example_mark")) for t in teams}
    items = []
    for actor in shared:
        who = ", ".join(names.get(s, s) for s in actor.teams)
        items.append(
            f"<li><strong>{esc(actor.name)}</strong> – "
            f"{esc(tr('shared_ecosystem.named_by', count=len(actor.teams), teams=who))}"
            f"<br><small>{esc(tr('shared_ecosystem.spellings'))} "
            f"{esc(' · '.join(actor.spellings))}</small></li>")
    return f'<ul class="ek-shared-actors">{"".join(items)}</ul>'


def ecosystem_html(teams: Sequence[Team], shared: Sequence[SharedActor], tr: Translator, *,
                   heading: str = "h2", dpi: int = DPI) -> str:
    """The whole section as HTML: heading (none when ``heading`` is ""), intro, the chart
    (image, alt, table) and the list."""
    chart = ecosystem_chart(teams, shared, tr)
    title = tr("shared_ecosystem.title")
    top = f"<{heading}>{esc(title)}</{heading}>" if heading else ""
    return (f"{top}"
            f'<p class="ek-shared-intro">{esc(tr("shared_ecosystem.intro"))}</p>'
            f"{chart_html(chart, tr.lang, title=title, dpi=dpi)}"
            f"{actor_list_html(teams, shared, tr)}")


class SharedEcosystem:
    """One HTML widget holding the section. ``refresh()`` reads the store again and redraws the
    network only when the room or its shared actors changed (one message then, none else)."""

    def __init__(self, store: Store, tr: Translator, *, heading: str = "h2") -> None:
        self.store, self.tr, self.heading = store, tr, heading
        self._key: tuple = ()
        self.widget: w.HTML = html_widget(self._html() or "", "ek-shared-ecosystem")

    def _html(self) -> str | None:
        """The section's HTML, or None when it would be the same as shown."""
        room = room_ecosystem(self.store, self.tr.lang)
        key = (room.teams, room.shared)
        if key == self._key:
            return None
        self._key = key
        return ecosystem_html(room.teams, room.shared, self.tr, heading=self.heading)

    def refresh(self) -> None:
        value = self._html()
        if value is not None and value != self.widget.value:
            self.widget.value = value


def projector_link(tr: Translator, keys: Mapping[str, str] | None = None) -> w.HTML:
    """A link to the projector, beside the facilitator's notebook (relative: the same server,
    the same language). ``keys``: the room token and the facilitator key of this page's address
    in a public room, which the projector needs as the facilitator view does."""
    query = urlencode({"lang": tr.lang, **(keys or {})})
    href = esc(f"{PROJECTOR_NOTEBOOK}?{query}")
    return html_widget(f'<p><a href="{href}">{esc(tr("projector.open"))}</a></p>',
                       "ek-projector-link")
