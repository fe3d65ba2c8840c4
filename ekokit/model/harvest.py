"""The harvest reads what a team saved earlier: Session 1 against Session 4.

Session 4's re-rating (s4_before_after) uses the same field definitions as Session 1's maturity
radar and life-cycle phase, so the two can be compared field for field."""

from __future__ import annotations

from dataclasses import dataclass

from ekokit.charts.radar import team_mean
from ekokit.store.database import Store

BEFORE_MATURITY, BEFORE_PHASE, AFTER = "s1_maturity", "s1_lifecycle", "s4_before_after"


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


def before_after(store: Store, team: str) -> BeforeAfter:
    latest = store.latest_all(team)

    def data(exercise: str) -> dict:
        revision = latest.get((team, exercise))
        return revision.data if revision else {}

    return BeforeAfter(
        maturity_before=team_mean(data(BEFORE_MATURITY).get("ratings")),
        maturity_after=team_mean(data(AFTER).get("ratings")),
        phase_before=data(BEFORE_PHASE).get("current_phase"),
        phase_after=data(AFTER).get("current_phase"),
    )
