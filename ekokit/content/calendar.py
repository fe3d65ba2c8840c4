"""The programme calendar (data/calendar.yaml): sessions, homework due dates, team meetings."""

from __future__ import annotations

import datetime as dt

import yaml
from pydantic import BaseModel, ConfigDict

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


class Calendar(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    programme: str
    timezone: str
    sessions: tuple[SessionDate, ...]
    homework: tuple[Homework, ...]

    def session(self, session_id: str) -> SessionDate:
        return next(s for s in self.sessions if s.id == session_id)

    def session_for(self, day: dt.date) -> SessionDate:
        """The session held on ``day``, else the next one, else the last one."""
        coming = [s for s in self.sessions if s.date >= day]
        return min(coming, key=lambda s: s.date) if coming else self.sessions[-1]

    def homework_after(self, session_id: str) -> Homework | None:
        return next((h for h in self.homework if h.after == session_id), None)


@data_cache
def calendar() -> Calendar:
    with (data_dir() / "calendar.yaml").open(encoding="utf-8") as fh:
        return Calendar.model_validate(yaml.safe_load(fh))
