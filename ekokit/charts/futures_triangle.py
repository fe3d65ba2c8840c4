"""``futures_triangle`` (s2_futures_triangle): Inayatullah's triangle. The pull of the future at
the top, the push of the present and the weight of the past at the bottom corners, each with its
strength (1–5, as dots and a number); beside it the items of every corner under its heading."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Polygon

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    ORANGE,
    PALE,
    PURPLE,
    Chart,
    figure,
    listing,
    msg,
    no_data,
    register,
    shorten,
    tex,
    textlist,
    texts,
    vlabel,
    whole,
    wrap,
)
from ekokit.content.exercises import Exercise

NAME = "futures_triangle"
VOCAB = "triangle_corner"
CORNERS = ("pull", "push", "weight")
STYLE = {"pull": ("^", BLUE), "push": (">", ORANGE), "weight": ("v", PURPLE)}
SPOT = {"pull": (0.5, 0.88), "push": (0.12, 0.3), "weight": (0.88, 0.3)}
DOTS = {"pull": (0.39, 0.77), "push": (0.03, 0.12), "weight": (0.67, 0.12)}  # first strength dot
LINES = 22  # lines of 10 pt text the list column holds, headings included


_m = texts(NAME)


def _strengths(answer: dict[str, Any]) -> dict[str, int]:
    scores = answer.get("strength")
    if not isinstance(scores, dict):
        return {}
    return {c: v for c, v in scores.items() if c in CORNERS and whole(v) is not None}


def _budget(items: dict[str, list[str]]) -> dict[str, int]:
    """How many items of each corner fit the list column (one line each when crowded)."""
    room = LINES - 2 * len(CORNERS)  # a heading and a gap per corner
    shown = {c: 0 for c in CORNERS}
    while room > 0 and any(shown[c] < len(items[c]) for c in CORNERS):
        for c in CORNERS:
            if room > 0 and shown[c] < len(items[c]):
                shown[c] += 1
                room -= 1
    # a corner that cannot show everything keeps one line for "and N more"
    for c in CORNERS:
        if shown[c] < len(items[c]) and shown[c] > 1:
            shown[c] -= 1
    return shown


def _draw(items: dict[str, list[str]], strength: dict[str, int], lang: str):
    fig = figure((6.4, 4.6))
    grid = fig.add_gridspec(1, 2, width_ratios=(0.85, 1.15))
    ax = fig.add_subplot(grid[0, 0])
    ax.axis("off")
    ax.set(xlim=(0, 1), ylim=(0, 1))
    ax.add_patch(Polygon([SPOT[c] for c in CORNERS], closed=True, facecolor=PALE,
                         edgecolor=GREY, lw=1.5))
    for corner in CORNERS:
        x, y = SPOT[corner]
        marker, colour = STYLE[corner]
        ax.plot(x, y, marker=marker, ms=18, color=colour, mec=BLACK, ls="none", zorder=3)
        top = corner == "pull"
        name = tex(wrap(vlabel(VOCAB, corner, lang), 14, 2))
        ax.text(x, y + (0.06 if top else -0.06), name, ha="center",
                va="bottom" if top else "top", fontsize=FONT, weight="bold")
        value = strength.get(corner)
        dots_x, dots_y = DOTS[corner]
        for k in range(5):
            filled = value is not None and k < value
            ax.plot(dots_x + k * 0.055, dots_y, marker="o", ms=7, ls="none", mec=colour,
                    color=colour if filled else "white", zorder=3)
        text = f"{value}/5" if value is not None else msg("empty_cell", lang)
        ax.text(dots_x + 4 * 0.055 + 0.04, dots_y, text, ha="left", va="center", fontsize=FONT)
    ax.text(0.5, 0.45, tex(wrap(_m("strength", lang), 16, 2)), ha="center", va="center",
            fontsize=FONT, style="italic", color=GREY)
    side = fig.add_subplot(grid[0, 1])
    side.axis("off")
    side.set(xlim=(0, 1), ylim=(0, 1))
    shown = _budget(items)
    spare = LINES - sum(shown.values()) - 2 * len(CORNERS)
    two = spare >= sum(shown.values())  # room for two lines an item
    step = 1 / LINES
    y = 1.0
    for corner in CORNERS:
        marker, colour = STYLE[corner]
        side.plot(0.03, y - step / 2, marker=marker, ms=9, color=colour, mec=BLACK, ls="none")
        side.text(0.08, y, tex(vlabel(VOCAB, corner, lang)), ha="left", va="top",
                  fontsize=FONT, weight="bold")
        y -= step
        if not items[corner]:
            side.text(0.08, y, msg("empty_cell", lang), ha="left", va="top", fontsize=FONT,
                      color=GREY)
            y -= step
        for item in items[corner][: shown[corner]]:
            text = wrap(item, 42, 2) if two else shorten(item, 44)
            side.text(0.04, y, "•", ha="left", va="top", fontsize=FONT)
            side.text(0.08, y, tex(text), ha="left", va="top", fontsize=FONT, linespacing=1.0)
            y -= step * (text.count("\n") + 1)
        rest = len(items[corner]) - shown[corner]
        if rest > 0:
            side.text(0.08, y, _m("more", lang, count=rest), ha="left", va="top",
                      fontsize=FONT, style="italic", color=GREY)
            y -= step
        y -= step * 0.6
    return fig


def _alt(items: dict[str, list[str]], strength: dict[str, int], lang: str) -> str:
    out = [_m("alt", lang)]
    for corner in CORNERS:
        name = vlabel(VOCAB, corner, lang)
        value = strength.get(corner)
        head = _m("alt_strength", lang, corner=name, value=value) if value is not None else name
        if items[corner]:
            out.append(_m("alt_corner", lang, corner=head, count=len(items[corner]),
                          names=listing(items[corner], lang, 4)))
        else:
            out.append(_m("alt_empty", lang, corner=head))
    if strength:
        top = max(strength.values())
        strongest = [vlabel(VOCAB, c, lang) for c in CORNERS if strength.get(c) == top]
        if len(strongest) < len(CORNERS):
            out.append(_m("alt_strongest", lang, names=listing(strongest, lang), value=top))
    return " ".join(out)


@register(NAME, reads=("pull", "push", "weight", "strength"))
def futures_triangle(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    items = {c: textlist(answer, c) for c in CORNERS}
    strength = _strengths(answer)
    if not any(items.values()) and not strength:
        return no_data(lang)
    table = pd.DataFrame(
        [(vlabel(VOCAB, c, lang), strength.get(c), "\n".join(items[c])) for c in CORNERS],
        columns=[_m("col_corner", lang), _m("col_strength", lang), _m("col_items", lang)],
        dtype=object)
    return Chart(_draw(items, strength, lang), _alt(items, strength, lang), table)
