"""The shared ecosystem ("out of silos") of the room, read from the store without widgets: the
teams of the room and the actors two or more of them named, joined by the kit's alias list.

The room is every team in the store but the worked example (which names the usual partners and
would look like one more team); a store with only the example shows the example."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ekokit.content.aliases import alias_table
from ekokit.model.actors import SharedActor, alias_index, shared_actors, team_actor_names
from ekokit.model.teams import DEMO_TEAM, Team
from ekokit.store.database import Store


def participating_teams(teams: Sequence[Team]) -> list[Team]:
    """The teams of the room: all but the worked example, unless it is the only team."""
    others = [t for t in teams if t.slug != DEMO_TEAM]
    return others if others else list(teams)


def latest_by_team(store: Store) -> dict[str, dict[str, dict[str, Any]]]:
    """{team slug: {exercise id: newest data}} for every team, in one query."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for (slug, exercise), revision in store.latest_all().items():
        out.setdefault(slug, {})[exercise] = revision.data
    return out


def ecosystem(teams: Sequence[Team], answers: dict[str, dict[str, dict[str, Any]]]
              ) -> list[SharedActor]:
    """The actors named by two or more of ``teams`` (their latest ``answers``), joined by the
    kit's alias list."""
    named = {t.slug: team_actor_names(answers.get(t.slug, {})) for t in teams}
    return shared_actors(named, alias_index(alias_table()))


@dataclass(frozen=True)
class RoomEcosystem:
    """The room's teams and the actors they share, as read at one moment."""

    teams: tuple[Team, ...]
    shared: tuple[SharedActor, ...]


def room_ecosystem(store: Store) -> RoomEcosystem:
    """The shared ecosystem of the room in ``store`` now (two queries)."""
    teams = participating_teams(store.teams())
    return RoomEcosystem(tuple(teams), tuple(ecosystem(teams, latest_by_team(store))))
