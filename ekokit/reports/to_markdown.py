"""A team report as Markdown for an intranet or a wiki: the same content as the HTML report,
without pictures (each chart is its text alternative and its table).

Everything the user typed is escaped (:func:`escape`), so it renders literally: ``*``, ``_``,
``[…](…)``, ``<script>`` and ``#`` at the start of a line are shown, not interpreted."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from numbers import Number

import pandas as pd

from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, ProgrammeReport, Table, TeamReport
from ekokit.reports.tables import (
    formatted,
    harvest_tables,
    phase_line,
    programme_tables,
    story_pairs,
)
from ekokit.reports.text import counted, label_colon, number, state

# Punctuation that starts inline markup or raw HTML anywhere in a line (CommonMark/GFM):
# emphasis, code, links and images, autolinks and HTML, table pipes, strikethrough, entities.
_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
# What makes a line a block when it starts it: heading, list item, setext underline, quote
# (">" is escaped above), ordered item "1." or "1)".
_BLOCK = re.compile(r"^([#+=-])")
_ORDERED = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """User text that renders literally in Markdown: the punctuation that would start markup or
    HTML is backslash-escaped; each line stays a line (a backslash at a line's end is a hard
    break); blank lines and leading spaces (which would start a code block) are dropped."""
    lines = []
    for raw in str(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _INLINE.sub(r"\\\1", raw.strip())
        line = _ORDERED.sub(r"\1\\\2", _BLOCK.sub(r"\\\1", line))
        if line:
            lines.append(line)
    return "\\\n".join(lines)


def escape_cell(text: str) -> str:
    """User text in a table cell: escaped, on one line (a table cell has no line breaks; a
    table whose cells have several lines is written as a list instead, see :func:`_grid`)."""
    return " ".join(escape(line) for line in str(text).splitlines() if line.strip())


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], dash: str) -> list[str]:
    out = ["| " + " | ".join(escape_cell(h) for h in headers) + " |",
           "|" + "|".join("---" for _ in headers) + "|"]
    out += ["| " + " | ".join(escape_cell(c) or dash for c in row) + " |" for row in rows]
    return [*out, ""]


def _listed(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A table as a list: an item per row (its first cell), under it a line per value, and a
    line per item of a value that has several."""
    out = []
    for row in rows:
        out.append(f"- **{escape(row[0]).replace(chr(92) + chr(10), ' ')}**"
                   if row and row[0] else "-")
        for header, value in zip(headers[1:], row[1:], strict=False):
            lines = [line for line in str(value).splitlines() if line.strip()]
            if len(lines) == 1:
                out.append(f"  - {escape(label_colon(header))} {escape(lines[0])}")
            elif lines:
                out.append(f"  - {escape(label_colon(header))}")
                out += [f"    - {escape(line)}" for line in lines]
    return [*out, ""]


def _grid(table: Table, tr: Translator, *, caption: bool = True) -> list[str]:
    head = [f"*{escape(table.caption)}*", ""] if caption and table.caption else []
    cells = formatted(table, tr)
    if len(table.headers) > 5 or any("\n" in c for row in cells for c in row):
        return head + _listed(table.headers, cells)
    return head + _table(table.headers, cells, tr("report.empty_cell"))


def _cell(value: object, tr: Translator) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return tr("form.yes") if value else tr("form.no")
    if isinstance(value, float):
        return number(value, tr)
    if isinstance(value, Number):
        return str(value)
    return str(value)


def _chart(exercise: ExerciseReport, tr: Translator) -> list[str]:
    chart = exercise.chart
    if chart is None:
        return []
    out = [f"*{escape(label_colon(tr('report.chart_alt')))}* {escape(chart.alt)}", ""]
    table = chart.table
    if not exercise.tables and isinstance(table, pd.DataFrame) and len(table.columns):
        # the chart's data only where the answers are not already a table above
        rows = [[_cell(v, tr) for v in values]
                for values in table.itertuples(index=False, name=None)]
        grid = Table(tr("report.chart_table", title=exercise.title),
                     tuple(str(c) for c in table.columns), tuple(tuple(r) for r in rows))
        out += _grid(grid, tr)
    return out


