"""``ring_map`` (s1_actor_map): concentric rings core / partner / environment with the actors
placed around their ring, a marker per organisation type, team members highlighted. The drawing,
:func:`draw_rings`, is shared with other ring-shaped charts (``mve_rings``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
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
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    vlabel,
    vocab_keys,
    vocab_style,
    wrap,
    yes_no,
)
from ekokit.content.exercises import Exercise

RADII = {"core": 1.0, "partner": 2.0, "environment": 3.0}
FILLS = {"core": "#D9D9D9", "partner": "#E9E9E9", "environment": PALE}
LABEL_LINE = 0.3  # data units a line of a label takes
TALLEST = 13.0  # data units the column of labels may take: the figure grows to about 9 in


def _stack(wanted: list[float], gap: float, top: float) -> list[float]:
    """Label heights near ``wanted`` (sorted high to low) but at least ``gap`` apart."""
    placed: list[float] = []
    for y in wanted:
        placed.append(min(y, top) if not placed else min(y, placed[-1] - gap))
    overflow = -top - placed[-1] if placed else 0
    return [y + overflow for y in placed] if overflow > 0 else placed


def draw_rings(by_ring: dict[str, list[dict]], lang: str,
               style: Callable[[dict], dict[str, Any]], handles: list[Line2D]):
    """The ring map: core / partner / environment as concentric rings, each actor (a dict with a
    ``name``) in the middle of its ring with its label at the side. ``style(actor)`` gives the
    marker's ``marker``, ``colour``, ``ms``, ``mew``, ``mfc`` (fill, default the colour) and the
    label's ``weight``; ``handles`` make the legend under the rings."""
    spots = []  # (x, y, actor) – every actor in the middle of its ring, the bottom kept free
    for turn, (ring, actors) in enumerate(by_ring.items()):
        start = 240 - turn * 150 / max(len(actors), 1) / 2  # rings' slots do not line up
        slots = around(len(actors), RADII[ring] - 0.5, start, 300)
        for actor, (x, y, _) in zip(actors, slots, strict=False):
            spots.append((x, y, actor))
    sides = []
    for right in (True, False):
        side_spots = sorted((s for s in spots if (s[0] >= 0) == right), key=lambda s: -s[1])
        # as many lines a label as the names need, the column of labels reaching above and
        # below the rings when it must; a name is cut ("…") only past the tallest figure
        for lines, width in ((3, 18), (2, 18), (1, 26)):
            labels = [tex(wrap(a["name"], width, lines)) for _, _, a in side_spots]
            tallest = max((label.count("\n") + 1 for label in labels), default=1)
            gap = tallest * LABEL_LINE + 0.1
            if gap * len(side_spots) <= TALLEST:
                break
        else:
            gap = min(gap, TALLEST / len(side_spots))
        sides.append((right, side_spots, labels, gap))
    half = max([3.2, *(gap * len(side) / 2 for _, side, _, gap in sides)])
    fig = figure((6.4, 4.6 + (half - 3.2) * 0.62))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_anchor("S")  # sit on the legend; the empty top is cropped when saved
    ax.set(xlim=(-3.4, 3.4), ylim=(-half - 0.1, half + 0.1))
    for ring, radius in reversed(RADII.items()):
        ax.add_patch(Circle((0, 0), radius, facecolor=FILLS[ring], edgecolor=GREY, lw=1))
        ax.text(0, -radius + 0.08, tex(vlabel("ring", ring, lang)), ha="center", va="bottom",
                fontsize=FONT, color=BLACK, style="italic")
    for right, side_spots, labels, gap in sides:
        heights = _stack([y for _, y, _ in side_spots], gap, half)
        edge = 3.25 if right else -3.25
        for (x, y, actor), text, ly in zip(side_spots, labels, heights, strict=False):
            look = style(actor)
            ax.plot([x, edge * 0.97, edge], [y, ly, ly], color=GREY, lw=0.7, zorder=2)
            ax.plot(x, y, marker=look["marker"], ms=look["ms"], color=look["colour"],
                    mfc=look.get("mfc", look["colour"]), mec=BLACK, mew=look["mew"], ls="none",
                    zorder=3)
            ax.text(edge + (0.08 if right else -0.08), ly, text,
                    ha="left" if right else "right", va="center", fontsize=FONT,
                    weight=look["weight"])
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False)
    return fig


def _actor_style(actor: dict) -> dict[str, Any]:
    team = bool(actor.get("in_team"))
    marker, colour = vocab_style("org_type", actor.get("org_type"))
    return {"marker": marker, "colour": colour, "ms": 13 if team else 10,
            "mew": 2.5 if team else 0.8, "weight": "bold" if team else "normal"}


def _draw(by_ring: dict[str, list[dict]], lang: str):
    used = {a.get("org_type") for actors in by_ring.values() for a in actors}
    handles = vocab_keys("org_type", used, lang, msg("ring.no_type", lang))
    if any(a.get("in_team") for actors in by_ring.values() for a in actors):
        handles.append(Line2D([], [], marker="o", color="white", mec=BLACK, mew=2.5, ms=11,
                              ls="none", label=msg("ring.in_team", lang)))
    return draw_rings(by_ring, lang, _actor_style, handles)


def _table(actors: list[dict], lang: str) -> pd.DataFrame:
    out = [(clean(a["name"]), vlabel("org_type", a.get("org_type"), lang),
            vlabel("ring", a.get("ring"), lang), vlabel("layer", a.get("layer"), lang),
            ", ".join(vlabel("ecosystem_role", r, lang) for r in a.get("roles") or []),
            yes_no(a.get("in_team"), lang)) for a in actors]
    columns = [msg(k, lang) for k in ("col_name", "ring.col_org", "ring.col_ring",
                                      "ring.col_layer", "ring.col_roles", "ring.col_team")]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(actors: list[dict], by_ring: dict[str, list[dict]], lang: str) -> str:
    sentences = [msg("ring.alt", lang, count=len(actors))]
    for ring, members in by_ring.items():
        if members:
            names = listing([clean(a["name"]) for a in members], lang)
            sentences.append(msg("ring.alt_ring", lang, ring=vlabel("ring", ring, lang),
                                 count=len(members), names=names))
    loose = [clean(a["name"]) for a in actors if a.get("ring") not in RADII]
    if loose:
        sentences.append(msg("ring.alt_no_ring", lang, names=listing(loose, lang)))
    team = [clean(a["name"]) for a in actors if a.get("in_team")]
    if team:
        sentences.append(msg("ring.alt_team", lang, names=listing(team, lang)))
    return " ".join(sentences)


@register("ring_map", reads=(
    "actors", "actors.name", "actors.org_type", "actors.ring", "actors.layer", "actors.roles",
    "actors.in_team",
))
def ring_map(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    actors = named(answer, "actors")
    if not actors:
        return no_data(lang)
    by_ring = {ring: [a for a in actors if a.get("ring") == ring] for ring in RADII}
    fig = _draw(by_ring, lang) if any(by_ring.values()) else None
    return Chart(fig, _alt(actors, by_ring, lang), _table(actors, lang))
