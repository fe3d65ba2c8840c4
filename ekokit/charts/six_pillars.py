"""``six_pillars`` (s2_six_pillars): Inayatullah's six pillars drawn as pillars under one roof:
each pillar a question (its field's label) as the capital and the team's answer as the shaft, the
new metaphor (the inner story) on the roof, all standing on one base."""

from __future__ import annotations

from typing import Any

from matplotlib.patches import Polygon, Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    PALE,
    Chart,
    clean,
    field_label,
    gist,
    no_data,
    register,
    tex,
    texts,
)
from ekokit.charts._canvas import (
    LINE,
    PAD,
    Block,
    draw,
    lay_row,
    lines_for,
    row_height,
    sheet_table,
)
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "six_pillars"
PILLARS = ("past", "forecast", "assumptions", "alternatives", "preferred", "how")
WIDTH = 9.6 * 72
MARGIN, GAP = 6.0, 7.0
MOST = 10.0 * 72
STONE = "#EFE9DD"  # a pale sandstone: a background only, text stays black
_m = texts(NAME)


def _draw(exercise: Exercise, answer: dict[str, Any], lang: str):
    fig, renderer = sheet(WIDTH)
    width = (WIDTH - 2 * MARGIN - GAP * (len(PILLARS) - 1)) / len(PILLARS)
    blocks = [Block(field_label(exercise, lang, p),
                    [clean(answer.get(p))] if clean(answer.get(p)) else [], bullets=False,
                    fill=STONE, edge=BLACK, empty=_m("unanswered", lang)) for p in PILLARS]
    metaphor = clean(answer.get("new_metaphor"))
    roof_text = (f"{field_label(exercise, lang, 'new_metaphor')}: {metaphor}" if metaphor
                 else _m("no_metaphor", lang))
    roof = tex(fit(roof_text, WIDTH * 0.6, 3, renderer, weight="bold"))
    roof_h = (roof.count("\n") + 1) * LINE + 3 * LINE
    base_h = 2 * PAD + 6

    def measure(lines: int):
        laid = lay_row(blocks, [width] * len(blocks), lines, renderer)
        return laid, roof_h + row_height(laid) + base_h + 2 * MARGIN + 2 * PAD

    lines = lines_for(lambda n: measure(n)[1], MOST)
    laid, height = measure(lines)
    ax = sheet_axes(fig, WIDTH, height)
    top = height - MARGIN
    ax.add_patch(Polygon([(MARGIN, top - roof_h), (WIDTH / 2, top), (WIDTH - MARGIN, top - roof_h)],
                         closed=True, facecolor=STONE, edgecolor=BLACK, lw=1.2))
    ax.text(WIDTH / 2, top - roof_h + PAD + 2, roof, ha="center", va="bottom", fontsize=FONT,
            weight="bold" if metaphor else "normal", style="normal" if metaphor else "italic",
            color=BLACK if metaphor else GREY, linespacing=1.1)
    top -= roof_h + PAD
    h = row_height(laid)
    for i, (block, one) in enumerate(zip(blocks, laid, strict=False)):
        x = MARGIN + i * (width + GAP)
        draw(ax, block, one, x, top, width, h, heading_fill=PALE)
    bottom = top - h - PAD
    ax.add_patch(Rectangle((MARGIN, bottom - base_h), WIDTH - 2 * MARGIN, base_h,
                           facecolor=STONE, edgecolor=BLACK, lw=1.2))
    return fig


@register(NAME, reads=(*PILLARS, "new_metaphor"))
def six_pillars(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    filled = [p for p in PILLARS if clean(answer.get(p))]
    if not filled and not clean(answer.get("new_metaphor")):
        return no_data(lang)
    alt = [_m("alt", lang, count=len(filled))]
    alt += [_m("alt_pillar", lang, question=_m(f"pillar_{p}", lang),
               answer=gist(answer[p])) for p in filled]
    if clean(answer.get("new_metaphor")):
        alt.append(_m("alt_metaphor", lang, metaphor=gist(answer["new_metaphor"])))
    return Chart(_draw(exercise, answer, lang), " ".join(alt), sheet_table(exercise, answer, lang))
