"""``signal_grid`` (s2_weak_signals): wildcards on a likelihood × impact grid (1–5 each), and
beside it, on the same impact scale, the weak signals (which are rated for impact only). Signals
and the two kinds of wildcard differ by marker and colour. Few items are named, many numbered."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.lines import Line2D

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREY,
    PURPLE,
    VERMILLION,
    Chart,
    clean,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    style_keys,
    tex,
    texts,
    vlabel,
    whole,
    wrap,
)
from ekokit.charts._place import NEAR, place, settle, spread
from ekokit.content.exercises import Exercise

NAME = "signal_grid"
HIGH = 3.5  # 4 and 5 count as high
NAMED = 10  # up to this many items are named on the figure, beyond it numbered
MS = 9
SIGNAL = ("o", BLUE)
WILDCARDS: dict[str | None, tuple[str, str]] = {"improbable": ("D", VERMILLION),
                                                "taboo": ("s", PURPLE)}
NO_TYPE = ("D", "white")


_m = texts(NAME)


def _style(item: dict) -> tuple[str, str]:
    return SIGNAL if item["kind"] == "signal" else WILDCARDS.get(item.get("type"), NO_TYPE)


def _column(levels: list[int]) -> list[tuple[float, float]]:
    """Signals share one column: those of one impact level stand in short rows side by side,
    the rows stacked around the level's line."""
    xy = [(0.0, 0.0)] * len(levels)
    for level in set(levels):
        members = [i for i, v in enumerate(levels) if v == level]
        per_row = 2 if len(members) <= 4 else 3 if len(members) <= 9 else 4
        rows = -(-len(members) // per_row)
        step = min(0.3, 0.88 / rows)
        for k, i in enumerate(members):
            row, col = divmod(k, per_row)
            in_row = min(per_row, len(members) - row * per_row)
            x = 0.5 if in_row == 1 else 0.14 + 0.72 * col / (in_row - 1)
            xy[i] = (x, level + (row - (rows - 1) / 2) * step)
    return xy


def _draw(signals: list[dict], wildcards: list[dict], lang: str):
    fig = figure((6.4, 4.6))
    left, right = fig.subplots(1, 2, sharey=True, width_ratios=(1.4, 3))
    left.set(xlim=(0, 1), ylim=(0.4, 5.6), xticks=[], yticks=range(1, 6))
    right.set(xlim=(0.4, 5.6), xticks=range(1, 6))
    for ax in (left, right):
        ax.tick_params(labelsize=FONT)
        ax.grid(axis="y", color="#DDDDDD", lw=0.6)
        ax.set_axisbelow(True)
    right.grid(axis="x", color="#DDDDDD", lw=0.6)
    right.tick_params(axis="y", labelleft=False)
    left.set_ylabel(_m("impact", lang), fontsize=FONT + 1)
    left.set_xlabel(_m("no_likelihood", lang), fontsize=FONT, color=GREY)
    right.set_xlabel(_m("likelihood", lang), fontsize=FONT + 1)
    left.set_title(_m("signals", lang), fontsize=FONT + 1, weight="bold")
    right.set_title(_m("wildcards", lang), fontsize=FONT + 1, weight="bold")
    left_xy = _column([s["impact"] for s in signals])
    right_xy = spread([(w["likelihood"], w["impact"]) for w in wildcards])
    for ax, items, xy in ((left, signals, left_xy), (right, wildcards, right_xy)):
        for item, (x, y) in zip(items, xy, strict=False):
            marker, colour = _style(item)
            ax.plot(x, y, marker=marker, ms=MS, color=colour, mec=BLACK, ls="none", zorder=3)
    if not wildcards:
        right.text(3, 3, _m("none", lang), ha="center", va="center", fontsize=FONT, color=GREY,
                   style="italic")
    if not signals:
        left.text(0.5, 3, _m("none", lang), ha="center", va="center", fontsize=FONT, color=GREY,
                  style="italic")
    handles = [Line2D([], [], marker=SIGNAL[0], color=SIGNAL[1], mec=BLACK, ms=9, ls="none",
                      label=_m("signal", lang))]
    handles += style_keys(WILDCARDS, (w.get("type") for w in wildcards), "wildcard_type", lang,
                          NO_TYPE, _m("no_type", lang))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 2),
               fontsize=FONT, frameon=False)
    renderer = settle(fig)
    panels = ((left, signals, left_xy), (right, wildcards, right_xy))
    for width, lines in ((16, 2), (12, 3)) if len(signals) + len(wildcards) <= NAMED else ():
        drawn = [place(ax, xy, [tex(wrap(i["title"], width, lines)) for i in items],
                       renderer=renderer, marker=MS + 2, radii=NEAR, misfit="none",
                       linespacing=1.0) for ax, items, xy in panels]
        if all(d.fits for d in drawn):
            return fig
        for d in drawn:  # a name did not fit: try narrower, then numbers everywhere
            d.remove()
    for ax, items, xy in panels:
        place(ax, xy, [str(i["no"]) for i in items], renderer=renderer, marker=MS + 2,
              radii=NEAR, misfit="drop")
    return fig


def _kind(item: dict, lang: str) -> str:
    if item["kind"] == "signal":
        return _m("signal", lang)
    kind = vlabel("wildcard_type", item.get("type"), lang)
    return f"{_m('wildcard', lang)}: {kind}" if kind else _m("wildcard", lang)


def _table(items: list[dict], lang: str) -> pd.DataFrame:
    out = [(i["no"], clean(i["title"]), _kind(i, lang), i.get("impact"),
            i.get("likelihood") if i["kind"] == "wildcard" else None) for i in items]
    columns = [msg("col_no", lang), msg("col_name", lang), _m("col_kind", lang),
               _m("col_impact", lang), _m("col_likelihood", lang)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(signals: list[dict], wildcards: list[dict], shown: list[dict], lang: str) -> str:
    sentences = [_m("alt", lang, signals=len(signals), wildcards=len(wildcards))]
    strong = [clean(i["title"]) for i in shown if i["impact"] > HIGH]
    sentences.append(_m("alt_strong", lang, names=listing(strong, lang)) if strong
                     else _m("alt_no_strong", lang))
    likely = [clean(w["title"]) for w in shown if w["kind"] == "wildcard"
              and w["likelihood"] > HIGH]
    if likely:
        sentences.append(_m("alt_likely", lang, names=listing(likely, lang)))
    loose = [clean(i["title"]) for i in [*signals, *wildcards] if i not in shown]
    if loose:
        sentences.append(_m("alt_unscored", lang, names=listing(loose, lang)))
    return " ".join(sentences)


@register(NAME, reads=("signals.title", "signals.impact", "wildcards.title", "wildcards.type",
                       "wildcards.impact", "wildcards.likelihood"))
def signal_grid(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    signals = [{**s, "kind": "signal"} for s in named(answer, "signals", "title")]
    wildcards = [{**w, "kind": "wildcard"} for w in named(answer, "wildcards", "title")]
    items = [{**i, "no": n} for n, i in enumerate([*signals, *wildcards], 1)]
    if not items:
        return no_data(lang)
    signals, wildcards = items[:len(signals)], items[len(signals):]
    placed_signals = [s for s in signals if whole(s.get("impact")) is not None]
    placed_wildcards = [w for w in wildcards
                        if whole(w.get("impact")) is not None
                        and whole(w.get("likelihood")) is not None]
    shown = placed_signals + placed_wildcards
    figure_ = _draw(placed_signals, placed_wildcards, lang) if shown else None
    return Chart(figure_, _alt(signals, wildcards, shown, lang), _table(items, lang))
