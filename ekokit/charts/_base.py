"""What every chart shares: the Chart record, the registry and small drawing helpers.

Charts never touch pyplot: each builds its own ``Figure`` on an Agg canvas. Every text drawn comes
from the ``charts.*`` catalogue, a vocabulary label or the user's own text (passed through
:func:`tex`, so a ``$`` is drawn literally and never starts mathtext)."""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ekokit.content.exercises import Exercise
from ekokit.content.i18n import catalogue, t
from ekokit.content.vocab import label, vocabularies


@dataclass(frozen=True, eq=False)
class Chart:
    """A rendered chart: the figure (None for table-only charts), its text alternative and table."""

    figure: Figure | None
    alt: str
    table: pd.DataFrame | None = None


ChartFn = Callable[[Exercise, dict[str, Any], str], Chart]
CHARTS: dict[str, ChartFn] = {}
READS: dict[str, tuple[str, ...]] = {}


def register(name: str, *, reads: tuple[str, ...] = ()) -> Callable[[ChartFn], ChartFn]:
    """Register a chart under ``name``. ``reads`` lists the answer fields it draws from, as
    paths: ``"actors"`` or ``"actors.ring"`` (an item field of a list). ``ekokit validate`` checks
    that every exercise naming the chart has these fields."""

    def decorate(fn: ChartFn) -> ChartFn:
        CHARTS[name] = fn
        READS[name] = tuple(reads)
        return fn

    return decorate


# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
BLACK, ORANGE, SKY, GREEN = "#000000", "#E69F00", "#56B4E9", "#009E73"
YELLOW, BLUE, VERMILLION, PURPLE = "#F0E442", "#0072B2", "#D55E00", "#CC79A7"
GREY, PALE = "#595959", "#F2F2F2"  # grey meets 4.5:1 on white; pale is a background only
PALETTE = (BLUE, ORANGE, GREEN, VERMILLION, PURPLE, SKY, YELLOW, BLACK)
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
FONT = 10
SIZE = (6.0, 4.5)


