"""One exercise on the page: its card, its form, its chart and its save status."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ekokit.charts import render
from ekokit.charts.answer_table import answer_table_html
from ekokit.charts.html import chart_html
from ekokit.content.exercises import Exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_time
from ekokit.errors import StaleRevision, StoreUnavailable
from ekokit.model import answers
from ekokit.state.autosave import Debouncer
from ekokit.store.database import Revision, Store
from ekokit.widgets.form import Form


def card_html(card: Exercise, tr: Translator) -> str:
    """The valtiolla.fi-style card (duration, what, when, how, tip, strengths, weaknesses)."""
    text = card.text(tr.lang)
    low, high = card.spec.duration_min
    esc = html.escape

    def bullets(items: tuple[str, ...]) -> str:
        return "<ul>" + "".join(f"<li>{esc(i)}</li>" for i in items) + "</ul>"

    facts = (f'<p class="ek-what">{esc(text.what)}</p>'
             f'<p class="ek-duration"><strong>{esc(tr("card.duration"))}:</strong> '
             f"{esc(tr('card.minutes', low=low, high=high))}</p>")
    parts = [f"<h4>{esc(tr('card.when'))}</h4>{bullets(text.when)}"]
    if text.materials:
        parts.append(f"<h4>{esc(tr('card.materials'))}</h4>{bullets(text.materials)}")
    steps = "".join(f"<li>{esc(s)}</li>" for s in text.steps)
    parts.append(f"<h4>{esc(tr('card.steps'))}</h4><ol>{steps}</ol>")
    if text.tip:
        parts.append(f"<h4>{esc(tr('card.tip'))}</h4><p>{esc(text.tip)}</p>")
    parts.append(f"<h4>{esc(tr('card.strengths'))}</h4>{bullets(text.strengths)}")
    parts.append(f"<h4>{esc(tr('card.weaknesses'))}</h4>{bullets(text.weaknesses)}")
    if text.note:
        parts.append(f'<p class="ek-note">{esc(text.note)}</p>')
    links = "".join(
        f'<li><a href="{esc(str(u))}" rel="noopener noreferrer" target="_blank">{esc(str(u))}</a></li>'
        for u in card.spec.sources
    )
    parts.append(f"<h4>{esc(tr('card.sources'))}</h4><ul>{links}</ul>")
    return (f'<div class="ek-card">{facts}<details><summary>{esc(tr("card.summary"))}</summary>'
            + "".join(parts) + "</details></div>")


class ExerciseView:
    """Builds its widgets on first open; saves by itself; refuses to overwrite a teammate."""

    def __init__(self, card: Exercise, team: str, store: Store, tr: Translator, *, author: str = "",
                 on_saved: Callable[[Exercise, Revision], None] | None = None,
                 delay: float | None = None) -> None:
        self.card, self.team, self.store, self.tr, self.author = card, team, store, tr, author
        self.on_saved = on_saved
        self.base_revision = 0
        self.saved_data: dict[str, Any] | None = None
        self.saved_at = ""
        self.debouncer = Debouncer(self.save) if delay is None else Debouncer(self.save, delay)
        self.form: Form | None = None
        self.body: w.VBox | None = None  # widgets are made on first open: a page lists many

    # -- building -----------------------------------------------------------------------------
    def build(self) -> w.Widget:
        if self.body is None:
            self.status = w.HTML("")
            self.status.add_class("ek-status")
            self.chart = w.HTML("")
            self.chart.add_class("ek-chart-area")
            self.conflict = w.VBox([])
            self.conflict.add_class("ek-conflict")
            self.body = w.VBox([])
            self.body.add_class("ek-body")
            self.form = Form(self.card, self.tr, self.changed)
            latest = self.store.latest(self.team, self.card.id)
            if latest:
                self.base_revision = latest.revision
                self.saved_data = latest.data
                self.saved_at = latest.created_at
                self.form.load(latest.data)
                self._say("status.loaded", level="info", revision=latest.revision,
                          time=local_time(latest.created_at), author=latest.author or "—")
            else:
                self._say("status.empty", level="info")
            self._draw_chart(self.saved_data or answers.empty_answer(self.card))
            card_box = w.HTML(card_html(self.card, self.tr))
            work = w.HBox([self.form.widget, self.chart])
            work.add_class("ek-work")
            self.body.children = (card_box, work, self.status, self.conflict)
        return self.body

    def _draw_chart(self, data: dict[str, Any]) -> None:
        chart = render(self.card, data, self.tr.lang)
        self.chart.value = chart_html(chart, self.tr.lang, title=self.card.title(self.tr.lang))

    # -- saving ------------------------------------------------------------------------------
    def changed(self) -> None:
        self._say("status.pending", level="info")
        self.debouncer.trigger()

    def save(self) -> Revision | None:
        """Validate and append a revision; on any problem store nothing and say why."""
        assert self.form is not None
        try:
            data = answers.validate(self.card, self.form.value)
        except answers.AnswerInvalid as exc:
            shown = self.form.show_problems(exc.problems)
            self._say("status.invalid", level="error", count=len(shown))
            return None
        self.form.clear_errors()
        if data == self.saved_data:
            self._say_saved_state()
            return None
        try:
            revision = self.store.save(self.team, self.card.id, data,
                                       base_revision=self.base_revision, author=self.author)
        except StaleRevision as exc:
            self._show_conflict(exc, data)
            return None
        except StoreUnavailable as exc:
            self._say(exc.key, level="error", **exc.params)
            self._offer_retry()
            return None
        self.base_revision = revision.revision
        self.saved_data = revision.data
        self.saved_at = revision.created_at
        self.conflict.children = ()
        self._say_saved_state(revision)
        self._draw_chart(data)
        if self.on_saved:
            self.on_saved(self.card, revision)
        return revision

    def _say_saved_state(self, revision: Revision | None = None) -> None:
        missing = answers.missing_required(self.card, self.saved_data or {})
        labels = list(dict.fromkeys(self._label(path) for path in missing))
        time = local_time(revision.created_at if revision else self.saved_at)
        key = "status.saved_incomplete" if labels else "status.saved"
        self._say(key, level="ok", revision=self.base_revision, time=time,
                  missing=", ".join(labels))

    def _label(self, path: answers.Path) -> str:
        names = [p for p in path if isinstance(p, str)]
        return self.card.field_text(self.tr.lang, *names).label

    def _say(self, key: str, *, level: str, **params: Any) -> None:
        message = html.escape(self.tr(key, **params))
        self.status.value = (
            f'<p class="ek-status-{level}" role="status" aria-live="polite">{message}</p>'
        )

    # -- conflicts and failures ---------------------------------------------------------------
    def _show_conflict(self, exc: StaleRevision, mine: dict[str, Any]) -> None:
        theirs = self.store.latest(self.team, self.card.id)
        self._say("status.conflict", level="error", revision=exc.current_revision,
                  author=(theirs.author if theirs else "") or "—")
        take = w.Button(description=self.tr("conflict.take_theirs"), layout=w.Layout(width="auto"))
        keep = w.Button(description=self.tr("conflict.keep_mine"), layout=w.Layout(width="auto"))
        take.add_class("ek-take-theirs")
        keep.add_class("ek-keep-mine")
        both = w.HTML(
            f'<div class="ek-compare"><section><h4>{html.escape(self.tr("conflict.theirs"))}</h4>'
            f"{answer_table_html(self.card, theirs.data if theirs else {}, self.tr.lang)}</section>"
            f'<section><h4>{html.escape(self.tr("conflict.mine"))}</h4>'
            f"{answer_table_html(self.card, mine, self.tr.lang)}</section></div>"
        )

        def take_theirs(_b: w.Button) -> None:
            latest = self.store.latest(self.team, self.card.id)
            self.base_revision = latest.revision if latest else 0
            self.saved_data = latest.data if latest else None
            self.saved_at = latest.created_at if latest else ""
            self.form.load(self.saved_data or {})
            self.conflict.children = ()
            self._draw_chart(self.saved_data or answers.empty_answer(self.card))
            self._say("status.took_theirs", level="ok", revision=self.base_revision)

        def keep_mine(_b: w.Button) -> None:
            latest = self.store.latest(self.team, self.card.id)
            self.base_revision = latest.revision if latest else 0
            self.saved_data = latest.data if latest else None
            self.save()

        take.on_click(take_theirs)
        keep.on_click(keep_mine)
        self.conflict.children = (both, w.HBox([take, keep]))

    def _offer_retry(self) -> None:
        retry = w.Button(description=self.tr("status.retry"), layout=w.Layout(width="auto"))
        retry.add_class("ek-retry")
        retry.on_click(lambda _b: self.save())
        self.conflict.children = (retry,)
