"""The harvest at a glance (the first figure of a team report): Session 1 against Session 4 in
one picture. Left, the maturity radar of both sessions' team means overlaid; right, the
life-cycle phase before and after on the phase stepper, and the impact chain's parts side by
side (how many items each part had in Session 1 and in Session 4).

Not an exercise's chart: :func:`harvest_summary` reads the team's latest answers ({exercise id:
data}). Drawn at report size: 10 × 4.6 in with text of at least 12 pt."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, cast

import pandas as pd
from matplotlib.projections.polar import PolarAxes

from ekokit.charts._base import (
    BLACK,
    BLUE,
    GREY,
    ORANGE,
    Chart,
    figure,
    number,
    texts,
    vlabel,
    wrap,
)
from ekokit.content.vocab import vocabularies
from ekokit.model.harvest import VOCAB, before_after

NAME = "harvest_summary"
_m = texts(NAME)
SIZE = (10.0, 4.6)
TEXT = 12  # points at the figure's own size: a report shows it at least this large
CHAIN = ("resources", "activities", "outputs", "outcomes", "impacts")
CHAIN_BEFORE, CHAIN_AFTER = "s1_impact_chain", "s4_impact_chain"


def _items(answer: Mapping[str, Any] | None, name: str) -> int:
    value = (answer or {}).get(name)
    return sum(1 for x in value if isinstance(x, str) and x.strip()) \
        if isinstance(value, list) else 0


def _chain_label(name: str, lang: str) -> str:
    from ekokit.content.exercises import find_exercise

    try:
        return find_exercise(CHAIN_AFTER).field_text(lang, name).label
    except (KeyError, AttributeError):
        return name


def harvest_summary(answers: Mapping[str, dict[str, Any]], lang: str) -> Chart:
    compared = before_after(answers)
    dims = [d for d in vocabularies().get(VOCAB, ())
            if d in compared.maturity_before or d in compared.maturity_after]
    phases = vocabularies()["lifecycle_phase"]
    chain = [(_chain_label(n, lang), _items(answers.get(CHAIN_BEFORE), n),
              _items(answers.get(CHAIN_AFTER), n)) for n in CHAIN]

    fig = figure(SIZE)
    grid = fig.add_gridspec(2, 2, width_ratios=(1.05, 1), height_ratios=(1, 1.3))
    ax = cast(PolarAxes, fig.add_subplot(grid[:, 0], projection="polar"))
    before_label, after_label = _m("before", lang), _m("after", lang)
    if dims:
        ax.set_theta_offset(math.pi / 2)
        ax.set_theta_direction(-1)
        angles = [2 * math.pi * i / len(dims) for i in range(len(dims))] + [0.0]
        ax.set_xticks(angles[:-1], [wrap(vlabel(VOCAB, d, lang), 14, 3, stretch=1.8)
                                    for d in dims], fontsize=TEXT)
        for text, angle in zip(ax.get_xticklabels(), angles, strict=False):
            across = math.sin(angle)
            text.set_horizontalalignment("left" if across > 0.1 else "right" if across < -0.1
                                         else "center")
        ax.set_ylim(0, 5)
        ax.set_yticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=TEXT, color=GREY)
        for values, colour, style, label in (
                (compared.maturity_before, GREY, "--", before_label),
                (compared.maturity_after, BLUE, "-", after_label)):
            if values:
                ys = [values.get(d, math.nan) for d in dims]
                ax.plot(angles, ys + ys[:1], ls=style, lw=2.6, color=colour, marker="o", ms=6,
                        label=label)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncols=2, fontsize=TEXT,
                  frameon=False)
    else:
        ax.set_axis_off()
        ax.text(0.5, 0.5, _m("no_maturity", lang), ha="center", va="center", fontsize=TEXT,
                transform=ax.transAxes)
    ax.set_title(_m("maturity", lang), fontsize=TEXT + 1, weight="bold", pad=28)

    top = fig.add_subplot(grid[0, 1])
    top.set_axis_off()
    top.set_title(_m("phase", lang), fontsize=TEXT + 1, weight="bold", loc="left")
    n = len(phases)
    top.set(xlim=(-0.6, 4.0), ylim=(-0.6, n - 0.4))
    top.plot([0] * n, range(n), color=GREY, lw=1.5, zorder=1)
    for i, phase in enumerate(phases):  # a vertical stepper: each name on a line of its own
        level = n - 1 - i
        was, now = phase == compared.phase_before, phase == compared.phase_after
        top.plot(0, level, marker="o", ms=16 if now else 12, mfc=ORANGE if now else "white",
                 mec=BLACK if (now or was) else GREY, mew=2.5 if was else 1.2, ls="none",
                 zorder=3)
        mark = "1 → 4" if was and now else "4" if now else "1" if was else ""
        top.text(0.25, level, vlabel("lifecycle_phase", phase, lang) + (f"  ({mark})" if mark
                                                                      else ""),
                 ha="left", va="center", fontsize=TEXT, weight="bold" if now else "normal")

    bars = fig.add_subplot(grid[1, 1])
    rows_y = [float(y) for y in range(len(chain))][::-1]
    height = 0.38
    bars.barh([y + height / 2 for y in rows_y], [c[1] for c in chain], height, color="#BDBDBD",
              edgecolor=GREY, label=before_label, hatch="//")
    bars.barh([y - height / 2 for y in rows_y], [c[2] for c in chain], height, color=BLUE,
              label=after_label)
    for y, (_, count_was, count_now) in zip(rows_y, chain, strict=True):
        bars.text(count_was + 0.1, y + height / 2, str(count_was), va="center", fontsize=TEXT)
        bars.text(count_now + 0.1, y - height / 2, str(count_now), va="center", fontsize=TEXT)
    bars.set_yticks(rows_y, [c[0] for c in chain], fontsize=TEXT)
    most = max([1, *(max(c[1], c[2]) for c in chain)])
    bars.set_xlim(0, most * 1.7 + 1)
    bars.set_xticks([])
    for side in ("top", "right", "bottom"):
        bars.spines[side].set_visible(False)
    bars.set_title(_m("chain", lang), fontsize=TEXT + 1, weight="bold", loc="left")
    bars.legend(fontsize=TEXT, frameon=False, loc="upper center", bbox_to_anchor=(0.4, 0.0),
                ncols=2)

    mean_b = (sum(compared.maturity_before.values()) / len(compared.maturity_before)
              if compared.maturity_before else None)
    mean_a = (sum(compared.maturity_after.values()) / len(compared.maturity_after)
              if compared.maturity_after else None)
    alt = []
    if mean_b is not None and mean_a is not None:
        alt.append(_m("alt_maturity", lang, before=number(mean_b, lang),
                      after=number(mean_a, lang)))
        change = compared.change()
        if change:
            best = max(change, key=lambda d: change[d])
            if change[best] > 0:
                alt.append(_m("alt_rise", lang, dimension=vlabel(VOCAB, best, lang),
                              change="+" + number(change[best], lang)))
    elif mean_b is not None or mean_a is not None:
        alt.append(_m("alt_maturity_one", lang))
    dash = "–"
    alt.append(_m("alt_phase", lang,
                  before=vlabel("lifecycle_phase", compared.phase_before, lang) or dash,
                  after=vlabel("lifecycle_phase", compared.phase_after, lang) or dash))
    alt.append(_m("alt_chain", lang, before=sum(c[1] for c in chain),
                  after=sum(c[2] for c in chain)))
    table = pd.DataFrame([(name, was, now) for name, was, now in chain],
                         columns=[_m("col_part", lang), before_label, after_label], dtype=object)
    return Chart(fig, " ".join(alt), table)
