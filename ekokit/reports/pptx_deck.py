"""The slide layout of the team deck (:mod:`ekokit.reports.to_pptx`): a deck that places every
text measured with the metrics of the font it names (:mod:`ekokit.reports.fit`, DejaVu Sans), so
nothing is cut and nothing leaves its box; what does not fit continues on the next slide, and
the speaker notes keep every answer whole. Every text is a plain run."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from ekokit.charts import Chart
from ekokit.charts.png import chart_png, smallest_text
from ekokit.content.i18n import Translator
from ekokit.reports import fit
from ekokit.reports.model import Table
from ekokit.reports.pptx_text import (
    CELL_X,
    CELL_Y,
    PARAGRAPH_GAP,
    TABLE_SIZE,
    Runs,
    _black,
    _column_widths,
    _cut_to,
    _paginate,
)
from ekokit.reports.tables import formatted
from ekokit.reports.text import one_line, xml_safe

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.95)
BODY_TOP = Inches(1.35)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.95), Inches(0.4)
BODY_HEIGHT = FOOTER_TOP - BODY_TOP - Inches(0.1)
INSET = Inches(0.1)  # a text box's inner margin, each side
TITLE_SIZES = (28, 24, 20)
BODY_SIZE, FOOTER_SIZE, NOTE_SIZE = 18, 12, 12
MIN_CHART_TEXT = 12  # points: the smallest text of a chart at slide size
CHART_FONT = 10  # ekokit.charts' base size, in points at the figure's own size
GREY = RGBColor(0x4A, 0x4A, 0x4A)
HEADER_FILL = RGBColor(0xE8, 0xEE, 0xF2)
# The deck's and its text runs' language, by the kit's language (Swedish as written in Finland).
LANGUAGE = {"fi": MSO_LANGUAGE_ID.FINNISH, "sv": MSO_LANGUAGE_ID.SWEDISH_FINLAND,
            "en": MSO_LANGUAGE_ID.ENGLISH_UK}
LOCALE = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
LAYOUT_BLANK = 6
KEY_CHARTS = ("s1_actor_map", "s1_power_interest", "s3_portfolio")  # the short deck's extras
SHORT_MAX = 12



def _emu_pt(value: int) -> float:
    return value / fit.EMU_PER_PT


@dataclass
class _Deck:
    deck: Deck
    tr: Translator
    language: MSO_LANGUAGE_ID

    @property
    def count(self) -> int:
        return len(self.deck.slides)

    # -- primitives --------------------------------------------------------------------------

    def slide(self) -> Slide:
        return self.deck.slides.add_slide(self.deck.slide_layouts[LAYOUT_BLANK])

    def run(self, paragraph: Any, text: str, size: float, *, bold: bool = False,
            grey: bool = False) -> None:
        run = paragraph.add_run()
        run.text = xml_safe(text)
        font = run.font
        font.name = fit.FONT_NAME
        font.size = Pt(size)
        font.bold = bold
        font.language_id = self.language
        if grey:
            font.color.rgb = GREY

    def box(self, slide: Slide, left: int, top: int, width: int, height: int,
            paragraphs: Sequence[Runs], size: float, *, grey: bool = False,
            gap: float = PARAGRAPH_GAP, anchor: MSO_ANCHOR = MSO_ANCHOR.TOP) -> Any:
        shape = slide.shapes.add_textbox(Emu(int(left)), Emu(int(top)), Emu(int(width)),
                                         Emu(int(height)))
        frame = shape.text_frame
        frame.word_wrap = True
        frame.auto_size = MSO_AUTO_SIZE.NONE
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = INSET
        for index, runs in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.space_after = Pt(gap)
            paragraph.space_before = Pt(0)
            paragraph.line_spacing = 1.0
            for text, bold in runs:
                self.run(paragraph, text, size, bold=bold, grey=grey)
        return shape

    def title(self, slide: Slide, text: str) -> None:
        """The slide's title in the largest size that fits two lines of the title box."""
        inner = _emu_pt(WIDTH - 2 * MARGIN - 2 * INSET)
        room = _emu_pt(TITLE_HEIGHT - 2 * INSET)
        text = one_line(text)
        for size in TITLE_SIZES:
            if fit.height_pt(fit.line_count([(text, True)], inner, size), size) <= room:
                break
        else:
            size = TITLE_SIZES[-1]
            text = _cut_to(text, inner, size, 2)
        self.box(slide, MARGIN, TITLE_TOP, WIDTH - 2 * MARGIN, TITLE_HEIGHT, [[(text, True)]],
                 size, gap=0)

    def footer(self, slide: Slide, text: str) -> None:
        inner = _emu_pt(WIDTH - 2 * MARGIN - 2 * INSET)
        self.box(slide, MARGIN, FOOTER_TOP, WIDTH - 2 * MARGIN, FOOTER_HEIGHT,
                 [[(_cut_to(text, inner, FOOTER_SIZE, 1), False)]], FOOTER_SIZE, grey=True,
                 gap=0)

    def notes(self, slide: Slide, lines: Sequence[tuple[str, str]]) -> None:
        frame = slide.notes_slide.notes_text_frame
        assert frame is not None  # every notes slide made by python-pptx has its body
        first = True
        for label, text in lines:
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            if label:
                self.run(paragraph, f"{label}: " if text else label, NOTE_SIZE, bold=True)
            if text:
                self.run(paragraph, text, NOTE_SIZE)

    def picture(self, slide: Slide, chart: Chart, left: int, top: int, width: int,
                height: int) -> None:
        """The chart fitted into the box (aspect kept) and drawn so that its smallest text is
        at least MIN_CHART_TEXT points on the slide; its alt text is the picture's
        description (python-pptx has no API for it: ``descr`` of ``cNvPr``)."""
        assert chart.figure is not None
        fig_w, fig_h = chart.figure.get_size_inches()
        scale = min(width / Inches(fig_w), height / Inches(fig_h))
        smallest = smallest_text(chart.figure, CHART_FONT)
        zoom = max(1.0, MIN_CHART_TEXT / (smallest * scale)) if smallest else 1.0
        png, (px_w, px_h), dpi = chart_png(chart, zoom)
        w_in, h_in = px_w / dpi, px_h / dpi
        scale = min(width / Inches(w_in), height / Inches(h_in))
        w, h = int(Inches(w_in) * scale), int(Inches(h_in) * scale)
        pic = slide.shapes.add_picture(io.BytesIO(png), Emu(int(left + (width - w) // 2)),
                                       Emu(int(top + (height - h) // 2)), Emu(w), Emu(h))
        element: Any = pic._element
        element.nvPicPr.cNvPr.set("descr", xml_safe(chart.alt))

    # -- layouts -----------------------------------------------------------------------------

    def prose(self, title: str, paragraphs: Sequence[Runs], footer: str,
              notes: Sequence[tuple[str, str]], *, size: float = BODY_SIZE,
              limit: int | None = None) -> int:
        """Paragraphs on as many slides as they need (a paragraph too long for the rest of a
        slide continues on the next); ``limit`` slides at most (the rest then says where the
        notes have it). Returns the number of slides made."""
        width = _emu_pt(WIDTH - 2 * MARGIN - 2 * INSET)
        room = _emu_pt(BODY_HEIGHT - 2 * INSET)
        pages = _paginate(list(paragraphs), width, room, size)
        if limit is not None and len(pages) > limit:
            pages = pages[:limit]
            more = [(self.tr("report.slide_continues_in_notes"), True)]
            pages[-1] = _paginate([*pages[-1], more], width, room, size)[0] \
                if len(_paginate([*pages[-1], more], width, room, size)) == 1 \
                else [*pages[-1][:-1], more]
        for index, page in enumerate(pages):
            slide = self.slide()
            self.title(slide, title if index == 0 else
                       self.tr("report.continued", title=title))
            self.box(slide, MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, BODY_HEIGHT, page, size)
            self.footer(slide, footer)
            # the first slide's notes hold it all; a continuation's show what it continues
            self.notes(slide, notes if index == 0 else
                       [("", self.tr("report.notes_continue", title=title))])
        return len(pages)

    def table(self, title: str, table: Table, footer: str, *, intro: str = "",
              widths: Sequence[float] | None = None) -> int:
        """A table on as many slides as its rows need, the header row on each; a row too tall
        for a slide continues (its cells' further lines) on the next. Returns the slides."""
        cells = formatted(table, self.tr)
        columns = len(table.headers)
        total_w = WIDTH - 2 * MARGIN
        col_w = _column_widths(table, cells, total_w, widths)
        inner = [_emu_pt(w - 2 * CELL_X) for w in col_w]
        line = TABLE_SIZE * fit.LINE
        pad = 2 * _emu_pt(CELL_Y)

        def lines_of(text: str, col: int, bold: bool = False) -> list[str]:
            out: list[str] = []
            for part in str(text).split("\n"):
                out += fit.wrap([(part, bold)], inner[col], TABLE_SIZE)
            return out

        header = [lines_of(h, c, True) for c, h in enumerate(table.headers)]
        header_h = max(len(x) for x in header) * line + pad
        rows = [[lines_of(v or self.tr("report.empty_cell"), c) for c, v in enumerate(values)]
                for values in cells]
        top0 = BODY_TOP + (Inches(0.55) if intro else 0)
        room = _emu_pt(FOOTER_TOP - top0) - 4
        pages: list[list[list[list[str]]]] = [[]]
        used = header_h
        queue = list(rows)
        while queue:
            row = queue.pop(0)
            need = max(len(x) for x in row) * line + pad
            if used + need <= room:
                pages[-1].append(row)
                used += need
                continue
            fits = int((room - used - pad) // line)
            if fits >= 2 or (not pages[-1] and fits >= 1):  # split the row: the rest follows
                pages[-1].append([x[:fits] for x in row])
                queue.insert(0, [x[fits:] or [""] for x in row])
            else:  # the whole row starts the next slide
                queue.insert(0, row)
            pages.append([])
            used = header_h
        made = 0
        for index, page in enumerate(pages):
            if not page:
                continue
            slide = self.slide()
            made += 1
            self.title(slide, title if index == 0 else self.tr("report.continued", title=title))
            top = top0
            if intro:
                self.box(slide, MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, Inches(0.5),
                         [[(intro, False)]], BODY_SIZE, gap=0)
            heights = [header_h] + [max(len(x) for x in row) * line + pad for row in page]
            shape = slide.shapes.add_table(len(page) + 1, columns, MARGIN, Emu(int(top)),
                                           Emu(int(total_w)),
                                           Emu(int(sum(heights) * fit.EMU_PER_PT)))
            grid = shape.table
            grid.first_row = True
            for c, w in enumerate(col_w):
                grid.columns[c].width = Emu(w)
            for r, h in enumerate(heights):
                grid.rows[r].height = Emu(int(h * fit.EMU_PER_PT))
            for r, row in enumerate([header, *page]):
                for c, lines in enumerate(row):
                    cell = grid.cell(r, c)
                    cell.margin_left = cell.margin_right = CELL_X
                    cell.margin_top = cell.margin_bottom = CELL_Y
                    frame = cell.text_frame
                    frame.word_wrap = True
                    paragraph = frame.paragraphs[0]
                    paragraph.space_after = Pt(0)
                    paragraph.line_spacing = 1.0
                    # the lines as laid out, with line breaks: the renderer breaks where we did
                    for number, text in enumerate(lines):
                        if number:
                            paragraph.add_line_break()
                        self.run(paragraph, text, TABLE_SIZE, bold=r == 0)
                    if r == 0:
                        cell.fill.solid()
                        cell.fill.fore_color.rgb = HEADER_FILL
                        _black(paragraph)
            self.footer(slide, footer)
            notes = [("", intro)] if intro else []
            notes += [(table.caption, "")]
            notes += [("", " | ".join(f"{h}: {one_line(c)}" for h, c in zip(
                table.headers, values, strict=True) if c)) for values in cells]
            self.notes(slide, notes)
        return made

    def chart_slide(self, title: str, chart: Chart, footer: str) -> None:
        slide = self.slide()
        self.title(slide, title)
        self.picture(slide, chart, MARGIN, BODY_TOP, WIDTH - 2 * MARGIN, BODY_HEIGHT)
        self.footer(slide, footer)
        self.notes(slide, [("", self.tr("report.slide_alt", alt=chart.alt))])
