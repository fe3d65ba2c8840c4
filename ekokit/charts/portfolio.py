"""``portfolio`` (s3_portfolio): the portfolio's experiments as cards in one lane per phase
(identify → analyse), the decision on each shown by the card's marker, fill and edge."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyBboxPatch, Rectangle

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREEN,
    GREY,
    PALE,
    VERMILLION,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    texts,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "portfolio"
# decision: (marker, marker colour, card fill, card edge style)
DECISIONS: dict[str | None, tuple[str, str, str, str]] = {
    "continue": (">", BLUE, "#DCEBF7", "-"), "scale": ("^", GREEN, "#D5F0E6", "-"),
    "stop": ("s", VERMILLION, "#F9DCCB", "-")}
OPEN = ("o", "white", "white", "--")
PER_ROW, EMPTY, GAP = 2, 0.6, 0.3  # cards per row; heights in card rows


_m = texts(NAME)


def _draw(lanes: list[tuple[str | None, list[dict]]], lang: str):
    """One lane per phase, top down; the cards flow PER_ROW to a row inside their lane."""
    spans = [max(1, math.ceil(len(items) / PER_ROW)) if items else EMPTY for _, items in lanes]
    total = sum(spans) + GAP * (len(lanes) - 1)
    fig = figure((6.4, min(5.6, max(2.6, 0.6 * total + 0.8))))
    ax = fig.add_subplot()  # lane labels sit left of the axes; constrained layout makes room
    ax.axis("off")
    ax.set(xlim=(0, PER_ROW), ylim=(total, 0))
    top = 0.0
    for no, ((phase, items), span) in enumerate(zip(lanes, spans, strict=False), 1):
        head = f"{no}. {vlabel('experiment_phase', phase, lang)}" if phase else _m("no_phase", lang)
        ax.text(-0.04, top + min(span, 1) / 2, tex(wrap(head, 18, 2)), ha="right", va="center",
                fontsize=FONT, weight="bold", transform=ax.transData, in_layout=True)
        ax.add_patch(Rectangle((0, top - GAP / 3), PER_ROW, span + GAP * 2 / 3, facecolor=PALE,
                               edgecolor="none", zorder=0))
        if not items:
            ax.text(0.1, top + span / 2, msg("empty_cell", lang), ha="left", va="center",
                    fontsize=FONT, color=GREY)
        for i, item in enumerate(items):
            marker, colour, fill, edge = DECISIONS.get(item.get("decision"), OPEN)
            row, col = divmod(i, PER_ROW)
            x, y = col + 0.04, top + row + 0.08
            ax.add_patch(FancyBboxPatch((x, y), 0.92, 0.84,
                                        boxstyle="round,pad=0,rounding_size=0.05", facecolor=fill,
                                        edgecolor=BLACK, lw=1, ls=edge, zorder=1))
            ax.plot(x + 0.07, y + 0.42, marker=marker, ms=9, color=colour, mec=BLACK, ls="none",
                    zorder=2)
            ax.text(x + 0.16, y + 0.42, tex(wrap(item["name"], 23, 2, stretch=1.2)), ha="left",
                    va="center", fontsize=FONT, linespacing=1.05, zorder=2)
        top += span + GAP
    used = {i.get("decision") for _, items in lanes for i in items}
    handles = [Line2D([], [], marker=m, color=c, mec=BLACK, ms=9, ls="none",
                      label=vlabel("experiment_decision", d, lang))
               for d, (m, c, _, _) in DECISIONS.items() if d in used]
    if used - set(DECISIONS):
        handles.append(Line2D([], [], marker="o", color="white", mec=BLACK, ms=9, ls="none",
                              label=_m("undecided", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False)
    return fig


@register(NAME, reads=("experiments.name", "experiments.phase", "experiments.decision",
                       "experiments.owner", "experiments.purposes"))
def portfolio(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    items = named(answer, "experiments")
    if not items:
        return no_data(lang)
    phases = vocabularies()["experiment_phase"]
    columns: list[tuple[str | None, list[dict]]] = [
        (p, [i for i in items if i.get("phase") == p]) for p in phases]
    loose = [i for i in items if i.get("phase") not in phases]
    if loose:
        columns.append((None, loose))
    table = pd.DataFrame(
        [(clean(i["name"]), clean(i.get("owner")), vlabel("experiment_phase", i.get("phase"), lang),
          vlabel("experiment_decision", i.get("decision"), lang),
          ", ".join(vlabel("experiment_purpose", p, lang) for p in i.get("purposes") or []))
         for i in items],
        columns=[_m(k, lang) for k in ("col_name", "col_owner", "col_phase", "col_decision",
                                       "col_purposes")], dtype=object)
    sentences = [_m("alt", lang, count=len(items))]
    for phase, members in columns:
        if members:
            head = vlabel("experiment_phase", phase, lang) if phase else _m("no_phase", lang)
            sentences.append(_m("alt_phase", lang, phase=head, count=len(members),
                                names=listing([clean(i["name"]) for i in members], lang)))
    for decision in DECISIONS:
        chosen = [clean(i["name"]) for i in items if i.get("decision") == decision]
        if chosen:
            sentences.append(_m("alt_decision", lang,
                                decision=vlabel("experiment_decision", decision, lang),
                                names=listing(chosen, lang)))
    open_count = sum(i.get("decision") not in DECISIONS for i in items)
    if open_count:
        sentences.append(_m("alt_undecided", lang, count=open_count))
    return Chart(_draw(columns, lang), " ".join(sentences), table)
