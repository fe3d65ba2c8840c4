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
from typing import Any

from pptx import Presentation
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as Deck
from pptx.util import Inches

from ekokit.content.i18n import Translator
from ekokit.content.timefmt import local_date
from ekokit.reports import fit
from ekokit.reports.model import ExerciseReport, SessionReport, TeamReport
from ekokit.reports.pptx_deck import (
    HEIGHT,
    INSET,
    KEY_CHARTS,
    LANGUAGE,
    LOCALE,
    MARGIN,
    SHORT_MAX,
    WIDTH,
    _Deck,
    _emu_pt,
)
from ekokit.reports.pptx_text import Runs, _cut_to, _labelled, _paginate
from ekokit.reports.tables import harvest_tables, phase_line, story_pairs
from ekokit.reports.text import counted, label_colon, one_line, xml_safe


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
