"""``after_action`` (s4_aar): the after-action review's four questions as one sheet: what was
expected and what actually happened side by side, the gaps between them with their causes, then
what to sustain beside what to change. Long texts are cut on the figure (…) and kept whole in the
table."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLUE,
    FONT,
    GREEN,
    GREY,
    ORANGE,
    PALE,
    VERMILLION,
    Chart,
    clean,
    gist,
    listing,
    msg,
    named,
    no_data,
    register,
    tex,
    textlist,
    texts,
)
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise

NAME = "after_action"
WIDTH = 6.4 * 72  # points
MARGIN, GAP, LINE, PAD = 4.0, 8.0, 13.0, 5.0
TINTS = {BLUE: "#E3EEF7", ORANGE: "#FBEFD6", GREEN: "#DDF1EA", VERMILLION: "#F8E1D3",
         GREY: PALE}


_m = texts(NAME)


def _change(row: dict) -> str:
    owner = clean(row.get("owner"))
    return clean(row["action"]) + (f" ({owner})" if owner else "")


def _gap(row: dict) -> str:
    cause = clean(row.get("cause"))
    return clean(row["divergence"]) + (f" – {cause}" if cause else "")


def _sections(answer: dict[str, Any], lang: str):
    """Rows of boxes: (title, items, edge colour, numbered) each."""
    gaps = named(answer, "gaps", "divergence")
    return [
        [(_m("expected", lang), [clean(answer.get("expected"))], BLUE, False),
         (_m("actual", lang), [clean(answer.get("actual"))], ORANGE, False)],
        [(_m("gaps", lang), [_gap(g) for g in gaps], GREY, True)],
        [(_m("sustain", lang), textlist(answer, "sustain"), GREEN, False),
         (_m("change", lang), [_change(c) for c in named(answer, "change", "action")],
          VERMILLION, False)],
    ]


def _body(items: list[str], width: float, budget: int, numbered: bool, renderer,
          lang: str) -> str:
    items = [i for i in items if i]
    if not items:
        return msg("empty_cell", lang)
    if len(items) == 1 and not numbered:
        return tex(fit(items[0], width, budget, renderer))
    each = max(1, min(3, budget // len(items)))
    marks = [f"{k}. " if numbered else "• " for k in range(1, len(items) + 1)]
    return "\n".join(tex(fit(mark + item, width, each, renderer)) for mark, item in
                     zip(marks, items, strict=False))


def _draw(answer: dict[str, Any], lang: str):
    fig, renderer = sheet(WIDTH)
    event = clean(answer.get("event"))
    title = tex(fit(event, WIDTH - 2 * MARGIN, 2, renderer, fontsize=FONT + 1, weight="bold"))
    laid = []  # (row height, [(x, width, title, body, edge)])
    for row in _sections(answer, lang):
        width = (WIDTH - 2 * MARGIN - GAP * (len(row) - 1)) / len(row)
        boxes = []
        for i, (head, items, edge, numbered) in enumerate(row):
            budget = 7 if len(row) == 2 else 10
            body = _body(items, width - 2 * PAD, budget, numbered, renderer, lang)
            boxes.append((MARGIN + i * (width + GAP), width, head, body, edge))
        lines = max(b[3].count("\n") + 1 for b in boxes)
        laid.append(((lines + 1) * LINE + 3 * PAD, boxes))
    top_band = (title.count("\n") + 1) * (LINE + 1) + PAD if event else 0
    height = top_band + sum(h for h, _ in laid) + GAP * len(laid) + 2 * MARGIN
    ax = sheet_axes(fig, WIDTH, height)
    y = height - MARGIN
    if event:
        ax.text(MARGIN, y, title, ha="left", va="top", fontsize=FONT + 1, weight="bold",
                linespacing=1.1)
        y -= top_band
    for h, boxes in laid:
        for x, width, head, body, edge in boxes:
            ax.add_patch(Rectangle((x, y - h), width, h, facecolor=TINTS[edge], edgecolor=edge,
                                   lw=1.5))
            ax.text(x + PAD, y - PAD, head, ha="left", va="top", fontsize=FONT, weight="bold")
            ax.text(x + PAD, y - LINE - 2 * PAD, body, ha="left", va="top", fontsize=FONT,
                    linespacing=1.1, color=GREY if body == msg("empty_cell", lang) else "black")
        y -= h + GAP
    return fig


def _table(answer: dict[str, Any], lang: str) -> pd.DataFrame:
    out = [(_m("event", lang), clean(answer.get("event"))),
           (_m("expected", lang), str(answer.get("expected") or "").strip()),
           (_m("actual", lang), str(answer.get("actual") or "").strip())]
    out += [(_m("gap_no", lang, no=k), _gap(g))
            for k, g in enumerate(named(answer, "gaps", "divergence"), 1)]
    out += [(_m("sustain", lang), s) for s in textlist(answer, "sustain")]
    out += [(_m("change", lang), _change(c)) for c in named(answer, "change", "action")]
    return pd.DataFrame(out, columns=[_m("col_part", lang), _m("col_text", lang)], dtype=object)


def _alt(answer: dict[str, Any], lang: str) -> str:
    sentences = []
    if clean(answer.get("event")):
        sentences.append(_m("alt_event", lang, event=clean(answer["event"])))
    for key in ("expected", "actual"):
        if clean(answer.get(key)):
            text = gist(answer[key])
            text += "" if text.endswith((".", "!", "?", "…")) else "."
            sentences.append(_m(f"alt_{key}", lang, text=text))
    gaps = named(answer, "gaps", "divergence")
    sentences.append(_m("alt_gaps", lang, count=len(gaps),
                        gaps=listing([clean(g["divergence"]) for g in gaps], lang))
                     if gaps else _m("alt_no_gaps", lang))
    sustain = textlist(answer, "sustain")
    if sustain:
        sentences.append(_m("alt_sustain", lang, items=listing(sustain, lang)))
    change = named(answer, "change", "action")
    if change:
        sentences.append(_m("alt_change", lang, items=listing([_change(c) for c in change],
                                                               lang)))
    return " ".join(sentences)


@register(NAME, reads=("event", "expected", "actual", "gaps.divergence", "gaps.cause", "sustain",
                       "change.action", "change.owner"))
def after_action(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    answer = answer or {}
    if not any((clean(answer.get("event")), clean(answer.get("expected")),
                clean(answer.get("actual")), named(answer, "gaps", "divergence"),
                textlist(answer, "sustain"), named(answer, "change", "action"))):
        return no_data(lang)
    return Chart(_draw(answer, lang), _alt(answer, lang), _table(answer, lang))
