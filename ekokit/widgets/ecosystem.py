"""The shared ecosystem ("out of silos") for the facilitator view and the projector: the network
of teams and the actors two or more of them named, its table, and the list of those actors with
the teams and the spellings they used (so a missing alias is easy to spot).

The room is every team in the store but the demo teams (which name the usual partners and
would look like more teams); a store with only those shows the demo team in the page's language
(:func:`ekokit.model.teams.participating_teams`)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import ipywidgets as w

from ekokit.charts._base import Chart
from ekokit.charts.html import DPI, chart_html
from ekokit.charts.shared_network import shared_network
from ekokit.content.aliases import alias_table
from ekokit.content.i18n import Translator
from ekokit.model.actors import SharedActor, alias_index, shared_actors, team_actor_names
from ekokit.model.teams import Team, listed_name, participating_teams
from ekokit.store.database import Store
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape


def latest_by_team(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """{team slug: {exercise id: newest data}} for every team, in one query."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (slug, exercise), revision in store.latest_all().items():
        out.setdefault(slug, {})[exercise] = revision.data
    return out


def ecosystem(teams: Sequence[Team], answers: dict[str, dict[str, dict[str, Any]]]
              ) -> list[SharedActor]:
    """The actors named by two or more of ``teams`` (their latest ``answers``), joined by the
    kit's alias list."""
    named = {t.slug: team_actor_names(answers.get(t.slug, {})) for t in teams}
    return shared_actors(named, alias_index(alias_table()))


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
        teams = participating_teams(self.store.teams(), self.tr.lang)
        shared = ecosystem(teams, latest_by_team(self.store))
        key = (tuple(teams), tuple(shared))
        if key == self._key:
            return None
        self._key = key
        return ecosystem_html(teams, shared, self.tr, heading=self.heading)

    def refresh(self) -> None:
        value = self._html()
        if value is not None and value != self.widget.value:
            self.widget.value = value


PROJECTOR_NOTEBOOK = "00_projektori.ipynb"


def projector_link(tr: Translator, keys: Mapping[str, str] | None = None) -> w.HTML:
    """A link to the projector, beside the facilitator's notebook (relative: the same server,
    the same language). ``keys``: the room token and the facilitator key of this page's address
    in a public room, which the projector needs as the facilitator view does."""
    query = urlencode({"lang": tr.lang, **(keys or {})})
    href = esc(f"{PROJECTOR_NOTEBOOK}?{query}")
    return html_widget(f'<p><a href="{href}">{esc(tr("projector.open"))}</a></p>',
                       "ek-projector-link")
