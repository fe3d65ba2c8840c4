"""Labels beside markers that never overlap: each label tries a ring of spots around its marker
and takes the first one that stays inside its axes and clear of every label and marker already
drawn. Used by the Session 2 grids and the megatrend radar.

The figure's layout is settled (one draw) and then frozen, so the positions checked here are the
positions saved."""

from __future__ import annotations

import math
from collections import defaultdict

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from ekokit.charts._base import FONT

# Offsets in points, nearest first: right, left, above, below, then the diagonals, then further.
_DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
_DISTANCES = (8, 13, 20)


def freeze(fig: Figure) -> None:
    """Settle the constrained layout once and keep it, so label checks stay true when saved."""
    fig.canvas.draw()
    fig.set_layout_engine("none")


def marker_boxes(ax: Axes, points: list[tuple[float, float]], size: float) -> list[Bbox]:
    """Display boxes of markers ``size`` points across at data ``points``."""
    half = size / 2 * ax.figure.dpi / 72
    out = []
    for x, y in points:
        px, py = ax.transData.transform((x, y))
        out.append(Bbox.from_extents(px - half, py - half, px + half, py + half))
    return out


def place(ax: Axes, points: list[tuple[float, float]], texts: list[str],
          avoid: list[Bbox], distances: tuple[float, ...] = _DISTANCES, **style) -> list[bool]:
    """Draw each text near its point where it overlaps nothing; True where a label was drawn.
    ``avoid`` (marker boxes, other texts) grows as labels are placed; ``distances`` (points)
    limits how far from its marker a label may stand."""
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    inside = ax.get_window_extent(renderer).padded(-2)
    placed = []
    pad = 1.5
    for (x, y), text in zip(points, texts, strict=False):
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points",
                            fontsize=style.get("fontsize", FONT), zorder=6,
                            **{k: v for k, v in style.items() if k != "fontsize"})
        done = False
        for distance in distances:
            for dx, dy in _DIRECTIONS:
                norm = math.hypot(dx, dy)
                label.set_position((dx / norm * distance, dy / norm * distance))
                label.set_ha("left" if dx > 0 else "right" if dx < 0 else "center")
                label.set_va("bottom" if dy > 0 else "top" if dy < 0 else "center")
                box = label.get_window_extent(renderer).padded(pad)
                if (inside.contains(box.x0, box.y0) and inside.contains(box.x1, box.y1)
                        and not any(box.overlaps(other) for other in avoid)):
                    avoid.append(box)
                    done = True
                    break
            if done:
                break
        if not done:
            label.remove()
        placed.append(done)
    return placed


def spread(cells: list[tuple[int, int]], radius: float = 0.24) -> list[tuple[float, float]]:
    """Points sharing one grid cell are set on a small circle (rings of them when many) so that
    none hides another; a lone point stays on the cell centre."""
    groups: dict[tuple[int, int], list[int]] = defaultdict(list)
    for i, cell in enumerate(cells):
        groups[cell].append(i)
    xy = [(0.0, 0.0)] * len(cells)
    for (x, y), members in groups.items():
        if len(members) == 1:
            xy[members[0]] = (float(x), float(y))
            continue
        ring, start = 0, 0
        while start < len(members):
            r = min(radius * (1 + 0.75 * ring), 0.45)
            size = min(len(members) - start, 6 * (ring + 1))
            for k, i in enumerate(members[start:start + size]):
                a = 2 * math.pi * k / size + math.pi / 2 + ring * 0.4
                xy[i] = (x + r * math.cos(a), y + r * math.sin(a))
            start += size
            ring += 1
    return xy


def place_all(ax: Axes, points: list[tuple[float, float]], texts: list[str],
              avoid: list[Bbox], **style) -> bool:
    """Every label placed, or none: tries a few orders (as given, right-most first, top-most
    first, since the greedy choice depends on who goes first) and keeps the first that fits."""
    orders = [list(range(len(points))),
              sorted(range(len(points)), key=lambda i: (-points[i][0], -points[i][1])),
              sorted(range(len(points)), key=lambda i: (-points[i][1], -points[i][0]))]
    for order in orders:
        before = len(ax.texts)
        if all(place(ax, [points[i] for i in order], [texts[i] for i in order], list(avoid),
                     **style)):
            return True
        for text in list(ax.texts)[before:]:
            text.remove()
    return False
