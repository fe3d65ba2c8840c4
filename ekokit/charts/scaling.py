"""``scaling`` (s3_scaling): the experiment in the middle with the three scaling directions as
arrows – out (right), up and deep (down); the chosen ones solid, thick and bold, the others thin,
dashed and marked as not chosen. Beside them: who should adopt the solution and the barriers."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREEN,
    GREY,
    PURPLE,
    Chart,
    clean,
    figure,
    listing,
    msg,
    no_data,
    register,
    tex,
    textlist,
    texts,
    vlabel,
    wrap,
)
from ekokit.charts._keylist import key_list
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "scaling"
# direction: (arrow end, label position, alignment, colour)
ARROWS: dict[str, tuple[tuple[float, float], tuple[float, float], dict[str, Any], str]] = {
    "out": ((2.1, 0), (2.2, 0), {"ha": "left", "va": "center"}, BLUE),
    "up": ((0, 1.35), (0, 1.45), {"ha": "center", "va": "bottom"}, GREEN),
    "deep": ((0, -1.35), (0, -1.45), {"ha": "center", "va": "top"}, PURPLE)}


_m = texts(NAME)


def _draw(answer: dict, chosen: list[str], actors: list[str], barriers: list[str], lang: str):
    fig = figure((6.4, 4.6))
    weights = (max(3, len(actors) + 1), max(3, len(barriers) + 1)) if barriers else (1, 0.001)
    grid = fig.add_gridspec(2, 2, width_ratios=(1.25, 1), height_ratios=weights)
    ax = fig.add_subplot(grid[:, 0])
    ax.axis("off")
    ax.set(xlim=(-1.25, 3.7), ylim=(-2.3, 2.3))
    for direction, (end, spot, align, colour) in ARROWS.items():
        on = direction in chosen
        ax.annotate("", xy=end, xytext=(0, 0), arrowprops={
            "arrowstyle": "-|>", "color": colour if on else GREY, "lw": 4 if on else 1.3,
            "ls": "-" if on else "--", "mutation_scale": 24 if on else 14, "shrinkA": 28})
        text = vlabel("scaling_type", direction, lang)
        if not on:
            text += " " + _m("not_chosen", lang)
        ax.text(*spot, tex(wrap(text, 15 if direction == "out" else 30, 4)), fontsize=FONT,
                weight="bold" if on else "normal", color=BLACK if on else GREY,
                linespacing=1.05, **align)
    name = clean(answer.get("experiment")) or _m("unnamed", lang)
    ax.text(0, 0, tex(wrap(name, 14, 4)), ha="center", va="center", fontsize=FONT,
            weight="bold", zorder=3,
            bbox={"boxstyle": "round,pad=0.45", "facecolor": "#FFF3D6", "edgecolor": BLACK})
    facts = [f"{field}: {value}" for field, value in (
        (_m("form", lang), vlabel("scaling_form", answer.get("scaling_form"), lang)),
        (_m("decision", lang), vlabel("experiment_decision", answer.get("decision"), lang)))
        if value]
    if facts:
        ax.set_title(tex(wrap(" · ".join(facts), 46, 3)), fontsize=FONT, loc="left")
    budget_a = 24 if not barriers else max(4, round(24 * weights[0] / sum(weights)) - 1)
    key_list(fig.add_subplot(grid[0, 1]), [("•", a, False) for a in actors], budget=budget_a,
             width=30, lines=2 if 2 * len(actors) < budget_a else 1, heading=_m("actors", lang),
             rest=_m("rest", lang))
    if barriers:
        budget_b = max(4, 23 - budget_a)
        key_list(fig.add_subplot(grid[1, 1]), [("•", b, False) for b in barriers],
                 budget=budget_b, width=30, lines=2 if 2 * len(barriers) < budget_b else 1,
                 heading=_m("barriers", lang), rest=_m("rest", lang))
    return fig


@register(NAME, reads=("experiment", "scaling_types", "scaling_form", "target_actors",
                       "barriers", "decision"))
def scaling(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    answer = answer or {}
    types = vocabularies()["scaling_type"]
    chosen = [t for t in answer.get("scaling_types") or [] if t in types]
    actors, barriers = textlist(answer, "target_actors"), textlist(answer, "barriers")
    name = clean(answer.get("experiment"))
    form = vlabel("scaling_form", answer.get("scaling_form"), lang)
    decision = vlabel("experiment_decision", answer.get("decision"), lang)
    if not (chosen or actors or barriers or name or form or decision):
        return no_data(lang)
    table = pd.DataFrame(
        [(vlabel("scaling_type", t, lang), msg("yes_word" if t in chosen else "no_word", lang))
         for t in types]
        + [(_m("form", lang), form), (_m("decision", lang), decision),
           (_m("actors", lang), "\n".join(actors)), (_m("barriers", lang), "\n".join(barriers))],
        columns=[_m("col_item", lang), _m("col_value", lang)], dtype=object)
    sentences = [_m("alt", lang, experiment=name or _m("unnamed", lang))]
    if chosen:
        sentences.append(_m("alt_chosen", lang, directions="; ".join(
            vlabel("scaling_type", t, lang) for t in types if t in chosen)))
    else:
        sentences.append(_m("alt_none", lang))
    if form:
        sentences.append(_m("alt_form", lang, form=form))
    if decision:
        sentences.append(_m("alt_decision", lang, decision=decision))
    if actors:
        sentences.append(_m("alt_actors", lang, count=len(actors), names=listing(actors, lang)))
    if barriers:
        sentences.append(_m("alt_barriers", lang, count=len(barriers),
                            names=listing(barriers, lang)))
    return Chart(_draw(answer, chosen, actors, barriers, lang), " ".join(sentences), table)

