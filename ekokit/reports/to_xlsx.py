"""A report as an Excel workbook (openpyxl): a summary sheet, a harvest sheet and one sheet per
answered exercise, list fields as table rows under headers in the report's language.

Formula-safe: a text that Excel would read as a formula or a command (it begins with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is written as a string cell with the quote
prefix, so a teammate's answer never becomes a formula in someone's Excel."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, ProgrammeReport, Table, TeamReport
from ekokit.reports.tables import harvest_tables, phase_line, programme_tables, story_pairs
from ekokit.reports.text import shorten, state, xml_safe

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_CHARS = 31
NOT_IN_SHEET_NAME = str.maketrans({c: " " for c in "[]:*?/\\"})
RESERVED_SHEET_NAMES = {"history"}  # Excel keeps it for itself
BOLD, TITLE, GREY = Font(bold=True), Font(bold=True, size=14), Font(color="4A4A4A")
HEADER_FILL = PatternFill("solid", fgColor="E8EEF2")
WRAP = Alignment(wrap_text=True, vertical="top")
MEAN_FORMAT, CHANGE_FORMAT = "0.0", "+0.0;-0.0;0.0"


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def put(ws: Worksheet, row: int, col: int, value: object, *, font: Font | None = None,
        number_format: str | None = None) -> None:
    """Write one cell. Text is written as text, whatever it begins with."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        text = xml_safe(value)
        cell.value = text
        if is_formula_like(text):
            cell.data_type = "s"  # openpyxl took "=…" for a formula: it is the user's text
            cell.quotePrefix = True
        cell.alignment = WRAP
    elif value is not None:
        cell.value = value  # numbers (counts, means)
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


def _table(ws: Worksheet, row: int, table: Table, *, caption: bool = True) -> int:
    """The table's caption, its header row and its rows from ``row``; returns the next free
    row (after a blank one)."""
    if caption:
        put(ws, row, 1, table.caption, font=BOLD)
        row += 1
    for col, header in enumerate(table.headers, start=1):
        put(ws, row, col, header, font=BOLD)
        ws.cell(row=row, column=col).fill = HEADER_FILL
    row += 1
    for values in table.rows:
        for col, value in enumerate(values, start=1):
            number_format = None
            if isinstance(value, float):
                number_format = CHANGE_FORMAT if col - 1 in table.changes else MEAN_FORMAT
            put(ws, row, col, value, number_format=number_format)
        row += 1
    return row + 1


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
                                    exercise.answers), caption=False)
    for table in exercise.tables:
        row = _table(ws, row, table)
    if exercise.chart is not None:
        _pairs(ws, row, [(tr("report.chart_alt"), exercise.chart.alt)])
    widest = max([2, *(len(t.headers) for t in exercise.tables)])
    _widths(ws, [32] + [40 if widest == 2 else 28] * (widest - 1))


def harvest_sheet(ws: Worksheet, report: TeamReport, tr: Translator) -> None:
    h = report.harvest
    put(ws, 1, 1, tr("report.harvest"), font=TITLE)
    row = 3
    if h.empty:
        put(ws, row, 1, tr("report.no_harvest"))
    if phase := phase_line(h, tr):
        put(ws, row, 1, phase)
        row += 2
    for table in harvest_tables(h, tr).values():
        row = _table(ws, row, table)
    if story := story_pairs(h, tr):
        put(ws, row, 1, tr("report.story"), font=BOLD)
        _pairs(ws, row + 1, story)
    _widths(ws, [34, 40, 40, 28, 28])


def team_xlsx(report: TeamReport) -> bytes:
    tr = Translator(report.lang)
    book = Workbook()
    book.properties.title = xml_safe(tr("report.team_title", team=report.team.name))
    book.properties.language = tr.lang
    taken: set[str] = set()
    summary = book.active
    assert summary is not None
    summary.title = sheet_name(tr("report.summary"), taken)
    harvest = book.create_sheet(sheet_name(tr("report.harvest_short"), taken))

    put(summary, 1, 1, tr("report.team_title", team=report.team.name), font=TITLE)
    row = _pairs(summary, 3, [
        (tr("report.team"), report.team.name), (tr("report.phenomenon"), report.team.phenomenon),
        (tr("report.members"), ", ".join(report.team.members)),
        ("", tr("report.generated", date=local_date(report.date))),
        ("", tr("report.answered", answered=len(report.exercises), total=report.total))])
    row += 1
    headers = (tr("report.session"), tr("report.exercise"), tr("report.state"),
               tr("report.sheet"))
    row = _table(summary, row, Table("", headers, ()), caption=False) - 1
    for session in report.sessions:
        for title, exercise in session.listing():
            put(summary, row, 1, session.title)
            put(summary, row, 2, title)
            if exercise is None:
                put(summary, row, 3, tr("report.not_answered"))
            else:
                put(summary, row, 3, state(exercise.state, tr))
                where = session.title + (f" · {tr('report.homework')}"
                                         if exercise.homework else "")
                name = sheet_name(exercise.title, taken)
                exercise_sheet(book.create_sheet(name), exercise, where, tr)
                put(summary, row, 4, name)
                _link(summary, row, 4, name)
            row += 1
    put(summary, row + 1, 1, tr("report.harvest"))
    _link(summary, row + 1, 1, harvest.title)
    _widths(summary, [34, 44, 16, 34])
    harvest_sheet(harvest, report, tr)
    return _save(book)


def programme_xlsx(report: ProgrammeReport) -> bytes:
    tr = Translator(report.lang)
    book = Workbook()
    book.properties.title = tr("report.programme_title")
    book.properties.language = tr.lang
    tables = programme_tables(report)
    taken: set[str] = set()
    parts = [("progress", tr("report.progress")), ("harvest", tr("report.harvest_side")),
             ("maturity", tr("report.maturity_by_team")), ("shared", tr("report.shared_actors"))]
    first = book.active
    assert first is not None
    for index, (key, heading) in enumerate(parts):
        ws = first if index == 0 else book.create_sheet()
        ws.title = sheet_name(heading, taken)
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
                put(ws, row + 1, 1, tr("report.no_shared"))
                _widths(ws, [40, 10, 60, 60])
                continue
        _table(ws, row + 1, tables[key])
        count = len(tables[key].headers)
        _widths(ws, [34] + ([10, 60, 60] if key == "shared" else [20] * (count - 1)))
    return _save(book)
