"""``learning_loops`` (s3_learning_loops): single, double and triple loop learning as nested
loops (single innermost), each learning a numbered marker on its loop; the key beside names them.
The learnings are numbered loop by loop, so the key and the table read in the same order."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    ORANGE,
    PURPLE,
    SKY,
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
    tex,
    texts,
    vlabel,
)
from ekokit.charts._keylist import key_list
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "learning_loops"
RADII = {"single": 1.3, "double": 2.3, "triple": 3.3}
STYLES = {"single": ("o", SKY, "#E3F1FA"), "double": ("s", ORANGE, "#FBEBCB"),
          "triple": ("h", PURPLE, "#F5E4EE")}
NO_LOOP = ("8", "white")
SPACING = 0.55  # between marker centres along a track, in data units


_m = texts(NAME)


def _spots(loop: str, count: int) -> list[tuple[float, float]]:
    """Places for ``count`` markers in the loop's band (top kept free for its name); tracks from
    the outside in. More than fit: the last place is left for "+N"."""
    outer = RADII[loop]
    inner = {"single": 0.0, "double": RADII["single"], "triple": RADII["double"]}[loop]
    tracks, r = [], outer - 0.45
    while r > inner + 0.2:
        tracks.append((r, max(1, int(2 * math.pi * r * 270 / 360 / SPACING))))
        r -= SPACING
    out: list[tuple[float, float]] = []
    left = count
    for radius, cap in tracks:
        take = min(left, cap)
        if take:
            out += [(x, y) for x, y, _ in around(take, radius, 45, 270)]
        left -= take
    return out


def _draw(by_loop: dict[str, list[dict]], items: list[dict], lang: str):
    fig = figure((6.4, 4.6))
    grid = fig.add_gridspec(1, 2, width_ratios=(1.15, 1))
    ax = fig.add_subplot(grid[0])
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set(xlim=(-3.45, 3.45), ylim=(-3.45, 3.45))
    for loop in reversed(RADII):
        radius = RADII[loop]
        ax.add_patch(Circle((0, 0), radius, facecolor=STYLES[loop][2], edgecolor=GREY, lw=1.2))
        a, b = math.radians(100), math.radians(80)  # a short arrow along the top: it loops
        ax.add_patch(FancyArrowPatch((radius * math.cos(a), radius * math.sin(a)),
                                     (radius * math.cos(b), radius * math.sin(b)),
                                     connectionstyle="arc3,rad=-0.12", arrowstyle="-|>",
                                     mutation_scale=14, color=BLACK, lw=1.2, zorder=4))
        name = vlabel("learning_loop", loop, lang).split(" – ")[0]
        ax.text(0, radius - 0.12, tex(name), ha="center", va="top", fontsize=FONT,
                style="italic", zorder=4)
    for loop, members in by_loop.items():
        marker, colour, _ = STYLES[loop]
        spots = _spots(loop, len(members))
        room = len(spots) if len(spots) == len(members) else len(spots) - 1
        for item, (x, y) in zip(members[:room], spots, strict=False):
            ax.plot(x, y, marker=marker, ms=15, color=colour, mec=BLACK, ls="none", zorder=3)
            ax.text(x, y, str(item["no"]), ha="center", va="center", fontsize=FONT, zorder=4)
        if room < len(members):
            x, y = spots[-1]
            ax.text(x, y, f"+{len(members) - room}", ha="center", va="center", fontsize=FONT,
                    zorder=4)
    key_list(fig.add_subplot(grid[1]), [(str(i["no"]), i["learning"], False) for i in items],
             budget=22, width=30, lines=3 if 3.4 * len(items) <= 20 else 2,
             heading=_m("key", lang), rest=_m("rest", lang))
    used = [loop for loop in [*RADII, None] if any(i.get("loop") == loop for i in items)]
    handles = [Line2D([], [], marker=STYLES[u][0] if u else NO_LOOP[0],
                      color=STYLES[u][1] if u else NO_LOOP[1], mec=BLACK, ms=10, ls="none",
                      label=vlabel("learning_loop", u, lang) if u else _m("no_loop", lang))
               for u in used]
    fig.legend(handles=handles, loc="outside lower center", ncols=1 if len(handles) > 2 else 2,
               fontsize=FONT, frameon=False)
    return fig


@register(NAME, reads=("learnings.learning", "learnings.loop", "learnings.experiment",
                       "learnings.consequence", "questioned_assumptions"))
def learning_loops(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    loops = vocabularies()["learning_loop"]
    found = named(answer, "learnings", "learning")
    ordered = [i for loop in loops for i in found if i.get("loop") == loop]
    ordered += [i for i in found if i.get("loop") not in loops]
    items = [{**i, "no": n} for n, i in enumerate(ordered, 1)]
    questioned = [clean(q) for q in (answer or {}).get("questioned_assumptions") or []
                  if clean(q)]
    if not items and not questioned:
        return no_data(lang)
    by_loop = {loop: [i for i in items if i.get("loop") == loop] for loop in RADII}
    table = pd.DataFrame(
        [(i["no"], clean(i["learning"]), vlabel("learning_loop", i.get("loop"), lang),
          clean(i.get("experiment")), clean(i.get("consequence"))) for i in items],
        columns=[msg("col_no", lang)] + [_m(k, lang) for k in (
            "col_learning", "col_loop", "col_experiment", "col_consequence")], dtype=object)
    sentences = [_m("alt", lang, count=len(items))] if items else []
    for loop, members in by_loop.items():
        if members:
            parts = [gist(i["learning"]).rstrip(" .") for i in members[:3]]
            if len(members) > 3:
                parts.append(msg("more", lang, count=len(members) - 3))
            sentence = _m("alt_loop", lang, loop=vlabel("learning_loop", loop, lang),
                          count=len(members), names="; ".join(parts))
            sentences.append(sentence if sentence.endswith("…") else sentence + ".")
    loose = [i for i in items if i.get("loop") not in RADII]
    if loose:
        sentences.append(_m("alt_no_loop", lang, count=len(loose)))
    if questioned:
        sentences.append(_m("alt_questioned", lang, count=len(questioned),
                            names=listing(questioned, lang, limit=3)))
    fig = _draw(by_loop, items, lang) if items else None
    return Chart(fig, " ".join(sentences), table)
