"""Times and dates as Finnish users read them (Europe/Helsinki, d.m.yyyy)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

HELSINKI = ZoneInfo("Europe/Helsinki")


def local_time(iso: str) -> str:
    """"2023-10-09T06:15:02.123+00:00" → "9.10.2023 klo 9.15" style: d.m.yyyy HH:MM:SS."""
    if not iso:
        return ""
    try:
        moment = dt.datetime.fromisoformat(iso).astimezone(HELSINKI)
    except (ValueError, OverflowError):  # a time stored by something else: shown as it is
        return iso[:40]
    return f"{moment.day}.{moment.month}.{moment.year} {moment:%H:%M:%S}"


def local_date(day: dt.date) -> str:
    return f"{day.day}.{day.month}.{day.year}"
