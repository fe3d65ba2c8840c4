"""Two backcasting timelines sharing one drawing: ``backcasting_timeline`` (s2_backcasting) and
``preferred_future_timeline`` (h2_preferred_future). Time runs down a vertical line from the vision
year at the top back to today at the bottom; milestones sit at their years (labels stacked so
that none covers another), the actions or first steps in a second column beside the milestone
they serve (unlinked ones by today)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    ORANGE,
    Chart,
    clean,
    figure,
    gist,
    listing,
    msg,
    no_data,
    register,
    rows,
    shorten,
    tex,
    wrap,
)
from ekokit.content.exercises import Exercise

LINES = 22.0  # the drawing's height in 10 pt lines
MOST_LINES = 44.0  # and the most it grows to when its texts need the room
LINE_INCH = 4.0 / LINES  # inches a line takes (the legend takes the rest of 4.6 in)
YEAR = re.compile(r"\b(20\d\d)\b")


@dataclass
class Plan:
    """What a timeline shows; every text already clean, every label from the catalogue."""

    vision_year: int | None
    vision: str
    milestones: list[tuple[int, str]]  # (year, text), latest first
    actions: list[tuple[int | None, str]]  # (index of the milestone it serves or None, text)
    labels: dict[str, str] = field(default_factory=dict)  # vision, now, milestone, action, head


def _stack(wanted: list[float], heights: list[float], gap: float, top: float,
           floor: float = 0.0) -> list[float]:
    """Tops of labels near ``wanted`` (given high to low, in lines) that do not overlap: each
    starts below the previous one's bottom; pushed up again if the last falls under 0."""
    tops: list[float] = []
    for want, h in zip(wanted, heights, strict=False):
        y = min(want + h / 2, top)
        if tops:
            y = min(y, tops[-1] - heights[len(tops) - 1] - gap)
        tops.append(y)
    if tops and tops[-1] - heights[-1] < floor:
        lift = floor - (tops[-1] - heights[-1])
        tops = [t + lift for t in tops]
        for i in range(len(tops) - 1):  # lifting must not push any label over the top
            tops[i] = min(tops[i], top)
    if any(low - h - gap < high - 1e-9 for low, h, high
           in zip(tops, heights, tops[1:], strict=False)):  # clamped into each other: one
        tops = [top - sum(heights[:i]) - gap * i for i in range(len(tops))]  # under another
    return tops


def _texts(items: list[str], width: int, room: float) -> list[str]:
    """As many lines each (up to five) as fit in ``room`` lines, else one: a text is cut ("…")
    only when the tallest drawing has no room for it."""
    for lines in (5, 4, 3, 2):
        out = [wrap(t, width, lines) for t in items]
        if _height(out) <= room:
            return out
    return [shorten(t, width + 2) for t in items]


def _height(texts: list[str]) -> float:
    """Lines a column of ``texts`` takes with the gaps between them."""
    return sum(t.count("\n") + 1 for t in texts) + 0.35 * len(texts)


