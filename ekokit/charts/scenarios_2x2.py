"""``scenarios_2x2`` (s2_scenarios_2x2): two critical uncertainties as the axes, their poles at
the arrow ends, and the four scenarios by name (and type) in the quadrants they belong to."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    VERMILLION,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    rows,
    tex,
    texts,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "scenarios_2x2"
SPOTS = {"top_left": (-1, 1), "top_right": (1, 1), "bottom_left": (-1, -1),
         "bottom_right": (1, -1)}
TINTS = {"top_left": "#EAF3FA", "top_right": "#E6F4EF", "bottom_left": "#FBEFE6",
         "bottom_right": "#F5EEF5"}


_m = texts(NAME)


def _axes(answer: dict[str, Any]) -> dict[str, dict]:
    """{"horizontal": axis, "vertical": axis}; a row without a direction takes the free one."""
    found: dict[str, dict] = {}
    loose = []
    for axis in rows(answer, "axes"):
        if not any(clean(axis.get(k)) for k in ("uncertainty", "pole_low", "pole_high")):
            continue
        if axis.get("direction") in ("horizontal", "vertical") and axis["direction"] not in found:
            found[axis["direction"]] = axis
        else:
            loose.append(axis)
    for direction in ("horizontal", "vertical"):
        if direction not in found and loose:
            found[direction] = loose.pop(0)
    return found


def _draw(axes: dict[str, dict], quadrants: dict[str, dict], lang: str):
    fig = figure((6.4, 4.6))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set(xlim=(-1.9, 1.9), ylim=(-1.5, 1.5))
    for key, (sx, sy) in SPOTS.items():
        ax.add_patch(Rectangle((min(0, sx), min(0, sy)), 1, 1, facecolor=TINTS[key],
                               edgecolor="none", zorder=0))
    arrow = {"arrowstyle": "<|-|>", "lw": 1.8, "mutation_scale": 16}
    ax.annotate("", xy=(1.02, 0), xytext=(-1.02, 0), arrowprops={**arrow, "color": VERMILLION})
    ax.annotate("", xy=(0, 1.02), xytext=(0, -1.02), arrowprops={**arrow, "color": BLUE})
    h, v = axes.get("horizontal", {}), axes.get("vertical", {})
    ax.text(-1.06, 0, tex(wrap(h.get("pole_low") or "", 15, 4)), ha="right", va="center",
            fontsize=FONT, linespacing=1.05)
    ax.text(1.06, 0, tex(wrap(h.get("pole_high") or "", 15, 4)), ha="left", va="center",
            fontsize=FONT, linespacing=1.05)
    ax.text(0, 1.06, tex(wrap(v.get("pole_high") or "", 48, 2)), ha="center", va="bottom",
            fontsize=FONT)
    ax.text(0, -1.06, tex(wrap(v.get("pole_low") or "", 48, 2)), ha="center", va="top",
            fontsize=FONT)
    for direction, y, va in (("vertical", 1.33, "bottom"), ("horizontal", -1.33, "top")):
        axis = axes.get(direction, {})
        text = (f"{vlabel('axis_direction', direction, lang)}: "
                f"{clean(axis.get('uncertainty')) or msg('empty_cell', lang)}")
        ax.text(0, y, tex(wrap(text, 62, 1)), ha="center", va=va, fontsize=FONT, weight="bold",
                color=BLACK)
    for key, (sx, sy) in SPOTS.items():
        quadrant = quadrants.get(key)
        x, y = sx * 0.5, sy * 0.5
        if quadrant is None:
            ax.text(x, y, msg("empty_cell", lang), ha="center", va="center", fontsize=FONT,
                    color=GREY)
            continue
        kind = vlabel("scenario_type", quadrant.get("scenario_type"), lang)
        name = tex(wrap(quadrant["name"], 13, 3, stretch=1.0))
        ax.text(x, y + (0.06 if kind else 0), name, ha="center",
                va="center", fontsize=FONT, weight="bold", linespacing=1.05)
        if kind:
            lines = wrap(quadrant["name"], 13, 3, stretch=1.0).count("\n") + 1
            ax.text(x, y + 0.06 - lines * 0.08 - 0.02, tex(f"({kind})"), ha="center", va="top",
                    fontsize=FONT, style="italic", color="#333333")
    return fig


def _pole(axis: dict, high: bool) -> str:
    return clean(axis.get("pole_high" if high else "pole_low"))


def _table(axes, quadrants, lang: str) -> pd.DataFrame:
    h, v = axes.get("horizontal", {}), axes.get("vertical", {})
    out = []
    for key in vocabularies()["scenario_quadrant"]:
        q = quadrants.get(key) or {}
        out.append((vlabel("scenario_quadrant", key, lang), clean(q.get("name")),
                    vlabel("scenario_type", q.get("scenario_type"), lang),
                    _pole(h, "right" in key), _pole(v, "top" in key)))
    columns = [_m("col_quadrant", lang), _m("col_name", lang), _m("col_type", lang),
               vlabel("axis_direction", "horizontal", lang),
               vlabel("axis_direction", "vertical", lang)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(axes, quadrants, unplaced: list[str], lang: str) -> str:
    out = []
    for direction in ("horizontal", "vertical"):
        axis = axes.get(direction)
        if axis:
            out.append(_m(f"alt_{direction}", lang,
                          uncertainty=clean(axis.get("uncertainty")) or msg("empty_cell", lang),
                          low=_pole(axis, False) or msg("empty_cell", lang),
                          high=_pole(axis, True) or msg("empty_cell", lang)))
    for key in vocabularies()["scenario_quadrant"]:
        q = quadrants.get(key)
        if q:
            kind = vlabel("scenario_type", q.get("scenario_type"), lang)
            out.append(_m("alt_quadrant_type" if kind else "alt_quadrant", lang,
                          quadrant=vlabel("scenario_quadrant", key, lang),
                          name=clean(q["name"]), type=kind))
    if unplaced:
        out.append(_m("alt_unplaced", lang, names=listing(unplaced, lang)))
    return " ".join(out)


@register(NAME, reads=("axes.direction", "axes.uncertainty", "axes.pole_low", "axes.pole_high",
                       "quadrants.quadrant", "quadrants.name", "quadrants.scenario_type"))
def scenarios_2x2(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    axes = _axes(answer)
    scenarios = named(answer, "quadrants")
    quadrants = {}
    for q in scenarios:
        if q.get("quadrant") in SPOTS and q["quadrant"] not in quadrants:
            quadrants[q["quadrant"]] = q
    unplaced = [clean(q["name"]) for q in scenarios if q not in quadrants.values()]
    if not axes and not scenarios:
        return no_data(lang)
    return Chart(_draw(axes, quadrants, lang), _alt(axes, quadrants, unplaced, lang),
                 _table(axes, quadrants, lang))
