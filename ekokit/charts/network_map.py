"""``network_map`` (s1_network_map): the phenomenon in the centre, factors around it with arrows
by direction, actors on an outer ring linked to the factor they are tied to."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    ORANGE,
    PURPLE,
    SKY,
    YELLOW,
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
    style_keys,
    tags,
    tex,
    vlabel,
)
from ekokit.charts._place import fit, settle
from ekokit.content.exercises import Exercise

KINDS: dict[str | None, tuple[str, str]] = {
    "description": ("s", SKY), "viewpoint": ("D", ORANGE), "factor": ("o", BLUE)}
NO_KIND = ("h", "white")
ARROWS: dict[str | None, str] = {"to_phenomenon": "-|>", "from_phenomenon": "<|-",
                                 "both": "<|-|>"}
CENTRE, FACTORS, ACTORS = 1.0, 1.75, 2.75


def _actor_angles(factors: list[dict], actors: list[dict]) -> list[float]:
    """Actors sit in the gaps between factors (clear of the factors' labels), each as near its
    linked factor as a free gap allows; unlinked actors take the gaps left over."""
    n, m = len(factors), len(actors)
    count = n if 0 < m <= n else m
    gaps = [math.radians(90 - (i + 0.5) * 360 / count) for i in range(count)]
    where = {clean(f["name"]).casefold(): math.radians(90 - i * 360 / n)
             for i, f in enumerate(factors)}
    free, angles = list(range(count)), [0.0] * m
    linked = [i for i, a in enumerate(actors) if clean(a.get("linked_factor")).casefold() in where]
    for i in linked + [i for i in range(m) if i not in linked]:
        target = where.get(clean(actors[i].get("linked_factor")).casefold())
        best = free[0] if target is None else min(
            free, key=lambda g: abs(math.remainder(gaps[g] - target, math.tau)))
        free.remove(best)
        angles[i] = gaps[best]
    return angles


def _draw(factors: list[dict], actors: list[dict], phenomenon: str, lang: str):
    fig = figure((6.4, 5.4))
    ax = fig.add_subplot()
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_anchor("S")
    ax.set(xlim=(-4.0, 4.0), ylim=(-3.15, 3.15))
    ax.add_patch(Circle((0, 0), CENTRE, facecolor=YELLOW, edgecolor=BLACK, lw=1.5, zorder=3))
    total = len(factors) + len(actors)
    labels = tags([f["name"] for f in factors] + [a["name"] for a in actors], 16, many=12)
    where: dict[str, tuple[float, float]] = {}
    for f, text, (x, y, angle) in zip(factors, labels, around(len(factors), FACTORS), strict=False):
        where[clean(f["name"]).casefold()] = (x, y)
        marker, colour = KINDS.get(f.get("kind"), NO_KIND)
        ax.plot(x, y, marker=marker, ms=12, color=colour, mec=BLACK, ls="none", zorder=3)
        cx, cy = CENTRE * x / FACTORS, CENTRE * y / FACTORS
        ax.annotate("", xy=(cx, cy), xytext=(x, y), zorder=2, arrowprops={
            "arrowstyle": ARROWS.get(f.get("direction"), "-"), "color": GREY, "lw": 1.4,
            "shrinkA": 8, "shrinkB": 1, "mutation_scale": 14})
        ax.annotate(text, (x, y), xytext=(11 * math.cos(angle), 11 * math.sin(angle)),
                    textcoords="offset points", fontsize=FONT, zorder=4, **side(angle))
    angles = _actor_angles(factors, actors)
    for a, text, angle in zip(actors, labels[len(factors):], angles, strict=False):
        x, y = ACTORS * math.cos(angle), ACTORS * math.sin(angle)
        target = where.get(clean(a.get("linked_factor")).casefold())
        if target:
            ax.plot([x, target[0]], [y, target[1]], ls=(0, (3, 3)), color=GREY, lw=1, zorder=1)
        ax.plot(x, y, marker="^", ms=11, color=PURPLE, mec=BLACK, ls="none", zorder=3)
        ax.annotate(text, (x, y), xytext=(10 * math.cos(angle), 10 * math.sin(angle)),
                    textcoords="offset points", fontsize=FONT, zorder=4, **side(angle))
    handles = style_keys(KINDS, (f.get("kind") for f in factors), "factor_kind", lang, NO_KIND,
                         msg("network.no_kind", lang), ms=10)
    if actors:
        handles.append(Line2D([], [], marker="^", color=PURPLE, mec=BLACK, ms=10, ls="none",
                              label=msg("network.actor", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False)
    if not total:
        return None
    # the team's phenomenon in the centre, fitted to the disc once the layout is settled
    renderer = settle(fig)
    (x0, _), (x1, _) = ax.transData.transform([(0, 0), (2 * CENTRE * 0.9, 0)])
    room = (x1 - x0) * 72 / fig.dpi
    for size in (FONT, FONT - 1, FONT - 2):
        text = fit(phenomenon or msg("network.phenomenon", lang), room, 4, renderer,
                   fontsize=size, weight="bold")
        if "…" not in text and not any(line.endswith("-") for line in text.split("\n")):
            break
    ax.text(0, 0, tex(text), ha="center", va="center", fontsize=size, weight="bold", zorder=4,
            linespacing=1.0, in_layout=False)
    return fig


def _table(factors: list[dict], actors: list[dict], lang: str) -> pd.DataFrame:
    out = []
    for i, f in enumerate(factors, start=1):
        out.append((i, msg("network.factor", lang), clean(f["name"]),
                    vlabel("factor_kind", f.get("kind"), lang),
                    vlabel("factor_direction", f.get("direction"), lang),
                    clean(f.get("cluster")), ""))
    for i, a in enumerate(actors, start=len(factors) + 1):
        out.append((i, msg("network.actor", lang), clean(a["name"]),
                    vlabel("org_type", a.get("org_type"), lang), "", "",
                    clean(a.get("linked_factor"))))
    columns = [msg(k, lang) for k in ("col_no", "network.col_role", "col_name", "network.col_kind",
                                      "network.col_direction", "network.col_cluster",
                                      "network.col_link")]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(factors: list[dict], actors: list[dict], lang: str) -> str:
    sentences = [msg("network.alt", lang, factors=len(factors), actors=len(actors))]
    for direction, key in (("to_phenomenon", "alt_to"), ("from_phenomenon", "alt_from"),
                           ("both", "alt_both")):
        names = [clean(f["name"]) for f in factors if f.get("direction") == direction]
        if names:
            sentences.append(msg(f"network.{key}", lang, names=listing(names, lang)))
    if actors:
        sentences.append(msg("network.alt_actors", lang,
                             names=listing([clean(a["name"]) for a in actors], lang)))
    return " ".join(sentences)


@register("network_map", reads=(
    "factors", "factors.name", "factors.kind", "factors.direction", "factors.cluster",
    "actors", "actors.name", "actors.org_type", "actors.linked_factor", "phenomenon",
))
def network_map(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    factors = sorted(named(answer, "factors"), key=lambda f: clean(f.get("cluster")).casefold())
    actors = named(answer, "actors")
    if not factors and not actors:
        return no_data(lang)
    phenomenon = clean(answer.get("phenomenon"))
    alt = _alt(factors, actors, lang)
    if phenomenon:
        alt = f"{msg('network.alt_phenomenon', lang, phenomenon=gist(phenomenon))} {alt}"
    return Chart(_draw(factors, actors, phenomenon, lang), alt, _table(factors, actors, lang))
