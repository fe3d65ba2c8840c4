"""The programme calendar (data/calendar.yaml): sessions, homework due dates, team meetings."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from ekokit.content import yamlfile
from ekokit.paths import data_cache, data_dir


class SessionDate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    date: dt.date
    start: str
    end: str
    notebook: str


class Homework(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    after: str
    due: dt.date
    team_meeting_by: dt.date


EMAIL = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"  # one address, nothing a page could run


class Calendar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programme: str
    timezone: str
    sessions: tuple[SessionDate, ...]
    homework: tuple[Homework, ...]
    # where participants send accessibility feedback (the accessibility statement shows it)
    feedback_email: str | None = Field(default=None, pattern=EMAIL)

    def session(self, session_id: str) -> SessionDate:
        return next(s for s in self.sessions if s.id == session_id)

    def session_for(self, day: dt.date) -> SessionDate:
        """The session held on ``day``, else the next one, else the last one."""
        coming = [s for s in self.sessions if s.date >= day]
        return min(coming, key=lambda s: s.date) if coming else self.sessions[-1]

    def homework_after(self, session_id: str) -> Homework | None:
        return next((h for h in self.homework if h.after == session_id), None)


CALENDAR_ENV = "EKOKIT_CALENDAR"  # another round's calendar file (``ekokit --calendar FILE``)


def calendar_path() -> Path:
    """``EKOKIT_CALENDAR`` if set, else data/calendar.yaml (the kit's own round)."""
    chosen = os.environ.get(CALENDAR_ENV)
    return Path(chosen).expanduser() if chosen else data_dir() / "calendar.yaml"


@data_cache
def calendar() -> Calendar:
    with calendar_path().open(encoding="utf-8") as fh:
        return Calendar.model_validate(yamlfile.load(fh))


def new_round(template: Calendar, first_session: dt.date, programme: str) -> Calendar:
    """The same programme starting on another day: every session and due date keeps its
    distance in days from the first session, so weekdays and gaps stay as the template has them.
    """
    shift = first_session - min(s.date for s in template.sessions)
    return template.model_copy(update={
        "programme": programme,
        "sessions": tuple(s.model_copy(update={"date": s.date + shift})
                          for s in template.sessions),
        "homework": tuple(h.model_copy(update={"due": h.due + shift,
                                               "team_meeting_by": h.team_meeting_by + shift})
                          for h in template.homework),
    })


def as_yaml(cal: Calendar) -> str:
    """A calendar file as people edit it: one line per session and homework."""
    lines = [f"programme: {cal.programme}", f"timezone: {cal.timezone}"]
    if cal.feedback_email:
        lines.append(f"feedback_email: {cal.feedback_email}")
    lines.append("sessions:")
    lines += [f'  - {{id: "{s.id}", date: {s.date}, start: "{s.start}", end: "{s.end}", '
              f"notebook: {s.notebook}}}" for s in cal.sessions]
    lines.append("homework:")
    lines += [f'  - {{id: {h.id}, after: "{h.after}", due: {h.due}, '
              f"team_meeting_by: {h.team_meeting_by}}}" for h in cal.homework]
    return "\n".join(lines) + "\n"


def programme_lines(cal: Calendar, lang: str) -> list[str]:
    """The programme as people read it (``ekokit calendar``): the round and its file, then each
    session's title, date, times and notebook, and each homework's due dates."""
    from ekokit.content.i18n import Translator
    from ekokit.content.timefmt import local_date

    tr = Translator(lang)
    lines = [f"{cal.programme} ({calendar_path()})"]
    for session in cal.sessions:
        when = tr("session.when", date=local_date(session.date), start=session.start,
                  end=session.end)
        lines += [tr("session.title_" + session.id), f"  {when} · {session.notebook}"]
        homework = cal.homework_after(session.id)
        if homework:
            due = tr("progress.homework_due", due=local_date(homework.due),
                     meeting=local_date(homework.team_meeting_by))
            lines += [tr("facilitator.session_" + homework.id), f"  {due}"]
    return lines
