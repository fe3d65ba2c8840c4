"""The projector: the room's screen. One page per exercise, every team's chart of it side by side
(team name and text alternative with each), a timer for the exercise, and the shared ecosystem
as the first page. Nothing to edit: buttons only, and keys (ekokit-projector.js.j2) that press
them: ← / PageUp previous, → / PageDown next (a presentation clicker sends these), Home the
shared ecosystem."""

from __future__ import annotations

import html
from typing import Any

from ekokit.charts import render
from ekokit.charts.html import chart_html
from ekokit.content.calendar import calendar
from ekokit.content.exercises import Exercise, all_exercises
from ekokit.content.i18n import Translator
from ekokit.model.teams import Team, listed_name, participating_teams
from ekokit.state.exercise import damage_of
from ekokit.state.live import LivePage
from ekokit.state.timer import Countdown, clock_text
from ekokit.store.database import Change, Revision, Store
from ekokit.widgets.ecosystem import (
    ecosystem,
    ecosystem_html,
    latest_by_team,
)
from ekokit.widgets.shared_models import button, hbox, vbox
from ekokit.widgets.shared_models import html as html_widget
from ekokit.widgets.styles import styles_widget

esc = html.escape
ECOSYSTEM = "ecosystem"  # the first page's id; the others are exercise ids
BIG_DPI = 144  # the network fills the room's screen: drawn 1.5 times the usual size


def start_page(pages: list[str], *, exercise: str | None, session: str | None,
               today_session: str | None) -> int:
    """Where the projector opens: ``?exercise=``, else the first exercise of ``?session=``, else
    of the calendar's session for today (or the next one), else the shared ecosystem."""
    if exercise in pages:
        return pages.index(exercise)
    by_session = {e.id: e.session for e in all_exercises()}
    for wanted in (session, today_session):
        for index, page in enumerate(pages):
            if wanted and by_session.get(page) == wanted:
                return index
    return 0


def _today_session() -> str | None:
    import datetime as dt

    try:
        return calendar().session_for(dt.date.today()).id
    except (LookupError, ValueError, OSError):
        return None


