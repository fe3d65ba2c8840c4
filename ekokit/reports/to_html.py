"""A report as one self-contained HTML file: a Jinja template with autoescape (every text the
user typed is escaped), the CSS inline, each chart inline as a PNG data URI with its text
alternative and its table, and a print stylesheet (A4, each session on a new page). The file
requests nothing from any host."""

from __future__ import annotations

import base64
import functools
import math
from typing import Any

import jinja2
import pandas as pd
from markupsafe import Markup

from ekokit.charts import Chart
from ekokit.charts.png import chart_png
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, Harvest, ProgrammeReport, Table, TeamReport
from ekokit.reports.tables import (
    formatted,
    harvest_tables,
    phase_line,
    programme_tables,
    story_pairs,
)
from ekokit.reports.text import counted, number, state

TEMPLATES = jinja2.PackageLoader("ekokit.reports", "templates")
HARVEST_PARTS = ("maturity", "chain", "experiments", "outcomes")


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=TEMPLATES, autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _css() -> Markup:
    return Markup(TEMPLATES.get_source(_environment(), "report.css")[0])  # the kit's own file


def _frame_table(frame: pd.DataFrame, caption: str, tr: Translator) -> tuple[Table, list]:
    """A chart's table as a report table, its cells as text in the report's language."""
    rows = tuple(tuple(_cell(v, tr) for v in values)
                 for values in frame.itertuples(index=False, name=None))
    return Table(caption, tuple(str(c) for c in frame.columns), rows), [list(r) for r in rows]


def _cell(value: object, tr: Translator) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, bool):
        return tr("form.yes") if value else tr("form.no")
    if isinstance(value, float):
        return number(value, tr)
    return str(value)


def figure_html(chart: Chart, caption: str, tr: Translator, *, table: bool) -> Markup:
    """The chart as ``<figure>``: the PNG with its text alternative as alt, a short caption
    (not the alt text again), and the chart's table only when ``table`` (an exercise whose
    answers are already a table on the page does not repeat them)."""
    parts = [Markup('<figure class="ek-chart">')]
    if chart.figure is not None:
        png, (width, height), _ = chart_png(chart)
        parts.append(Markup('<img src="data:image/png;base64,{}" alt="{}" width="{}" '
                            'height="{}">').format(base64.b64encode(png).decode("ascii"),
                                                   chart.alt, width, height))
    parts.append(Markup("<figcaption>{}</figcaption>").format(caption))
    if table and chart.table is not None and len(chart.table.columns):
        grid, rows = _frame_table(chart.table, tr("report.chart_table", title=caption), tr)
        macros: Any = _environment().get_template("_macros.html.j2").module
        parts.append(Markup(macros.grid(grid, rows, tr("report.empty_cell"))))
    parts.append(Markup("</figure>"))
    return Markup("").join(parts)


def chart_html(exercise: ExerciseReport, tr: Translator) -> Markup:
    chart = exercise.chart
    if chart is None:
        return Markup("")
    return figure_html(chart, tr("report.figure_caption", title=exercise.title), tr,
                       table=not exercise.tables)


def team_html(report: TeamReport) -> str:
    tr = Translator(report.lang)
    harvest = harvest_tables(report.harvest, tr)
    summary = report.summary_chart
    return _environment().get_template("team.html.j2").render(
        lang=tr.lang, tr=tr, report=report, css=_css(), date=local_date(report.date),
        title=tr("report.team_title", team=report.team.name), dash=tr("report.empty_cell"),
        state=lambda s: state(s, tr), chart=lambda e: chart_html(e, tr),
        answered=counted(tr, "report.answered_count", len(report.exercises),
                         total=report.total),
        summary=figure_html(summary, tr("report.glance"), tr, table=False)
        if summary is not None and summary.figure is not None else "",
        phase=phase_line(report.harvest, tr), story=story_pairs(report.harvest, tr),
        grids=harvest, cells={key: formatted(t, tr) for key, t in harvest.items()},
        harvest_parts=[(key, _heading(key, tr)) for key in HARVEST_PARTS])


def harvest_html(h: Harvest, lang: str) -> str:
    """The harvest comparisons alone (the Session 4 page shows them as a section of its own)."""
    tr = Translator(lang)
    grids = harvest_tables(h, tr)
    return _environment().get_template("_harvest.html.j2").render(
        tr=tr, report={"harvest": h}, dash=tr("report.empty_cell"), summary="",
        phase=phase_line(h, tr), story=story_pairs(h, tr), grids=grids,
        cells={key: formatted(t, tr) for key, t in grids.items()},
        harvest_parts=[(key, _heading(key, tr)) for key in HARVEST_PARTS])


def _heading(key: str, tr: Translator) -> str:
    return {"maturity": tr("report.maturity"), "chain": tr("report.impact_chain"),
            "experiments": tr("report.experiments"), "outcomes": tr("report.outcomes")}[key]


def programme_html(report: ProgrammeReport) -> str:
    tr = Translator(report.lang)
    tables = programme_tables(report)
    network = report.network
    return _environment().get_template("programme.html.j2").render(
        lang=tr.lang, tr=tr, report=report, css=_css(), date=local_date(report.date),
        teams_count=counted(tr, "report.teams_counted", len(report.teams)),
        network=figure_html(network, tr("report.network"), tr, table=False)
        if network is not None and network.figure is not None else "",
        title=tr("report.programme_title"), dash=tr("report.empty_cell"), grids=tables,
        cells={key: formatted(t, tr) for key, t in tables.items()})
