"""``mve_rings`` (s3_mve): the minimum viable ecosystem's essential actors on the Session 1 rings
(core / partner / environment, drawn by :func:`ekokit.charts.ring_map.draw_rings`); a filled
marker is ready now, a hollow one not yet. The actors who can wait are in the table and the alt."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.lines import Line2D

from ekokit.charts._base import (
    BLACK,
    BLUE,
    Chart,
    clean,
    listing,
    msg,
    named,
    no_data,
    register,
    textlist,
    texts,
    vlabel,
)
from ekokit.charts.ring_map import RADII, draw_rings
from ekokit.content.exercises import Exercise

NAME = "mve_rings"


_m = texts(NAME)


def _style(actor: dict) -> dict[str, Any]:
    ready = bool(actor.get("ready"))
    return {"marker": "o", "colour": BLUE, "mfc": BLUE if ready else "white", "ms": 12,
            "mew": 1 if ready else 2.2, "weight": "normal" if ready else "bold"}


def _handles(actors: list[dict], lang: str) -> list[Line2D]:
    out = []
    if any(a.get("ready") for a in actors):
        out.append(Line2D([], [], marker="o", color=BLUE, mec=BLACK, ms=11, ls="none",
                          label=_m("ready", lang)))
    if not all(a.get("ready") for a in actors):
        out.append(Line2D([], [], marker="o", color=BLUE, mfc="white", mec=BLACK, mew=2.2,
                          ms=11, ls="none", label=_m("not_ready", lang)))
    return out


@register(NAME, reads=("value_proposition", "essential_actors.name", "essential_actors.activity",
                       "essential_actors.ring", "essential_actors.ready", "can_wait"))
def mve_rings(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    actors = named(answer, "essential_actors")
    later = textlist(answer, "can_wait")
    value = clean((answer or {}).get("value_proposition"))
    if not actors and not later:
        return no_data(lang)
    table = pd.DataFrame(
        [(clean(a["name"]), clean(a.get("activity")), vlabel("ring", a.get("ring"), lang),
          msg("yes_word" if a.get("ready") else "no_word", lang), _m("now", lang))
         for a in actors]
        + [(name, "", "", "", _m("later", lang, no=n)) for n, name in enumerate(later, 1)],
        columns=[_m(k, lang) for k in ("col_name", "col_activity", "col_ring", "col_ready",
                                       "col_when")], dtype=object)
    by_ring = {ring: [a for a in actors if a.get("ring") == ring] for ring in RADII}
    sentences = [_m("alt", lang, count=len(actors))]
    if value:
        sentences.append(_m("alt_value", lang, value=value))
    for ring, members in by_ring.items():
        if members:
            sentences.append(_m("alt_ring", lang, ring=vlabel("ring", ring, lang),
                                count=len(members),
                                names=listing([clean(a["name"]) for a in members], lang)))
    loose = [clean(a["name"]) for a in actors if a.get("ring") not in RADII]
    if loose:
        sentences.append(_m("alt_no_ring", lang, names=listing(loose, lang)))
    waiting = [clean(a["name"]) for a in actors if not a.get("ready")]
    if actors:
        sentences.append(_m("alt_not_ready", lang, names=listing(waiting, lang)) if waiting
                         else _m("alt_all_ready", lang))
    if later:
        sentences.append(_m("alt_later", lang, count=len(later), names=listing(later, lang)))
    fig = draw_rings(by_ring, lang, _style, _handles(actors, lang)) if any(
        by_ring.values()) else None
    return Chart(fig, " ".join(sentences), table)
