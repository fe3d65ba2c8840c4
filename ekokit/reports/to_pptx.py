"""A team report as a PowerPoint deck (python-pptx), the harvest first.

The short deck (the default, 8–12 slides, for presenting to managers): the title, the harvest at
a glance (Session 1 against Session 4 in one figure), maturity before and after, the impact
chain side by side, the experiments with their decisions, the outcomes, the chosen change story
whole, the journey (what was answered, and what was not, listed once) and a few key charts. The
full deck (``full=True``) adds the appendix: a divider per session, then each answered
exercise's chart on a slide of its own and its answers.

Nothing is cut and nothing leaves its box: every text is laid out with the metrics of the font
the deck names (:mod:`ekokit.reports.fit`, DejaVu Sans) and what does not fit continues on the
next slide ("jatkuu"). Every value carries its label ("Valta nyt 5 · Kiinnostus nyt 4"). The
speaker notes keep every answer whole; a chart's text alternative is its picture's alt text
(``descr``) and the first line of the notes. Every text is a plain run: nothing the user typed
is read as markup or a field."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Pt

from ekokit.charts import Chart
from ekokit.charts.png import chart_png, smallest_text
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports import fit
from ekokit.reports.model import ExerciseReport, SessionReport, Table, TeamReport
from ekokit.reports.tables import formatted, harvest_tables, phase_line, story_pairs
from ekokit.reports.text import counted, label_colon, one_line, xml_safe

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
TITLE_TOP, TITLE_HEIGHT = Inches(0.3), Inches(0.95)
BODY_TOP = Inches(1.35)
FOOTER_TOP, FOOTER_HEIGHT = Inches(6.95), Inches(0.4)
BODY_HEIGHT = FOOTER_TOP - BODY_TOP - Inches(0.1)
INSET = Inches(0.1)  # a text box's inner margin, each side
CELL_X, CELL_Y = Inches(0.08), Inches(0.05)  # a table cell's inner margins
TITLE_SIZES = (28, 24, 20)
BODY_SIZE, TABLE_SIZE, FOOTER_SIZE, NOTE_SIZE = 18, 14, 12, 12
PARAGRAPH_GAP = 6  # points after each paragraph
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

Runs = list[tuple[str, bool]]  # a paragraph: (text, bold) runs


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


def _title_slide(d: _Deck, report: TeamReport) -> None:
    tr = d.tr
    slide = d.slide()
    inner = _emu_pt(WIDTH - 2 * MARGIN - 2 * INSET)
    name = one_line(report.team.name)
    size = next((s for s in (40, 32, 28) if fit.line_count([(name, True)], inner, s) <= 2), 28)
    d.box(slide, MARGIN, Inches(1.4), WIDTH - 2 * MARGIN, Inches(1.9),
          [[(_cut_to(name, inner, size, 2), True)]], size, gap=0, anchor=MSO_ANCHOR.BOTTOM)
    lines: list[Runs] = [[(tr("report.team_title_sub"), False)]]
    if report.team.phenomenon:
        lines.append(_labelled(tr("report.phenomenon"), report.team.phenomenon))
    lines += [[(tr("report.programme"), False)],
              [(tr("report.generated", date=local_date(report.date)), False)],
              [(counted(tr, "report.answered_count", len(report.exercises),
                        total=report.total), False)]]
    page = _paginate(lines, inner, _emu_pt(Inches(3.3) - 2 * INSET), 20)[0]
    d.box(slide, MARGIN, Inches(3.5), WIDTH - 2 * MARGIN, Inches(3.3), page, 20)
    d.notes(slide, [(tr("report.team"), report.team.name),
                    (tr("report.phenomenon"), report.team.phenomenon),
                    (tr("report.members"), ", ".join(report.team.members))])


def _harvest_slides(d: _Deck, report: TeamReport, footer: str) -> None:
    tr = d.tr
    h = report.harvest
    if h.empty:
        d.prose(tr("report.harvest"), [[(tr("report.no_harvest"), False)]], footer, [])
        return
    summary = report.summary_chart
    if summary is not None and summary.figure is not None:
        d.chart_slide(tr("report.glance"), summary, footer)
    tables = harvest_tables(h, tr)
    phase = phase_line(h, tr)
    if "maturity" in tables:
        d.table(tr("report.maturity"), tables["maturity"], footer, intro=phase,
                widths=(3, 1, 1, 1))
    elif phase:
        d.prose(tr("report.phase"), [[(phase, False)]], footer, [])
    if "chain" in tables:
        d.table(tr("report.impact_chain"), tables["chain"], footer, widths=(1, 2.2, 2.2))
    if "experiments" in tables:
        d.table(tr("report.experiments"), tables["experiments"], footer)
    if "outcomes" in tables:
        d.table(tr("report.outcomes"), tables["outcomes"], footer)
    if story := story_pairs(h, tr):
        d.prose(tr("report.story"), [_labelled(label, text) for label, text in story], footer,
                story)


def _journey_slide(d: _Deck, report: TeamReport, footer: str) -> None:
    """Each session: how many exercises were answered, and the unanswered ones, once."""
    tr = d.tr
    paragraphs: list[Runs] = []
    for session in report.sessions:
        answered = len(session.exercises)
        total = answered + len(session.unanswered)
        paragraphs.append([(label_colon(session.title) + " ", True), (
            counted(tr, "report.answered_of", answered, total=total), False)])
        if session.unanswered:
            paragraphs.append([(f"{tr('report.not_answered')}: ", True),
                               (", ".join(session.unanswered), False)])
    d.prose(tr("report.journey"), paragraphs, footer, [], size=16)


def _exercise_slides(d: _Deck, exercise: ExerciseReport, where: str) -> None:
    tr = d.tr
    chart = exercise.chart
    points = exercise.key_points()
    notes = [(tr("report.slide_notes"), ""), *[(label, one_line(text))
                                                for label, text in points]]
    if chart is not None and chart.figure is not None:
        d.chart_slide(exercise.title, chart, where)
    d.prose(exercise.title, [_labelled(label, text) for label, text in points], where,
            ([("", tr("report.slide_alt", alt=chart.alt))] if chart is not None else [])
            + notes)


def _divider(d: _Deck, session: SessionReport) -> None:
    tr = d.tr
    slide = d.slide()
    inner = _emu_pt(WIDTH - 2 * MARGIN - 2 * INSET)
    size = next((s for s in (36, 30, 26) if fit.line_count([(session.title, True)], inner, s)
                 <= 2), 26)
    d.box(slide, MARGIN, Inches(1.7), WIDTH - 2 * MARGIN, Inches(1.7),
          [[(_cut_to(session.title, inner, size, 2), True)]], size, gap=0,
          anchor=MSO_ANCHOR.BOTTOM)
    answered = len(session.exercises)
    # the count only: the unanswered exercises are listed once, on the journey slide
    lines: list[Runs] = [[(counted(tr, "report.answered_of", answered,
                                   total=answered + len(session.unanswered)), False)]]
    d.box(slide, MARGIN, Inches(3.5), WIDTH - 2 * MARGIN, Inches(1.0), lines, 18)
    d.notes(slide, [(tr("report.not_answered"), ", ".join(session.unanswered))]
            if session.unanswered else [])


def _fast_partnames(deck: Deck) -> None:
    """python-pptx names each new part (a slide, its notes) by walking every part of the
    package: a deck of hundreds of slides takes minutes. This deck only adds parts, so the
    names taken are kept in a set and the next free number is found from there."""
    package: Any = deck.part.package
    taken = {str(part.partname) for part in package.iter_parts()}

    def next_partname(tmpl: str) -> PackURI:
        number = 1
        while tmpl % number in taken:
            number += 1
        taken.add(tmpl % number)
        return PackURI(tmpl % number)

    package.next_partname = next_partname


def team_pptx(report: TeamReport, *, full: bool = False) -> bytes:
    """The short deck (8–12 slides), or with ``full`` the short deck and the appendix: a
    divider per session and every answered exercise."""
    tr = Translator(report.lang)
    deck = Presentation()
    _fast_partnames(deck)
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    d = _Deck(deck, tr, LANGUAGE.get(tr.lang, MSO_LANGUAGE_ID.NONE))
    title = tr("report.team_title", team=report.team.name)
    deck.core_properties.title = xml_safe(title)
    deck.core_properties.language = LOCALE.get(tr.lang, tr.lang)
    footer = one_line(report.team.name)

    _title_slide(d, report)
    _harvest_slides(d, report, tr("report.harvest_short"))
    _journey_slide(d, report, footer)
    answered = {e.id: e for e in report.exercises}
    for key in KEY_CHARTS:
        exercise = answered.get(key)
        if exercise is None or d.count >= SHORT_MAX - 1:
            continue
        chart = exercise.chart
        if chart is not None and chart.figure is not None:
            d.chart_slide(exercise.title, chart, footer)
    if full:
        for session in report.sessions:
            _divider(d, session)
            for exercise in session.exercises:
                where = session.title + (f" · {tr('report.homework')}"
                                         if exercise.homework else "")
                _exercise_slides(d, exercise, where)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()
