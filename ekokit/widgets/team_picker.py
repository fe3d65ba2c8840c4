"""Choosing or creating the team a page works for.

In a public room (``ekokit serve --public``) a page without the facilitator key lists no team
and creates none: it opens a team by its id and key (from the team's link or its printed
card), and only through :class:`ekokit.state.gate.Gate`."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w
from pydantic import ValidationError

from ekokit.content.i18n import Translator
from ekokit.errors import EkokitError, TeamExists
from ekokit.model.teams import Team, input_problem, listed_name, listed_teams, slugify
from ekokit.state.gate import Gate
from ekokit.store.database import Store
from ekokit.widgets.shared_models import button


class TeamPicker:
    def __init__(self, store: Store, tr: Translator, on_pick: Callable[[Team], None],
                 selected: str | None = None, gate: Gate | None = None) -> None:
        self.store, self.tr, self.on_pick = store, tr, on_pick
        self.gate = gate or Gate(store)
        self.open_existing: w.Button | None = None  # made when a new team's name exists
        if not self.gate.trusted:
            self._key_form()
            return
        style = {"description_width": "initial"}
        teams = listed_teams(self.gate.teams(), tr.lang)  # the demo team in this language
        self.choice = w.Dropdown(
            options=[(tr("form.choose"), ""),
                     *((listed_name(t, tr("team.example_mark")), t.slug) for t in teams)],
            value=selected if selected in {t.slug for t in teams} else "",
            description=tr("team.existing"), style=style,
        )
        self.choice.add_class("ek-field-team")
        self.open_button = w.Button(description=tr("team.open"), layout=w.Layout(width="auto"))
        self.open_button.add_class("ek-open-team")
        self.open_button.on_click(self._open)
        self.name = w.Text(description=tr("team.name"), style=style, layout=w.Layout(width="100%"))
        self.name.add_class("ek-field-team_name")
        self.phenomenon = w.Text(description=tr("team.phenomenon"), style=style,
                                 layout=w.Layout(width="100%"))
        self.phenomenon.add_class("ek-field-team_phenomenon")
        self.members = w.Textarea(description=tr("team.members"), style=style, rows=3,
                                  layout=w.Layout(width="100%"))
        self.members.add_class("ek-field-team_members")
        self.create_button = w.Button(description=tr("team.create"), layout=w.Layout(width="auto"))
        self.create_button.add_class("ek-create-team")
        self.create_button.on_click(self._create)
        self.message = w.HTML("")
        self.message.add_class("ek-team-message")
        esc = html.escape
        self.widget = w.VBox([
            w.HTML(f"<h2>{esc(tr('team.heading'))}</h2><p>{esc(tr('team.intro'))}</p>"),
            w.HBox([self.choice, self.open_button]),
            w.HTML(f"<h3>{esc(tr('team.new_heading'))}</h3>"),
            self.name, self.phenomenon, self.members,
            w.HTML(f'<span class="ek-help">{esc(tr("team.members_help"))}</span>'),
            self.create_button, self.message,
        ])
        self.widget.add_class("ek-team-picker")

    def _key_form(self) -> None:
        """A public room's picker: no list, no creation; the team's id and key, typed once."""
        tr, esc = self.tr, html.escape
        style = {"description_width": "initial"}
        self.slug = w.Text(description=tr("access.team_id"), style=style)
        self.slug.add_class("ek-field-team_id")
        self.key = w.Text(description=tr("access.team_key"), style=style)
        self.key.add_class("ek-field-team_key")
        self.open_button = button(tr("team.open"), "ek-open-team")
        self.open_button.on_click(lambda _b: self._open_slug(self.slug.value.strip().lower(),
                                                             self.key.value))
        self.message = w.HTML("")
        self.message.add_class("ek-team-message")
        self.widget = w.VBox([
            w.HTML(f"<h2>{esc(tr('team.heading'))}</h2><p>{esc(tr('access.intro'))}</p>"),
            self.slug, self.key, self.open_button, self.message,
        ])
        self.widget.add_class("ek-team-picker")
        self.widget.add_class("ek-team-picker-public")

    def say(self, key: str, **params: object) -> None:
        text = html.escape(self.tr(key, **params))
        self.message.value = f'<p class="ek-status-error" role="alert">{text}</p>'

    def _open(self, _button: w.Button) -> None:
        if not self.choice.value:
            self.say("team.pick_first")
            return
        self._open_slug(self.choice.value)

    def _create(self, _button: w.Button) -> None:
        self._withdraw_offer()
        if not self.gate.trusted:  # no form is shown; a forged click creates nothing
            self.say("access.create_denied")
            return
        name = self.name.value.strip()
        try:
            team = Team(slug=slugify(name), name=name, phenomenon=self.phenomenon.value,
                        members=self.members.value)
        except ValidationError as exc:
            problem = input_problem(exc)
            self.say("team.invalid", field=self.tr(problem.label),
                     problem=self.tr(problem.key, **problem.params))
            return
        try:
            self.store.create_team(team)
        except TeamExists as exc:  # no silent copy: offer the team that has this name
            self.say(exc.key, **exc.params)
            self._offer(exc.slug, exc.name)
            return
        except EkokitError as exc:
            self.say(exc.key, **exc.params)
            return
        self.on_pick(team)

    def _offer(self, slug: str, name: str) -> None:
        """A button that opens the existing team, under the refusal."""
        self.open_existing = button(self.tr("team.open_existing", name=name), "ek-open-existing")
        self.open_existing.on_click(lambda _b: self._open_slug(slug))
        self.widget.children = (*self.widget.children, self.open_existing)

    def _withdraw_offer(self) -> None:
        if self.open_existing is not None:
            self.widget.children = tuple(c for c in self.widget.children
                                         if c is not self.open_existing)
            self.open_existing = None

    def _open_slug(self, slug: str, key: str | None = None) -> None:
        try:
            self.on_pick(self.gate.open_team(slug, key))
        except EkokitError as exc:
            self.say(exc.key, **exc.params)
