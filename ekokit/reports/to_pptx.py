"""A team report as a PowerPoint deck (python-pptx): a title slide, one slide per answered
exercise (its chart and its key answers in short bullets), then the harvest slides.

Every text is a plain run: nothing the user typed is read as markup or a field. Text fits its
box because a slide shows few bullets, each shortened at a whole word ("…"); the speaker notes
keep every answer whole, and each chart's text alternative is both the picture's alt text
(``descr``) and the first line of the notes."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterable, Sequence
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.text.text import TextFrame
from pptx.util import Emu, Inches, Pt

from ekokit.charts.html import png_base64
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, Table, TeamReport
from ekokit.reports.tables import formatted, harvest_tables, phase_line, story_pairs
from ekokit.reports.text import one_line, shorten, xml_safe

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(1.0)
BODY_TOP = Inches(1.45)
BODY_HEIGHT = Inches(5.5)
CHART_DPI = 150
GREY = RGBColor(0x4A, 0x4A, 0x4A)
# The deck's and its text runs' language, by the kit's language (Swedish as written in Finland).
LANGUAGE = {"fi": MSO_LANGUAGE_ID.FINNISH, "sv": MSO_LANGUAGE_ID.SWEDISH_FINLAND,
            "en": MSO_LANGUAGE_ID.ENGLISH_UK}
LOCALE = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
LAYOUT_TITLE, LAYOUT_CONTENT, LAYOUT_TITLE_ONLY = 0, 1, 5

# How much a slide shows: bullets, characters per bullet, table rows, characters per cell.
BULLETS, BULLET_CHARS, BULLET_CHARS_WIDE, LABEL_CHARS = 7, 90, 150, 40
TABLE_ROWS, CELL_CHARS, CELL_ITEMS = 7, 50, 3


class _Writer:
    """Plain runs in the report's language."""

    def __init__(self, tr: Translator) -> None:
        self.tr = tr
        self.language = LANGUAGE.get(tr.lang, MSO_LANGUAGE_ID.NONE)

    def run(self, paragraph, text: str, *, size: int | None = None, bold: bool = False,
            grey: bool = False) -> None:
        run = paragraph.add_run()
        run.text = xml_safe(text)
        run.font.language_id = self.language
        if size:
            run.font.size = Pt(size)
        if bold:
            run.font.bold = True
        if grey:
            run.font.color.rgb = GREY

    def lines(self, frame: TextFrame, lines: Iterable[tuple[str, str]], *, size: int,
              first: bool = True) -> None:
        """One paragraph per (label, text); the label bold before the text."""
        for label, text in lines:
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            if label:
                self.run(paragraph, f"{label}: " if text else label, size=size, bold=True)
            if text:
                self.run(paragraph, text, size=size)

    def title(self, slide: Slide, text: str) -> None:
        shape = _title(slide)
        _place(shape, MARGIN, TITLE_TOP, WIDTH - 2 * MARGIN, TITLE_HEIGHT)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
        self.run(frame.paragraphs[0], shorten(text, 70), size=28, bold=True)

    def note(self, slide: Slide, lines: Iterable[tuple[str, str]]) -> None:
        frame = slide.notes_slide.notes_text_frame
        assert frame is not None  # every notes slide made by python-pptx has its body
        self.lines(frame, lines, size=12)

    def footer(self, slide: Slide, text: str) -> None:
        box = _textbox(slide, MARGIN, HEIGHT - Inches(0.5), WIDTH - 2 * MARGIN, Inches(0.35))
        self.run(box.text_frame.paragraphs[0], text, size=11, grey=True)


def _place(shape: Any, left: int, top: int, width: int, height: int) -> None:
    shape.left, shape.top, shape.width, shape.height = (Emu(int(v))
                                                        for v in (left, top, width, height))


def _title(slide: Slide) -> Any:
    shape = slide.shapes.title
    assert shape is not None  # the layouts used all have a title placeholder
    return shape


def _textbox(slide: Slide, left: int, top: int, width: int, height: int) -> Any:
    return slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))


