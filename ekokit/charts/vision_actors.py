"""``vision_actors`` (s2_vision): the actors the vision needs on the Session 1 ring map (core /
partners / environment), drawn with the ring map's own drawing; the vision itself is in the text
alternative and the table."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ekokit.charts._base import Chart, clean, listing, named, no_data, register, texts, vlabel
from ekokit.charts.ring_map import RADII
from ekokit.charts.ring_map import _draw as draw_rings
from ekokit.content.exercises import Exercise

NAME = "vision_actors"


_m = texts(NAME)


@register(NAME, reads=("vision", "vision_year", "actors_needed.name", "actors_needed.ring",
                       "actors_needed.contribution"))
def vision_actors(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    actors = named(answer, "actors_needed")
    vision = clean(answer.get("vision"))
    if not actors:
        return no_data(lang)
    by_ring = {ring: [{"name": a["name"]} for a in actors if a.get("ring") == ring]
               for ring in RADII}
    fig = None
    if any(by_ring.values()):
        fig = draw_rings(by_ring, lang)
        fig.legends.clear()  # the ring map's legend names organisation types, which s2 has not
    year = answer.get("vision_year")
    out = [_m("alt_vision", lang, vision=vision, year=year) if vision and isinstance(year, int)
           else _m("alt_vision_no_year", lang, vision=vision) if vision else "",
           _m("alt", lang, count=len(actors))]
    for ring in RADII:
        names = [clean(a["name"]) for a in actors if a.get("ring") == ring]
        if names:
            out.append(_m("alt_ring", lang, ring=vlabel("ring", ring, lang), count=len(names),
                          names=listing(names, lang)))
    loose = [clean(a["name"]) for a in actors if a.get("ring") not in RADII]
    if loose:
        out.append(_m("alt_no_ring", lang, names=listing(loose, lang)))
    table = pd.DataFrame([(clean(a["name"]), vlabel("ring", a.get("ring"), lang),
                           clean(a.get("contribution"))) for a in actors],
                         columns=[_m("col_actor", lang), _m("col_ring", lang),
                                  _m("col_contribution", lang)], dtype=object)
    return Chart(fig, " ".join(o for o in out if o), table)
