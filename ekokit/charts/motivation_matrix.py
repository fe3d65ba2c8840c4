"""``motivation_matrix`` (s1_motivation): givers on rows, receivers on columns. The diagonal holds
each actor's own motivation, the other cells what one gives another; empty cells are gaps."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    wrap,
)
from ekokit.content.exercises import Exercise

GIVEN, OWN = "#CCE3F2", "#FCEFC7"  # pale blue / pale yellow: a background, text stays black


def _matrix(answer: dict[str, Any]) -> tuple[list[str], dict[tuple[int, int], list[str]]]:
    """Names (actors first, then any other name used in an exchange) and cell texts."""
    names = [clean(a["name"]) for a in named(answer, "actors")]
    index = {n.casefold(): i for i, n in enumerate(names)}
    cells: dict[tuple[int, int], list[str]] = {}
    for i, actor in enumerate(named(answer, "actors")):
        if clean(actor.get("motivation")):
            cells[(i, i)] = [clean(actor["motivation"])]
    for row in named(answer, "exchanges", "giver"):
        if not clean(row.get("receiver")):
            continue
        ends = []
        for name in (clean(row["giver"]), clean(row["receiver"])):
            if name.casefold() not in index:
                index[name.casefold()] = len(names)
                names.append(name)
            ends.append(index[name.casefold()])
        cells.setdefault((ends[0], ends[1]), []).append(clean(row.get("gives")) or "…")
    return names, cells


def _draw(names: list[str], cells: dict[tuple[int, int], list[str]], lang: str):
    n = len(names)
    fig = figure()
    ax = fig.add_subplot()
    ax.set(xlim=(0, n), ylim=(n, 0), aspect="auto")
    width = max(8, int(60 / n))
    lines = max(2, int(16 / n))
    for (r, c) in ((r, c) for r in range(n) for c in range(n)):
        texts = cells.get((r, c))
        own = r == c
        if texts:
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=OWN if own else GIVEN,
                                   edgecolor=BLACK, lw=1))
            titled = own and n <= 5
            if titled:
                ax.text(c + 0.5, r + 0.08, msg("motivation.motivation", lang), ha="center",
                        va="top", fontsize=FONT, weight="bold")
            body = wrap("; ".join(texts), width, lines - titled)
            ax.text(c + 0.5, r + (0.56 if titled else 0.5), tex(body), ha="center",
                    va="center", fontsize=FONT, linespacing=1.15)
        else:
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor="white", edgecolor=GREY,
                                   hatch="///", lw=1))
            word = msg("motivation.no_motivation" if own else "motivation.gap", lang)
            ax.text(c + 0.5, r + 0.5, wrap(word, width, 2), ha="center", va="center",
                    fontsize=FONT, style="italic",
                    bbox={"facecolor": "white", "edgecolor": "none", "pad": 2})
    labels = [tex(wrap(name, 14, 2)) for name in names]
    ax.set_xticks([i + 0.5 for i in range(n)], labels, fontsize=FONT)
    ax.set_yticks([i + 0.5 for i in range(n)], labels, fontsize=FONT)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.tick_params(length=0)
    ax.set_xlabel(msg("motivation.receiver", lang), fontsize=FONT + 1, weight="bold")
    ax.set_ylabel(msg("motivation.giver", lang), fontsize=FONT + 1, weight="bold")
    return fig


def _table(names: list[str], cells: dict[tuple[int, int], list[str]], lang: str) -> pd.DataFrame:
    empty = {True: msg("motivation.no_motivation", lang), False: msg("motivation.gap", lang)}
    out = []
    for r, name in enumerate(names):
        row = [name]
        for c in range(len(names)):
            texts = cells.get((r, c))
            prefix = msg("motivation.motivation", lang) + ": " if r == c and texts else ""
            row.append(prefix + "\n".join(texts) if texts else f"({empty[r == c]})")
        out.append(row)
    return pd.DataFrame(out, columns=[msg("motivation.corner", lang), *names], dtype=object)


@register("motivation_matrix", reads=(
    "actors", "actors.name", "actors.motivation", "exchanges", "exchanges.giver",
    "exchanges.receiver", "exchanges.gives",
))
def motivation_matrix(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    names, cells = _matrix(answer)
    if not names:
        return no_data(lang)
    n = len(names)
    gaps = [f"{names[r]} → {names[c]}" for r in range(n) for c in range(n)
            if r != c and (r, c) not in cells]
    missing = [names[i] for i in range(n) if (i, i) not in cells]
    exchanges = sum(len(v) for (r, c), v in cells.items() if r != c)
    alt = [msg("motivation.alt", lang, actors=n, exchanges=exchanges),
           msg("motivation.alt_gaps", lang, cells=listing(gaps, lang, limit=6)) if gaps
           else msg("motivation.alt_no_gaps", lang)]
    if missing:
        alt.append(msg("motivation.alt_missing", lang, names=listing(missing, lang)))
    return Chart(_draw(names, cells, lang), " ".join(alt), _table(names, cells, lang))
