"""The app of one programme session: team, progress, and the session's exercises.

Made in two steps, so that a pre-warmed Voilà kernel does the costly part before a participant
arrives: ``SessionApp(session, lang=…)`` builds everything that does not depend on the request;
:meth:`SessionApp.bind` then adds the team's own data (and the page's language, if it differs)."""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import ipywidgets as w

from ekokit.content.calendar import calendar
from ekokit.content.exercises import exercises_for_session
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.errors import EkokitError
from ekokit.model.access import KEY_PARAM, Access
from ekokit.model.progress import session_progress
from ekokit.model.teams import Team, shown_team
from ekokit.state.exercise import ExerciseState
from ekokit.state.gate import Gate
from ekokit.state.live import Heartbeat, LivePage
from ekokit.store.database import Change, Revision, Store
from ekokit.widgets.downloads import harvest_section
from ekokit.widgets.exercise_section import ExerciseSection, section_state
from ekokit.widgets.exercise_view import ExerciseView
from ekokit.widgets.shared_models import button, close_tree, hbox, shared, vbox
from ekokit.widgets.shared_models import html as html_widget
from ekokit.widgets.styles import styles_widget
from ekokit.widgets.team_link import share_widget
from ekokit.widgets.team_picker import TeamPicker

esc = html.escape
Group = w.VBox  # what ekokit.exercises() and ekokit.homework() return


