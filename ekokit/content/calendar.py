"""The programme calendar (data/calendar.yaml): sessions, homework due dates, team meetings.

A facilitator edits this file for each round (``ekokit calendar new`` makes one), so it is read as
outside input: as UTF-8, by YAML's safe rules, then against a schema (real dates, times of day
``HH:MM`` with the end after the start, a time zone the machine knows, unique ids, homework after
a session of the calendar, notebooks named ``NN_name.ipynb`` without a folder). Every problem is
one line naming where it is; a bad file raises :class:`~ekokit.errors.CalendarError` with them
all, never a traceback. (Whether each named notebook is written yet is ``ekokit validate``'s.)"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ekokit.content import yamlfile
from ekokit.errors import CalendarError
from ekokit.paths import data_cache, data_dir

Problem = tuple[str, str, dict[str, Any]]  # where in the file, message key, its params

NOTEBOOK_NAME = r"^[0-9]{2}_[a-z0-9_]+\.ipynb$"  # a file in notebooks/, no folder
MAX_CALENDAR_BYTES = 256 * 1024  # a calendar is a few hundred bytes


def _time_of_day(value: str) -> str:
    try:
        dt.time.fromisoformat(value)
    except ValueError:
        raise PydanticCustomError("time_of_day", "a time of day HH:MM") from None
    if len(value) != 5:
        raise PydanticCustomError("time_of_day", "a time of day HH:MM")
    return value


def _time_zone(value: str) -> str:
    if value not in zoneinfo.available_timezones():
        raise PydanticCustomError("time_zone", "a time zone name such as Europe/Helsinki")
    return value


TimeOfDay = Annotated[str, AfterValidator(_time_of_day)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9]{1,16}$")]


class SessionDate(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Id
    date: dt.date
    start: TimeOfDay
    end: TimeOfDay
    notebook: Annotated[str, Field(pattern=NOTEBOOK_NAME)]

    @model_validator(mode="after")
    def _ends_after_it_starts(self) -> SessionDate:
        if self.end <= self.start:
            raise PydanticCustomError("ends_before_start", "ends before it starts",
                                      {"start": self.start, "end": self.end})
        return self


class Homework(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Id
    after: Id
    due: dt.date
    team_meeting_by: dt.date


EMAIL = r"^[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\"]+$"  # one address, nothing a page could run


class Calendar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programme: Annotated[str, Field(min_length=1, max_length=120)]
    timezone: Annotated[str, AfterValidator(_time_zone)]
    sessions: Annotated[tuple[SessionDate, ...], Field(max_length=20)]
    homework: Annotated[tuple[Homework, ...], Field(max_length=20)]
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

    def problems(self) -> list[Problem]:
        """What the fields' own checks cannot see: ids used twice, homework after a session
        the calendar does not have or due before it, no session at all."""
        problems: list[Problem] = []
        if not self.sessions:
            problems.append(("sessions", "calendar.no_sessions", {}))
        for kind, ids in (("sessions", [s.id for s in self.sessions]),
                          ("homework", [h.id for h in self.homework])):
            for twice in sorted({i for i in ids if ids.count(i) > 1}):
                problems.append((kind, "calendar.id_twice", {"id": twice}))
        dates = {s.id: s.date for s in self.sessions}
        for index, work in enumerate(self.homework):
            if work.after not in dates:
                problems.append((f"homework.{index}.after", "calendar.no_such_session",
                                 {"id": work.after}))
            elif work.due < dates[work.after]:
                problems.append((f"homework.{index}.due", "calendar.due_before_session",
                                 {"due": work.due.isoformat(),
                                  "session": dates[work.after].isoformat()}))
        return problems


CALENDAR_ENV = "EKOKIT_CALENDAR"  # another round's calendar file (``ekokit --calendar FILE``)


_chosen: Path | None = None  # ekokit --calendar FILE (this process)


def use_calendar(path: Path | None) -> None:
    """Read another round's calendar from ``path`` in this process (None: as before it). The
    caller empties the data caches (:func:`ekokit.paths.clear_data_caches`); a server gives its
    kernels the file through their environment (``EKOKIT_CALENDAR``)."""
    global _chosen
    _chosen = path


def chosen_calendar() -> Path | None:
    """Another round's calendar file, when one is chosen (:func:`use_calendar`, else
    ``EKOKIT_CALENDAR``)."""
    if _chosen is not None:
        return _chosen
    chosen = os.environ.get(CALENDAR_ENV)
    return Path(chosen).expanduser() if chosen else None


def calendar_path() -> Path:
    """The chosen calendar (:func:`chosen_calendar`), else data/calendar.yaml (the kit's own)."""
    return chosen_calendar() or data_dir() / "calendar.yaml"


@data_cache
def calendar() -> Calendar:
    return read_calendar(calendar_path())


def read_calendar(path: Path) -> Calendar:
    """The calendar in ``path``, or :class:`CalendarError` with one line per problem."""
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_CALENDAR_BYTES + 1)
    except OSError as exc:
        raise CalendarError(str(path), path=str(path), problems=(
            ("", "calendar.not_read", {"detail": exc.strerror or str(exc)}),)) from None
    return parse_calendar(data, str(path))


def parse_calendar(data: bytes, where: str = "calendar.yaml") -> Calendar:
    """A calendar from a file's bytes (see the module for what is checked)."""
    def refuse(*problems: Problem) -> CalendarError:
        return CalendarError(where, path=where, problems=problems)

    if len(data) > MAX_CALENDAR_BYTES:
        raise refuse(("", "calendar.too_big", {"limit": MAX_CALENDAR_BYTES // 1024}))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise refuse(("", "calendar.not_utf8", {"byte": exc.start + 1})) from None
    try:
        raw: Any = yamlfile.load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else 1
        raise refuse(("", "calendar.yaml", {"line": line, "detail": str(exc.problem or exc)})
                     ) from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:  # e.g. the date 2023-02-30
        raise refuse(("", "calendar.not_read", {"detail": " ".join(str(exc).split())[:200]})
                     ) from None
    try:
        cal = Calendar.model_validate(raw)
    except ValidationError as exc:
        raise refuse(*(_problem(error) for error in exc.errors())) from None
    problems = cal.problems()
    if problems:
        raise refuse(*problems)
    return cal


_KEYS = {"time_of_day": "calendar.time_of_day", "time_zone": "calendar.time_zone",
         "ends_before_start": "calendar.ends_before_start", "missing": "calendar.missing",
         "extra_forbidden": "calendar.unknown_key", "date_from_datetime_parsing": "calendar.date",
         "date_parsing": "calendar.date", "date_type": "calendar.date"}


def _problem(error: Any) -> Problem:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] == "string_pattern_mismatch" and where.endswith("notebook"):
        key = "calendar.notebook"
    else:
        key = _KEYS.get(error["type"], "calendar.invalid")
    given = error.get("input")
    params = {"given": str(given)[:60] if isinstance(given, str | int | float | dt.date) else "",
              **(error.get("ctx") or {})}
    return (where, key, {k: str(v) for k, v in params.items()})



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


def problem_lines(problems: tuple[Problem, ...], lang: str) -> list[str]:
    """A calendar's problems in ``lang``, one line each: where in the file, then what is wrong."""
    from ekokit.content.i18n import t

    return [t("calendar.where", lang, where=where, problem=t(key, lang, **params)) if where
            else t(key, lang, **params) for where, key, params in problems]
