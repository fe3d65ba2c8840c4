"""``futures_frequency`` (s2_futures_frequency): Sitra's Futures Frequency as a tuning scale of
its four steps, "what if?" → challenge the assumptions → imagine the preferred future → act, with
the team's work for each step under its mark on the scale."""

from __future__ import annotations

from typing import Any

from matplotlib.patches import Circle, FancyArrow

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    PALE,
    Chart,
    as_date,
    clean,
    date_text,
    gist,
    listing,
    named,
    no_data,
    register,
    tex,
    textlist,
    texts,
    whole,
)
from ekokit.charts._canvas import (
    LINE,
    PAD,
    Block,
    draw,
    lay_row,
    lines_for,
    row_height,
    sheet_table,
)
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "futures_frequency"
STEPS = ("what_if", "challenge", "imagine", "act")
FILLS = ("#FFF1A8", "#FADCC8", "#D6ECFA", "#D3F0E2")  # pale: backgrounds, text stays black
WIDTH = 8.4 * 72
MARGIN, GAP = 6.0, 7.0
MOST = 10.0 * 72
_m = texts(NAME)


def _blocks(answer: dict[str, Any], lang: str) -> list[Block]:
    assumptions = named(answer, "assumptions", "assumption")
    steps = named(answer, "first_steps", "action")
    year = whole(answer.get("preferred_year"))
    future = clean(answer.get("preferred_future"))
    when = [", ".join(x for x in (clean(s.get("owner")),
                                  date_text(as_date(s.get("due")), lang, "")) if x)
            for s in steps]
    return [
        Block(_m("what_if", lang), textlist(answer, "what_if")),
        Block(_m("challenge", lang), [clean(a["assumption"]) for a in assumptions],
              notes=[_m("based_on", lang, why=clean(a.get("based_on")))
                     if clean(a.get("based_on")) else "" for a in assumptions]),
        Block(_m("imagine_year", lang, year=year) if year else _m("imagine", lang),
              [future] if future else [], bullets=False),
        Block(_m("act", lang), [clean(s["action"]) for s in steps], notes=when),
    ]


def _draw(answer: dict[str, Any], lang: str):
    fig, renderer = sheet(WIDTH)
    blocks = _blocks(answer, lang)
    for block, fill in zip(blocks, FILLS, strict=False):
        block.fill = fill
        block.edge = BLACK
    width = (WIDTH - 2 * MARGIN - GAP * (len(blocks) - 1)) / len(blocks)
    scale = tex(fit(_m("scale", lang), WIDTH - 2 * MARGIN, 1, renderer, weight="bold"))
    scale_h = 4 * LINE

    def measure(lines: int):
        laid = lay_row(blocks, [width] * len(blocks), lines, renderer)
        return laid, scale_h + row_height(laid) + 2 * MARGIN + PAD

    lines = lines_for(lambda n: measure(n)[1], MOST)
    laid, height = measure(lines)
    ax = sheet_axes(fig, WIDTH, height)
    top = height - MARGIN
    ax.text(MARGIN, top, scale, ha="left", va="top", fontsize=FONT, weight="bold")
    y = top - 2.6 * LINE  # the scale's line
    left, right = MARGIN + width / 2, WIDTH - MARGIN - width / 2
    tick = 0.0
    while MARGIN + tick <= WIDTH - MARGIN - 10:  # the dial's fine ticks
        x = MARGIN + tick
        size = 5 if round(tick / 8) % 5 == 0 else 2.5
        ax.plot([x, x], [y - size, y + size], color=BLACK, lw=0.6)
        tick += 8
    ax.add_patch(FancyArrow(MARGIN, y, WIDTH - 2 * MARGIN - 2, 0, width=0.8, head_width=7,
                            head_length=8, length_includes_head=True, color=BLACK))
    for i in range(len(blocks)):
        x = left + i * (right - left) / (len(blocks) - 1)
        ax.add_patch(Circle((x, y), 8, facecolor=FILLS[i], edgecolor=BLUE, lw=1.6, zorder=3))
        ax.text(x, y, str(i + 1), ha="center", va="center", fontsize=FONT, weight="bold",
                zorder=4)
    top -= scale_h
    for i, (block, one) in enumerate(zip(blocks, laid, strict=False)):
        draw(ax, block, one, MARGIN + i * (width + GAP), top, width, row_height(laid),
             heading_fill=PALE)
    return fig


@register(NAME, reads=("what_if", "assumptions.assumption", "assumptions.based_on",
                       "preferred_year", "preferred_future", "first_steps.action",
                       "first_steps.owner", "first_steps.due"))
def futures_frequency(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    what_if = textlist(answer, "what_if")
    assumptions = named(answer, "assumptions", "assumption")
    steps = named(answer, "first_steps", "action")
    future = clean(answer.get("preferred_future"))
    if not (what_if or assumptions or steps or future):
        return no_data(lang)
    alt = [_m("alt", lang)]
    if what_if:
        alt.append(_m("alt_what_if", lang, count=len(what_if),
                      items=listing([gist(w) for w in what_if], lang, limit=3)))
    if assumptions:
        alt.append(_m("alt_assumptions", lang, items=listing(
            [gist(a["assumption"]) for a in assumptions], lang, limit=3)))
    if future:
        year = whole(answer.get("preferred_year"))
        alt.append(_m("alt_future_year", lang, year=year, text=gist(future)) if year
                   else _m("alt_future", lang, text=gist(future)))
    if steps:
        alt.append(_m("alt_steps", lang, count=len(steps), items=listing(
            [gist(s["action"]) for s in steps], lang, limit=3)))
    return Chart(_draw(answer, lang), " ".join(alt), sheet_table(exercise, answer, lang))
