"""Text measured before it is drawn: labels beside markers without overlaps (:func:`place`), text
fitted to a width (:func:`fit`), and sheets laid out by hand in points (:func:`sheet`).

Measuring needs a laid-out figure: :func:`settle` draws it once and freezes the layout, so the
positions measured afterwards are the ones saved."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Annotation, Text
from matplotlib.transforms import Bbox

from ekokit.charts._base import FONT, GREY, figure, wrap

# right, left, up, down, then the diagonals: a label stays level with its marker when it can
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
RADII = (7, 13, 20, 28, 38, 50, 64, 80, 100)  # points from the marker's centre
NEAR = RADII[:3]  # for labels that must stand right by their marker to be read as its own
LEADER = 16  # labels further than this get a thin line to their marker
PAD = 2.0  # pixels kept free around every label
LINE_SAMPLES = 24  # points along a leader line checked to cross no other label or marker
Misfit = Literal["least", "drop", "none"]
_HA: dict[int, Literal["left", "right", "center"]] = {1: "left", -1: "right", 0: "center"}
_VA: dict[int, Literal["bottom", "top", "center"]] = {1: "bottom", -1: "top", 0: "center"}


def renderer(fig: Figure) -> RendererBase:
    """The renderer of a chart's own Agg canvas (every chart figure has one, see ``figure``)."""
    canvas = fig.canvas
    assert isinstance(canvas, FigureCanvasAgg), "chart figures draw on their own Agg canvas"
    return canvas.get_renderer()


def settle(fig: Figure) -> RendererBase:
    """Lay the figure out once and freeze that layout; returns the renderer to measure with."""
    fig.draw_without_rendering()  # the layout and every artist's place, no pixels
    fig.set_layout_engine("none")
    return renderer(fig)


def extents(artists: Iterable[Text], renderer: RendererBase) -> list[Bbox]:
    return [a.get_window_extent(renderer) for a in artists if a.get_visible() and a.get_text()]


def spread(cells: Sequence[tuple[int, int]], radius: float = 0.24) -> list[tuple[float, float]]:
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


@dataclass
class Placed:
    """The labels drawn; ``fits`` is False when some label found no free spot."""

    labels: list[Annotation] = field(default_factory=list)
    fits: bool = True

    def remove(self) -> None:
        for label in self.labels:
            label.remove()
        self.labels.clear()


def place(ax: Axes, anchors: Sequence[tuple[float, float]], texts: Sequence[str], *,
          renderer: RendererBase, avoid: Iterable[Bbox] = (), marker: float = 10.0,
          radii: Sequence[float] = RADII, directions: Sequence[tuple[int, int]] = DIRECTIONS,
          misfit: Misfit = "least", **style: Any) -> Placed:
    """Draw ``texts[i]`` near data point ``anchors[i]``, on the first spot (nearest first) that
    covers no other label, no marker and stays on the axes. ``avoid``: boxes (pixels) to keep
    clear, e.g. other texts; every anchor's marker (``marker`` points wide) is kept clear too.
    A label further than ``LEADER`` points from its marker gets a thin line to it.

    ``misfit`` says what becomes of a label that finds no free spot: ``"least"``, it stands where
    it covers least; ``"drop"``, it is left out; ``"none"``, every label is placed or none is
    (a few orders are tried, since the greedy choice depends on who goes first)."""
    if misfit != "none":
        return _place(ax, anchors, texts, renderer, avoid, marker, radii, directions, misfit,
                      style)
    n = len(anchors)
    orders = [list(range(n)),
              sorted(range(n), key=lambda i: (-anchors[i][0], -anchors[i][1])),
              sorted(range(n), key=lambda i: (-anchors[i][1], -anchors[i][0]))]
    avoid = list(avoid)
    for order in orders:
        placed = _place(ax, [anchors[i] for i in order], [texts[i] for i in order], renderer,
                        avoid, marker, radii, directions, "none", style)
        if placed.fits:
            labels = dict(zip(order, placed.labels, strict=True))
            return Placed([labels[i] for i in range(n)])
        placed.remove()
    return Placed(fits=False)