class Projector:
    def __init__(self, *, lang: str | None = None, store: Store | None = None,
                 served: bool = False, session: str | None = None,
                 exercise: str | None = None, live: bool = True) -> None:
        """``served``: in Voilà, whose template brings the kit's styles (else one widget does).
        ``live``: follow the room by itself, as the facilitator view does (a new save is on the
        screen within a few seconds; a script calls :meth:`tick`)."""
        self.tr = Translator(lang)
        self.store = store or Store()
        self.exercises = {e.id: e for e in all_exercises()}
        self.pages = [ECOSYSTEM, *self.exercises]
        self.index = start_page(self.pages, exercise=exercise, session=session,
                                today_session=_today_session())
        self._charts: dict[tuple[str, str, int], str] = {}  # (team, exercise, revision) → html
        first = self.exercises.get(self.pages[self.index]) or next(iter(self.exercises.values()))
        self.timed: Exercise = first
        self.countdown = Countdown(self._seconds(first))
        tr = self.tr
        self.previous = button(tr("projector.previous"), "ek-previous")
        self.next = button(tr("projector.next"), "ek-next")
        self.home = button(tr("projector.ecosystem"), "ek-ecosystem")
        self.refresh_button = button(tr("projector.refresh"), "ek-refresh")
        self.start = button(tr("projector.start"), "ek-timer-start")
        self.pause = button(tr("projector.pause"), "ek-timer-pause", disabled=True)
        self.reset = button(tr("projector.reset"), "ek-timer-reset")
        self.previous.on_click(lambda _b: self.go(self.index - 1))
        self.next.on_click(lambda _b: self.go(self.index + 1))
        self.home.on_click(lambda _b: self.go(0))
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.start.on_click(lambda _b: self._timer("start"))
        self.pause.on_click(lambda _b: self._timer("pause"))
        self.reset.on_click(lambda _b: self._timer("reset"))
        self.header = html_widget(self._header_html(), "ek-projector-header")
        self.timer = html_widget(self._timer_html(), "ek-timer")
        self.body = html_widget(self._body_html(), "ek-projector-body")
        keys = html_widget(f'<p class="ek-keys">{esc(tr("projector.keys"))}</p>', "ek-keys-help")
        styles = [] if served else [styles_widget()]
        self.widget = vbox([
            *styles, self.header,
            hbox([self.previous, self.next, self.home, self.refresh_button], "ek-projector-nav"),
            hbox([self.timer, self.start, self.pause, self.reset], "ek-timer-row"),
            keys, self.body], "ek-app", "ek-projector")
        self.live = LivePage(self.store, self._saved)
        if live:
            self.live.ticker.start()

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    # -- pages --------------------------------------------------------------------------------
    @property
    def page(self) -> str:
        return self.pages[self.index]

    def go(self, index: int) -> None:
        """Show page ``index`` (wrapping round at either end)."""
        self.index = index % len(self.pages)
        exercise = self.exercises.get(self.page)
        ready = self.countdown.state() == "ready"
        if exercise is not None and exercise is not self.timed and ready:
            self.timed = exercise  # a timer not yet started follows the page
            self.countdown.reset(self._seconds(exercise))
            self._show_timer()
        body = self._body_html()  # drawn first: the heading and the grid change together
        self.header.value = self._header_html()
        self.body.value = body

    def refresh(self) -> None:
        """Read the store again: the teams' newest saves (only new revisions are drawn)."""
        value = self._body_html()
        if value != self.body.value:
            self.body.value = value

    # -- live: the room's saves ---------------------------------------------------------------
    def tick(self) -> list[Change]:
        """One look at the store (the kernel's loop does this every couple of seconds)."""
        return self.live.tick()

    def stop(self) -> None:
        """Stop following the room (the cell ran again)."""
        self.live.stop()

    def _saved(self, changes: list[Change]) -> None:
        self.refresh()  # one message, and only when the page's drawing changed

    def _header_html(self) -> str:
        tr = self.tr
        exercise = self.exercises.get(self.page)
        if exercise is None:
            title, where = tr("shared_ecosystem.title"), tr("projector.ecosystem_page")
        else:
            title = exercise.title(tr.lang)
            where = tr("projector.page", session=tr(f"facilitator.session_{exercise.session}"),
                       number=self.index, total=len(self.pages) - 1)
        return f'<h1>{esc(title)}</h1><p class="ek-projector-where">{esc(where)}</p>'

    def _body_html(self) -> str:
        teams = participating_teams(self.store.teams(), self.tr.lang)
        exercise = self.exercises.get(self.page)
        if exercise is None:
            shared = ecosystem(teams, latest_by_team(self.store))
            return ecosystem_html(teams, shared, self.tr, heading="", dpi=BIG_DPI)
        if not teams:
            return f'<p class="ek-projector-empty">{esc(self.tr("projector.no_teams"))}</p>'
        latest = self.store.latest_all()
        cells = "".join(self._team_html(team, exercise, latest.get((team.slug, exercise.id)))
                        for team in teams)
        label = esc(self.tr("projector.grid_label"))
        return f'<div class="ek-projector-grid" role="list" aria-label="{label}">{cells}</div>'

    def _team_html(self, team: Team, exercise: Exercise, revision: Revision | None) -> str:
        tr = self.tr
        name = esc(listed_name(team, tr("team.example_mark")))
        if revision is None:
            body = f'<p class="ek-projector-empty">{esc(tr("projector.no_answer"))}</p>'
        else:
            key = (team.slug, exercise.id, revision.revision)
            if key not in self._charts:
                self._charts[key] = self._chart(team, exercise, revision)
            body = self._charts[key]
        return f'<section class="ek-projector-team" role="listitem"><h2>{name}</h2>{body}</section>'

    def _chart(self, team: Team, exercise: Exercise, revision: Revision) -> str:
        tr = self.tr
        if damage_of(exercise, revision) is not None:
            said = tr("projector.damaged", revision=revision.revision)
            return f'<p class="ek-status-error">{esc(said)}</p>'
        chart = render(exercise, revision.data, tr.lang)
        title = f"{listed_name(team, tr('team.example_mark'))}: {exercise.title(tr.lang)}"
        return chart_html(chart, tr.lang, title=title)

    # -- the timer ----------------------------------------------------------------------------
    @staticmethod
    def _seconds(exercise: Exercise) -> int:
        return max(exercise.spec.duration_min) * 60

    def _timer(self, action: str) -> None:
        if action == "start":
            self.countdown.start()
        elif action == "pause":
            self.countdown.pause()
        else:
            exercise = self.exercises.get(self.page, self.timed)
            self.timed = exercise
            self.countdown.reset(self._seconds(exercise))
        self._show_timer()

    def _show_timer(self) -> None:
        running = self.countdown.state() == "running"
        if self.start.disabled != running:
            self.start.disabled = running
        if self.pause.disabled == running:
            self.pause.disabled = not running
        self.timer.value = self._timer_html()

    def _timer_html(self) -> str:
        """The clock as the kernel knows it (the page's script counts a running one down) and
        what the script needs: the state, the seconds left and the text for "time is up"."""
        tr, countdown = self.tr, self.countdown
        state = countdown.state()
        low, high = self.timed.spec.duration_min
        label = tr("projector.timer_label", title=self.timed.title(tr.lang), low=low, high=high)
        return (f'<div class="ek-timer-box ek-timer-{state}" data-state="{state}" '
                f'data-remaining="{countdown.remaining():.1f}" '
                f'data-done="{esc(tr("projector.timer_done"))}">'
                f'<span class="ek-timer-label">{esc(label)}</span> '
                f'<span class="ek-timer-clock" role="timer">{clock_text(countdown.remaining())}'
                f'</span> <span class="ek-timer-state">{esc(tr(f"projector.timer_{state}"))}'
                "</span></div>")
