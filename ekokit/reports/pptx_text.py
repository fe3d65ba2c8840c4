"""Text for the team deck's slides, measured: a paragraph cut to its lines only where the notes keep
it whole, table columns as wide as their widest word, paragraphs paginated over slides, labelled
values (:mod:`ekokit.reports.pptx_deck` lays them out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.dml.color import RGBColor
from pptx.util import Emu, Inches, Pt

from ekokit.reports import fit
from ekokit.reports.model import Table
from ekokit.reports.text import label_colon, one_line

CELL_X, CELL_Y = Inches(0.08), Inches(0.05)  # a table cell's inner margins
TABLE_SIZE = 14  # points: a table's text
PARAGRAPH_GAP = 6  # points after each paragraph
Runs = list[tuple[str, bool]]  # a paragraph: (text, bold) runs


def _black(paragraph: Any) -> None:
    for run in paragraph.runs:
        run.font.color.rgb = RGBColor(0, 0, 0)


def _cut_to(text: str, width: float, size: float, lines: int) -> str:
    """``text`` cut at a whole word ("…") to fit ``lines`` lines (titles and footers only:
    their whole text is also in the notes or the body)."""
    if fit.line_count([(text, True)], width, size) <= lines:
        return text
    words = text.split()
    while words and fit.line_count([(" ".join(words) + "…", True)], width, size) > lines:
        words.pop()
    return " ".join(words) + "…"


def _column_widths(table: Table, cells: list[list[str]], total: int,
                   shares: Sequence[float] | None) -> list[int]:
    """Column widths (EMU) that hold every column's widest word (headers in bold) whole, the
    rest of the width shared by ``shares`` or in proportion to each column's text."""
    pad = 2 * CELL_X + Emu(Pt(2))
    least = []
    for c, header in enumerate(table.headers):
        widest = max([fit.widest_word(header, TABLE_SIZE, True),
                      *(fit.widest_word(row[c], TABLE_SIZE) for row in cells)])
        least.append(int(widest * fit.EMU_PER_PT) + pad)
    if shares is None:
        shares = []
        for c, header in enumerate(table.headers):
            texts = [header, *(row[c] for row in cells)]
            shares.append(max(min(sum(len(t) for t in texts) / len(texts), 60), 6))
    spare = total - sum(least)
    if spare <= 0:  # the words alone fill the width: each column its share of it
        return [int(total * w / sum(least)) for w in least]
    # give each column its share of the width, but never less than its widest word
    want = [total * s / sum(shares) for s in shares]
    widths = [max(w, m) for w, m in zip(want, least, strict=True)]
    over = sum(widths) - total
    flexible = [i for i, (w, m) in enumerate(zip(widths, least, strict=True)) if w > m]
    while over > 1 and flexible:
        room = sum(widths[i] - least[i] for i in flexible)
        for i in flexible:
            widths[i] -= over * (widths[i] - least[i]) / room
        over = sum(widths) - total
        flexible = [i for i in flexible if widths[i] > least[i] + 1]
    return [int(w) for w in widths]


def _paginate(paragraphs: list[Runs], width: float, room: float, size: float) -> list[list[Runs]]:
    """The paragraphs in pages of at most ``room`` points; a paragraph that does not fit in the
    rest of a page is split at a line break of its layout and continues on the next."""
    pages: list[list[Runs]] = [[]]
    used = 0.0
    line = size * fit.LINE
    queue = list(paragraphs)
    while queue:
        runs = queue.pop(0)
        lines = fit.line_count(runs, width, size)
        need = lines * line + PARAGRAPH_GAP
        if used + need <= room:
            pages[-1].append(runs)
            used += need
            continue
        fits = int((room - used - PARAGRAPH_GAP) // line)
        if fits >= 2 or (not pages[-1] and fits >= 1):
            head, tail = _split_runs(runs, width, size, fits)
            pages[-1].append(head)
            queue.insert(0, tail)
        else:  # too little room left: the whole paragraph starts the next slide
            queue.insert(0, runs)
        pages.append([])
        used = 0.0
    return [p for p in pages if p]


def _split_runs(runs: Runs, width: float, size: float, lines: int) -> tuple[Runs, Runs]:
    """The first ``lines`` lines of the paragraph, and the rest (plain text)."""
    words: list[tuple[str, bool]] = [(w, bold) for text, bold in runs for w in text.split()]
    low, high = 1, len(words)
    while low < high:  # the most words whose layout takes ``lines`` lines
        mid = (low + high + 1) // 2
        if fit.line_count(_join(words[:mid]), width, size) <= lines:
            low = mid
        else:
            high = mid - 1
    return _join(words[:low]), _join(words[low:])


def _join(words: list[tuple[str, bool]]) -> Runs:
    runs: Runs = []
    for word, bold in words:
        if runs and runs[-1][1] == bold:
            runs[-1] = (runs[-1][0] + " " + word, bold)
        else:
            runs.append(((" " if runs else "") + word, bold))
    return runs


def _labelled(label: str, text: str) -> Runs:
    return [(label_colon(label) + " ", True), (one_line(text), False)] if label \
        else [(one_line(text), False)]


# -- the decks -------------------------------------------------------------------------------
