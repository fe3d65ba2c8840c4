"""``shared_network``: the programme's shared ecosystem ("out of silos") — the teams on a ring and
the actors two or more of them named inside it, each actor linked to the teams that named it.

Not an exercise's chart (it reads every team's answers, not one answer), so it is not in
``CHARTS``; it is a pure function all the same: ``shared_network(teams, shared, lang) → Chart``.
The layout is networkx's spring layout with the teams held on the ring, so an actor named by many
teams sits in the middle and one named by two sits between them. networkx is imported only
when a network is drawn (it is for this chart alone)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    ORANGE,
    Chart,
    around,
    clean,
    figure,
    gist,
    listing,
    tags,
    tex,
    texts,
    wrap,
)
from ekokit.charts._place import DIRECTIONS, place, settle
from ekokit.model.actors import SharedActor

NAME = "shared_network"
_m = texts(NAME)
RING = 1.0  # the teams' ring; actors are kept inside it
K = 0.9  # the spring layout's ideal distance: actors keep apart from each other
INSIDE = 0.78  # actors stay within this share of the ring
GAP = 0.16  # the least distance between two actors (the ring's radius is 1)
MANY = 12  # beyond this many actors, the figure numbers them (the table's first column)
TEAM_MS = 16  # a team's square, points
ALT_ACTORS = 8  # actors named one by one in the text alternative


def _layout(teams: Sequence[str], shared: Sequence[SharedActor]) -> dict[str, tuple[float, float]]:
    """{node: (x, y)}: team nodes ``t:<slug>`` fixed on the ring, actor nodes ``a:<i>`` where
    the spring layout settles them, then drawn in to at most ``INSIDE`` of the ring."""
    import networkx as nx

    graph = nx.Graph()
    ring = {f"t:{slug}": (x, y) for slug, (x, y, _) in zip(teams, around(len(teams), RING),
                                                          strict=True)}
    graph.add_nodes_from(ring)
    for i, actor in enumerate(shared):
        graph.add_node(f"a:{i}")
        graph.add_edges_from((f"a:{i}", f"t:{slug}") for slug in actor.teams if f"t:{slug}" in ring)
    if not shared:
        return ring
    pos = nx.spring_layout(graph, pos=ring, fixed=list(ring), seed=11, k=K, iterations=300)
    points = _apart([(float(pos[f"a:{i}"][0]), float(pos[f"a:{i}"][1]))
                     for i in range(len(shared))])
    return {**ring, **{f"a:{i}": xy for i, xy in enumerate(points)}}


def _inside(x: float, y: float) -> tuple[float, float]:
    r = math.hypot(x, y)
    scale = min(1.0, INSIDE * RING / r) if r else 1.0
    return x * scale, y * scale


def _apart(points: list[tuple[float, float]], gap: float = GAP) -> list[tuple[float, float]]:
    """The actors kept inside the ring and at least ``gap`` apart: actors named by the same
    teams settle on one spot in the spring layout, and a marker must not hide another."""
    xy = [_inside(x, y) for x, y in points]
    for _ in range(60):
        moved = False
        for i, j in itertools.combinations(range(len(xy)), 2):
            (x1, y1), (x2, y2) = xy[i], xy[j]
            d = math.hypot(x2 - x1, y2 - y1)
            if d >= gap:
                continue
            angle = math.atan2(y2 - y1, x2 - x1) if d > 1e-9 else (i + j) * 2.4
            push = (gap - d) / 2 + 1e-3
            dx, dy = push * math.cos(angle), push * math.sin(angle)
            xy[i], xy[j] = _inside(x1 - dx, y1 - dy), _inside(x2 + dx, y2 + dy)
            moved = True
        if not moved:
            break
    return xy


def _actor_ms(actor: SharedActor) -> float:
    """An actor's marker grows with the teams that named it."""
    return 8 + 2 * min(len(actor.teams), 6)


def _marks(ax: Axes, points: Sequence[tuple[float, float]], sizes: Sequence[float]) -> list[Bbox]:
    """The pixel boxes of markers ``sizes`` points wide at data ``points`` (for :func:`place` to
    keep labels off them)."""
    px = ax.figure.dpi / 72
    boxes = []
    for (x, y), size in zip(points, sizes, strict=True):
        u, v = ax.transData.transform((x, y))
        half = size * px / 2
        boxes.append(Bbox.from_extents(u - half, v - half, u + half, v + half))
    return boxes


def _outward(x: float, y: float) -> tuple[tuple[int, int], ...]:
    """The label directions of a team on the ring, outward first, never inward."""
    dx = 1 if x > 0.3 else -1 if x < -0.3 else 0
    dy = 1 if y > 0.3 else -1 if y < -0.3 else 0
    near = [d for d in DIRECTIONS if d[0] * x + d[1] * y > -0.05]
    return ((dx, dy), *[d for d in near if d != (dx, dy)]) if (dx, dy) != (0, 0) else tuple(near)


