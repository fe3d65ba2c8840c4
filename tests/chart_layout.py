"""One overlap check for every chart test: a chart's drawn texts, measured once on the figure laid
out as when drawn (no pixels needed), and the pairs of them that overlap.

Not a test module: imported by tests/test_charts*.py, test_ecosystem.py and test_place.py.

The one tolerance: two texts overlap when their boxes share more than ``TOLERANCE`` pixels both
across and up (``OVERLAP_PX``, 1 px at the charts' dpi). A text's box is its glyphs' extent plus
the font's line spacing, so boxes that merely touch, or meet in the last antialiased pixel, are
not two texts a reader sees on top of each other."""

from __future__ import annotations

import itertools

from matplotlib.figure import Figure
from matplotlib.text import Text
from matplotlib.transforms import Bbox

TOLERANCE = 1.0  # pixels both ways before two boxes count as overlapping


class Laid:
    """A figure laid out once as when drawn, with its drawn texts (the figure's, every axes'
    texts and title, the tick and axis labels of axes that show them, the legends') and their
    boxes measured once: every check reads the same layout."""

    def __init__(self, fig: Figure) -> None:
        fig.draw_without_rendering()
        self.fig, self.renderer = fig, fig.canvas.get_renderer()
        texts = list(fig.texts)
        for ax in fig.axes:
            texts += [*ax.texts, ax.title]
            if ax.axison:  # an axes turned off draws no ticks or axis labels
                texts += [*ax.get_xticklabels(), *ax.get_yticklabels(), ax.xaxis.label,
                          ax.yaxis.label]
        for legend in fig.legends + [ax.get_legend() for ax in fig.axes if ax.get_legend()]:
            texts += legend.get_texts()
        self.texts = [t for t in texts if t.get_visible() and t.get_text().strip()]
        self._boxes: dict[int, Bbox] = {}

    def box(self, text: Text) -> Bbox:
        if id(text) not in self._boxes:
            self._boxes[id(text)] = Text.get_window_extent(text, self.renderer)
        return self._boxes[id(text)]


def laid(fig: Figure | Laid) -> Laid:
    return fig if isinstance(fig, Laid) else Laid(fig)


def boxes_overlap(p: Bbox, q: Bbox) -> bool:
    """Whether two boxes (pixels) share more than ``TOLERANCE`` both across and up."""
    across = min(p.x1, q.x1) - max(p.x0, q.x0)
    up = min(p.y1, q.y1) - max(p.y0, q.y0)
    return across > TOLERANCE and up > TOLERANCE


def overlaps(fig: Figure | Laid) -> list[tuple[str, str]]:
    """The pairs of drawn texts (by their text) whose boxes overlap."""
    view = laid(fig)
    boxes = [(t.get_text(), view.box(t)) for t in view.texts]
    return [(a, b) for (a, p), (b, q) in itertools.combinations(boxes, 2) if boxes_overlap(p, q)]