class SessionApp:
    """``ekokit.session("1")`` returns this; Jupyter and Voilà display its widget."""

    def __init__(self, session: str, *, lang: str | None = None,
                 store: Store | None = None) -> None:
        self.session = session
        self.exercises = exercises_for_session(session)
        self.gate = Gate(store)  # open until bind() says which room the page is in
        self.store = self.gate.store
        self.team: Team | None = None
        self.author = ""
        self.served = False
        self.params: dict[str, str] = {}
        self.tr = Translator(lang)
        self.sections = self._make_sections()
        self.homework = self._homework_heading()
        self.header = html_widget(self._header_html())
        self.notice = html_widget("", "ek-notice")
        self.team_area = vbox()
        self.progress = html_widget("", "ek-progress")
        self.exercise_area = vbox()  # the exercises no group below claims
        self.groups: list[tuple[tuple[str, ...], w.VBox]] = []
        self.harvest_box: w.VBox | None = None  # ekokit.harvest(): made when asked for
        self.styles: w.HTML | None = None  # the kit's CSS outside Voilà (added by bind)
        self.live: LivePage | None = None  # teammates' saves and presence, once a team is chosen
        self.widget = vbox([self.header, self.notice, self.team_area, self.progress,
                            self.exercise_area], "ek-app", f"ek-session-{session}")

    def bind(self, *, team: str | None = None, lang: str | None = None,
             exercise: str | None = None, served: bool = False,
             params: dict[str, str] | None = None, access: Access | None = None) -> SessionApp:
        """Add what the request says: the team (opened only with its key in a public
        ``access``), the language, an exercise to open."""
        self.served, self.params = served, dict(params or {})
        self.gate = Gate(self.store, access)
        retired: list[w.Widget] = []
        if lang and Translator(lang).lang != self.tr.lang:  # prepared in another language
            retired = [*(s.widget for s in self.sections.values()), self.homework]
            self.tr = Translator(lang)
            self.sections = self._make_sections()
            self.homework = self._homework_heading()
        if not served and self.styles is None:  # JupyterLab: Voilà's template is not there
            self.styles = styles_widget(self.tr.lang)
            self.widget.children = (self.styles, *self.widget.children)
        header = self._header_html()
        if header != self.header.value:
            self.header.value = header
        if team:
            try:
                slug = shown_team(team.strip(), self.tr.lang)  # a demo team: the page's language's
                self.use_team(self.gate.open_team(slug, self.params.get(KEY_PARAM)))
            except EkokitError as exc:  # an unknown team, or a store that cannot be read
                self._notice(exc.key, **exc.params)
                self._show_picker()
        else:
            self._show_picker()
        if exercise in self.sections and self.team is not None:
            self.sections[exercise].set_open(True)
        for widget in retired:  # off the page now: the browser never asks for them
            close_tree(widget)
        return self

    # -- display -------------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def _header_html(self) -> str:
        tr = self.tr
        when = calendar().session(self.session)
        date = tr("session.when", date=local_date(when.date), start=when.start, end=when.end)
        # the language switch is the Voilà template's, above every served page
        return (f'<header class="ek-header" lang="{tr.lang}">'
                f'<p class="ek-programme">{esc(tr("app.programme"))}</p>'
                f"<h1>{esc(tr('session.title_' + self.session))}</h1>"
                f'<p class="ek-when">{esc(date)}</p></header>')

    def _notice(self, key: str, **params: object) -> None:
        text = esc(self.tr(key, **params))
        self.notice.value = f'<p class="ek-status-error" role="alert">{text}</p>'

    # -- team ----------------------------------------------------------------------------------
    def _show_picker(self) -> None:
        self.stop_live()
        for section in self.sections.values():  # nothing typed is lost when switching teams
            if section.view is not None:
                section.view.debouncer.flush()
        # Homework in JupyterLab: preselect the team that saved last. Never in a live room.
        recent = None if self.served else self.gate.recent_team()
        picker = TeamPicker(self.store, self.tr, self.use_team, selected=recent, gate=self.gate)
        self.team_area.children = (picker.widget,)
        self.exercise_area.children = ()
        for _ids, box in self.groups:
            box.children = ()
        self.progress.value = ""

    def use_team(self, team: Team) -> None:
        self.team = team
        self.notice.value = ""
        tr = self.tr
        members = ", ".join(team.members) or "—"
        info = html_widget(
            f'<section class="ek-team"><h2>{esc(tr("team.current", name=team.name))}</h2>'
            f"<p>{esc(tr('team.phenomenon'))}: {esc(team.phenomenon or '—')}</p>"
            f"<p>{esc(tr('team.members'))}: {esc(members)}</p></section>")
        author = w.Dropdown(options=[(tr("team.anonymous"), ""), *((m, m) for m in team.members)],
                            value=self.author if self.author in team.members else "",
                            description=tr("team.i_am"), style=shared("description"),
                            layout=shared("layout"), _dom_classes=("ek-field-author",))
        author.observe(lambda change: self._set_author(change["new"]), names="value")
        change = button(tr("team.change"), "ek-change-team")
        change.on_click(lambda _b: self._show_picker())
        share = ([share_widget(tr, team.slug, self.gate.link_key(team.slug), self.params)]
                 if self.served else [])
        self.team_area.children = (info, *share, hbox([author, change]))
        latest = self.store.latest_all(team.slug)
        if any(s.view is not None for s in self.sections.values()):  # another team before
            self.sections = self._make_sections()
        for exercise_id, section in self.sections.items():
            state = ExerciseState(section.exercise, self.store, team.slug, author=self.author,
                                  latest=latest.get((team.slug, exercise_id)))
            section.bind(ExerciseView(state, tr, on_saved=self._saved))
        self._lay_out()
        self._refresh_progress()
        self._start_live(team)

    # -- live updates: a teammate's save shows here; the facilitator sees this page ------------
    def _start_live(self, team: Team) -> None:
        self.stop_live()
        heartbeat = Heartbeat(self.store, team.slug, self.session)
        self.live = LivePage(self.store, self._teammates_saved, team=team.slug,
                             heartbeat=heartbeat)
        self.live.start()

    def stop_live(self) -> None:
        """Stop looking at the store and leave the presence table (another team, or the cell
        ran again)."""
        if self.live is not None:
            self.live.stop()
            self.live = None

    def _opened(self, exercise_id: str, is_open: bool) -> None:
        heartbeat = self.live.heartbeat if self.live is not None else None
        if heartbeat is not None and (is_open or heartbeat.exercise == exercise_id):
            heartbeat.at(exercise_id if is_open else "")

    def _teammates_saved(self, changes: list[Change]) -> None:
        """Saves of this team since the last look (mine among them: those change nothing)."""
        moved = False
        for exercise_id in dict.fromkeys(c.exercise_id for c in changes):
            section = self.sections.get(exercise_id)
            if section is not None and section.catch_up():
                moved = True
        if moved:
            self._refresh_progress()
            self._refresh_harvest()

    # -- groups: a notebook can show the exercises in its own cells, after their reading ------
    def group(self, exercise_ids: tuple[str, ...]) -> w.VBox:
        """A box for these exercises, to show in a cell of its own; they leave the app's list.
        An empty tuple means the session's homework, headed with its due date."""
        ids = exercise_ids or tuple(e.id for e in self.exercises if e.is_homework)
        unknown = [i for i in ids if i not in self.sections]
        if unknown:
            raise KeyError(f"not exercises of session {self.session}: {unknown}")
        box = vbox((), "ek-group", "ek-homework-group" if not exercise_ids else "ek-reading-group")
        self.groups.append((ids, box))
        if self.team is not None:
            self._lay_out()
        return box

    def harvest(self) -> w.VBox:
        """Session 1 against Session 4 and the team's report as downloads, in a cell of its own;
        they follow the team chosen above and every save."""
        self.harvest_box = vbox((), "ek-harvest")
        if self.team is not None:
            self._fill_harvest()
        return self.harvest_box

    def _fill_harvest(self) -> None:
        from ekokit.widgets.downloads import Downloads

        if self.harvest_box is not None and self.team is not None:
            self.harvest_box.children = (
                harvest_section(self.store, self.team.slug, self.tr),
                Downloads(self.store, self.tr, team=self.team.slug).widget)

    def _lay_out(self) -> None:
        if self.harvest_box is not None:
            self._fill_harvest()
        claimed = {i for ids, _box in self.groups for i in ids}
        for ids, box in self.groups:
            parts = [self.sections[i].widget for i in ids]
            if ids and all(self.sections[i].exercise.is_homework for i in ids):
                parts.insert(0, self.homework)
            box.children = tuple(parts)
        free = [s for i, s in self.sections.items() if i not in claimed]
        own = [s.widget for s in free if not s.exercise.is_homework]
        homework = [s.widget for s in free if s.exercise.is_homework]
        heading = [self.homework] if homework else []
        children = (*own, *heading, *homework)
        if children != self.exercise_area.children:
            self.exercise_area.children = children

    def _homework_heading(self) -> w.HTML:
        """The homework as its own group, headed with its due date (said kindly when past)."""
        tr, homework = self.tr, calendar().homework_after(self.session)
        parts = [f"<h2>{esc(tr('progress.homework_heading'))}</h2>"]
        if homework:
            due = local_date(homework.due)
            when = tr("progress.homework_due", due=due,
                      meeting=local_date(homework.team_meeting_by))
            parts.append(f'<p class="ek-due">{esc(when)}</p>')
            if dt.date.today() > homework.due:
                passed = tr("progress.homework_passed", due=due)
                parts.append(f'<p class="ek-due-passed">{esc(passed)}</p>')
        return html_widget("".join(parts), "ek-homework")

    def _make_sections(self) -> dict[str, ExerciseSection]:
        return {exercise.id: ExerciseSection(exercise, self.tr, self._opened)
                for exercise in self.exercises}

    def _set_author(self, name: str) -> None:
        self.author = name
        for section in self.sections.values():
            if section.view is not None:
                section.view.state.author = name

    def _saved(self, state: ExerciseState, _revision: Revision) -> None:
        self.sections[state.exercise.id].refresh_heading()
        self._refresh_progress()
        self._refresh_harvest()

    def _refresh_harvest(self) -> None:
        if self.harvest_box is not None and self.harvest_box.children:
            section = self.harvest_box.children[0]
            fresh = harvest_section(self.store, self.team.slug, self.tr) if self.team else None
            if fresh is not None and fresh.value != section.value:
                section.value = fresh.value
                fresh.close()

    # -- progress ------------------------------------------------------------------------------
    def _refresh_progress(self) -> None:
        tr = self.tr
        answers = {i: s.view.state.saved for i, s in self.sections.items()
                   if s.view is not None and s.view.state.saved}
        progress = session_progress(self.exercises, answers)
        rows = []
        for exercise_id, section in self.sections.items():
            state = section_state(section.view)
            rows.append(
                f'<li><a href="#ek-h-{exercise_id}">{esc(section.exercise.title(tr.lang))}</a>: '
                f'<span class="ek-state-{state}">{esc(tr("progress." + state))}</span></li>')
        lines = [f"<p>{esc(tr('progress.session_line', **progress.session.as_params()))}</p>"]
        homework = calendar().homework_after(self.session)
        if progress.homework.total:
            lines.append(f"<p>{esc(tr('progress.homework_line', **progress.homework.as_params()))}"
                         "</p>")
        if homework:
            due = tr("progress.homework_due", due=local_date(homework.due),
                     meeting=local_date(homework.team_meeting_by))
            lines.append(f'<p class="ek-due">{esc(due)}</p>')
        first = next(iter(self.sections), "")
        skip = f'<p><a class="ek-skip" href="#ek-h-{first}">{esc(tr("progress.skip"))}</a></p>'
        value = (f'<section class="ek-progress-box"><h2>{esc(tr("progress.heading"))}</h2>'
                 f"{''.join(lines)}{skip}<ul>{''.join(rows)}</ul></section>")
        if value != self.progress.value:
            self.progress.value = value
