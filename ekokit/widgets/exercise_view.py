"""One exercise on the page: its card, its form, its chart and its save status.

The view renders an :class:`~ekokit.state.exercise.ExerciseState`; it holds no revision state of
its own. Its widgets are made on first open, each with its value (a page lists many exercises,
and every later attribute change is one more message in a full room)."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ekokit.charts import render
from ekokit.charts.answer_table import answer_table_html
from ekokit.charts.html import chart_html
from ekokit.content.exercises import CopySource, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_time
from ekokit.model import answers
from ekokit.model.carry import carry
from ekokit.state.autosave import Debouncer
from ekokit.state.exercise import CatchUp, Damage, ExerciseState, Outcome
from ekokit.store.database import Revision
from ekokit.widgets.card import card_html
from ekokit.widgets.earlier import EarlierWork
from ekokit.widgets.form import Form, rows_needed
from ekokit.widgets.shared_models import button, hbox, vbox
from ekokit.widgets.shared_models import html as html_widget

Saved = Callable[[ExerciseState, Revision], None]
RAW_SHOWN = 100_000  # characters of a damaged revision's text shown on the page


class ExerciseView:
    """Saves by itself after typing pauses; never overwrites a teammate's save."""

    def __init__(self, state: ExerciseState, tr: Translator, *, on_saved: Saved | None = None,
                 delay: float | None = None) -> None:
        self.state, self.tr, self.on_saved = state, tr, on_saved
        self.exercise = state.exercise
        self.debouncer = Debouncer(self.save) if delay is None else Debouncer(self.save, delay)
        self.form: Form | None = None
        self.body: w.VBox | None = None

    # -- building -----------------------------------------------------------------------------
    def build(self) -> w.VBox:
        if self.body is None:
            latest, damage = self.state.latest, self.state.damage
            self.form = Form(self.exercise, self.tr, self.changed, data=self.state.saved)
            if damage:
                status = self._message("status.damaged", "error", revision=damage.revision)
            elif latest:  # who saved it, only when someone is named
                status = self._message(
                    "status.loaded" if latest.author else "status.loaded_anonymous", "info",
                    revision=latest.revision, time=local_time(latest.created_at),
                    author=latest.author)
            else:
                status = self._message("status.empty", "info")
            self.status = html_widget(status, "ek-status")
            self.chart = html_widget(self._chart_html(self.state.saved), "ek-chart-area")
            self.conflict = vbox((), "ek-conflict")
            self.work = hbox([self.form.widget, self.chart], "ek-work")
            card = html_widget(card_html(self.exercise, self.tr))
            self.earlier = EarlierWork(self.state, self.tr, self.copy_from)
            parts = [card, self.work, self.status, self.conflict]
            if self.earlier.widget is not None:
                parts.insert(1, self.earlier.widget)
            if damage:  # stays while the view lives: the text to copy from does not vanish
                parts.insert(1, html_widget(self._damage_html(damage), "ek-damaged"))
            self.body = vbox(parts, "ek-body")
        return self.body

    def _damage_html(self, damage: Damage) -> str:
        """Why the saved answer is not in the form, and its stored text to copy from."""
        tr, esc = self.tr, html.escape
        raw = damage.raw if len(damage.raw) <= RAW_SHOWN else damage.raw[:RAW_SHOWN] + "\n…"
        said = tr("damaged.message", revision=damage.revision, next=damage.revision + 1)
        return (f'<div class="ek-damaged-notice" role="alert">'
                f'<p class="ek-status-error">{esc(said)}</p>'
                f"<details><summary>{esc(tr('damaged.show_raw'))}</summary>"
                f'<pre class="ek-raw">{esc(raw)}</pre></details></div>')

    def _replace_form(self) -> None:
        """Show the saved answer in a new form (after taking a teammate's or copying)."""
        self.form = Form(self.exercise, self.tr, self.changed, data=self.state.saved)
        self.work.children = (self.form.widget, self.chart)
        self.chart.value = self._chart_html(self.state.saved)

    def _chart_html(self, data: dict[str, Any] | None) -> str:
        chart = render(self.exercise, data or answers.empty_answer(self.exercise), self.tr.lang)
        return chart_html(chart, self.tr.lang, title=self.exercise.title(self.tr.lang))

    # -- saving ------------------------------------------------------------------------------
    def changed(self) -> None:
        self._say("status.pending", "info")
        self.debouncer.trigger()

    def save(self) -> Outcome | None:
        """Save what the form holds and show what happened."""
        if self.form is None:
            return None
        outcome = self.state.save(self.form.value)
        self.show(outcome)
        return outcome

    def show(self, outcome: Outcome) -> None:
        assert self.form is not None
        if outcome.kind == "invalid":
            shown = self.form.show_problems(outcome.problems)
            self._say("status.invalid", "error", count=len(shown))
            return
        self.form.clear_errors()
        if outcome.kind == "conflict":
            self._show_conflict(outcome.revision)
        elif outcome.kind == "example":
            self._say("status.example", "error")
        elif outcome.kind == "unavailable":
            error = outcome.error
            self._say(error.key if error else "error.store_unavailable", "error",
                      **(error.params if error else {}))
            self._offer_retry()
        else:
            self._say_saved(outcome.revision)
            if outcome.kind == "saved" and outcome.revision is not None:
                self.conflict.children = ()
                self.chart.value = self._chart_html(outcome.revision.data)
                if self.on_saved:
                    self.on_saved(self.state, outcome.revision)

    def _say_saved(self, revision: Revision | None) -> None:
        labels = list(dict.fromkeys(self._label(path) for path in self.state.missing()))
        time = local_time(revision.created_at) if revision else ""
        key = "status.saved_incomplete" if labels else "status.saved"
        self._say(key, "ok", revision=self.state.base_revision, time=time,
                  missing=", ".join(labels))

    def _label(self, path: answers.Path) -> str:
        """A missing field's label; a list short of rows says how many it takes."""
        names = [p for p in path if isinstance(p, str)]
        label = self.exercise.field_text(self.tr.lang, *names).label
        spec = next((f for f in self.exercise.spec.fields if f.name == path[0]), None)
        if len(path) == 1 and spec is not None and spec.type == "list" and spec.min_items:
            return f"{label} ({rows_needed(spec, self.tr)})"
        return label

    def _message(self, key: str, level: str, **params: Any) -> str:
        text = html.escape(self.tr(key, **params))
        return f'<p class="ek-status-{level}">{text}</p>'

    def _say(self, key: str, level: str, **params: Any) -> None:
        message = self._message(key, level, **params)
        if self.status.value != message:
            self.status.value = message

    # -- a teammate's save (live updates) -------------------------------------------------------
    def catch_up(self) -> CatchUp:
        """A teammate saved this exercise: with nothing typed here, their version simply
        appears (form, chart, and the base of the next save); with an unsaved edit, it is
        offered beside mine and nothing of mine is replaced or saved until I choose."""
        if self.form is None:  # not opened yet: the state alone (the heading follows it)
            return self.state.catch_up()
        result = self.state.catch_up(self.form.value, pending=self.debouncer.pending)
        theirs = self.state.latest if result == "applied" else self.state.offered
        time = local_time(theirs.created_at) if theirs else ""
        who = (theirs.author if theirs else "") or self.tr("exercise.someone")
        if result == "applied" and theirs is not None:
            self._replace_form()
            self.conflict.children = ()
            self._say("status.teammate_saved", "info", author=who, revision=theirs.revision,
                      time=time)
        elif result == "offered" and theirs is not None:
            self.debouncer.cancel()  # my edit stays on the form, unsaved, until I choose
            self._show_conflict(theirs, offered=True, author=who, time=time)
        return result

    # -- conflicts and failures ---------------------------------------------------------------
    def _show_conflict(self, theirs: Revision | None, *, offered: bool = False,
                       **params: Any) -> None:
        """Their saved version beside my unsaved one, and the choice. ``offered``: shown before
        I saved (a live update), calmly; otherwise my save was refused."""
        assert self.form is not None
        mine = self.form.value
        key = "status.teammate_offer" if offered else "status.conflict"
        who = {"author": (theirs.author if theirs else "") or "—", **params}
        self._say(key, "info" if offered else "error",
                  revision=theirs.revision if theirs else 0, **who)
        esc, lang = html.escape, self.tr.lang
        both = html_widget(
            f'<div class="ek-compare"><section><h4>{esc(self.tr("conflict.theirs"))}</h4>'
            f"{answer_table_html(self.exercise, theirs.data if theirs else {}, lang)}</section>"
            f'<section><h4>{esc(self.tr("conflict.mine"))}</h4>'
            f"{answer_table_html(self.exercise, mine, lang)}</section></div>")
        take = button(self.tr("conflict.take_theirs"), "ek-take-theirs")
        keep = button(self.tr("conflict.keep_mine"), "ek-keep-mine")
        take.on_click(lambda _b: self.take_theirs())
        keep.on_click(lambda _b: self.keep_mine())
        self.conflict.children = (both, hbox([take, keep]))

    def take_theirs(self) -> None:
        latest = self.state.take_theirs()
        self._replace_form()
        self.conflict.children = ()
        self._say("status.took_theirs", "ok", revision=latest.revision if latest else 0)

    def copy_from(self, source: CopySource, earlier: Revision) -> Outcome | None:
        """Fill the empty fields from an earlier exercise and save that as a new revision."""
        assert self.form is not None
        self.debouncer.cancel()
        title = find_exercise(source.exercise).title(self.tr.lang)
        carried = carry(self.exercise, source, self.form.value, earlier.data)
        if not carried.filled:
            self._say("earlier.nothing", "info", title=title)
            return None
        outcome = self.state.save(carried.data)
        if outcome.kind != "saved" or outcome.revision is None:
            self.show(outcome)
            return outcome
        self._replace_form()
        labels = ", ".join(self._label((name,)) for name in carried.filled)
        self._say("earlier.copied", "ok", title=title, fields=labels,
                  time=local_time(outcome.revision.created_at), revision=outcome.revision.revision)
        if self.on_saved:
            self.on_saved(self.state, outcome.revision)
        return outcome

    def keep_mine(self) -> None:
        assert self.form is not None
        outcome = self.state.keep_mine(self.form.value)
        self.show(outcome)

    def _offer_retry(self) -> None:
        retry = button(self.tr("status.retry"), "ek-retry")
        retry.on_click(lambda _b: self.save())
        self.conflict.children = (retry,)
