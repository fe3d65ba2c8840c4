"""``ekokit calendar new``: another round of the programme keeps every date's distance from the
first session (sessions, homework due dates and the team meetings before them)."""

from __future__ import annotations

import datetime as dt

from ekokit.content import yamlfile
from ekokit.content.calendar import Calendar, Homework, as_yaml, calendar, new_round

FIRST = dt.date(2027, 1, 18)


def test_a_new_round_moves_every_date_by_the_same_days():
    template = calendar()
    shift = FIRST - min(s.date for s in template.sessions)
    moved = new_round(template, FIRST, "kierros-2027")
    assert moved.programme == "kierros-2027" and moved.timezone == template.timezone
    assert [s.date - shift for s in moved.sessions] == [s.date for s in template.sessions]
    assert [(h.due - shift, h.team_meeting_by - shift) for h in moved.homework] == [
        (h.due, h.team_meeting_by) for h in template.homework]
    assert all(h.team_meeting_by <= h.due for h in moved.homework)


def test_a_team_meeting_before_its_due_date_moves_with_it():
    """A round where the team meets days before the homework is due (the kit's own calendar has
    both on one day): the meeting moves as the due date does, and the file says so."""
    template = calendar()
    first = template.homework[0]
    early = Homework(id=first.id, after=first.after, due=first.due,
                     team_meeting_by=first.due - dt.timedelta(days=4))
    template = template.model_copy(update={"homework": (early, *template.homework[1:])})
    moved = new_round(template, FIRST, "kierros-2027")
    shift = FIRST - template.sessions[0].date
    assert moved.homework[0].due == early.due + shift
    assert moved.homework[0].team_meeting_by == early.team_meeting_by + shift
    assert moved.homework[0].due - moved.homework[0].team_meeting_by == dt.timedelta(days=4)
    again = Calendar.model_validate(yamlfile.load(as_yaml(moved)))
    assert again == moved
