"""The team's earlier work beside a later exercise: its saved answers to the exercises the card
names as related (read-only, drawn as their charts with tables, made only when asked for), and
a "copy into empty fields" action for each earlier exercise the spec's ``copy_from`` names."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ekokit.charts import render
from ekokit.charts.html import chart_html
from ekokit.content.exercises import CopySource, Exercise, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_time
from ekokit.state.exercise import ExerciseState, damage_of
from ekokit.store.database import Revision
from ekokit.widgets.shared_models import button, vbox
from ekokit.widgets.shared_models import html as html_widget

esc = html.escape
Copy = Callable[[CopySource, Revision], object]


class EarlierWork:
    """None of its widgets exist unless the team has saved an earlier answer."""

    def __init__(self, state: ExerciseState, tr: Translator, on_copy: Copy) -> None:
        self.state, self.tr = state, tr
        spec = state.exercise.spec
        wanted = list(dict.fromkeys([*spec.related, *(s.exercise for s in spec.copy_from)]))
        saved = {i: r for i in wanted if (r := state.store.latest(state.team, i)) is not None
                 and damage_of(find_exercise(i), r) is None}  # a damaged one is not offered
        self.related = [(find_exercise(i), saved[i]) for i in spec.related if i in saved]
        self.widget: w.VBox | None = None
        parts: list[w.Widget] = []
        for source in spec.copy_from:
            if source.exercise in saved:
                title = find_exercise(source.exercise).title(tr.lang)
                copy = button(tr("earlier.copy", title=title), "ek-copy-from",
                              f"ek-copy-{source.exercise}")
                copy.on_click(lambda _b, s=source: on_copy(s, saved[s.exercise]))
                parts.append(copy)
        if self.related:
            self.toggle = button(tr("earlier.show", count=len(self.related)), "ek-earlier-toggle")
            self.toggle.on_click(lambda _b: self.set_open(self.panel is None))
            parts.insert(0, self.toggle)
        self.panel: w.HTML | None = None
        if parts:
            self.widget = vbox(parts, "ek-earlier")

    def set_open(self, is_open: bool) -> None:
        if self.widget is None or not self.related:
            return
        if is_open:
            self.panel = html_widget(self.panel_html(), "ek-earlier-panel")
            self.widget.children = (self.toggle, self.panel, *self.widget.children[1:])
        else:
            self.widget.children = tuple(c for c in self.widget.children if c is not self.panel)
            self.panel = None
        self.toggle.description = self.tr("earlier.hide" if is_open else "earlier.show",
                                          count=len(self.related))

    def panel_html(self) -> str:
        """Each related exercise's saved answer: title, who and when, its chart and table."""
        tr = self.tr
        heading = esc(tr("earlier.heading"))
        parts = [f'<section class="ek-earlier-work" aria-label="{heading}"><h3>{heading}</h3>']
        own = self.state.exercise
        for exercise, revision in self.related:
            now = None  # the same method then and now (S1 → S4): drawn side by side
            if exercise.spec.chart == own.spec.chart != "summary" and self.state.saved:
                now = chart_html(render(own, self.state.saved, tr.lang), tr.lang,
                                 title=own.title(tr.lang))
            parts.append(_one(exercise, revision, tr, now=now, now_title=own.title(tr.lang)))
        return "".join(parts) + "</section>"


def _one(exercise: Exercise, revision: Revision, tr: Translator, *, now: str | None = None,
         now_title: str = "") -> str:
    title = exercise.title(tr.lang)
    # a version saved by no one named says nothing of its author ("kirjoittaja —." before)
    time = local_time(revision.created_at)
    when = (tr("earlier.saved", revision=revision.revision, time=time, author=revision.author)
            if revision.author.strip() else
            tr("earlier.saved_anonymous", revision=revision.revision, time=time))
    # its chart with alt text and table (the summary chart of a prose exercise is its table)
    drawn = chart_html(render(exercise, revision.data, tr.lang), tr.lang, title=title)
    if now is not None:
        drawn = (f'<div class="ek-side-by-side"><div><h5>{esc(tr("earlier.then", title=title))}'
                 f"</h5>{drawn}</div><div><h5>{esc(tr('earlier.now', title=now_title))}</h5>"
                 f"{now}</div></div>")
    return (f'<article class="ek-earlier-item"><h4>{esc(title)}</h4><p>{esc(when)}</p>'
            f"{drawn}</article>")