def _pairs(pairs: Iterable[tuple[str, object]]) -> list[str]:
    out = []
    for label, text in pairs:
        out += [f"**{escape(label_colon(label))}**\\", escape(str(text)), ""]
    return out


def team_markdown(report: TeamReport) -> str:
    tr = Translator(report.lang)
    team = report.team
    out = [f"# {escape(tr('report.team_title', team=team.name))}", "",
           escape(tr("report.programme")), ""]
    meta = [(tr("report.team"), team.name), (tr("report.phenomenon"), team.phenomenon),
            (tr("report.members"), ", ".join(team.members))]
    out += [f"- **{escape(label_colon(label))}** {escape(text)}" for label, text in meta if text]
    out += ["", escape(tr("report.generated", date=local_date(report.date))) + " "
            + escape(counted(tr, "report.answered_count", len(report.exercises),
                             total=report.total)) + ".", ""]
    out += harvest_markdown(report, tr)
    for session in report.sessions:
        out += [f"## {escape(session.title)}", ""]
        if not session.exercises:
            out += [f"*{escape(tr('report.none_answered'))}*", ""]
        for exercise in session.exercises:
            out += [f"### {escape(exercise.title)}", ""]
            tag = f"{tr('report.homework')} · " if exercise.homework else ""
            out += [(f"*{escape(label_colon(tag + tr('report.state')))} "
                    f"{escape(state(exercise.state, tr))}*"), ""]
            out += _pairs(exercise.answers)
            for table in exercise.tables:
                out += _grid(table, tr)
            out += _chart(exercise, tr)
        if session.unanswered:
            out += [f"*{escape(label_colon(tr('report.not_answered').capitalize()))}*", ""]
            out += [f"- {escape(title)}" for title in session.unanswered] + [""]
    return "\n".join(out).rstrip() + "\n"


def harvest_markdown(report: TeamReport, tr: Translator) -> list[str]:
    h = report.harvest
    out = [f"## {escape(tr('report.harvest'))}", ""]
    if h.empty:
        return [*out, f"*{escape(tr('report.no_harvest'))}*", ""]
    summary = report.summary_chart
    if summary is not None:
        out += [f"*{escape(label_colon(tr('report.glance')))}* {escape(summary.alt)}", ""]
    if phase := phase_line(h, tr):
        out += [f"### {escape(tr('report.phase'))}", "", escape(phase), ""]
    headings = {"maturity": tr("report.maturity"), "chain": tr("report.impact_chain"),
                "experiments": tr("report.experiments"), "outcomes": tr("report.outcomes")}
    for key, table in harvest_tables(h, tr).items():
        out += [f"### {escape(headings[key])}", "", *_grid(table, tr)]
    if story := story_pairs(h, tr):
        out += [f"### {escape(tr('report.story'))}", "", *_pairs(story)]
    return out


def programme_markdown(report: ProgrammeReport) -> str:
    """The programme report in Markdown (the CLI offers HTML and XLSX; kept for the wiki)."""
    tr = Translator(report.lang)
    tables = programme_tables(report)
    out = [f"# {escape(tr('report.programme_title'))}", "",
           escape(tr("report.generated_programme", date=local_date(report.date))), ""]
    for key, heading in (("progress", tr("report.progress")),
                         ("harvest", tr("report.harvest_side")),
                         ("maturity", tr("report.maturity_by_team")),
                         ("shared", tr("report.shared_actors"))):
        out += [f"## {escape(heading)}", ""]
        if key == "shared":
            out += [escape(tr("report.shared_intro")), ""]
            if not tables[key].rows:
                out += [f"*{escape(tr('report.no_shared'))}*", ""]
                continue
        out += _grid(tables[key], tr)
    return "\n".join(out).rstrip() + "\n"
