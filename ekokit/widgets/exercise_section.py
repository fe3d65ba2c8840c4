"""One exercise in the session's list: its heading (title, state, who saved last and when) and
an open/close button; the exercise itself is built when it is first opened."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from ekokit.content.exercises import Exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import HELSINKI
from ekokit.store.database import Revision
from ekokit.widgets.exercise_view import ExerciseView
from ekokit.widgets.shared_models import button, vbox
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape


class ExerciseSection:
    """A heading, a one-line state and an open/close button; the exercise is built on open.
    ``on_open`` hears which exercise the page has open (for the presence table)."""

    def __init__(self, exercise: Exercise, tr: Translator,
                 on_open: Callable[[str, bool], None] | None = None) -> None:
        self.exercise, self.tr, self.on_open = exercise, tr, on_open
        self.view: ExerciseView | None = None
        self.is_open = False
        self.heading = html_widget(self._heading_html("open"))
        self.toggle = button(self._toggle_text(False), "ek-toggle")
        self.toggle.on_click(lambda _b: self.set_open(not self.is_open))
        self.widget = vbox([self.heading, self.toggle], "ek-exercise", f"ek-ex-{exercise.id}")

    def _heading_html(self, state: str, latest: Revision | None = None) -> str:
        saved_by = ""
        if latest is not None:
            saved_by = f'<p class="ek-saved-by">{esc(saved_by_text(latest, self.tr))}</p>'
        return (f'<h2 id="ek-h-{self.exercise.id}">{esc(self.exercise.title(self.tr.lang))}</h2>'
                f'<p class="ek-ex-state ek-state-{state}">{esc(self.tr("progress." + state))}</p>'
                f"{saved_by}")

    def _toggle_text(self, is_open: bool) -> str:
        key = "exercise.close" if is_open else "exercise.open"
        return self.tr(key, title=self.exercise.title(self.tr.lang))

    def bind(self, view: ExerciseView) -> None:
        self.view = view
        self.refresh_heading()

    def refresh_heading(self) -> None:
        state = self.view.state if self.view is not None else None
        latest = (state.offered or state.latest) if state is not None else None
        value = self._heading_html(section_state(self.view), latest)
        if value != self.heading.value:
            self.heading.value = value

    def catch_up(self) -> bool:
        """A teammate saved this exercise: the view and the heading follow. False when there
        was nothing newer (my own save coming back)."""
        if self.view is None or self.view.catch_up() == "none":
            return False
        self.refresh_heading()
        return True

    def set_open(self, is_open: bool) -> None:
        if self.view is None:
            return
        self.is_open = is_open
        self.toggle.description = self._toggle_text(is_open)
        if is_open:
            if self.view.body is None:  # a teammate may have saved since the page was loaded
                self.view.state.reload()
                self.refresh_heading()
            self.widget.children = (self.heading, self.toggle, self.view.build())
        else:
            self.view.debouncer.flush()
            self.widget.children = (self.heading, self.toggle)
        if self.on_open is not None:
            self.on_open(self.exercise.id, is_open)


def saved_by_text(revision: Revision, tr: Translator, today: dt.date | None = None) -> str:
    """"Tallentanut Maija klo 14.05" (today), else with the date; "tiimiläinen" when the saver
    did not say who they are."""
    author = revision.author or tr("exercise.someone")
    try:
        moment = dt.datetime.fromisoformat(revision.created_at).astimezone(HELSINKI)
    except (ValueError, OverflowError):  # a time stored by something else
        return tr("exercise.saved_by", author=author)
    time = tr("exercise.clock", hours=f"{moment.hour:02d}", minutes=f"{moment.minute:02d}")
    if moment.date() == (today or dt.datetime.now(HELSINKI).date()):
        return tr("exercise.saved_by_today", author=author, time=time)
    date = f"{moment.day}.{moment.month}.{moment.year}"
    return tr("exercise.saved_by_day", author=author, date=date, time=time)


def section_state(view: ExerciseView | None) -> str:
    """An exercise's state for its heading: open, started, done, or damaged (its newest saved
    revision cannot be shown)."""
    if view is None:
        return "open"
    return "damaged" if view.state.damage else view.state.state
