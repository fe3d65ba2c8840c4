"""A numbered key beside a figure: "1  text", wrapped, top down, as many as fit; the table holds
the rest. Used by the Session 3 charts whose markers carry numbers (assumption_map,
learning_loops)."""

from __future__ import annotations

from matplotlib.axes import Axes

from ekokit.charts._base import BLACK, FONT, tex, wrap

LINE = FONT * 1.25  # points per text line
GAP = FONT * 0.5  # points between entries


def key_list(ax: Axes, entries: list[tuple[str, str, bool]], *, budget: int, width: int = 30,
             lines: int = 2, heading: str = "", rest: str = "") -> int:
    """Draw ``(number, text, bold)`` entries from the top of ``ax`` (its axis off) within
    ``budget`` lines (the gaps between entries count too); when some do not fit, ``rest`` (with
    ``{count}``) ends the list. Returns how many entries were drawn."""
    ax.axis("off")
    y = 0.0
    used = 0.0
    if heading:
        head = wrap(heading, width + 4, 2)
        ax.annotate(tex(head), (0, 1), xycoords="axes fraction", va="top", ha="left",
                    fontsize=FONT, weight="bold")
        used += head.count("\n") + 1 + GAP / LINE
        y += used * LINE + GAP
    shown = 0
    for i, (no, text, bold) in enumerate(entries):
        body = wrap(text, width, lines)
        need = body.count("\n") + 1
        left = len(entries) - i
        if used + need > budget - (1 if left > 1 else 0) and rest:
            ax.annotate(rest.format(count=left), (0, 1), xycoords="axes fraction",
                        xytext=(0, -y), textcoords="offset points", va="top", ha="left",
                        fontsize=FONT, style="italic", color=BLACK)
            break
        weight = "bold" if bold else "normal"
        ax.annotate(no, (0, 1), xycoords="axes fraction", xytext=(0, -y),
                    textcoords="offset points", va="top", ha="left", fontsize=FONT, weight=weight)
        ax.annotate(tex(body), (0, 1), xycoords="axes fraction", xytext=(FONT * 2.2, -y),
                    textcoords="offset points", va="top", ha="left", fontsize=FONT,
                    weight=weight, linespacing=1.1)
        used += need + GAP / LINE
        y += need * LINE + GAP
        shown += 1
    return shown
