"""What the projector shows, read from the store without widgets: the teams of the room (the
demo team only when it is alone), their shared ecosystem, and every team's newest answer to
one exercise. The projector renders it."""

from __future__ import annotations

from ekokit.content.exercises import Exercise
from ekokit.model.teams import Team, participating_teams
from ekokit.state.ecosystem import RoomEcosystem, room_ecosystem
from ekokit.state.overview import TeamAnswer, answers_to
from ekokit.store.database import Store


class RoomScreen:
    """The room as the projector shows it. Every method is a fresh look at the store."""

    def __init__(self, store: Store | None = None, lang: str = "fi") -> None:
        self.store = store if store is not None else Store()
        self.lang = lang  # an empty room shows the demo team in this language

    def teams(self) -> list[Team]:
        return participating_teams(self.store.teams(), self.lang)

    def ecosystem(self) -> RoomEcosystem:
        return room_ecosystem(self.store, self.lang)

    def answers(self, exercise: Exercise) -> list[TeamAnswer]:
        """Every team's newest revision of ``exercise`` (no team: nothing more is read)."""
        teams = self.teams()
        if not teams:
            return []
        return answers_to(exercise, teams, self.store.latest_all())
