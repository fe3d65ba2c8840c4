"""``role_map`` (s1_roles): the roles as a labelled map, actors down the side and the roles
across the top (grouped as the literature groups them: leading, creating value, supporting,
enabling), a mark where an actor takes a role, what each actor brings beside its row; roles the
team found missing are hatched columns. The four orchestration tasks and their owners follow."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.artist import Artist
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from ekokit.charts._base import (
    BLACK,
    BLUE,
    FONT,
    GREEN,
    GREY,
    ORANGE,
    PALE,
    PURPLE,
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
)
from ekokit.charts._canvas import LINE, PAD, Block, draw, lay_row, row_height
from ekokit.charts._place import fit, legend_below, sheet, sheet_axes
from ekokit.content.exercises import Exercise
from ekokit.content.vocab import vocabularies

NAME = "role_map"
GROUPS = {"lead": (("orchestrator", "leader", "keystone", "dominator"), "o", BLUE),
          "create": (("niche_player", "supplier", "complementor", "user"), "s", ORANGE),
          "support": (("expert", "champion"), "D", GREEN),
          "enable": (("sponsor", "regulator", "enabler"), "^", PURPLE)}
WIDTH = 8.4 * 72
MARGIN, CELL = 6.0, 20.0
NAME_W, NOTE_MIN = 130.0, 150.0
_m = texts(NAME)


def _group(role: str) -> tuple[str, str, str]:
    for key, (roles, marker, colour) in GROUPS.items():
        if role in roles:
            return key, marker, colour
    return "other", "h", "white"


def _draw(exercise: Exercise, actors: list[dict], roles: list[str], missing: set[str],
          orchestration: list[dict], lang: str):
    fig, renderer = sheet(WIDTH)
    note_w = max(NOTE_MIN, WIDTH - 2 * MARGIN - NAME_W - len(roles) * CELL - 2 * PAD)
    width = 2 * MARGIN + NAME_W + len(roles) * CELL + 2 * PAD + note_w
    fig.set_size_inches(width / 72, fig.get_size_inches()[1])
    lines = 3 if len(actors) <= 10 else 2 if len(actors) <= 16 else 1
    names = [tex(fit(a["name"], NAME_W - PAD, lines, renderer)) for a in actors]
    notes = [tex(fit(clean(a.get("contribution")), note_w, lines, renderer)) for a in actors]
    heads = [tex(vlabel("ecosystem_role", r, lang)) for r in roles]
    font = FontProperties(size=FONT, weight="bold")
    head_h = max((renderer.get_text_width_height_descent(h, font, ismath=False)[0]
                  for h in heads), default=0.0) * 72 / fig.dpi + 2 * PAD
    rows_h = [max(n.count("\n"), t.count("\n")) * LINE + LINE + 8
              for n, t in zip(names, notes, strict=False)]
    tops = [sum(rows_h[:i]) for i in range(len(rows_h) + 1)]  # below the grid's top
    tasks = [Block(vlabel("orchestration_task", t["task"], lang), [clean(t["owner"])],
                   bullets=False, empty=_m("no_owner", lang)) for t in orchestration]
    task_w = (width - 2 * MARGIN - 6 * max(len(tasks) - 1, 0)) / max(len(tasks), 1)
    laid = lay_row(tasks, [task_w] * len(tasks), 3, renderer) if tasks else []
    title = LINE + PAD if tasks else 0
    height = (2 * MARGIN + head_h + tops[-1] + PAD
              + (title + row_height(laid) + PAD if tasks else 0))
    ax = sheet_axes(fig, width, height, below=3 * LINE)
    top = height - MARGIN
    x0 = MARGIN + NAME_W
    grid_top = top - head_h
    for j, (role, head) in enumerate(zip(roles, heads, strict=False)):
        x = x0 + j * CELL
        hatch = role in missing
        ax.add_patch(Rectangle((x, grid_top - tops[-1]), CELL, tops[-1],
                               facecolor="white" if hatch else (PALE if j % 2 else "white"),
                               edgecolor=GREY if hatch else "none", hatch="///" if hatch else None,
                               lw=0.6, zorder=0))
        ax.text(x + CELL / 2, grid_top + PAD, head, rotation=90, ha="center", va="bottom",
                fontsize=FONT, weight="bold" if hatch else "normal",
                style="italic" if hatch else "normal")
    for i, (actor, name, note) in enumerate(zip(actors, names, notes, strict=False)):
        y = grid_top - tops[i] - rows_h[i] / 2
        ax.plot([MARGIN, x0 + len(roles) * CELL + PAD + note_w], [grid_top - tops[i + 1]] * 2,
                color="#D0D0D0", lw=0.6, zorder=1)
        ax.text(x0 - PAD, y, name, ha="right", va="center", fontsize=FONT, linespacing=1.1)
        for role in actor.get("roles") or []:
            if role in roles:
                _, marker, colour = _group(role)
                ax.plot(x0 + roles.index(role) * CELL + CELL / 2, y, marker=marker, ms=9,
                        color=colour, mec=BLACK, ls="none", zorder=3)
        ax.text(x0 + len(roles) * CELL + PAD, y, note, ha="left", va="center", fontsize=FONT,
                linespacing=1.1, color="#333333")
    if tasks:
        y = grid_top - tops[-1] - PAD
        ax.text(MARGIN, y, tex(field_label(exercise, lang, "orchestration")), ha="left",
                va="top", fontsize=FONT, weight="bold")
        y -= title
        for k, (block, one) in enumerate(zip(tasks, laid, strict=False)):
            draw(ax, block, one, MARGIN + k * (task_w + 6), y, task_w, row_height(laid),
                 heading_fill=PALE)
    handles: list[Artist] = [Line2D([], [], marker=marker, color=colour, mec=BLACK, ms=9, ls="none",
                      label=_m(f"group_{key}", lang))
               for key, (members, marker, colour) in GROUPS.items()
               if any(r in members for r in roles if r not in missing
                      or any(r in (a.get("roles") or []) for a in actors))]
    if missing:
        handles.append(Rectangle((0, 0), 1, 1, facecolor="white", edgecolor=GREY, hatch="///",
                                 label=_m("missing", lang)))
    if handles:
        legend_below(fig, handles)
    return fig


def _table(exercise: Exercise, actors: list[dict], orchestration: list[dict],
           lang: str) -> pd.DataFrame:
    out = [(clean(a["name"]), ", ".join(vlabel("ecosystem_role", r, lang)
                                        for r in a.get("roles") or []),
            clean(a.get("contribution"))) for a in actors]
    out += [(_m("task_row", lang, task=vlabel("orchestration_task", t["task"], lang)),
             clean(t["owner"]), clean(t.get("how"))) for t in orchestration]
    columns = [field_label(exercise, lang, "actors", k) for k in ("name", "roles", "contribution")]
    return pd.DataFrame(out, columns=columns, dtype=object)


@register(NAME, reads=("actors.name", "actors.roles", "actors.contribution",
                       "orchestration.task", "orchestration.owner", "orchestration.how",
                       "missing_roles"))
def role_map(exercise: Exercise, answer: dict[str, Any], lang: str) -> Chart:
    actors = named(answer, "actors")
    known = vocabularies()["ecosystem_role"]
    missing = {r for r in answer.get("missing_roles") or [] if r in known}
    orchestration = [t for t in named(answer, "orchestration", "task")
                     if t["task"] in vocabularies()["orchestration_task"]]
    if not actors and not orchestration:
        return no_data(lang)
    used = {r for a in actors for r in a.get("roles") or []}
    roles = [r for r in known if r in used or r in missing]
    alt = [_m("alt", lang, actors=len(actors), roles=len(used & set(known)))]
    for role in roles:
        takers = [gist(a["name"]) for a in actors if role in (a.get("roles") or [])]
        if takers:
            alt.append(_m("alt_role", lang, role=vlabel("ecosystem_role", role, lang),
                          names=listing(takers, lang)))
    if missing:
        alt.append(_m("alt_missing", lang, roles=listing(
            [vlabel("ecosystem_role", r, lang) for r in roles if r in missing], lang)))
    for t in orchestration:
        alt.append(_m("alt_task", lang, task=vlabel("orchestration_task", t["task"], lang),
                      owner=gist(t["owner"])))
    fig = _draw(exercise, actors, roles, missing, orchestration, lang) if roles or orchestration \
        else None
    return Chart(fig, " ".join(alt), _table(exercise, actors, orchestration, lang))
