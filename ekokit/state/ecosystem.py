"""The shared ecosystem ("out of silos") of the room, read from the store without widgets: the
teams of the room and the actors two or more of them named, joined by the kit's alias list.

The room is every team in the store but the demo teams (which name the usual partners and would
look like more teams); a store with only those shows the demo team in the page's language
(:func:`ekokit.model.teams.participating_teams`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ekokit.content.aliases import alias_table
from ekokit.model.actors import SharedActor, alias_index, shared_actors, team_actor_names
from ekokit.model.teams import Team, participating_teams
from ekokit.store.database import Store


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


def room_ecosystem(store: Store, lang: str = "fi") -> RoomEcosystem:
    """The shared ecosystem of the room in ``store`` now (two queries), for a page in ``lang``."""
    teams = participating_teams(store.teams(), lang)
    return RoomEcosystem(tuple(teams), tuple(ecosystem(teams, latest_by_team(store))))
