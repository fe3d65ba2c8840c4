"""``pestel_grid`` (s2_pestel): the factors on an uncertainty × impact grid (1–5 each), a colour
and a marker per PESTEL dimension. The corner of high impact and high uncertainty, where the
scenario axes come from, is shaded. Few factors are named on the figure, many are numbered."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Patch, Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    PALE,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    texts,
    vlabel,
    vocab_keys,
    vocab_style,
    whole,
    wrap,
)
from ekokit.charts._place import NEAR, place, settle, spread
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "pestel_grid"
VOCAB = "pestel_dimension"
HIGH = 3.5  # 4 and 5 count as high
NAMED = 12  # up to this many factors are named on the figure, beyond it numbered
MS = 9


_m = texts(NAME)


def _scored(row: dict) -> bool:
    return all(whole(row.get(k)) is not None
               for k in ("impact", "uncertainty"))


def _draw(placed: list[dict], lang: str):
    fig = figure((6.4, 4.6))
    ax = fig.add_subplot()
    ax.set(xlim=(0.4, 5.6), ylim=(0.4, 5.6), xticks=range(1, 6), yticks=range(1, 6))
    ax.tick_params(labelsize=FONT)
    ax.set_xlabel(_m("uncertainty", lang), fontsize=FONT + 1)
    ax.set_ylabel(_m("impact", lang), fontsize=FONT + 1)
    ax.add_patch(Rectangle((HIGH, HIGH), 5.6 - HIGH, 5.6 - HIGH, facecolor=PALE,
                           edgecolor="none", zorder=0))
    ax.grid(color="#DDDDDD", lw=0.6, zorder=0)
    ax.set_axisbelow(True)
    xy = spread([(r["uncertainty"], r["impact"]) for r in placed])
    for row, (x, y) in zip(placed, xy, strict=False):
        marker, colour = vocab_style(VOCAB, row.get("dimension"))
        ax.plot(x, y, marker=marker, ms=MS, color=colour, mec=BLACK, ls="none", zorder=3)
    handles = [*vocab_keys(VOCAB, (r.get("dimension") for r in placed), lang,
                           _m("no_dimension", lang)),
               Patch(facecolor=PALE, edgecolor=GREY, label=_m("key_zone", lang))]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 4),
               fontsize=FONT, frameon=False)
    renderer = settle(fig)
    for width, lines in ((18, 2), (13, 3)) if len(placed) <= NAMED else ():
        names = [tex(wrap(r["factor"], width, lines)) for r in placed]
        if place(ax, xy, names, renderer=renderer, marker=MS + 2, radii=NEAR, misfit="none",
                 linespacing=1.0).fits:
            return fig  # else a name did not fit: try narrower, then numbers
    place(ax, xy, [str(r["no"]) for r in placed], renderer=renderer, marker=MS + 2, radii=NEAR,
          misfit="drop")
    return fig


def _table(factors: list[dict], lang: str) -> pd.DataFrame:
    out = [(f["no"], clean(f["factor"]), vlabel(VOCAB, f.get("dimension"), lang),
            vlabel("valence", f.get("valence"), lang), f.get("impact"), f.get("uncertainty"))
           for f in factors]
    columns = [msg("col_no", lang), _m("col_factor", lang), _m("col_dimension", lang),
               _m("col_valence", lang), _m("col_impact", lang), _m("col_uncertainty", lang)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(factors: list[dict], placed: list[dict], lang: str) -> str:
    dims = [*vocabularies()[VOCAB], None]
    counts = [(d, sum(1 for f in factors if f.get("dimension") == d)) for d in dims]
    per = ", ".join(f"{vlabel(VOCAB, d, lang) if d else _m('no_dimension', lang)} {n}"
                    for d, n in counts if n)
    sentences = [_m("alt", lang, count=len(factors), dimensions=per)]
    key = [clean(f["factor"]) for f in placed if f["impact"] > HIGH and f["uncertainty"] > HIGH]
    sentences.append(_m("alt_key", lang, names=listing(key, lang)) if key
                     else _m("alt_no_key", lang))
    empty = [d for d, n in counts if d and not n]
    if empty and factors:
        sentences.append(_m("alt_empty", lang, dimensions=listing(
            [vlabel(VOCAB, d, lang) for d in empty], lang, limit=7)))
    loose = [clean(f["factor"]) for f in factors if not _scored(f)]
    if loose:
        sentences.append(_m("alt_unscored", lang, names=listing(loose, lang)))
    return " ".join(sentences)


@register(NAME, reads=("factors.factor", "factors.dimension", "factors.valence",
                       "factors.impact", "factors.uncertainty"))
def pestel_grid(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    factors = [{**f, "no": i} for i, f in enumerate(named(answer, "factors", "factor"), 1)]
    if not factors:
        return no_data(lang)
    placed = [f for f in factors if _scored(f)]
    return Chart(_draw(placed, lang) if placed else None, _alt(factors, placed, lang),
                 _table(factors, lang))
