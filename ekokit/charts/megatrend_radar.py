"""``megatrend_radar`` (s2_megatrend_radar) and ``megatrend_observations``
(h2_megatrend_observations): the observations on a target, a sector per megatrend and a ring per
distance (close in the middle), a marker and colour per observation type. Markers carry their
row number from the table; when there are too many to number legibly, the markers stand alone
and the table names them."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.patches import Circle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    PALE,
    Chart,
    around,
    clean,
    figure,
    gist,
    listing,
    msg,
    named,
    no_data,
    register,
    side,
    tex,
    texts,
    vlabel,
    vocab_keys,
    vocab_style,
    wrap,
)
from ekokit.charts._place import extents, place, settle
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "megatrend_radar"
TRENDS, DISTANCE, TYPES = "megatrend", "radar_distance", "observation_type"
RINGS = {"close": (0.0, 1.5), "middle": (1.5, 2.45), "far": (2.45, 3.3)}
FILLS = {"close": "#D9D9D9", "middle": "#E9E9E9", "far": PALE}
MS = 8
GAP = 0.62  # data units between neighbours on an arc: a marker and its number


_m = texts(NAME)


def _short(distance: str, lang: str) -> str:
    """'Lähellä' of 'Lähellä – koskettaa meitä jo nyt': the vocabulary label's head."""
    return vlabel(DISTANCE, distance, lang).split(" – ")[0]


def _cell(count: int, r0: float, r1: float, a0: float, a1: float) -> list[tuple[float, float]]:
    """``count`` points in rows along the arcs of one ring sector (angles in radians, a0 < a1),
    kept off the sector's edges: the longest row first, ``GAP`` apart while they fit, shared by
    the rows' lengths when they do not."""
    inner = max(r0 + 0.3, 0.55)
    rows = max(1, int((r1 - 0.3 - inner) / 0.42) + 1)
    radii = [inner + (r1 - 0.3 - inner) * (k + 0.5) / rows for k in range(rows)]
    margins = [min(0.28 / r, (a1 - a0) / 4) for r in radii]
    lengths = [r * (a1 - a0 - 2 * m) for r, m in zip(radii, margins, strict=False)]
    room = [int(length / GAP) + 1 for length in lengths]
    share = [0] * rows
    if count <= sum(room):
        left = count
        for k in sorted(range(rows), key=lambda k: -lengths[k]):
            share[k] = min(room[k], left)
            left -= share[k]
    else:
        total = sum(lengths)
        share = [int(count * length / total) for length in lengths]
        share[lengths.index(max(lengths))] += count - sum(share)
    points = []
    for r, margin, n in zip(radii, margins, share, strict=False):
        span = min(a1 - a0 - 2 * margin, (n - 1) * GAP / r)  # few points sit mid-sector
        for k in range(n):
            a = (a0 + a1) / 2 if n == 1 else (a0 + a1 - span) / 2 + span * k / (n - 1)
            points.append((r * math.cos(a), r * math.sin(a)))
    return points


def _draw(placed: list[dict], trends: tuple[str, ...], lang: str, dense: bool = False):
    """The radar; numbered markers, or (``dense``, or when the numbers do not fit) plain ones
    with a note that the table names them."""
    fig = figure((6.4, 4.6))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set(xlim=(-5.2, 5.2), ylim=(-4.3, 3.45))
    for ring, (_, outer) in reversed(RINGS.items()):
        ax.add_patch(Circle((0, 0), outer, facecolor=FILLS[ring], edgecolor=GREY, lw=1))
    step = 2 * math.pi / len(trends)
    outer = RINGS["far"][1]
    xy: list[tuple[float, float]] = [(0.0, 0.0)] * len(placed)
    # A sector edge points straight up, so no sector label collides with the title above.
    for k, (_, _, centre) in enumerate(around(len(trends), 1.0, 90 - 180 / len(trends))):
        edge = centre + step / 2
        ax.plot([0, outer * math.cos(edge)], [0, outer * math.sin(edge)], color=GREY, lw=1)
        x, y, _ = next(around(1, outer + 0.15, math.degrees(centre)))
        members = [o for o in placed if o["megatrend"] == trends[k]]
        ax.text(x, y, tex(wrap(_m("sector", lang, name=vlabel(TRENDS, trends[k], lang),
                                  count=len(members)), 18, 3)),
                fontsize=FONT, weight="bold", linespacing=1.05, **side(centre))
        for ring, (r0, r1) in RINGS.items():
            here = [i for i, o in enumerate(placed) if o is not None
                    and o["megatrend"] == trends[k] and o["distance"] == ring]
            for i, point in zip(here, _cell(len(here), r0, r1, centre - step / 2,
                                            centre + step / 2), strict=False):
                xy[i] = point
    for o, (x, y) in zip(placed, xy, strict=False):
        marker, colour = vocab_style(TYPES, o.get("type"))
        ax.plot(x, y, marker=marker, ms=MS, color=colour, mec=BLACK, ls="none", zorder=3)
    used = {o.get("type") for o in placed}
    handles = vocab_keys(TYPES, used, lang, _m("no_type", lang))
    rings = _m("rings", lang, rings=" → ".join(_short(d, lang) for d in RINGS))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3),
               fontsize=FONT, frameon=False, title_fontsize=FONT,
               title=rings + ("\n" + _m("dense", lang) if dense else ""))
    renderer = settle(fig)
    if dense:
        return fig
    # Numbers only right beside their markers: one standing further off reads as another's.
    if place(ax, xy, [str(o["no"]) for o in placed], renderer=renderer,
             avoid=extents(ax.texts, renderer), marker=MS + 2, radii=(7,), misfit="none").fits:
        return fig
    return _draw(placed, trends, lang, dense=True)


