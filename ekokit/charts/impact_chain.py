"""``impact_chain`` (s1_impact_chain, s4_impact_chain): resources → activities → outputs →
outcomes → impacts as five columns of boxes; assumptions underneath. Long items are cut on the
figure (…) but kept whole in the table."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import FancyBboxPatch

from ekokit.charts._base import (
    BLUE,
    FONT,
    GREY,
    Chart,
    figure,
    gist,
    listing,
    msg,
    no_data,
    register,
    shorten,
    tex,
    textlist,
    wrap,
)
from ekokit.content.exercises import Exercise

STAGES = ("resources", "activities", "outputs", "outcomes", "impacts")
BOX = "#E3EEF7"
TOP, BOTTOM, LINE = 0.86, 0.1, 0.046  # item area in axes units; LINE ≈ one 10 pt line


def _draw(items: dict[str, list[str]], assumptions: list[str], lang: str):
    fig = figure((6.6, 4.5))
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set(xlim=(0, 5), ylim=(0, 1))
    bottom = BOTTOM if assumptions else 0.0
    for col, stage in enumerate(STAGES):
        slot = (TOP - bottom) / max(3, len(items[stage]))
        lines = max(1, min(4, int((slot - 0.02) / LINE)))
        ax.text(col + 0.5, 0.955, msg(f"impact.{stage}", lang), ha="center", va="center",
                fontsize=FONT + 1, weight="bold", color="white",
                bbox={"boxstyle": "round,pad=0.35", "facecolor": BLUE, "edgecolor": BLUE})
        if col < len(STAGES) - 1:
            ax.annotate("", xy=(col + 1.08, 0.955), xytext=(col + 0.92, 0.955), arrowprops={
                "arrowstyle": "-|>", "color": "#333333", "lw": 1.5, "mutation_scale": 14})
        if not items[stage]:
            ax.text(col + 0.5, TOP - slot / 2, msg("empty_cell", lang), ha="center",
                    va="center", fontsize=FONT, color=GREY)
        for row, item in enumerate(items[stage]):
            y = TOP - (row + 1) * slot + 0.006
            ax.add_patch(FancyBboxPatch((col + 0.05, y), 0.9, slot - 0.012,
                                        boxstyle="round,pad=0,rounding_size=0.03",
                                        facecolor=BOX, edgecolor=BLUE, lw=1))
            ax.text(col + 0.5, y + (slot - 0.012) / 2, tex(wrap(item, 13, lines, stretch=1.0)),
                    ha="center",
                    va="center", fontsize=FONT, linespacing=1.1)
    if assumptions:
        text = msg("impact.assumptions", lang) + ": " + "; ".join(assumptions)
        ax.text(0.05, 0.035, tex(shorten(text, 90)), ha="left", va="center", fontsize=FONT,
                style="italic", in_layout=False)
        ax.axhline(0.075, color=GREY, lw=0.8, ls=":")
    return fig


@register("impact_chain", reads=(
    "resources", "activities", "outputs", "outcomes", "impacts", "assumptions",
))
def impact_chain(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    items = {stage: textlist(answer, stage) for stage in STAGES}
    assumptions = textlist(answer, "assumptions")
    if not any(items.values()) and not assumptions:
        return no_data(lang)
    table = pd.DataFrame(
        [(msg(f"impact.{s}", lang), "\n".join(items[s])) for s in STAGES]
        + ([(msg("impact.assumptions", lang), "\n".join(assumptions))] if assumptions else []),
        columns=[msg("impact.col_stage", lang), msg("impact.col_items", lang)], dtype=object)
    chain = " → ".join(
        f"{msg(f'impact.{s}', lang)}: "
        + (listing([gist(i) for i in items[s]], lang, limit=3) or msg("empty_cell", lang))
        for s in STAGES)
    alt = msg("impact.alt", lang, chain=chain)
    if assumptions:
        alt += " " + msg("impact.alt_assumptions", lang, count=len(assumptions))
    return Chart(_draw(items, assumptions, lang), alt, table)
