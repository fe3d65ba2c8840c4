"""``experiment_plan`` (s3_experiment_plan): the plan as the one-page canvas of the VALOA / TTL
template: the experiment's name over its goal and the decision to come, then partners, first
steps and obstacles side by side, and how progress is followed along the bottom."""

from __future__ import annotations

from typing import Any

from ekokit.charts._base import (
    BLACK,
    FONT,
    PALE,
    Chart,
    as_date,
    clean,
    date_text,
    field_label,
    gist,
    listing,
    named,
    no_data,
    register,
    tex,
    textlist,
    texts,
    vlabel,
)
from ekokit.charts._canvas import (
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

NAME = "experiment_plan"
WIDTH = 7.2 * 72
MARGIN, GAP = 4.0, 6.0
MOST = 9.5 * 72  # points: taller sheets get fewer lines per item
DECISIONS = {"continue": "#D3F0E2", "scale": "#D6ECFA", "stop": "#FADCC8"}
_m = texts(NAME)


def _blocks(exercise: Exercise, answer: dict[str, Any],
            lang: str) -> list[list[tuple[Block, float]]]:
    def label(*path: str) -> str:
        return field_label(exercise, lang, *path)

    steps, notes = [], []
    for s in named(answer, "first_steps", "step"):
        steps.append(clean(s["step"]))
        notes.append(", ".join(x for x in (clean(s.get("owner")),
                                           date_text(as_date(s.get("due")), lang, ""))
                               if x))
    obstacles, helps = [], []
    for o in named(answer, "obstacles", "obstacle"):
        obstacles.append(clean(o["obstacle"]))
        support = clean(o.get("support_from"))
        helps.append(_m("support", lang, who=support) if support else "")
    decision = answer.get("decision")
    day = date_text(as_date(answer.get("decision_date")), lang, "")
    verdict = [_m("decision_on", lang, date=day) if day else _m("no_date", lang),
               vlabel("experiment_decision", decision, lang) if decision
               else _m("undecided", lang)]
    goal = [clean(answer.get("goal"))] if clean(answer.get("goal")) else []
    follow = [clean(answer.get("follow_up"))] if clean(answer.get("follow_up")) else []
    return [
        [(Block(label("goal"), goal, bullets=False), 0.66),
         (Block(label("decision"), verdict, bullets=False, fill=DECISIONS.get(str(decision), PALE),
                edge=BLACK), 0.34)],
        [(Block(label("partners"), textlist(answer, "partners")), 0.3),
         (Block(label("first_steps"), steps, notes=notes), 0.4),
         (Block(label("obstacles"), obstacles, notes=helps), 0.3)],
        [(Block(label("follow_up"), follow, bullets=False), 1.0)],
    ]


def _draw(title: str, grid: list[list[tuple[Block, float]]]):
    fig, renderer = sheet(WIDTH)
    usable = WIDTH - 2 * MARGIN
    head = tex(fit(title, usable - 2 * PAD, 2, renderer, fontsize=FONT + 2, weight="bold"))
    head_h = (head.count("\n") + 1) * (FONT + 2) * 1.3 + 2 * PAD
    widths = [[w * (usable - GAP * (len(row) - 1)) for _, w in row] for row in grid]

    def measure(lines: int):
        laid = [lay_row([b for b, _ in row], ws, lines, renderer)
                for row, ws in zip(grid, widths, strict=False)]
        return laid, head_h + sum(row_height(r) for r in laid) + GAP * len(laid) + 2 * MARGIN

    lines = lines_for(lambda n: measure(n)[1], MOST)
    laid, height = measure(lines)
    ax = sheet_axes(fig, WIDTH, height)
    top = height - MARGIN
    ax.text(MARGIN + PAD, top - PAD, head, ha="left", va="top", fontsize=FONT + 2,
            weight="bold", linespacing=1.1)
    top -= head_h
    for row, row_laid, ws in zip(grid, laid, widths, strict=False):
        h = row_height(row_laid)
        x = MARGIN
        for (block, _), one, w in zip(row, row_laid, ws, strict=False):
            draw(ax, block, one, x, top, w, h, heading_fill=PALE)
            x += w + GAP
        top -= h + GAP
    return fig


@register(NAME, reads=("name", "goal", "partners", "first_steps.step", "first_steps.owner",
                       "first_steps.due", "obstacles.obstacle", "obstacles.support_from",
                       "follow_up", "decision_date", "decision"))
def experiment_plan(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    parts = ("name", "goal", "partners", "first_steps", "obstacles", "follow_up", "decision_date",
             "decision")
    if not any(answer.get(p) for p in parts):
        return no_data(lang)
    table = sheet_table(exercise, answer, lang)
    name = clean(answer.get("name")) or _m("unnamed", lang)
    grid = _blocks(exercise, answer, lang)
    alt = [_m("alt", lang, name=gist(name))]
    if clean(answer.get("goal")):
        alt.append(_m("alt_goal", lang, goal=gist(answer["goal"])))
    partners = textlist(answer, "partners")
    if partners:
        alt.append(_m("alt_partners", lang, names=listing([gist(p) for p in partners], lang)))
    steps = named(answer, "first_steps", "step")
    if steps:
        alt.append(_m("alt_steps", lang, count=len(steps),
                      steps=listing([gist(s["step"]) for s in steps], lang, limit=3)))
    day = date_text(as_date(answer.get("decision_date")), lang, "")
    decision = answer.get("decision")
    alt.append(_m("alt_decision", lang, date=day or _m("no_date", lang),
                  decision=vlabel("experiment_decision", decision, lang) if decision
                  else _m("undecided", lang)))
    return Chart(_draw(name, grid), " ".join(alt), table)
