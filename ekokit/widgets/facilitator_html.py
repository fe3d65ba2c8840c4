"""The facilitator view's parts as HTML, every user's text escaped: the progress table of a
session, who is here now, and every team's answer to one exercise side by side."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ekokit.charts.answer_table import answer_table_html
from ekokit.content.exercises import Exercise, find_exercise
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_time
from ekokit.errors import UnknownExercise
from ekokit.model.progress import Tally
from ekokit.model.teams import Team, listed_name
from ekokit.state.overview import TeamAnswer, TeamProgress

esc = html.escape


def _tally(tally: Tally) -> str:
    return f"{tally.done}/{tally.total}" if tally.total else "—"


def progress_html(rows: Sequence[TeamProgress], exercises: Sequence[Exercise],
                  tr: Translator) -> str:
    """A row per team: the session's own exercises and its homework done (counted apart), the
    newest save, and each exercise's state."""
    head = "".join(f'<th scope="col">{esc(e.title(tr.lang))}'
                   + (f"<br><small>{esc(tr('facilitator.homework_mark'))}</small>"
                      if e.is_homework else "") + "</th>" for e in exercises)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="ek-state-{row.cells[e.id]}">{esc(tr("progress." + row.cells[e.id]))}'
            "</td>" for e in exercises)
        last = local_time(row.last_saved) if row.last_saved else "—"
        body.append(
            f'<tr><th scope="row">{esc(listed_name(row.team, tr("team.example_mark")))}<br>'
            f"<small>{esc(row.team.phenomenon)}</small></th>"
            f'<td class="ek-count-session">{_tally(row.session)}</td>'
            f'<td class="ek-count-homework">{_tally(row.homework)}</td>'
            f"<td>{esc(last)}</td>{cells}</tr>")
    caption = esc(tr("facilitator.caption", teams=len(rows)))
    return (f'<div class="ek-scroll"><table class="ek-matrix"><caption>{caption}</caption>'
            "<thead><tr>"
            f'<th scope="col">{esc(tr("facilitator.team"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.session_done"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.homework_done"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.last_saved"))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table></div>")


def presence_html(here: dict[str, tuple[str, ...]], teams: Sequence[Team],
                  tr: Translator) -> str:
    """Which teams have a page open now, and which exercises they are in."""
    names = {t.slug: listed_name(t, tr("team.example_mark")) for t in teams}
    present = [slug for slug in names if slug in here]
    said = tr("facilitator.here_count", here=len(present), teams=len(names))
    if not present:
        return (f"<h2>{esc(tr('facilitator.here_heading'))}</h2>"
                f'<p class="ek-here-none">{esc(tr("facilitator.here_none"))}</p>')
    rows = []
    for slug in present:
        titles = [_title(i, tr) for i in here[slug]] or [tr("facilitator.here_no_exercise")]
        rows.append(f'<tr><th scope="row">{esc(names[slug])}</th>'
                    f"<td>{esc(', '.join(titles))}</td></tr>")
    return (f"<h2>{esc(tr('facilitator.here_heading'))}</h2>"
            f'<table class="ek-here"><caption>{esc(said)}</caption><thead><tr>'
            f'<th scope="col">{esc(tr("facilitator.team"))}</th>'
            f'<th scope="col">{esc(tr("facilitator.here_exercise"))}</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def _title(exercise_id: str, tr: Translator) -> str:
    try:
        return find_exercise(exercise_id).title(tr.lang)
    except UnknownExercise:  # an exercise of another kit version: its id as it is
        return exercise_id


def answers_html(answers: Sequence[TeamAnswer], tr: Translator) -> str:
    """Every team's latest answer to one exercise, side by side (escaped)."""
    sections = []
    for answer in answers:
        revision = answer.revision
        if revision is None:
            body = f"<p>{esc(tr('progress.open'))}</p>"
        elif answer.damaged:
            said = tr("facilitator.damaged", revision=revision.revision)
            body = f'<p class="ek-status-error">{esc(said)}</p>'
        else:
            body = answer_table_html(answer.exercise, revision.data, tr.lang)
        name = listed_name(answer.team, tr("team.example_mark"))
        sections.append(f'<section class="ek-team-answer"><h3>{esc(name)}</h3>{body}'
                        "</section>")
    return f'<div class="ek-answers-grid">{"".join(sections)}</div>'
