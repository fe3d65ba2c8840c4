"""The report model's comparisons as tables (:class:`~ekokit.reports.model.Table`), shared by
every format. A cell is text as typed, a count, or a mean (float); :func:`formatted` writes
them as text in the report's language."""

from __future__ import annotations

from ekokit.content.i18n import Translator
from ekokit.reports.model import Cell, Harvest, ProgrammeReport, Table
from ekokit.reports.text import number, signed


def formatted(table: Table, tr: Translator) -> list[list[str]]:
    """Every cell as text: means with the language's decimal mark, changes signed, counts."""
    out = []
    for row in table.rows:
        cells = []
        for i, value in enumerate(row):
            if value is None:
                cells.append("")
            elif isinstance(value, float):
                cells.append(signed(value, tr) if i in table.changes else number(value, tr))
            else:
                cells.append(str(value))
        out.append(cells)
    return out


def _change(before: float | None, after: float | None) -> float | None:
    return None if before is None or after is None else after - before


def harvest_tables(h: Harvest, tr: Translator) -> dict[str, Table]:
    """The team's harvest tables that have rows: maturity, impact chain, experiments,
    outcomes. (The phase is one line and the story a list of pairs: see :func:`story_pairs`.)"""
    grids = {}
    if h.maturity:
        grids["maturity"] = Table(
            tr("report.maturity_caption"),
            (tr("report.dimension"), tr("report.before"), tr("report.after"),
             tr("report.change")),
            tuple((r.dimension, r.before, r.after, r.change) for r in h.maturity),
            frozenset({1, 2, 3}), frozenset({3}))
    if h.chain:
        grids["chain"] = Table(
            tr("report.impact_chain"),
            (tr("report.step"), tr("report.before"), tr("report.after")),
            tuple((r.step, "\n".join(r.before), "\n".join(r.after)) for r in h.chain))
    if h.experiments:
        grids["experiments"] = experiment_table(h, tr)
    if h.outcomes:
        grids["outcomes"] = Table(
            tr("report.outcomes"),
            (tr("report.outcome"), tr("report.social_actor"), tr("report.change_type"),
             tr("report.significance")),
            tuple((r.statement, r.actor, r.change_type, r.significance) for r in h.outcomes))
    return grids


def experiment_table(h: Harvest, tr: Translator) -> Table:
    """The experiments with their decision as it stands (the harvest's, else the portfolio's);
    the code column only when some experiment has a code, the portfolio's decision only when
    the harvest changed it."""
    columns: list[tuple[str, object]] = []
    if any(r.code for r in h.experiments):
        columns.append((tr("report.code"), lambda r: r.code))
    columns += [(tr("report.experiment"), lambda r: r.name),
                (tr("report.owner"), lambda r: r.owner),
                (tr("report.experiment_phase"), lambda r: r.phase)]
    if any(r.planned and r.decision and r.planned != r.decision for r in h.experiments):
        columns.append((tr("report.decision_planned"), lambda r: r.planned))
    columns.append((tr("report.decision"), lambda r: r.latest))
    keep = [(label, get) for label, get in columns
            if any(get(r) for r in h.experiments)]  # type: ignore[operator]
    return Table(tr("report.experiments"), tuple(label for label, _ in keep),
                 tuple(tuple(get(r) for _, get in keep)  # type: ignore[operator]
                       for r in h.experiments))


def story_pairs(h: Harvest, tr: Translator) -> list[tuple[str, str]]:
    if h.story is None:
        return []
    s = h.story
    return [(label, value) for label, value in (
        (tr("report.story_title"), s.title), (tr("report.teller"), s.teller),
        (tr("report.what_changed"), s.what_changed),
        (tr("report.why_significant"), s.why_significant),
        (tr("report.selection_reason"), s.reason)) if value]


def phase_line(h: Harvest, tr: Translator) -> str:
    if not (h.phase_before or h.phase_after):
        return ""
    dash = tr("report.empty_cell")
    return tr("report.phase_line", before=h.phase_before or dash, after=h.phase_after or dash)


