"""``lifecycle`` (s1_lifecycle, read also from s4_before_after): the ecosystem's lifecycle phases
as a horizontal stepper with the current phase highlighted by colour, size, bold and a pointer."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    ORANGE,
    Chart,
    figure,
    msg,
    register,
    tex,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies


def _draw(phases: tuple[str, ...], current: str | None, lang: str):
    n = len(phases)
    fig = figure((6.0, 2.3))
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set(xlim=(-0.6, n - 0.4), ylim=(-1.05, 0.95))
    for i in range(n - 1):
        ax.annotate("", xy=(i + 0.78, 0), xytext=(i + 0.22, 0), arrowprops={
            "arrowstyle": "-|>", "color": GREY, "lw": 1.6, "mutation_scale": 16})
    for i, phase in enumerate(phases):
        now = phase == current
        ax.plot(i, 0, marker="o", ms=34 if now else 26, mfc=ORANGE if now else "white",
                mec=BLACK if now else GREY, mew=3 if now else 1.5, ls="none", zorder=3)
        ax.text(i, 0, str(i + 1), ha="center", va="center", fontsize=FONT + 3 if now else FONT + 1,
                weight="bold" if now else "normal", zorder=4)
        ax.text(i, -0.38, tex(wrap(vlabel("lifecycle_phase", phase, lang), 14, 3)), ha="center",
                va="top", fontsize=FONT + 1 if now else FONT, weight="bold" if now else "normal")
        if now:
            ax.plot(i, 0.5, marker="v", ms=12, color=BLACK, ls="none")
            ax.text(i, 0.66, msg("lifecycle.now", lang), ha="center", va="bottom",
                    fontsize=FONT + 1, weight="bold")
    return fig


@register("lifecycle", reads=("current_phase",))
def lifecycle(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    phases = vocabularies()["lifecycle_phase"]
    current = (answer or {}).get("current_phase")
    current = current if current in phases else None
    names = [vlabel("lifecycle_phase", p, lang) for p in phases]
    table = pd.DataFrame(
        [(name, msg("yes_word", lang) if p == current else "")
         for p, name in zip(phases, names, strict=False)],
        columns=[msg("lifecycle.col_phase", lang), msg("lifecycle.col_current", lang)],
        dtype=object)
    chain = " → ".join(names)
    if current is None:
        alt = msg("lifecycle.alt_none", lang, phases=chain)
    else:
        alt = msg("lifecycle.alt", lang, phases=chain, current=names[phases.index(current)],
                  index=phases.index(current) + 1, total=len(phases))
    return Chart(_draw(phases, current, lang), alt, table)
