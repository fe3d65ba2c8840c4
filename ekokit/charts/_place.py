"""Labels beside markers without overlaps: each label tries spots around its marker, nearest
first, and takes the first one that covers no other label, no marker and stays on the axes.

Measuring needs a laid-out figure: :func:`settle` draws it once and freezes the layout, so the
positions measured afterwards are the ones saved."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from ekokit.charts._base import FONT, GREY, wrap

# right, left, up, down, then the diagonals: a label stays level with its marker when it can
DIRECTIONS = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1))
RADII = (7, 13, 20, 28, 38, 50, 64, 80, 100)  # points from the marker's centre
LEADER = 16  # labels further than this get a thin line to their marker
PAD = 2.0  # pixels kept free around every label


def settle(fig: Figure) -> RendererBase:
    """Lay the figure out once and freeze that layout; returns the renderer to measure with."""
    fig.canvas.draw()
    fig.set_layout_engine("none")
    return fig.canvas.get_renderer()


def extents(artists: Iterable[Text], renderer: RendererBase) -> list[Bbox]:
    return [a.get_window_extent(renderer) for a in artists if a.get_visible() and a.get_text()]


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return w * h if w > 0 and h > 0 else 0.0


def _outside(box: Bbox, frame: Bbox) -> float:
    inside = _overlap(box, frame)
    return box.width * box.height - inside


class Placed(list):
    """The labels drawn; ``clear`` is False when some label found no free spot."""

    clear = True


def place(ax: Axes, anchors: Sequence[tuple[float, float]], texts: Sequence[str], *,
          renderer: RendererBase, avoid: Iterable[Bbox] = (), marker: float = 10.0,
          radii: Sequence[float] = RADII, directions: Sequence[tuple[int, int]] = DIRECTIONS,
          **style) -> Placed:
    """Draw ``texts[i]`` near data point ``anchors[i]``. ``avoid``: boxes (pixels) to keep
    clear, e.g. other texts; every anchor's marker (``marker`` points wide) is kept clear too."""
    px = ax.figure.dpi / 72
    half = marker * px / 2
    obstacles = list(avoid)
    points = [ax.transData.transform(a) for a in anchors]
    obstacles += [Bbox.from_extents(x - half, y - half, x + half, y + half) for x, y in points]
    frame = ax.get_window_extent(renderer)
    style = {"fontsize": FONT, "zorder": 4, **style}
    placed = Placed()
    for (x, y), text in zip(anchors, texts, strict=False):
        label = ax.annotate(text, (x, y), xytext=(0, 0), textcoords="offset points",
                            annotation_clip=False, in_layout=False, **style)
        best: tuple[float, tuple] | None = None
        for radius in radii:
            for dx, dy in directions:
                scale = 0.75 if dx and dy else 1.0
                spot = (dx * radius * scale, dy * radius * scale,
                        "left" if dx > 0 else "right" if dx < 0 else "center",
                        "bottom" if dy > 0 else "top" if dy < 0 else "center")
                label.xyann = spot[:2]
                label.set_horizontalalignment(spot[2])
                label.set_verticalalignment(spot[3])
                box = label.get_window_extent(renderer).padded(PAD)
                cost = sum(_overlap(box, o) for o in obstacles) + 4 * _outside(box, frame)
                if best is None or cost < best[0]:
                    best = (cost, (*spot, radius))
                if cost == 0:
                    break
            if best and best[0] == 0:
                break
        ox, oy, ha, va, radius = best[1]
        placed.clear = placed.clear and best[0] == 0
        label.xyann = (ox, oy)
        label.set_horizontalalignment(ha)
        label.set_verticalalignment(va)
        if radius > LEADER:  # far from its marker: drawn again with a thin leader line
            label.remove()
            label = ax.annotate(text, (x, y), xytext=(ox, oy), textcoords="offset points",
                                ha=ha, va=va, annotation_clip=False, in_layout=False,
                                arrowprops={"arrowstyle": "-", "color": GREY, "lw": 0.7,
                                            "shrinkA": 1, "shrinkB": marker / 2}, **style)
        obstacles.append(label.get_window_extent(renderer).padded(PAD))
        placed.append(label)
    return placed


def fit(text: str, width: float, lines: int, renderer: RendererBase, *,
        fontsize: float = FONT, weight: str = "normal") -> str:
    """``text`` wrapped (``wrap``, at most ``lines`` lines) so that every line, as measured by
    ``renderer``, is at most ``width`` points wide: long Finnish words are kept whole when they
    fit and hyphenated only when they do not."""
    prop = FontProperties(size=fontsize, weight=weight)
    scale = 72 / renderer.dpi if hasattr(renderer, "dpi") else 1.0
    chars = max(4, int(width / (fontsize * 0.45)))
    while True:
        wrapped = wrap(text, chars, lines, stretch=1.0)
        widest = max(renderer.get_text_width_height_descent(line, prop, ismath=False)[0]
                     for line in wrapped.split("\n"))
        if widest * scale <= width or chars <= 4:
            return wrapped
        chars -= 1
