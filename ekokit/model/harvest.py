"""The harvest reads what a team saved earlier: Session 1 against Session 4.

Session 4's re-rating (s4_before_after) uses the same field definitions as Session 1's maturity
radar and life-cycle phase, so the two can be compared field for field."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ekokit.content.vocab import vocabularies

BEFORE_MATURITY, BEFORE_PHASE, AFTER = "s1_maturity", "s1_lifecycle", "s4_before_after"
VOCAB = "maturity_dimension"


def member_scores(rating: dict[str, Any]) -> dict[str, float]:
    scores = rating.get("scores") if isinstance(rating, dict) else None
    return {str(k): v for k, v in (scores or {}).items()
            if isinstance(v, int | float) and not isinstance(v, bool)}


def team_mean(ratings: list[dict[str, Any]] | None) -> dict[str, float]:
    """Mean score per dimension over the members who rated it (unrounded), in vocabulary order;
    dimensions nobody rated are left out."""
    sums: dict[str, float] = {}
    counts: dict[str, int] = {}
    for rating in ratings or []:
        for dim, value in member_scores(rating).items():
            sums[dim] = sums.get(dim, 0) + value
            counts[dim] = counts.get(dim, 0) + 1
    order = {d: i for i, d in enumerate(vocabularies().get(VOCAB, ()))}
    return {d: sums[d] / counts[d] for d in sorted(sums, key=lambda d: order.get(d, len(order)))}


@dataclass(frozen=True)
class BeforeAfter:
    """Team means per maturity dimension and the life-cycle phase, before and after."""

    maturity_before: dict[str, float]
    maturity_after: dict[str, float]
    phase_before: str | None
    phase_after: str | None

    def change(self) -> dict[str, float]:
        """After minus before, for the dimensions rated both times."""
        both = self.maturity_before.keys() & self.maturity_after.keys()
        return {d: self.maturity_after[d] - self.maturity_before[d]
                for d in self.maturity_after if d in both}


def before_after(answers: Mapping[str, dict[str, Any]]) -> BeforeAfter:
    """From a team's latest answers ({exercise id: data})."""

    def data(exercise: str) -> dict[str, Any]:
        return answers.get(exercise) or {}

    return BeforeAfter(
        maturity_before=team_mean(data(BEFORE_MATURITY).get("ratings")),
        maturity_after=team_mean(data(AFTER).get("ratings")),
        phase_before=data(BEFORE_PHASE).get("current_phase"),
        phase_after=data(AFTER).get("current_phase"),
    )


PORTFOLIO = "s3_portfolio"


def _text(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


@dataclass(frozen=True)
class LinkedExperiment:
    """One experiment as the Session 3 portfolio planned it and the harvest decided it (either
    may be empty). ``decision`` is the harvest's, else the portfolio's (it flows from there)."""

    code: str
    name: str
    planned: Mapping[str, Any]
    harvested: Mapping[str, Any]

    @property
    def decision(self) -> str | None:
        value = self.harvested.get("decision") or self.planned.get("decision")
        return value if isinstance(value, str) and value else None

    @property
    def decided_at_harvest(self) -> bool:
        return bool(self.harvested.get("decision"))


def linked_experiments(answers: Mapping[str, dict[str, Any]]) -> list[LinkedExperiment]:
    """The portfolio's experiments (Session 3) joined with the harvest's (Session 4) by code,
    then by name: a renamed experiment with the same code stays one row, and the harvest's
    name is the current one. Portfolio order first, then the harvest's new experiments."""

    def listed(exercise: str) -> list[dict[str, Any]]:
        value = (answers.get(exercise) or {}).get("experiments")
        return [r for r in value if isinstance(r, dict) and _text(r.get("name"))] \
            if isinstance(value, list) else []

    planned, harvested = listed(PORTFOLIO), listed(AFTER)
    by_code = {_text(r.get("code")).casefold(): r for r in harvested if _text(r.get("code"))}
    by_name = {_text(r.get("name")).casefold(): r for r in harvested}
    used: set[int] = set()
    out = []
    for plan in planned:
        code = _text(plan.get("code")).casefold()
        done = by_code.get(code) if code else None
        if done is None:
            candidate = by_name.get(_text(plan.get("name")).casefold())
            # a harvest row with another code is another experiment of the same name
            if candidate is not None and not (code and _text(candidate.get("code"))):
                done = candidate
        if done is not None and id(done) in used:
            done = None
        if done is not None:
            used.add(id(done))
        out.append(LinkedExperiment(_text(plan.get("code")) or _text((done or {}).get("code")),
                                    _text((done or {}).get("name")) or _text(plan.get("name")),
                                    plan, done or {}))
    out += [LinkedExperiment(_text(r.get("code")), _text(r.get("name")), {}, r)
            for r in harvested if id(r) not in used]
    return out
