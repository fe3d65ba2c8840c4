"""``value_blueprint`` (s1_value_proposition): Adner's value blueprint as a canvas. The value
proposition heads the sheet; the activities stand in columns by their place in the chain, each a
card coloured by its readiness (a line style too, for print and colour-blind readers), performer
under its name; the chain ends at the beneficiary, and the leader is named under it."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import FancyArrowPatch, Patch

from ekokit.charts._base import (
    BLACK,
    FONT,
    PALE,
    Chart,
    clean,
    field_label,
    gist,
    listing,
    named,
    no_data,
    register,
    tex,
    texts,
    vlabel,
    whole,
)
from ekokit.charts._canvas import LINE, PAD, Block, draw, lay, lay_row, lines_for, row_height
from ekokit.charts._place import fit, legend_below, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "value_blueprint"
READY = {"ready": "#BFE6D3", "partly": "#FBE3A6", "not_ready": "#F6C3B0"}
UNKNOWN = "white"
COLUMN = 118.0  # points, a column's width
PER_ROW = 4  # columns a row; a longer chain goes on in the next row
MARGIN, GAP = 6.0, 16.0
MOST = 10.0 * 72
_m = texts(NAME)


def _columns(activities: list[dict]) -> list[tuple[int | None, list[dict]]]:
    places = sorted({p for a in activities if (p := whole(a.get("position"))) is not None})
    out: list[tuple[int | None, list[dict]]] = [
        (p, [a for a in activities if whole(a.get("position")) == p]) for p in places]
    loose = [a for a in activities if whole(a.get("position")) is None]
    return ([(None, loose)] if loose else []) + out


def _draw(exercise: Exercise, answer: dict[str, Any], columns, lang: str):
    count = len(columns) + 1
    per_row = min(count, PER_ROW)
    width = 2 * MARGIN + GAP + per_row * COLUMN + (per_row - 1) * GAP
    fig, renderer = sheet(width)
    proposition = clean(answer.get("value_proposition"))
    head = Block(field_label(exercise, lang, "value_proposition"),
                 [proposition] if proposition else [], bullets=False, fill=PALE,
                 empty=_m("no_proposition", lang))
    blocks = [Block(_m("place", lang, no=p) if p is not None else _m("no_place", lang),
                    [clean(a["name"]) for a in acts],
                    fills=[READY.get(a.get("readiness"), UNKNOWN) for a in acts],
                    notes=[clean(a.get("performer")) for a in acts]) for p, acts in columns]
    beneficiary = clean(answer.get("beneficiary"))
    blocks.append(Block(field_label(exercise, lang, "beneficiary"),
                        [beneficiary] if beneficiary else [], bullets=False, edge=BLACK,
                        empty=_m("no_beneficiary", lang)))
    rows = [blocks[i:i + per_row] for i in range(0, count, per_row)]
    leader = clean(answer.get("leader"))
    lead_text = tex(fit(f"{field_label(exercise, lang, 'leader')} {leader}" if leader
                        else _m("no_leader", lang), width - 2 * MARGIN, 2, renderer))

    def measure(lines: int):
        top = lay(head, width - 2 * MARGIN, lines, renderer)
        laid = [lay_row(row, [COLUMN] * len(row), lines, renderer) for row in rows]
        return top, laid, (top.height + sum(row_height(r) + GAP for r in laid) + PAD
                           + (lead_text.count("\n") + 1) * LINE + 2 * MARGIN)

    lines = lines_for(lambda n: measure(n)[2], MOST)
    top_laid, laid, height = measure(lines)
    ax = sheet_axes(fig, width, height, below=3 * LINE)
    y = height - MARGIN
    draw(ax, head, top_laid, MARGIN, y, width - 2 * MARGIN, top_laid.height)
    y -= top_laid.height + GAP
    for r, (row, row_laid) in enumerate(zip(rows, laid, strict=False)):
        h = row_height(row_laid)
        for i, (block, one) in enumerate(zip(row, row_laid, strict=False)):
            x = MARGIN + GAP + i * (COLUMN + GAP)
            last = r == len(rows) - 1 and i == len(row) - 1
            draw(ax, block, one, x, y, COLUMN, h, heading_fill=PALE, lw=2 if last else 1.2)
            if i or r:  # the chain goes on: from the block before, or from the row above
                ax.add_patch(FancyArrowPatch((x - GAP + 1, y - h / 2), (x - 1, y - h / 2),
                                             arrowstyle="-|>", mutation_scale=12, color=BLACK,
                                             lw=1.2))
        y -= h + GAP
    ax.text(MARGIN, y + GAP - PAD, lead_text, ha="left", va="top", fontsize=FONT,
            linespacing=1.1)
    used = {a.get("readiness") for _, acts in columns for a in acts}
    handles = [Patch(facecolor=colour, edgecolor=BLACK, label=vlabel("activity_readiness", key,
                                                                      lang))
               for key, colour in READY.items() if key in used]
    if used - set(READY):
        handles.append(Patch(facecolor=UNKNOWN, edgecolor=BLACK, label=_m("no_readiness", lang)))
    if handles:
        legend_below(fig, handles)
    return fig


def _table(activities: list[dict], lang: str, exercise: Exercise) -> pd.DataFrame:
    out = [(whole(a.get("position")), clean(a["name"]), clean(a.get("performer")),
            vlabel("activity_readiness", a.get("readiness"), lang)) for a in activities]
    out.sort(key=lambda r: (r[0] is not None, r[0] or 0))
    columns = [field_label(exercise, lang, "activities", k)
               for k in ("position", "name", "performer", "readiness")]
    return pd.DataFrame(out, columns=columns, dtype=object)


@register(NAME, reads=("beneficiary", "value_proposition", "activities.name",
                       "activities.performer", "activities.position", "activities.readiness",
                       "leader"))
def value_blueprint(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    activities = named(answer, "activities")
    proposition = clean(answer.get("value_proposition"))
    if not activities and not proposition:
        return no_data(lang)
    columns = _columns(activities)
    alt = [_m("alt", lang, count=len(activities))]
    if proposition:
        alt.append(_m("alt_proposition", lang, text=gist(proposition)))
    if clean(answer.get("beneficiary")):
        alt.append(_m("alt_beneficiary", lang, who=gist(answer["beneficiary"])))
    for key in READY:
        names = [gist(a["name"]) for a in activities if a.get("readiness") == key]
        if names:
            alt.append(_m("alt_readiness", lang, readiness=vlabel("activity_readiness", key, lang),
                          names=listing(names, lang)))
    if clean(answer.get("leader")):
        alt.append(_m("alt_leader", lang, who=gist(answer["leader"])))
    table = _table(activities, lang, exercise) if activities else None
    return Chart(_draw(exercise, answer, columns, lang), " ".join(alt), table)