def draw_timeline(plan: Plan, today: int):
    years = [y for y, _ in plan.milestones] + ([plan.vision_year] if plan.vision_year else [])
    low, high = min([*years, today]), max([*years, today])
    vision = wrap(f"{plan.labels['vision']}: {plan.vision}", 62, 8)
    head = vision.count("\n") + 0.6  # the vision's lines sit above the columns
    # the drawing grows (from LINES to MOST_LINES) when the columns need the room
    most = MOST_LINES - head - 1.5
    need = max(_height(_texts([t for _, t in plan.milestones], 27, most)),
               _height(_texts([t for _, t in plan.actions], 28, most)) + 1.3 if plan.actions
               else 0.0)
    rows = min(MOST_LINES, max(LINES, 1.2 * need + head + 2.5))  # slack: labels stack by years
    fig = figure((6.4, 4.6 + (rows - LINES) * LINE_INCH))
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set(xlim=(0, 1), ylim=(-0.5, rows))
    top = rows - head

    def at(year: int) -> float:
        return 0.5 + (top - 1.5) * (year - low) / max(high - low, 1)

    ax.plot([0.1, 0.1], [at(low) - 0.4, at(high)], color=GREY, lw=2, zorder=1)
    for year in sorted({*years, today}):
        ax.plot([0.09, 0.11], [at(year)] * 2, color=GREY, lw=1)
    # year labels left of the line, stacked like the other labels
    marks = sorted({*years, today}, reverse=True)
    marked = [f"{y} {plan.labels['now']}" if y == today else str(y) for y in marks]
    heights = _stack([at(y) for y in marks], [1.0] * len(marks), 0.1, top)
    for text, y in zip(marked, heights, strict=False):
        ax.text(0.065, y - 0.5, text, ha="right", va="center", fontsize=FONT)
    if plan.vision_year:
        ax.plot(0.1, at(plan.vision_year), marker="*", ms=18, color=ORANGE, mec=BLACK, zorder=5)
        ax.plot([0.1, 0.13], [at(plan.vision_year), rows - 1.1], color=GREY, lw=0.7)
    ax.text(0.14, rows - 0.1, tex(vision), ha="left", va="top", fontsize=FONT, weight="bold",
            linespacing=1.0)
    ax.plot([0.075, 0.125], [at(today)] * 2, color=BLACK, lw=3.5, zorder=4)
    # milestones: one column
    texts = _texts([t for _, t in plan.milestones], 27, top)
    heights = [t.count("\n") + 1 for t in texts]
    tops = _stack([at(y) for y, _ in plan.milestones], heights, 0.35, top)
    anchor = []
    for (year, _), text, y, h in zip(plan.milestones, texts, tops, heights, strict=False):
        ax.plot(0.1, at(year), marker="D", ms=8, color=BLUE, mec=BLACK, zorder=3)
        ax.plot([0.1, 0.135], [at(year), y - h / 2], color=GREY, lw=0.7, zorder=2)
        ax.text(0.14, y, tex(text), ha="left", va="top", fontsize=FONT, linespacing=1.0)
        anchor.append(y - h / 2)
    # actions: the second column, beside the milestone they serve, the rest by today
    if plan.actions:
        ax.text(0.61, top, plan.labels["head"], ha="left", va="top", fontsize=FONT,
                weight="bold")

        def beside(i: int) -> float:  # the label of the milestone action i serves, or today
            k = plan.actions[i][0]
            return anchor[k] if k is not None else at(today)

        order = sorted(range(len(plan.actions)), key=lambda i: -beside(i))
        room = top - 1.5
        texts = _texts([plan.actions[i][1] for i in order], 28, room)
        heights = [t.count("\n") + 1 for t in texts]
        hidden = 0
        while len(order) > 1 and sum(heights) + 0.25 * len(heights) > room - (1.25 if hidden
                                                                                 else 0):
            order, texts, heights = order[:-1], texts[:-1], heights[:-1]
            hidden += 1
        if hidden:
            ax.text(0.61, -0.3, plan.labels["more"].format(count=hidden), ha="left",
                    va="bottom", fontsize=FONT, style="italic", color=GREY)
        wanted = [beside(i) for i in order]
        tops = _stack(wanted, heights, 0.25, top - 1.3, floor=1.2 if hidden else 0.0)
        for i, text, y, h, want in zip(order, texts, tops, heights, wanted, strict=False):
            linked = plan.actions[i][0] is not None
            ax.plot([0.585, 0.6] if linked else [0.6], [want, y - h / 2] if linked
                    else [y - h / 2], color=GREY, lw=0.9,
                    marker=None if linked else "o", ms=4)
            ax.text(0.61, y, tex(text), ha="left", va="top", fontsize=FONT, linespacing=1.0)
    handles = [Line2D([], [], marker="*", color=ORANGE, mec=BLACK, ms=13, ls="none",
                      label=plan.labels["vision_key"]),
               Line2D([], [], marker="D", color=BLUE, mec=BLACK, ms=8, ls="none",
                      label=plan.labels["milestone"]),
               Line2D([], [], color=BLACK, lw=3.5, label=plan.labels["today"])]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=FONT,
               frameon=False)
    return fig


def _labels(name: str, lang: str) -> dict[str, str]:
    keys = ("vision", "vision_key", "now", "today", "milestone", "head", "more")
    return {k: msg(f"{name}.{k}", lang) for k in keys}


def _milestones(answer: dict[str, Any]) -> list[tuple[int, str]]:
    out = [(m["year"], clean(m.get("milestone"))) for m in rows(answer, "milestones")
           if isinstance(m.get("year"), int) and clean(m.get("milestone"))]
    return sorted(out, key=lambda m: -m[0])


