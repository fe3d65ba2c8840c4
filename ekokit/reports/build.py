"""Building the report model from the store: one team's answers into sessions of answered
exercises and its harvest; every team's progress, harvest and shared actors (the data classes
are in :mod:`ekokit.reports.model`)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import OrderedDict
from collections.abc import Mapping
from typing import Any

from ekokit.charts import Chart, render
from ekokit.charts.harvest_summary import harvest_summary
from ekokit.content.calendar import calendar
from ekokit.content.exercises import Exercise, FieldSpec, all_exercises, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.content.vocab import vocabularies
from ekokit.model.fields import display_value, is_empty
from ekokit.model.harvest import (
    AFTER,
    BEFORE_MATURITY,
    VOCAB,
    before_after,
    linked_experiments,
    member_scores,
)
from ekokit.model.progress import exercise_state
from ekokit.model.teams import Team, shown_team
from ekokit.reports.model import (
    CHAIN_AFTER,
    CHAIN_BEFORE,
    CHAIN_FIELDS,
    OUTCOMES,
    STORIES,
    Cell,
    ChainRow,
    ExerciseReport,
    ExperimentRow,
    Harvest,
    MaturityRow,
    MemberRating,
    OutcomeRow,
    SessionReport,
    Story,
    Table,
    TeamReport,
)
from ekokit.store.database import Store


def _label(exercise: Exercise, lang: str, *path: str) -> str:
    try:
        return exercise.field_text(lang, *path).label
    except (KeyError, AttributeError):
        return path[-1].replace("_", " ").capitalize()


def _cell(item: FieldSpec, value: Any, lang: str) -> Cell:
    """A list row's cell: a number stays a number (the XLSX writes it as one), the rest is the
    field's display text."""
    if item.type == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    return _display(item, value, lang)


def _display(spec: FieldSpec, value: Any, lang: str) -> str:
    """The field's display text; a date as Finnish and Swedish readers write it (24.10.2023),
    ISO in English."""
    if spec.type == "date" and isinstance(value, str) and lang != "en":
        try:
            return local_date(dt.date.fromisoformat(value))
        except ValueError:
            pass
    return display_value(spec, value, lang)


def _columns(exercise: Exercise, spec: FieldSpec, lang: str) -> list[tuple[str, Any, bool]]:
    """A list field's columns: (header, how to read a row's cell, numeric). A ``scores`` item
    is a column per dimension of its vocabulary, each a number ("Kokeilukyky": 3)."""
    columns: list[tuple[str, Any, bool]] = []
    for item in spec.item:
        if item.type == "scores":
            for dim in vocabularies().get(item.vocab or "", ()):
                columns.append((Translator(lang).label(item.vocab or "", dim),
                                lambda row, i=item, d=dim: _score(row.get(i.name), d), True))
        else:
            columns.append((_label(exercise, lang, spec.name, item.name),
                            lambda row, i=item: _cell(i, row.get(i.name), lang),
                            item.type == "int"))
    return columns


def _score(scores: object, dim: str) -> Cell:
    value = scores.get(dim) if isinstance(scores, dict) else None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def _table(exercise: Exercise, spec: FieldSpec, rows: list[Any], lang: str) -> Table | None:
    columns = _columns(exercise, spec, lang)
    cells = [[read(row if isinstance(row, dict) else {}) for _, read, _ in columns]
             for row in rows]
    keep = [i for i in range(len(columns)) if any(row[i] not in ("", None) for row in cells)]
    rows_kept = tuple(tuple(row[i] for i in keep) for row in cells
                      if any(row[i] not in ("", None) for i in keep))
    if not rows_kept:
        return None
    headers = tuple(columns[i][0] for i in keep)
    numeric = frozenset(n for n, i in enumerate(keep) if columns[i][2])
    return Table(_label(exercise, lang, spec.name), headers, rows_kept, numeric)


