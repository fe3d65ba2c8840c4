"""``futures_table`` (s2_futures_table): the morphological field. A row per variable, its
alternative states in the cells; every scenario is a line (own colour, marker and dash) through
the states it chose, one marker per chosen cell."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    MARKERS,
    PALE,
    PALETTE,
    Chart,
    clean,
    figure,
    msg,
    named,
    no_data,
    register,
    tex,
    textlist,
    texts,
    wrap,
)
from ekokit.charts._place import fit, legend_below, renderer
from ekokit.content.exercises import Exercise

NAME = "futures_table"
DASHES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)))
HEAD = 1.3  # width of the variable column, in cell widths
MOST_LINES = 5  # lines of a state or a variable's name; longer ones end in "…"


_m = texts(NAME)


def _path(scenario: dict, variables: list[dict]) -> list[tuple[int, int] | None]:
    """(row, column) of each chosen state: looked for in the variable of the same position first,
    then in any variable not yet used; None when the state is in no variable."""
    chosen: list[tuple[int, int] | None] = []
    used: set[int] = set()
    for k, state in enumerate(textlist(scenario, "path")):
        want = state.casefold()
        rows = ([k] if k < len(variables) else []) + [r for r in range(len(variables))
                                                      if r != k and r not in used]
        spot = next(((r, c) for r in rows for c, s in enumerate(variables[r]["states"])
                     if s.casefold() == want), None)
        if spot:
            used.add(spot[0])
        chosen.append(spot)
    return chosen


def _draw(variables: list[dict], scenarios: list[dict], paths, lang: str):
    cols = max(1, max(len(v["states"]) for v in variables))
    rows = len(variables)
    # every text fitted to its cell's width in as many lines as it needs (up to MOST_LINES);
    # the rows grow to hold them and, when scenarios run through the table, a band for their
    # markers under the text
    fig = figure((6.4, 4.6))
    measure = renderer(fig)
    unit = (6.4 * 72 - 12) / (cols + HEAD)  # points a cell is wide (the axes fill the figure)
    names = [tex(fit(v["name"], HEAD * unit - 10, MOST_LINES, measure, weight="bold"))
             for v in variables]
    states = [[tex(fit(state, unit - 8, MOST_LINES, measure)) for state in v["states"]]
              for v in variables]
    need = max(max(n.count("\n") + 1 for n in names),
               max((t.count("\n") + 1 for row in states for t in row), default=1))
    band = 16 if scenarios else 4  # points under the text for the markers
    row_pt = max(need * FONT * 1.2 + band + 6, 46)
    fig.set_size_inches(6.4, (rows * row_pt + 0.45 * row_pt) / 72 + (0.9 if scenarios else 0.3))
    ax = fig.add_subplot()
    ax.axis("off")
    ax.set(xlim=(-HEAD, cols), ylim=(rows, -0.45))
    marker_y = 1 - (band / 2 + 2) / row_pt  # the markers' height within a row
    for c in range(cols):
        ax.text(c + 0.5, -0.22, _m("state", lang, number=c + 1), ha="center", va="center",
                fontsize=FONT, weight="bold")
    for r, (name, row) in enumerate(zip(names, states, strict=False)):
        ax.add_patch(Rectangle((-HEAD, r), HEAD, 1, facecolor="#E3EEF7", edgecolor=GREY, lw=0.8))
        ax.text(-HEAD + 0.06, r + 0.5, name, ha="left", va="center", fontsize=FONT,
                weight="bold", linespacing=1.0)
        for c in range(cols):
            ax.add_patch(Rectangle((c, r), 1, 1, facecolor=PALE if r % 2 else "white",
                                   edgecolor=GREY, lw=0.8))
            if c < len(row):
                ax.text(c + 0.5, r + 3 / row_pt, row[c], ha="center", va="top", fontsize=FONT,
                        linespacing=1.0, zorder=4,
                        bbox={"boxstyle": "square,pad=0.1", "facecolor": PALE if r % 2
                              else "white", "edgecolor": "none", "alpha": 0.9})
    count = len(scenarios)
    for s, spots in enumerate(paths):
        xs, ys = [], []
        dx = (s - (count - 1) / 2) * min(0.16, 0.8 / max(count, 1))
        for spot in sorted((p for p in spots if p), key=lambda p: p[0]):
            xs.append(spot[1] + 0.5 + dx)
            ys.append(spot[0] + marker_y)
        colour = PALETTE[s % len(PALETTE)]
        ax.plot(xs, ys, color=colour, lw=2.2, ls=DASHES[s % len(DASHES)], zorder=3.5,
                marker=MARKERS[s % len(MARKERS)], ms=8, mec=BLACK, mew=0.7)
    if scenarios:
        handles = [Line2D([], [], color=PALETTE[s % len(PALETTE)], lw=2.2,
                          ls=DASHES[s % len(DASHES)], marker=MARKERS[s % len(MARKERS)], ms=8,
                          mec=BLACK, mew=0.7, label=tex(wrap(sc["name"], 30, 3)))
                   for s, sc in enumerate(scenarios)]
        legend_below(fig, handles, most=3)
    return fig


def _table(variables, scenarios, paths, lang: str) -> pd.DataFrame:
    cols = max([len(v["states"]) for v in variables] + [0])
    out = []
    for r, variable in enumerate(variables):
        states = variable["states"] + [None] * (cols - len(variable["states"]))
        chosen = []
        for spots in paths:
            hit = next((variable["states"][c] for spot in spots if spot
                        for rr, c in [spot] if rr == r), None)
            chosen.append(hit)
        out.append((clean(variable["name"]), *states, *chosen))
    columns = [_m("col_variable", lang), *(_m("state", lang, number=c + 1) for c in range(cols)),
               *(_m("col_scenario", lang, name=clean(s["name"])) for s in scenarios)]
    return pd.DataFrame(out, columns=columns, dtype=object)


def _alt(variables, scenarios, lang: str, flags: list[str]) -> str:
    counts = [len(v["states"]) for v in variables]
    out = [_m("alt", lang, variables=len(variables), states=sum(counts))]
    if not scenarios:
        out.append(_m("alt_no_scenarios", lang))
    for scenario in scenarios:
        out.append(_m("alt_scenario", lang, name=clean(scenario["name"]),
                      states=" → ".join(textlist(scenario, "path"))
                      or msg("empty_cell", lang)))
    if flags:
        out.append(_m("alt_flags", lang, count=len(flags)))
    return " ".join(out)


@register(NAME, reads=("variables.name", "variables.states", "scenarios.name", "scenarios.path",
                       "consistency_flags"))
def futures_table(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    variables = [{"name": v["name"], "states": textlist(v, "states")}
                 for v in named(answer, "variables")]
    scenarios = named(answer, "scenarios")
    if not variables:
        return no_data(lang)
    paths = [_path(s, variables) for s in scenarios]
    drawn = any(v["states"] for v in variables)
    return Chart(_draw(variables, scenarios, paths, lang) if drawn else None,
                 _alt(variables, scenarios, lang, textlist(answer, "consistency_flags")),
                 _table(variables, scenarios, paths, lang))
