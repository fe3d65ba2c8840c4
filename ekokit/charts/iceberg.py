"""``iceberg`` (s1_iceberg): the systems iceberg as drawn on paper. Events stand above the
waterline; patterns, structures and mental models lie below it, each deeper band darker, with
the vision at the bottom. The iceberg carries the levels' names, the team's texts stand beside
it in their band, and the leverage points follow under the water."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.patches import Polygon, Rectangle

from ekokit.charts._base import (
    BLUE,
    FONT,
    Chart,
    clean,
    field_label,
    gist,
    listing,
    no_data,
    register,
    tex,
    textlist,
    texts,
)
from ekokit.charts._canvas import (
    LINE,
    PAD,
    Block,
    draw,
    lay,
    lines_for,
    sheet_table,
)
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "iceberg"
LEVELS = ("events", "patterns", "structures", "mental_models", "vision")
WATER = ("white", "#DCEEF8", "#C3E0F2", "#AAD2EC", "#92C4E5")  # deeper, darker; text stays black
ICE, ICE_EDGE = "#F7FBFE", "#3A6F95"
WIDTH = 7.6 * 72
MARGIN = 6.0
ICE_SHARE = 0.34  # of the width, for the iceberg
MOST = 11.0 * 72
_m = texts(NAME)


def _bands(answer: dict[str, Any]) -> list[list[str]]:
    vision = clean(answer.get("vision"))
    return [*(textlist(answer, level) for level in LEVELS[:-1]), [vision] if vision else []]


def _draw(exercise: Exercise, answer: dict[str, Any], lang: str):
    fig, renderer = sheet(WIDTH)
    ice_w = (WIDTH - 2 * MARGIN) * ICE_SHARE
    text_w = WIDTH - 2 * MARGIN - ice_w - PAD
    bands = _bands(answer)
    names = [tex(fit(field_label(exercise, lang, level), ice_w * 0.62, 2, renderer,
                     weight="bold")) for level in LEVELS]
    blocks = [Block("", items, fill="none", edge="none", bullets=level != "vision",
                    empty=_m("empty", lang)) for level, items in zip(LEVELS, bands, strict=False)]
    leverage = Block(field_label(exercise, lang, "leverage_points"),
                     textlist(answer, "leverage_points"), fill="white", edge=BLUE,
                     empty=_m("empty", lang))

    def measure(lines: int):
        laid = [lay(b, text_w, lines, renderer) for b in blocks]
        heights = [max(one.height, (n.count("\n") + 1) * LINE + 4 * PAD)
                   for one, n in zip(laid, names, strict=False)]
        heights[0] = max(heights[0], 6 * LINE)  # room for the tip above the water
        lever = lay(leverage, WIDTH - 2 * MARGIN, lines, renderer)
        return laid, heights, lever, sum(heights) + lever.height + 2 * MARGIN + PAD

    lines = lines_for(lambda n: measure(n)[3], MOST)
    laid, heights, lever, height = measure(lines)
    ax = sheet_axes(fig, WIDTH, height)
    top = height - MARGIN
    tops = [top - sum(heights[:i]) for i in range(len(heights) + 1)]
    for i, fill in enumerate(WATER):
        ax.add_patch(Rectangle((0, tops[i + 1]), WIDTH, heights[i], facecolor=fill,
                               edgecolor="none", zorder=0))
    # the waterline, waving
    xs = np.linspace(0, WIDTH, 200)
    ax.plot(xs, tops[1] + 1.6 * np.sin(xs / 9), color=BLUE, lw=1.4, zorder=2)
    ax.text(WIDTH - MARGIN, tops[1] + 3, _m("waterline", lang), ha="right", va="bottom",
            fontsize=FONT, style="italic", color=BLUE, zorder=3)
    # the iceberg: a small tip above the water, widening to the full width below it
    centre = MARGIN + ice_w / 2
    halves = [ice_w * s / 2 for s in (0.0, 0.62, 0.78, 0.88, 0.95, 1.0)]
    tip = tops[0] - 0.8 * LINE
    right = [(centre + h + (3 if i % 2 else -2), y) for i, (h, y)
             in enumerate(zip(halves, [tip, *tops[1:]], strict=False))]
    left = [(centre - h - (2 if i % 2 else -3), y) for i, (h, y)
            in enumerate(zip(halves, [tip, *tops[1:]], strict=False))]
    ax.add_patch(Polygon([*right, *reversed(left[1:])], closed=True, facecolor=ICE,
                         edgecolor=ICE_EDGE, lw=1.4, zorder=1))
    for i, (name, one, h) in enumerate(zip(names, laid, heights, strict=False)):
        y = tops[i] - h / 2 if i else tops[1] + 0.5 * LINE + 4  # events: in the tip
        ax.text(centre, y, name, ha="center", va="bottom" if not i else "center",
                fontsize=FONT, weight="bold", linespacing=1.1, zorder=3)
        draw(ax, blocks[i], one, MARGIN + ice_w + PAD, tops[i] - PAD, text_w, h - 2 * PAD)
    draw(ax, leverage, lever, MARGIN, tops[-1] - PAD, WIDTH - 2 * MARGIN, lever.height,
         heading_fill="#E8F3FA")
    return fig


@register(NAME, reads=(*LEVELS, "leverage_points"))
def iceberg(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    bands = _bands(answer)
    leverage = textlist(answer, "leverage_points")
    if not any(bands) and not leverage:
        return no_data(lang)
    alt = [_m("alt", lang)]
    for level, items in zip(LEVELS, bands, strict=False):
        if items:
            alt.append(_m("alt_level", lang, level=_m(f"level_{level}", lang),
                          items=listing([gist(x) for x in items], lang, limit=4)))
    if leverage:
        alt.append(_m("alt_leverage", lang, items=listing([gist(x) for x in leverage], lang,
                                                          limit=4)))
    return Chart(_draw(exercise, answer, lang), " ".join(alt), sheet_table(exercise, answer, lang))
