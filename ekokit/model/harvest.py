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
