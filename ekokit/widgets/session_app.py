"""The app of one programme session: team, progress, and the session's exercises."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ekokit.charts import CHARTS  # noqa: F401  (imported before the request: warms matplotlib)
from ekokit.content.calendar import calendar
from ekokit.content.exercises import Exercise, exercises_for_session
from ekokit.content.i18n import Translator, languages
from ekokit.content.timefmt import local_date
from ekokit.errors import EkokitError
from ekokit.model import answers
from ekokit.model.teams import Team
from ekokit.server.request import in_voila, page_language, request_params
from ekokit.store.database import Revision, Store
from ekokit.widgets.exercise_view import ExerciseView
from ekokit.widgets.team_picker import TeamPicker

esc = html.escape


class ExerciseSection:
    """A heading, a one-line status and an open/close button; the exercise is built on open."""

    def __init__(self, view: ExerciseView, tr: Translator) -> None:
        self.view, self.tr = view, tr
        card = view.card
        # Every value and class is given at construction: each later change would be one more
        # message per widget while a whole room opens the page.
        self.heading = w.HTML(self._heading_html(), layout=_shared("plain"),
                              style=_shared("html"))
        self.toggle = w.Button(description=self._toggle_text(False), layout=_shared("auto"),
                               style=_shared("button"), _dom_classes=("ek-toggle",))
        self.toggle.on_click(lambda _b: self.set_open(not self.is_open))
        self.is_open = False
        self.widget = w.VBox([self.heading, self.toggle], layout=_shared("plain"),
                             _dom_classes=("ek-exercise", f"ek-ex-{card.id}"))

    def _heading_html(self) -> str:
        card, tr = self.view.card, self.tr
        state = _state(card, self.view.saved_data)
        return (f'<h2 id="ek-h-{card.id}">{esc(card.title(tr.lang))}</h2>'
                f'<p class="ek-ex-state ek-state-{state}">{esc(tr("progress." + state))}</p>')

    def _toggle_text(self, is_open: bool) -> str:
        key = "exercise.close" if is_open else "exercise.open"
        return self.tr(key, title=self.view.card.title(self.tr.lang))

    def refresh_heading(self) -> None:
        self.heading.value = self._heading_html()

    def set_open(self, is_open: bool) -> None:
        self.is_open = is_open
        self.toggle.description = self._toggle_text(is_open)
        if is_open:
            self.widget.children = (self.heading, self.toggle, self.view.build())
            self.refresh_heading()  # a teammate may have saved since the page was loaded
        else:
            self.view.debouncer.flush()
            self.widget.children = (self.heading, self.toggle)


_SHARED: dict[str, w.Widget] = {}
_MAKERS = {"html": w.widgets.widget_string.HTMLStyle, "button": w.ButtonStyle, "plain": w.Layout,
           "auto": lambda: w.Layout(width="auto")}


def _shared(kind: str) -> w.Widget:
    """One layout or style model shared by every section: each widget model costs a message
    when the page opens, and a session lists many exercises. Never mutated after creation."""
    if kind not in _SHARED:
        _SHARED[kind] = _MAKERS[kind]()
    return _SHARED[kind]


def _state(card: Exercise, data: dict[str, Any] | None) -> str:
    if not data:
        return "open"
    return "done" if answers.is_complete(card, data) else "started"


class SessionApp:
    """``ekokit.session("1")`` returns this; Jupyter and Voilà display its widget."""

    def __init__(self, session: str, *, lang: str | None = None, team: str | None = None,
                 store: Store | None = None) -> None:
        self.session = session
        self.cards = exercises_for_session(session)
        self.store = store or Store()
        self.team: Team | None = None
        self.author = ""
        self.sections: dict[str, ExerciseSection] = {}
        # First everything that does not depend on the request. In a pre-warmed kernel this
        # runs before a participant arrives; after it, only the team's own data is added.
        self.tr = Translator(page_language(lang, from_request=False))
        self._spare: dict[str, ExerciseSection] | None = self._make_sections("")
        self.header = w.HTML(self._header_html({}))
        self.notice = w.HTML("", _dom_classes=("ek-notice",))
        self.team_area = w.VBox([])
        self.progress = w.HTML("", _dom_classes=("ek-progress",))
        self.exercises = w.VBox([])
        self.widget = w.VBox([self.header, self.notice, self.team_area, self.progress,
                              self.exercises], _dom_classes=("ek-app", f"ek-session-{session}"))
        params = request_params() if in_voila() else {}
        chosen = page_language(lang)
        if chosen != self.tr.lang:  # ?lang=en: the prepared sections are in the wrong language
            self.tr, self._spare = Translator(chosen), None
        header = self._header_html(params)
        if header != self.header.value:
            self.header.value = header
        slug = team or params.get("team")
        if slug:
            try:
                self.use_team(self.store.get_team(slug.strip()))
            except EkokitError as exc:  # an unknown team, or a store that cannot be read
                self._notice(exc.key, **exc.params)
                self._show_picker()
        else:
            self._show_picker()
        wanted = params.get("exercise")
        if wanted in self.sections:
            self.sections[wanted].set_open(True)

    # -- display -------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def _header_html(self, params: dict[str, str]) -> str:
        tr = self.tr
        when = calendar().session(self.session)
        date = tr("session.when", date=local_date(when.date), start=when.start, end=when.end)
        switch = ""
        if in_voila():
            others = [code for code in languages() if code != tr.lang]
            links = " ".join(
                f'<a href="?{esc(_query(params, lang=code))}" lang="{code}" hreflang="{code}">'
                f"{esc(Translator(code)('lang.switch_to'))}</a>" for code in others
            )
            switch = f'<p class="ek-lang-switch">{links}</p>'
        return (
            f'<header class="ek-header" lang="{tr.lang}">{switch}'
            f'<p class="ek-programme">{esc(tr("app.programme"))}</p>'
            f"<h1>{esc(tr('session.title_' + self.session))}</h1>"
            f'<p class="ek-when">{esc(date)}</p></header>'
        )

    def _notice(self, key: str, **params: object) -> None:
        text = esc(self.tr(key, **params))
        self.notice.value = f'<p class="ek-status-error" role="alert">{text}</p>'

    # -- team ----------------------------------------------------------------------------------
    def _show_picker(self) -> None:
        for section in self.sections.values():  # nothing typed is lost when switching teams
            section.view.debouncer.flush()
        # Homework in JupyterLab: preselect the team that saved last. Never in a live room.
        recent = None if in_voila() else _most_recent_team(self.store)
        picker = TeamPicker(self.store, self.tr, self.use_team, selected=recent)
        self.team_area.children = (picker.widget,)
        self.exercises.children = ()
        self.progress.value = ""

    def use_team(self, team: Team) -> None:
        self.team = team
        self.notice.value = ""
        tr = self.tr
        members = ", ".join(team.members) or "—"
        info = w.HTML(
            f'<section class="ek-team"><h2>{esc(tr("team.current", name=team.name))}</h2>'
            f"<p>{esc(tr('team.phenomenon'))}: {esc(team.phenomenon or '—')}</p>"
            f"<p>{esc(tr('team.members'))}: {esc(members)}</p></section>"
        )
        author = w.Dropdown(options=[(tr("team.anonymous"), "")] + [(m, m) for m in team.members],
                            description=tr("team.i_am"), style={"description_width": "initial"},
                            _dom_classes=("ek-field-author",))
        author.observe(lambda change: self._set_author(change["new"]), names="value")
        change = w.Button(description=tr("team.change"), layout=w.Layout(width="auto"),
                          _dom_classes=("ek-change-team",))
        change.on_click(lambda _b: self._show_picker())
        self.team_area.children = (info, w.HBox([author, change]))
        latest = self.store.latest_all(team.slug)
        self.sections, self._spare = self._spare or self._make_sections(team.slug), None
        for card_id, section in self.sections.items():
            section.view.team = team.slug
            stored = latest.get((team.slug, card_id))
            if stored:
                section.view.saved_data = stored.data
                section.refresh_heading()
        self.exercises.children = tuple(s.widget for s in self.sections.values())
        self._refresh_progress()

    def _make_sections(self, slug: str) -> dict[str, ExerciseSection]:
        return {
            card.id: ExerciseSection(
                ExerciseView(card, slug, self.store, self.tr, on_saved=self._saved), self.tr)
            for card in self.cards
        }

    def _set_author(self, name: str) -> None:
        self.author = name
        for section in self.sections.values():
            section.view.author = name

    def _saved(self, card: Exercise, _revision: Revision) -> None:
        self.sections[card.id].refresh_heading()
        self._refresh_progress()

    # -- progress ------------------------------------------------------------------------------
    def _refresh_progress(self) -> None:
        tr = self.tr
        counts = {"done": 0, "started": 0, "open": 0}
        rows = []
        for card_id, section in self.sections.items():
            state = _state(section.view.card, section.view.saved_data)
            counts[state] += 1
            rows.append(
                f'<li><a href="#ek-h-{card_id}">{esc(section.view.card.title(tr.lang))}</a>: '
                f'<span class="ek-state-{state}">{esc(tr("progress." + state))}</span></li>'
            )
        homework = calendar().homework_after(self.session)
        due = ""
        if homework:
            due = (f'<p class="ek-due">{esc(tr("progress.homework_due", due=local_date(homework.due), meeting=local_date(homework.team_meeting_by)))}</p>')
        self.progress.value = (
            f'<section class="ek-progress-box"><h2>{esc(tr("progress.heading"))}</h2>'
            f"<p>{esc(tr('progress.summary', total=len(self.sections), **counts))}</p>"
            f"{due}<ul>{''.join(rows)}</ul></section>"
        )


def _most_recent_team(store: Store) -> str | None:
    latest = store.latest_all()
    if not latest:
        return None
    return max(latest.values(), key=lambda r: r.created_at).team


def _query(params: dict[str, str], **changes: str) -> str:
    from urllib.parse import urlencode

    merged = {**{k: v for k, v in params.items() if k in ("team", "exercise")}, **changes}
    return urlencode(merged)


def show_session(session: str, *, lang: str | None = None, team: str | None = None) -> SessionApp:
    return SessionApp(session, lang=lang, team=team)
