"""``megatrend_relevance`` (s2_megatrends): how much each megatrend concerns the phenomenon (1–5),
one horizontal bar per megatrend, most relevant at the top; unrated megatrends are named below."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import (
    BLUE,
    FONT,
    GREY,
    Chart,
    figure,
    listing,
    no_data,
    register,
    rows,
    tex,
    texts,
    vlabel,
    whole,
    wrap,
    yes_no,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "megatrend_relevance"
TRENDS, LEVELS = "megatrend", "relevance_level"


_m = texts(NAME)


def _scores(answer: dict[str, Any]) -> dict[str, int]:
    trends = vocabularies()[TRENDS]
    scores = (answer or {}).get("relevance") or {}
    if not isinstance(scores, dict):
        return {}
    return {k: v for k, v in scores.items() if k in trends and whole(v) is not None}


def _draw(ranked: list[str], scores: dict[str, int], unrated: list[str], lang: str):
    fig = figure((6.4, 3.6))
    ax = fig.add_subplot()
    positions = range(len(ranked) - 1, -1, -1)
    ax.barh(list(positions), [scores[t] for t in ranked], color=BLUE, height=0.6, zorder=2)
    for y, trend in zip(positions, ranked, strict=False):
        ax.text(scores[trend] + 0.08, y, str(scores[trend]), va="center", fontsize=FONT,
                weight="bold")
    ax.set_yticks(list(positions), [tex(wrap(vlabel(TRENDS, t, lang), 22, 2)) for t in ranked],
                  fontsize=FONT)
    ax.set(xlim=(0, 5.5), xticks=range(6))
    ax.tick_params(axis="x", labelsize=FONT)
    ax.grid(axis="x", color="#DDDDDD", lw=0.6, zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(_m("axis", lang), fontsize=FONT + 1)
    if unrated:
        ax.set_title(_m("unrated", lang, names=listing(unrated, lang)), fontsize=FONT,
                     loc="left", color=GREY, wrap=True)
    return fig


@register(NAME, reads=("relevance", "readings.megatrend"))
def megatrend_relevance(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    scores = _scores(answer)
    trends = vocabularies()[TRENDS]
    read = {r.get("megatrend") for r in rows(answer, "readings")}
    table = pd.DataFrame(
        [(vlabel(TRENDS, t, lang), scores.get(t), vlabel(LEVELS, str(scores.get(t) or ""), lang),
          yes_no(t in read, lang)) for t in trends],
        columns=[_m(k, lang) for k in ("col_megatrend", "col_score", "col_level", "col_read")],
        dtype=object)
    if not scores:
        return no_data(lang, table if read else None)
    ranked = sorted(scores, key=lambda t: (-scores[t], trends.index(t)))
    unrated = [vlabel(TRENDS, t, lang) for t in trends if t not in scores]
    top = max(scores.values())
    alt = [_m("alt", lang, ranking="; ".join(f"{vlabel(TRENDS, t, lang)} {scores[t]}"
                                              for t in ranked)),
           _m("alt_top", lang, names=listing([vlabel(TRENDS, t, lang) for t in ranked
                                              if scores[t] == top], lang), score=top)]
    if unrated:
        alt.append(_m("unrated", lang, names=listing(unrated, lang)))
    return Chart(_draw(ranked, scores, unrated, lang), " ".join(alt), table)
