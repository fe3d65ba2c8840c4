"""What the projector shows, read from the store without widgets: the teams of the room (the
worked example only when it is alone), their shared ecosystem, and every team's newest answer to
one exercise. The projector renders it."""

from __future__ import annotations

from ekokit.content.exercises import Exercise
from ekokit.model.teams import Team
from ekokit.state.ecosystem import RoomEcosystem, participating_teams, room_ecosystem
from ekokit.state.overview import TeamAnswer, answers_to
from ekokit.store.database import Store


class RoomScreen:
    """The room as the projector shows it. Every method is a fresh look at the store."""

    def __init__(self, store: Store | None = None) -> None:
        self.store = store if store is not None else Store()

    def teams(self) -> list[Team]:
        return participating_teams(self.store.teams())

    def ecosystem(self) -> RoomEcosystem:
        return room_ecosystem(self.store)

    def answers(self, exercise: Exercise) -> list[TeamAnswer]:
        """Every team's newest revision of ``exercise`` (no team: nothing more is read)."""
        teams = self.teams()
        if not teams:
            return []
        return answers_to(exercise, teams, self.store.latest_all())