def _serves(text: object, milestones: list[tuple[int, str]]) -> int | None:
    """The milestone an action names: the same text, or else the same year."""
    key = clean(text).casefold()
    if not key:
        return None
    for i, (_, m) in enumerate(milestones):
        if m.casefold() == key:
            return i
    found = YEAR.search(key)
    if found:
        return next((i for i, (y, _) in enumerate(milestones) if y == int(found.group(1))), None)
    return None


def _sentence(text: str) -> str:
    return text if text[-1:] in ".!?…" else f"{text}."


def _year(answer: dict[str, Any], key: str) -> int | None:
    return answer.get(key) if isinstance(answer.get(key), int) else None


Action = tuple[int | None, str, str]  # (index of the milestone it serves or None, text, who)


def _table(name: str, plan: Plan, actions: Sequence[Action], lang: str) -> pd.DataFrame:
    out: list[tuple[int | None, str, str, str | None]] = []
    if plan.vision_year or plan.vision:
        out.append((plan.vision_year, msg(f"{name}.vision", lang), plan.vision, None))
    for i, (year, text) in enumerate(plan.milestones):
        out.append((year, msg(f"{name}.milestone", lang), text, None))
        out += [(year, msg(f"{name}.action", lang), a, who or None)
                for k, a, who in actions if k == i]
    out += [(None, msg(f"{name}.action", lang), a, who or None)
            for k, a, who in actions if k is None]
    columns = [msg(f"{name}.col_{k}", lang) for k in ("year", "kind", "text", "owner")]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _chart(name: str, lang: str, today: int | None, year: int | None, vision: str,
           milestones: list[tuple[int, str]], actions: Sequence[Action],
           more: list[str]) -> Chart:
    """What both timelines make of their answer; ``more``: the alt text's sentences on the
    actions."""
    if not milestones and not actions and not vision and year is None:
        return no_data(lang)
    empty = msg("empty_cell", lang)
    plan = Plan(year, vision or empty, milestones,
                [(k, a + (f" ({who})" if who else "")) for k, a, who in actions],
                _labels(name, lang))
    alt = [msg(f"{name}.alt", lang, year=year or empty, vision=_sentence(gist(vision) or empty))]
    if plan.milestones:
        alt.append(msg(f"{name}.alt_milestones", lang, count=len(plan.milestones),
                       steps="; ".join(f"{y}: {gist(t)}" for y, t in plan.milestones)))
    else:
        alt.append(msg(f"{name}.alt_no_milestones", lang))
    fig = draw_timeline(plan, today or dt.date.today().year) if (milestones or year) else None
    return Chart(fig, " ".join([*alt, *more]), _table(name, plan, actions, lang))


@register("backcasting_timeline", reads=("vision_year", "end_state", "milestones.year",
                                         "milestones.milestone", "actions.milestone",
                                         "actions.action", "actions.owner"))
def backcasting_timeline(exercise: Exercise, answer: dict[str, Any], lang: str,
                         today: int | None = None) -> Chart:
    name = "backcasting_timeline"
    milestones = _milestones(answer)
    acts = [(_serves(a.get("milestone"), milestones), clean(a["action"]),
             clean(a.get("owner"))) for a in rows(answer, "actions") if clean(a.get("action"))]
    more: list[str] = []
    if acts:
        more.append(msg(f"{name}.alt_actions", lang, count=len(acts),
                        linked=sum(k is not None for k, _, _ in acts)))
        owners = list(dict.fromkeys(o for _, _, o in acts if o))
        if owners:
            more.append(msg(f"{name}.alt_owners", lang, names=listing(owners, lang)))
    return _chart(name, lang, today, _year(answer, "vision_year"), clean(answer.get("end_state")),
                  milestones, acts, more)


@register("preferred_future_timeline", reads=("year", "headline", "milestones.year",
                                              "milestones.milestone", "first_steps.step",
                                              "first_steps.owner", "first_steps.due"))
def preferred_future_timeline(exercise: Exercise, answer: dict[str, Any], lang: str,
                              today: int | None = None) -> Chart:
    name = "preferred_future_timeline"
    steps = [(None, clean(s["step"]), ", ".join(x for x in (clean(s.get("owner")),
                                                             clean(s.get("due"))) if x))
             for s in rows(answer, "first_steps") if clean(s.get("step"))]
    more = [msg(f"{name}.alt_steps", lang, count=len(steps),
                names=listing([s for _, s, _ in steps], lang, 4))] if steps else []
    return _chart(name, lang, today, _year(answer, "year"), clean(answer.get("headline")),
                  _milestones(answer), steps, more)