def _place(ax: Axes, anchors: Sequence[tuple[float, float]], texts: Sequence[str],
           renderer: RendererBase, avoid: Iterable[Bbox], marker: float,
           radii: Sequence[float], directions: Sequence[tuple[int, int]], misfit: Misfit,
           style: dict[str, Any]) -> Placed:
    px = ax.figure.dpi / 72
    half = marker * px / 2
    points = np.array([ax.transData.transform(a) for a in anchors]).reshape(-1, 2)
    marks = np.hstack([points - half, points + half])
    others = np.array([b.extents for b in avoid], dtype=float).reshape(-1, 4)  # and the labels
    frame = ax.get_window_extent(renderer)
    style = {"fontsize": FONT, "zorder": 4, **style}
    # every spot, nearest first: direction, radius, offset (points), and the share of the
    # label's width and height that lies left of and below the offset point
    spots = [(dx, dy, r, dx * r * (0.75 if dx and dy else 1.0),
              dy * r * (0.75 if dx and dy else 1.0)) for r in radii for dx, dy in directions]
    moves = np.array([(ox * px, oy * px, (1 - dx) / 2, (1 - dy) / 2)
                      for dx, dy, _, ox, oy in spots]).reshape(-1, 4)
    grow = np.array([-PAD, -PAD, PAD, PAD])
    far = np.array([r > LEADER for _, _, r, _, _ in spots], dtype=bool)[:, None]
    placed = Placed()
    for i, ((x, y), (u, v), text) in enumerate(zip(anchors, points, texts, strict=False)):
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points",
                            ha="left", va="bottom", annotation_clip=False, in_layout=False,
                            **style)
        base = label.get_window_extent(renderer)  # measured once, then moved (exact when level)
        x0 = base.x0 + moves[:, 0] - moves[:, 2] * base.width
        y0 = base.y0 + moves[:, 1] - moves[:, 3] * base.height
        x1, y1 = x0 + base.width, y0 + base.height
        # a far label's line runs from its middle to its marker's edge, crossing no label and
        # no other marker: small boxes along it are kept clear of them
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        dx_, dy_ = mx - u, my - v
        length = np.hypot(dx_, dy_).clip(1e-9)
        ex, ey = u + dx_ / length * half, v + dy_ / length * half
        boxes = np.stack([x0, y0, x1, y1], 1) + grow
        line, crossed = np.zeros(len(spots)), np.vstack([others, np.delete(marks, i, 0)])
        for t in np.linspace(0, 1, LINE_SAMPLES):
            sx, sy = mx + (ex - mx) * t, my + (ey - my) * t
            line += _covered(np.stack([sx - 1, sy - 1, sx + 1, sy + 1], 1), crossed)
        cost = (_covered(boxes, marks) + _covered(boxes, others) + far[:, 0] * line
                + 4 * _outside(boxes, frame) + ~far[:, 0] * _nearer(boxes, points, i))
        free = np.flatnonzero(cost == 0)
        if not len(free):
            placed.fits = False
            if misfit != "least":
                label.remove()
                if misfit == "none":
                    return placed
                continue
        best = int(free[0]) if len(free) else int(np.argmin(cost))
        dx, dy, radius, ox, oy = spots[best]
        if radius > LEADER:  # far from its marker: drawn with a thin line to it
            label.remove()
            label = ax.annotate(text, (x, y), xytext=(ox, oy), textcoords="offset points",
                                ha=_HA[dx], va=_VA[dy], annotation_clip=False, in_layout=False,
                                arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.7,
                                            "shrinkA": 1, "shrinkB": marker / 2}, **style)
            box = label.get_window_extent(renderer).padded(PAD).extents
        else:
            label.xyann = (ox, oy)
            label.set_horizontalalignment(_HA[dx])
            label.set_verticalalignment(_VA[dy])
            box = boxes[best]
        others = np.vstack([others, box])
        placed.labels.append(label)
    return placed


