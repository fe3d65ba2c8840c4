"""``retro_board`` (s4_retrospective): the retrospective as a sticky-note board, one column per
column of the chosen format, notes sorted by votes. When the notes do not fit as text they become
numbered tiles (number and votes) and the table names them. The agreed actions run underneath."""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from matplotlib.patches import FancyBboxPatch, Rectangle

from ekokit.charts._base import (
    BLACK,
    FONT,
    GREY,
    Chart,
    clean,
    listing,
    msg,
    named,
    no_data,
    register,
    rows,
    tex,
    texts,
    vlabel,
    whole,
)
from ekokit.charts._place import fit, sheet, sheet_axes
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "retro_board"
FORMATS = {"start_stop_continue": ("start", "stop", "continue"),
           "four_l": ("liked", "learned", "lacked", "longed_for"),
           "sailboat": ("wind", "anchor", "rocks", "island")}
NOTE_COLOURS = ("#FFF1A8", "#D6ECFA", "#D3F0E2", "#FADCC8", "#F3DBEA", "#E6E6E6")
EDGES = ("#B08F00", "#0072B2", "#009E73", "#D55E00", "#CC79A7", "#595959")
WIDTH = 6.4 * 72  # points; the board is laid out in points so text sizes are known
MARGIN, GAP, LINE, PAD = 4.0, 6.0, 13.0, 4.0
MAX_HEIGHT = 6.8 * 72


_m = texts(NAME)


def _votes_text(votes: int | None, lang: str) -> str:
    return "" if votes is None else _m("votes_one" if votes == 1 else "votes", lang, count=votes)


def _columns(fmt: str | None, notes: list[dict]) -> list[str | None]:
    """The format's columns, then any other column a note uses (vocabulary order), then None
    for notes without a column."""
    own = list(FORMATS.get(fmt or "", ()))
    used = {n.get("column") for n in notes}
    extra = [c for c in vocabularies()["retro_column"] if c in used and c not in own]
    return own + extra + ([None] if None in used or "" in used else [])


def _heading(column: str | None, lang: str) -> str:
    return vlabel("retro_column", column, lang) if column else _m("no_column", lang)


