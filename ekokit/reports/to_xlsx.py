"""A report as an Excel workbook (openpyxl): a summary sheet, a harvest sheet and one sheet per
answered exercise, list fields as table rows under headers in the report's language.

Formula-safe: a text that Excel would read as a formula or a command (it begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written as a string cell with the quote
prefix, so a teammate's answer never becomes a formula in someone's Excel."""

from __future__ import annotations

import io
import math
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.drawing.image import Image as XlImage
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ekokit.charts.png import chart_png
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, ProgrammeReport, Table, TeamReport
from ekokit.reports.tables import harvest_tables, phase_line, programme_tables, story_pairs
from ekokit.reports.text import counted, shorten, state, xml_safe

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Unsigned, no leading zero (an id like "007" stays text), at most 15 digits (Excel's precision)
PLAIN_NUMBER = re.compile(r"^(0|[1-9]\d{0,14})([.,]\d{1,6})?$")
SHEET_CHARS = 31
NOT_IN_SHEET_NAME = str.maketrans({c: " " for c in "[]:*?/\\"})
RESERVED_SHEET_NAMES = {"history"}  # Excel keeps it for itself
BOLD, TITLE, GREY = Font(bold=True), Font(bold=True, size=14), Font(color="4A4A4A")
HEADER_FILL = PatternFill("solid", fgColor="E8EEF2")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP, ONE_LINE = Alignment(vertical="top"), Alignment(wrap_text=False, vertical="top")
RIGHT = Alignment(wrap_text=True, vertical="top", horizontal="right")
MEAN_FORMAT, CHANGE_FORMAT = "0.0", "+0.0;-0.0;0.0"


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def put(ws: Worksheet, row: int, col: int, value: object, *, font: Font | None = None,
        number_format: str | None = None) -> None:
    """Write one cell. A number is a number (also when typed as text: "17"); other text is
    written as text, whatever it begins with."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str) and (plain := PLAIN_NUMBER.match(value.strip())):
        # a number typed into a text field ("0", "17", "2,5") is written as the number
        value = float(value.strip().replace(",", ".")) if plain.group(2) else int(value)
    if isinstance(value, str):
        text = xml_safe(value)
        cell.value = text
        if is_formula_like(text):
            cell.data_type = "s"  # openpyxl took "=…" for a formula: it is the user's text
            cell.quotePrefix = True
        cell.alignment = WRAP
    elif value is not None:
        cell.value = value  # numbers (counts, means)
        cell.alignment = TOP
        if number_format:
            cell.number_format = number_format
    if font is not None:
        cell.font = font


def sheet_name(title: str, taken: set[str]) -> str:
    """A valid, unique sheet name from ``title``: none of ``[]:*?/\\``, at most 31 characters
    (cut at a whole word, "…"), not starting or ending with an apostrophe, not "History", and
    unlike every name in ``taken`` (compared without case, as Excel does). Adds it to
    ``taken``."""
    base = " ".join(xml_safe(title).translate(NOT_IN_SHEET_NAME).split()).strip("'").strip()
    base = base or "-"
    name, number = shorten(base, SHEET_CHARS).strip("'"), 1
    while name.casefold() in taken or name.casefold() in RESERVED_SHEET_NAMES:
        number += 1
        suffix = f" ({number})"
        name = shorten(base, SHEET_CHARS - len(suffix)).strip("'") + suffix
    taken.add(name.casefold())
    return name


def _link(ws: Worksheet, row: int, col: int, sheet: str) -> None:
    cell = ws.cell(row=row, column=col)
    quoted = sheet.replace("'", "''")
    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{quoted}'!A1")
    cell.font = Font(color="00507A", underline="single")


def _widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _pairs(ws: Worksheet, row: int, pairs: Iterable[tuple[str, str]]) -> int:
    for label, text in pairs:
        put(ws, row, 1, label, font=BOLD)
        put(ws, row, 2, text)
        row += 1
    return row


def _table(ws: Worksheet, row: int, table: Table, *, caption: bool = True,
           frozen: bool = False) -> int:
    """The table's caption, its header row and its rows from ``row``; returns the next free
    row (after a blank one). With ``frozen`` the header row stays in view and filters (the
    sheet's main table)."""
    if caption and table.caption:
        put(ws, row, 1, table.caption, font=BOLD)
        ws.cell(row=row, column=1).alignment = ONE_LINE  # runs across the empty cells
        row += 1
    header = row
    for col, text in enumerate(table.headers, start=1):
        put(ws, row, col, text, font=BOLD)
        ws.cell(row=row, column=col).fill = HEADER_FILL
        if col - 1 in table.numeric:
            ws.cell(row=row, column=col).alignment = RIGHT  # over its right-aligned numbers
    row += 1
    for values in table.rows:
        for col, value in enumerate(values, start=1):
            number_format = None
            if isinstance(value, float):
                number_format = CHANGE_FORMAT if col - 1 in table.changes else MEAN_FORMAT
            put(ws, row, col, value, number_format=number_format)
        row += 1
    if frozen and table.rows:
        ws.freeze_panes = ws.cell(row=header + 1, column=1).coordinate
        ws.auto_filter.ref = (f"A{header}:{get_column_letter(len(table.headers))}{row - 1}")
    return row + 1


def _titles(ws: Worksheet) -> None:
    """The sheet's title lines (column A of the first rows, above every table) run across the
    empty cells beside them instead of wrapping in column A."""
    for row in range(1, 4):
        cell = ws.cell(row=row, column=1)
        if isinstance(cell.value, str) and ws.cell(row=row, column=2).value is None:
            cell.alignment = Alignment(wrap_text=False, vertical="top")


def _print_setup(ws: Worksheet) -> None:
    """Landscape A4, every column on the page (as many pages down as it takes), the header
    rows repeated, and each row as tall as its wrapped text."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    _titles(ws)
    if ws.freeze_panes:
        first = ws[ws.freeze_panes].row - 1
        ws.print_title_rows = f"{first}:{first}"
    widths = {col: (ws.column_dimensions[get_column_letter(col)].width or 10)
              for col in range(1, ws.max_column + 1)}
    for cells in ws.iter_rows():
        lines = 1
        for cell in cells:
            if isinstance(cell.value, str) and cell.value:
                span = widths.get(cell.column, 10)
                if not cell.alignment.wrap_text or cell.coordinate in ws.merged_cells:
                    continue  # a title runs across the empty cells; merged text is set
                lines = max(lines, sum(max(1, math.ceil(len(part) * 1.05 / max(span, 1)))
                                       for part in cell.value.split("\n")))
        if lines > 1:
            ws.row_dimensions[cells[0].row].height = 15 * lines


def _save(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def exercise_sheet(ws: Worksheet, exercise: ExerciseReport, where: str, tr: Translator) -> None:
    put(ws, 1, 1, exercise.title, font=TITLE)
    put(ws, 2, 1, where, font=GREY)
    put(ws, 3, 1, f"{tr('report.state')}: {state(exercise.state, tr)}", font=GREY)
    row = 5
    if exercise.answers:
        row = _table(ws, row, Table("", (tr("report.field"), tr("report.answer")),
                                    exercise.answers), caption=False,
                     frozen=not exercise.tables)
    for index, table in enumerate(exercise.tables):
        row = _table(ws, row, table, frozen=index == 0)
    if exercise.chart is not None:
        _pairs(ws, row, [(tr("report.chart_alt"), exercise.chart.alt)])
    widest = max([2, *(len(t.headers) for t in exercise.tables)])
    numeric = set().union(*(t.numeric for t in exercise.tables)) if exercise.tables else set()
    _widths(ws, [32] + [(12 if i in numeric else 40 if widest == 2 else 28)
                        for i in range(1, widest)])
    _print_setup(ws)


def harvest_sheet(ws: Worksheet, report: TeamReport, tr: Translator) -> None:
    h = report.harvest
    put(ws, 1, 1, tr("report.team_title", team=report.team.name), font=TITLE)
    row = _pairs(ws, 2, [(tr("report.phenomenon"), report.team.phenomenon)]
                 if report.team.phenomenon else [])
    put(ws, row, 1, tr("report.harvest"), font=BOLD)
    row += 1
    chart = report.summary_chart
    if chart is not None and chart.figure is not None:
        png, (width, height), _ = chart_png(chart)
        picture = XlImage(io.BytesIO(png))
        scale = 900 / width  # pixels on the sheet
        picture.width, picture.height = int(width * scale), int(height * scale)
        ws.add_image(picture, f"A{row}")
        row += math.ceil(picture.height / 20) + 1  # rows of the default 20 px
        put(ws, row, 1, chart.alt, font=GREY)  # under the picture: its text alternative
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.row_dimensions[row].height = 15 * math.ceil(len(chart.alt) / 130)
        row += 2
    if h.empty:
        put(ws, row, 1, tr("report.no_harvest"))
    if phase := phase_line(h, tr):
        put(ws, row, 1, phase)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        row += 2
    first = True
    for table in harvest_tables(h, tr).values():
        row = _table(ws, row, table, frozen=first)
        first = False
    if story := story_pairs(h, tr):
        put(ws, row, 1, tr("report.story"), font=BOLD)
        row = _pairs(ws, row + 1, story) + 1
    _widths(ws, [30, 44, 44, 24, 24])
    _print_setup(ws)


def ratings_sheet(ws: Worksheet, report: TeamReport, tr: Translator) -> None:
    """Every member's maturity ratings in Session 1 and Session 4: a row per member and
    session, a column per dimension, the ratings as numbers."""
    h = report.harvest
    put(ws, 1, 1, tr("report.member_ratings"), font=TITLE)
    dims = list(dict.fromkeys(d for m in h.members for d, _ in m.scores))
    rows = tuple((tr("report.before") if m.session == "1" else tr("report.after"), m.member,
                  *(dict(m.scores).get(d) for d in dims)) for m in h.members)
    _table(ws, 3, Table("", (tr("report.session"), tr("report.member"), *dims), rows,
                        frozenset(range(2, 2 + len(dims)))), caption=False, frozen=True)
    _widths(ws, [16, 28, *([16] * len(dims))])
    _print_setup(ws)


def team_xlsx(report: TeamReport) -> bytes:
    tr = Translator(report.lang)
    book = Workbook()
    book.properties.title = xml_safe(tr("report.team_title", team=report.team.name))
    book.properties.language = tr.lang
    taken: set[str] = set()
    harvest = book.active  # the harvest first: what a manager opens the file for
    assert harvest is not None
    harvest.title = sheet_name(tr("report.harvest_short"), taken)
    ratings = (book.create_sheet(sheet_name(tr("report.ratings_sheet"), taken))
               if report.harvest.members else None)
    summary = book.create_sheet(sheet_name(tr("report.summary"), taken))

    put(summary, 1, 1, tr("report.team_title", team=report.team.name), font=TITLE)
    row = _pairs(summary, 3, [
        (tr("report.team"), report.team.name), (tr("report.phenomenon"), report.team.phenomenon),
        (tr("report.members"), ", ".join(report.team.members)),
        ("", tr("report.generated", date=local_date(report.date))),
        ("", counted(tr, "report.answered_count", len(report.exercises), total=report.total))])
    row += 1
    headers = (tr("report.session"), tr("report.exercise"), tr("report.state"),
               tr("report.sheet"))
    first = row
    row = _table(summary, row, Table("", headers, ()), caption=False) - 1
    for session in report.sessions:
        numbers: dict[bool, int] = {}
        for title, exercise in session.listing():
            put(summary, row, 1, session.title)
            put(summary, row, 2, title)
            if exercise is None:
                put(summary, row, 3, tr("report.not_answered"))
            else:
                put(summary, row, 3, state(exercise.state, tr))
                where = session.title + (f" · {tr('report.homework')}"
                                         if exercise.homework else "")
                numbers[exercise.homework] = numbers.get(exercise.homework, 0) + 1
                mark = tr("report.sheet_homework" if exercise.homework
                          else "report.sheet_session", session=session.id,
                          number=f"{numbers[exercise.homework]:02d}")
                title_room = SHEET_CHARS - len(mark) - 1
                name = sheet_name(f"{mark} {shorten(exercise.title, title_room)}", taken)
                exercise_sheet(book.create_sheet(name), exercise, where, tr)
                put(summary, row, 4, name)
                _link(summary, row, 4, name)
            row += 1
    summary.freeze_panes = f"A{first + 1}"
    summary.auto_filter.ref = f"A{first}:D{row - 1}"
    put(summary, row + 1, 1, tr("report.harvest"))
    _link(summary, row + 1, 1, harvest.title)
    _widths(summary, [34, 44, 16, 34])
    _print_setup(summary)
    harvest_sheet(harvest, report, tr)
    if ratings is not None:
        ratings_sheet(ratings, report, tr)
    return _save(book)


def programme_xlsx(report: ProgrammeReport) -> bytes:
    tr = Translator(report.lang)
    book = Workbook()
    book.properties.title = tr("report.programme_title")
    book.properties.language = tr.lang
    tables = programme_tables(report)
    taken: set[str] = set()
    parts = [("progress", tr("report.progress")), ("harvest", tr("report.harvest_side")),
             ("maturity", tr("report.maturity_by_team")),
             ("experiments", tr("report.experiments_by_team")),
             ("outcomes", tr("report.outcomes_by_team")), ("grid", tr("report.actor_grid")),
             ("shared", tr("report.shared_actors"))]
    first = book.active
    assert first is not None
    for index, (key, heading) in enumerate(parts):
        ws = first if index == 0 else book.create_sheet()
        ws.title = sheet_name(f"{index + 1}. {heading}", taken)
        put(ws, 1, 1, heading, font=TITLE)
        row = 2
        if index == 0:
            put(ws, row, 1, tr("report.generated_programme", date=local_date(report.date)),
                font=GREY)
            row += 1
        if key == "shared":
            put(ws, row, 1, tr("report.shared_intro"), font=GREY)
            row += 1
        if not tables[key].rows:
            put(ws, row + 1, 1, tr("report.no_shared") if key in ("shared", "grid")
                else tr("report.empty_cell"))
            _widths(ws, [40, 10, 60, 60])
            _print_setup(ws)
            continue
        _table(ws, row + 1, tables[key], frozen=True)
        count = len(tables[key].headers)
        numeric = tables[key].numeric
        _widths(ws, [34] + ([10, 60, 60] if key == "shared" else
                            [14 if i in numeric else 30 for i in range(1, count)]))
        _print_setup(ws)
    return _save(book)
