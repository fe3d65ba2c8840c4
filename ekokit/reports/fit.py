"""Text measured with the font a slide names: how many lines a paragraph takes in a box of a
given width, where to break it, and how tall it is. The deck names DejaVu Sans, which
matplotlib ships (so it is on every machine that draws the charts) and which LibreOffice and
PowerPoint find when it is installed; Pillow reads the same TTF files here, so a test can
measure exactly what the renderer will lay out."""

from __future__ import annotations

import functools

from PIL import ImageFont

from ekokit.charts.png import font_file

FONT_NAME = "DejaVu Sans"
SCALE = 20  # the font is loaded at 20 × the point size: widths in 1/20 pt
LINE = 1.2  # line height as a multiple of the size (LibreOffice's and PowerPoint's single)
EMU_PER_PT = 12700


@functools.cache
def _font(size: float, bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_file(bold)), round(size * SCALE))


@functools.cache
def width_pt(text: str, size: float, bold: bool = False) -> float:
    """The advance width of ``text`` in points at ``size`` pt."""
    return _font(size, bold).getlength(text) / SCALE


def wrap(runs: list[tuple[str, bool]], width: float, size: float) -> list[str]:
    """A paragraph of runs ((text, bold), …) broken into lines of at most ``width`` points, at
    spaces only, as a text frame with word wrap does; a single word wider than the line takes a
    line of its own (and is then broken inside by the renderer: callers avoid it). Each line is
    returned as its text."""
    words: list[tuple[str, bool]] = []
    for text, bold in runs:
        for index, part in enumerate(text.split(" ")):
            if index and words:
                words.append((" ", bold))
            if part:
                words.append((part, bold))
    lines: list[str] = []
    line: list[tuple[str, bool]] = []
    used = 0.0
    for word, bold in words:
        w = width_pt(word, size, bold)
        if word == " ":
            if line:
                line.append((word, bold))
                used += w
            continue
        if line and used + w > width:
            lines.append("".join(t for t, _ in line).rstrip())
            line, used = [], 0.0
        line.append((word, bold))
        used += w
    if line or not lines:
        lines.append("".join(t for t, _ in line).rstrip())
    return lines


def line_count(runs: list[tuple[str, bool]], width: float, size: float) -> int:
    """Lines the paragraph takes: its explicit line breaks each start a new line."""
    total = 0
    for part in _split_breaks(runs):
        total += len(wrap(part, width, size))
    return total


def _split_breaks(runs: list[tuple[str, bool]]) -> list[list[tuple[str, bool]]]:
    parts: list[list[tuple[str, bool]]] = [[]]
    for text, bold in runs:
        pieces = text.split("\n")
        for index, piece in enumerate(pieces):
            if index:
                parts.append([])
            parts[-1].append((piece, bold))
    return parts


def widest_word(text: str, size: float, bold: bool = False) -> float:
    return max((width_pt(word, size, bold) for word in text.split()), default=0.0)


def height_pt(lines: int, size: float) -> float:
    return lines * size * LINE