def _png(figure) -> bytes:
    return base64.b64decode(png_base64(figure, dpi=CHART_DPI))


def _picture(slide: Slide, png: bytes, alt: str, left: int, top: int, width: int,
             height: int) -> None:
    """The chart fitted into the box (aspect kept), its alt text as the picture's description
    (python-pptx has no API for it: ``descr`` of the picture's non-visual properties)."""
    pic = slide.shapes.add_picture(io.BytesIO(png), Emu(left), Emu(top))
    scale = min(width / pic.width, height / pic.height)
    w, h = int(pic.width * scale), int(pic.height * scale)
    _place(pic, left + (width - w) // 2, top + (height - h) // 2, w, h)
    element: Any = pic._element
    element.nvPicPr.cNvPr.set("descr", xml_safe(alt))


def _bullets(points: Sequence[tuple[str, str]], width: int,
             tr: Translator) -> list[tuple[str, str]]:
    """At most BULLETS bullets, each shortened at a whole word; a last one says how many more
    points are in the speaker notes."""
    shown = [(shorten(label, LABEL_CHARS), shorten(text, width)) for label, text in points]
    if len(shown) > BULLETS:
        rest = len(shown) - (BULLETS - 1)
        shown = [*shown[:BULLETS - 1], ("", tr("report.slide_more", count=rest))]
    return shown


def _body(slide: Slide, left: int, width: int) -> TextFrame:
    body: Any = slide.placeholders[1]
    _place(body, left, BODY_TOP, width, BODY_HEIGHT)
    frame = body.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
    return frame


def _full(points: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(label, one_line(text)) for label, text in points]


def exercise_slide(deck: Deck, exercise: ExerciseReport, w: _Writer, where: str) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_CONTENT])
    w.title(slide, exercise.title)
    chart = exercise.chart
    drawn = chart is not None and chart.figure is not None
    inner = WIDTH - 2 * MARGIN
    text_width = int(inner * 0.45) if drawn else inner
    points = exercise.key_points()
    frame = _body(slide, MARGIN, text_width)
    w.lines(frame, _bullets(points, BULLET_CHARS if drawn else BULLET_CHARS_WIDE, w.tr),
            size=16)
    if drawn and chart is not None:
        left = MARGIN + text_width + Inches(0.3)
        _picture(slide, _png(chart.figure), chart.alt, left, BODY_TOP,
                 WIDTH - MARGIN - left, BODY_HEIGHT)
    w.footer(slide, where)
    notes = [("", w.tr("report.slide_alt", alt=chart.alt))] if chart is not None else []
    w.note(slide, [*notes, (w.tr("report.slide_notes"), ""), *_full(points)])
    return slide


def _cell_text(value: str) -> str:
    """A table cell on a slide: its first items (lines), each shortened."""
    items = [line for line in value.splitlines() if line.strip()]
    shown = [shorten(line, CELL_CHARS) for line in items[:CELL_ITEMS]]
    if len(items) > CELL_ITEMS:
        shown.append(f"+{len(items) - CELL_ITEMS}")
    return "\n".join(shown)


def table_slide(deck: Deck, title: str, table: Table, w: _Writer, *, intro: str = "",
                rows: int = TABLE_ROWS) -> Slide:
    """A harvest table: its first ``rows`` rows, cells shortened; the notes keep it all."""
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE_ONLY])
    w.title(slide, title)
    top: int = BODY_TOP
    if intro:
        box = _textbox(slide, MARGIN, top, WIDTH - 2 * MARGIN, Inches(0.5))
        w.run(box.text_frame.paragraphs[0], intro, size=18)
        top += Inches(0.6)
    cells = formatted(table, w.tr)
    shown = cells[:rows]
    shape = slide.shapes.add_table(len(shown) + 1, len(table.headers), MARGIN, Emu(top),
                                   Emu(WIDTH - 2 * MARGIN), Emu(Inches(0.4) * (len(shown) + 1)))
    grid = shape.table
    for col, header in enumerate(table.headers):
        w.run(grid.cell(0, col).text_frame.paragraphs[0], shorten(header, 40), size=13,
              bold=True)
    for row, values in enumerate(shown, start=1):
        for col, value in enumerate(values):
            lines = _cell_text(value).split("\n")
            frame = grid.cell(row, col).text_frame
            for index, line in enumerate(lines):
                paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
                w.run(paragraph, line, size=12)
    if len(cells) > rows:
        box = _textbox(slide, MARGIN, HEIGHT - Inches(0.9), WIDTH - 2 * MARGIN, Inches(0.4))
        w.run(box.text_frame.paragraphs[0],
              w.tr("report.slide_more", count=len(cells) - rows), size=13, grey=True)
    notes = [("", intro)] if intro else []
    notes += [(table.caption, "")]
    notes += [("", " | ".join(f"{h}: {one_line(c)}" for h, c in zip(table.headers, values,
                                                                     strict=True) if c))
              for values in cells]
    w.note(slide, notes)
    return slide


