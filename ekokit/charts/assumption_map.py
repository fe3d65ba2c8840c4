"""``assumption_map`` (s3_assumptions): evidence (x, 1–5) against importance (y, 1–5). The corner
of important assumptions with little evidence (importance 4–5, evidence 1–2) is shaded: test those
first. Markers carry the assumption's number; the key beside names them, the riskiest first."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    ORANGE,
    PURPLE,
    SKY,
    YELLOW,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    texts,
    vlabel,
    wrap,
)
from ekokit.charts._keylist import key_list
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "assumption_map"
IMPORTANT, LITTLE = 4, 2  # importance at least, evidence at most: the riskiest corner
STYLES: dict[str | None, tuple[str, str]] = {
    "people": ("o", SKY), "solution": ("s", ORANGE), "impact": ("h", PURPLE),
    "resources": ("p", YELLOW)}
UNKNOWN = ("8", "white")
PER_CELL = 4  # two columns, two rows; a fuller cell shows three and "+N"


_m = texts(NAME)


def _scored(a: dict) -> bool:
    return isinstance(a.get("importance"), int) and isinstance(a.get("evidence"), int)


def riskiest(a: dict) -> bool:
    """Important (4–5) and little evidence (1–2)."""
    return _scored(a) and a["importance"] >= IMPORTANT and a["evidence"] <= LITTLE


def _slots(count: int) -> list[tuple[float, float]]:
    """Offsets of ``count`` markers sharing one cell (at most PER_CELL)."""
    cols = 1 if count == 1 else 2
    rows = math.ceil(count / cols)
    out = []
    for i in range(count):
        r, c = divmod(i, cols)
        in_row = min(cols, count - r * cols)
        out.append(((c - (in_row - 1) / 2) * 0.46, ((rows - 1) / 2 - r) * 0.44))
    return out


def _draw(items: list[dict], chosen: str, lang: str):
    fig = figure((6.4, 4.6))
    grid = fig.add_gridspec(1, 2, width_ratios=(1.3, 1))
    ax = fig.add_subplot(grid[0])
    ax.set(xlim=(0.5, 5.5), ylim=(0.5, 5.5), xticks=range(1, 6), yticks=range(1, 6))
    ax.set_aspect("equal")
    ax.tick_params(labelsize=FONT)
    ax.set_xlabel(_m("evidence", lang), fontsize=FONT)
    ax.set_ylabel(_m("importance", lang), fontsize=FONT)
    corner = ((0.5, IMPORTANT - 0.5), LITTLE, 5.5 - IMPORTANT + 0.5)
    ax.add_patch(Rectangle(*corner, facecolor="#FBE3D6",
                           edgecolor="#A63D00", hatch="//", lw=1.2, zorder=0))
    for v in (1.5, 2.5, 3.5, 4.5):
        ax.axvline(v, color="#DDDDDD", lw=0.6, zorder=0)
        ax.axhline(v, color="#DDDDDD", lw=0.6, zorder=0)
    ax.set_title(wrap(_m("corner", lang), 36, 2), fontsize=FONT, loc="left", color="#A63D00",
                 weight="bold")
    cells: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for a in items:
        if _scored(a):
            cells[(a["evidence"], a["importance"])].append(a)
    for (x, y), members in cells.items():
        shown = members if len(members) <= PER_CELL else members[: PER_CELL - 1]
        slots = _slots(len(shown) + (len(members) > PER_CELL))
        for a, (dx, dy) in zip(shown, slots, strict=False):
            marker, colour = STYLES.get(a.get("category"), UNKNOWN)
            own = chosen and clean(a["text"]).casefold() == chosen
            ax.plot(x + dx, y + dy, marker=marker, ms=15, color=colour, mec=BLACK,
                    mew=2.6 if own else 0.8, ls="none", zorder=3)
            ax.text(x + dx, y + dy, str(a["no"]), ha="center", va="center", fontsize=FONT,
                    weight="bold" if riskiest(a) else "normal", zorder=4)
        if len(members) > PER_CELL:
            dx, dy = slots[-1]
            ax.text(x + dx, y + dy, f"+{len(members) - len(shown)}", ha="center", va="center",
                    fontsize=FONT, zorder=4)
    order = sorted(items, key=lambda a: (not riskiest(a), -(a.get("importance") or 0)
                                         + (a.get("evidence") or 0), a["no"]))
    key_list(fig.add_subplot(grid[1]), [(str(a["no"]), a["text"], riskiest(a)) for a in order],
             budget=22, width=30, lines=3 if 3.4 * len(items) <= 20 else 2,
             heading=_m("key", lang), rest=_m("rest", lang))
    used = [c for c in [*vocabularies()["assumption_category"], None]
            if any(a.get("category") == c for a in items)]
    handles = [Line2D([], [], marker=STYLES.get(c, UNKNOWN)[0], color=STYLES.get(c, UNKNOWN)[1],
                      mec=BLACK, ms=10, ls="none",
                      label=(vlabel("assumption_category", c, lang) if c
                             else _m("no_category", lang)))
               for c in used]
    if chosen and any(clean(a["text"]).casefold() == chosen for a in items):
        handles.append(Line2D([], [], marker="o", color="white", mec=BLACK, mew=2.6, ms=11,
                              ls="none", label=_m("chosen", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3),
               fontsize=FONT, frameon=False)
    return fig


def _table(items: list[dict], chosen: str, lang: str) -> pd.DataFrame:
    out = [(a["no"], clean(a["text"]), vlabel("assumption_category", a.get("category"), lang),
            a.get("importance"), a.get("evidence"),
            msg("yes_word", lang) if riskiest(a) else "",
            msg("yes_word", lang) if chosen and clean(a["text"]).casefold() == chosen else "")
           for a in items]
    columns = [msg("col_no", lang)] + [_m(k, lang) for k in (
        "col_text", "col_category", "col_importance", "col_evidence", "col_corner", "col_chosen")]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(items: list[dict], chosen_text: str, lang: str) -> str:
    corner = [clean(a["text"]) for a in items if riskiest(a)]
    sentences = [_m("alt", lang, count=len(items))]
    if corner:
        sentences.append(_m("alt_corner", lang, count=len(corner), names=listing(corner, lang)))
    else:
        sentences.append(_m("alt_no_corner", lang))
    loose = [clean(a["text"]) for a in items if not _scored(a)]
    if loose:
        sentences.append(_m("alt_unscored", lang, names=listing(loose, lang)))
    if chosen_text:
        sentences.append(_m("alt_chosen", lang, name=chosen_text))
    return " ".join(sentences)


@register(NAME, reads=("assumptions.text", "assumptions.category", "assumptions.importance",
                       "assumptions.evidence", "riskiest"))
def assumption_map(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    items = [{**a, "no": i} for i, a in enumerate(named(answer, "assumptions", "text"), 1)]
    chosen_text = clean((answer or {}).get("riskiest"))
    if not items:
        return no_data(lang) if not chosen_text else Chart(
            None, _m("alt_chosen", lang, name=chosen_text), None)
    chosen = chosen_text.casefold()
    fig = _draw(items, chosen, lang) if any(_scored(a) for a in items) else None
    return Chart(fig, _alt(items, chosen_text, lang), _table(items, chosen, lang))