def _draw(teams: Sequence[tuple[str, str]], shared: Sequence[SharedActor], lang: str):
    slugs = [slug for slug, _ in teams]
    pos = _layout(slugs, shared)
    big = len(teams) > 6 or len(shared) > 8
    fig = figure((10.0, 8.0) if big else (8.0, 6.4))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set(xlim=(-1.9, 1.9), ylim=(-1.3, 1.3))
    for i, actor in enumerate(shared):
        ax_, ay = pos[f"a:{i}"]
        for slug in actor.teams:
            if f"t:{slug}" in pos:
                tx, ty = pos[f"t:{slug}"]
                ax.plot([ax_, tx], [ay, ty], color=GREY, lw=0.9, alpha=0.7, zorder=1)
    ring = [pos[f"t:{slug}"] for slug in slugs]
    for x, y in ring:
        ax.plot(x, y, marker="s", ms=TEAM_MS, color=BLUE, mec=BLACK, ls="none", zorder=3)
    anchors = [pos[f"a:{i}"] for i in range(len(shared))]
    for (x, y), actor in zip(anchors, shared, strict=True):
        ax.plot(x, y, marker="o", ms=_actor_ms(actor), color=ORANGE, mec=BLACK,
                ls="none", zorder=3)
    keys = [Line2D([], [], marker="s", color=BLUE, mec=BLACK, ms=11, ls="none",
                   label=_m("team", lang)),
            Line2D([], [], marker="o", color=ORANGE, mec=BLACK, ms=11, ls="none",
                   label=_m("actor", lang))]
    fig.legend(handles=keys, loc="outside lower center", ncols=2, fontsize=FONT, frameon=False)
    renderer = settle(fig)
    actor_marks = _marks(ax, anchors, [_actor_ms(a) for a in shared])
    # the teams first, outward where they can (clear of the actors' markers), then the actors
    # round them: every label on a free spot, or the nearest one that covers least
    team_marks = _marks(ax, ring, [TEAM_MS] * len(ring))
    for xy, (_slug, name) in zip(ring, teams, strict=True):
        taken = [t.get_window_extent(renderer) for t in ax.texts]
        place(ax, [xy], [tex(wrap(name, 16, 2))], renderer=renderer, marker=TEAM_MS,
              avoid=[*actor_marks, *team_marks, *taken], directions=_outward(*xy),
              misfit="least", fontsize=FONT, weight="bold")
    taken = [t.get_window_extent(renderer) for t in ax.texts]
    place(ax, anchors, tags([a.name for a in shared], 20, many=MANY, lines=3),
          renderer=renderer, avoid=[*team_marks, *taken], marker=20, misfit="least",
          fontsize=FONT - 1)
    return fig


def _table(teams: Sequence[tuple[str, str]], shared: Sequence[SharedActor],
           lang: str) -> pd.DataFrame:
    names = dict(teams)
    out = [(i, clean(a.name), len(a.teams), ", ".join(names.get(s, s) for s in a.teams),
            ", ".join(a.spellings))
           for i, a in enumerate(shared, start=1)]
    columns = [_m(k, lang) for k in ("col_no", "col_actor", "col_count", "col_teams",
                                      "col_spellings")]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(teams: Sequence[tuple[str, str]], shared: Sequence[SharedActor], lang: str) -> str:
    names = dict(teams)
    sentences = [_m("alt", lang, teams=len(teams), actors=len(shared))]
    for actor in shared[:ALT_ACTORS]:
        sentences.append(_m("alt_actor", lang, actor=gist(actor.name), count=len(actor.teams),
                            teams=listing([names.get(s, s) for s in actor.teams], lang)))
    if len(shared) > ALT_ACTORS:
        sentences.append(_m("alt_more", lang, count=len(shared) - ALT_ACTORS))
    return " ".join(sentences)


def shared_network(teams: Sequence[tuple[str, str]], shared: Sequence[SharedActor],
                   lang: str) -> Chart:
    """The network of ``teams`` ((slug, name shown), in the order to go round the ring) and the
    ``shared`` actors (:func:`ekokit.model.actors.shared_actors`). Without a shared actor: no
    figure, a sentence that says so. Teams that share nothing still stand on the ring."""
    teams = list(teams)
    shared = [a for a in shared if any(s in dict(teams) for s in a.teams)]
    table = _table(teams, shared, lang)
    if not shared:
        return Chart(None, _m("none", lang, teams=len(teams)), table)
    return Chart(_draw(teams, shared, lang), _alt(teams, shared, lang), table)