def _table(observations: list[dict], lang: str, members: bool) -> pd.DataFrame:
    out = [(o["no"], clean(o["observation"]), *((clean(o.get("member")),) if members else ()),
            vlabel(TRENDS, o.get("megatrend"), lang), vlabel(DISTANCE, o.get("distance"), lang),
            vlabel(TYPES, o.get("type"), lang), clean(o.get("source"))) for o in observations]
    keys = ("col_observation", *(("col_member",) if members else ()), "col_megatrend",
            "col_distance", "col_type", "col_source")
    return pd.DataFrame(out, columns=[msg("col_no", lang), *(_m(k, lang) for k in keys)],
                        dtype=object)


def _alt(observations: list[dict], placed: list[dict], trends: tuple[str, ...], lang: str,
         members: bool) -> str:
    sentences = [_m("alt", lang, count=len(observations))]
    if members:
        names = sorted({clean(o.get("member")) for o in observations if clean(o.get("member"))})
        if names:
            sentences.append(_m("alt_members", lang, count=len(names),
                                names=listing(names, lang, limit=8)))
    for trend in trends:
        here = [o for o in placed if o["megatrend"] == trend]
        if here:
            rings = ", ".join(f"{_short(d, lang).lower()} {n}" for d in RINGS
                              if (n := sum(1 for o in here if o["distance"] == d)))
            sentences.append(_m("alt_trend", lang, name=vlabel(TRENDS, trend, lang),
                                count=len(here), rings=rings))
    empty = [vlabel(TRENDS, t, lang) for t in trends
             if not any(o.get("megatrend") == t for o in observations)]
    if empty:
        sentences.append(_m("alt_empty", lang, names=listing(empty, lang)))
    close = [_m("quote", lang, text=gist(o["observation"])) for o in placed
             if o["distance"] == "close"]
    if close:
        sentences.append(_m("alt_close", lang, names=listing(close, lang, limit=3)))
    loose = [o for o in observations if o not in placed]
    if loose:
        sentences.append(_m("alt_unplaced", lang, count=len(loose)))
    return " ".join(sentences)


def _radar(answer: dict[str, Any], lang: str, members: bool) -> Chart:
    observations = [{**o, "no": i}
                    for i, o in enumerate(named(answer, "observations", "observation"), 1)]
    if not observations:
        return no_data(lang)
    trends = vocabularies()[TRENDS]
    placed = [o for o in observations
              if o.get("megatrend") in trends and o.get("distance") in RINGS]
    return Chart(_draw(placed, trends, lang) if placed else None,
                 _alt(observations, placed, trends, lang, members),
                 _table(observations, lang, members))


@register(NAME, reads=("observations.observation", "observations.megatrend",
                       "observations.distance", "observations.type", "observations.source"))
def megatrend_radar(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    return _radar(answer, lang, members=False)


@register("megatrend_observations", reads=(
    "observations.observation", "observations.member", "observations.megatrend",
    "observations.distance", "observations.type", "observations.source"))
def megatrend_observations(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    return _radar(answer, lang, members=True)
