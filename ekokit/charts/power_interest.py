"""``power_interest`` (s1_power_interest): Mendelow's grid, interest on x and power on y (1–5).
Scores 4–5 count as high: 5/5 and 4/4 are key players, a 3 sits in the lower half."""

from __future__ import annotations

import math
import textwrap
from collections import defaultdict
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREEN,
    GREY,
    SIZE,
    VERMILLION,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    style_keys,
    tex,
    vlabel,
    wrap,
)
from ekokit.charts._keylist import key_list
from ekokit.charts._place import RADII, extents, legend_below, place, settle, spread
from ekokit.content.exercises import Exercise

HIGH = 3.5
CROWDED = 10  # more points than this get smaller markers
DISPOSITIONS: dict[str | None, tuple[str, str]] = {
    "supportive": ("^", GREEN), "neutral": ("o", BLUE), "resisting": ("v", VERMILLION)}
UNKNOWN = ("s", "white")
CORNERS = {"manage": (5.45, 5.85, "right", "top"), "satisfy": (0.55, 5.85, "left", "top"),
           "inform": (5.45, 0.1, "right", "bottom"), "monitor": (0.55, 0.1, "left", "bottom")}


def quadrant(power: int | None, interest: int | None) -> str | None:
    """manage / satisfy / inform / monitor — None until both scores are given."""
    if not isinstance(power, int) or not isinstance(interest, int):
        return None
    if power > HIGH:
        return "manage" if interest > HIGH else "satisfy"
    return "inform" if interest > HIGH else "monitor"


def _draw(placed: list[dict], lang: str, keyed: bool = False):
    """The grid; ``keyed``: with a numbered key at its right for the names that do not fit beside
    their markers (None is returned when no key is wanted and some name does not fit)."""
    if keyed:
        fig = figure((9.0, SIZE[1]))
        grid = fig.add_gridspec(1, 2, width_ratios=(3, 1.4))
        ax = fig.add_subplot(grid[0])
    else:
        fig = figure()
        ax = fig.add_subplot()
    ax.set(xlim=(0.5, 5.5), ylim=(0, 6), xticks=range(1, 6), yticks=range(1, 6))
    ax.tick_params(labelsize=FONT)
    ax.set_xlabel(msg("power.interest", lang), fontsize=FONT + 1)
    ax.set_ylabel(msg("power.power", lang), fontsize=FONT + 1)
    ax.axvline(HIGH, color=GREY, lw=1, ls="--")
    ax.axhline(HIGH, color=GREY, lw=1, ls="--")
    for key, (x, y, ha, va) in CORNERS.items():
        ax.text(x, y, msg(f"power.{key}", lang), ha=ha, va=va, fontsize=FONT, style="italic",
                weight="bold" if key == "manage" else "normal", color="#333333")
    crowded = len(placed) > CROWDED  # smaller markers
    spots, arrows = spread([(s["interest"], s["power"]) for s in placed]), []
    for s, (x, y) in zip(placed, spots, strict=False):
        marker, colour = DISPOSITIONS.get(s.get("disposition"), UNKNOWN)
        tp, ti = s.get("target_power") or s["power"], s.get("target_interest") or s["interest"]
        if (tp, ti) != (s["power"], s["interest"]):
            ax.annotate("", xy=(ti, tp), xytext=(x, y), zorder=2, arrowprops={
                "arrowstyle": "-|>", "color": GREY, "lw": 1.3, "ls": "--", "shrinkA": 7,
                "shrinkB": 4, "mutation_scale": 14})
            ax.plot(ti, tp, marker=marker, ms=9, mfc="none", mec=GREY, mew=1.3, ls="none")
            arrows.append(((x, y), (ti, tp)))
        ax.plot(x, y, marker=marker, ms=8 if crowded else 10, color=colour, mec=BLACK,
                ls="none", zorder=3)
    handles = style_keys(DISPOSITIONS, (s.get("disposition") for s in placed), "disposition",
                         lang, UNKNOWN, msg("power.no_disposition", lang))
    if arrows:
        handles.append(Line2D([], [], color=GREY, ls="--", marker=">", ms=6,
                              label=msg("power.target", lang)))
    legend_below(fig, handles)
    key_ax = fig.add_subplot(grid[1]) if keyed else None
    renderer = settle(fig)
    avoid = extents(ax.texts, renderer) + _along(ax, arrows)
    # a name goes beside its marker only whole (at most two short lines): a longer one is
    # numbered and given whole in the key, never cut with "…" on the grid
    wrapped = [wrap(s["name"], 18, 2) for s in placed]
    whole = [i for i, text in enumerate(wrapped) if not text.endswith("…")]
    if not keyed:
        if len(whole) < len(placed):
            return None
        return fig if place(ax, spots, [tex(text) for text in wrapped], renderer=renderer,
                            avoid=avoid, marker=10, misfit="none").fits else None
    # names beside the markers where they fit; numbers (as in the table) for the others
    beside = place(ax, [spots[i] for i in whole], [tex(wrapped[i]) for i in whole],
                   renderer=renderer, avoid=avoid, marker=10, misfit="drop")
    named = {i for i in whole
             if any(tuple(label.xy) == tuple(spots[i]) for label in beside.labels)}
    rest = [i for i in range(len(placed)) if i not in named]
    _number(ax, [placed[i] for i in rest], [spots[i] for i in rest], renderer,
            avoid + extents(beside.labels, renderer))
    assert key_ax is not None
    key_list(key_ax, [(str(placed[i]["no"]), clean(placed[i]["name"]), False) for i in rest],
             budget=24, width=28, lines=2 if len(rest) <= 8 else 1,
             heading=msg("power.key", lang), rest=msg("power.rest", lang))
    return fig