def bullet_slide(deck: Deck, title: str, points: Sequence[tuple[str, str]], w: _Writer,
                 width: int = BULLET_CHARS_WIDE) -> Slide:
    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_CONTENT])
    w.title(slide, title)
    frame = _body(slide, MARGIN, WIDTH - 2 * MARGIN)
    w.lines(frame, _bullets(points, width, w.tr), size=18)
    w.note(slide, [(w.tr("report.slide_notes"), ""), *_full(points)])
    return slide


def harvest_slides(deck: Deck, report: TeamReport, w: _Writer) -> None:
    tr = w.tr
    h = report.harvest
    tables = harvest_tables(h, tr)
    phase = phase_line(h, tr)
    if h.empty:
        bullet_slide(deck, tr("report.harvest"), [("", tr("report.no_harvest"))], w)
        return
    if "maturity" in tables:
        table_slide(deck, tr("report.maturity"), tables["maturity"], w, intro=phase, rows=10)
    elif phase:
        bullet_slide(deck, tr("report.phase"), [("", phase)], w)
    if "chain" in tables:
        table_slide(deck, tr("report.impact_chain"), tables["chain"], w)
    if "experiments" in tables:
        table_slide(deck, tr("report.experiments"), tables["experiments"], w)
    if h.outcomes:
        points = [(o.actor, o.statement) for o in h.outcomes]
        bullet_slide(deck, tr("report.outcomes"), points, w)
    if h.story is not None:
        bullet_slide(deck, tr("report.story"), story_pairs(h, tr), w, width=200)


def team_pptx(report: TeamReport) -> bytes:
    tr = Translator(report.lang)
    w = _Writer(tr)
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    title = tr("report.team_title", team=report.team.name)
    deck.core_properties.title = xml_safe(title)
    deck.core_properties.language = LOCALE.get(tr.lang, tr.lang)

    slide = deck.slides.add_slide(deck.slide_layouts[LAYOUT_TITLE])
    heading = _title(slide)
    _place(heading, MARGIN, Inches(1.8), WIDTH - 2 * MARGIN, Inches(1.8))
    heading.text_frame.word_wrap = True
    w.run(heading.text_frame.paragraphs[0], shorten(report.team.name, 90), size=36, bold=True)
    sub: Any = slide.placeholders[1]
    _place(sub, MARGIN, Inches(3.9), WIDTH - 2 * MARGIN, Inches(2.4))
    lines = [(tr("report.phenomenon"), shorten(report.team.phenomenon, 150))
             if report.team.phenomenon else ("", ""),
             ("", tr("report.programme")),
             ("", tr("report.generated", date=local_date(report.date)))]
    w.lines(sub.text_frame, [line for line in lines if any(line)], size=18)
    w.note(slide, [(tr("report.team"), report.team.name),
                   (tr("report.phenomenon"), report.team.phenomenon),
                   (tr("report.members"), ", ".join(report.team.members))])

    for session in report.sessions:
        for exercise in session.exercises:
            where = session.title + (f" · {tr('report.homework')}" if exercise.homework else "")
            exercise_slide(deck, exercise, w, where)
    harvest_slides(deck, report, w)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
