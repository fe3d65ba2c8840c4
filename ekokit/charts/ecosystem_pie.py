"""``ecosystem_pie`` (s1_ecosystem_pie): the Ecosystem Pie Model (Talmar et al.) as a pie: one
slice per actor around the ecosystem's value proposition, the inner ring of a slice shaded by the
actor's dependence on the ecosystem, the outer ring by the risk it poses (darker is more, and
denser hatching too, for print). Each slice is named outside the pie; what the actors bring and
get is in the table."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.patches import Circle, Patch, Wedge

from ekokit.charts._base import (
    BLACK,
    FONT,
    Chart,
    clean,
    field_label,
    figure,
    gist,
    listing,
    named,
    no_data,
    register,
    side,
    tex,
    texts,
    vlabel,
)
from ekokit.charts._place import fit, legend_below, settle
from ekokit.content.exercises import Exercise

NAME = "ecosystem_pie"
LEVELS = ("low", "medium", "high")
DEPENDENCE = {"low": "#DCEBF7", "medium": "#8DBCE3", "high": "#2F78B7"}
RISK = {"low": "#FCEBC2", "medium": "#F3B562", "high": "#D55E00"}
HATCH = {"low": "", "medium": "..", "high": "xx"}
HOLE, INNER, OUTER = 0.4, 0.7, 1.0
_m = texts(NAME)


def _draw(exercise: Exercise, actors: list[dict], proposition: str, lang: str):
    n = len(actors)
    fig = figure((7.0, 5.6))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set(xlim=(-2.05, 2.05), ylim=(-1.3, 1.3))
    renderer = settle(fig)
    fig.set_layout_engine("constrained")
    step = 360 / n
    lines = 3 if n <= 8 else 2
    for i, actor in enumerate(actors):
        start = 90 - (i + 1) * step
        dep, risk = str(actor.get("dependence")), str(actor.get("risk"))
        ax.add_patch(Wedge((0, 0), INNER, start, start + step, width=INNER - HOLE,
                           facecolor=DEPENDENCE.get(dep, "white"), edgecolor=BLACK, lw=1))
        ax.add_patch(Wedge((0, 0), OUTER, start, start + step, width=OUTER - INNER,
                           facecolor=RISK.get(risk, "white"), edgecolor=BLACK, lw=1,
                           hatch=HATCH.get(risk, "")))
        angle = math.radians(start + step / 2)
        x, y = 1.06 * math.cos(angle), 1.06 * math.sin(angle)
        name = tex(fit(actor["name"], 118, lines, renderer))
        ax.text(x, y, name, fontsize=FONT, linespacing=1.1, **side(angle))
    ax.add_patch(Circle((0, 0), HOLE, facecolor="white", edgecolor=BLACK, lw=1.2))
    ax.text(0, 0, tex(fit(_m("centre", lang), 76, 3, renderer, weight="bold")), ha="center",
            va="center", fontsize=FONT, weight="bold", linespacing=1.05)
    if proposition:
        fig.suptitle(tex(fit(proposition, 6.6 * 72, 3, renderer)), fontsize=FONT,
                     linespacing=1.1)
    used_dep = {a.get("dependence") for a in actors}
    used_risk = {a.get("risk") for a in actors}
    handles = [Patch(facecolor=DEPENDENCE[k], edgecolor=BLACK,
                     label=_m("dependence_key", lang, level=vlabel("pie_level", k, lang)))
               for k in LEVELS if k in used_dep]
    handles += [Patch(facecolor=RISK[k], edgecolor=BLACK, hatch=HATCH[k],
                      label=_m("risk_key", lang, level=vlabel("pie_level", k, lang)))
                for k in LEVELS if k in used_risk]
    if used_dep - set(LEVELS) or used_risk - set(LEVELS):
        handles.append(Patch(facecolor="white", edgecolor=BLACK, label=_m("unknown", lang)))
    legend_below(fig, handles, most=3)
    return fig


def _table(exercise: Exercise, actors: list[dict], lang: str) -> pd.DataFrame:
    keys = ("name", "resources", "activities", "value_addition", "value_capture", "dependence",
            "risk", "risk_note")
    out = [tuple(vlabel("pie_level", a.get(k), lang) if k in ("dependence", "risk")
                 else clean(a.get(k)) for k in keys) for a in actors]
    return pd.DataFrame(out, columns=[field_label(exercise, lang, "actors", k) for k in keys],
                        dtype=object)


@register(NAME, reads=("value_proposition", "actors.name", "actors.resources",
                       "actors.activities", "actors.value_addition", "actors.value_capture",
                       "actors.dependence", "actors.risk", "actors.risk_note"))
def ecosystem_pie(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    actors = named(answer, "actors")
    proposition = clean(answer.get("value_proposition"))
    if not actors:
        return no_data(lang)
    alt = [_m("alt", lang, count=len(actors))]
    if proposition:
        alt.append(_m("alt_proposition", lang, text=gist(proposition)))
    for key, word in (("dependence", "alt_dependence"), ("risk", "alt_risk")):
        high = [gist(a["name"]) for a in actors if a.get(key) == "high"]
        if high:
            alt.append(_m(word, lang, names=listing(high, lang)))
    return Chart(_draw(exercise, actors, proposition, lang), " ".join(alt),
                 _table(exercise, actors, lang))