def _layout(board: list[list[dict]], colw: float, renderer, lang: str):
    """Per note: its text and height; mode 'text' (lines per note) or 'tiles'."""
    for lines in (4, 3, 2, 1):
        texts = [[tex(fit(n["text"], colw - 2 * PAD - 2, lines, renderer))
                  + (f"\n{_votes_text(n['votes'], lang)}" if n["votes"] is not None else "")
                  for n in column] for column in board]
        need = max(sum((t.count("\n") + 1) * LINE + 2 * PAD + GAP / 2 for t in col)
                   for col in texts)
        if need <= MAX_HEIGHT - 120:
            return "text", texts, need
    per_row = max(1, int((colw + 4) // 48))
    need = max(math.ceil(len(col) / per_row) for col in board) * (LINE + 2 * PAD + 4)
    return "tiles", per_row, need


def _draw(columns: list, board: list[list[dict]], numbers: list[list[int]], fmt: str | None,
          actions: list[dict], lang: str):
    n = len(columns)
    colw = (WIDTH - 2 * MARGIN - (n - 1) * GAP) / n
    fig, renderer = sheet(WIDTH)
    headings = [tex(fit(_heading(c, lang), colw - 2 * PAD, 3, renderer, weight="bold"))
                for c in columns]
    head = max(h.count("\n") + 1 for h in headings) * LINE + 2 * PAD
    mode, layout, need = _layout(board, colw, renderer, lang)
    title = 2 * LINE if fmt else 0
    foot = (len(actions) + 1) * LINE + 2 * PAD if actions else 0
    if mode == "tiles":
        foot += LINE + PAD
    height = max(2.5 * 72, title + head + need + foot + 3 * MARGIN)
    ax = sheet_axes(fig, WIDTH, height)
    top = height - MARGIN
    if fmt:
        ax.text(MARGIN, top, tex(vlabel("retro_format", fmt, lang)), ha="left", va="top",
                fontsize=FONT + 1, weight="bold")
        top -= title
    for i, (_column, heading) in enumerate(zip(columns, headings, strict=False)):
        x = MARGIN + i * (colw + GAP)
        colour, edge = NOTE_COLOURS[i % len(NOTE_COLOURS)], EDGES[i % len(EDGES)]
        ax.add_patch(Rectangle((x, top - head), colw, head, facecolor="white", edgecolor=edge,
                               lw=2))
        ax.text(x + colw / 2, top - head / 2, heading, ha="center", va="center", fontsize=FONT,
                weight="bold", linespacing=1.1)
        y = top - head - GAP / 2
        if not board[i]:
            ax.text(x + colw / 2, y - LINE, msg("empty_cell", lang), ha="center", va="center",
                    fontsize=FONT, color=GREY)
        if mode == "text":
            for text in layout[i]:
                h = (text.count("\n") + 1) * LINE + 2 * PAD
                ax.add_patch(FancyBboxPatch((x + 1, y - h), colw - 2, h, boxstyle="square,pad=0",
                                            facecolor=colour, edgecolor=edge, lw=0.8))
                ax.text(x + PAD, y - PAD, text, ha="left", va="top", fontsize=FONT,
                        linespacing=1.05)
                y -= h + GAP / 2
        else:
            per_row, tile = layout, (colw - 4 * (layout - 1)) / layout
            for k, (note, no) in enumerate(zip(board[i], numbers[i], strict=False)):
                tx = x + (k % per_row) * (tile + 4)
                ty = y - (k // per_row) * (LINE + 2 * PAD + 4) - LINE - 2 * PAD
                ax.add_patch(Rectangle((tx, ty), tile, LINE + 2 * PAD, facecolor=colour,
                                       edgecolor=edge, lw=0.8))
                votes = note["votes"]
                label = str(no) if votes is None else _m("tile", lang, no=no, votes=votes)
                ax.text(tx + tile / 2, ty + LINE / 2 + PAD, label, ha="center", va="center",
                        fontsize=FONT)
    if mode == "tiles":  # just above the actions
        block = (len(actions) + 1) * LINE + 2 * PAD if actions else 0
        ax.text(MARGIN, MARGIN + block + PAD, _m("tiles_key", lang), ha="left", va="bottom",
                fontsize=FONT, style="italic", color=BLACK)
    if actions:
        y = MARGIN + (len(actions) + 1) * LINE + PAD
        ax.text(MARGIN, y, _m("actions", lang), ha="left", va="top", fontsize=FONT,
                weight="bold")
        for k, action in enumerate(actions, 1):
            owner = clean(action.get("owner"))
            line = f"{k}. {clean(action['action'])}" + (f" ({owner})" if owner else "")
            ax.text(MARGIN, y - k * LINE, tex(fit(line, WIDTH - 2 * MARGIN, 1, renderer)),
                    ha="left", va="top", fontsize=FONT)
    return fig


def _table(columns: list, board: list[list[dict]], actions: list[dict], lang: str):
    out: list[tuple[int | None, str, str, int | None]] = []
    no = 0
    for column, notes in zip(columns, board, strict=False):
        for note in notes:
            no += 1
            out.append((no, _heading(column, lang), clean(note["text"]), note["votes"]))
    for action in actions:
        extra = ", ".join(x for x in (clean(action.get("owner")), clean(action.get("due"))) if x)
        out.append((None, _m("action", lang), clean(action["action"]) +
                    (f" ({extra})" if extra else ""), None))
    names = [msg("col_no", lang), _m("col_column", lang), _m("col_text", lang),
             _m("col_votes", lang)]
    return pd.DataFrame(out, columns=names, dtype=object)


def _alt(fmt, columns, board, actions, lang) -> str:
    notes = [n for col in board for n in col]
    counts = [f"{_heading(c, lang)} {len(col)}" for c, col in zip(columns, board, strict=False)]
    sentences = [_m("alt", lang, count=len(notes), columns=listing(counts, lang, limit=8))]
    if fmt:
        sentences.insert(0, _m("alt_format", lang, format=vlabel("retro_format", fmt, lang)))
    voted = sorted((n for n in notes if n["votes"]), key=lambda n: -n["votes"])
    if voted:
        top = [f"{clean(n['text'])} ({n['votes']})" for n in voted[:3]]
        sentences.append(_m("alt_top", lang, notes=listing(top, lang)))
    if actions:
        named_actions = [clean(a["action"]) + (f" ({clean(a['owner'])})" if clean(a.get("owner"))
                                               else "") for a in actions]
        sentences.append(_m("alt_actions", lang, actions=listing(named_actions, lang)))
    return " ".join(sentences)


@register(NAME, reads=("format", "notes.column", "notes.text", "notes.votes", "actions.action",
                       "actions.owner", "actions.due"))
def retro_board(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    notes = [{**n, "votes": whole(n.get("votes"))} for n in named(answer, "notes", "text")]
    actions = named(answer, "actions", "action")
    fmt = answer.get("format") if answer.get("format") in FORMATS else None
    if not notes and not rows(answer, "actions"):
        return no_data(lang)
    columns = _columns(fmt, notes) or list(FORMATS["start_stop_continue"])
    board = [sorted((n for n in notes if (n.get("column") or None) == c),
                    key=lambda n: -(n["votes"] or 0)) for c in columns]
    start = [sum(len(col) for col in board[:i]) for i in range(len(board))]
    numbers = [[s + k + 1 for k in range(len(col))] for s, col in zip(start, board, strict=False)]
    table = _table(columns, board, actions, lang)
    if not notes and not actions:
        return no_data(lang, table)
    return Chart(_draw(columns, board, numbers, fmt, actions, lang),
                 _alt(fmt, columns, board, actions, lang), table)
