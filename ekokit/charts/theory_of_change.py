"""``theory_of_change`` (s4_theory_of_change): the steps as boxes in layers from left to right
(each step one layer after the steps leading to it; more than five layers wrap into bands), the
links as arrows whose colour, line style and mark (✓ ✗ ?) tell whether the assumption holds.
Arrows are numbered as the table's rows, which give the assumptions and evidence."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from ekokit.charts._base import (
    BLUE,
    FONT,
    GREEN,
    GREY,
    ORANGE,
    VERMILLION,
    Chart,
    clean,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    texts,
    vlabel,
)
from ekokit.charts._place import extents, fit, place, settle, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "theory_of_change"
LineStyle = str | tuple[float, tuple[float, ...]]  # "-" or (offset, (on, off, …))
STATUS: dict[str | None, tuple[str, LineStyle]] = {
    "holds": (GREEN, "-"), "broken": (VERMILLION, (0, (5, 3))),
    "unknown": (ORANGE, (0, (1.5, 2)))}
NO_STATUS: tuple[str, LineStyle] = (GREY, (0, (6, 2, 1, 2)))
WIDTH = 6.4 * 72
MARGIN, HGAP, VGAP, LINE, PAD, PER_BAND, LEGEND = 4.0, 30.0, 16.0, 13.0, 4.0, 5, 24.0


_m = texts(NAME)


def _links(answer: dict[str, Any]) -> list[dict]:
    return [r for r in named(answer, "links", "from_step") if clean(r.get("to_step"))]


def _steps(links: list[dict]) -> tuple[list[str], list[tuple[int, int]]]:
    """Distinct steps (case and spacing ignored, first spelling kept) and links as index pairs."""
    index: dict[str, int] = {}
    names: list[str] = []
    pairs = []
    for link in links:
        ends = []
        for key in ("from_step", "to_step"):
            text = clean(link[key])
            if text.casefold() not in index:
                index[text.casefold()] = len(names)
                names.append(text)
            ends.append(index[text.casefold()])
        pairs.append((ends[0], ends[1]))
    return names, pairs


def layers(count: int, pairs: list[tuple[int, int]]) -> list[int]:
    """Each step one layer after the latest step leading to it; cycles stop at ``count``."""
    layer = [0] * count
    for _ in range(count):
        changed = False
        for a, b in pairs:
            if a != b and layer[b] < layer[a] + 1 < count:
                layer[b], changed = layer[a] + 1, True
        if not changed:
            break
    targets = {b for a, b in pairs if a != b}
    for node in range(count):  # a starting step sits just before the first step it leads to
        after = [layer[b] for a, b in pairs if a == node and b != node]
        if node not in targets and after:
            layer[node] = max(0, min(after) - 1)
    used = sorted(set(layer))
    return [used.index(x) for x in layer]


def _draw(answer: dict[str, Any], links: list[dict], lang: str):
    names, pairs = _steps(links)
    layer = layers(len(names), pairs)
    depth = max(layer) + 1
    cols = min(depth, PER_BAND)
    gap = HGAP + (14 if cols <= 4 else 0)
    colw = (WIDTH - 2 * MARGIN - (cols - 1) * gap) / cols
    fig, renderer = sheet(WIDTH)
    cells: dict[tuple[int, int], list[int]] = {}
    for i, lay in enumerate(layer):
        cells.setdefault((lay // PER_BAND, lay % PER_BAND), []).append(i)
    crowded = max(len(v) for v in cells.values())
    lines = 3 if crowded <= 4 else 2 if crowded <= 7 else 1
    texts = [tex(fit(n, colw - 2 * PAD, lines, renderer)) for n in names]
    heights = [(t.count("\n") + 1) * LINE + 2 * PAD for t in texts]
    bands = 1 + (depth - 1) // PER_BAND
    band_h = [max(sum(heights[i] + VGAP for i in members)
                  for (b, _), members in cells.items() if b == band) for band in range(bands)]
    desired = clean(answer.get("desired_change"))
    head = tex(fit(_m("desired", lang, text=desired), WIDTH - 2 * MARGIN, 2, renderer)) \
        if desired else ""
    head_h = (head.count("\n") + 1) * LINE + 2 * PAD if head else 0
    height = head_h + sum(band_h) + VGAP * (bands - 1) + 2 * MARGIN
    ax = sheet_axes(fig, WIDTH, height, below=LEGEND)
    if head:
        ax.text(MARGIN, height - MARGIN, head, ha="left", va="top", fontsize=FONT,
                style="italic", linespacing=1.1)
    boxes, centres = {}, {}
    top = height - MARGIN - head_h
    for band in range(bands):
        for col in range(cols):
            members = cells.get((band, col), [])
            used = sum(heights[i] + VGAP for i in members)
            y = top - (band_h[band] - used) / 2 - VGAP / 2
            x = MARGIN + col * (colw + gap)
            for i in members:
                box = FancyBboxPatch((x, y - heights[i]), colw, heights[i],
                                     boxstyle="round,pad=0,rounding_size=4", facecolor="#E3EEF7",
                                     edgecolor=BLUE, lw=1, zorder=2)
                ax.add_patch(box)
                ax.text(x + colw / 2, y - heights[i] / 2, texts[i], ha="center", va="center",
                        fontsize=FONT, linespacing=1.1, zorder=3)
                boxes[i], centres[i] = box, (x + colw / 2, y - heights[i] / 2)
                y -= heights[i] + VGAP
        top -= band_h[band] + VGAP
    seen: dict[tuple[int, int], int] = {}
    anchors, labels = [], []
    for no, (link, (a, b)) in enumerate(zip(links, pairs, strict=False), 1):
        colour, style = STATUS.get(link.get("status"), NO_STATUS)
        bend = 0.25 * seen.get((a, b), 0) + (0.35 if layer[b] <= layer[a] else 0)
        seen[(a, b)] = seen.get((a, b), 0) + 1
        if a != b:
            ax.add_patch(FancyArrowPatch(centres[a], centres[b], patchA=boxes[a],
                                         patchB=boxes[b], arrowstyle="-|>", mutation_scale=13,
                                         color=colour, lw=2, linestyle=style, zorder=1,
                                         connectionstyle=f"arc3,rad={bend}", shrinkA=1,
                                         shrinkB=1))
        (xa, ya), (xb, yb) = centres[a], centres[b]
        anchors.append(((xa + xb) / 2, (ya + yb) / 2))
        mark = _m(f"mark_{link.get('status')}", lang) if link.get("status") in STATUS else ""
        labels.append(f"{no} {mark}".strip())
    statuses = {link.get("status") for link in links}
    handles = [Line2D([], [], color=c, ls=s, lw=2,
                      label=f"{_m(f'mark_{k}', lang)} {vlabel('link_status', k, lang)}")
               for k, (c, s) in STATUS.items() if k in statuses]
    if statuses - set(STATUS):
        handles.append(Line2D([], [], color=NO_STATUS[0], ls=NO_STATUS[1], lw=2,
                              label=_m("no_status", lang)))
    fig.legend(handles=handles, loc="lower center", ncols=len(handles), fontsize=FONT,
               frameon=False, bbox_to_anchor=(0.5, 0), handlelength=3)
    renderer = settle(fig)
    avoid = extents(ax.texts, renderer) + [p.get_window_extent(renderer) for p in boxes.values()]
    place(ax, anchors, labels, renderer=renderer, avoid=avoid, marker=0,
          radii=(5, 10, 18, 28, 40, 54, 70), fontsize=FONT, weight="bold",
          directions=((0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0)),
          bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    return fig


def _table(links: list[dict], lang: str) -> pd.DataFrame:
    out = [(no, clean(link["from_step"]), clean(link["to_step"]),
            str(link.get("assumption") or "").strip(),
            vlabel("link_status", link.get("status"), lang),
            str(link.get("evidence") or "").strip()) for no, link in enumerate(links, 1)]
    keys = ("col_from", "col_to", "col_assumption", "col_status", "col_evidence")
    return pd.DataFrame(out, columns=[msg("col_no", lang), *(_m(k, lang) for k in keys)],
                        dtype=object)


def _alt(links: list[dict], lang: str) -> str:
    names, _ = _steps(links)
    sentences = [_m("alt", lang, links=len(links), steps=len(names))]
    for status in (*STATUS, None):
        chosen = [f"{clean(k['from_step'])} → {clean(k['to_step'])}" for k in links
                  if (k.get("status") if k.get("status") in STATUS else None) == status]
        if chosen:
            sentences.append(_m(f"alt_{status or 'no_status'}", lang, count=len(chosen),
                                links=listing(chosen, lang)))
    return " ".join(sentences)


@register(NAME, reads=("desired_change", "links.from_step", "links.to_step",
                       "links.assumption", "links.status", "links.evidence"))
def theory_of_change(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    links = _links(answer)
    if not links:
        return no_data(lang)
    return Chart(_draw(answer, links, lang), _alt(links, lang), _table(links, lang))
