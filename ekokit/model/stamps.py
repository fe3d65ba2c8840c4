"""Times as the kit stores them: ISO-8601 with a time zone ("2023-10-09T06:15:02.123+00:00"),
never before the kit's era and never in the future (a day's slack for clocks and zones). An
import that carries "not-a-date" or the year 9999 is refused; the text of a good time is kept
exactly as given, so an export round-trips."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
SLACK = dt.timedelta(days=1)
MAX_LENGTH = 40


def check_stamp(value: str, *, now: dt.datetime | None = None) -> str:
    """``value`` if it is a stored time the kit accepts; else a pydantic error ``ekokit_time``."""
    try:
        if len(value) > MAX_LENGTH:
            raise ValueError(value)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = None
    latest = (now or dt.datetime.now(dt.UTC)) + SLACK
    if moment is None or moment.utcoffset() is None or not EARLIEST <= moment <= latest:
        raise PydanticCustomError(
            "ekokit_time", "an ISO-8601 time with a time zone, from {earliest} to {latest}",
            {"earliest": EARLIEST.date().isoformat(), "latest": latest.date().isoformat()})
    return value


Stamp = Annotated[str, AfterValidator(check_stamp)]


def moment(value: str) -> dt.datetime:
    """A checked stamp as a time to compare (stamps in different zones compare rightly)."""
    return dt.datetime.fromisoformat(value)
