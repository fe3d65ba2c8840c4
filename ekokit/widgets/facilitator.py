"""The facilitator's view: every team at once, following the room by itself — who is here now
and in which exercise, progress per session (homework counted apart) and every team's answer
to the chosen exercise side by side.

It follows the room by the same live updates as a team's page (``ekokit.state.live``): every
couple of seconds one look at the store; when a team saved, the table and the answers are drawn
again, and a widget is sent only when its HTML really changed (no flicker, no message when the
room is quiet). Who is here is read every few looks."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

import ipywidgets as w

from ekokit.content.calendar import calendar
from ekokit.content.exercises import exercises_for_session, find_exercise
from ekokit.content.i18n import Translator
from ekokit.model.actors import ACTOR_SOURCES
from ekokit.model.teams import Team, is_demo_team, participating_teams
from ekokit.state.live import LivePage
from ekokit.state.overview import (
    busiest_exercise,
    here_now,
    progress_by_team,
    progress_matrix,  # re-exported: the facilitator's data, as before
)
from ekokit.store.database import Change, Store
from ekokit.widgets.downloads import Downloads
from ekokit.widgets.ecosystem import SharedEcosystem, projector_link
from ekokit.widgets.facilitator_html import answers_html, presence_html, progress_html
from ekokit.widgets.shared_models import html as html_widget
from ekokit.widgets.styles import styles_widget

__all__ = ["FacilitatorView", "progress_matrix"]

esc = html.escape
ACTOR_EXERCISES = frozenset(source[0] for source in ACTOR_SOURCES)  # feed the shared ecosystem
PRESENCE_TICKS = 3  # who is here is read every third look (about every 6 s)


def session_of(exercise_id: str) -> str:
    """The programme session an exercise belongs to (its homework: the session before)."""
    return find_exercise(exercise_id).session.removeprefix("h")


class FacilitatorView:
    def __init__(self, *, lang: str | None = None, store: Store | None = None,
                 served: bool = False, live: bool = True,
                 keys: Mapping[str, str] | None = None) -> None:
        """``served``: in Voilà, whose template brings the kit's styles (else one widget does).
        ``live``: follow the room by itself (on the kernel's loop; a script calls
        :meth:`tick`). ``keys``: the public room's token and facilitator key from the page's
        address, carried by the link to the projector."""
        self.tr = tr = Translator(lang)
        self.store = store or Store()
        self.teams: list[Team] = self._room_teams()
        self.here = self._room_here()
        sessions = [s.id for s in calendar().sessions]
        everything = [e.id for s in sessions for e in exercises_for_session(s)]
        start = busiest_exercise(self.here, everything)
        session = session_of(start) if start else sessions[0]
        exercises = exercises_for_session(session)
        self.picked_by_hand = False  # until then the picker follows the room
        self._setting = False
        self.session = w.Dropdown(
            options=[(tr(f"facilitator.session_{s}"), s) for s in sessions], value=session,
            description=tr("facilitator.choose_session"), style={"description_width": "initial"},
            _dom_classes=("ek-field-session",))
        self.session.observe(lambda _c: self._session_chosen(), names="value")
        self.refresh_button = w.Button(description=tr("facilitator.refresh"),
                                       layout=w.Layout(width="auto"), _dom_classes=("ek-refresh",))
        self.refresh_button.on_click(lambda _b: self.refresh())
        latest = self.store.latest_all()
        self.presence = html_widget(presence_html(self.here, self.teams, tr), "ek-presence")
        self.table = html_widget(self._table_html(latest), "ek-facilitator-table")
        self.exercise = w.Dropdown(
            options=[(e.title(tr.lang), e.id) for e in exercises],
            value=start if start in {e.id for e in exercises} else exercises[0].id,
            description=tr("facilitator.choose_exercise"), style={"description_width": "initial"},
            _dom_classes=("ek-field-exercise",))
        self.exercise.observe(lambda _c: self._exercise_chosen(), names="value")
        self.answers = html_widget(self._answers_html(latest), "ek-facilitator-answers")
        header = w.HTML(f"<h1>{esc(tr('facilitator.title'))}</h1>"
                        f"<p>{esc(tr('facilitator.intro'))}</p>")
        styles = [] if served else [styles_widget()]
        self.downloads = Downloads(self.store, tr)
        self.ecosystem = SharedEcosystem(self.store, self.tr)
        self.widget = w.VBox([*styles, header, w.HBox([self.session, self.refresh_button]),
                              self.presence, self.table,
                              w.HTML(f"<h2>{esc(tr('facilitator.answers_heading'))}</h2>"),
                              self.exercise, self.answers,
                              self.downloads.widget,
                              self.ecosystem.widget, projector_link(tr, keys)],
                             _dom_classes=("ek-app", "ek-facilitator"))
        self.live = LivePage(self.store, self._saved, every_so_often=self._presence_tick,
                             often=PRESENCE_TICKS)
        if live:
            self.live.ticker.start()

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    # -- drawing -----------------------------------------------------------------------------
    def _room_teams(self) -> list[Team]:
        """The room's teams: the demo teams are none of them (shown only in an empty room)."""
        return participating_teams(self.store.teams(), self.tr.lang)

    def _room_here(self) -> dict[str, tuple[str, ...]]:
        """Who is here: a demo team's page (self-study) is no team of the room either."""
        shown = {t.slug for t in self.teams}
        return {slug: ids for slug, ids in here_now(self.store).items()
                if not is_demo_team(slug) or slug in shown}

    def _exercises(self):
        return exercises_for_session(self.session.value)

    def _table_html(self, latest) -> str:
        exercises = self._exercises()
        rows = progress_by_team(self.store, exercises, latest=latest, teams=self.teams)
        return progress_html(rows, exercises, self.tr)

    def _answers_html(self, latest) -> str:
        chosen = self.exercise.value
        if not chosen:
            return ""
        return answers_html(find_exercise(chosen), self.teams, latest, self.tr)

    @staticmethod
    def _put(widget: w.HTML, value: str) -> None:
        if widget.value != value:  # one message only when something really changed
            widget.value = value

    def refresh(self) -> None:
        """Read everything again: teams, progress, answers and who is here."""
        self.teams = self._room_teams()
        latest = self.store.latest_all()
        self._put(self.table, self._table_html(latest))
        self._put(self.answers, self._answers_html(latest))
        self.ecosystem.refresh()
        self._presence_tick()

    # -- the facilitator's choices -------------------------------------------------------------
    def _session_chosen(self) -> None:
        if not self._setting:
            self.picked_by_hand = True
        exercises = self._exercises()
        self._setting = True
        try:
            self.exercise.options = [(e.title(self.tr.lang), e.id) for e in exercises]
            self.exercise.value = exercises[0].id
        finally:
            self._setting = False
        self.refresh()

    def _exercise_chosen(self) -> None:
        if not self._setting:
            self.picked_by_hand = True
        self._put(self.answers, self._answers_html(self.store.latest_all()))

    # -- live: the room's saves and who is here -----------------------------------------------
    def tick(self) -> list[Change]:
        """One look at the store (the kernel's loop does this every couple of seconds)."""
        return self.live.tick()

    def stop(self) -> None:
        """Stop following the room (the cell ran again)."""
        self.live.stop()

    def _saved(self, changes: list[Change]) -> None:
        known = {t.slug for t in self.teams}
        if any(c.team not in known for c in changes):  # a team created meanwhile
            self.teams = self._room_teams()
        latest = self.store.latest_all()
        self._put(self.table, self._table_html(latest))
        if any(c.exercise_id == self.exercise.value for c in changes):
            self._put(self.answers, self._answers_html(latest))
        if any(c.exercise_id in ACTOR_EXERCISES for c in changes):
            self.ecosystem.refresh()  # redrawn only when the shared actors changed

    def _presence_tick(self) -> None:
        self.here = self._room_here()
        if any(slug not in {t.slug for t in self.teams} for slug in self.here):
            self.teams = self._room_teams()  # a team created meanwhile, its page open
            self._put(self.table, self._table_html(self.store.latest_all()))
        self._put(self.presence, presence_html(self.here, self.teams, self.tr))
        if self.picked_by_hand:
            return
        ids = [e.id for e in self._exercises()]
        busiest = busiest_exercise(self.here, ids)
        if busiest is not None and busiest != self.exercise.value:
            self._setting = True
            try:
                self.exercise.value = busiest  # its observer draws the answers
            finally:
                self._setting = False
