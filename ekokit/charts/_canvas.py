"""Canvases laid out by hand in points: a block is a heading over the user's texts (prose or a
bulleted list, or cards), fitted to the block's width with :func:`_place.fit` so that a word is
broken only when it is wider than the block. The methods drawn as a sheet of paper (the experiment
plan, six pillars, futures frequency, the value blueprint, the iceberg) are built from blocks.

A block's texts get as many lines as the sheet has room for: :func:`lines_for` tries generous
limits first and gives fewer lines (ending in "…", the table has it all) only when the sheet
would grow past its most height."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from matplotlib.axes import Axes
from matplotlib.backend_bases import RendererBase
from matplotlib.patches import Rectangle

from ekokit.charts._base import BLACK, FONT, GREY, tex
from ekokit.charts._place import fit

LINE = FONT * 1.1 + 0.4  # points per text line: linespacing 1.1 of a FONT-point font is 11
PAD = 5.0  # points inside a block's border
BULLET = 9.0  # points from a bullet to its text
ITEM_GAP = 5.0  # points between two items of a list
LIMITS = (40, 30, 22, 16, 12, 10, 8, 6, 5, 4, 3, 2, 1)  # lines per item, most first


@dataclass
class Block:
    """One box of a canvas: ``heading`` (bold) over ``items``; ``bullets`` marks each item (a
    single prose text has none); ``fills`` draws each item as a card of that colour instead;
    ``empty`` is said when there is no item."""

    heading: str
    items: list[str]
    fill: str = "white"
    edge: str = GREY
    bullets: bool = True
    fills: list[str] | None = None
    empty: str = "–"
    notes: list[str] = field(default_factory=list)  # a second, italic line under each item


@dataclass
class Laid:
    """A block's texts fitted to a width: heading, item texts, their notes, and the height."""

    heading: str
    items: list[str]
    notes: list[str]
    height: float
    gap: float = ITEM_GAP  # points between items: less when the items are cut to a line or two


def _fit(text: str, width: float, lines: int, renderer: RendererBase, weight: str = "normal"
         ) -> str:
    """:func:`fit`, remembered: a sheet is laid out with several line limits, and a text that
    needs fewer lines than the limit is fitted the same under every limit."""
    key = (text, round(width, 2), weight, getattr(renderer, "dpi", 72))
    if len(_FITTED) > 4096:  # a bound for a long-running server
        _FITTED.clear()
    whole = _FITTED.get((*key, 0))
    if whole is None:
        whole = _FITTED[(*key, 0)] = fit(text, width, 400, renderer, weight=weight)
    if _lines(whole) <= lines:
        return whole
    if (*key, lines) not in _FITTED:
        _FITTED[(*key, lines)] = fit(text, width, lines, renderer, weight=weight)
    return _FITTED[(*key, lines)]


_FITTED: dict[tuple, str] = {}


def _lines(text: str) -> int:
    return text.count("\n") + 1 if text else 0