def _nearer(boxes: np.ndarray, points: np.ndarray, own: int) -> np.ndarray:
    """For each box of a label without a line to its marker: 1 when another marker is as near
    to it as its own marker ``points[own]`` (the label would be read as the other's), else 0."""
    dx = np.maximum(np.maximum(boxes[:, None, 0] - points[None, :, 0], 0),
                    points[None, :, 0] - boxes[:, None, 2])
    dy = np.maximum(np.maximum(boxes[:, None, 1] - points[None, :, 1], 0),
                    points[None, :, 1] - boxes[:, None, 3])
    near = np.hypot(dx, dy)
    others = np.delete(near, own, 1)
    if not others.shape[1]:
        return np.zeros(len(boxes))
    return (others.min(axis=1) <= near[:, own]).astype(float)


def _covered(boxes: np.ndarray, obstacles: np.ndarray) -> np.ndarray:
    """For each box, the area it shares with the obstacles (summed)."""
    w = (np.minimum(boxes[:, None, 2], obstacles[None, :, 2])
         - np.maximum(boxes[:, None, 0], obstacles[None, :, 0])).clip(0)
    h = (np.minimum(boxes[:, None, 3], obstacles[None, :, 3])
         - np.maximum(boxes[:, None, 1], obstacles[None, :, 1])).clip(0)
    return (w * h).sum(axis=1)


def _outside(boxes: np.ndarray, frame: Bbox) -> np.ndarray:
    """For each box, its area outside ``frame``."""
    inside = _covered(boxes, np.array([frame.extents]))
    return (boxes[:, 2] - boxes[:, 0]) * (boxes[:, 3] - boxes[:, 1]) - inside


def fit(text: str, width: float, lines: int, renderer: RendererBase, *,
        fontsize: float = FONT, weight: str = "normal") -> str:
    """``text`` wrapped (``wrap``, at most ``lines`` lines) so that every line, as measured by
    ``renderer``, is at most ``width`` points wide: long Finnish words are kept whole when they
    fit and hyphenated only when they do not."""
    prop = FontProperties(size=fontsize, weight=weight)
    scale = 72 / renderer.dpi if hasattr(renderer, "dpi") else 1.0
    measured: dict[str, float] = {}

    def fits(chars: int) -> bool:
        for line in wrap(text, chars, lines, stretch=1.0).split("\n"):
            if line not in measured:
                measured[line] = renderer.get_text_width_height_descent(line, prop,
                                                                        ismath=False)[0]
            if measured[line] * scale > width:
                return False
        return True

    # the widest wrapping that fits, found by halving between 4 characters a line and a
    # generous guess (measuring text is what takes the time)
    low, high = 4, max(5, int(width / (fontsize * 0.45)) + 1)
    if fits(high - 1):
        return wrap(text, high - 1, lines, stretch=1.0)
    high -= 1
    while high - low > 1:
        middle = (low + high) // 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return wrap(text, low, lines, stretch=1.0)


def sheet(width: float) -> tuple[Figure, RendererBase]:
    """A figure ``width`` points wide, laid out by hand (no layout engine), and the renderer to
    measure its texts with before its height is known."""
    fig = figure((width / 72, 4.6))
    fig.set_layout_engine("none")
    return fig, renderer(fig)


def sheet_axes(fig: Figure, width: float, height: float, below: float = 0.0) -> Axes:
    """The sheet made ``height`` points tall (and ``below`` more under it, e.g. for a legend);
    returns axes over the ``height`` part without axis lines, whose data units are points."""
    fig.set_size_inches(width / 72, (height + below) / 72)
    ax = fig.add_axes((0, below / (height + below), 1, height / (height + below)))
    ax.axis("off")
    ax.set(xlim=(0, width), ylim=(0, height))
    return ax


def legend_below(fig: Figure, handles: list, most: int = 4, **style: Any) -> None:
    """The figure's legend under the axes, in as many columns (at most ``most``) as fit within
    the figure's width: long labels (Finnish) take more rows rather than leave the figure."""
    canvas = renderer(fig)
    for ncols in range(min(len(handles), most), 0, -1):
        legend = fig.legend(handles=handles, loc="outside lower center", ncols=ncols,
                            fontsize=FONT, frameon=False, **style)
        if ncols == 1 or legend.get_window_extent(canvas).width <= fig.bbox.width:
            return
        legend.remove()
