"""``futures_wheel`` (s2_futures_wheel): the topic in the middle, the impacts on rings 1–3, a
branch from each impact to the impact it follows from (or to the centre), valence by colour and
marker, cross-links between branches dashed. The nodes are numbered; a key beside the wheel (or,
when there are many, the table) names them."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREEN,
    GREY,
    PALE,
    SKY,
    VERMILLION,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    shorten,
    style_keys,
    tex,
    textlist,
    texts,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise

NAME = "futures_wheel"
RINGS = ("first", "second", "third")
CENTRE = 1.1  # radius of the centre disc; ring k spans CENTRE + k*BAND … CENTRE + (k+1)*BAND
BAND = 0.72
VALENCES: dict[str | None, tuple[str, str]] = {
    "positive": ("o", GREEN), "negative": ("s", VERMILLION), "neutral": ("D", SKY)}
UNKNOWN = ("h", "white")
ARROW = re.compile(r"\s*(?:->|→|=>|⇒|⟶|—>|–>)\s*")
KEY_LINES = 24  # lines of 10 pt text the key beside the wheel can hold


_m = texts(NAME)


def _key(text: object) -> str:
    return clean(text).casefold()


def _index(impacts: list[dict]) -> dict[str, int]:
    """Each impact's key (case and spacing ignored) to the first impact of that name."""
    index: dict[str, int] = {}
    for i, imp in enumerate(impacts):
        index.setdefault(_key(imp["impact"]), i)
    return index


def _tree(impacts: list[dict]) -> list[int | None]:
    """Each impact's parent (an index) or None for the centre; an unknown name, a self-reference
    or a loop falls back to the centre."""
    index = _index(impacts)
    parents: list[int | None] = [None] * len(impacts)
    for i, imp in enumerate(impacts):
        parent = index.get(_key(imp.get("follows_from")))
        walk = parent
        while walk is not None and walk != i:
            walk = parents[walk]
        parents[i] = parent if parent is not None and walk is None else None
    return parents


def _ring(imp: dict, parent_ring: int | None) -> int:
    if imp.get("ring") in RINGS:
        return RINGS.index(imp["ring"])
    return min(parent_ring + 1, 2) if parent_ring is not None else 0


def _rings(impacts: list[dict], parents: list[int | None]) -> list[int]:
    rings: list[int | None] = [None] * len(impacts)

    def ring_of(i: int) -> int:
        ring = rings[i]
        if ring is None:
            p = parents[i]
            ring = rings[i] = _ring(impacts[i], ring_of(p) if p is not None else None)
        return ring

    return [ring_of(i) for i in range(len(impacts))]


def _angles(parents: list[int | None]) -> list[float]:
    """A radial tree: each branch gets a sector in proportion to its leaves."""
    children: dict[int | None, list[int]] = {}
    for i, p in enumerate(parents):
        children.setdefault(p, []).append(i)
    leaves: dict[int, int] = {}

    def count(i: int) -> int:
        if i not in leaves:
            leaves[i] = max(1, sum(count(c) for c in children.get(i, [])))
        return leaves[i]

    angles = [0.0] * len(parents)

    def place(node: int | None, start: float, span: float) -> None:
        kids = children.get(node, [])
        total = sum(count(k) for k in kids) or 1
        for k in kids:
            share = span * count(k) / total
            angles[k] = start + share / 2
            place(k, start, share)
            start += share

    place(None, math.pi / 2, 2 * math.pi)
    return angles


def _spread(angles: list[float], gap: float) -> list[float]:
    """Angles on a circle moved apart to at least ``gap``, keeping their order: pushed forward
    where too close, then shifted back by the mean push; evenly spaced if they no longer fit."""
    n = len(angles)
    if n < 2:
        return angles
    gap = min(gap, 2 * math.pi / n)
    order = sorted(range(n), key=lambda i: angles[i])
    wanted = [angles[i] for i in order]
    placed = wanted[:1]
    for a in wanted[1:]:
        placed.append(max(a, placed[-1] + gap))
    shift = (sum(placed) - sum(wanted)) / n
    placed = [a - shift for a in placed]
    if placed[-1] - placed[0] > 2 * math.pi - gap:
        placed = [placed[0] + k * 2 * math.pi / n for k in range(n)]
    out = [0.0] * n
    for i, value in zip(order, placed, strict=False):
        out[i] = value
    return out