def exercise_report(exercise: Exercise, data: Mapping[str, Any] | None, lang: str,
                    *, chart: bool = True) -> ExerciseReport | None:
    """The exercise as the report shows it; None when nothing in the answer is filled."""
    data = dict(data or {})
    answers: list[tuple[str, Cell]] = []
    tables: list[Table] = []
    for spec in exercise.spec.fields:
        value = data.get(spec.name)
        if is_empty(value):
            continue
        if spec.type == "list":
            table = _table(exercise, spec, value if isinstance(value, list) else [], lang)
            if table is not None:
                tables.append(table)
        elif spec.type == "int" and isinstance(value, int) and not isinstance(value, bool):
            answers.append((_label(exercise, lang, spec.name), value))  # a number stays one
        elif text := _display(spec, value, lang):
            answers.append((_label(exercise, lang, spec.name), text))
    if not answers and not tables:
        return None
    drawn = chart and exercise.spec.chart != "summary"
    return ExerciseReport(exercise.id, exercise.title(lang), exercise.session,
                          exercise.is_homework, exercise_state(exercise, data),
                          tuple(answers), tuple(tables),
                          (lambda: drawn_chart(exercise, data, lang)) if drawn else lambda: None)


_DRAWN: OrderedDict[tuple[str, str, str], Chart] = OrderedDict()
DRAWN_KEPT = 120  # charts kept in this process: two teams' reports, every exercise drawn


def forget_drawn_charts() -> None:
    """Drop the charts kept in this process (a benchmark times the first report)."""
    _DRAWN.clear()


def drawn_chart(exercise: Exercise, data: Mapping[str, Any], lang: str) -> Chart:
    """The exercise's chart for this answer, drawn once in this process: the same answers
    reported again (another format, a second download) reuse the figure and its PNGs."""
    key = (exercise.id, lang, json.dumps(data, sort_keys=True, default=str))
    chart = _DRAWN.get(key)
    if chart is None:
        chart = render(exercise, dict(data), lang)
        _DRAWN[key] = chart
        while len(_DRAWN) > DRAWN_KEPT:
            _DRAWN.popitem(last=False)
    else:
        _DRAWN.move_to_end(key)
    return chart


