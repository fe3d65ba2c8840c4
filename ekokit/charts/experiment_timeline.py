"""Experiments on a timeline, one lane per row: ``experiment_cycles`` (s3_experiment_cycle, a bar
per cycle from start to end, fill and hatch by phase) and ``experiment_log`` (h3_experiment_log, a
marker per diary entry, a star where a surprise was noted). Both draw with :func:`draw_timeline`:
on dates when the rows have them, else in the rows' order."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pandas as pd
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREEN,
    GREY,
    ORANGE,
    PURPLE,
    SKY,
    YELLOW,
    Chart,
    as_date,
    clean,
    date_text,
    figure,
    gist,
    no_data,
    register,
    rows,
    tex,
    texts,
    vlabel,
    wrap,
)
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

PHASES: dict[str | None, tuple[str, str]] = {
    "identify": (SKY, ""), "plan": (YELLOW, "//"), "prepare": (ORANGE, "\\\\"),
    "run": (GREEN, "xx"), "analyse": (PURPLE, "..")}
NO_PHASE = ("white", "")


def _point(ax, x: object, y: int, lane: dict) -> None:
    star = lane.get("marker") == "*"
    ax.plot(x, y, marker=lane.get("marker") or "o", ms=15 if star else 10, color=lane["colour"],
            mec=BLACK, ls="none", zorder=3)


def draw_timeline(lanes: list[dict], lang: str, handles: list, *, undated: str, order: str):
    """One lane per dict, top down: ``label`` (user text, drawn literally), ``start`` and ``end``
    (dates or None), ``open`` (still running: the bar reaches the latest date with an arrow),
    ``colour``, ``hatch``, ``marker``. Without any date the lanes follow their order (x = 1, 2…)
    under the axis title ``order``; with dates, a lane without one says ``undated``."""
    dated = any(lane["start"] or lane["end"] for lane in lanes)
    n = len(lanes)
    lines = 2 if n <= 8 else 1
    height = min(4.6, max(2.4, 1.2 + n * (0.46 if lines == 2 else 0.2)))
    fig = figure((6.4, height))
    ax = fig.add_subplot()  # the lane labels take the left; constrained layout makes room
    ax.set_ylim(n - 0.5, -0.5)
    ax.set_yticks([])
    ax.tick_params(labelsize=FONT)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    if dated:
        days = [d for lane in lanes for d in (lane["start"], lane["end"]) if d]
        first, last = min(days), max(days)
        pad = max(3, (last - first).days * 0.06)
        running = any(lane.get("open") and lane["start"] and not lane["end"] for lane in lanes)
        last = last + dt.timedelta(days=max(7, (last - first).days * 0.2) if running else 0)
        ax.set_xlim(first - dt.timedelta(days=pad), last + dt.timedelta(days=pad))
        ax.xaxis.set_major_locator(AutoDateLocator(minticks=2, maxticks=4))
        ax.xaxis.set_major_formatter(FuncFormatter(
            lambda v, _: date_text(num2date(v).date(), lang)))
    else:
        ax.set_xlim(0.4, n + 0.6)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=min(n, 8)))
        ax.set_xlabel(order, fontsize=FONT)
    for y, lane in enumerate(lanes):
        ax.axhline(y, color="#E4E4E4", lw=0.8, zorder=0)
        label = ax.text(-0.03, y, tex(wrap(lane["label"], 38, lines)), ha="right", va="center",
                        fontsize=FONT, linespacing=1.05, transform=ax.get_yaxis_transform())
        label.set_in_layout(True)
        start, end = lane["start"], lane["end"]
        if not dated:  # in order: lane i at x = i + 1
            if lane.get("marker"):
                _point(ax, y + 1, y, lane)
            else:
                ax.barh(y, 0.76, left=y + 1 - 0.38, height=0.5, color=lane["colour"],
                        edgecolor=BLACK, hatch=lane.get("hatch") or None, lw=0.8, zorder=2)
        elif start and (end or lane.get("open")) and not lane.get("marker"):
            stop = end or last
            running = not end
            # matplotlib's date units take a timedelta width; the stubs know only numbers
            width = cast(float, dt.timedelta(days=max((stop - start).days, 0.8)))
            ax.barh(y, width, left=start, height=0.5,
                    color=lane["colour"], edgecolor=BLACK, hatch=lane.get("hatch") or None,
                    lw=0.8, ls="--" if running else "-", zorder=2)
            if running:
                ax.plot(stop, y, marker=">", ms=9, color=BLACK, ls="none", zorder=3)
        elif start or end:
            _point(ax, start or end, y, lane)
        else:
            ax.text(0.02, y, undated, ha="left", va="center", fontsize=FONT, color=GREY,
                    style="italic", transform=ax.get_yaxis_transform())
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncols=min(len(handles), 3),
                   fontsize=FONT, frameon=False)
    return fig


def _span(first: dt.date | None, last: dt.date | None, lang: str) -> str:
    if first is None:
        return ""
    if first == last or last is None:
        return date_text(first, lang)
    return f"{date_text(first, lang)}–{date_text(last, lang)}"


# -- s3_experiment_cycle ---------------------------------------------------------------------

@register("experiment_cycles", reads=("experiment", "cycles.cycle_no", "cycles.phase",
                                      "cycles.started", "cycles.ended", "cycles.hypothesis"))
def experiment_cycles(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    _m = texts("experiment_cycles")
    cycles = [r for r in rows(answer, "cycles") if r.get("cycle_no") or r.get("phase")
              or r.get("started") or r.get("ended") or clean(r.get("hypothesis"))]
    if not cycles:
        return no_data(lang)
    cycles.sort(key=lambda r: (r.get("cycle_no") or 99, as_date(r.get("started")) or dt.date.max))
    experiment = clean((answer or {}).get("experiment"))
    table = pd.DataFrame(
        [(r.get("cycle_no"), vlabel("experiment_phase", r.get("phase"), lang),
          date_text(as_date(r.get("started")), lang), date_text(as_date(r.get("ended")), lang),
          clean(r.get("hypothesis")), str(r.get("notes") or "").strip()) for r in cycles],
        columns=[_m(k, lang) for k in ("col_cycle", "col_phase", "col_started", "col_ended",
                                          "col_hypothesis", "col_notes")], dtype=object)
    lanes = []
    for i, r in enumerate(cycles, 1):
        colour, hatch = PHASES.get(r.get("phase"), NO_PHASE)
        no = r.get("cycle_no") or i
        text = clean(r.get("hypothesis")) or vlabel("experiment_phase", r.get("phase"), lang)
        lanes.append({"label": f"{no}. {text}".strip(), "start": as_date(r.get("started")),
                      "end": as_date(r.get("ended")), "open": True, "colour": colour,
                      "hatch": hatch})
    used = [p for p in [*vocabularies()["experiment_phase"], None]
            if any(r.get("phase") == p for r in cycles)]
    handles = [Patch(facecolor=PHASES.get(p, NO_PHASE)[0], hatch=PHASES.get(p, NO_PHASE)[1],
                     edgecolor=BLACK,
                     label=vlabel("experiment_phase", p, lang) if p else _m("no_phase", lang))
               for p in used]
    if any(r.get("started") and not r.get("ended") for r in cycles):
        handles.append(Patch(facecolor="white", edgecolor=BLACK, ls="--",
                             label=_m("running", lang)))
    fig = draw_timeline(lanes, lang, handles, undated=_m("undated", lang),
                        order=_m("order", lang))
    days = [d for r in cycles for d in (as_date(r.get("started")), as_date(r.get("ended"))) if d]
    sentences = [_m("alt", lang, count=len(cycles),
                    experiment=experiment or _m("unnamed", lang))]
    if days:
        sentences.append(_m("alt_span", lang, span=_span(min(days), max(days), lang)))
    for r in cycles[-6:]:
        phase = vlabel("experiment_phase", r.get("phase"), lang) or _m("no_phase", lang)
        hypo = clean(r.get("hypothesis"))
        key = "alt_cycle" if hypo else "alt_cycle_plain"
        sentences.append(_m(key, lang, no=r.get("cycle_no") or "?", phase=phase,
                            hypothesis=hypo))
    return Chart(fig, " ".join(sentences), table)


# -- h3_experiment_log ---------------------------------------------------------------------

@register("experiment_log", reads=("experiment", "entries.date", "entries.what_happened",
                                   "entries.surprises"))
def experiment_log(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    _m = texts("experiment_log")
    entries = [r for r in rows(answer, "entries")
               if any(clean(r.get(k)) for k in ("date", "what_happened", "data", "surprises"))]
    if not entries:
        return no_data(lang)
    entries.sort(key=lambda r: as_date(r.get("date")) or dt.date.max)
    experiment = clean((answer or {}).get("experiment"))
    table = pd.DataFrame(
        [(date_text(as_date(r.get("date")), lang), str(r.get("what_happened") or "").strip(),
          str(r.get("data") or "").strip(), str(r.get("surprises") or "").strip())
         for r in entries],
        columns=[_m(k, lang) for k in ("col_date", "col_what", "col_data", "col_surprises")],
        dtype=object)
    lanes = []
    for r in entries:
        day = as_date(r.get("date"))
        text = clean(r.get("what_happened")) or clean(r.get("data")) or clean(r.get("surprises"))
        surprise = bool(clean(r.get("surprises")))
        lanes.append({"label": f"{date_text(day, lang)} {text}" if day else text, "start": day,
                      "end": None, "colour": ORANGE if surprise else BLUE,
                      "marker": "*" if surprise else "o"})
    handles = []
    if not all(clean(r.get("surprises")) for r in entries):
        handles.append(Line2D([], [], marker="o", color=BLUE, mec=BLACK, ms=9, ls="none",
                              label=_m("entry", lang)))
    if any(clean(r.get("surprises")) for r in entries):
        handles.append(Line2D([], [], marker="*", color=ORANGE, mec=BLACK, ms=13, ls="none",
                              label=_m("surprise", lang)))
    fig = draw_timeline(lanes, lang, handles, undated=_m("undated", lang),
                        order=_m("order", lang))
    days = [d for r in entries if (d := as_date(r.get("date")))]
    sentences = [_m("alt", lang, count=len(entries),
                    experiment=experiment or _m("unnamed", lang))]
    if days:
        sentences.append(_m("alt_span", lang, span=_span(min(days), max(days), lang)))
    surprises = sum(bool(clean(r.get("surprises"))) for r in entries)
    if surprises:
        sentences.append(_m("alt_surprises", lang, count=surprises))
    latest = entries[len(days) - 1] if days else entries[-1]
    if clean(latest.get("what_happened")):
        sentences.append(_m("alt_latest", lang, date=date_text(as_date(latest.get("date")), lang),
                            text=gist(latest["what_happened"])))
    return Chart(fig, " ".join(sentences), table)

