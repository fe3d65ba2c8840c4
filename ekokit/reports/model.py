"""The report model: what a report says, as plain data, before any format.

A team's report holds its latest answers as sessions of answered exercises (in programme order,
homework after its session), each with its answers as ``(label, text)`` pairs, its list fields
as tables and its rendered chart, plus the harvest comparison (:class:`Harvest`). The programme
report holds every team's progress and harvest, and the actors named by more than one team.
:mod:`ekokit.reports.build` makes them from the store; the renderers (``to_html``, ``to_pptx``,
``to_xlsx``, ``to_markdown``) only lay them out. Every text is a ``str`` exactly as the user
typed it: escaping is the renderer's job."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from ekokit.charts import Chart
from ekokit.model.actors import SharedActor
from ekokit.model.progress import SessionProgress, State, Tally
from ekokit.model.teams import Team
from ekokit.reports.text import labelled

Pairs = tuple[tuple[str, str], ...]
PORTFOLIO, OUTCOMES, STORIES = "s3_portfolio", "s4_outcome_harvesting", "s4_msc_stories"
CHAIN_BEFORE, CHAIN_AFTER = "s1_impact_chain", "s4_impact_chain"
CHAIN_FIELDS = ("resources", "activities", "outputs", "outcomes", "impacts", "assumptions")


Cell = str | int | float | None


@dataclass(frozen=True)
class Table:
    """A table of the report: a list field's rows (headers: the item fields' labels, only the
    columns with a value) or a comparison. A cell is text as typed, a count or a mean; each
    format writes numbers its own way."""

    caption: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: frozenset[int] = field(default_factory=frozenset)  # right-aligned columns
    changes: frozenset[int] = field(default_factory=frozenset)  # numbers shown with a sign


@dataclass(frozen=True, eq=False)
class ExerciseReport:
    id: str
    title: str
    session: str  # "1".."4" or "h1".."h3"
    homework: bool
    state: State
    answers: tuple[tuple[str, Cell], ...]  # the filled fields that are not lists: (label, text
    # or, for a number field, the number)
    tables: tuple[Table, ...]  # the filled list fields
    draw: Callable[[], Chart | None] = field(default=lambda: None, repr=False)

    @functools.cached_property
    def chart(self) -> Chart | None:
        """The exercise's chart, drawn the first time a format asks for it and then reused
        (None when the exercise's chart is the answer table, ``summary``)."""
        return self.draw()

    def key_points(self) -> Pairs:
        """Answers and list rows as (label, text): what a slide or a summary lists. A row is
        labelled by its first cell, every other value by its column: "Oikeusministeriö" with
        "Valta nyt 5 · Kiinnostus nyt 4 · Suhtautuminen: Myönteinen"."""
        points = [(label, str(value)) for label, value in self.answers]
        for table in self.tables:
            for row in table.rows:
                first, rest = row[0], list(zip(table.headers[1:], row[1:], strict=False))
                values = " · ".join(
                    f"{header} {value}" if isinstance(value, int | float)
                    else labelled(header, str(value)) for header, value in rest
                    if value not in ("", None))
                if first in ("", None):
                    points.append((table.caption, values))
                else:
                    points.append((f"{table.caption} · {first}" if len(self.tables) > 1
                                   else str(first), values))
        return tuple(points)


@dataclass(frozen=True)
class SessionReport:
    id: str  # "1".."4"
    title: str
    exercises: tuple[ExerciseReport, ...]  # the answered ones, in programme order
    unanswered: tuple[str, ...]  # titles of the exercises with no answer
    order: tuple[tuple[str, str], ...] = ()  # (id, title) of every exercise, programme order

    def listing(self) -> list[tuple[str, ExerciseReport | None]]:
        """Every exercise of the session in programme order: (title, its report or None)."""
        answered = {e.id: e for e in self.exercises}
        return [(title, answered.get(eid)) for eid, title in self.order]


@dataclass(frozen=True)
class MaturityRow:
    dimension: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class ChainRow:
    step: str
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class ExperimentRow:
    code: str  # the stable id ("K1") that links the portfolio and the harvest; may be ""
    name: str
    owner: str
    phase: str
    planned: str  # the decision in the Session 3 portfolio
    decision: str  # the decision at the harvest

    @property
    def latest(self) -> str:
        """The decision as it stands: the harvest's, else the portfolio's."""
        return self.decision or self.planned


@dataclass(frozen=True)
class MemberRating:
    """One member's maturity ratings in one session ("1" or "4"): {dimension label: 1–5}."""

    session: str
    member: str
    scores: tuple[tuple[str, int | float], ...]


@dataclass(frozen=True)
class OutcomeRow:
    statement: str
    actor: str
    change_type: str
    significance: str


@dataclass(frozen=True)
class Story:
    title: str
    teller: str
    what_changed: str
    why_significant: str
    reason: str


@dataclass(frozen=True)
class Harvest:
    """Session 1 against Session 4: labels in the report's language, texts as typed."""

    maturity: tuple[MaturityRow, ...]
    phase_before: str
    phase_after: str
    chain: tuple[ChainRow, ...]
    experiments: tuple[ExperimentRow, ...]
    outcomes: tuple[OutcomeRow, ...]
    story: Story | None
    members: tuple[MemberRating, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.maturity or self.phase_before or self.phase_after or self.chain
                    or self.experiments or self.outcomes or self.story)

    def mean(self, which: str) -> float | None:
        """The mean over the dimensions rated in ``which`` ("before" or "after")."""
        values = [getattr(r, which) for r in self.maturity if getattr(r, which) is not None]
        return sum(values) / len(values) if values else None

    def decisions(self) -> dict[str, int]:
        """How many experiments got each harvest decision (labels), in first-seen order."""
        counts: dict[str, int] = {}
        for row in self.experiments:
            if row.latest:
                counts[row.latest] = counts.get(row.latest, 0) + 1
        return counts


@dataclass(frozen=True, eq=False)
class TeamReport:
    lang: str
    team: Team
    date: dt.date
    sessions: tuple[SessionReport, ...]
    harvest: Harvest
    total: int  # exercises in the programme
    draw_summary: Callable[[], Chart | None] = field(default=lambda: None, repr=False)

    @functools.cached_property
    def summary_chart(self) -> Chart | None:
        """The harvest at a glance (S1 → S4 in one figure), drawn once per report."""
        return self.draw_summary()

    @property
    def exercises(self) -> tuple[ExerciseReport, ...]:
        return tuple(e for s in self.sessions for e in s.exercises)


@dataclass(frozen=True)
class TeamRow:
    """One team in the programme report."""

    team: Team
    sessions: tuple[SessionProgress, ...]  # in the order of ProgrammeReport.session_titles
    total: Tally
    harvest: Harvest


@dataclass(frozen=True)
class ActorPlace:
    """Where one team put a shared actor on its ecosystem map: ring and roles (labels); both
    empty when the team named the actor in another exercise only."""

    ring: str
    roles: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class ProgrammeReport:
    lang: str
    date: dt.date
    session_titles: tuple[str, ...]  # short: "Tapaaminen 1"
    teams: tuple[TeamRow, ...]  # the participating teams: never the demo team
    dimensions: tuple[str, ...]  # maturity dimension labels, for the side-by-side table
    shared: tuple[SharedActor, ...]  # their ``teams`` are slugs: see :meth:`team_name`
    places: dict[tuple[str, str], ActorPlace] = field(default_factory=dict)  # (actor, slug)
    session_totals: tuple[int, ...] = ()  # exercises per session (its homework included)
    draw_network: Callable[[], Chart | None] = field(default=lambda: None, repr=False)

    @functools.cached_property
    def network(self) -> Chart | None:
        """The shared actors and the teams that named them, drawn once per report."""
        return self.draw_network()

    def team_name(self, slug: str) -> str:
        return next((row.team.name for row in self.teams if row.team.slug == slug), slug)


# -- building ------------------------------------------------------------------------------------
