"""``outcome_harvest`` (s4_outcome_harvesting): the harvested outcomes on a timeline, one row per
social actor who changed, the kind of change as the marker, the significance as marker size and
colour (named in the legend). Every outcome is numbered; the table gives its statement. Outcomes
without a date sit in a column of their own at the right."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.lines import Line2D

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    ORANGE,
    SKY,
    VERMILLION,
    Chart,
    as_date,
    clean,
    date_text,
    figure,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    texts,
    vlabel,
    vocab_style,
    wrap,
    yes_no,
)
from ekokit.charts._place import extents, place, settle
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "outcome_harvest"
SIGNIFICANCE: dict[str | None, tuple[int, str]] = {
    "high": (15, VERMILLION), "medium": (11, ORANGE), "low": (8, SKY)}
UNRATED = (8, "white")


_m = texts(NAME)


def _actors(outcomes: list[dict]) -> list[str]:
    """Distinct social actors in order of first appearance (case and spacing ignored)."""
    seen: dict[str, str] = {}
    for o in outcomes:
        seen.setdefault(clean(o["social_actor"]).casefold(), clean(o["social_actor"]))
    return list(seen.values())


def _draw(outcomes: list[dict], lang: str):
    actors = _actors(outcomes)
    row = {a.casefold(): i for i, a in enumerate(actors)}
    lines = 2 if len(actors) <= 8 else 1
    fig = figure((6.4, max(4.6, 1.9 + len(actors) * 0.3 * lines)))
    ax = fig.add_subplot()
    days = [as_date(o.get("first_observed")) for o in outcomes]
    dated = sorted({d for d in days if d})
    first, last = (dated[0].toordinal(), dated[-1].toordinal()) if dated else (0, 0)
    span = max(last - first, 30)
    undated_x = last + span * 0.3 if dated else 0
    xs = [d.toordinal() if d else undated_x for d in days]
    ys = [float(row[clean(o["social_actor"]).casefold()]) for o in outcomes]
    for i in range(len(outcomes)):  # outcomes close together in one row step aside a little
        close = [j for j in range(i)
                 if ys[j] // 1 == ys[i] // 1 and abs(xs[j] - xs[i]) < span * 0.05]
        if close:
            ys[i] = ys[i] // 1 + ((len(close) + 1) // 2) * 0.22 * (1 if len(close) % 2 else -1)
    for o, x, y in zip(outcomes, xs, ys, strict=False):
        size, colour = SIGNIFICANCE.get(o.get("significance"), UNRATED)
        marker, _ = vocab_style("change_type", o.get("change_type"))
        ax.plot(x, y, marker=marker, ms=size, color=colour, mec=BLACK, ls="none", zorder=3)
    ax.set_yticks(range(len(actors)), [tex(wrap(a, 22, lines)) for a in actors], fontsize=FONT)
    ax.set_ylim(len(actors) - 0.4, -0.6)
    pad = span * 0.1
    ax.set_xlim((first - pad if dated else -1), (undated_x + pad if dated else 1))
    count = min(4, 1 + int((last - first) / (span * 0.3)))  # ticks at least 0.3 span apart
    ticks = [dt.date.fromordinal(round(first + k * (last - first) / max(count - 1, 1)))
             for k in range(count)] if dated else []
    labels = [date_text(d, lang) for d in ticks]
    positions: list[float] = [d.toordinal() for d in ticks]
    if any(d is None for d in days):
        positions.append(undated_x)
        labels.append(_m("no_date", lang))
        if dated:
            ax.axvline((last + undated_x) / 2, color=GREY, lw=1, ls=":")
    ax.set_xticks(positions, [tex(wrap(label, 12, 2)) for label in labels], fontsize=FONT)
    ax.grid(axis="y", color="#DDDDDD", lw=0.8)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel(_m("first_observed", lang), fontsize=FONT + 1)
    used_types = [t for t in vocabularies()["change_type"]
                  if any(o.get("change_type") == t for o in outcomes)]
    handles = [Line2D([], [], marker=vocab_style("change_type", t)[0], color="white", mec=BLACK,
                      ms=9, ls="none", label=vlabel("change_type", t, lang)) for t in used_types]
    handles += [Line2D([], [], marker="o", color=c, mec=BLACK, ms=s, ls="none",
                       label=vlabel("significance", k, lang))
                for k, (s, c) in SIGNIFICANCE.items()
                if any(o.get("significance") == k for o in outcomes)]
    if any(o.get("significance") not in SIGNIFICANCE for o in outcomes):
        handles.append(Line2D([], [], marker="o", color="white", mec=BLACK, ms=UNRATED[0],
                              ls="none", label=_m("unrated", lang)))
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3),
               fontsize=FONT, frameon=False)
    engine = fig.get_layout_engine()
    assert isinstance(engine, ConstrainedLayoutEngine)  # as every chart figure is made
    engine.set(h_pad=0.05)
    renderer = settle(fig)
    place(ax, list(zip(xs, ys, strict=False)), [str(i) for i in range(1, len(outcomes) + 1)],
          renderer=renderer, avoid=extents(ax.texts, renderer), marker=15)
    return fig


def _table(outcomes: list[dict], lang: str) -> pd.DataFrame:
    out = [(i, clean(o["social_actor"]), str(o.get("statement") or "").strip(),
            vlabel("change_type", o.get("change_type"), lang),
            vlabel("significance", o.get("significance"), lang),
            date_text(as_date(o.get("first_observed")), lang) if as_date(o.get("first_observed"))
            else None, yes_no(o.get("anticipated"), lang), yes_no(o.get("substantiated"), lang))
           for i, o in enumerate(outcomes, 1)]
    keys = ("col_actor", "col_statement", "col_type", "col_significance", "first_observed",
            "col_anticipated", "col_substantiated")
    return pd.DataFrame(out, columns=[msg("col_no", lang), *(_m(k, lang) for k in keys)],
                        dtype=object)


def _alt(outcomes: list[dict], lang: str) -> str:
    actors = _actors(outcomes)
    sentences = [_m("alt", lang, count=len(outcomes), actors=len(actors),
                    names=listing(actors, lang))]
    high = [clean(o["social_actor"]) for o in outcomes if o.get("significance") == "high"]
    if high:
        sentences.append(_m("alt_high", lang, count=len(high), names=listing(
            list(dict.fromkeys(high)), lang)))
    kinds = [f"{vlabel('change_type', t, lang)} {n}" for t in vocabularies()["change_type"]
             if (n := sum(o.get("change_type") == t for o in outcomes))]
    if kinds:
        sentences.append(_m("alt_types", lang, types=listing(kinds, lang, limit=5)))
    days = sorted(d for o in outcomes if (d := as_date(o.get("first_observed"))))
    if days:
        sentences.append(_m("alt_period", lang, first=date_text(days[0], lang),
                            last=date_text(days[-1], lang)))
    sure = sum(bool(o.get("substantiated")) for o in outcomes)
    sentences.append(_m("alt_substantiated", lang, count=sure, total=len(outcomes)))
    return " ".join(sentences)


@register(NAME, reads=("outcomes.statement", "outcomes.social_actor", "outcomes.change_type",
                       "outcomes.significance", "outcomes.first_observed",
                       "outcomes.anticipated", "outcomes.substantiated"))
def outcome_harvest(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    outcomes = named(answer, "outcomes", "social_actor")
    if not outcomes:
        return no_data(lang)
    return Chart(_draw(outcomes, lang), _alt(outcomes, lang), _table(outcomes, lang))
