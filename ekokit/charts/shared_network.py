"""``shared_network``: the programme's shared ecosystem ("out of silos") — the teams on a ring and
the actors two or more of them named inside it, each actor linked to the teams that named it.

Not an exercise's chart (it reads every team's answers, not one answer), so it is not in
``CHARTS``; it is a pure function all the same: ``shared_network(teams, shared, lang) → Chart``.
The layout is networkx's spring layout with the teams held on the ring, so an actor named by many
teams sits in the middle and one named by two sits between them. networkx is imported only
when a network is drawn (it is for this chart alone)."""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd
from matplotlib.lines import Line2D

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
    side,
    tags,
    tex,
    texts,
    wrap,
)
from ekokit.charts._place import place, settle
from ekokit.model.actors import SharedActor

NAME = "shared_network"
_m = texts(NAME)
RING = 1.0  # the teams' ring; actors are kept inside it
MANY = 14  # beyond this many actors, the figure numbers them (the table's first column)
ALT_ACTORS = 8  # actors named one by one in the text alternative


def _layout(teams: Sequence[str], shared: Sequence[SharedActor]) -> dict[str, tuple[float, float]]:
    """{node: (x, y)}: team nodes ``t:<slug>`` fixed on the ring, actor nodes ``a:<i>`` where
    the spring layout settles them, then drawn in to at most 70 % of the ring."""
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
    pos = nx.spring_layout(graph, pos=ring, fixed=list(ring), seed=11, k=0.45, iterations=200)
    out: dict[str, tuple[float, float]] = dict(ring)
    for i in range(len(shared)):
        x, y = (float(v) for v in pos[f"a:{i}"])
        r = math.hypot(x, y)
        scale = min(1.0, 0.7 * RING / r) if r else 1.0
        out[f"a:{i}"] = (x * scale, y * scale)
    return out


def _draw(teams: Sequence[tuple[str, str]], shared: Sequence[SharedActor], lang: str):
    slugs = [slug for slug, _ in teams]
    pos = _layout(slugs, shared)
    fig = figure((8.0, 6.4))
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
    angles = [a for _, _, a in around(len(slugs), RING)]
    for (_slug, name), angle in zip(teams, angles, strict=True):
        x, y = RING * math.cos(angle), RING * math.sin(angle)
        ax.plot(x, y, marker="s", ms=16, color=BLUE, mec=BLACK, ls="none", zorder=3)
        ax.annotate(tex(wrap(name, 18, 2)), (x, y),
                    xytext=(14 * math.cos(angle), 14 * math.sin(angle)),
                    textcoords="offset points", fontsize=FONT, weight="bold", zorder=4,
                    **side(angle))
    anchors = [pos[f"a:{i}"] for i in range(len(shared))]
    for (x, y), actor in zip(anchors, shared, strict=True):
        ax.plot(x, y, marker="o", ms=8 + 2 * min(len(actor.teams), 6), color=ORANGE, mec=BLACK,
                ls="none", zorder=3)
    keys = [Line2D([], [], marker="s", color=BLUE, mec=BLACK, ms=11, ls="none",
                   label=_m("team", lang)),
            Line2D([], [], marker="o", color=ORANGE, mec=BLACK, ms=11, ls="none",
                   label=_m("actor", lang))]
    fig.legend(handles=keys, loc="outside lower center", ncols=2, fontsize=FONT, frameon=False)
    renderer = settle(fig)
    team_boxes = [t.get_window_extent(renderer) for t in ax.texts]
    place(ax, anchors, tags([a.name for a in shared], 20, many=MANY, lines=3), renderer=renderer,
          avoid=team_boxes, marker=16, misfit="least", fontsize=FONT - 1)
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
        sentences.append(_m("alt_actor", lang, actor=gist(actor.name, 80), count=len(actor.teams),
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