def _along(ax: Axes, arrows: list[tuple[tuple[float, float], tuple[float, float]]]
           ) -> list[Bbox]:
    """Boxes (pixels) along every arrow, its line and its target's marker, for labels to keep
    clear of: a label over an arrow hides where the arrow goes."""
    px, boxes = ax.figure.dpi / 72, []
    for start, end in arrows:
        (u0, v0), (u1, v1) = ax.transData.transform([start, end])
        steps = max(2, int(math.hypot(u1 - u0, v1 - v0) / (3 * px)))
        for k in range(steps + 1):
            u, v = u0 + (u1 - u0) * k / steps, v0 + (v1 - v0) * k / steps
            half = px * (4.5 if k == steps else 1.5)  # the target marker is 9 points wide
            boxes.append(Bbox.from_extents(u - half, v - half, u + half, v + half))
    return boxes


def _number(ax: Axes, placed: list[dict], spots: list[tuple[float, float]],
            renderer: RendererBase, avoid: list[Bbox]) -> None:
    """Numbers (as in the table's first column) beside the markers; when even those do not fit,
    one label per grid cell listing the numbers of everyone in it ("2, 5, 9"), beside the cell's
    group of markers."""
    if not placed:
        return
    ms = 8 if len(placed) > CROWDED else 10
    if place(ax, spots, [str(s["no"]) for s in placed], renderer=renderer, avoid=avoid,
             marker=ms, misfit="none").fits:
        return
    cells: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, s in enumerate(placed):
        cells[(s["interest"], s["power"])].append(i)
    px, half = ax.figure.dpi / 72, ms * ax.figure.dpi / 144
    points = np.asarray(ax.transData.transform(spots)).reshape(-1, 2)
    marks = [Bbox.from_extents(u - half, v - half, u + half, v + half) for u, v in points]
    alone = [m[0] for m in cells.values() if len(m) == 1]
    shared = {cell: m for cell, m in cells.items() if len(m) > 1}
    reach = max((math.dist(points[i], ax.transData.transform(cell)) / px
                 for cell, m in shared.items() for i in m), default=0.0) + ms / 2
    texts = [tex("\n".join(textwrap.wrap(", ".join(str(placed[i]["no"]) for i in m), 14)))
             for m in shared.values()]
    for misfit in ("none", "drop"):  # "drop": a number is better missing than over another
        first = place(ax, [spots[i] for i in alone], [str(placed[i]["no"]) for i in alone],
                      renderer=renderer, avoid=avoid + marks, marker=ms, misfit=misfit)
        # a group's own markers lie within its mark, 2 × reach wide, and its leader ends there
        then = place(ax, list(shared), texts, renderer=renderer, misfit=misfit,
                     avoid=avoid + [marks[i] for i in alone] + extents(first.labels, renderer),
                     marker=2 * reach, radii=[reach + r for r in (*RADII, 125, 150, 180)])
        if first.fits and then.fits:
            return
        first.remove()
        then.remove()


def _table(stakeholders: list[dict], lang: str) -> pd.DataFrame:
    out = []
    for s in stakeholders:
        where = quadrant(s.get("power"), s.get("interest"))
        out.append((s["no"], clean(s["name"]), s.get("power"), s.get("interest"),
                    vlabel("disposition", s.get("disposition"), lang), s.get("target_power"),
                    s.get("target_interest"), msg(f"power.{where}", lang) if where else None))
    keys = ("col_no", "col_name", "power.col_power", "power.col_interest", "power.col_disposition",
            "power.col_target_power", "power.col_target_interest", "power.col_quadrant")
    return pd.DataFrame(out, columns=[msg(k, lang) for k in keys], dtype=object)


@register("power_interest", reads=(
    "stakeholders", "stakeholders.name", "stakeholders.power", "stakeholders.interest",
    "stakeholders.disposition", "stakeholders.target_power", "stakeholders.target_interest",
))
def power_interest(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    stakeholders = [{**s, "no": i} for i, s in enumerate(named(answer, "stakeholders"), 1)]
    if not stakeholders:
        return no_data(lang)
    placed = [s for s in stakeholders if quadrant(s.get("power"), s.get("interest"))]
    key = [clean(s["name"]) for s in placed if quadrant(s["power"], s["interest"]) == "manage"]
    moving = [clean(s["name"]) for s in placed
              if (s.get("target_power") or s["power"], s.get("target_interest") or s["interest"])
              != (s["power"], s["interest"])]
    alt = [msg("power.alt", lang, count=len(stakeholders)),
           msg("power.alt_key", lang, names=listing(key, lang)) if key
           else msg("power.alt_no_key", lang)]
    if moving:
        alt.append(msg("power.alt_moves", lang, names=listing(moving, lang)))
    fig = (_draw(placed, lang) or _draw(placed, lang, keyed=True)) if placed else None
    return Chart(fig, " ".join(alt), _table(stakeholders, lang))
