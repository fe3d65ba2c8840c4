"""``meetings`` (h1/h2/h3_team_meeting): the team's meetings on a timeline, with the first
decision of each when there is room; the table holds everything."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    Chart,
    as_date,
    clean,
    date_text,
    figure,
    gist,
    msg,
    no_data,
    register,
    tex,
    wrap,
)
from ekokit.content.exercises import Exercise

LEVELS = (0.45, -0.45, 0.95, -0.95)
ROOM = 6  # up to this many meetings show a decision excerpt beside the date


def _draw(dated: list[tuple[dt.date, dict]], lang: str):
    fig = figure((6.0, 3.6))
    ax = fig.add_subplot()
    ax.axis("off")
    first, last = dated[0][0].toordinal(), dated[-1][0].toordinal()
    pad = max(4, (last - first) * 0.12)
    room = 1.65 if len(dated) <= ROOM else 1.2
    ax.set(xlim=(first - pad, last + pad), ylim=(-room, room))
    ax.annotate("", xy=(last + pad, 0), xytext=(first - pad, 0), arrowprops={
        "arrowstyle": "-|>", "color": GREY, "lw": 1.5, "mutation_scale": 14})
    for i, (day, meeting) in enumerate(dated):
        x, y = day.toordinal(), LEVELS[i % len(LEVELS)]
        ax.plot([x, x], [0, y * 0.96], color=GREY, lw=1)
        ax.plot(x, 0, marker="o", ms=10, color=BLUE, mec=BLACK, ls="none", zorder=3)
        ax.text(x, y, date_text(day, lang), ha="center", va="bottom" if y > 0 else "top",
                fontsize=FONT, weight="bold")
        if len(dated) <= ROOM and clean(meeting.get("decisions")):
            ax.text(x, y + (0.19 if y > 0 else -0.19), tex(wrap(meeting["decisions"], 20, 3)),
                    ha="center", va="bottom" if y > 0 else "top", fontsize=FONT,
                    linespacing=1.1)
    return fig


@register("meetings", reads=(
    "meetings", "meetings.date", "meetings.participants", "meetings.decisions",
    "meetings.open_questions",
))
def meetings(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    rows = [r for r in (answer or {}).get("meetings") or [] if isinstance(r, dict)
            and any(clean(r.get(k)) for k in ("date", "participants", "decisions"))]
    if not rows:
        return no_data(lang)
    rows.sort(key=lambda r: as_date(r.get("date")) or dt.date.max)
    table = pd.DataFrame(
        [(date_text(as_date(r.get("date")), lang, msg("meetings.no_date", lang)),
          clean(r.get("participants")),
          str(r.get("decisions") or "").strip(), str(r.get("open_questions") or "").strip())
         for r in rows],
        columns=[msg(f"meetings.{k}", lang)
                 for k in ("col_date", "col_participants", "col_decisions", "col_open")],
        dtype=object)
    dated = [(day, r) for r in rows if (day := as_date(r.get("date")))]
    if not dated:
        return Chart(None, msg("meetings.alt_count", lang, count=len(rows)), table)
    alt = msg("meetings.alt", lang, count=len(rows), first=date_text(dated[0][0], lang),
              last=date_text(dated[-1][0], lang))
    latest = dated[-1][1]
    if clean(latest.get("decisions")):
        alt += " " + msg("meetings.alt_latest", lang, date=date_text(dated[-1][0], lang),
                         decisions=gist(latest["decisions"]))
    return Chart(_draw(dated, lang), alt, table)