def programme_tables(report: ProgrammeReport) -> dict[str, Table]:
    """Progress, the harvest side by side, maturity change by dimension, every team's
    experiments and outcomes by name, the actor × team grid and the shared actors. Counts,
    means and changes are numbers (each format writes them its own way)."""
    tr = Translator(report.lang)
    progress = []
    for row in report.teams:
        cells: list[Cell] = [row.team.name, row.team.phenomenon]
        cells += [part.session.done + part.homework.done for part in row.sessions]
        cells.append(row.total.done)
        progress.append(tuple(cells))
    sessions = len(report.session_titles)
    totals = report.session_totals or (0,) * sessions
    progress_headers = (tr("report.team"), tr("report.phenomenon"),
                        *(tr("report.done_of", title=title, total=total)
                          for title, total in zip(report.session_titles, totals, strict=True)),
                        tr("report.done_of", title=tr("report.total"), total=sum(totals)))

    harvest = []
    for row in report.teams:
        h = row.harvest
        before, after = h.mean("before"), h.mean("after")
        decisions = ", ".join(f"{label}: {count}" for label, count in h.decisions().items())
        harvest.append((row.team.name, h.phase_before, h.phase_after, before, after,
                        _change(before, after), len(h.experiments), decisions,
                        len(h.outcomes), h.story.title if h.story else ""))

    maturity = []
    for row in report.teams:
        found = {m.dimension: m for m in row.harvest.maturity}
        maturity.append((row.team.name, *(found[d].change if d in found else None
                                          for d in report.dimensions)))

    experiments = tuple((row.team.name, e.code, e.name, e.owner, e.latest)
                        for row in report.teams for e in row.harvest.experiments)
    outcomes = tuple((row.team.name, o.statement, o.actor, o.change_type, o.significance)
                     for row in report.teams for o in row.harvest.outcomes)

    named = tr("report.named_elsewhere")
    grid_rows = []
    for actor in report.shared:
        cells = [actor.name]
        for row in report.teams:
            place = report.places.get((actor.name, row.team.slug))
            if place is None:
                cells.append("")
            else:
                cells.append(" · ".join([p for p in (place.ring, ", ".join(place.roles)) if p])
                             or named)
        grid_rows.append(tuple(cells))

    shared = tuple((a.name, len(a.teams), ", ".join(report.team_name(t) for t in a.teams),
                    "; ".join(a.spellings)) for a in report.shared)
    dims = len(report.dimensions)
    return {
        "progress": Table(tr("report.progress_caption"), progress_headers, tuple(progress),
                          frozenset(range(2, 3 + sessions))),
        "harvest": Table(tr("report.harvest_side_caption"),
                        (tr("report.team"), tr("report.phase_before"), tr("report.phase_after"),
                         tr("report.maturity_mean_before"), tr("report.maturity_mean_after"),
                         tr("report.change"), tr("report.experiment_count"),
                         tr("report.decision"), tr("report.outcome_count"), tr("report.story")),
                        tuple(harvest), frozenset({3, 4, 5, 6, 8}), frozenset({5})),
        "maturity": Table(tr("report.maturity_by_team_caption"),
                         (tr("report.team"), *report.dimensions), tuple(maturity),
                         frozenset(range(1, 1 + dims)), frozenset(range(1, 1 + dims))),
        "experiments": Table(tr("report.experiments_by_team"),
                            (tr("report.team"), tr("report.code"), tr("report.experiment"),
                             tr("report.owner"), tr("report.decision")), experiments),
        "outcomes": Table(tr("report.outcomes_by_team"),
                         (tr("report.team"), tr("report.outcome"), tr("report.social_actor"),
                          tr("report.change_type"), tr("report.significance")), outcomes),
        "grid": Table(tr("report.actor_grid_caption"),
                     (tr("report.actor"), *(row.team.name for row in report.teams)),
                     tuple(grid_rows)),
        "shared": Table(tr("report.shared_caption"),
                       (tr("report.actor"), tr("report.team_count"), tr("report.teams"),
                        tr("report.spellings")), shared, frozenset({1})),
    }