def lay(block: Block, width: float, lines: int, renderer: RendererBase,
        heading_rows: int = 0) -> Laid:
    """``block`` fitted to ``width`` points with at most ``lines`` lines per item; the heading
    takes at least ``heading_rows`` lines (so that a row's headings line up)."""
    inner = width - 2 * PAD
    heading = tex(_fit(block.heading, inner, 3, renderer, "bold")) if block.heading else ""
    if heading and heading_rows > _lines(heading):
        heading += "\n" * (heading_rows - _lines(heading))
    indent = BULLET if block.bullets and block.fills is None else 0.0
    card = 2 * PAD if block.fills is not None else 0.0
    items = [tex(_fit(text, inner - indent - card, lines, renderer)) for text in block.items]
    notes = [tex(_fit(note, inner - indent - card, max(1, lines // 3), renderer))
             if note else "" for note in block.notes]
    notes += [""] * (len(items) - len(notes))
    height = PAD + _lines(heading) * LINE + (2 * PAD if heading else 0)
    if not items:
        height += LINE
    gap = ITEM_GAP if lines > 2 else ITEM_GAP / 2.5
    for text, note in zip(items, notes, strict=False):
        height += (_lines(text) + _lines(note)) * LINE + gap + card
    return Laid(heading, items, notes, height + PAD, gap)


def lines_for(measure: Callable[[int], float], most: float) -> int:
    """The most lines per item (of :data:`LIMITS`) whose sheet, ``measure(lines)`` points high,
    is at most ``most`` points; the fewest when none is. (Fewer lines never make a sheet taller,
    so the limits are halved, not tried one by one.)"""
    if measure(LIMITS[0]) <= most:
        return LIMITS[0]
    good, bad = len(LIMITS) - 1, 0  # indexes: LIMITS[bad] is too tall
    if measure(LIMITS[good]) > most:
        return LIMITS[good]
    while good - bad > 1:
        middle = (good + bad) // 2
        if measure(LIMITS[middle]) <= most:
            good = middle
        else:
            bad = middle
    return LIMITS[good]


def draw(ax: Axes, block: Block, laid: Laid, x: float, top: float, width: float,
         height: float, *, heading_fill: str | None = None, lw: float = 1.2) -> None:
    """Draw ``block`` (fitted as ``laid``) with its top-left corner at (x, top), in points."""
    ax.add_patch(Rectangle((x, top - height), width, height, facecolor=block.fill,
                           edgecolor=block.edge, lw=lw, zorder=1))
    y = top - PAD
    if laid.heading:
        rows = _lines(laid.heading)
        if heading_fill:
            band = rows * LINE + 1.5 * PAD
            ax.add_patch(Rectangle((x, top - band), width, band,
                                   facecolor=heading_fill, edgecolor=block.edge, lw=lw,
                                   zorder=1))
        ax.text(x + PAD, y, laid.heading, ha="left", va="top", fontsize=FONT, weight="bold",
                linespacing=1.1, zorder=3)
        y -= rows * LINE + 2 * PAD
    if not laid.items:
        ax.text(x + PAD, y, block.empty, ha="left", va="top", fontsize=FONT, color=GREY,
                style="italic", zorder=3)
        return
    cards = block.fills is not None
    indent = BULLET if block.bullets and not cards else 0.0
    for i, (text, note) in enumerate(zip(laid.items, laid.notes, strict=False)):
        rows = _lines(text) + _lines(note)
        if cards:
            fill = (block.fills or [])[i] if i < len(block.fills or []) else "white"
            ax.add_patch(Rectangle((x + PAD, y - rows * LINE - 2 * PAD + 1), width - 2 * PAD,
                                   rows * LINE + 2 * PAD - 2, facecolor=fill,
                                   edgecolor=BLACK, lw=0.7, zorder=2))
            y -= PAD
        if indent:
            ax.text(x + PAD, y, "•", ha="left", va="top", fontsize=FONT, zorder=3)
        ax.text(x + PAD + indent + (PAD if cards else 0), y, text, ha="left", va="top",
                fontsize=FONT, linespacing=1.1, zorder=3)
        if note:
            ax.text(x + PAD + indent + (PAD if cards else 0), y - _lines(text) * LINE, note,
                    ha="left", va="top", fontsize=FONT, style="italic", color="#333333",
                    linespacing=1.1, zorder=3)
        y -= rows * LINE + laid.gap + (PAD if cards else 0)


def lay_row(blocks: Sequence[Block], widths: Sequence[float], lines: int,
            renderer: RendererBase) -> list[Laid]:
    """A row of blocks fitted to their widths, their headings as many lines high."""
    rows = max((_lines(_fit(b.heading, w - 2 * PAD, 3, renderer, "bold"))
                for b, w in zip(blocks, widths, strict=False) if b.heading), default=0)
    return [lay(b, w, lines, renderer, rows) for b, w in zip(blocks, widths, strict=False)]


def row_height(blocks: Sequence[Laid]) -> float:
    return max((b.height for b in blocks), default=0.0)


def sheet_table(exercise, answer, lang):
    """The answer's fields as the summary chart tables them (field, text): a canvas's table."""
    from ekokit.charts.summary import summary

    return summary(exercise, answer, lang).table