def figure(size: tuple[float, float] = SIZE) -> Figure:
    fig = Figure(figsize=size, layout="constrained", facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def msg(key: str, lang: str, **params: object) -> str:
    """A chart's text. A message with ``one:`` and ``other:`` forms agrees with its ``count``
    ("1 toimija", "17 toimijaa")."""
    count = params.get("count")
    if isinstance(count, int) and not isinstance(count, bool):
        form = f"charts.{key}.{'one' if count == 1 else 'other'}"
        if form in catalogue(lang):
            return t(form, lang, **params)
    return t(f"charts.{key}", lang, **params)


class Texts(Protocol):
    def __call__(self, key: str, lang: str, **params: object) -> str: ...


def texts(name: str) -> Texts:
    """One chart's own texts (``data/<lang>/ui/charts/<name>.yaml``): ``_m = texts(NAME)``, then
    ``_m("alt", lang, count=3)`` is ``msg(f"{NAME}.alt", lang, count=3)``."""

    def text(key: str, lang: str, **params: object) -> str:
        return msg(f"{name}.{key}", lang, **params)

    return text


def tex(value: object) -> str:
    """Text safe for matplotlib: no mathtext, a ``$`` is drawn as a dollar sign."""
    return str(value).replace("$", r"\$")


def clean(value: object) -> str:
    """One line of text, whitespace collapsed; '' for None."""
    return "" if value is None else " ".join(str(value).split())


def rows(answer: dict[str, Any] | None, name: str) -> list[dict[str, Any]]:
    return [r for r in (answer or {}).get(name) or [] if isinstance(r, dict)]


def named(answer: dict[str, Any] | None, name: str, key: str = "name") -> list[dict[str, Any]]:
    """The rows of a list field that have a non-empty ``key``."""
    return [r for r in rows(answer, name) if clean(r.get(key))]


def textlist(answer: dict[str, Any] | None, name: str) -> list[str]:
    return [clean(x) for x in (answer or {}).get(name) or [] if clean(x)]


def whole(value: object) -> int | None:
    """An int as given (a rating, a number of votes); None for anything else, a bool too."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


# Characters of one answer text an alt text quotes: a name or an item (the fields of up to 300
# characters) is quoted whole; longer prose is cut after a whole word, with "…" (the table
# under the chart has it all).
ALT_TEXT = 300


def gist(text: object, limit: int = ALT_TEXT) -> str:
    """Whole words of ``text`` up to about ``limit`` characters, "…" when some are left out.
    For alt texts and notes: a word is never cut in the middle (``shorten`` is for labels)."""
    words = clean(text).split()
    out: list[str] = []
    for word in words:
        if out and len(" ".join([*out, word])) > limit:
            return " ".join(out).rstrip(" .,;:–-") + "…"
        out.append(word)
    return " ".join(out)


def shorten(text: str, width: int) -> str:
    text = clean(text)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


CUT = "-\x00"  # marks a hyphen wrap() put into a word, not the word's own


def wrap(text: str, width: int, lines: int = 2, stretch: float = 1.4) -> str:
    """Wrapped to ``width`` characters, at most ``lines`` lines, the last ending in … if cut.
    A long word (Finnish has many) may overrun ``width`` up to ``stretch`` times before it is
    cut."""
    words = []
    for word in clean(text).split():
        pieces = []  # a compound breaks at its own hyphens first ("Talouskuntoon-|säätiö")
        for part in re.findall(r"[^-]+-*|-+", word):
            if len(part.rstrip("-")) > width * stretch:  # cut into even pieces with hyphens
                stem, tail = part.rstrip("-"), part[len(part.rstrip("-")):]
                size = math.ceil(len(stem) / math.ceil(len(stem) / (width - 1)))
                pieces += [stem[i:i + size] + CUT for i in range(0, len(stem) - size, size)]
                part = stem[(len(stem) - 1) // size * size:] + tail
            pieces.append(part)
        # a cut piece is a word of its own (textwrap may break after it); the space after it is
        # taken out again when the next piece stays on the same line
        words.append("".join(p + " " if p.endswith(CUT) else p for p in pieces))
    parts = [line.replace(CUT + " ", "").replace(CUT, "-")
             for line in textwrap.wrap(" ".join(words), width, break_long_words=False)] or [""]
    if len(parts) > lines:
        last = parts[lines - 1].rstrip(" .,;:")
        parts = [*parts[:lines - 1], (last[:width - 1] if len(last) >= width else last) + "…"]
    return "\n".join(parts)


def listing(items: Iterable[str], lang: str, limit: int = 5) -> str:
    """'A, B ja C' — or 'A, B, C, D, E ja 3 muuta' beyond ``limit``."""
    items = [i for i in items if i]
    if len(items) > limit:
        items = [*items[:limit], msg("more", lang, count=len(items) - limit)]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {msg('and', lang)} {items[-1]}"


def number(value: float, lang: str, digits: int = 1) -> str:
    return f"{value:.{digits}f}".replace(".", msg("decimal", lang))


def yes_no(value: object, lang: str) -> str:
    return msg("yes_word" if value else "no_word", lang)


def vlabel(vocab: str, item: object, lang: str) -> str:
    return label(vocab, str(item), lang) if item not in (None, "") else ""


def vocab_style(vocab: str, item: object) -> tuple[str, str]:
    """(marker, colour) of a vocabulary item, by its place in the vocabulary; a white hexagon for
    an item the vocabulary does not have (or none)."""
    items = vocabularies()[vocab]
    if item not in items:
        return "h", "white"
    i = items.index(item)
    return MARKERS[i % len(MARKERS)], PALETTE[i % len(PALETTE)]


def vocab_keys(vocab: str, used: Iterable[object], lang: str, none: str) -> list[Line2D]:
    """Legend keys, marked as :func:`vocab_style` marks them, for the items of ``vocab`` that are
    ``used`` (in the vocabulary's order), then ``none`` when a row has no item."""
    used = set(used)
    keys = []
    for item in [*vocabularies()[vocab], None]:
        if item in used:
            marker, colour = vocab_style(vocab, item)
            keys.append(Line2D([], [], marker=marker, color=colour, mec=BLACK, ms=9, ls="none",
                               label=vlabel(vocab, item, lang) if item else none))
    return keys


def style_keys(styles: Mapping[str | None, tuple[str, str]], used: Iterable[object], vocab: str,
               lang: str, other: tuple[str, str], other_label: str, ms: float = 9) -> list[Line2D]:
    """Legend keys for a chart's own style table, {item: (marker, colour)}: the items ``used``
    in the table's order, labelled from ``vocab``, then ``other`` (``other_label``) when an item
    used has no style of its own."""
    used = set(used)
    keys = [Line2D([], [], marker=marker, color=colour, mec=BLACK, ms=ms, ls="none",
                   label=vlabel(vocab, item, lang))
            for item, (marker, colour) in styles.items() if item in used]
    if used - set(styles):
        keys.append(Line2D([], [], marker=other[0], color=other[1], mec=BLACK, ms=ms, ls="none",
                           label=other_label))
    return keys


def as_date(value: object) -> dt.date | None:
    """A date from a date or an ISO date text (``2024-10-02``); None for anything else."""
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def date_text(day: dt.date | None, lang: str, empty: str | None = None) -> str:
    """The day as the catalogue writes dates (2.10.2024, 2 Oct 2024); without a day ``empty``,
    by default the empty cell's dash."""
    if day is None:
        return msg("empty_cell", lang) if empty is None else empty
    months = msg("months", lang).split(",")
    return msg("date", lang, d=day.day, y=day.year, mon=months[day.month - 1])


def field_label(exercise: Exercise, lang: str, *path: str) -> str:
    """A field's label from the card texts; the field name while texts are missing."""
    try:
        return exercise.field_text(lang, *path).label
    except (KeyError, AttributeError):
        return path[-1].replace("_", " ").capitalize()


def no_data(lang: str, table: pd.DataFrame | None = None) -> Chart:
    return Chart(None, msg("no_data", lang), table)


def tags(names: list[str], width: int, many: int, start: int = 1, lines: int = 2) -> list[str]:
    """Labels drawn beside markers: short names, or numbers (1, 2, … as in the table's first
    column) when there are more than ``many`` names to read."""
    if len(names) > many:
        return [str(start + i) for i in range(len(names))]
    return [tex(wrap(n, width, lines)) for n in names]


def around(count: int, radius: float, start: float = 90.0, span: float = 360.0):
    """``count`` (x, y, angle in radians) points clockwise from ``start``°: a full circle starts
    at ``start``; a shorter ``span`` is cut into equal slots with a point in each slot's middle."""
    step = span / max(count, 1)
    offset = 0.0 if span >= 360 else step / 2
    for i in range(count):
        angle = math.radians(start - offset - i * step)
        yield radius * math.cos(angle), radius * math.sin(angle), angle


def side(angle: float) -> dict[str, Any]:
    """Text alignment for a label placed outward at ``angle``."""
    c, s = math.cos(angle), math.sin(angle)
    ha = "left" if c > 0.2 else "right" if c < -0.2 else "center"
    va = "bottom" if s > 0.2 else "top" if s < -0.2 else "center"
    return {"ha": ha, "va": va}