def _vocab(tr: Translator, vocab: str, value: object) -> str:
    return tr.label(vocab, str(value)) if isinstance(value, str) and value else ""


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _rows(data: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    value = data.get(name)
    return [r for r in value if isinstance(r, dict)] if isinstance(value, list) else []


def _key(text: str) -> str:
    return " ".join(text.casefold().split())


ACTOR_MAP = "s1_actor_map"


def harvest(answers: Mapping[str, dict[str, Any]], lang: str) -> Harvest:
    """The harvest comparison from a team's latest answers ({exercise id: data})."""
    tr = Translator(lang)
    compared = before_after(answers)
    rated = compared.maturity_before.keys() | compared.maturity_after.keys()
    dims = [d for d in vocabularies().get(VOCAB, ()) if d in rated]
    dims += sorted(rated - set(dims))
    maturity = tuple(MaturityRow(tr.label(VOCAB, d),
                                 compared.maturity_before.get(d), compared.maturity_after.get(d))
                     for d in dims)

    before, after = answers.get(CHAIN_BEFORE) or {}, answers.get(CHAIN_AFTER) or {}
    chain_card = find_exercise(CHAIN_AFTER)
    chain = []
    for name in CHAIN_FIELDS:
        was = tuple(_text(x) for x in before.get(name) or [] if _text(x))
        now = tuple(_text(x) for x in after.get(name) or [] if _text(x))
        if was or now:
            chain.append(ChainRow(_label(chain_card, tr.lang, name), was, now))

    experiments = [ExperimentRow(
        linked.code, linked.name, _text(linked.planned.get("owner")),
        _vocab(tr, "experiment_phase", linked.planned.get("phase")),
        _vocab(tr, "experiment_decision", linked.planned.get("decision")),
        _vocab(tr, "experiment_decision", linked.harvested.get("decision")))
        for linked in linked_experiments(answers)]

    outcomes = tuple(
        OutcomeRow(_text(r.get("statement")), _text(r.get("social_actor")),
                   _vocab(tr, "change_type", r.get("change_type")),
                   _vocab(tr, "significance", r.get("significance")))
        for r in _rows(answers.get(OUTCOMES) or {}, "outcomes") if _text(r.get("statement")))

    msc = answers.get(STORIES) or {}
    chosen, reason = _text(msc.get("selected_story")), _text(msc.get("selection_reason"))
    story = None
    if chosen or reason:
        found = next((r for r in _rows(msc, "stories") if _key(_text(r.get("title")))
                      == _key(chosen)), {})
        story = Story(chosen, _text(found.get("teller")), _text(found.get("what_changed")),
                      _text(found.get("why_significant")), reason)

    return Harvest(maturity,
                   _vocab(tr, "lifecycle_phase", compared.phase_before),
                   _vocab(tr, "lifecycle_phase", compared.phase_after),
                   tuple(chain), tuple(experiments), outcomes, story,
                   _members(answers, tr))


def _members(answers: Mapping[str, dict[str, Any]], tr: Translator) -> tuple[MemberRating, ...]:
    """Every member's ratings in Session 1 and Session 4, dimensions as labels."""
    out = []
    for session, exercise in (("1", BEFORE_MATURITY), ("4", AFTER)):
        for rating in _rows(answers.get(exercise) or {}, "ratings"):
            scores = member_scores(rating)
            order = [d for d in vocabularies().get(VOCAB, ()) if d in scores]
            order += sorted(set(scores) - set(order))
            if _text(rating.get("member")) and scores:
                out.append(MemberRating(session, _text(rating.get("member")), tuple(
                    (tr.label(VOCAB, d), scores[d]) for d in order)))
    return tuple(out)


def session_ids() -> tuple[str, ...]:
    return tuple(s.id for s in calendar().sessions)


def _session_of(exercise: Exercise) -> str:
    return exercise.session.removeprefix("h")


def build_team_report(team: Team, answers: Mapping[str, dict[str, Any]], lang: str, *,
                      charts: bool = True, today: dt.date | None = None) -> TeamReport:
    """A team's report from its latest answers ({exercise id: data})."""
    tr = Translator(lang)
    exercises = all_exercises()

    def summary() -> Chart | None:
        if not charts:
            return None
        key = ("harvest_summary", tr.lang, json.dumps(answers, sort_keys=True, default=str))
        if key not in _DRAWN:
            _DRAWN[key] = harvest_summary(answers, tr.lang)
        return _DRAWN[key]

    sessions = []
    for sid in session_ids():
        answered, missing, order = [], [], []
        for exercise in (e for e in exercises if _session_of(e) == sid):
            order.append((exercise.id, exercise.title(tr.lang)))
            part = exercise_report(exercise, answers.get(exercise.id), tr.lang, chart=charts)
            if part is None:
                missing.append(exercise.title(tr.lang))
            elif exercise.id == AFTER and charts:
                # "Before and after" in a report is the comparison itself: Session 1 and
                # Session 4 in one figure, not Session 4's radar alone
                answered.append(dataclasses.replace(part, draw=summary))
            else:
                answered.append(part)
        sessions.append(SessionReport(sid, tr(f"session.title_{sid}"), tuple(answered),
                                      tuple(missing), tuple(order)))
    return TeamReport(tr.lang, team, today or dt.date.today(), tuple(sessions),
                      harvest(answers, tr.lang), len(exercises), summary)


def team_report(store: Store, slug: str, lang: str, *, charts: bool = True) -> TeamReport:
    """The report of the team ``slug`` (UnknownTeam if there is none); of a demo team, the demo
    team in the report's language."""
    slug = shown_team(slug, Translator(lang).lang)
    team = store.get_team(slug)
    return build_team_report(team, store.latest_answers(slug), lang, charts=charts)
