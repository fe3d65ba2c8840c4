"""Charts as PNG for the reports, drawn once per report: every format that shows a chart
asks here, and the same figure at the same size is rendered only once (the HTML, the slides
and a second download of the same report reuse it)."""

from __future__ import annotations

import io
import weakref
from pathlib import Path

import matplotlib
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from ekokit.charts._base import Chart

DPI = 110  # sharp on a projector and on paper, small enough for a self-contained file
_CACHE: weakref.WeakKeyDictionary[Figure, dict[float, tuple[bytes, tuple[int, int]]]] = (
    weakref.WeakKeyDictionary())


def chart_png(chart: Chart, zoom: float = 1.0) -> tuple[bytes, tuple[int, int], int]:
    """The chart's figure as PNG bytes, its size in pixels and its dpi. ``zoom`` enlarges every
    text of the figure by that factor (a slide shows a chart smaller than its own size)."""
    figure = chart.figure
    assert figure is not None
    zoom = round(zoom, 2)
    drawn = _CACHE.setdefault(figure, {})
    if zoom not in drawn:
        texts: list[Text] = list(figure.findobj(Text))
        sizes = [float(t.get_fontsize()) for t in texts]
        try:
            if zoom != 1.0:
                for text, size in zip(texts, sizes, strict=True):
                    text.set_fontsize(size * zoom)
            buffer = io.BytesIO()
            figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight",
                           facecolor="white")
        finally:
            if zoom != 1.0:
                for text, was in zip(texts, sizes, strict=True):
                    text.set_fontsize(was)
        data = buffer.getvalue()
        with Image.open(io.BytesIO(data)) as image:
            drawn[zoom] = (data, image.size)
    data, pixels = drawn[zoom]
    return data, pixels, DPI


def smallest_text(figure: Figure, default: float = 10.0) -> float:
    """The smallest font size (points, at the figure's own size) of the figure's visible text."""
    sizes = [float(t.get_fontsize()) for t in figure.findobj(Text)
             if t.get_visible() and t.get_text()]
    return float(min(sizes, default=default))


def font_file(bold: bool = False) -> Path:
    """The TTF of DejaVu Sans (matplotlib's own font, so present wherever charts are drawn):
    the slides name it and :mod:`ekokit.reports.fit` measures with it."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name
