"""``motivation_matrix`` (s1_motivation): givers on rows, receivers on columns. The diagonal holds
each actor's own motivation, the other cells what one gives another; empty cells are gaps."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    Chart,
    clean,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
)
from ekokit.charts._canvas import LINE, PAD, lines_for
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise

GIVEN, OWN = "#CCE3F2", "#FCEFC7"  # pale blue / pale yellow: a background, text stays black
WIDTH = 9.2 * 72  # points
HEADER = 120.0  # points for the givers' names
MIN_CELL, MAX_CELL = 96.0, 160.0  # points a cell is wide
MARGIN = 4.0
MOST = 10.5 * 72  # points: taller matrices give each cell fewer lines


def _matrix(answer: dict[str, Any]) -> tuple[list[str], dict[tuple[int, int], list[str]]]:
    """Names (actors first, then any other name used in an exchange) and cell texts."""
    names = [clean(a["name"]) for a in named(answer, "actors")]
    index = {n.casefold(): i for i, n in enumerate(names)}
    cells: dict[tuple[int, int], list[str]] = {}
    for i, actor in enumerate(named(answer, "actors")):
        if clean(actor.get("motivation")):
            cells[(i, i)] = [clean(actor["motivation"])]
    for row in named(answer, "exchanges", "giver"):
        if not clean(row.get("receiver")):
            continue
        ends = []
        for name in (clean(row["giver"]), clean(row["receiver"])):
            if name.casefold() not in index:
                index[name.casefold()] = len(names)
                names.append(name)
            ends.append(index[name.casefold()])
        cells.setdefault((ends[0], ends[1]), []).append(clean(row.get("gives")) or "…")
    return names, cells


def _draw(names: list[str], cells: dict[tuple[int, int], list[str]], lang: str):
    """The matrix laid out in points: every name and cell text fitted to its own box (a word is
    hyphenated only when wider than the box), rows as high as their longest cell."""
    n = len(names)
    cell = max(MIN_CELL, min(MAX_CELL, (WIDTH - HEADER - 2 * MARGIN) / n))
    width = HEADER + n * cell + 2 * MARGIN
    fig, renderer = sheet(width)
    inner = cell - 2 * PAD
    heads = [tex(fit(name, inner, 3, renderer)) for name in names]
    sides = [tex(fit(name, HEADER - 2 * PAD, 4, renderer)) for name in names]
    title = msg("motivation.motivation", lang)
    title_lines = {(r, r): fit(title, inner, 2, renderer, weight="bold").count("\n") + 1
                   for r in range(n)}

    def lay(lines: int) -> tuple[dict[tuple[int, int], str], list[float], float]:
        bodies = {}
        for r in range(n):
            for c in range(n):
                texts = cells.get((r, c))
                word = msg("motivation.no_motivation" if r == c else "motivation.gap", lang)
                bodies[(r, c)] = (tex(fit("; ".join(texts), inner, lines, renderer)) if texts
                                  else fit(word, inner, 2, renderer))
        heights = [max(max((bodies[(r, c)].count("\n") + 1
                            + (title_lines[(r, c)] if (r, c) in title_lines and cells.get((r, c))
                               else 0)) * LINE for c in range(n)) + 2 * PAD,
                       (sides[r].count("\n") + 1) * LINE + 2 * PAD, 3 * LINE)
                   for r in range(n)]
        return bodies, heights, sum(heights)

    head_h = max(h.count("\n") + 1 for h in heads) * LINE + 2 * PAD
    lines = lines_for(lambda k: lay(k)[2] + head_h + 2 * LINE + 2 * MARGIN, MOST)
    bodies, heights, total = lay(lines)
    height = total + head_h + 2 * LINE + 2 * MARGIN
    ax = sheet_axes(fig, width, height)
    left, top = MARGIN + HEADER, height - MARGIN
    ax.text(left + n * cell / 2, top, msg("motivation.receiver", lang), ha="center", va="top",
            fontsize=FONT + 1, weight="bold")
    top -= 1.6 * LINE
    for c, head in enumerate(heads):
        ax.text(left + (c + 0.5) * cell, top - head_h + PAD, head, ha="center", va="bottom",
                fontsize=FONT, linespacing=1.1)
    ax.text(MARGIN, top - head_h / 2, msg("motivation.giver", lang) + " ↓", ha="left",
            va="center", fontsize=FONT + 1, weight="bold")
    top -= head_h
    for r in range(n):
        h = heights[r]
        ax.text(left - PAD, top - h / 2, sides[r], ha="right", va="center", fontsize=FONT,
                linespacing=1.1)
        for c in range(n):
            x, texts, own = left + c * cell, cells.get((r, c)), r == c
            if texts:
                ax.add_patch(Rectangle((x, top - h), cell, h, facecolor=OWN if own else GIVEN,
                                       edgecolor=BLACK, lw=1))
                y = top - PAD
                if own:
                    ax.text(x + cell / 2, y, title, ha="center", va="top", fontsize=FONT,
                            weight="bold")
                    y -= title_lines[(r, c)] * LINE
                ax.text(x + PAD, y, bodies[(r, c)], ha="left", va="top", fontsize=FONT,
                        linespacing=1.1)
            else:
                ax.add_patch(Rectangle((x, top - h), cell, h, facecolor="white", edgecolor=GREY,
                                       hatch="///", lw=1))
                ax.text(x + cell / 2, top - h / 2, bodies[(r, c)], ha="center", va="center",
                        fontsize=FONT, style="italic", linespacing=1.1,
                        bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
        top -= h
    return fig


def _table(names: list[str], cells: dict[tuple[int, int], list[str]], lang: str) -> pd.DataFrame:
    empty = {True: msg("motivation.no_motivation", lang), False: msg("motivation.gap", lang)}
    out = []
    for r, name in enumerate(names):
        row = [name]
        for c in range(len(names)):
            texts = cells.get((r, c))
            prefix = msg("motivation.motivation", lang) + ": " if r == c and texts else ""
            row.append(prefix + "\n".join(texts) if texts else f"({empty[r == c]})")
        out.append(row)
    return pd.DataFrame(out, columns=[msg("motivation.corner", lang), *names], dtype=object)


@register("motivation_matrix", reads=(
    "actors", "actors.name", "actors.motivation", "exchanges", "exchanges.giver",
    "exchanges.receiver", "exchanges.gives",
))
def motivation_matrix(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    names, cells = _matrix(answer)
    if not names:
        return no_data(lang)
    n = len(names)
    gaps = [f"{names[r]} → {names[c]}" for r in range(n) for c in range(n)
            if r != c and (r, c) not in cells]
    missing = [names[i] for i in range(n) if (i, i) not in cells]
    exchanges = sum(len(v) for (r, c), v in cells.items() if r != c)
    alt = [msg("motivation.alt", lang, actors=n, exchanges=exchanges),
           msg("motivation.alt_gaps", lang, cells=listing(gaps, lang, limit=6)) if gaps
           else msg("motivation.alt_no_gaps", lang)]
    if missing:
        alt.append(msg("motivation.alt_missing", lang, names=listing(missing, lang)))
    return Chart(_draw(names, cells, lang), " ".join(alt), _table(names, cells, lang))