def _layout(impacts: list[dict], parents: list[int | None], rings: list[int], size: float):
    """(x, y) of every impact: on its ring, sub-rows when a ring is crowded."""
    tree = _angles(parents)
    xy = [(0.0, 0.0)] * len(impacts)
    for ring in range(3):
        members = [i for i in range(len(impacts)) if rings[i] == ring]
        if not members:
            continue
        mid = CENTRE + (ring + 0.5) * BAND
        rows = 1
        while rows < 3 and len(members) * size > 2 * math.pi * mid * rows * 0.85:
            rows += 1
        offsets = {1: [0.0], 2: [-0.2, 0.2], 3: [-0.25, 0.0, 0.25]}[rows]
        inner = mid + offsets[0]
        spread = _spread([tree[i] for i in members], size * 1.05 / inner / rows)
        placed: list[tuple[float, float]] = []
        order = sorted(zip(members, spread, strict=False), key=lambda p: p[1])
        for rank, (i, angle) in enumerate(order):
            # the sub-row farthest from the nodes already placed (the ring closes on itself)
            spots = [((mid + offsets[(rank + k) % rows]) * math.cos(angle),
                      (mid + offsets[(rank + k) % rows]) * math.sin(angle)) for k in range(rows)]
            xy[i] = max(spots, key=lambda p: min((math.dist(p, q) for q in placed),
                                                 default=0.0))
            placed.append(xy[i])
    return xy


def _links(answer: dict[str, Any], impacts: list[dict]) -> tuple[list[tuple[int, int]], list[str]]:
    """Cross-links naming two impacts (as index pairs), and the ones that name none."""
    index = _index(impacts)
    found, loose = [], []
    for text in textlist(answer, "cross_links"):
        parts = ARROW.split(text, maxsplit=1)
        if len(parts) == 2 and _key(parts[0]) in index and _key(parts[1]) in index:
            a, b = index[_key(parts[0])], index[_key(parts[1])]
            if a != b:
                found.append((a, b))
                continue
        loose.append(text)
    return found, loose


