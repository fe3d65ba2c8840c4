"""The facilitator's view: every team at once — progress per session and per exercise."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from ekokit.charts.answer_table import answer_table_html
from ekokit.content.exercises import SESSION_ORDER, Exercise, all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_time
from ekokit.model.progress import exercise_state
from ekokit.model.teams import listed_name
from ekokit.state.exercise import damage_of
from ekokit.store.database import Revision, Store
from ekokit.widgets.downloads import Downloads
from ekokit.widgets.shared_ecosystem import SharedEcosystem, projector_link
from ekokit.widgets.styles import styles_widget

esc = html.escape


def _cell(exercise: Exercise, revision: Revision | None) -> str:
    if revision is not None and damage_of(exercise, revision) is not None:
        return "damaged"  # flagged, never a failing page
    return exercise_state(exercise, revision.data if revision else None)


def progress_matrix(store: Store) -> dict[str, dict[str, str]]:
    """{team slug: {exercise id: "done" | "started" | "open" | "damaged"}} from the latest
    revisions ("damaged": the newest one cannot be read as an answer)."""
    latest = store.latest_all()
    exercises = all_exercises()
    return {
        team.slug: {exercise.id: _cell(exercise, latest.get((team.slug, exercise.id)))
                    for exercise in exercises}
        for team in store.teams()
    }


class FacilitatorView:
    def __init__(self, *, lang: str | None = None, store: Store | None = None,
                 served: bool = False) -> None:
        """``served``: in Voilà, whose template brings the kit's styles (else one widget does)."""
        self.tr = Translator(lang)
        self.store = store or Store()
        sessions = sorted({c.session for c in all_exercises()}, key=SESSION_ORDER.__getitem__)
        self.session = w.Dropdown(
            options=[(self.tr(f"facilitator.session_{s}"), s) for s in sessions],
            description=self.tr("facilitator.choose_session"),
            style={"description_width": "initial"},
        )
        self.session.add_class("ek-field-session")
        self.session.observe(lambda _c: self.refresh(), names="value")
        self.refresh_button = w.Button(description=self.tr("facilitator.refresh"),
                                       layout=w.Layout(width="auto"))
        self.refresh_button.add_class("ek-refresh")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.table = w.HTML("")
        self.table.add_class("ek-facilitator-table")
        self.exercise = w.Dropdown(description=self.tr("facilitator.choose_exercise"),
                                   style={"description_width": "initial"})
        self.exercise.add_class("ek-field-exercise")
        self.exercise.observe(lambda _c: self._show_answers(), names="value")
        self.answers = w.HTML("")
        self.answers.add_class("ek-facilitator-answers")
        header = w.HTML(f"<h1>{esc(self.tr('facilitator.title'))}</h1>"
                        f"<p>{esc(self.tr('facilitator.intro'))}</p>")
        styles = [] if served else [styles_widget()]
        self.ecosystem = SharedEcosystem(self.store, self.tr)
        self.widget = w.VBox([*styles, header, w.HBox([self.session, self.refresh_button]),
                              self.table,
                              w.HTML(f"<h2>{esc(self.tr('facilitator.answers_heading'))}</h2>"),
                              self.exercise, self.answers,
                              Downloads(self.store, self.tr).widget,
                              self.ecosystem.widget, projector_link(self.tr)])
        self.widget.add_class("ek-app")
        self.widget.add_class("ek-facilitator")
        self.refresh()

    def _repr_mimebundle_(self, **kwargs: Any):
        return self.widget._repr_mimebundle_(**kwargs)

    def refresh(self) -> None:
        tr = self.tr
        exercises = [c for c in all_exercises() if c.session == self.session.value]
        chosen = self.exercise.value
        self.exercise.options = [(c.title(tr.lang), c.id) for c in exercises]
        if chosen in {c.id for c in exercises}:
            self.exercise.value = chosen
        self._show_answers()
        self.ecosystem.refresh()
        matrix = progress_matrix(self.store)
        latest = self.store.latest_all()
        head = "".join(f'<th scope="col">{esc(c.title(tr.lang))}</th>' for c in exercises)
        rows = []
        for team in self.store.teams():
            states = matrix[team.slug]
            done = sum(states[c.id] == "done" for c in exercises)
            stamps = [latest[(team.slug, c.id)].created_at for c in exercises
                      if (team.slug, c.id) in latest]
            last = local_time(max(stamps)) if stamps else "—"
            cells = "".join(
                f'<td class="ek-state-{states[c.id]}">{esc(tr("progress." + states[c.id]))}</td>'
                for c in exercises
            )
            rows.append(
                f'<tr><th scope="row">{esc(listed_name(team, tr("team.example_mark")))}<br>'
                f"<small>{esc(team.phenomenon)}</small></th>"
                f"<td>{done}/{len(exercises)}</td><td>{esc(last)}</td>{cells}</tr>"
            )
        caption = esc(tr("facilitator.caption", teams=len(rows)))
        self.table.value = (
            f'<div class="ek-scroll"><table class="ek-matrix"><caption>{caption}</caption>'
            "<thead><tr>"
            f'<th scope="col">{esc(tr("facilitator.team"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.done"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.last_saved"))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )

    def _show_answers(self) -> None:
        """Every team's latest answer to the chosen exercise, side by side (escaped)."""
        chosen = self.exercise.value
        if not chosen:
            self.answers.value = ""
            return
        exercise = find_exercise(chosen)
        latest = self.store.latest_all()
        sections = []
        for team in self.store.teams():
            revision = latest.get((team.slug, chosen))
            if revision is None:
                body = f"<p>{esc(self.tr('progress.open'))}</p>"
            elif damage_of(exercise, revision) is not None:
                said = self.tr("facilitator.damaged", revision=revision.revision)
                body = f'<p class="ek-status-error">{esc(said)}</p>'
            else:
                body = answer_table_html(exercise, revision.data, self.tr.lang)
            name = listed_name(team, self.tr("team.example_mark"))
            sections.append(f'<section class="ek-team-answer"><h3>{esc(name)}</h3>{body}'
                            "</section>")
        self.answers.value = "".join(sections)
