"""``radar`` (s1_maturity, s4_before_after): every member's 1–5 ratings of the maturity
dimensions as a thin line, the team mean as a bold one."""

from __future__ import annotations

import math
from typing import Any, cast

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.projections.polar import PolarAxes

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    MARKERS,
    PALETTE,
    Chart,
    clean,
    figure,
    msg,
    named,
    no_data,
    number,
    register,
    shorten,
    tex,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies
from ekokit.model.harvest import VOCAB, member_scores, team_mean

MANY = 6  # beyond this, members are drawn alike and the legend names only the groups


def _draw(dims: tuple[str, ...], members: list[dict], mean: dict[str, float], lang: str):
    fig = figure()
    ax = cast(PolarAxes, fig.add_subplot(projection="polar"))  # the stubs return plain Axes
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    angles = [2 * math.pi * i / len(dims) for i in range(len(dims))] + [0.0]
    ax.set_xticks(angles[:-1], [tex(wrap(vlabel(VOCAB, d, lang), 16, 3)) for d in dims],
                  fontsize=FONT)
    ax.tick_params(axis="x", pad=6)
    # long labels grow away from the disc
    for text, angle in zip(ax.get_xticklabels(), angles, strict=False):
        across = math.sin(angle)
        text.set_horizontalalignment("left" if across > 0.1 else "right" if across < -0.1
                                     else "center")
    ax.set_ylim(0, 5)
    ax.set_yticks(range(1, 6), [str(i) for i in range(1, 6)], fontsize=FONT, color=GREY)
    ax.set_rlabel_position(180 / len(dims))
    few = len(members) <= MANY
    for i, member in enumerate(members):
        scores = member_scores(member)
        values = [scores.get(d, math.nan) for d in dims]
        ax.plot(angles, values + values[:1], lw=1.3, alpha=0.9,
                color=PALETTE[i % (len(PALETTE) - 1)] if few else GREY,
                marker=MARKERS[i % len(MARKERS)] if few else None, ms=5,
                label=tex(shorten(member["member"], 24)) if few else None)
    values = [mean.get(d, math.nan) for d in dims]
    ax.plot(angles, values + values[:1], lw=3.2, color=BLACK, marker="o", ms=6, zorder=5,
            label=msg("radar.mean", lang))
    handles, _ = ax.get_legend_handles_labels()
    if not few:
        handles.insert(0, Line2D([], [], color=GREY, lw=1.3, label=msg("radar.members", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False)
    return fig


@register("radar", reads=("ratings", "ratings.member", "ratings.scores"))
def radar(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    members = [r for r in named(answer, "ratings", "member") if member_scores(r)]
    if not members:
        return no_data(lang)
    vocab = vocabularies().get(VOCAB, ())
    dims = vocab + tuple(sorted({d for m in members for d in member_scores(m)} - set(vocab)))
    mean = team_mean(members)
    columns = [msg("radar.col_dimension", lang), *(clean(m["member"]) for m in members),
               msg("radar.mean", lang)]
    table = pd.DataFrame(
        [(vlabel(VOCAB, d, lang), *(member_scores(m).get(d) for m in members),
          round(mean[d], 1) if d in mean else None) for d in dims], columns=columns, dtype=object)
    rated = [d for d in dims if d in mean]
    means = "; ".join(f"{vlabel(VOCAB, d, lang)} {number(mean[d], lang)}" for d in rated)
    best = max(rated, key=lambda d: mean[d])
    worst = min(rated, key=lambda d: mean[d])
    alt = msg("radar.alt", lang, count=len(members), means=means)
    if len(rated) > 1 and mean[best] != mean[worst]:
        alt += " " + msg("radar.alt_range", lang, best=vlabel(VOCAB, best, lang),
                         best_value=number(mean[best], lang), worst=vlabel(VOCAB, worst, lang),
                         worst_value=number(mean[worst], lang))
    return Chart(_draw(dims, members, mean, lang), alt, table)