def _draw(centre: str, impacts: list[dict], parents, rings, links, lang: str):
    n = len(impacts)
    key = n <= KEY_LINES
    fig = figure((6.4, 4.6))
    grid = fig.add_gridspec(1, 2, width_ratios=(1.25, 1) if key else (1, 0.0001))
    ax = fig.add_subplot(grid[0, 0])
    ax.set_aspect("equal")
    ax.axis("off")
    outer = CENTRE + 3 * BAND
    ax.set(xlim=(-outer - 0.1, outer + 0.1), ylim=(-outer - 0.1, outer + 0.1))
    for ring in reversed(range(3)):
        ax.add_patch(Circle((0, 0), CENTRE + (ring + 1) * BAND, facecolor="white" if ring % 2
                            else PALE, edgecolor=GREY, lw=0.8, zorder=0))
    ax.add_patch(Circle((0, 0), CENTRE, facecolor="#E3EEF7", edgecolor=BLACK, lw=1.2, zorder=3.5))
    # the marker's size in data units: the wheel is about 3.4 in across (4.6 in less the legend)
    size = (0.36 if n > 20 else 0.42) * (2 * outer) / 6.0
    xy = _layout(impacts, parents, rings, size)
    for i, (x, y) in enumerate(xy):
        p = parents[i]
        if p is None:
            d = math.hypot(x, y) or 1
            start = (x / d * CENTRE, y / d * CENTRE)
        else:
            start = xy[p]
        ax.plot([start[0], x], [start[1], y], color=GREY, lw=1.1, zorder=2)
    for a, b in links:
        ax.annotate("", xy=xy[b], xytext=xy[a], zorder=2, arrowprops={
            "arrowstyle": "-|>", "color": BLACK, "lw": 1.1, "ls": "--", "shrinkA": 9,
            "shrinkB": 9, "mutation_scale": 11, "connectionstyle": "arc3,rad=0.25"})
    ms = 15 if n > 20 else 18
    for i, (x, y) in enumerate(xy):
        marker, colour = VALENCES.get(impacts[i].get("valence"), UNKNOWN)
        ax.plot(x, y, marker=marker, ms=ms if marker != "D" else ms * 0.9, color=colour,
                mec=BLACK, mew=0.9, ls="none", zorder=3)
        ax.text(x, y, str(i + 1), ha="center", va="center", fontsize=FONT, zorder=4)
    ax.text(0, 0, tex(wrap(centre, 13, 4, stretch=1.0)), ha="center", va="center",
            fontsize=FONT, linespacing=1.1, zorder=4)
    if key:
        side = fig.add_subplot(grid[0, 1])
        side.axis("off")
        side.set(xlim=(0, 1), ylim=(0, 1))
        lines = 2 if n <= KEY_LINES // 2 else 1
        step = 1 / max(n * lines, 8)
        y = 1.0
        for i, imp in enumerate(impacts):
            text = (wrap(imp["impact"], 26, 2) if lines == 2 else shorten(imp["impact"], 28))
            side.text(0, y, f"{i + 1}", ha="left", va="top", fontsize=FONT, weight="bold")
            side.text(0.12, y, tex(text), ha="left", va="top", fontsize=FONT, linespacing=1.0)
            y -= step * (text.count("\n") + 1) + (step * 0.25 if lines == 2 else 0)
    handles = style_keys(VALENCES, (imp.get("valence") for imp in impacts), "valence", lang,
                         UNKNOWN, _m("no_valence", lang), ms=10)
    if links:
        handles.append(Line2D([], [], color=BLACK, ls="--", lw=1.1, label=_m("cross_link", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False, title=None if key else _m("see_table", lang),
               title_fontproperties={"size": FONT, "style": "italic"})
    return fig


def _table(impacts: list[dict], parents, rings, lang: str) -> pd.DataFrame:
    out = []
    for i, imp in enumerate(impacts):
        p = parents[i]
        out.append((i + 1, clean(imp["impact"]), vlabel("futures_ring", RINGS[rings[i]], lang),
                    f"{p + 1} {clean(impacts[p]['impact'])}" if p is not None
                    else _m("centre", lang),
                    vlabel("valence", imp.get("valence"), lang),
                    vlabel("futures_likelihood", imp.get("likelihood"), lang)))
    columns = [msg("col_no", lang), _m("col_impact", lang), _m("col_ring", lang),
               _m("col_follows", lang), _m("col_valence", lang), _m("col_likelihood", lang)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(centre: str, impacts, rings, links, loose, lang: str) -> str:
    out = [_m("alt", lang, centre=clean(centre) or _m("no_centre", lang), count=len(impacts))]
    counts = [sum(1 for r in rings if r == k) for k in range(3)]
    out.append(_m("alt_rings", lang, first=counts[0], second=counts[1], third=counts[2]))
    for valence in ("negative", "positive"):
        names = [clean(imp["impact"]) for imp in impacts if imp.get("valence") == valence]
        if names:
            out.append(_m(f"alt_{valence}", lang, count=len(names), names=listing(names, lang, 3)))
    if links:
        pairs = [f"{clean(impacts[a]['impact'])} → {clean(impacts[b]['impact'])}"
                 for a, b in links]
        out.append(_m("alt_links", lang, count=len(links), links=listing(pairs, lang, 3)))
    if loose:
        out.append(_m("alt_loose", lang, count=len(loose)))
    return " ".join(out)


@register(NAME, reads=("centre", "impacts.impact", "impacts.ring", "impacts.follows_from",
                       "impacts.valence", "impacts.likelihood", "cross_links"))
def futures_wheel(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    impacts = named(answer, "impacts", "impact")
    centre = clean(answer.get("centre"))
    if not impacts:
        return no_data(lang)
    parents = _tree(impacts)
    rings = _rings(impacts, parents)
    links, loose = _links(answer, impacts)
    fig = _draw(centre or _m("no_centre", lang), impacts, parents, rings, links, lang)
    return Chart(fig, _alt(centre, impacts, rings, links, loose, lang),
                 _table(impacts, parents, rings, lang))
