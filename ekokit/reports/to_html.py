"""A report as one self-contained HTML file: a Jinja template with autoescape (every text the
user typed is escaped), the CSS inline, each chart inline as a PNG data URI with its text
alternative and its table, and a print stylesheet (A4, each session on a new page). The file
requests nothing from any host."""

from __future__ import annotations

import functools

import jinja2
from markupsafe import Markup

from ekokit.charts.html import png_base64, table_html
from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports.model import ExerciseReport, Harvest, ProgrammeReport, TeamReport
from ekokit.reports.tables import (
    formatted,
    harvest_tables,
    phase_line,
    programme_tables,
    story_pairs,
)
from ekokit.reports.text import state

TEMPLATES = jinja2.PackageLoader("ekokit.reports", "templates")
HARVEST_PARTS = ("maturity", "chain", "experiments", "outcomes")


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(loader=TEMPLATES, autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, undefined=jinja2.StrictUndefined)


def _css() -> Markup:
    return Markup(TEMPLATES.get_source(_environment(), "report.css")[0])  # the kit's own file


def chart_html(exercise: ExerciseReport, tr: Translator) -> Markup:
    """The chart as ``<figure>``: the PNG with its alt text, the alt text as the caption, then
    the chart's table (always shown: a report is read on paper too)."""
    chart = exercise.chart
    if chart is None:
        return Markup("")
    parts = [Markup('<figure class="ek-chart">')]
    if chart.figure is not None:
        parts.append(Markup('<img src="data:image/png;base64,{}" alt="{}">').format(
            png_base64(chart.figure), chart.alt))
    parts.append(Markup("<figcaption>{}</figcaption>").format(chart.alt))
    if chart.table is not None and len(chart.table.columns):
        caption = tr("report.chart_table", title=exercise.title)
        parts.append(Markup(table_html(chart.table, tr.lang, caption=caption)))  # escaped there
    parts.append(Markup("</figure>"))
    return Markup("").join(parts)


def team_html(report: TeamReport) -> str:
    tr = Translator(report.lang)
    harvest = harvest_tables(report.harvest, tr)
    return _environment().get_template("team.html.j2").render(
        lang=tr.lang, tr=tr, report=report, css=_css(), date=local_date(report.date),
        title=tr("report.team_title", team=report.team.name), dash=tr("report.empty_cell"),
        state=lambda s: state(s, tr), chart=lambda e: chart_html(e, tr),
        phase=phase_line(report.harvest, tr), story=story_pairs(report.harvest, tr),
        grids=harvest, cells={key: formatted(t, tr) for key, t in harvest.items()},
        harvest_parts=[(key, _heading(key, tr)) for key in HARVEST_PARTS])


def harvest_html(h: Harvest, lang: str) -> str:
    """The harvest comparisons alone (the Session 4 page shows them as a section of its own)."""
    tr = Translator(lang)
    grids = harvest_tables(h, tr)
    return _environment().get_template("_harvest.html.j2").render(
        tr=tr, report={"harvest": h}, dash=tr("report.empty_cell"),
        phase=phase_line(h, tr), story=story_pairs(h, tr), grids=grids,
        cells={key: formatted(t, tr) for key, t in grids.items()},
        harvest_parts=[(key, _heading(key, tr)) for key in HARVEST_PARTS])


def _heading(key: str, tr: Translator) -> str:
    return {"maturity": tr("report.maturity"), "chain": tr("report.impact_chain"),
            "experiments": tr("report.experiments"), "outcomes": tr("report.outcomes")}[key]


def programme_html(report: ProgrammeReport) -> str:
    tr = Translator(report.lang)
    tables = programme_tables(report)
    return _environment().get_template("programme.html.j2").render(
        lang=tr.lang, tr=tr, report=report, css=_css(), date=local_date(report.date),
        title=tr("report.programme_title"), dash=tr("report.empty_cell"), grids=tables,
        cells={key: formatted(t, tr) for key, t in tables.items()})
